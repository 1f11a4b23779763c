"""From a PDF page's characters to text lines in reading order.

pdfplumber gives positioned characters. We group them into rows by their
vertical centre, find a column gutter if the page is set in two columns, and
read full-width rows, then the left column, then the right column, band by
band from the top of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass
class Line:
    """One printed line: its text and where it sits on the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    column: int  # 0 full width, 1 left column, 2 right column
    first_word: float = 0.0  # width of the leading word (or CJK character)
    chars: list[dict[str, Any]] = field(default_factory=list, repr=False)


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def find_gutter(chars: list[dict[str, Any]], page_width: float) -> tuple[float, int] | None:
    """(x, rows on each side) of the page's best column gutter candidate."""
    return _gutter(_rows(_visible(chars)), page_width)


def choose_gutters(candidates: list[tuple[float, int, int] | None]) -> list[float | None]:
    """Per page (x, score, rows) -> the gutter to use, or None (one column).

    A gutter is taken when at least 30% of the page's rows sit on each side,
    or, on a page with little text (a report's last page), when another page
    has a strong gutter at the same place.
    """
    strong = [c[0] for c in candidates if c is not None and c[1] >= max(3, 0.3 * c[2])]
    chosen: list[float | None] = []
    for cand in candidates:
        if cand is None:
            chosen.append(None)
        elif cand[1] >= max(3, 0.3 * cand[2]):
            chosen.append(cand[0])
        elif cand[1] >= 2 and any(abs(cand[0] - x) <= 12 for x in strong):
            chosen.append(cand[0])
        else:
            chosen.append(None)
    return chosen


def _visible(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Upright characters, each once.

    Fake bold prints a glyph twice a fraction of a point apart; keeping both
    would double the text. (pdfplumber's dedupe_chars does this too, but
    sorts every character by all its attributes and is slow on long reports.)
    """
    seen: set[tuple[str, int, int]] = set()
    out = []
    for char in chars:
        if not char["text"] or not char.get("upright", True):
            continue
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key not in seen:
            seen.add(key)
            out.append(char)
    return out


def page_lines(
    chars: list[dict[str, Any]], page_number: int, gutter: float | None = None
) -> list[Line]:
    """The page's lines in reading order, split at ``gutter`` if given."""
    chars = _visible(chars)
    rows = _rows(chars)
    if gutter is None:
        return [line for row in rows for line in _make(row, page_number, 0)]
    # Rows that cross the gutter (a title, a running header) span the page;
    # they cut the page into bands, each read left column then right column.
    full: list[Line] = []
    side: list[dict[str, Any]] = []
    for row in rows:
        if any(a < gutter < b for a, b in _spans(row)):
            full.extend(_make(row, page_number, 0))
        else:
            side.extend(row)
    left = [
        line
        for row in _rows([c for c in side if c["x0"] < gutter])
        for line in _make(row, page_number, 1)
    ]
    right = [
        line
        for row in _rows([c for c in side if c["x0"] >= gutter])
        for line in _make(row, page_number, 2)
    ]
    cuts = sorted(line.top for line in full)
    lines: list[Line] = []
    for band in range(len(cuts) + 1):
        low = cuts[band - 1] if band else float("-inf")
        high = cuts[band] if band < len(cuts) else float("inf")
        lines.extend(line for line in left if low <= line.top < high)
        lines.extend(line for line in right if low <= line.top < high)
        if band < len(cuts):
            lines.extend(line for line in full if line.top == cuts[band])
    return _unique(lines)


def _unique(lines: list[Line]) -> list[Line]:
    seen: set[int] = set()
    out = []
    for line in lines:
        if id(line) not in seen:
            seen.add(id(line))
            out.append(line)
    return out


def _rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group characters whose vertical centres are within 40% of a size."""
    ordered = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    rows: list[list[dict[str, Any]]] = []
    centre = None
    for char in ordered:
        mid = (char["top"] + char["bottom"]) / 2
        size = char.get("size") or (char["bottom"] - char["top"]) or 1.0
        if rows and centre is not None and abs(mid - centre) <= 0.4 * size:
            rows[-1].append(char)
        else:
            rows.append([char])
            centre = mid
    return [sorted(row, key=lambda c: c["x0"]) for row in rows]


def _spans(row: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """Horizontal extents of the row's ink, merging gaps narrower than 1em."""
    spans: list[list[float]] = []
    for char in row:
        if not char["text"].strip():
            continue
        size = char.get("size") or 10.0
        if spans and char["x0"] - spans[-1][1] <= 1.0 * size:
            spans[-1][1] = max(spans[-1][1], char["x1"])
        else:
            spans.append([char["x0"], char["x1"]])
    return [(a, b) for a, b in spans]


def _gutter(rows: list[list[dict[str, Any]]], width: float) -> tuple[float, int, int] | None:
    """(x, score, rows): the x few rows cross and most rows have ink beside.

    score is the smaller of the numbers of rows with ink left and right of x.
    """
    if len(rows) < 4:
        return None
    spans = [_spans(row) for row in rows]
    scored: list[tuple[int, int, float]] = []
    x = width * 0.3
    while x <= width * 0.7:
        crossing = left = right = 0
        for row_spans in spans:
            if any(a < x < b for a, b in row_spans):
                crossing += 1
                continue
            left += any(b <= x for a, b in row_spans)
            right += any(a >= x for a, b in row_spans)
        if crossing <= 0.25 * len(rows) and min(left, right) > 0:
            scored.append((min(left, right), -crossing, x))
        x += 2.0
    if not scored:
        return None
    top = max(scored)[:2]
    xs = [x for score, cross, x in scored if (score, cross) == top]
    # The middle of the widest run of equally good positions: the gutter's
    # centre, not its edge, so slightly longer lines do not cross it.
    runs: list[list[float]] = [[xs[0]]]
    for x in xs[1:]:
        if x - runs[-1][-1] <= 2.5:
            runs[-1].append(x)
        else:
            runs.append([x])
    run = max(runs, key=len)
    return ((run[0] + run[-1]) / 2, top[0], len(rows))


def _make(row: list[dict[str, Any]], page: int, column: int) -> list[Line]:
    chars = [c for c in row if c["text"]]
    while chars and not chars[0]["text"].strip():
        chars.pop(0)
    while chars and not chars[-1]["text"].strip():
        chars.pop()
    if not chars:
        return []
    text = ""
    prev = None
    for char in chars:
        if prev is not None and char["text"].strip() and prev["text"].strip():
            gap = char["x0"] - prev["x1"]
            size = char.get("size") or 10.0
            # Words positioned apart without a space glyph: a space only
            # between Latin words, never inside Chinese text.
            if gap > 0.3 * size and not is_cjk(char["text"]) and not is_cjk(prev["text"]):
                text += " "
        text += char["text"]
        prev = char
    text = re.sub(r" {2,}", " ", text).strip()
    sizes = sorted(c.get("size") or 10.0 for c in chars if c["text"].strip())
    ink = [c for c in chars if c["text"].strip()]
    return [
        Line(
            text=text,
            x0=ink[0]["x0"],
            x1=ink[-1]["x1"],
            top=min(c["top"] for c in ink),
            bottom=max(c["bottom"] for c in ink),
            size=sizes[len(sizes) // 2],
            page=page,
            column=column,
            first_word=_first_word(ink),
            chars=ink,
        )
    ]


def _first_word(ink: list[dict[str, Any]]) -> float:
    if is_cjk(ink[0]["text"]):
        return ink[0]["x1"] - ink[0]["x0"]
    end = ink[0]["x1"]
    for char in ink[1:]:
        if is_cjk(char["text"]) or char["x0"] - end > 0.2 * (char.get("size") or 10.0):
            break
        end = char["x1"]
    return end - ink[0]["x0"]
