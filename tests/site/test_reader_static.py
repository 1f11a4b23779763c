"""Static checks over the built HTML of the small project: languages, hreflang,
self-containment, per-language search indexes, anchors, bilingual view, 404."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest
from searchquery import TreeIndex
from sitehtml import page
from siteproject import REPORTS, run_build, translate_all, write_project

from zhpress.site.content import GeneratedPage, SiteContent
from zhpress.site.languages import HANT
from zhpress.site.postbuild import write_search_indexes

TREES = {"": "zh-Hans", "zh-Hant/": "zh-Hant", "en/": "en"}
ANCHOR = re.compile(r'id="(p-[0-9a-f]{8}(?:-\d+)?)"')
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def _tree_of(url: str) -> str:
    for prefix in ("zh-Hant/", "en/"):
        if url.startswith(prefix):
            return prefix
    return ""


def _html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_has_three_hreflang_links_and_its_language(built_site: Path) -> None:
    pages = _html_pages(built_site)
    assert len(pages) >= 3 * (len(REPORTS) * 2 + 2)  # reports, bilingual, home, 404
    for rel in pages:
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        here = page(built_site, url)
        assert here.p.html_lang == TREES[_tree_of(rel)], rel
        langs = [lang for lang, _ in here.p.alternates]
        assert langs == ["zh-Hans", "zh-Hant", "en"], (rel, langs)
        for lang, href in here.p.alternates:
            target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + rel), href))
            target = target.lstrip("/") + ("/" if href.endswith("/") and target != "/" else "")
            assert _tree_of(target) == {v: k for k, v in TREES.items()}[lang], (rel, href)
            path = built_site / target
            assert (path / "index.html" if target.endswith("/") or not target else path).is_file()


def test_no_page_or_stylesheet_loads_anything_from_another_host(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html_file
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text):
            if re.search(r'rel="(?:canonical|alternate)"', tag):
                continue  # links to pages, not assets
            assert not EXTERNAL.search(tag), (html_file, tag)
        for style in re.findall(r"style=\"([^\"]*)\"|<style>(.*?)</style>", text, re.DOTALL):
            assert "//" not in "".join(style), html_file
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not re.match(r"(?:https?:)?//", target), (css, target)
        assert "@import" not in text or "//" not in text.split("@import", 1)[1][:80], css


@pytest.mark.parametrize("prefix", sorted(TREES))
def test_each_search_index_holds_only_its_own_pages(built_site: Path, prefix: str) -> None:
    index = TreeIndex(built_site, prefix)
    urls = [url for url, _ in index.manifest["pages"]]
    for url in urls:
        assert (built_site / prefix / url / "index.html").is_file(), (prefix, url)
    assert {f"{s}/" for s in REPORTS} <= set(urls)
    text = " ".join(p[2] for p in index.passages())
    if prefix == "zh-Hant/":
        assert "發展" in text and "发展" not in text
    elif prefix == "":
        assert "发展" in text and "發展" not in text
    else:
        assert "Translation status" not in text  # the banner is not a passage
        assert "发展" in text  # pending passages show the Chinese, and are searchable
    # the theme's own index (every language in one file) is gone
    assert not (built_site / prefix / "search" / "search_index.js").exists()


def test_search_is_cross_script_in_both_directions(built_site: Path) -> None:
    hant = TreeIndex(built_site, "zh-Hant/")
    hans = TreeIndex(built_site, "")
    # 头发 (Simplified source) is 頭髮 in the Traditional tree; 胡同裡 the reverse
    assert "2022-01-06-tongzhou/" in hant.search("头发")
    assert "2022-01-06-tongzhou/" in hans.search("頭髮")
    assert "2025-01-08-dongcheng/" in hans.search("胡同裡的居民")
    assert "2025-01-08-dongcheng/" in hant.search("胡同里的居民")
    assert hant.search("完全不存在的词语") == []


def test_english_index_finds_english_words(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "proj", reports={"2022-01-06-tongzhou": REPORTS["2022-01-06-tongzhou"]}
    )
    translate_all(root)
    assert run_build(root).exit_code == 0
    site = root / "build" / "site"
    en = TreeIndex(site, "en/")
    word = next(w for p in en.passages() for w in re.findall(r"[a-z]{4,}", p[2].lower()))
    assert en.search(word) == ["2022-01-06-tongzhou/"]
    assert TreeIndex(site, "").search(word) == []
    banner = page(site, "en/2022-01-06-tongzhou/")
    assert 'class="admonition warning zhpress-status-box" data-status="machine"' in banner.html
    assert "Machine translation" in banner.text
    assert "has not been reviewed" in banner.text
    assert '<span class="zhpress-excerpt" lang="en">' in page(site, "en/").html


def test_chinese_and_english_pages_share_paragraph_anchors(built_site: Path) -> None:
    for slug in REPORTS:
        ids = {
            prefix: ANCHOR.findall(page(built_site, f"{prefix}{slug}/").html) for prefix in TREES
        }
        assert ids[""] and ids[""] == ids["zh-Hant/"], slug
        assert set(ids[""]) <= set(ids["en/"]), slug
        assert len(set(ids[""])) == len(ids[""])  # unique on the page


def test_paragraph_links_lead_to_the_same_paragraph_in_the_other_language(
    built_site: Path,
) -> None:
    for prefix in TREES:
        here = page(built_site, f"{prefix}2024-01-23-bianmin/")
        links = re.findall(r'<a id="(p-[^"]+)" class="zhpress-p" href="([^"]+)"', here.html)
        assert links, prefix
        for anchor, href in links:
            assert href.endswith("#" + anchor)
            target = here.resolve(href)
            expected = "" if prefix == "en/" else "en/"
            assert target == f"{expected}2024-01-23-bianmin/", (prefix, href)
            assert f'id="{anchor}"' in page(built_site, target).html


def test_bilingual_view_pairs_chinese_and_english_by_paragraph(built_site: Path) -> None:
    slug = "2025-01-08-dongcheng"
    english_ids = ANCHOR.findall(page(built_site, f"en/{slug}/").html)
    for prefix, lang in TREES.items():
        view = page(built_site, f"{prefix}{slug}/bilingual/")
        rows = re.findall(r'<div class="zhpress-row [^"]*" id="(p-[^"]+)">', view.html)
        assert len(rows) >= 4 and set(rows) <= set(english_ids), prefix
        assert rows == [i for i in english_ids if i in rows], prefix  # same order
        assert view.p.html_lang == lang
    hans = page(built_site, f"{slug}/bilingual/")
    assert '<div class="zhpress-zh" lang="zh-Hans">' in hans.html
    assert "全区各项事业稳步发展" in hans.text  # converted from the Traditional source
    assert "(translation pending)" in hans.text
    hant = page(built_site, f"zh-Hant/{slug}/bilingual/")
    assert "全區各項事業穩步發展" in hant.text
    for href in re.findall(r'class="zhpress-goto" href="([^"#]+)#', hant.html)[:4]:
        assert (built_site / hant.resolve(href) / "index.html").is_file(), href


def test_pages_say_where_their_chinese_comes_from(built_site: Path) -> None:
    original = page(built_site, "2024-01-23-bianmin/")
    assert "本页为原文（简体中文）。" in original.text
    converted = page(built_site, "zh-Hant/2024-01-23-bianmin/")
    assert "本頁由 OpenCC s2tw 從簡體原文自動轉換。" in converted.text
    link = re.search(r'class="zhpress-script-note".*?<a href="([^"]+)"', converted.html, re.S)
    assert link and converted.resolve(link.group(1)) == "2024-01-23-bianmin/"
    back = page(built_site, "2025-01-08-dongcheng/")
    assert "本页由 OpenCC tw2s 从繁体原文自动转换。" in back.text
    assert "本頁為原文（繁體中文）。" in page(built_site, "zh-Hant/2025-01-08-dongcheng/").text


def test_reports_index_has_excerpts(built_site: Path) -> None:
    home = page(built_site, "zh-Hant/")
    excerpts = re.findall(r'<span class="zhpress-excerpt" lang="zh-Hant">([^<]+)</span>', home.html)
    assert len(excerpts) == len(REPORTS)
    # the opening salutation (各位代表：) is skipped: the excerpt says what the report is about
    assert excerpts[0].startswith("現在，我代表東城區人民政府")
    english = page(built_site, "en/").html
    # translation pending: the Chinese opening, marked as Chinese for fonts and readers
    assert '<span class="zhpress-excerpt" lang="zh-Hans">现在，我代表东城区人民政府' in english
    assert "2025-01-08 · 政府工作報告 · 北京市東城區" in home.text


def test_sitemap_lists_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    locs = [re.search(r"<loc>([^<]+)</loc>", e).group(1) for e in entries]
    assert "https://example.org/zh/zh-Hant/2024-01-23-bianmin/" in locs
    assert not any("404" in loc for loc in locs)
    for entry in entries:
        alts = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry)
        assert [lang for lang, _ in alts] == ["zh-Hans", "zh-Hant", "en"]


def test_not_found_page_in_each_language(built_site: Path) -> None:
    for prefix, lang in TREES.items():
        html = (built_site / prefix / "404.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        # served for missing URLs at any depth: assets resolve from the site root
        assert f'<base href="/zh/{prefix}">' in html
        assert f'"base": "/zh/{prefix}"' in html  # the search client's base too
    root = (built_site / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in root and 'location.replace(root+m[1]+"/404.html")' in root
    assert "Page not found" in (built_site / "en" / "404.html").read_text(encoding="utf-8")
    assert "頁面不存在" in (built_site / "zh-Hant" / "404.html").read_text(encoding="utf-8")


def test_generated_files_are_readable_by_a_web_server(built_site: Path) -> None:
    for prefix in TREES:
        for path in (built_site / prefix / "search").rglob("*.json"):
            assert path.stat().st_mode & 0o444 == 0o444, path
    assert (built_site / "sitemap.xml").stat().st_mode & 0o444 == 0o444


def test_search_index_covers_pages_not_rendered_in_this_build(built_site: Path) -> None:
    # `mkdocs serve --dirty` renders only changed pages: the rest come from disk
    before = TreeIndex(built_site, "zh-Hant/").search("發展")
    content = SiteContent(reports=[])
    for slug in REPORTS:
        content.add(GeneratedPage(HANT.src_uri(slug), HANT, slug, "", "report"))
    out = built_site.parent / "dirty-copy"
    shutil.copytree(built_site, out)
    write_search_indexes(out, content, {})
    assert TreeIndex(out, "zh-Hant/").search("發展") == [u for u in before if u != "glossary/"]


def test_a_custom_main_template_that_drops_the_search_config_is_reported(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "proj", reports={"2022-01-06-tongzhou": REPORTS["2022-01-06-tongzhou"]}
    )
    (root / "theme").mkdir()
    (root / "theme" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  name: material\n", "  name: material\n  custom_dir: theme\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(root)
    assert result.exit_code == 0
    assert "search worker" in result.stderr
