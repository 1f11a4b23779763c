"""Fixtures for the reliability tests (bad input, kills, properties, determinism)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.model_fixtures import (  # noqa: F401
    _synthetic_install_root,
    synthetic_argos_package,
    synthetic_model,
    synthetic_models_dir,
)

from .reliability_helpers import can_mount, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the repo's project: real sources, docs, glossary, PO files."""
    return copy_project(tmp_path / "proj")


@pytest.fixture(scope="session")
def mounts_allowed() -> bool:
    return can_mount()


@pytest.fixture
def need_mounts(mounts_allowed: bool) -> None:
    if not mounts_allowed:
        pytest.skip("needs root and mount(8) for read-only / tmpfs mounts")
