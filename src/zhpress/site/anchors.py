"""Stable paragraph anchors (``p-<block id>``) on the Chinese report pages.

English pages get ``<a id="p-<id>">`` from ``zhpress.translate.render``; the
Chinese pages get the same ids here, so ``#p-<id>`` names one paragraph in
all three languages and in the bilingual view. Ids come from
``segment_report`` (a hash of the paragraph's Simplified text), never from
positions, so a link to a paragraph survives edits elsewhere in the report.

The anchors are inserted into the canonical Markdown *before* script
conversion: HTML tags and attribute lists are shielded from OpenCC.
"""

from __future__ import annotations

import html
import re

from zhpress.report import Report
from zhpress.translate.segments import (
    FENCE,
    HEADING,
    IMAGE_OR_HTML,
    LIST_ITEM,
    QUOTE,
    TABLE_ROW,
    TABLE_RULE,
    Block,
    segment_report,
)

# English pages mark each paragraph with an empty anchor (zhpress.translate.render).
_EN_ANCHOR = re.compile(r'<a id="p-([0-9a-f]{8}(?:-\d+)?)"></a>')


def body_blocks(report: Report) -> list[Block]:
    """The blocks of the report body (the title block left out), in page order."""
    blocks = segment_report(report)
    if blocks and blocks[0].kind == "title":
        return blocks[1:]
    return blocks


def _block_starts(lines: list[str]) -> list[tuple[str, int]]:
    """(kind, first line) of every block, by the same rules as ``split_blocks``."""
    starts: list[tuple[str, int]] = []
    in_para = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            starts.append(("raw", i))
            in_para = False
            i += 1
            while i < len(lines) and not FENCE.match(lines[i]):
                i += 1
        elif not line.strip():
            in_para = False
        elif HEADING.match(line):
            starts.append(("heading", i))
            in_para = False
        elif TABLE_RULE.match(line) and "|" in line:
            starts.append(("raw", i))
            in_para = False
        elif TABLE_ROW.match(line):
            starts.append(("table", i))
            in_para = False
        elif LIST_ITEM.match(line):
            starts.append(("item", i))
            in_para = False
        elif QUOTE.match(line):
            starts.append(("quote", i))
            in_para = False
        elif IMAGE_OR_HTML.match(line):
            starts.append(("raw", i))
            in_para = False
        elif not in_para:
            starts.append(("paragraph", i))
            in_para = True
        i += 1
    return starts


def paragraph_link(block_id: str, href: str, hreflang: str, label: str, title: str) -> str:
    """The anchor that starts a paragraph: its id, and a link to the same
    paragraph in the other language (shown on hover, like a permalink).

    ``target="_self"`` keeps Material's language-switch handler, which drops
    the fragment, from taking over the click.
    """
    return (
        f'<a id="p-{block_id}" class="zhpress-p" href="{html.escape(href)}#p-{block_id}" '
        f'hreflang="{hreflang}" target="_self" title="{html.escape(title)}">{label}</a>'
    )


def anchor_body(
    body: str, blocks: list[Block], link: tuple[str, str, str, str] | None = None
) -> str:
    """``body`` with every heading, paragraph, list item and quote anchored.

    ``link`` is (href of the other-language page, hreflang, label, title);
    without it the anchors are bare. If the body does not split into the same
    blocks as ``blocks`` (it always should), it is returned unchanged rather
    than anchored wrongly.
    """
    lines = body.splitlines()
    starts = _block_starts(lines)
    if [k for k, _ in starts] != [b.kind for b in blocks]:
        return body
    for (kind, i), block in zip(starts, blocks, strict=True):
        line = lines[i]
        if kind == "heading":
            match = HEADING.match(line)
            assert match is not None
            # an attribute list already on the heading keeps its own id
            if "{" not in line[match.end(2) :]:
                lines[i] = f"{line.rstrip()} {{#p-{block.id}}}"
            continue
        tag = paragraph_link(block.id, *link) if link else f'<a id="p-{block.id}"></a>'
        if kind == "paragraph":
            lead = len(line) - len(line.lstrip())
            lines[i] = line[:lead] + tag + line[lead:]
        elif kind == "item":
            match = LIST_ITEM.match(line)
            assert match is not None
            lines[i] = line[: match.start(3)] + tag + line[match.start(3) :]
        elif kind == "quote":
            match = QUOTE.match(line)
            assert match is not None
            lines[i] = line[: match.start(1)] + tag + line[match.start(1) :]
    return "\n".join(lines) + ("\n" if body.endswith("\n") else "")


def link_english_anchors(markdown: str, href: str, hreflang: str, label: str, title: str) -> str:
    """Turn the English page's bare paragraph anchors into links to the same
    paragraph on the Chinese page ``href``."""
    return _EN_ANCHOR.sub(
        lambda m: paragraph_link(m.group(1), href, hreflang, label, title), markdown
    )
