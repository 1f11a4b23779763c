"""Bytes a reader's browser downloads for the first search, at each N.

    .venv/bin/python bench/search.py [N ...] [--work DIR] [--query Q ...]

For each N (default 10): generate N synthetic reports (bench/generate.py),
`zhpress build` them, and replay the first search of a reader on the
Simplified home page the way zhpress's search worker does it
(src/zhpress/site/assets/zhpress-search.js): the worker script, the tree's
manifest (search/search_index.json), the term shards the query touches and
the passage chunks of the ten results shown. Sizes are raw bytes and gzip -6
(what a static host such as GitHub Pages sends for JSON/JS).

For comparison the same Markdown is built with plain mkdocs-material, whose
first search downloads its search worker, the lunr language files for zh and
the single search_index.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "src"))

from generate import generate  # noqa: E402

from build import PLAIN_MKDOCS, VENV_BIN, run_child  # noqa: E402
from zhpress.site.searchindex import HAN_RUN, TOKEN, fnv1a, shard_key  # noqa: E402

TARGET_BYTES = 2 * 1024 * 1024  # first search <= 2 MB at 1000 reports
QUERIES = ("经济发展", "城市副中心建设", "就业", "economy")
WORKER = "assets/zhpress/zhpress-search.js"


def _sizes(paths: list[Path]) -> tuple[int, int]:
    raw = sum(p.stat().st_size for p in paths)
    packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)
    return raw, packed


def zhpress_first_search(site: Path, query: str, tree: str = "") -> list[Path]:
    """The files zhpress's worker fetches for ``query`` (see zhpress-search.js)."""
    search = site / tree / "search"
    manifest = json.loads((search / "search_index.json").read_text("utf-8"))["config"]["zhpress"]
    cmap = {manifest["map"][i]: manifest["map"][i + 1] for i in range(0, len(manifest["map"]), 2)}
    stop = set(manifest["stop"])
    files = [site / WORKER, search / "search_index.json"]
    shards: dict[int, dict[str, list[int]]] = {}

    def shard(term: str) -> dict[str, list[int]]:
        n = fnv1a(shard_key(term)) % manifest["shards"]
        if n not in shards:
            shards[n] = json.loads((search / "s" / f"{n}.json").read_text("utf-8"))["t"]
            files.append(search / "s" / f"{n}.json")
        return shards[n]

    def ids(deltas: list[int]) -> list[int]:
        out, at = [], 0
        for d in deltas:
            at += d
            out.append(at)
        return out

    norm = "".join(c.lower() if c < "\x80" else cmap.get(c, c) for c in query)
    groups: list[list[int]] = []
    runs = TOKEN.findall(norm)
    for r, run in enumerate(runs):
        if HAN_RUN.fullmatch(run):
            i = 0
            while i < len(run):
                terms, best = shard(run[i]), run[i]
                for term in terms:
                    if len(term) > len(best) and run.startswith(term, i):
                        best = term
                if best not in stop:
                    groups.append(ids(terms.get(best, [])))
                i += len(best)
        elif run not in stop:
            terms, found = shard(run), set()
            prefix = r == len(runs) - 1 and len(run) >= 2
            for t, deltas in terms.items():
                if t == run or (prefix and t.startswith(run)):
                    found.update(ids(deltas))
            groups.append(sorted(found))
    count: dict[int, int] = {}
    for g in groups:
        for pid in g:
            count[pid] = count.get(pid, 0) + 1
    if not count:
        return files
    best = max(count.values())
    starts = manifest["starts"]
    by_page: dict[int, list[int]] = {}
    for pid, c in count.items():
        if c == best:
            page = max(i for i, s in enumerate(starts) if s <= pid)
            by_page.setdefault(page, []).append(pid)
    import math

    ranked = sorted(
        by_page.items(),
        key=lambda kv: (
            -(best + (2 if min(kv[1]) == starts[kv[0]] else 0) + math.log(1 + len(kv[1]))),
            kv[0],
        ),
    )
    chunks = {pid // manifest["chunk"] for _, pids in ranked[:10] for pid in sorted(pids)[:3]}
    files += [search / "p" / f"{k}.json" for k in sorted(chunks)]
    return files


def plain_first_search(site: Path) -> list[Path]:
    """Material's lunr search: worker, zh language support and the whole index."""
    js = site / "assets" / "javascripts"
    files = sorted((js / "workers").glob("search.*.min.js"))
    for name in ("lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.zh.min.js"):
        files += [js / "lunr" / "min" / name]
    files.append(site / "search" / "search_index.json")
    return [f for f in files if f.exists()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10], help="report counts (10)")
    parser.add_argument("--work", type=Path, help="keep (and reuse) the projects here")
    parser.add_argument("--query", action="append", help="queries to replay (default: 4)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="zhpress-bench-search-"))
    queries = args.query or list(QUERIES)
    print(f"first-search download; queries: {', '.join(queries)}; projects in {work}")
    for n in args.sizes:
        project = work / f"n{n}"
        site = project / "build" / "site"
        if not (site / "search" / "search_index.json").exists():
            generate(n, project)
            run_child([str(VENV_BIN / "zhpress"), "build"], project)
        plain = project / "build" / "plain"
        if not (plain / "search" / "search_index.json").exists():
            (project / "plain.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
            run_child([str(VENV_BIN / "mkdocs"), "build", "-q", "-f", "plain.yml"], project)
        worst_raw = worst_gz = 0
        for q in queries:
            files = zhpress_first_search(site, q)
            raw, packed = _sizes(files)
            worst_raw, worst_gz = max(worst_raw, raw), max(worst_gz, packed)
            manifest = files[1].stat().st_size
            print(
                f"N={n:5d} zhpress  {q!r:12s} {len(files):2d} files {raw / 1024:8.1f} KiB raw "
                f"{packed / 1024:8.1f} KiB gzip (manifest {manifest / 1024:.1f} KiB)"
            )
        raw, packed = _sizes(plain_first_search(plain))
        print(
            f"N={n:5d} material (any query)      {raw / 1024:8.1f} KiB raw {packed / 1024:8.1f} "
            f"KiB gzip"
        )
        verdict = "MET" if worst_gz <= TARGET_BYTES else "NOT MET"
        print(
            f"N={n:5d} worst zhpress first search: {worst_raw / 2**20:.2f} MB raw, "
            f"{worst_gz / 2**20:.2f} MB gzip (target <= 2 MB: {verdict} gzip, "
            f"{'MET' if worst_raw <= TARGET_BYTES else 'NOT MET'} raw)"
        )
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
