"""Importing an official bilingual edition built from the parallel corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from zhpress.errors import SourceError
from zhpress.report import load_report
from zhpress.translate.bilingual import align, import_bilingual, split_english
from zhpress.translate.memory import OFFICIAL, load_memory
from zhpress.translate.project import translate_project
from zhpress.translate.render import english_markdown
from zhpress.translate.segments import Sentence, to_simplified


def _bilingual_file(parallel_tsv: Path, tmp_path: Path, limit: int = 60) -> tuple[Path, list]:
    with parallel_tsv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if "\n" not in r["zh"] + r["en"]]
    # Simplified rows only: one edition is in one script
    rows = [r for r in rows if to_simplified(r["zh"]) == r["zh"]][:limit]
    lines = ["政府工作报告", "REPORT ON THE WORK OF THE GOVERNMENT", ""]
    for r in rows:
        lines += [r["zh"].strip(), r["en"].strip(), ""]
    path = tmp_path / "national-2021.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, rows


def test_import_writes_report_and_official_translations(parallel_tsv, tmp_path):
    source, rows = _bilingual_file(parallel_tsv, tmp_path)
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    summary = import_bilingual(source, docs, translations)
    report = load_report(summary.report_path)
    assert report.title == "政府工作报告" and report.meta["source_format"] == "bilingual"
    memory = load_memory(summary.po_path)
    assert all(e.state == OFFICIAL for e in memory.entries.values())
    texts = " ".join(e.target for e in memory.entries.values())
    for r in rows:
        assert r["en"].strip()[:40] in texts or any(
            e.target in r["en"] for e in memory.entries.values()
        )
    assert summary.paragraphs == len(rows) + 1
    assert summary.sentence_aligned >= 1 and summary.paragraph_aligned >= 1
    # nothing pending and nothing for an engine: translate is a no-op
    before = summary.po_path.read_bytes()
    result = translate_project(docs, translations, None)
    assert result.pending == 0
    assert summary.po_path.read_bytes() == before
    md = english_markdown(report, memory)
    assert "translation pending" not in md and "official translation" in md


def test_sentence_split_only_when_certain():
    zh = [Sentence("a.1", "深化农村改革。"), Sentence("a.2", "恢复生猪生产。")]
    assert align(
        zh, "We will further rural reform. We will promote a recovery in hog production."
    ) == [
        "We will further rural reform.",
        "We will promote a recovery in hog production.",
    ]
    assert align(zh, "We will further rural reform and promote hog production.") is None
    # counts match but the numbers say the pairing is wrong
    zh2 = [Sentence("b.1", "增长5%。"), Sentence("b.2", "新增100万人。")]
    assert align(zh2, "One million were added. Growth was 5 percent.") is None


def test_split_english_keeps_abbreviations():
    assert split_english("The U.S. economy grew. Mr. Li spoke.") == [
        "The U.S. economy grew.",
        "Mr. Li spoke.",
    ]


def test_two_chinese_lines_in_a_row_is_an_error_with_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("标题\nTitle\n\n第一段。\n第二段。\nSecond.\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        import_bilingual(path, tmp_path / "docs", tmp_path / "translations")
    assert info.value.line == 5
    assert not (tmp_path / "docs").exists()  # nothing half-written


def test_human_edit_of_imported_translation_survives(parallel_tsv, tmp_path):
    source, _ = _bilingual_file(parallel_tsv, tmp_path, limit=5)
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    summary = import_bilingual(source, docs, translations)
    again = import_bilingual(source, docs, translations)
    assert again.po_path.read_bytes() == summary.po_path.read_bytes()  # re-import is stable
