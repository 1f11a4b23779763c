"""The reader's site in a real browser: switching language, search, bilingual view."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "build" / "test-artifacts"

REPORT = "2024-01-23-jinnian-jiangjian-80-ge-yikezhong-bianmin"
TREES = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "en": "en/"}


def _save(page, name: str) -> None:
    """A screenshot as a test artifact; with ZHPRESS_UPDATE_SCREENSHOTS=1 it
    also replaces the README's copy (a plain test run leaves the repo untouched)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(shot))
    assert 10_000 < shot.stat().st_size < 300_000
    if os.environ.get("ZHPRESS_UPDATE_SCREENSHOTS") == "1":
        readme = REPO / ".github" / "screenshots"
        readme.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, readme / f"{name}.png")


def _search(page, query: str) -> list[str]:
    """Type ``query`` into the header search box; the result links (hrefs)."""
    box = page.locator("input.md-search__input")
    box.click()
    # Chinese text arrives as text input without key events (as from an IME):
    # Material reads the box on keyup, so finish with a key press
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && document.querySelectorAll('.md-search-result__item').length > 0; }"
    )
    # the page link of each result (Material adds ?h=<terms> for highlighting)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "els => els.map(e => { const u = new URL(e.href); return u.origin + u.pathname; })",
    )


def test_switching_language_lands_on_the_same_report(page, server: str) -> None:
    page.goto(f"{server}zh-Hant/{REPORT}/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(rf"/en/{REPORT}/?$"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="zh-Hans"]').click()
    page.wait_for_url(re.compile(rf"127\.0\.0\.1:\d+/{REPORT}/?$"))
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "便民生活圈" in page.locator("article h1").inner_text()


def test_switching_language_keeps_the_paragraph(page, server: str) -> None:
    page.goto(f"{server}zh-Hant/{REPORT}/")
    anchor = page.locator("article a.zhpress-p").nth(4).get_attribute("id")
    page.goto(f"{server}zh-Hant/{REPORT}/#{anchor}")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(re.compile(rf"/en/{REPORT}/#{anchor}$"))
    assert page.locator(f"#{anchor}").count() == 1


def test_chinese_glossary_term_finds_simplified_pages_only(page, server: str) -> None:
    page.goto(f"{server}{REPORT}/")
    links = _search(page, "京津冀协同发展")
    assert any(REPORT in href for href in links), links
    assert any(href.endswith("/glossary/") for href in links), links
    assert all("/en/" not in h and "/zh-Hant/" not in h for h in links), links
    # the glossary term is one word of the index, highlighted whole in the passage
    marks = page.locator(".md-search-result__article p mark").all_inner_texts()
    assert "京津冀协同发展" in marks, marks


def test_english_word_finds_english_pages_only(page, server: str) -> None:
    page.goto(f"{server}en/")
    links = _search(page, "productive forces")
    assert any(h.endswith("/en/glossary/") or "/en/glossary/#" in h for h in links), links
    assert all("/en/" in h for h in links), links


def test_simplified_query_on_the_traditional_site_finds_traditional_text(page, server) -> None:
    page.goto(f"{server}zh-Hant/")
    links = _search(page, "发展")
    assert links and all("/zh-Hant/" in h for h in links), links
    marks = page.locator(".md-search-result__article mark").all_inner_texts()
    assert "發展" in marks, marks
    _save(page, "search")
    # the page a result opens highlights the words as that page writes them
    page.locator(".md-search-result__article p mark").first.click()
    page.wait_for_url(re.compile(r"/zh-Hant/.*#p-"))
    page.wait_for_selector("article mark[data-md-highlight]")  # after the index loads
    highlighted = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert "發展" in highlighted, highlighted
    page.locator("input.md-search__input").fill("")
    links = _search(page, "發展")
    assert links


def test_traditional_query_on_the_simplified_site(page, server: str) -> None:
    page.goto(f"{server}")
    _search(page, "發展")
    marks = page.locator(".md-search-result__article mark").all_inner_texts()
    assert "发展" in marks, marks


def test_bilingual_view_and_paragraph_links(page, server: str) -> None:
    page.goto(f"{server}{REPORT}/")
    page.locator('.zhpress-script-note a[href$="bilingual/"]').first.click()
    page.wait_for_url(re.compile(rf"/{REPORT}/bilingual/$"))
    rows = page.locator(".zhpress-row")
    assert rows.count() > 5
    row = rows.nth(3)
    anchor = row.get_attribute("id")
    assert re.fullmatch(r"p-[0-9a-f]{8}(-\d+)?", anchor)
    zh, en = row.locator(".zhpress-zh"), row.locator(".zhpress-en")
    # side by side on a wide screen
    assert zh.bounding_box()["x"] < en.bounding_box()["x"]
    _save(page, "bilingual")
    en.locator("a.zhpress-goto").click()
    page.wait_for_url(re.compile(rf"/en/{REPORT}/#{anchor}$"))
    target = page.locator(f"#{anchor}")
    assert target.count() == 1 and target.is_visible() or target.evaluate("e => !!e")
    # from the English paragraph to the same paragraph in Chinese
    target.evaluate("e => e.click()")
    page.wait_for_url(re.compile(rf"127\.0\.0\.1:\d+/{REPORT}/#{anchor}$"))
    assert page.locator(f"#{anchor}").count() == 1


def test_bilingual_view_stacks_on_a_narrow_screen(page, server: str) -> None:
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(f"{server}zh-Hant/{REPORT}/bilingual/")
    row = page.locator(".zhpress-row").nth(3)
    zh = row.locator(".zhpress-zh").bounding_box()
    en = row.locator(".zhpress-en").bounding_box()
    assert en["y"] >= zh["y"] + zh["height"] - 1


@pytest.mark.parametrize(
    ("missing", "lang", "text"),
    [
        ("no/such/page/", "zh-Hans", "页面不存在"),
        ("zh-Hant/no/such/page/", "zh-Hant", "頁面不存在"),
        ("en/no-such-page/", "en", "Page not found"),
    ],
)
def test_not_found_page_is_in_the_readers_language(page, server, missing, lang, text) -> None:
    # the host answers every missing path with the root 404.html, as GitHub Pages does
    response = page.goto(f"{server}{missing}")
    assert response.status == 404
    if lang != "zh-Hans":
        page.wait_for_url(f"{server}{TREES[lang]}404.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert text in page.locator("article").inner_text()
    switcher = page.eval_on_selector_all(
        "a.md-select__link", "els => els.map(e => e.getAttribute('hreflang'))"
    )
    assert switcher == ["zh-Hans", "zh-Hant", "en"]


@pytest.mark.parametrize("lang", sorted(TREES))
def test_screenshot_of_a_report_in_each_language(page, server: str, lang: str) -> None:
    page.goto(f"{server}{TREES[lang]}{REPORT}/")
    page.wait_for_load_state("networkidle")
    _save(page, lang)
