"""The built site of the small project: URLs, scripts, languages, switcher, home, search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from searchquery import TreeIndex
from sitehtml import page
from siteproject import NEWEST_FIRST, REPORTS

TREES = {"": "zh-Hans", "zh-Hant/": "zh-Hant", "en/": "en"}


@pytest.mark.parametrize("prefix", sorted(TREES))
def test_every_report_has_a_page_in_each_language(built_site: Path, prefix: str) -> None:
    for slug in REPORTS:
        assert (built_site / prefix / slug / "index.html").is_file(), f"/{prefix}{slug}/ missing"
    assert (built_site / prefix / "index.html").is_file()


def test_canonical_docs_are_not_published_as_they_are(built_site: Path) -> None:
    # docs/<slug>.md becomes the generated pages; no raw front matter leaks out.
    for html in built_site.rglob("*.html"):
        assert "source_sha256" not in html.read_text(encoding="utf-8")
        assert "script: hant" not in html.read_text(encoding="utf-8")


@pytest.mark.parametrize(("prefix", "lang"), sorted(TREES.items()))
def test_html_lang_per_tree(built_site: Path, prefix: str, lang: str) -> None:
    for slug in [*REPORTS, ""]:
        url = f"{prefix}{slug}/" if slug else prefix
        assert page(built_site, url).p.html_lang == lang, url


def test_interface_language_follows_the_tree(built_site: Path) -> None:
    # Material's own strings: the search box placeholder.
    assert 'placeholder="搜索"' in page(built_site, "").html
    assert 'placeholder="搜尋"' in page(built_site, "zh-Hant/").html
    assert 'placeholder="Search"' in page(built_site, "en/").html


def test_simplified_source_is_converted_on_the_traditional_page(built_site: Path) -> None:
    hans = page(built_site, "2024-01-23-bianmin/")
    hant = page(built_site, "zh-Hant/2024-01-23-bianmin/")
    assert "今年将建80个一刻钟便民生活圈" in hans.p.headings[0][1]
    assert hant.p.headings[0][1] == "今年將建80個一刻鐘便民生活圈"
    assert "軟件和信息服務業快速發展" in hant.text
    assert "软件和信息服务业快速发展" in hans.text
    # code, URLs and Latin text stay as written
    assert "<code>zhpress build</code>" in hant.html
    assert 'href="https://example.org/发展"' in hant.html
    assert "GDP" in hant.text
    assert "發展規劃" in hant.text


def test_traditional_source_is_shown_as_written_and_converted_back(built_site: Path) -> None:
    hant = page(built_site, "zh-Hant/2025-01-08-dongcheng/")
    hans = page(built_site, "2025-01-08-dongcheng/")
    assert "全區各項事業穩步發展，胡同裡的居民生活更加便利。" in hant.text
    assert "全区各项事业稳步发展，胡同里的居民生活更加便利。" in hans.text
    assert hans.p.headings[0][1] == "政府工作报告"
    assert hans.p.title.startswith("政府工作报告")
    assert hant.p.title.startswith("政府工作報告")


def test_english_page_says_translation_is_pending(built_site: Path) -> None:
    en = page(built_site, "en/2024-01-23-bianmin/")
    assert "English translation pending" in en.text
    assert "今年将建80个一刻钟便民生活圈" in en.text  # Chinese title
    assert "市发改委副主任张鑫介绍" in en.text  # the Chinese text, Simplified
    # untranslated sentences are shown in Chinese, marked, never silently dropped
    assert 'class="zhpress-pending" lang="zh"' in en.html
    assert "Translation status: not yet translated" in en.text


def test_report_pages_show_date_and_source(built_site: Path) -> None:
    news = page(built_site, "2024-01-23-bianmin/").text
    assert "日期：2024-01-23 07:40" in news
    assert "来源：北京青年报客户端" in news
    hant = page(built_site, "zh-Hant/2025-01-08-dongcheng/").text
    assert "日期：2025-01-08" in hant
    assert "會議：北京市東城區第十七屆人民代表大會第五次會議" in hant
    assert "講話人：北京市東城區人民政府代區長 陳獻森" in hant
    en = page(built_site, "en/2025-01-08-dongcheng/").text
    assert "Date: 2025-01-08" in en and "Venue: 北京市东城区" in en


@pytest.mark.parametrize("prefix", sorted(TREES))
def test_switcher_leads_to_the_same_page_in_every_language(built_site: Path, prefix: str) -> None:
    for slug in [*REPORTS, ""]:
        here = page(built_site, f"{prefix}{slug}/" if slug else prefix)
        for links in (here.p.switcher, here.p.alternates):
            targets = {lang: here.resolve(href) for lang, href in links}
            expected = {lang: (f"{p}{slug}/" if slug else p) for p, lang in TREES.items()}
            assert targets == expected, (here.url, links)
            for url in targets.values():
                assert (built_site / url / "index.html").is_file()


def test_home_pages_list_reports_newest_first(built_site: Path) -> None:
    for prefix in TREES:
        home = page(built_site, prefix)
        article = home.html[home.html.index("<article") :]
        hrefs = re.findall(r'<li>[^<]*<a href="([^"]+)"', article)
        assert [home.resolve(h) for h in hrefs] == [f"{prefix}{s}/" for s in NEWEST_FIRST]
    home = page(built_site, "zh-Hant/").text
    assert "2025-01-08 · 政府工作報告" in home
    assert "2024-01-23 07:40 · 今年將建80個一刻鐘便民生活圈" in home


@pytest.mark.parametrize("prefix", sorted(TREES))
def test_navigation_holds_only_its_own_language(built_site: Path, prefix: str) -> None:
    here = page(built_site, f"{prefix}2022-01-06-tongzhou/")
    targets = {here.resolve(h) for h in here.p.nav_links if not h.startswith("#")}
    assert targets == {prefix, *(f"{prefix}{s}/" for s in REPORTS)}


def test_footer_previous_next_stay_in_the_language(built_site: Path) -> None:
    here = page(built_site, "zh-Hant/2024-01-23-bianmin/")
    prev = re.search(r'<link rel="prev" href="([^"]+)"', here.html)
    nxt = re.search(r'<link rel="next" href="([^"]+)"', here.html)
    assert prev and here.resolve(prev.group(1)) == "zh-Hant/2025-01-08-dongcheng/"
    assert nxt and here.resolve(nxt.group(1)) == "zh-Hant/2022-01-06-tongzhou/"


def test_search_index_has_jieba_segmented_chinese(built_site: Path) -> None:
    hans, hant = TreeIndex(built_site, ""), TreeIndex(built_site, "zh-Hant/")
    # words, not characters, are the index terms (normalised to Simplified)
    assert hans.words("软件和信息服务业快速发展") == ["软件", "和", "信息", "服务业", "快速", "发展"]
    assert hans.postings("发展") and hans.postings("便民")
    assert "2024-01-23-bianmin/" in hans.search("便民生活圈")
    assert "2024-01-23-bianmin/" in hant.search("便民生活圈")
    assert hant.search("發展") == hant.search("发展") != []


def test_no_asset_is_loaded_from_another_host(built_site: Path) -> None:
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', text)
        external = [e for e in external if 'rel="canonical"' not in e and "alternate" not in e]
        assert not external, (html, external)
    assert (built_site / "assets" / "zhpress" / "zhpress.css").is_file()


def test_not_found_page_is_simplified_with_switcher_to_home_pages(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in html
    assert re.findall(r'hreflang="([^"]+)"', html)[:3] == ["zh-Hans", "zh-Hant", "en"]
