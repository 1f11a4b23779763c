"""Script injection through every input never reaches the built HTML as markup.

Payloads go in through a plain-text source, an HTML source (as page text and
as real tags), a glossary rendering and note, a PO msgstr and front matter
(title, venue). Each payload number must show up in the site as text (so the
test sees the input arrive) and never as a <script> element or an on*=
event-handler attribute.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from .reliability_helpers import REPO, run_cli

TEXT_SOURCE = (
    "东城区工作报告\n\n"
    "今年经济<script>alert(1)</script>运行平稳，<img src=x onerror=alert(2)>地区生产总值增长5.2%。\n\n"
    "胡同里的居民生活更加便利。\n"
)
HTML_SOURCE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于防汛工作的通知</title>
<script>alert(30)</script></head><body onload="alert(32)"><article><h1>关于防汛工作的通知</h1>
<p>各街道要压实防汛责任&lt;script&gt;alert(3)&lt;/script&gt;，做好应急准备工作，确保安全度汛。</p>
<p>汛期为6月1日至9月15日，<img src=x onerror="alert(31)">各部门要加强值守。</p>
</article></body></html>"""
GLOSSARY = """terms:
  - zh: 防汛责任
    en: flood <script>alert(5)</script> duty
    note: "<script>alert(4)</script><img src=x onerror=alert(41)>"
    status: approved
"""
FRONT_MATTER_DOC = """---
title: <script>alert(7)</script>报告
date: '2024-01-01'
script: hans
venue: <img src=x onerror=alert(8)>会议
---

各位代表：今年经济运行平稳。
"""
PO_PAYLOAD = "<script>alert(6)</script> and <img src=x onerror=alert(61)>"
# Payloads that must arrive as visible text somewhere in the site.
MUST_ARRIVE = {1: "source text", 3: "HTML page text", 4: "glossary note",
               5: "glossary rendering", 6: "PO msgstr", 7: "front matter title",
               8: "front matter venue"}


class _Scanner(HTMLParser):
    """Collects live scripts and event-handler attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_script = False
        self.live: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and (value or "").lower().startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.live.append(f"<script>{data.strip()[:60]}")
        elif not self.in_script:
            self.text.append(data)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inject") / "proj"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "glossary", root / "glossary")
    (root / "glossary" / "zz-inject.yaml").write_text(GLOSSARY, encoding="utf-8")
    (root / "sources").mkdir()
    (root / "sources" / "inject.txt").write_text(TEXT_SOURCE, encoding="utf-8")
    (root / "sources" / "inject.html").write_text(HTML_SOURCE, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "2024-01-01-front.md").write_text(FRONT_MATTER_DOC, encoding="utf-8")
    result = run_cli(["translate", "--engine", "none"], root)
    assert result.exit_code == 0, result.stderr
    po_file = root / "translations" / "en" / "2024-01-01-front.po"
    po = polib.pofile(str(po_file))
    for entry in po:
        entry.msgstr = PO_PAYLOAD  # a translator (or a hostile PR) writes markup
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(po_file))
    result = run_cli(["build"], root)
    assert result.exit_code == 0, result.stderr
    return root / "build" / "site"


def _scan(site: Path) -> tuple[list[str], str]:
    live, text = [], []
    for page in sorted(site.rglob("*.html")):
        scanner = _Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        live += [f"{page.relative_to(site)}: {hit}" for hit in scanner.live]
        text += scanner.text
        raw = page.read_text(encoding="utf-8")
        for literal in re.findall(r"<script>alert\(\d+\)|<[a-z]+ [^>]*onerror=", raw):
            live.append(f"{page.relative_to(site)}: literal {literal}")
    return live, "".join(text)


@pytest.mark.slow
def test_no_payload_reaches_the_html_as_markup(injected_site: Path) -> None:
    live, _ = _scan(injected_site)
    assert live == []


@pytest.mark.slow
@pytest.mark.parametrize("number", sorted(MUST_ARRIVE), ids=lambda n: MUST_ARRIVE[n])
def test_each_payload_arrives_as_text(injected_site: Path, number: int) -> None:
    """Not vacuous: every input really reached the site, shown as characters."""
    _, text = _scan(injected_site)
    assert f"alert({number})" in text


@pytest.mark.slow
def test_escaped_source_text_reads_as_typed_everywhere(injected_site: Path) -> None:
    for page in injected_site.rglob("*.html"):
        assert "&amp;lt;" not in page.read_text(encoding="utf-8"), page


def test_ingest_writes_source_markup_as_text(tmp_path: Path) -> None:
    """Fast check of the ingest side: tags and entities typed in a report stay text."""
    import markdown

    root = tmp_path / "proj"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "t.txt").write_text(
        "通知\n\n请见<b>附件</b>&amp;说明，详见[链接](<https://example.org/a b>)。\n",
        encoding="utf-8",
    )
    result = run_cli(["ingest", "sources/t.txt"], root)
    assert result.exit_code == 0, result.stderr
    doc = (root / result.stdout.split()[1]).read_text(encoding="utf-8")
    html_out = markdown.markdown(doc.split("\n---\n", 1)[1])
    assert "<b>" not in html_out
    assert "请见&lt;b&gt;附件&lt;/b&gt;" in html_out
    # A Markdown link with an <angle> destination is still a link.
    assert '<a href="https://example.org/a b">链接</a>' in html_out


def test_glossary_page_escapes_terms_and_notes() -> None:
    import yaml

    from zhpress.glossary.model import Entry, Glossary
    from zhpress.glossary.pages import glossary_page_markdown

    data = yaml.safe_load(GLOSSARY)["terms"][0]
    glossary = Glossary([Entry(**data, file="zz.yaml", line=2)])
    page = glossary_page_markdown(glossary, "en")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(4)" in page and "flood &lt;script&gt;alert(5)" in page
