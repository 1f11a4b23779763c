"""What the plugin writes after mkdocs has rendered every page.

* one search index per language tree (``zhpress.site.searchindex``);
* ``sitemap.xml`` (and ``.gz``) listing each page with its alternates in the
  other two languages (``xhtml:link rel="alternate" hreflang``);
* the ``<head>`` additions of the 404 pages, which a host serves for any
  missing URL, at any depth.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from zhpress.fsutil import atomic_write_bytes
from zhpress.site.content import NOT_FOUND, GeneratedPage, SiteContent
from zhpress.site.languages import EN, LANGUAGES
from zhpress.site.searchindex import (
    IndexedPage,
    Passage,
    char_map,
    page_passages,
    publish,
    write_tree_index,
)

SEARCHABLE_KINDS = frozenset({"report", "glossary"})


def write_search_indexes(
    site_dir: Path, content: SiteContent, passages: dict[str, list[Passage]]
) -> dict[str, int]:
    """Replace the theme's one index with one per tree; returns shards per tree."""
    trees: dict[str, list[IndexedPage]] = {lang.key: [] for lang in LANGUAGES}
    for page in content.pages:  # content order: newest report first
        if page.kind not in SEARCHABLE_KINDS:
            continue
        lang = page.lang
        found = passages.get(page.src_uri)
        if found is None:  # not rendered this time (`mkdocs serve --dirty`)
            found = _passages_on_disk(site_dir / lang.url(page.key) / "index.html")
        if found is None:
            continue
        title = next((p.text for p in found if not p.anchor), page.key)
        url = lang.url(page.key)[len(lang.prefix) :]
        trees[lang.key].append(IndexedPage(url, title, found))
    cmap = char_map(p.text for pages in trees.values() for page in pages for p in page.passages)
    shards: dict[str, int] = {}
    for lang in LANGUAGES:
        out = site_dir / lang.prefix / "search"
        kind = "en" if lang is EN else "zh"
        shards[lang.key] = write_tree_index(out, lang.prefix, kind, trees[lang.key], cmap)
    # Material's lunr index of the whole site is not used by anything now
    stale = site_dir / "search" / "search_index.js"
    if stale.exists():
        stale.unlink()
    return shards


def _passages_on_disk(path: Path) -> list[Passage] | None:
    try:
        return page_passages(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def write_sitemap(site_dir: Path, content: SiteContent, site_url: str | None, epoch: int) -> None:
    """sitemap.xml with every page's alternates; needs site_url (absolute URLs)."""
    if not site_url:
        return
    base = site_url if site_url.endswith("/") else site_url + "/"
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in content.pages:
        if page.key == NOT_FOUND:
            continue
        lines.append("    <url>")
        lines.append(f"         <loc>{html.escape(base + page.lang.url(page.key))}</loc>")
        lines.append(f"         <lastmod>{day}</lastmod>")
        for alt in content.alternates(page.key):
            href = html.escape(base + alt["link"])
            lines.append(
                f'         <xhtml:link rel="alternate" hreflang="{alt["lang"]}" href="{href}"/>'
            )
        lines.append("    </url>")
    lines.append("</urlset>")
    text = "\n".join(lines) + "\n"
    publish(site_dir / "sitemap.xml", text)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, filename="sitemap.xml.gz", mode="wb", mtime=epoch) as gz:
        gz.write(text.encode("utf-8"))
    atomic_write_bytes(site_dir / "sitemap.xml.gz", buf.getvalue())
    os.chmod(site_dir / "sitemap.xml.gz", 0o644)


_PICK_TREE = """<script>(function(){var root=%s,p=location.pathname,m;
if(root!==null){m=p.indexOf(root)===0&&p.slice(root.length).match(/^(zh-Hant|en)\\//);
if(m)location.replace(root+m[1]+"/404.html");return}
m=p.match(/^(.*?\\/)(zh-Hant|en)\\//);if(m)location.replace(m[1]+m[2]+"/404.html")})();</script>"""


def not_found_head(page: GeneratedPage, config: object) -> str:
    """<head> additions of a 404 page.

    A host serves the 404 page for a missing URL at any depth, where its
    relative asset links would break: with a known site_url a <base> makes
    them absolute. The root 404 (the only one GitHub Pages serves) also sends
    a reader who was in /zh-Hant/ or /en/ to that tree's 404 page.
    """
    site_url = getattr(config, "site_url", None) or None
    root = urlsplit(site_url).path if site_url else None
    if root is not None and not root.endswith("/"):
        root += "/"
    head = ""
    if root is not None:
        head += f'<base href="{html.escape(root + page.lang.prefix)}">'
    if not page.lang.prefix:
        head += _PICK_TREE % json.dumps(root)
    return head
