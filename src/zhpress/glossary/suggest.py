"""Propose terms the glossary does not have yet, and append them for a translator.

Two kinds of candidates: expressions the reports put in quotes (“…”, 「…」), which
are nearly always slogans or names; and frequent multi-word expressions, i.e.
neighbouring jieba tokens that occur together often relative to how often each
occurs alone. Text covered by an existing glossary term is masked first, so
pieces of known terms are never proposed again.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from zhpress.errors import GlossaryError, SourceError
from zhpress.fsutil import atomic_write_text
from zhpress.glossary.model import Glossary
from zhpress.glossary.opencc_data import opencc_converter

PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)")
QUOTED = re.compile(r"“([^“”\n]{2,16})”|「([^「」\n]{2,16})」|‘([^‘’\n]{2,16})’")
CJK_RUN = re.compile(r"^[\u3400-\u9fff]+$")
# Quoted terms may hold digits and Latin letters (新智造100, 从0到1) but need two Han.
QUOTED_TERM = re.compile(r"^[\u3400-\u9fff0-9A-Za-z+·]+$")
HAN = re.compile(r"[\u3400-\u9fff]")
# A quoted everyday word ("投资", "强化") is emphasis, not a term: jieba's
# dictionary frequency tells them apart from slogans it has never seen.
COMMON_WORD_FREQ = 1000
MASK = "\u3000"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Suggestion:
    """A candidate term with its count and first occurrence (1-based line)."""

    term: str
    count: int
    quoted: bool
    path: str
    line: int
    context: str

    def __str__(self) -> str:
        kind = "quoted" if self.quoted else "frequent"
        return f"{self.count:5d}  {self.term}  [{kind}]  {self.path}:{self.line}: {self.context}"


@dataclass
class _Line:
    path: str
    number: int
    original: str
    simplified: str


def corpus_files(corpus: str | Path) -> list[Path]:
    """The report files of a corpus directory (Markdown and plain text), or one file."""
    path = Path(corpus)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise SourceError("corpus not found", path=path, hint="give docs/ or sources/")
    files = sorted(p for p in path.iterdir() if p.suffix in (".md", ".txt") and p.is_file())
    return [p for p in files if p.name != "index.md"]


def _read_lines(files: Iterable[Path]) -> list[_Line]:
    t2s = opencc_converter("t2s")
    lines: list[_Line] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read corpus file: {exc}", path=path) from None
        skip = 0
        match = FRONT_MATTER.match(text)
        if match and path.suffix == ".md":
            skip = match.group(0).count("\n")
        for number, line in enumerate(text.splitlines(), start=1):
            if number <= skip or not line.strip():
                continue
            # Web-converter pinyin notes (東城區(qū)) would glue syllables to terms.
            clean = PINYIN_NOTE.sub("", line)
            lines.append(_Line(str(path), number, line.strip(), t2s.convert(clean)))
    return lines


def _context(text: str, term: str, width: int = 24) -> str:
    i = text.find(term)
    if i < 0:
        return text[: 2 * width]
    lo, hi = max(0, i - width), i + len(term) + width
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def suggest_terms(
    corpus: str | Path | Iterable[Path],
    glossary: Glossary | None = None,
    *,
    min_count: int = 3,
    limit: int | None = None,
) -> list[Suggestion]:
    """Candidate terms not in ``glossary``, most frequent first.

    Quoted expressions are always proposed; other expressions need ``min_count``
    occurrences. Counts are over the whole corpus, converted to Simplified.
    """
    import jieba

    files = corpus_files(corpus) if isinstance(corpus, str | Path) else list(corpus)
    lines = _read_lines(files)
    matcher = glossary.matcher() if glossary is not None else None
    known = set(glossary.forms()) if glossary is not None else set()

    masked: list[str] = []
    for line in lines:
        text = line.simplified
        if matcher is not None:
            for m in reversed(matcher.find(text)):
                text = text[: m.start] + MASK * (m.end - m.start) + text[m.end :]
        masked.append(text)

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    quoted: dict[str, int] = {}
    for i, line in enumerate(lines):
        for m in QUOTED.finditer(line.simplified):
            term = next(g for g in m.groups() if g)
            if not QUOTED_TERM.match(term) or len(HAN.findall(term)) < 2 or term in known:
                continue
            if tokenizer.FREQ.get(term, 0) >= COMMON_WORD_FREQ:
                continue
            quoted.setdefault(term, i)
    pair_counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for i, text in enumerate(masked):
        tokens = [t for t in tokenizer.cut(text, HMM=False)]
        for n in (2, 3):
            for j in range(len(tokens) - n + 1):
                parts = tokens[j : j + n]
                if not all(len(p) >= 2 and CJK_RUN.match(p) for p in parts):
                    continue
                joined = "".join(parts)
                if len(joined) > 10:
                    continue
                pair_counts[joined] += 1
                first_seen.setdefault(joined, i)

    full_text = "\n".join(line.simplified for line in lines)
    masked_text = "\n".join(masked)
    candidates: dict[str, Suggestion] = {}
    for term, i in quoted.items():
        candidates[term] = _suggestion(term, full_text.count(term), True, lines[i])
    for joined in pair_counts:
        if joined in candidates or joined in known:
            continue
        # Count the string itself: jieba may cut the same expression differently
        # in different sentences.
        count = masked_text.count(joined)
        if count < min_count:
            continue
        # Cohesion: the parts must mostly occur together, not be two common words.
        parts = list(tokenizer.cut(joined, HMM=False))
        if count < 0.5 * min(masked_text.count(p) for p in parts):
            continue
        candidates[joined] = _suggestion(joined, count, False, lines[first_seen[joined]])

    # A shorter expression that only ever occurs inside a longer one is noise.
    kept = []
    for s in candidates.values():
        if not s.quoted and any(
            o is not s and s.term in o.term and o.count >= s.count for o in candidates.values()
        ):
            continue
        kept.append(s)
    kept.sort(key=lambda s: (-s.count, not s.quoted, s.term))
    return kept[:limit] if limit else kept


def _suggestion(term: str, count: int, quoted: bool, line: _Line) -> Suggestion:
    return Suggestion(
        term, max(count, 1), quoted, line.path, line.number, _context(line.simplified, term)
    )


def proposed_entry_yaml(s: Suggestion, indent: int) -> str:
    """One ``status: proposed`` entry, written the way a translator would."""
    pad = " " * indent

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    kind = "quoted" if s.quoted else "frequent"
    note = f"{kind}, {s.count}x; e.g. {Path(s.path).name}:{s.line}: {s.context}"
    return (
        f"{pad}- zh: {s.term}\n"
        f"{pad}  status: proposed\n"
        f"{pad}  note: {q(note)}\n"
        f"{pad}  source: {q('suggested by zhpress glossary suggest; English rendering to be chosen')}\n"
    )


def append_proposed(path: str | Path, suggestions: Iterable[Suggestion]) -> int:
    """Append suggestions as proposed entries; every existing byte stays as it was.

    New entries are added as text after the last entry of ``terms:`` (which must
    be the file's last top-level key) so comments, key order, quoting and spacing
    of what a translator wrote are untouched. Returns how many were added.
    """
    path = Path(path)
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    data = None
    if original.strip():
        try:
            data = YAML(typ="rt").load(original)
        except YAMLError as exc:
            raise GlossaryError(
                f"cannot append: file is not valid YAML ({exc})", path=path
            ) from None
    if data is not None and not isinstance(data, CommentedMap):
        raise GlossaryError("cannot append: file is not a glossary mapping", path=path)
    existing = set()
    terms = data.get("terms") if data is not None else None
    if isinstance(terms, CommentedSeq):
        existing = {str(item.get("zh")) for item in terms if isinstance(item, CommentedMap)}
    new = [s for s in dict.fromkeys(suggestions) if s.term not in existing]
    new = list({s.term: s for s in new}.values())
    if not new:
        return 0

    if data is None:
        text = original + ("" if not original or original.endswith("\n") else "\n")
        text += "terms:\n" + "".join(proposed_entry_yaml(s, 2) for s in new)
    else:
        keys = list(data.keys())
        if "terms" not in data or keys[-1] != "terms":
            raise GlossaryError(
                "cannot append: 'terms:' must be the last top-level key of the file",
                path=path,
                hint="move the 'terms:' list to the end of the file",
            )
        if terms is not None and not isinstance(terms, CommentedSeq):
            raise GlossaryError("cannot append: 'terms' is not a list", path=path)
        if isinstance(terms, CommentedSeq) and terms.fa.flow_style():
            raise GlossaryError(
                "cannot append to a one-line 'terms: [...]' list",
                path=path,
                hint="write the list in block style, one '- zh:' per entry",
            )
        indent = _item_indent(original, terms)
        text = original + ("" if original.endswith("\n") else "\n")
        text += "".join(proposed_entry_yaml(s, indent) for s in new)
    try:
        YAML(typ="safe").load(text)
    except YAMLError as exc:  # pragma: no cover - guards the invariant above
        raise GlossaryError(f"appending would break the file: {exc}", path=path) from None
    atomic_write_text(path, text)
    return len(new)


def _item_indent(text: str, terms: CommentedSeq | None) -> int:
    """Column of the '-' of the existing entries (2 for an empty list)."""
    if not terms:
        return 2
    line, col = terms.lc.item(0)
    source_line = text.splitlines()[line]
    dash = source_line.rfind("-", 0, col)
    return dash if dash >= 0 else 2
