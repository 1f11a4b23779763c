"""Turn a PDF's printed lines back into paragraphs.

Two jobs: drop what the page layout added (running headers and footers,
page numbers) and undo line wrapping. A paragraph ends where the layout shows
it (a larger gap before the next line, an indented next line, a line that
stops well short of the right edge); where a document shows no such signals,
the Chinese convention decides (a line ending in 。！？：； ends a paragraph,
a line starting with a section number starts one).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from zhpress.ingest.readers.pdf_lines import Line, is_cjk

_PAGE_NUMBER = re.compile(
    r"^(?:第\s*[0-9一二三四五六七八九十百]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?"
    r"|[-—–－]\s*[0-9]+\s*[-—–－]"
    r"|[0-9]+\s*/\s*[0-9]+"
    r"|(?:page|p\.)\s*[0-9]+(?:\s*of\s*[0-9]+)?"
    r"|[0-9]{1,4})$",
    re.IGNORECASE,
)
_ENDS_PARAGRAPH = re.compile(r"[。！？：；!?:;…][”’」』）)]*$")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[0-9]+[、.．](?![0-9])"
    r"|[（(][0-9]+[)）]|第[一二三四五六七八九十]+[，,、章节条部分]|[一二三四五六七八九十]+是|——)"
)
_LATIN = re.compile(r"[A-Za-z0-9]")


def strip_page_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove running headers/footers and page numbers.

    A header or footer is a line among the first or last two of a page whose
    text, digits ignored, comes back on at least half of the pages (and on
    two or more); a page number is a first or last line that is only a page
    number ("第 3 页", "- 3 -", "3/10", "3").
    """

    def key(line: Line) -> str:
        # The type size is part of the key: a running header repeating the
        # report's title must not take the title itself off the first page.
        text = re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", line.text))
        return f"{round(line.size)}|{text}"

    edge_counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        edge_counts.update({key(line) for line in _edges(lines, height)})
    repeated = {k for k, n in edge_counts.items() if n >= 2 and n >= 0.5 * len(pages)}
    out = []
    for lines, height in zip(pages, heights, strict=True):
        edges = {id(line) for line in _edges(lines, height)}
        kept = []
        for index, line in enumerate(lines):
            if id(line) in edges and key(line) in repeated:
                continue
            if _is_page_number(line, index, lines, height):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _edges(lines: list[Line], height: float) -> list[Line]:
    """The first and last two lines of a page, if they sit in its margins."""
    by_y = sorted(lines, key=lambda line: line.top)
    ends = by_y[:2] + by_y[-2:] if len(by_y) > 4 else by_y
    return [line for line in ends if line.top < 0.15 * height or line.bottom > 0.85 * height]


def _is_page_number(line: Line, index: int, lines: list[Line], height: float) -> bool:
    text = re.sub(r"\s+", " ", line.text).strip()
    if not _PAGE_NUMBER.match(text):
        return False
    tops = [other.top for other in lines]
    first_or_last = line.top <= min(tops) or line.top >= max(tops)
    # A bare number is a page number only in the page's top or bottom margin.
    in_margin = line.top < 0.12 * height or line.bottom > 0.88 * height
    return first_or_last and (in_margin or not text.isdigit())


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """Join wrapped lines into paragraphs (one string each), in reading order."""
    flow = [line for lines in pages for line in lines]
    if not flow:
        return []
    layout = _Layout(flow)
    out: list[str] = []
    current = flow[0].text
    for prev, line in pairwise(flow):
        if layout.breaks(prev, line):
            out.append(current)
            current = line.text
        else:
            current = join(current, line.text)
    out.append(current)
    return [p for p in out if p.strip()]


def join(left: str, right: str) -> str:
    """Chinese lines join without a space, Latin lines with one."""
    if not left or not right:
        return left + right
    if _ascii_letter(left[-1]) and _ascii_letter(right[0]) and not left.endswith("-"):
        # Words are not split at a line end, even inside Chinese text: two
        # letters meeting across a break belong to two words ("Beijing Service").
        return left + " " + right
    if _latin_line(left) and _LATIN.match(right[0]) and not is_cjk(left[-1]):
        if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[0].islower():
            return left[:-1] + right  # a word hyphenated at the line end
        return left + " " + right
    return left + right


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _latin_line(text: str) -> bool:
    letters = [c for c in text if not c.isspace()]
    cjk = sum(1 for c in letters if is_cjk(c))
    return bool(letters) and cjk < 0.3 * len(letters)


class _Layout:
    """What the document's layout says about paragraph ends."""

    def __init__(self, flow: list[Line]) -> None:
        self.left: dict[int, float] = {}
        self.right: dict[int, float] = {}
        for line in flow:
            self.left[line.column] = min(self.left.get(line.column, line.x0), line.x0)
            self.right[line.column] = max(self.right.get(line.column, line.x1), line.x1)
        # Line pitch as a multiple of the type size, so a title set larger
        # (with a proportionally larger pitch) is not mistaken for a gap.
        deltas = Counter(
            round((b.top - a.top) / a.size, 2)
            for a, b in pairwise(flow)
            if a.page == b.page
            and a.column == b.column
            and b.top > a.top
            and abs(a.size - b.size) < 0.5
        )
        # The pitch is the smallest common step: paragraph gaps are larger and,
        # in a short document, may even be as frequent as the pitch itself.
        top = max(deltas.values(), default=0)
        self.pitch = min((d for d, n in deltas.items() if n >= max(1, 0.1 * top)), default=None)
        short = signalled = indented = 0
        for a, b in pairwise(flow):
            if self._short(a, b):
                # An indent shows across a page break too; a gap only within a page.
                short += 1
                same = a.page == b.page and a.column == b.column
                signalled += (same and self._gap(a, b)) or self._indented(b)
                indented += self._indented(b)
        # Trust gaps/indents over punctuation only if the document uses them
        # for (almost) every paragraph end it shows.
        # First-line indents (an indented line not followed by more indented
        # lines, unlike a block quote) show paragraph starts even where no
        # short line does, e.g. when a paragraph's last line is nearly full.
        first_lines = sum(
            1 for a, b in pairwise(flow)
            if self._indented(a) and (not self._indented(b) or self._short(a, b))
        ) + (1 if self._indented(flow[-1]) else 0)
        self.indents = first_lines >= max(2, 0.8 * short) or (
            short >= 2 and indented >= 0.8 * short
        )
        self.reliable = self.indents or (short >= 2 and signalled >= 0.8 * short)

    def breaks(self, prev: Line, line: Line) -> bool:
        if self._short(prev, line) or self._indented(line):
            return True
        if prev.page == line.page and prev.column == line.column and self._gap(prev, line):
            return True
        if abs(prev.size - line.size) > 1.0:  # a heading in a larger type
            return True
        ends = bool(_ENDS_PARAGRAPH.search(prev.text))
        numbered = bool(_NUMBERING.match(line.text))
        if self.indents:
            return False  # an unindented line continues, even after a page break
        if self.reliable:
            # Across a page or column break the gap is unknown; a full line
            # ending in 。 there is more often mid-paragraph than a paragraph
            # end that happens to fill its last line, unless a numbered
            # section follows.
            return ends and numbered
        return ends or numbered

    def _short(self, line: Line, following: Line) -> bool:
        room = self.right[line.column] - line.x1
        return room > following.first_word + 1.0 * line.size

    def _indented(self, line: Line) -> bool:
        return line.x0 - self.left[line.column] > 1.5 * line.size and not self._centred(line)

    def _centred(self, line: Line) -> bool:
        left = line.x0 - self.left[line.column]
        right = self.right[line.column] - line.x1
        return abs(left - right) < 2 * line.size and left > 3 * line.size

    def _gap(self, a: Line, b: Line) -> bool:
        if self.pitch is None or b.top <= a.top:
            return False
        return b.top - a.top > (self.pitch + 0.35) * a.size
