"""A damaged installed model is not used, and the build says so instead of staying silent."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from zhpress.cli import cli

REPO = Path(__file__).resolve().parents[2]


def test_build_warns_about_a_damaged_model(tmp_path: Path, synthetic_argos_package: Path) -> None:
    models = tmp_path / "models"
    runner = CliRunner(env={"ZHPRESS_MODELS_DIR": str(models)})
    assert (
        runner.invoke(cli, ["model", "install", "--file", str(synthetic_argos_package)]).exit_code
        == 0
    )
    for weights in models.glob("*/model/model.bin"):
        weights.unlink()
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "sources").mkdir()
    shutil.copy(REPO / "sources" / "003_4a9a5e97377aed80.txt", tmp_path / "sources")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(cli, ["build"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.stderr
    warning = [line for line in result.stderr.splitlines() if "installed model not usable" in line]
    assert len(warning) == 1 and "model.bin" in warning[0], result.stderr
