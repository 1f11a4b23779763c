"""Build benchmark: zhpress build (full, cached, one-paragraph edit) vs plain mkdocs.

    .venv/bin/python bench/build.py [N ...] [--work DIR] [--seed S]

For each N (default 10): generate N synthetic reports (bench/generate.py),
then time, in separate child processes, with each child's peak RSS:

* full     `zhpress build` of a fresh copy (no site dir yet);
* cached   `zhpress build` again with nothing changed;
* edit     `zhpress build` after changing one paragraph of one report;
* add      `zhpress build` after adding one report (every page's navigation
           changes, so every page goes through the theme template again);
* mkdocs   plain `mkdocs build` of the same docs/ Markdown with plain
           mkdocs-material (one language, no zhpress plugin);

and counts the segments re-translated after the one-paragraph edit (the
translation memory with the deterministic FakeEngine: the model's speed is
bench/translate.py's business). Before timing, translations/ is filled by
the FakeEngine so the English pages carry full text, as in a real project. With two or more N the growth of time and
memory is fitted (least squares, linear in N) and extrapolated to N=1000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "src"))

from generate import generate  # noqa: E402

VENV_BIN = Path(sys.executable).parent
TARGETS = {
    "cached/plain": 1.5,  # cached full build <= 1.5x plain mkdocs
    "edit/full": 0.25,  # one-paragraph rebuild <= 25% of the full build
    "peak_mb_1000": 1536.0,  # < 1.5 GB at 1000 reports
}

PLAIN_MKDOCS = """\
site_name: plain mkdocs-material
docs_dir: docs
site_dir: build/plain
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - md_in_html
  - admonition
plugins:
  - search:
      lang: [zh, en]
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run_child(args: list[str], cwd: Path) -> Run:
    """Run one command; wall time and that child's own peak RSS (os.wait4)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def edit_one_paragraph(project: Path) -> tuple[Path, str]:
    """Change one sentence of the first body paragraph of the first report."""
    doc = sorted((project / "docs").glob("*.md"))[0]
    text = doc.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    for para in body.split("\n\n"):
        if para.strip() and not para.startswith("#") and "。" in para:
            edited = para.replace("。", "，这是基准测试修改的一句话。", 1)
            doc.write_text(head + sep + body.replace(para, edited, 1), encoding="utf-8")
            return doc, para
    raise SystemExit(f"no paragraph to edit in {doc}")


def add_one_report(project: Path) -> Path:
    """A new report: the first one under a new slug and title, dated after all others."""
    doc = sorted((project / "docs").glob("*.md"))[0]
    text = doc.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = [
        "title: 基准测试新增的报告"
        if ln.startswith("title:")
        else "date: '2099-01-01'"
        if ln.startswith("date:")
        else ln
        for ln in head.splitlines()
    ]
    new = project / "docs" / "2099-01-01-bench-added.md"
    new.write_text("\n".join(lines) + sep + body, encoding="utf-8")
    return new


def retranslated_after_edit(project: Path) -> tuple[int, int, int]:
    """(segments, sentences sent to the engine after the edit, sentences changed)."""
    from zhpress.report import load_report
    from zhpress.translate.engines.fake import FakeEngine
    from zhpress.translate.project import sentences_of, translate_project
    from zhpress.translate.segments import segment_report

    work = Path(tempfile.mkdtemp(prefix="zhpress-bench-tm-"))
    try:
        shutil.copytree(project / "docs", work / "docs")
        first = translate_project(work / "docs", work / "translations", FakeEngine())
        doc = sorted((work / "docs").glob("*.md"))[0]
        before = {s.text for s in sentences_of(segment_report(load_report(doc)))}
        edit_one_paragraph(work)
        after = {s.text for s in sentences_of(segment_report(load_report(doc)))}
        engine = FakeEngine()
        translate_project(work / "docs", work / "translations", engine)
        segments = first.total("segments")
        return segments, engine.sentences_translated, len(after - before)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench_size(n: int, work: Path, seed: int) -> dict[str, float]:
    project = generate(n, work / f"n{n}", seed=seed)
    # Fill the translation memory (FakeEngine) so English pages carry full text.
    from zhpress.translate.engines.fake import FakeEngine
    from zhpress.translate.project import translate_project

    translate_project(project / "docs", project / "translations", FakeEngine(latin=True))
    zhpress = [str(VENV_BIN / "zhpress"), "build"]
    for stale in (project / "build", project / ".cache"):
        shutil.rmtree(stale, ignore_errors=True)
    full = run_child(zhpress, project)
    pages = sum(1 for _ in (project / "build" / "site").rglob("index.html"))
    cached = run_child(zhpress, project)
    (project / "plain.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
    run_child([str(VENV_BIN / "mkdocs"), "build", "-q", "-f", "plain.yml"], project)  # warm-up
    plain = run_child([str(VENV_BIN / "mkdocs"), "build", "-q", "-f", "plain.yml"], project)
    edit_one_paragraph(project)
    edit = run_child(zhpress, project)
    add_one_report(project)
    add = run_child(zhpress, project)
    segments, sent, changed = retranslated_after_edit(project)
    row = {
        "n": n,
        "pages": pages,
        "full_s": full.seconds,
        "cached_s": cached.seconds,
        "edit_s": edit.seconds,
        "add_s": add.seconds,
        "plain_s": plain.seconds,
        "full_mb": full.peak_mb,
        "cached_mb": cached.peak_mb,
        "edit_mb": edit.peak_mb,
        "plain_mb": plain.peak_mb,
        "segments": segments,
        "retranslated": sent,
        "changed": changed,
    }
    print(
        f"N={n:5d} pages={pages:5d} | full {full.seconds:7.2f}s {full.peak_mb:6.0f}MB"
        f" | cached {cached.seconds:7.2f}s {cached.peak_mb:6.0f}MB"
        f" | edit {edit.seconds:7.2f}s {edit.peak_mb:6.0f}MB"
        f" | add {add.seconds:7.2f}s {add.peak_mb:6.0f}MB"
        f" | plain mkdocs {plain.seconds:7.2f}s {plain.peak_mb:6.0f}MB"
        f" | re-translated {sent}/{segments} segments ({changed} changed)",
        flush=True,
    )
    return row


def fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least-squares line y = a*x + b and its R^2."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    b = my - a * mx
    ss_res = sum((y - (a * x + b)) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys) or 1.0
    return a, b, 1 - ss_res / ss_tot


def verdict(value: float, target: float, *, below: bool = True) -> str:
    ok = value <= target if below else value >= target
    return "MET" if ok else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10], help="report counts (10)")
    parser.add_argument("--work", type=Path, help="keep the generated projects here")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="zhpress-bench-build-"))
    print(f"zhpress build benchmark; projects in {work}; {os.cpu_count()} CPUs")
    rows = [bench_size(n, work, args.seed) for n in args.sizes]
    print()
    for r in rows:
        print(
            f"N={r['n']}: cached/plain = {r['cached_s'] / r['plain_s']:.2f} "
            f"(target <= {TARGETS['cached/plain']}: "
            f"{verdict(r['cached_s'] / r['plain_s'], TARGETS['cached/plain'])}); "
            f"full/plain = {r['full_s'] / r['plain_s']:.2f}; "
            f"edit/full = {r['edit_s'] / r['full_s']:.2f} "
            f"(target <= {TARGETS['edit/full']}: "
            f"{verdict(r['edit_s'] / r['full_s'], TARGETS['edit/full'])}); "
            f"add/full = {r['add_s'] / r['full_s']:.2f}; "
            f"re-translated exactly the changed segments: "
            f"{'yes' if r['retranslated'] == r['changed'] else 'NO'}"
        )
    if len(rows) >= 2:
        xs = [float(r["n"]) for r in rows]
        for key, unit in (("full_s", "s"), ("cached_s", "s"), ("full_mb", "MB")):
            a, b, r2 = fit(xs, [r[key] for r in rows])
            print(
                f"fit {key}: {a:.4f} {unit}/report + {b:.2f} {unit} (R^2 {r2:.3f}); "
                f"at N=1000: {a * 1000 + b:.1f} {unit}"
            )
        a, b, _ = fit(xs, [r["full_mb"] for r in rows])
        at_1000 = next((r["full_mb"] for r in rows if r["n"] == 1000), a * 1000 + b)
        measured = "measured" if any(r["n"] == 1000 for r in rows) else "extrapolated"
        print(
            f"peak memory at N=1000 ({measured}): {at_1000:.0f} MB "
            f"(target < {TARGETS['peak_mb_1000']:.0f} MB: "
            f"{verdict(at_1000, TARGETS['peak_mb_1000'])})"
        )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
