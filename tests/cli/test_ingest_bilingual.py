"""`zhpress ingest --bilingual`: an official bilingual edition becomes a report + official English."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import polib
from click.testing import CliRunner

from zhpress.cli import cli


def _ingest(args: list[str], cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, ["ingest", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_bilingual_edition_from_the_official_pairs(tmp_path: Path, parallel_tsv: Path) -> None:
    with parallel_tsv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))[:12]
    lines = []
    for row in rows:
        lines += [row["zh"].strip(), row["en"].strip(), ""]
    edition = tmp_path / "work-report-2021.txt"
    edition.write_text("\n".join(lines), encoding="utf-8")

    result = _ingest(["--bilingual", str(edition), "--slug", "2021-work-report"], tmp_path)
    assert result.exit_code == 0, result.output
    assert "imported 2021-work-report: 12 paragraph(s)" in result.output

    po = polib.pofile(str(tmp_path / "translations/en/2021-work-report.po"))
    assert all("origin: official" in e.comment for e in po)
    assert all("fuzzy" not in e.flags for e in po)  # official = approved
    english = " ".join(e.msgstr for e in po)
    for row in rows:  # every official sentence arrives, word for word
        assert row["en"].strip().split()[0] in english
    report = (tmp_path / "docs/2021-work-report.md").read_text(encoding="utf-8")
    assert rows[0]["zh"].strip()[:10] in report


def test_bilingual_file_that_is_not_alternating_is_one_clear_error(tmp_path: Path) -> None:
    edition = tmp_path / "broken.txt"
    edition.write_text("只有中文。\n还是中文。\n", encoding="utf-8")
    result = _ingest(["--bilingual", str(edition)], tmp_path)
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert len(errors) == 1 and "broken.txt" in errors[0], result.output
