"""English page data for the site: blocks with their translations and states.

``english_blocks`` pairs each block of a report with its PO entries;
``english_markdown`` turns that into the English page body:

* translated sentences joined with spaces, the block anchored at ``p-<id>``
  (headings via attr_list ``{#p-<id>}``, other blocks via ``<a id>``), the
  same ids the bilingual view uses;
* a pending sentence shows its Chinese source with a "translation pending" note;
* a needs-review sentence carries a visible "source changed" (or "needs
  review") marker until a translator approves it;
* a status line at the top: machine / reviewed / official / mixed, pending count.

Everything from the PO file is escaped: msgstr is untrusted input, so no raw
HTML or Markdown syntax from it reaches the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from zhpress.report import Report
from zhpress.translate.memory import (
    MACHINE,
    NEEDS_REVIEW,
    OFFICIAL,
    PENDING,
    REVIEWED,
    Memory,
    load_memory,
    po_path,
)
from zhpress.translate.project import block_sentences
from zhpress.translate.segments import Block, Sentence, segment_report

# Characters Markdown or one of its extensions (attr_list, tables, tilde, ...)
# could interpret. They become numeric character references, which every
# Markdown flavour passes through and every browser shows as the character.
MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~>:=^-]")


@dataclass(frozen=True)
class RenderedSentence:
    id: str
    zh: str  # the Simplified msgid
    en: str
    state: str
    note: str = ""
    previous_zh: str | None = None
    zh_original: str = ""  # the sentence in the report's own script, when different

    @property
    def zh_display(self) -> str:
        return self.zh_original or self.zh


@dataclass
class RenderedBlock:
    id: str
    kind: str
    level: int
    zh: str  # source text in the report's own script
    sentences: list[RenderedSentence] = field(default_factory=list)
    marker: str = ""
    cells: list[list[RenderedSentence]] = field(default_factory=list)

    @property
    def en_sentences(self) -> list[RenderedSentence]:
        """The block's sentences with their English and state (alias of ``sentences``)."""
        return self.sentences

    @property
    def anchor(self) -> str:
        """The HTML id shared by the English, Chinese and bilingual views."""
        return f"p-{self.id}"


@dataclass(frozen=True)
class PageStatus:
    label: str  # machine | reviewed | official | mixed | pending | empty
    counts: dict[str, int]

    @property
    def pending(self) -> int:
        return self.counts.get(PENDING, 0)

    def text(self) -> str:
        names = {
            "machine": "machine translation",
            "reviewed": "reviewed translation",
            "official": "official translation",
            "mixed": "mixed: "
            + ", ".join(
                f"{n} {s}"
                for s, n in sorted(self.counts.items())
                if n and s not in (PENDING, NEEDS_REVIEW)
            ),
            "pending": "not yet translated",
            "empty": "nothing to translate",
        }
        out = f"Translation status: {names[self.label]}"
        if self.pending and self.label != "pending":
            out += f"; {self.pending} segment(s) pending"
        review = self.counts.get(NEEDS_REVIEW, 0)
        if review:
            out += f"; {review} segment(s) need review"
        return out + "."


def _rendered(block: Block, memory: Memory | None) -> RenderedBlock:
    out = RenderedBlock(block.id, block.kind, block.level, block.source, marker=block.marker)
    entries = memory.entries if memory is not None else {}

    def one(s: Sentence) -> RenderedSentence:
        e = entries.get(s.id)
        if e is None or e.source != s.text or not e.target:
            return RenderedSentence(s.id, s.text, "", PENDING, zh_original=s.original)
        return RenderedSentence(
            s.id, s.text, e.target, e.state, e.note, e.previous_source, s.original
        )

    out.sentences = [one(s) for s in block_sentences(block, memory)]
    if block.kind == "table":
        by_id = {r.id: r for r in out.sentences}
        out.cells = [[by_id[s.id] for s in cell] for cell in block.cells]
    return out


def english_blocks(report: Report, memory: Memory | None) -> list[RenderedBlock]:
    """Every block of ``report`` (title first) with its English, in page order."""
    return [_rendered(b, memory) for b in segment_report(report)]


def english_title(blocks: list[RenderedBlock]) -> str | None:
    """The translated title, or None when it is pending."""
    for block in blocks:
        if block.kind == "title":
            done = [s.en for s in block.sentences if s.en]
            return " ".join(done) if done and len(done) == len(block.sentences) else None
    return None


def page_status(blocks: list[RenderedBlock]) -> PageStatus:
    counts = {s: 0 for s in (MACHINE, REVIEWED, OFFICIAL, NEEDS_REVIEW, PENDING)}
    for block in blocks:
        for s in block.sentences:
            counts[s.state] += 1
    present = {s for s, n in counts.items() if n and s not in (PENDING, NEEDS_REVIEW)}
    if not any(counts.values()):
        label = "empty"
    elif not present and not counts[NEEDS_REVIEW]:
        label = "pending"
    elif len(present) == 1 and not counts[NEEDS_REVIEW]:
        label = present.pop()
    else:
        label = "mixed"
    return PageStatus(label, counts)


def escape_text(text: str) -> str:
    """Plain text safe inside Markdown and HTML: nothing in it becomes markup."""
    text = re.sub(r"\s+", " ", text).strip()
    return MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", html.escape(text, quote=True))


def _sentence_md(s: RenderedSentence) -> str:
    if s.state == PENDING:
        return (
            f'<span class="zhpress-pending" lang="zh" title="translation pending">'
            f"{html.escape(s.zh_display)}</span> *(translation pending)*"
        )
    text = escape_text(s.en)
    if s.state == NEEDS_REVIEW:
        label = "source changed" if s.previous_zh else "needs review"
        reason = html.escape(s.note or label, quote=True)
        return f'<mark class="zhpress-review" title="{reason}">{label}</mark> {text}'
    return text


def _join(sentences: list[RenderedSentence]) -> str:
    return " ".join(_sentence_md(s) for s in sentences)


@dataclass
class EnglishPage:
    """Everything the site needs for one report's English page."""

    title: str | None  # None while the title is pending
    markdown: str
    status: PageStatus
    blocks: list[RenderedBlock]


def english_page(report: Report, translations_dir: str | Path, language: str = "en") -> EnglishPage:
    """Read ``translations/<language>/<slug>.po`` (absent = all pending) and render."""
    memory = load_memory(po_path(translations_dir, report.slug, language))
    blocks = english_blocks(report, memory)
    return EnglishPage(
        english_title(blocks), markdown_from_blocks(blocks), page_status(blocks), blocks
    )


def english_markdown(report: Report, memory: Memory | None) -> str:
    """The English page body (no title: the site takes it from ``english_title``)."""
    return markdown_from_blocks(english_blocks(report, memory))


def markdown_from_blocks(blocks: list[RenderedBlock]) -> str:
    status = page_status(blocks)
    head = (
        f'<p class="zhpress-status" data-status="{status.label}">{html.escape(status.text())}</p>'
    )
    chunks: list[tuple[str | None, str]] = []  # (group, markdown) per block
    for block in blocks:
        anchor = f'<a id="p-{block.id}"></a>'
        if block.kind == "title":
            continue
        if block.kind == "heading":
            level = max(2, block.level)
            chunks.append((None, f"{'#' * level} {_join(block.sentences)} {{#p-{block.id}}}"))
        elif block.kind == "item":
            indent = "    " * block.level
            marker = block.marker if block.marker[:1].isdigit() else "-"
            chunks.append(("list", f"{indent}{marker} {anchor}{_join(block.sentences)}"))
        elif block.kind == "quote":
            chunks.append(("quote", f"> {anchor}{_join(block.sentences)}"))
        elif block.kind == "table":
            cells = [
                _join(rendered) if rendered else escape_text(raw)
                for raw, rendered in zip(_raw_cells(block.zh), block.cells, strict=False)
            ]
            chunks.append(("table", "| " + " | ".join(cells) + " |"))
        elif block.kind == "raw":
            group = "table" if block.zh.lstrip().startswith("|") else None
            chunks.append((group, block.zh))
        else:
            chunks.append((None, f"{anchor}{_join(block.sentences)}"))
    body = ""
    previous: str | None = None
    for k, (group, text) in enumerate(chunks):
        # Rows of one table or items of one list stay together; all else is a paragraph.
        sep = "" if k == 0 else ("\n" if group is not None and group == previous else "\n\n")
        body += sep + text
        previous = group
    return head + ("\n\n" + body if body else "") + "\n"


def _raw_cells(row: str) -> list[str]:
    return [c.strip() for c in row.split("|")]
