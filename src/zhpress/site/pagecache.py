"""Rendered pages from the build cache, so a rebuild renders only what changed.

mkdocs renders every page on every build: its Markdown to HTML, then the
theme template around it. Both steps are pure functions of their inputs, so
zhpress keeps their results in the build cache (``zhpress.buildcache``):

* ``content``: a page's Markdown rendered to HTML (with its table of
  contents and anchors), keyed by the Markdown, the page's place in the site,
  the configuration and the code. Navigation does not enter it, so adding a
  report re-renders no other page's Markdown.
* ``page``: the finished HTML file and its search passages (with their index
  terms), keyed by the content key plus everything the template reads about
  the rest of the site: the language's navigation, the language switcher,
  the page's metadata and neighbours.

A hit skips the theme template: every generated page is rendered through
``zhpress-cached.html``, which prints a placeholder when the plugin found the
finished page (``zhpress_cached`` in the context) and otherwise includes
``main.html`` as usual. The placeholder is replaced by the cached file in the
plugin's last ``on_post_page``. A cold build with the cache and a build
without it write byte-identical sites (tested).
"""

from __future__ import annotations

import posixpath
import re
import sys
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from zhpress.buildcache import BuildCache, code_fingerprint, fingerprint, tree_digest
from zhpress.site.searchindex import Passage, passage_terms

CONTENT = "content"
OUTPUT = "page"
CACHED_TEMPLATE = "zhpress-cached.html"
PLACEHOLDER = "<!-- zhpress: cached page -->"

# Top-level settings that can change a rendered page. Plugins and the theme
# are added separately (their objects need care to fingerprint).
_CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "use_directory_urls",
    "repo_url",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "extra",
    "extra_css",
    "extra_javascript",
    "extra_templates",
    "markdown_extensions",
    "mdx_configs",
    "validation",
)


# Markdown extensions and plugins that pull other files (or arbitrary code)
# into a page: its Markdown alone no longer says what the page contains.
_READS_OTHER_FILES = (
    "pymdownx.snippets",
    "markdown_include.include",
    "mdx_include",
    "include-markdown",
    "macros",
)


def uncacheable(config: MkDocsConfig) -> str | None:
    """The configured extension or plugin that makes cached pages unsafe, if any."""
    names = [str(e) for e in config.markdown_extensions] + list(config.plugins.keys())
    return next((n for n in names if n in _READS_OTHER_FILES), None)


class PageCache:
    """What the cached pages of one build share: the cache and the fingerprints."""

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self.environment = ""
        self.navigation: dict[str, str] = {}

    def set_environment(self, config: MkDocsConfig, glossary: str) -> None:
        """Fingerprint what every page's rendering depends on; called once the
        configuration is final (on_nav), before any page is read."""
        theme = config.theme
        custom = [d for d in theme.dirs if "site-packages" not in d and "dist-packages" not in d]
        plugins = [
            [name, dict(plugin.config) if hasattr(plugin, "config") else None]
            for name, plugin in config.plugins.items()
        ]
        self.environment = fingerprint(
            code_fingerprint(),
            {key: config.get(key) for key in _CONFIG_KEYS},
            [theme.name, dict(theme), [tree_digest(Path(d)) for d in custom]],
            plugins,
            glossary,
        )

    def set_navigation(self, navs: dict[str, Navigation]) -> None:
        """Fingerprint each language's navigation (titles are known once every
        page has been read: on_env)."""
        self.navigation = {
            lang: fingerprint([[p.file.src_uri, p.title, p.url] for p in nav.pages])
            for lang, nav in navs.items()
        }

    def output_key(self, page: CachedPage, lang: str, alternates: Any) -> str:
        def near(other: Page | None) -> Any:
            return [other.url, other.title] if other is not None else None

        meta = {k: v for k, v in page.meta.items() if k != "template"}
        return fingerprint(
            page.content_key,
            self.navigation.get(lang, ""),
            alternates,
            meta,
            page.title,
            page.canonical_url,
            page.edit_url,
            page.update_date,
            near(page.previous_page),
            near(page.next_page),
            page.is_homepage,
        )

    def load_output(self, key: str) -> tuple[str, list[Passage]] | None:
        found = self.cache.get_with_text(OUTPUT, key)
        if found is None or not found[1]:
            return None
        entry, html = found
        try:
            passages = [
                Passage(a, t, h, tuple(map(sys.intern, terms)))
                for a, t, h, terms in entry["passages"]
            ]
        except (TypeError, ValueError, KeyError):
            return None
        return html, passages

    def store_output(self, key: str, html: str, passages: list[Passage]) -> None:
        rows = []
        for p in passages:
            if p.terms is None:
                p.terms = passage_terms(p.text)
            rows.append([p.anchor, p.text, p.heading, list(p.terms)])
        self.cache.put(OUTPUT, key, {"passages": rows}, html)


class CachedPage(Page):
    """A generated page whose Markdown rendering comes from the cache when
    nothing it depends on changed."""

    page_cache: PageCache | None = None
    content_key: str = ""
    # A site of a thousand reports holds six thousand pages' Markdown and
    # HTML at once (mkdocs renders every page before writing any): kept
    # zlib-compressed, that text no longer dominates the peak memory.
    _zsource: bytes | None = None
    _zcontent: bytes | None = None
    _content: str | None = None
    compress_next_content = False

    def keep_source(self, markdown: str) -> None:
        """The page's Markdown (front matter included), compressed until read."""
        self._zsource = zlib.compress(markdown.encode("utf-8"), 1)

    def read_source(self, config: MkDocsConfig) -> None:
        if self._zsource is None:
            super().read_source(config)
            return
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = zlib.decompress(self._zsource).decode("utf-8")
        self.markdown, self.meta = get_data(source)

    @property  # type: ignore[override]
    def content(self) -> str | None:
        if self._zcontent is not None:
            return zlib.decompress(self._zcontent).decode("utf-8")
        return self._content

    @content.setter
    def content(self, value: str | None) -> None:
        self._zcontent = None
        self._content = value
        if value and self.compress_next_content:
            self.compress_next_content = False
            self._zcontent, self._content = zlib.compress(value.encode("utf-8"), 1), None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        cache = self.page_cache
        if cache is None or not cache.cache.enabled:
            super().render(config, files)
            return
        self.content_key = fingerprint(
            cache.environment,
            self.file.src_uri,
            self.markdown,
            linked_files(self.markdown or "", self.file.src_uri, files),
        )
        found = cache.cache.get_with_text(CONTENT, self.content_key)
        if found is not None and isinstance(found[0], dict) and self._restore(*found, files):
            return
        super().render(config, files)
        cache.cache.put(CONTENT, self.content_key, self._snapshot(), self.content or "")

    def _snapshot(self) -> dict[str, Any]:
        links = None
        if self.links_to_anchors is not None:
            links = {f.src_uri: dict(v) for f, v in self.links_to_anchors.items()}
        return {
            "toc": [_token(item) for item in self.toc],
            "title": self._title_from_render,
            "anchors": sorted(self.present_anchor_ids or ()),
            "links": links,
        }

    def _restore(self, entry: dict[str, Any], content: str, files: Files) -> bool:
        try:
            links = None
            if entry["links"] is not None:
                links = {}
                for uri, anchors in entry["links"].items():
                    target = files.get_file_from_path(uri)
                    if target is None:
                        return False
                    links[target] = dict(anchors)
            self.content = content
            self.toc = get_toc(entry["toc"])
            self._title_from_render = entry["title"]
            self.present_anchor_ids = set(entry["anchors"])
            if links is not None:
                self.links_to_anchors = links
        except (KeyError, TypeError, AttributeError):
            return False
        return True


# Where Markdown names another file: inline links and images, reference
# definitions, and href/src attributes of raw HTML.
_LINK_TARGETS = re.compile(
    r"\]\(\s*(?:<([^>\n]+)>|([^)\s]+))"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)"
    r"""|\b(?:href|src)\s*=\s*["']([^"']+)["']""",
    re.MULTILINE,
)
_EXTERNAL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|#)")


def linked_files(markdown: str, src_uri: str, files: Files) -> list[list[Any]]:
    """The files a page's Markdown links to, each with whether the site has it.

    Rendering a link depends on whether its target exists (mkdocs turns
    ``other.md`` into the other page's URL, or warns); nothing else about the
    site's files does. Keying a page's HTML on this, rather than on the whole
    file list, lets a new report leave every other page's Markdown rendering
    in the cache.
    """
    base = posixpath.dirname(src_uri)
    out = set()
    for match in _LINK_TARGETS.finditer(markdown):
        target = next(g for g in match.groups() if g is not None)
        if _EXTERNAL.match(target):
            continue
        path = unquote(urlsplit(target).path)
        if not path:
            continue
        if path.startswith("/"):
            resolved = path.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(base, path))
        out.add((resolved, files.get_file_from_path(resolved) is not None))
    return [list(item) for item in sorted(out)]


def _token(item: Any) -> dict[str, Any]:
    # the shape of Python-Markdown's toc_tokens, which mkdocs' get_toc reads
    return {
        "level": item.level,
        "id": item.id,
        "name": item.title,
        "children": [_token(child) for child in item.children],
    }
