"""SIGKILL `zhpress translate` and `zhpress build` at random points, many times.

Afterwards every PO file parses, no completed translation is lost or changed,
docs/ and translations/ are intact, and one more run finishes the work with
exactly the files an uninterrupted run writes.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest

from zhpress.report import Report, dump_report, list_reports

from .reliability_helpers import REPO, ZHPRESS, copy_project, snapshot, temp_leftovers

# Kills per test (each costs a process start-up, ~3 s): ZHPRESS_KILLS overrides.
TRANSLATE_KILLS = int(os.environ.get("ZHPRESS_KILLS", "12"))
BUILD_KILLS = int(os.environ.get("ZHPRESS_KILLS", "8"))
SEED = 7
SLOW_ZHPRESS = Path(__file__).with_name("slow_zhpress.py")


def _spawn(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`zhpress ARGS`; with ZHPRESS_TEST_DELAY in ``env``, the slowed-down engine."""
    command = [sys.executable, str(SLOW_ZHPRESS)] if "ZHPRESS_TEST_DELAY" in env else [ZHPRESS]
    return subprocess.Popen(
        [*map(str, command), *args],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_after(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL ``proc`` after ``delay`` s; True if it was still running."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def _small_reports(docs: Path, count: int) -> None:
    """``count`` short reports cut from the real ones (a few sentences each)."""
    bases = sorted(list_reports(REPO / "docs"), key=lambda r: r.slug)
    docs.mkdir(parents=True)
    for i in range(count):
        base = bases[i % len(bases)]
        paragraphs = [p for p in base.body.split("\n\n") if p.strip()]
        start = (i // len(bases)) * 4
        body = "\n\n".join(paragraphs[start : start + 4]) or paragraphs[0]
        meta = {"title": f"{base.title} 第{i + 1}部分", "date": base.date, "script": base.script}
        slug = f"part-{i + 1:02d}"
        (docs / f"{slug}.md").write_text(dump_report(Report(slug, meta, body)), "utf-8")


def _timed_run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Run to the end; seconds until the first PO file appeared, and in all."""
    start = time.monotonic()
    proc = _spawn(args, cwd, env)
    first = None
    while proc.poll() is None:
        if first is None and any((cwd / "translations").rglob("*.po")):
            first = time.monotonic() - start
        time.sleep(0.02)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    total = time.monotonic() - start
    return (first if first is not None else total / 2), total


def _completed(translations: Path) -> dict[tuple[str, str], str]:
    """(file, segment id) -> msgstr for every translated entry; every file must parse."""
    done = {}
    for path in sorted(translations.rglob("*.po")):
        po = polib.pofile(str(path))  # raises on a truncated or corrupt file
        for entry in po:
            if entry.msgstr:
                done[(path.name, entry.msgctxt or "")] = entry.msgstr
    return done


@pytest.mark.slow
def test_sigkill_translate_loses_nothing(tmp_path: Path, _synthetic_install_root: Path) -> None:
    env = {
        "ZHPRESS_MODELS_DIR": str(_synthetic_install_root),
        "ZHPRESS_THREADS": "1",
        "ZHPRESS_TEST_DELAY": "0.02",
    }
    args = ["translate", "--engine", "ctranslate2"]
    reference = tmp_path / "reference"
    _small_reports(reference / "docs", 24)
    work = tmp_path / "killed"
    shutil.copytree(reference, work)

    first_write, full_run = _timed_run(args, reference, env)
    expected = snapshot(reference / "translations")
    assert len(expected) == 24

    rng = random.Random(SEED)
    completed: dict[tuple[str, str], str] = {}
    mid_run = 0
    for _ in range(TRANSLATE_KILLS):
        proc = _spawn(args, work, env)
        # From just before the first PO file of a full run appeared, over a quarter
        # of the translating time: each kill lets a few reports finish.
        span = (full_run - first_write) / 4
        killed = _kill_after(proc, rng.uniform(first_write * 0.8, first_write + span))
        now = _completed(work / "translations")  # every PO file parses
        for key, text in completed.items():
            assert now.get(key) == text, f"completed segment {key} lost or changed"
        if killed and completed.keys() < now.keys():
            mid_run += 1
        completed = now
        # A kill inside a write may leave a temp file, never a partial .po file.
        assert all(p.endswith(".tmp") for p in temp_leftovers(work))
    # Each kill keeps what finished, so later runs have less to do; several kills
    # must still have landed while reports were being translated.
    assert mid_run >= 3, mid_run

    final = _spawn(args, work, env)
    assert final.wait(timeout=600) == 0, final.stderr.read() if final.stderr else ""
    assert snapshot(work / "translations") == expected


@pytest.mark.slow
def test_sigkill_build_keeps_inputs_and_next_build_is_complete(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "proj")
    env = {"PYTHONHASHSEED": "random"}
    start = time.monotonic()
    clean = subprocess.run(
        [str(ZHPRESS), "build"], cwd=project, capture_output=True, text=True, timeout=600
    )
    full_run = time.monotonic() - start
    assert clean.returncode == 0, clean.stderr
    reference = snapshot(project / "build" / "site")
    inputs = {part: snapshot(project / part) for part in ("docs", "translations", "glossary")}
    shutil.rmtree(project / "build")  # the first kill hits a build from scratch
    # and the kills land while the build cache is being written, not only read
    shutil.rmtree(project / ".cache", ignore_errors=True)

    rng = random.Random(SEED)
    killed = 0
    for _ in range(BUILD_KILLS):
        killed += _kill_after(_spawn(["build"], project, env), rng.uniform(0.3, full_run))
        for part, files in inputs.items():
            assert snapshot(project / part) == files, f"{part}/ changed by a killed build"
    assert killed >= BUILD_KILLS // 2

    final = subprocess.run(
        [str(ZHPRESS), "build"], cwd=project, capture_output=True, text=True, timeout=600
    )
    assert final.returncode == 0, final.stderr
    assert snapshot(project / "build" / "site") == reference
