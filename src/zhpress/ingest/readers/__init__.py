"""Readers turn a source file of one format into a RawDocument.

A reader knows the file format (encoding, HTML, DOCX, PDF) and nothing about
Chinese report conventions: those rules live in ``zhpress.ingest`` and run on
the RawDocument's lines, so every format goes through the same cleaning and
structure detection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RawDocument:
    """Text lines of a source, in reading order, plus metadata the format gave.

    ``lines`` are plain text lines (one paragraph or title line each). A reader
    whose format marks structure explicitly may emit Markdown block markers:
    ``#``..``######`` + space for a heading, ``- `` / ``1. `` for list items,
    ``| ... |`` for table rows, ``[^n]: `` for footnote definitions, and
    ``![alt](src)`` for an image. The text rules keep such lines as they are.
    ``meta`` may hold title, date, outlet, authors, url, found in the file's
    own tags; the text rules fill in what is missing.
    """

    lines: list[str]
    fmt: str
    meta: dict[str, Any] = field(default_factory=dict)


Reader = Callable[[Path], RawDocument]

# suffix -> dotted path of the reader function, imported on demand so a
# missing optional dependency only matters for files that need it.
READERS: dict[str, str] = {
    ".txt": "zhpress.ingest.readers.text:read_text",
    ".md": "zhpress.ingest.readers.text:read_markdown",
    ".html": "zhpress.ingest.readers.html:read_html",
    ".htm": "zhpress.ingest.readers.html:read_html",
    ".docx": "zhpress.ingest.readers.docx:read_docx",
    ".pdf": "zhpress.ingest.readers.pdf:read_pdf",
}


def reader_for(path: Path) -> Reader | None:
    target = READERS.get(path.suffix.lower())
    if target is None:
        return None
    module_name, func_name = target.split(":")
    module = __import__(module_name, fromlist=[func_name])
    return getattr(module, func_name)
