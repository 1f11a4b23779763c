"""End to end with the real CTranslate2 engine and a generated model package.

The model (from ``zhpress.translate.synthetic_model``) has random weights, so
its English is gibberish: these tests assert mechanics a user relies on -
installed from its file, every segment gets a machine entry with the model's
version, placeholders the model mangles are caught (retry, then flag), the
PO files are valid gettext, and a second run costs no model work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from tm_helpers import Rule, write_report

from zhpress.cli import cli
from zhpress.translate.memory import MACHINE, NEEDS_REVIEW, load_memory
from zhpress.translate.project import open_engine, translate_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    synthetic = pytest.importorskip(
        "zhpress.translate.synthetic_model", reason="synthetic model generator not available"
    )
    out = tmp_path_factory.mktemp("model")
    package = synthetic.build_synthetic_package(out / "pkg")
    target = out / "models"
    result = CliRunner().invoke(
        cli, ["model", "install", "--file", str(package), "--models-dir", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


def _project(tmp_path: Path) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    write_report(
        docs,
        "demo",
        "## 一、工作回顾\n\n新设企业4655户。坚持高质量发展。\n\n- 深化改革。\n- 扩大开放。\n",
    )
    return docs, tmp_path / "translations"


def test_translate_with_installed_model(models_dir, tmp_path):
    docs, translations = _project(tmp_path)
    engine = open_engine("ctranslate2", models_dir=models_dir)
    assert engine is not None and engine.name == "ctranslate2"
    try:
        summary = translate_project(
            docs, translations, engine, [Rule("高质量发展", "high-quality development")]
        )
    finally:
        engine.close()
    assert summary.pending == 0 and summary.total("machine") == 6
    memory = load_memory(translations / "en" / "demo.po")
    assert {e.state for e in memory.entries.values()} <= {MACHINE, NEEDS_REVIEW}
    assert all(e.target for e in memory.entries.values())
    assert all(e.origin == f"machine {engine.version}" for e in memory.entries.values())
    # gibberish cannot carry the glossary term: retried, then flagged, never silently wrong
    term = next(e for e in memory.entries.values() if "高质量发展" in e.source)
    if "high-quality development" not in term.target:
        assert term.state == NEEDS_REVIEW and "高质量发展" in term.note
    if shutil.which("msgfmt"):
        check = subprocess.run(
            ["msgfmt", "-c", "-o", os.devnull, str(translations / "en" / "demo.po")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
    polib.pofile(str(translations / "en" / "demo.po"))  # and polib reads it


def test_cli_translate_then_nothing_left_for_the_model(models_dir, tmp_path):
    docs, translations = _project(tmp_path)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        first = CliRunner().invoke(
            cli, ["translate", "--engine", "ctranslate2", "--models-dir", str(models_dir)]
        )
        assert first.exit_code == 0, first.output
        assert "translated 6 segment(s)" in first.output
        before = (translations / "en" / "demo.po").read_bytes()
        second = CliRunner().invoke(cli, ["translate", "--strict", "--models-dir", str(models_dir)])
        assert second.exit_code == 0, second.output
        assert "translated 0 segment(s), reused 6, 0 pending" in second.output
        assert (translations / "en" / "demo.po").read_bytes() == before
    finally:
        os.chdir(old)
