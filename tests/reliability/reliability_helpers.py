"""Helpers for the reliability tests: a project copy, snapshots, CLI runs, mounts."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from zhpress.cli import cli

REPO = Path(__file__).resolve().parents[2]
ZHPRESS = Path(sys.executable).parent / "zhpress"
PROJECT_PARTS = ("mkdocs.yml", "sources", "docs", "glossary", "translations")
# Lines the CLI may print on stderr around the error itself (progress notes, summaries).
ERROR_PREFIX = "zhpress: error: "


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the repo's own project (real reports, glossary, translations)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in parts:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
            for path in (dest / name).rglob("*"):
                path.chmod(0o755 if path.is_dir() else 0o644)  # sources/ are read-only in git
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path -> bytes)."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def tree_hashes(root: Path) -> dict[str, str]:
    return {k: hashlib.sha256(v).hexdigest() for k, v in snapshot(root).items()}


def temp_leftovers(root: Path) -> list[str]:
    """Temp files atomic_write_* would leave behind if a write was interrupted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(".*.tmp"))


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith(ERROR_PREFIX)]


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    """The real CLI in-process (click's runner), from ``cwd``."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, args, env=env, catch_exceptions=True)
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"zhpress {' '.join(args)} raised {result.exception!r}") from (
            result.exception
        )
    return CliResult(result.exit_code, result.stdout, result.stderr)


def run_subprocess(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> CliResult:
    """The installed `zhpress` executable as a user runs it."""
    proc = subprocess.run(
        [str(ZHPRESS), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def assert_one_line_error(result: CliResult, code: int, *needles: str) -> str:
    """Exit ``code``; exactly one error line naming the problem; no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.error_lines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path(f"/tmp/zhpress-mount-probe-{os.getpid()}")
    probe.mkdir(exist_ok=True)
    try:
        ok = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(probe)], capture_output=True
        ).returncode == 0
        if ok:
            subprocess.run(["umount", str(probe)], check=True)
        return ok
    finally:
        probe.rmdir()


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """Make ``directory`` read-only for root too (a read-only bind mount)."""
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "--bind", str(directory), str(directory)], check=True)
    try:
        subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(directory)], check=True, capture_output=True
        )
        yield
    finally:
        subprocess.run(["umount", str(directory)], check=True)


@contextlib.contextmanager
def small_disk(directory: Path, spare_bytes: int = 4096) -> Iterator[None]:
    """Mount a tmpfs over ``directory`` holding its current files plus ``spare_bytes``."""
    saved = snapshot(directory)
    pages = sum((len(v) + 4095) // 4096 for v in saved.values())
    size = pages * 4096 + spare_bytes
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)], check=True
    )
    try:
        for rel, data in saved.items():
            (directory / rel).parent.mkdir(parents=True, exist_ok=True)
            (directory / rel).write_bytes(data)
        yield  # inspect the directory inside the block: the mount goes away after it
    finally:
        subprocess.run(["umount", str(directory)], check=True)
