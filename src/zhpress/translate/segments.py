"""Split a report body into blocks and sentences with stable ids.

A block is a heading, paragraph, list item, quote or table row. Its id is a
short hash of its normalised Simplified text, so inserting or editing another
paragraph never changes it (a duplicate paragraph gets ``-2``, ``-3`` ...).
Sentence ids (the PO ``msgctxt``) are ``<block id>.<n>``.

Sentence rule: a sentence ends after 。！？；!?; or a ``.`` that is followed
by whitespace (so ``2.0版`` and ``1.持续`` stay whole). Closing quotes and
brackets right after the stop stay with the sentence. A stop inside quotes or
brackets does not split: a quoted slogan or a parenthetical is one unit for a
translator; only a quotation longer than 120 characters (a quoted passage of
several sentences) is split like running text. If the brackets in a block do not balance (a typo in the source),
quotes are ignored so one stray ``“`` cannot swallow a whole paragraph.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from zhpress.report import Report

STOPS = set("。！？；!?;")
CLOSERS = set("”’」』）)》〉】」\"'")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
PAIR_CLOSERS = set(OPENERS.values())
LONG_QUOTE = 120  # characters; shorter quotations and parentheticals stay whole

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*(?:\{[^}]*\})?\s*$")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
QUOTE = re.compile(r"^>\s?(.*)$")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
IMAGE_OR_HTML = re.compile(r"^\s*(!\[.*\]\(.*\)|<[a-zA-Z/!].*)\s*$")
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Sentence:
    id: str  # msgctxt: "<block id>.<n>"
    text: str  # Simplified source, the msgid
    original: str = ""  # the same sentence in the report's own script (if it differs)


@dataclass
class Block:
    """One translatable unit of the page, in document order."""

    id: str
    kind: str  # heading | paragraph | item | quote | table | raw
    level: int  # heading level, list nesting, or 0
    source: str  # text as written in the report (its own script)
    simplified: str
    sentences: list[Sentence] = field(default_factory=list)
    marker: str = ""  # list marker ("-", "1.") or table cell separator info
    cells: list[list[Sentence]] = field(default_factory=list)  # table rows only


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified with OpenCC (the msgid is always Simplified)."""
    return _t2s().convert(text)


def normalise(text: str) -> str:
    """The form hashed for ids: NFKC, single spaces, trimmed."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def short_hash(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:8]


def split_sentences(text: str) -> list[str]:
    """Chinese-aware sentence split; see the module docstring for the rules."""
    text = text.strip()
    if not text:
        return []
    parts = _split(text, respect_quotes=True)
    if parts is None:
        parts = _split(text, respect_quotes=False) or [text]
    return _merge_fragments(parts)


def _split(text: str, *, respect_quotes: bool) -> list[str] | None:
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of the opener)
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if respect_quotes:
            if ch in OPENERS and not (ch == "‘" and stack and stack[-1][0] == "’"):
                stack.append((OPENERS[ch], i))
            elif stack and ch == stack[-1][0]:
                stack.pop()
            elif ch in PAIR_CLOSERS and all(ch != c for c, _ in stack):
                return None  # a closer without its opener: brackets unbalanced
        is_stop = ch in STOPS or (ch == "." and _period_ends(text, i))
        if is_stop and (not stack or _long_quote(text, stack[-1], i)):
            j = i + 1
            while j < n and (text[j] in STOPS or text[j] in CLOSERS):
                if stack and text[j] == stack[-1][0]:
                    stack.pop()
                elif stack and text[j] in PAIR_CLOSERS:
                    break  # closes something else: leave it to the main loop
                j += 1
            out.append(text[start:j].strip())
            start = j
            i = j
            continue
        i += 1
    if respect_quotes and stack:
        return None
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [p for p in out if p]


def _long_quote(text: str, innermost: tuple[str, int], i: int) -> bool:
    """A quotation longer than LONG_QUOTE characters is split like running text:
    a quoted passage of several sentences is too long for one MT segment."""
    closer, opened = innermost
    closed = text.find(closer, i)
    return closed > 0 and closed - opened > LONG_QUOTE


def _period_ends(text: str, i: int) -> bool:
    # A "." ends a sentence only before whitespace or the end, never in 3.36 or "1.标题".
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i else ""
    if HAN.match(prev) and (HAN.match(nxt) or nxt in OPENERS):
        return True  # Chinese written with an ASCII full stop: "完成任务.下一步"
    if nxt and not nxt.isspace():
        return False
    before = text[:i].rstrip()
    # "1." / "2." enumerators at the start are not sentences of their own.
    return not re.fullmatch(r"\d{1,3}", before.split(" ")[-1] if before else "")


def _merge_fragments(parts: list[str]) -> list[str]:
    """Glue pieces with no letters (a lone "。" or "）") to the previous sentence."""
    merged: list[str] = []
    for part in parts:
        if merged and not any(c.isalnum() for c in part):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def split_blocks(body: str) -> list[tuple[str, int, str, str]]:
    """Markdown body -> (kind, level, marker, text) in document order.

    Only the subset of Markdown that ingest writes is understood; anything
    else (fences, images, HTML) becomes a ``raw`` block passed through as is.
    """
    blocks: list[tuple[str, int, str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(("paragraph", 0, "", _join_lines(para)))
            para.clear()

    lines = body.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            flush()
            fence = [line]
            i += 1
            while i < len(lines):
                fence.append(lines[i])
                if FENCE.match(lines[i]):
                    break
                i += 1
            blocks.append(("raw", 0, "", "\n".join(fence)))
        elif not line.strip():
            flush()
        elif m := HEADING.match(line):
            flush()
            blocks.append(("heading", len(m.group(1)), "", m.group(2)))
        elif TABLE_RULE.match(line) and ("|" in line):
            flush()
            blocks.append(("raw", 0, "", line.strip()))
        elif m := TABLE_ROW.match(line):
            flush()
            blocks.append(("table", 0, "", m.group(1)))
        elif m := LIST_ITEM.match(line):
            flush()
            blocks.append(("item", len(m.group(1)) // 2, m.group(2), m.group(3)))
        elif m := QUOTE.match(line):
            flush()
            blocks.append(("quote", 0, ">", m.group(1)))
        elif IMAGE_OR_HTML.match(line):
            flush()
            blocks.append(("raw", 0, "", line))
        else:
            para.append(line.strip())
        i += 1
    flush()
    return blocks


def _join_lines(lines: list[str]) -> str:
    # Markdown soft breaks: Chinese lines join with nothing, Latin with a space.
    out = lines[0]
    for line in lines[1:]:
        sep = "" if HAN.search(out[-1:]) or HAN.search(line[:1]) else " "
        out += sep + line
    return out


def table_cells(row: str) -> list[str]:
    return [c.strip() for c in row.split("|")]


def segment_text(body: str, *, script: str = "hans") -> list[Block]:
    """Blocks with stable ids and their sentences (Simplified msgids)."""
    seen: dict[str, int] = {}
    result: list[Block] = []
    for kind, level, marker, text in split_blocks(body):
        simplified = to_simplified(text) if script == "hant" else text
        base = short_hash(f"{kind}:{simplified}")
        seen[base] = seen.get(base, 0) + 1
        block_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        block = Block(block_id, kind, level, text, simplified, marker=marker)
        if kind == "raw":
            pass
        elif kind == "table":
            n = 0
            for cell in table_cells(simplified):
                row: list[Sentence] = []
                if HAN.search(cell):
                    for sent in split_sentences(cell):
                        n += 1
                        row.append(Sentence(f"{block_id}.{n}", sent))
                        block.sentences.append(row[-1])
                block.cells.append(row)
        elif HAN.search(simplified):
            # Sentences are text, not Markdown source: a character reference
            # (&lt; for a literal "<") must not be cut at its ";" nor reach
            # translators and readers as "&lt;".
            plain, plain_source = html.unescape(simplified), html.unescape(text)
            parts = split_sentences(plain)
            originals = _originals(parts, plain, plain_source)
            block.sentences = [
                Sentence(f"{block_id}.{k}", s, o)
                for k, (s, o) in enumerate(zip(parts, originals, strict=True), start=1)
            ]
        result.append(block)
    return result


def _originals(parts: list[str], simplified: str, source: str) -> list[str]:
    """Each sentence in the source's own script, by position.

    OpenCC t2s keeps the length of almost every text; when it did not, the
    Traditional slices are unknown and the Simplified text is used instead.
    """
    if simplified == source or len(simplified) != len(source):
        return ["" for _ in parts]
    out: list[str] = []
    pos = 0
    for part in parts:
        start = simplified.find(part, pos)
        if start < 0:
            return ["" for _ in parts]
        out.append(source[start : start + len(part)])
        pos = start + len(part)
    return out


def segment_report(report: Report) -> list[Block]:
    """Blocks of a report body; the title comes first as a level-1 heading."""
    title = str(report.meta.get("title") or "").strip()
    head = f"# {title}\n\n" if title else ""
    blocks = segment_text(head + report.body, script=report.script)
    if title and blocks:
        blocks[0].kind = "title"  # rendered as the page title, not in the body
    return blocks
