"""End to end: install the generated .argosmodel from its file, build, read English pages.

The model has random weights, so its English is gibberish; what is checked is
the mechanics a user relies on: the real CTranslate2 engine ran, every
segment got machine output recorded in valid PO files, and the English page
shows it with an honest "machine translation" status.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from zhpress.cli import cli

REPO = Path(__file__).resolve().parents[2]

REPORT = """\
---
title: 通州区政府工作报告
date: '2022-01-06'
script: hans
source_file: sources/004_tongzhou.txt
---

## 一、推进协同发展

深入推进京津冀协同发展，完成333个美丽乡村建设。新增道路里程231公里。

## 二、改善民生

完成260个村饮用水水质提升工程。
"""


def _run(args: list[str], cwd: Path, models: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner(env={"ZHPRESS_MODELS_DIR": str(models)}).invoke(
            cli, args, catch_exceptions=False
        )
    finally:
        os.chdir(old)


@pytest.mark.slow
def test_build_with_installed_model_writes_machine_english(
    tmp_path: Path, synthetic_argos_package: Path
) -> None:
    models = tmp_path / "models"
    installed = _run(["model", "install", "--file", str(synthetic_argos_package)], tmp_path, models)
    assert installed.exit_code == 0, installed.output
    listed = _run(["model", "list"], tmp_path, models)
    assert "zh" in listed.output and "en" in listed.output

    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "sources").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "2022-01-06-tongzhou.md").write_text(REPORT, encoding="utf-8")
    built = _run(["build"], tmp_path, models)
    assert built.exit_code == 0, built.stderr
    assert "pending" not in built.stderr

    po = polib.pofile(str(tmp_path / "translations/en/2022-01-06-tongzhou.po"))
    entries = [e for e in po if not e.obsolete]
    assert len(entries) == 6  # title, two headings, three sentences
    assert all(e.msgstr.strip() for e in entries)
    assert all("origin: machine ctranslate2-" in e.comment for e in entries)

    page = (tmp_path / "build/site/en/2022-01-06-tongzhou/index.html").read_text("utf-8")
    assert 'data-status="machine"' in page or "machine translation" in page
    assert "translation pending" not in page
    for entry in entries[1:]:  # the body shows the model's output (HTML-escaped)
        first_word = entry.msgstr.split()[0]
        assert polib.escape(first_word)[:3] in page or first_word[:3] in page

    # A second build sends nothing to the model: the memory answers.
    again = _run(["translate"], tmp_path, models)
    assert again.exit_code == 0, again.output
    assert po.__unicode__() == polib.pofile(
        str(tmp_path / "translations/en/2022-01-06-tongzhou.po")
    ).__unicode__()
