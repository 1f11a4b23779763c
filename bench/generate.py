"""Generate N synthetic reports from the real ones in docs/ (for the benchmarks).

    .venv/bin/python bench/generate.py N OUT_DIR [--seed S] [--docs DIR]

OUT_DIR becomes a complete zhpress project: the repo's mkdocs.yml and glossary/,
an empty sources/ and translations/, and docs/ with N reports. Each report
takes one real report, shuffles its paragraphs inside each section, changes
every number (scaled by a random factor, same digit count) and the date, and
gets its own title and slug. The same N, seed and inputs give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from zhpress.report import Report, dump_report, list_reports  # noqa: E402

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Front matter the synthetic report must not claim: it has no source file.
DROP_META = ("source_file", "source_format", "source_sha256", "ingested", "sidecar_sha256")


def _change_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group()
    if "." in text:
        whole, frac = text.split(".")
        value = float(text) * rng.uniform(0.6, 1.4)
        return f"{value:.{len(frac)}f}"
    if len(text) == 4 and text.startswith(("19", "20")):
        return str(rng.randint(2015, 2030))  # a year stays a plausible year
    value = max(1, round(int(text) * rng.uniform(0.6, 1.4)))
    return str(value)


def _sections(body: str) -> list[tuple[str | None, list[str]]]:
    """(heading, paragraphs) in order; paragraphs are blank-line separated blocks."""
    out: list[tuple[str | None, list[str]]] = [(None, [])]
    for block in (b.strip("\n") for b in re.split(r"\n\s*\n", body)):
        if not block:
            continue
        if block.startswith("#"):
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return out


def synthetic_report(base: Report, index: int, rng: random.Random) -> Report:
    parts: list[str] = []
    for heading, paragraphs in _sections(base.body):
        if heading is not None:
            parts.append(heading)
        shuffled = list(paragraphs)
        rng.shuffle(shuffled)
        parts.extend(shuffled)
    body = NUMBER.sub(lambda m: _change_number(m, rng), "\n\n".join(parts))
    meta = {k: v for k, v in base.meta.items() if k not in DROP_META}
    year = rng.randint(2015, 2030)
    meta["date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meta["title"] = f"{base.title}（合成第{index + 1}号）"
    meta["title_source"] = "synthetic"
    slug = f"{meta['date']}-synthetic-{index + 1:04d}-{base.slug[:40]}".rstrip("-")
    return Report(slug=slug, meta=meta, body=body)


def generate(n: int, out_dir: Path, *, seed: int = 0, docs_dir: Path = REPO / "docs") -> Path:
    bases = list_reports(docs_dir)
    if not bases:
        raise SystemExit(f"no reports in {docs_dir}")
    bases.sort(key=lambda r: r.slug)
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = out_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir()
    for name in ("sources", "translations"):
        (out_dir / name).mkdir(exist_ok=True)
    if (out_dir / "glossary").exists():
        shutil.rmtree(out_dir / "glossary")
    shutil.copytree(REPO / "glossary", out_dir / "glossary")
    shutil.copy2(REPO / "mkdocs.yml", out_dir / "mkdocs.yml")
    for i in range(n):
        report = synthetic_report(bases[i % len(bases)], i, rng)
        (docs / f"{report.slug}.md").write_text(dump_report(report), encoding="utf-8")
    return out_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("out_dir", type=Path, help="project directory to (re)create")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--docs", type=Path, default=REPO / "docs", help="real reports to start from")
    args = parser.parse_args()
    out = generate(args.n, args.out_dir, seed=args.seed, docs_dir=args.docs)
    size = sum(p.stat().st_size for p in (out / "docs").glob("*.md"))
    print(f"generated {args.n} reports in {out / 'docs'} ({size / 1e6:.1f} MB of Markdown)")


if __name__ == "__main__":
    main()
