"""PDF sources: the text layer, in reading order, re-joined into paragraphs.

pdfplumber (on pdfminer.six) gives positioned characters; ``pdf_lines`` makes
lines and handles two-column pages, ``pdf_paragraphs`` removes running
headers, footers and page numbers and undoes line wrapping. A PDF that is
encrypted, has no text layer (a scan) or is damaged gets one clear error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from zhpress.errors import SourceError
from zhpress.ingest.readers import RawDocument
from zhpress.ingest.readers.blocks import clean_inline, confirmed_title, has_cjk
from zhpress.ingest.readers.pdf_lines import Line, choose_gutters, find_gutter, page_lines
from zhpress.ingest.readers.pdf_paragraphs import paragraphs, strip_page_furniture

_HINT_REPAIR = "re-export the PDF from the original document"


def read_pdf(path: Path) -> RawDocument:
    """Read a PDF's text layer as paragraphs (one line each)."""
    pages, heights, info = _extract(path)
    if not any(pages):
        raise SourceError(
            "no text layer; OCR it first",
            path=path,
            hint="its pages are images, as in a scan",
        )
    pages = strip_page_furniture(pages, heights)
    lines = [clean_inline(p) for p in paragraphs(pages)]
    meta = _meta(info, lines)
    title = display_title(pages)
    if title:
        meta["title"] = title
    return RawDocument(lines=[line for line in lines if line], fmt="pdf", meta=meta)


def display_title(pages: list[list[Line]]) -> str | None:
    """The lines opening the first page in a type clearly larger than the body.

    That is how a printed report shows its title; the lines stay in the text
    too (the text rules drop a first line that repeats the title).
    """
    flow = [line for lines in pages for line in lines]
    if len(flow) < 3:
        return None
    sizes = sorted(line.size for line in flow)
    body = sizes[len(sizes) // 2]
    head = []
    for line in flow:
        if line.page != flow[0].page or line.size < 1.2 * body:
            break
        head.append(line.text)
    title = clean_inline("".join(head) if has_cjk("".join(head)) else " ".join(head))
    return title if title and len(head) < 4 else None


def _extract(path: Path) -> tuple[list[Any], list[float], dict[str, Any]]:
    try:
        with pdfplumber.open(str(path)) as pdf:
            info = dict(pdf.metadata or {})
            chars = [page.chars for page in pdf.pages]
            heights = [float(page.height) for page in pdf.pages]
            widths = [float(page.width) for page in pdf.pages]
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; unwrap to classify
        raise _classify(exc, path) from None
    total = sum(len(c) for c in chars)
    unmapped = sum(1 for page in chars for c in page if c["text"].startswith("(cid:"))
    if total and unmapped > 0.3 * total:
        # Fonts without a Unicode map: the "text" is glyph numbers, not words.
        raise SourceError(
            "text layer has no Unicode mapping; OCR it first",
            path=path,
            hint="the PDF's fonts give glyph numbers only",
        )
    gutters = choose_gutters([find_gutter(c, w) for c, w in zip(chars, widths, strict=True)])
    pages = [page_lines(c, n, g) for n, (c, g) in enumerate(zip(chars, gutters, strict=True), start=1)]
    return pages, heights, info


def _classify(exc: BaseException, path: Path) -> SourceError:
    chain: list[BaseException] = []
    node: BaseException | None = exc
    while node is not None and node not in chain:
        chain.append(node)
        node = (
            node.__cause__
            or node.__context__
            or (node.args[0] if node.args and isinstance(node.args[0], BaseException) else None)
        )
    if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain):
        return SourceError(
            "encrypted PDF: it needs a password to open",
            path=path,
            hint="save an unprotected copy of the PDF",
        )
    if isinstance(exc, OSError) and not any(isinstance(e, PSException) for e in chain):
        return SourceError(f"cannot read file: {exc.strerror or exc}", path=path)
    kind = next(
        (e.__class__.__name__ for e in chain if isinstance(e, (PDFSyntaxError, PSException))), None
    )
    return SourceError(
        "not a readable PDF (corrupt or truncated)",
        path=path,
        hint=f"{_HINT_REPAIR}; the parser stopped with {kind or exc.__class__.__name__}",
    )


def _meta(info: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    """The info dictionary's title, when the first lines confirm it.

    Word and many tools put the file name, "Microsoft Word - x.docx" or a
    template's title there. Author (the typist's account) and dates (file
    dates, not the report's) are not the report's metadata.
    """
    title = _text(info.get("Title"))
    return {"title": title} if confirmed_title(title, lines) else {}


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        for codec in ("utf-16", "utf-8"):
            try:
                value = value.decode(codec)
                break
            except UnicodeDecodeError:
                continue
        else:
            return ""
    return clean_inline(value) if isinstance(value, str) else ""
