"""Read-only output directories and a full disk: one line, exit 10, nothing lost.

Root ignores file modes, so "read-only" is a read-only bind mount and "full"
is a tmpfs just big enough for the files already there. Where mounting is
not allowed the same failures are injected into os.replace / the temp file.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from .reliability_helpers import (
    assert_one_line_error,
    read_only,
    run_cli,
    small_disk,
    snapshot,
    temp_leftovers,
)

NEW_REPORT = "2024-dongcheng-zhengfu-gongzuo-baogao-jiexuan"


def _add_report(project: Path) -> None:
    """A new report whose PO file the next `translate` has to create."""
    src = project / "docs" / f"{NEW_REPORT}.md"
    shutil.copy(src, project / "docs" / "zz-new-report.md")


def test_translate_into_read_only_translations(project: Path, need_mounts: None) -> None:
    _add_report(project)
    before = snapshot(project / "translations")
    with read_only(project / "translations" / "en"):
        result = run_cli(["translate", "--engine", "none"], project)
        assert_one_line_error(
            result, 10, "translations/en/zz-new-report.po", "Read-only file system",
            "check that the directory is writable",
        )
        assert snapshot(project / "translations") == before
        assert temp_leftovers(project) == []


def test_ingest_into_read_only_docs(project: Path, need_mounts: None) -> None:
    (project / "sources" / "new.txt").write_text(
        "东城区新闻\n\n今年经济运行总体平稳。\n", encoding="utf-8"
    )
    before = snapshot(project / "docs")
    with read_only(project / "docs"):
        result = run_cli(["ingest", "sources/new.txt"], project)
        assert_one_line_error(result, 10, "docs/", "Read-only file system")
        assert snapshot(project / "docs") == before


def test_build_into_read_only_site_dir(project: Path, need_mounts: None) -> None:
    site = project / "build" / "site"
    site.mkdir(parents=True)
    (site / "keep.html").write_text("<p>old</p>", encoding="utf-8")
    with read_only(site):
        result = run_cli(["build"], project)
        assert_one_line_error(result, 10, "build/site", "Read-only file system")
        assert snapshot(site) == {"keep.html": b"<p>old</p>"}
    assert temp_leftovers(project) == []


def test_translate_on_a_full_disk(project: Path, need_mounts: None) -> None:
    _add_report(project)
    tdir = project / "translations" / "en"
    with small_disk(tdir, spare_bytes=0):
        before = snapshot(tdir)
        result = run_cli(["translate", "--engine", "none"], project)
        assert_one_line_error(
            result, 10, "translations/en/zz-new-report.po", "No space left on device",
            "free some disk space",
        )
        # Every PO file that was there is intact; the new one is absent, not half-written.
        assert snapshot(tdir) == before
        assert temp_leftovers(tdir) == []


def test_ingest_on_a_full_disk_keeps_existing_docs(project: Path, need_mounts: None) -> None:
    paragraph = "全区经济持续恢复向好，地区生产总值增长5.2%，发展质量稳步提升。\n"
    (project / "sources" / "big.txt").write_text("东城区经济\n" + paragraph * 3000, "utf-8")
    docs = project / "docs"
    with small_disk(docs, spare_bytes=8192):
        before = snapshot(docs)
        result = run_cli(["ingest", "sources/big.txt"], project)
        assert_one_line_error(result, 10, "docs/", "No space left on device")
        assert snapshot(docs) == before
        assert temp_leftovers(docs) == []


# Without mount permission, the same failures injected at the system-call level.


@pytest.mark.parametrize(
    ("err", "text"), [(errno.EROFS, "Read-only file system"), (errno.ENOSPC, "No space left")]
)
def test_injected_write_failures(
    project: Path, monkeypatch: pytest.MonkeyPatch, err: int, text: str
) -> None:
    """The rename that would publish the file fails: the old file stays, no temp file."""
    _add_report(project)
    # An existing PO file must also be rewritten: change one of its reports.
    doc = project / "docs" / f"{NEW_REPORT}.md"
    doc.write_text(doc.read_text("utf-8").replace("重点做好七个方面工作。", "重点做好八个方面工作。"))
    before = snapshot(project / "translations")

    def fail(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError(err, os.strerror(err), str(dst))

    monkeypatch.setattr(os, "replace", fail)
    result = run_cli(["translate", "--engine", "none"], project)
    assert_one_line_error(result, 10, "translations/en/", text)
    assert snapshot(project / "translations") == before
    assert temp_leftovers(project) == []
