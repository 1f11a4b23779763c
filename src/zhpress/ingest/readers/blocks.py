"""Small helpers shared by the structured readers (HTML, DOCX, PDF).

Readers emit plain text lines; these helpers make sure nothing but plain text
gets through (no control characters, no raw newlines inside a line) and turn
tables into Markdown table rows the text rules keep as they are.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def clean_inline(text: str) -> str:
    """One line of plain text: controls removed, runs of spaces collapsed.

    The full-width space U+3000 is kept: Chinese typesetting uses it on purpose
    and the text rules decide what to do with it.
    """
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r", " ").replace("\n", " "))
    return _SPACES.sub(" ", text).strip()


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def markdown_table(rows: list[list[str]]) -> list[str]:
    """Markdown table rows; the first row is the header (Markdown needs one).

    Ragged rows are padded so every row has the same number of cells, and a
    literal ``|`` in a cell is escaped so it cannot split the cell.
    """
    rows = [[clean_inline(c).replace("|", "\\|") for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(["---"] * width) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows[1:])
    return lines


def heading_line(level: int, text: str) -> str:
    """A Markdown heading; body headings start at ``##`` (the title is ``#``)."""
    return "#" * max(2, min(level, 6)) + " " + text


def relative_levels(levels: list[int]) -> dict[int, int]:
    """Map the heading levels a document uses onto ``##``, ``###``...

    Levels are relative, like the Chinese numbering rules: a document whose
    sections are ``<h3>`` still gets ``##`` for them, and gaps are closed up.
    """
    return {level: index + 2 for index, level in enumerate(sorted(set(levels)))}


def confirmed_title(title: str, lines: list[str], *, within: int = 5) -> bool:
    """Whether a title from a file's properties is really printed at its top.

    Word and PDF tools fill their Title property with file names, template
    names or stale text; it is only trusted when the document's first lines
    show the same words (spacing ignored).
    """
    want = re.sub(r"\s+", "", title)
    if not want or not has_cjk(want):
        return False
    head = [re.sub(r"\s+", "", line.lstrip("#").strip()) for line in lines[:within]]
    return any(want == "".join(head[i:j]) for i in range(len(head)) for j in range(i + 1, len(head) + 1))
