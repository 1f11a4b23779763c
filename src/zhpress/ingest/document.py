"""The working state the text rules share, and character classes they use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Unified ideographs, extension A and compatibility ideographs.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation and CJK quotes/brackets.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·・％"
CHINESE_CONTEXT = re.compile(f"[{CJK}{CJK_PUNCT}]")
# A line a reader (or an earlier rule) already marked up as a Markdown block.
# A whole-line emphasis (``*caption*``) is how a kept photo caption is written.
MARKDOWN_BLOCK = re.compile(
    r"^(#{1,6} |[-*+] |\d+\. |\| |\[\^[^\]]+\]: |!\[|> |\*(?=[^*\s][^*]*\*$))"
)
LIST_ITEM = re.compile(r"^([-*+] |\d+\. )")


@dataclass
class Doc:
    """Lines in reading order plus the metadata found so far.

    Rules mutate ``lines`` in place; structure rules turn plain lines into
    Markdown block lines, after which other rules leave them alone.
    """

    lines: list[str]
    meta: dict[str, Any] = field(default_factory=dict)
    fmt: str = "txt"
    # Problems a rule noticed but could not fix; ingest reports them as warnings.
    notes: list[str] = field(default_factory=list)


class Rule:
    """One named step of the text pipeline; see ``zhpress.ingest.rules``."""

    name = ""
    priority = 0.0

    def run(self, doc: Doc) -> None:
        raise NotImplementedError


def is_markdown(line: str) -> bool:
    return bool(MARKDOWN_BLOCK.match(line))


def split_marker(line: str) -> tuple[str, str]:
    """(Markdown block marker, text) so inline rules can edit only the text."""
    match = MARKDOWN_BLOCK.match(line)
    if not match:
        return "", line
    return match.group(0), line[match.end() :]


def to_markdown(lines: list[str]) -> str:
    """Join block lines: a blank line between blocks, none inside a list or table."""
    out: list[str] = []
    prev = ""
    for line in lines:
        if out:
            same_list = LIST_ITEM.match(prev) and LIST_ITEM.match(line)
            same_table = prev.startswith("| ") and line.startswith("| ")
            if not (same_list or same_table):
                out.append("")
        out.append(line)
        prev = line
    return "\n".join(out) + "\n"
