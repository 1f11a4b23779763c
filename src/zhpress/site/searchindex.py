"""One search index per language tree, split so the first search stays small.

Material's search plugin writes one lunr index for the whole site: every
language in one file (a query on an English page returns Chinese pages) and
the whole file is downloaded on the first search. zhpress replaces it with,
per tree (``search/``, ``zh-Hant/search/``, ``en/search/``):

* ``search_index.json``: a small manifest (pages, shard count, the
  Traditional->Simplified character map, stop words) in the place Material's
  client fetches it from, so the theme's search box keeps working;
* ``s/<n>.json``: term shards. A term lives in the shard of its first
  character (first two letters for Latin words), so the browser segments a
  Chinese query by longest match against the one shard it needs;
* ``p/<n>.json``: the passages (paragraphs with their ``p-<id>`` anchor),
  fetched only for the results shown.

The browser side is ``assets/zhpress-search.js``, a search worker speaking
Material's worker protocol. Index terms and queries are both normalised to
Simplified characters (the map is generated from OpenCC at build time) and
lower case, so 发展 finds 發展 and the reverse. Chinese text is segmented with
jieba in search mode, with glossary terms registered (kept whole).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from zhpress.fsutil import atomic_write_text

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
STOP_WORDS = sorted(
    set("的 了 和 与 及 是 在 为 对 将 也 都 并 等 之 其 而 或 被 于 以 这 那 个".split())
    | set(
        "a an the of and or to in on for by with as at is are was were be been that this it its from".split()
    )
)
CHUNK = 50  # passages per p/<n>.json
SHARD_BYTES = 32_000  # aim for shards about this size
MAX_TEXT = 600  # characters of a passage kept for result snippets

# a table row is one passage (a glossary entry: its renderings side by side)
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "blockquote"}
_SPACED = {"td", "th", "br", "li"}  # their text is separate words within a passage
# permalinks, paragraph cross-links, the translation banner and the script note
# are page furniture, not text a reader searches for
_SKIP_CLASSES = (
    "headerlink",
    "zhpress-p",
    "zhpress-goto",
    "zhpress-status-box",
    "zhpress-script-note",
)


@dataclass(slots=True)  # a large site holds over 100,000 of them until the index is written
class Passage:
    anchor: str  # "p-<id>" or "" (the page itself)
    text: str
    heading: str = ""
    # index terms, when already known (from the build cache): see passage_terms
    terms: tuple[str, ...] | None = None


@dataclass
class IndexedPage:
    url: str  # relative to the tree root, e.g. "2024-01-23-bianmin/"
    title: str
    passages: list[Passage] = field(default_factory=list)


class _Extractor(HTMLParser):
    """Block-level text of the article, each block with its paragraph anchor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.passages: list[Passage] = []
        self._depth = 0  # inside <article>
        self._block: str | None = None
        self._block_depth = 0
        self._text: list[str] = []
        self._anchor = ""
        self._skip: list[str] = []
        self._heading = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self._depth += 1
            return
        if not self._depth:
            return
        if self._skip:
            self._skip.append(tag)
            return
        classes = a.get("class", "").split()
        if tag in ("script", "style") or any(c in classes for c in _SKIP_CLASSES):
            if a.get("id", "").startswith("p-") and self._block and not self._anchor:
                self._anchor = a["id"]
            self._skip.append(tag)
            return
        if self._block is None and tag in _BLOCKS:
            self._block, self._block_depth, self._text = tag, 1, []
            self._anchor = a.get("id", "")
            return
        if self._block is not None:
            if tag == self._block:
                self._block_depth += 1
            if tag in _SPACED:
                self._text.append(" ")
            # the paragraph id (p-...) wins; otherwise the first id (a glossary term)
            element_id = a.get("id", "")
            if element_id and (not self._anchor or element_id.startswith("p-")):
                if not self._anchor.startswith("p-"):
                    self._anchor = element_id

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth:
            self._depth -= 1
            return
        if self._skip:
            self._skip.pop()
            return
        if self._block is not None and tag == self._block:
            self._block_depth -= 1
            if self._block_depth == 0:
                text = " ".join("".join(self._text).split())
                if text:
                    if self._block.startswith("h") and self._block != "h1":
                        self._heading = text[:MAX_TEXT]
                    anchor = "" if self._block == "h1" else self._anchor
                    # a heading is its own section: heading == text marks it
                    heading = "" if self._block == "h1" else self._heading
                    self.passages.append(Passage(anchor, text[:MAX_TEXT], heading))
                self._block = None

    def handle_data(self, data: str) -> None:
        if self._block is not None and not self._skip:
            self._text.append(data)


def page_passages(html_text: str) -> list[Passage]:
    """The searchable passages of a rendered page (its article only)."""
    parser = _Extractor()
    parser.feed(html_text)
    return parser.passages


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def char_map(texts: Iterable[str]) -> dict[str, str]:
    """Traditional -> Simplified for every Han character in ``texts`` that has
    a one-character Simplified form (BMP only, so the browser maps UTF-16 units)."""
    chars = sorted({c for text in texts for run in HAN_RUN.findall(text) for c in run})
    out: dict[str, str] = {}
    convert = _t2s().convert
    for c in chars:
        s = convert(c)
        if s != c and len(s) == 1 and ord(c) < 0x10000 and ord(s) < 0x10000:
            out[c] = s
    return out


def normalise(text: str, cmap: dict[str, str]) -> str:
    """Lower-case ASCII and Simplified characters; the same length as ``text``."""
    return "".join(c.lower() if c < "\x80" else cmap.get(c, c) for c in text)


def terms(text: str, cmap: dict[str, str]) -> set[str]:
    """Index terms of a passage: jieba search-mode words of its Chinese runs
    (all overlapping dictionary words, glossary terms whole) and Latin words."""
    return set(normalised_terms(normalise(text, cmap)))


def passage_terms(text: str) -> tuple[str, ...]:
    """``terms`` of one passage on its own, sorted: the same set it gets in
    the whole site's index, as each character's Simplified form does not
    depend on the other passages. The strings are interned: the same few
    thousand words recur in every passage kept until the index is written."""
    return tuple(sys.intern(t) for t in sorted(terms(text, char_map([text]))))


_segmenter_setup: Callable[[], object] | None = None


def prepare_segmenter(setup: Callable[[], object]) -> None:
    """Have ``setup`` (registering the glossary's words with jieba) run before
    the next segmentation, not now: loading jieba's dictionary takes about a
    second, and a build that reuses every page from the cache segments nothing."""
    global _segmenter_setup
    _segmenter_setup = setup
    normalised_terms.cache_clear()  # segmentation depends on the words setup adds


# Small on purpose: pages are rendered report by report, so the Simplified and
# Traditional copies of a passage (which normalise alike) follow each other.
@lru_cache(maxsize=8192)
def normalised_terms(norm: str) -> frozenset[str]:
    # Cached: the Simplified and Traditional trees (and English pages while a
    # translation is pending) hold the same normalised passages.
    global _segmenter_setup
    import jieba

    if _segmenter_setup is not None:
        setup, _segmenter_setup = _segmenter_setup, None
        setup()
    out: set[str] = set()
    for token in TOKEN.findall(norm):
        if HAN_RUN.fullmatch(token):
            out.update(w for w in jieba.cut_for_search(token, HMM=False) if w.strip())
        else:
            out.add(token)
    return frozenset(out - set(STOP_WORDS))


def shard_key(term: str) -> str:
    return term[:2] if term[0] < "\x80" else term[0]


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over UTF-16 code units (what the browser's charCodeAt sees)."""
    h = 0x811C9DC5
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def publish(path: Path, text: str) -> None:
    """Write a file of the site: atomically, and readable by a web server
    (the temporary file behind ``atomic_write_text`` is private to its owner)."""
    atomic_write_text(path, text, durable=False)
    os.chmod(path, 0o644)


def write_tree_index(
    out_dir: Path, prefix: str, lang: str, pages: list[IndexedPage], cmap: dict[str, str]
) -> int:
    """Write one tree's manifest, shards and passages under ``out_dir``
    (``<site>/<prefix>search``); returns the number of shards."""
    postings: dict[str, list[int]] = {}
    chunks: list[list[list[object]]] = []
    starts: list[int] = []
    pid = 0
    for index, page in enumerate(pages):
        starts.append(pid)
        for passage in page.passages:
            found = passage.terms if passage.terms is not None else terms(passage.text, cmap)
            for term in found:
                postings.setdefault(term, []).append(pid)
            if pid % CHUNK == 0:
                chunks.append([])
            chunks[-1].append([index, passage.anchor, passage.text, passage.heading])
            pid += 1
    size = sum(len(t) * 3 + 8 + 7 * len(ids) for t, ids in postings.items())
    n = 1
    while n < 4096 and size / n > SHARD_BYTES:
        n *= 2
    shards: list[dict[str, list[int]]] = [{} for _ in range(n)]
    for term in sorted(postings):
        ids = postings[term]
        deltas = [ids[0]] + [b - a for a, b in zip(ids, ids[1:], strict=False)]
        shards[fnv1a(shard_key(term)) % n][term] = deltas
    for old in (*out_dir.glob("s/*.json"), *out_dir.glob("p/*.json")):
        old.unlink()  # a smaller index than last build leaves no stale shards
    for k, shard in enumerate(shards):
        publish(out_dir / "s" / f"{k}.json", _dump({"t": shard}))
    for k, chunk in enumerate(chunks):
        publish(out_dir / "p" / f"{k}.json", _dump(chunk))
    manifest = {
        "config": {
            "lang": [lang],
            "separator": r"[\s\u200b\-]+",
            "pipeline": [],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
            "zhpress": {
                "version": 1,
                "tree": prefix,
                "shards": n,
                "chunk": CHUNK,
                "passages": pid,
                "pages": [[p.url, p.title] for p in pages],
                "starts": starts,
                "map": "".join(k + v for k, v in sorted(cmap.items())),
                "stop": STOP_WORDS,
            },
        },
        "docs": [],
    }
    publish(out_dir / "search_index.json", _dump(manifest))
    return n
