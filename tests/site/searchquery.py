"""Read a built tree's search index the way the browser worker does (for static tests)."""

from __future__ import annotations

import json
from pathlib import Path

from zhpress.site.searchindex import HAN_RUN, TOKEN, fnv1a, shard_key


class TreeIndex:
    def __init__(self, site: Path, prefix: str) -> None:
        self.dir = site / prefix / "search"
        data = json.loads((self.dir / "search_index.json").read_text(encoding="utf-8"))
        self.manifest = data["config"]["zhpress"]
        pairs = self.manifest["map"]
        self.cmap = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}

    def shard(self, term: str) -> dict[str, list[int]]:
        n = fnv1a(shard_key(term)) % self.manifest["shards"]
        return json.loads((self.dir / "s" / f"{n}.json").read_text(encoding="utf-8"))["t"]

    def postings(self, term: str) -> set[int]:
        deltas = self.shard(term).get(term, [])
        out, at = set(), 0
        for d in deltas:
            at += d
            out.add(at)
        return out

    def normalise(self, text: str) -> str:
        return "".join(c.lower() if c < "\x80" else self.cmap.get(c, c) for c in text)

    def words(self, query: str) -> list[str]:
        """The query split as the worker splits it (longest index term first)."""
        out: list[str] = []
        for run in TOKEN.findall(self.normalise(query)):
            if not HAN_RUN.fullmatch(run):
                out.append(run)
                continue
            i = 0
            while i < len(run):
                best = run[i]
                for term in self.shard(run[i]):
                    if len(term) > len(best) and run.startswith(term, i):
                        best = term
                out.append(best)
                i += len(best)
        return out

    def page_of(self, pid: int) -> str:
        starts = self.manifest["starts"]
        index = max(i for i, s in enumerate(starts) if s <= pid)
        return self.manifest["pages"][index][0]

    def search(self, query: str) -> list[str]:
        """URLs (relative to the tree) of pages with a passage holding every word."""
        stop = set(self.manifest["stop"])
        sets = [self.postings(w) for w in self.words(query) if w not in stop]
        if not sets:
            return []
        hits = set.intersection(*sets)
        return sorted({self.page_of(pid) for pid in hits})

    def passages(self) -> list[list]:
        out: list[list] = []
        for path in sorted(self.dir.glob("p/*.json"), key=lambda p: int(p.stem)):
            out.extend(json.loads(path.read_text(encoding="utf-8")))
        return out
