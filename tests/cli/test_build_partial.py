"""One unreadable source does not take the site down, but the build still fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from zhpress.cli import cli

REPO = Path(__file__).resolve().parents[2]


def test_bad_source_is_reported_and_the_other_reports_still_build(tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(REPO / "sources" / "003_4a9a5e97377aed80.txt", sources)
    (sources / "broken.docx").write_bytes(b"PK\x03\x04 this is not a word file")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["build"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 4, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("zhpress: error:")]
    assert len(errors) == 1 and "broken.docx" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    site = tmp_path / "build" / "site"
    built = [p.parent.name for p in site.glob("*/index.html") if p.parent.name.startswith("2024")]
    assert built == ["2024-01-23-jinnian-jiangjian-80-ge-yikezhong-bianmin"]
    assert (site / "en" / built[0] / "index.html").is_file()
