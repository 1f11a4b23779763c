"""English page body: anchors, pending and review markers, escaping, status."""

from __future__ import annotations

from html import unescape

import markdown
import polib
from tm_helpers import CountingEngine, write_report

from zhpress.report import load_report
from zhpress.translate.memory import load_memory
from zhpress.translate.project import translate_project
from zhpress.translate.render import (
    english_blocks,
    english_markdown,
    english_page,
    english_title,
    page_status,
)
from zhpress.translate.segments import segment_report


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "tables"])


def test_without_translations_every_block_shows_chinese_with_pending_note(project):
    docs, translations = project
    translate_project(docs, translations, None)
    report = load_report(docs / "demo.md")
    md = english_markdown(report, load_memory(translations / "en" / "demo.po"))
    assert md.count("(translation pending)") == 7  # title excluded from the body
    assert "新设企业4655户。" in md
    assert "Translation status: not yet translated." in md
    html = _html(md)
    for block in segment_report(report)[1:]:
        assert f'id="p-{block.id}"' in html  # same anchors as the bilingual view


def test_machine_translation_page_and_title(project):
    docs, translations = project
    translate_project(docs, translations, CountingEngine())
    report = load_report(docs / "demo.md")
    memory = load_memory(translations / "en" / "demo.po")
    blocks = english_blocks(report, memory)
    assert english_title(blocks) == "EN(4)"
    md = english_markdown(report, memory)
    assert "translation pending" not in md
    assert "<li>" in _html(md) and "<h2" in _html(md)


def test_source_changed_marker_until_reviewed(project):
    docs, translations = project
    translate_project(docs, translations, CountingEngine())
    po_file = translations / "en" / "demo.po"
    po = polib.pofile(str(po_file))
    entry = next(e for e in po if e.msgid == "深化改革。")
    entry.msgstr, entry.flags = "Deepen reform.", []
    po.save(str(po_file))
    path = docs / "demo.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("深化改革。", "全面深化改革。"), encoding="utf-8"
    )
    translate_project(docs, translations, CountingEngine())
    md = english_markdown(load_report(path), load_memory(po_file))
    assert (
        '<mark class="zhpress-review" title="source changed">source changed</mark> Deepen reform.'
        in md
    )
    status = page_status(english_blocks(load_report(path), load_memory(po_file)))
    # the edited one plus two machine segments whose numbers the fake engine garbled
    assert status.text() == "Translation status: mixed: 5 machine; 3 segment(s) need review."


def test_untrusted_msgstr_is_escaped(tmp_path):
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(docs, "x", "第一句。")
    translate_project(docs, translations, None)
    po_file = translations / "en" / "x.po"
    po = polib.pofile(str(po_file))
    for e in po:
        e.msgstr = '<script>alert(1)</script> [click](javascript:x) **bold** {: onclick="x"}'
    po.save(str(po_file))
    html = _html(english_markdown(load_report(docs / "x.md"), load_memory(po_file)))
    assert "<script>" not in html and "<a href" not in html and "<strong>" not in html
    assert "onclick=" not in html.replace("{: onclick=&quot;x&quot;}", "")
    # ...but the reader sees exactly what the translator typed
    assert "<script>alert(1)</script> [click](javascript:x) **bold**" in unescape(html)


def test_page_status_labels(project):
    docs, translations = project
    translate_project(docs, translations, CountingEngine())
    report = load_report(docs / "demo.md")
    status = page_status(english_blocks(report, load_memory(translations / "en" / "demo.po")))
    # the fake engine loses 亿 and 万, so two machine segments are flagged for review
    assert status.counts["machine"] == 6 and status.counts["needs-review"] == 2
    assert status.label == "mixed"


def test_english_page_reads_the_project_memory(project):
    docs, translations = project
    report = load_report(docs / "demo.md")
    pending = english_page(report, translations)  # no PO file yet
    assert pending.title is None and pending.status.label == "pending"
    translate_project(docs, translations, CountingEngine())
    page = english_page(report, translations)
    assert page.title == "EN(4)" and page.status.pending == 0
    assert page.markdown == english_markdown(report, load_memory(translations / "en" / "demo.po"))


def test_pending_text_of_a_traditional_report_stays_traditional(tmp_path):
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(docs, "hant", "區級財政收入增長。東城區發展。", title="報告", script="hant")
    translate_project(docs, translations, None)
    md = english_page(load_report(docs / "hant.md"), translations).markdown
    assert "區級財政收入增長。</span>" in md and "東城區發展。</span>" in md
    assert "区级" not in md


def test_site_markdown_extensions_keep_anchors_and_escaping(project):
    """The extensions mkdocs.yml enables (toc, attr_list, md_in_html, admonition)."""
    docs, translations = project
    translate_project(docs, translations, None)
    po_file = translations / "en" / "demo.po"
    po = polib.pofile(str(po_file))
    for e in po:
        if e.msgid == "深化改革。":
            e.msgstr = "!!! warning <b>x</b> ~~gone~~ 1. not a list"
    po.save(str(po_file))
    report = load_report(docs / "demo.md")
    html = markdown.markdown(
        english_markdown(report, load_memory(po_file)),
        extensions=["toc", "attr_list", "md_in_html", "admonition"],
    )
    heading = segment_report(report)[1]
    assert f'<h2 id="p-{heading.id}">' in html  # attr_list id wins over toc's slug
    assert "<b>" not in html and 'class="admonition' not in html
    assert "<del>" not in html and "<ol>" not in html
    assert "!!! warning <b>x</b> ~~gone~~ 1. not a list" in unescape(html)
