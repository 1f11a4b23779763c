"""Two builds of the repo's project give a byte-identical build/site.

The two copies live at different absolute paths and run with different hash
seeds, so any absolute path, set/dict order or clock reading in the output
shows up as a differing file. Nothing is ignored.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .reliability_helpers import ZHPRESS, copy_project, snapshot, tree_hashes


def _build(root: Path, hash_seed: str) -> dict[str, str]:
    import os

    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run(
        [str(ZHPRESS), "build"], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    return tree_hashes(root / "build" / "site")


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "a" / "proj")
    second = copy_project(tmp_path / "somewhere-else" / "proj-copy")
    inputs = {p: snapshot(first / p) for p in ("docs", "translations", "glossary")}
    one, two = _build(first, "1"), _build(second, "2")
    assert len(one) > 50
    differing = sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))
    assert differing == []
    # Building changed none of the inputs (ingest found nothing new to write).
    assert {p: snapshot(first / p) for p in inputs} == inputs
    # No absolute path of either copy leaks into any output file.
    for root in (first, second):
        for data in snapshot(root / "build" / "site").values():
            assert str(root).encode() not in data
