"""`zhpress check` lists ambiguous conversions per report; a glossary entry locks them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from zhpress.cli import cli

REPORT = """\
---
title: 测试报告
date: '2024-01-01'
script: hans
---

落实稳中求进、以进促稳、先立后破的工作要求。
"""


def _project(tmp_path: Path, glossary: str | None) -> list[str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "2024-test.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    if glossary:
        (tmp_path / "glossary" / "terms.yaml").write_text(glossary, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "check", "--only", "ambiguity",
            "--docs", str(tmp_path / "docs"),
            "--glossary", str(tmp_path / "glossary"),
            "--translations", str(tmp_path / "translations"),
        ],
    )
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if "[ambiguity]" in line]


def test_ambiguous_character_is_listed_with_report_and_line(tmp_path: Path) -> None:
    lines = _project(tmp_path, None)
    hits = [line for line in lines if "'后'" in line]
    assert hits, lines
    assert hits[0].startswith(str(tmp_path / "docs" / "2024-test.md") + ":7:")
    assert "先立后破" in hits[0]


def test_glossary_entry_locks_the_choice(tmp_path: Path) -> None:
    glossary = 'terms:\n  - zh: 先立后破\n    en: establish the new before abolishing the old\n    zh_hant: 先立後破\n'
    lines = _project(tmp_path, glossary)
    assert not [line for line in lines if "'后'" in line], lines
