"""Page generation helpers: escaping, dates, content-derived build time."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.report import Report
from zhpress.site.pages import display_date, md_escape
from zhpress.site.stages import content_epoch


@pytest.mark.parametrize(
    ("iso", "shown"),
    [
        ("2024-01-23", "2024-01-23"),
        ("2024-01-23T07:40", "2024-01-23 07:40"),
        ("2024-01-23T07:40:00+08:00", "2024-01-23 07:40"),
        ("2024", "2024"),
        ("", ""),
    ],
)
def test_display_date(iso: str, shown: str) -> None:
    assert display_date(iso) == shown


def test_md_escape_neutralises_markup_and_html() -> None:
    text = md_escape("<b>报告</b> *一* [链接](x) `code` #标题 a|b")
    assert "<" not in text and ">" not in text
    for ch in "*[]`#|":
        assert f"\\{ch}" in text
    assert md_escape("第一\n第二") == "第一 第二"


def _report(slug: str, date: str) -> Report:
    return Report(slug=slug, meta={"date": date}, body="", path=Path(f"{slug}.md"))


def test_content_epoch_is_midnight_utc_of_the_newest_date() -> None:
    reports = [_report("a", "2024-01-23T07:40"), _report("b", "2025-01-08"), _report("c", "2022")]
    assert content_epoch(reports) == 1736294400  # 2025-01-08T00:00:00Z
    assert content_epoch([_report("c", "2022")]) == 0
    assert content_epoch([_report("d", "2024-02-30")]) == 0


def test_extra_pages_join_every_language_nav_and_switcher(tmp_path: Path) -> None:
    from zhpress.convert import ScriptConverter
    from zhpress.site.content import GeneratedPage, generate_content
    from zhpress.site.context import SiteContext
    from zhpress.site.languages import EN, HANS, HANT

    ctx = SiteContext(
        root=tmp_path,
        docs_dir=tmp_path / "docs",
        sources_dir=tmp_path / "sources",
        glossary_dir=tmp_path / "glossary",
        translations_dir=tmp_path / "translations",
        converter=ScriptConverter(),
    )
    content = generate_content([_report("2025-01-08-a", "2025-01-08")], ctx)
    for lang in (HANS, HANT, EN):
        content.add(GeneratedPage(lang.src_uri("glossary"), lang, "glossary", "# g\n"))
    assert content.nav_uris(HANT) == [
        "zh-Hant/index.md",
        "zh-Hant/2025-01-08-a.md",
        "zh-Hant/glossary.md",
    ]
    assert [a["link"] for a in content.alternates("glossary")] == [
        "glossary/",
        "zh-Hant/glossary/",
        "en/glossary/",
    ]
    with pytest.raises(ValueError):
        content.add(GeneratedPage(EN.src_uri("glossary"), EN, "glossary", "# again\n"))
