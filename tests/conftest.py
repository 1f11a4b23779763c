"""Shared fixtures. Tests that need ../shared skip cleanly where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (only present in the zhpress workplace)")
    return SHARED


@pytest.fixture(scope="session")
def parallel_tsv(shared_dir: Path) -> Path:
    path = shared_dir / "parallel" / "national-2020-2025.tsv"
    if not path.is_file():
        pytest.skip(f"parallel corpus not found at {path}")
    return path
