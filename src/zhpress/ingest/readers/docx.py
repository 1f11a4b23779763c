"""Word (.docx) sources: paragraphs, headings, numbered lists, tables, footnotes.

python-docx gives paragraphs and tables in body order; what it does not model
(list numbers, footnotes) is read from the package's XML parts directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from zhpress.errors import SourceError
from zhpress.ingest.readers import RawDocument
from zhpress.ingest.readers.blocks import (
    clean_inline,
    confirmed_title,
    has_cjk,
    heading_line,
    markdown_table,
    relative_levels,
)
from zhpress.ingest.readers.docx_numbering import ListNumbering

# English names (what Word stores for built-in styles) and the Chinese names
# WPS and localised Word give custom copies of them.
_HEADING = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)
_TITLE = re.compile(r"^(?:title|标题|標題|文档标题)$", re.IGNORECASE)
_FOOTNOTE_REF = qn("w:footnoteReference")
_TEXT_TAGS = {
    qn("w:t"): "t",
    qn("w:tab"): "tab",
    qn("w:br"): "br",
    qn("w:cr"): "br",
    qn("w:noBreakHyphen"): "hyphen",
    _FOOTNOTE_REF: "fn",
}
# Text inside these is a drawing's or a field's alternative rendering.
_SKIP = {
    qn("w:drawing"),
    qn("w:pict"),
    qn("w:instrText"),
    qn("w:delText"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}


def read_docx(path: Path) -> RawDocument:
    """Read a Word document into block lines (headings ``##``.., lists, tables)."""
    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises many types on a damaged package
        raise SourceError(
            "not a readable DOCX file (corrupt, truncated or not a Word document)",
            path=path,
            hint=f"open and re-save it in Word or WPS; the parser stopped with {exc.__class__.__name__}",
        ) from None
    reader = _DocxReader(document)
    try:
        blocks = reader.blocks()
    except Exception as exc:  # damaged XML inside a package that opened
        raise SourceError(
            "not a readable DOCX file (damaged document XML)",
            path=path,
            hint=f"open and re-save it in Word or WPS; the parser stopped with {exc.__class__.__name__}",
        ) from None
    lines = reader.render(blocks)
    if not any(lines):
        raise SourceError("the document contains no text", path=path)
    return RawDocument(lines=lines, fmt="docx", meta=reader.meta)


class _DocxReader:
    def __init__(self, document: Any) -> None:
        self.document = document
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (NotImplementedError, KeyError):
            numbering = None
        self.numbering = ListNumbering.from_part(numbering)
        self.footnotes = _footnotes(part)
        self.note_order: list[str] = []  # footnote ids in order of first reference
        self.meta: dict[str, Any] = {}
        # Only a Title-style paragraph or a confirmed core title (see render).
        self.core_title = clean_inline(document.core_properties.title or "")

    def blocks(self) -> list[tuple[str, Any]]:
        """("heading", (level, text)), ("title", text), ("line", text), ("table", rows)."""
        out: list[tuple[str, Any]] = []
        body = self.document.element.body
        for element in _body_blocks(body):
            if element.tag == qn("w:tbl"):
                out.append(("table", self._table_rows(Table(element, self.document._body))))
            else:
                out.extend(self._paragraph(Paragraph(element, self.document._body)))
        return out

    def render(self, blocks: list[tuple[str, Any]]) -> list[str]:
        levels = relative_levels([lvl for kind, (lvl, _) in _headings(blocks)])
        lines: list[str] = []
        for kind, value in blocks:
            if kind == "heading":
                lines.append(heading_line(levels[value[0]], value[1]))
            elif kind == "table":
                lines.extend(markdown_table(value))
            else:
                lines.append(value)
        if "title" not in self.meta and confirmed_title(self.core_title, lines):
            self.meta["title"] = self.core_title
        for number, note_id in enumerate(self.note_order, start=1):
            lines.append(f"[^{number}]: {self.footnotes.get(note_id, '')}".rstrip())
        return [line for line in lines if line]

    def _paragraph(self, para: Paragraph) -> list[tuple[str, Any]]:
        pieces = self._runs_text(para._p)
        label = self._number_label(para)
        if label is not None:
            kind, text = label
            first = pieces[0] if pieces else ""
            if kind == "bullet":
                pieces[0] = "- " + first if first else first
            elif _is_list_style(para) and re.fullmatch(r"[0-9]+[.)．）]", text):
                # An item of a Word list ("List Number" style), not a numbered
                # section: a Markdown list item keeps it out of the heading rules.
                pieces[0] = f"{text[:-1]}. {first}" if first else first
            elif text:
                pieces[0] = text + _separator(text, first) + first
        pieces = [p for p in (clean_inline(p) for p in pieces) if p]
        if not pieces:
            return []
        style = _style_kind(para)
        if style == "title" and not self.meta.get("title"):
            self.meta["title"] = " ".join(pieces)
        if style == "title":
            return [("line", p) for p in pieces]
        if isinstance(style, int):
            return [("heading", (style, " ".join(pieces)))]
        return [("line", p) for p in pieces]

    def _number_label(self, para: Paragraph) -> tuple[str, str] | None:
        num_pr = _find_in_styles(para, qn("w:numPr"))
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None:
            return None
        level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return self.numbering.next_label(num_id.get(qn("w:val"), "0"), level)

    def _runs_text(self, element: Any) -> list[str]:
        """Text of a paragraph split at line breaks, with footnote markers."""
        pieces = [""]
        for node in _walk(element):
            kind = _TEXT_TAGS.get(node.tag)
            if kind == "t":
                pieces[-1] += node.text or ""
            elif kind == "tab":
                pieces[-1] += " "
            elif kind == "hyphen":
                pieces[-1] += "-"
            elif kind == "br" and node.get(qn("w:type")) not in ("page", "column"):
                pieces.append("")
            elif kind == "fn":
                note_id = node.get(qn("w:id"))
                if note_id not in self.note_order:
                    self.note_order.append(note_id)
                pieces[-1] += f"[^{self.note_order.index(note_id) + 1}]"
        return pieces

    def _table_rows(self, table: Table) -> list[list[str]]:
        rows = []
        # Holding the elements keeps their lxml proxies (and so their ids) alive.
        seen: dict[int, Any] = {}
        for row in table.rows:
            cells = []
            for cell in row.cells:
                # A merged cell is returned once per grid column (and row) it
                # spans; its text goes in the first, the rest stay empty so the
                # columns still line up.
                if id(cell._tc) in seen:
                    cells.append("")
                    continue
                seen[id(cell._tc)] = cell._tc
                texts = [" ".join(self._runs_text(p)) for p in cell._tc.iter(qn("w:p"))]
                cells.append(" ".join(t for t in texts if t.strip()))
            rows.append(cells)
        return rows


def _separator(label: str, text: str) -> str:
    """What goes between a list number and its paragraph's text.

    Word shows a tab; in plain text "一、" or "1." runs straight into Chinese
    text (that is how the reports are typed), "第一章" and "1" take a space,
    and so does any number before Latin text.
    """
    if not text or text[0].isspace():
        return ""
    if label[-1:].isascii() and text[0].isascii():
        return " "
    return " " if label[-1:].isalnum() else ""


def _body_blocks(parent: Any):
    """Paragraphs and tables in body order, including those inside content controls.

    Templates from government offices often wrap the title or whole sections
    in content controls (``w:sdt``), which python-docx's iterators skip.
    """
    for child in parent:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content)


def _walk(element: Any):
    for child in element:
        if child.tag in _SKIP:
            continue
        if child.tag in _TEXT_TAGS:
            yield child
        yield from _walk(child)


def _headings(blocks: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(kind, value) for kind, value in blocks if kind == "heading"]


def _style_chain(para: Paragraph) -> list[Any]:
    chain, style = [], para.style
    while style is not None and style not in chain and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _is_list_style(para: Paragraph) -> bool:
    return any(re.match(r"^(list|列表)", (style.name or "").strip(), re.IGNORECASE)
               for style in _style_chain(para))


def _style_kind(para: Paragraph) -> int | str | None:
    """``"title"``, a heading level (1-9) or None for body text."""
    for style in _style_chain(para):
        name = (style.name or "").strip()
        if _TITLE.match(name):
            return "title"
        match = _HEADING.match(name)
        if match:
            return int(match.group(1))
    outline = _find_in_styles(para, qn("w:outlineLvl"))
    if outline is not None:
        level = int(outline.get(qn("w:val"), "9"))
        if level < 9:  # 9 means "body text" in Word
            return level + 1
    return None


def _find_in_styles(para: Paragraph, tag: str) -> Any:
    """A paragraph property set directly, else inherited from its styles."""
    ppr = para._p.pPr
    if ppr is not None and ppr.find(tag) is not None:
        return ppr.find(tag)
    for style in _style_chain(para):
        sppr = style.element.pPr
        if sppr is not None and sppr.find(tag) is not None:
            return sppr.find(tag)
    return None


def _footnotes(part: Any) -> dict[str, str]:
    """Footnote id -> text, from ``word/footnotes.xml`` (python-docx has no API)."""
    for rel in part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for note in root.findall(qn("w:footnote")):
                if note.get(qn("w:type")) in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                texts = []
                for p in note.iter(qn("w:p")):
                    text = "".join(n.text or "" for n in _walk(p) if n.tag == qn("w:t"))
                    texts.append(text)
                joined = (" " if not has_cjk("".join(texts)) else "").join(texts)
                notes[note.get(qn("w:id"))] = clean_inline(joined)
            return notes
    return {}
