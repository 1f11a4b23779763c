"""Fixtures: the small test project, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from siteproject import run_build, write_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("project") / "proj")
    result = run_build(root)
    assert result.exit_code == 0, result.output + result.stderr
    return root / "build" / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")
