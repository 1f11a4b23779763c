"""Atomic writes: all or nothing, no rewrite of identical content, normal permissions."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from zhpress.errors import OutputError
from zhpress.fsutil import atomic_write_text


def test_new_file_gets_the_mode_a_plain_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = tmp_path / "a.md"
        atomic_write_text(path, "x")
        assert path.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_existing_mode_is_kept_and_identical_content_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    assert atomic_write_text(path, "new") is True
    assert path.stat().st_mode & 0o777 == 0o640
    mtime = path.stat().st_mtime_ns
    assert atomic_write_text(path, "new") is False
    assert path.stat().st_mtime_ns == mtime


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_text("precious", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError) as info:
        atomic_write_text(path, "new text")
    assert "free some disk space" in str(info.value)
    assert path.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
