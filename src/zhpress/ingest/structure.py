"""Rules that turn Chinese report conventions into Markdown structure."""

from __future__ import annotations

import re

from zhpress.ingest.document import CJK, Doc, Rule, is_markdown

_NUM = "一二三四五六七八九十百零〇"
# Numbering styles from outermost to innermost, as official documents nest them.
NUMBERING = (
    ("part", re.compile(rf"^第[{_NUM}]+(?:部分|章|篇)")),
    ("chinese", re.compile(rf"^[{_NUM}]+、")),
    ("paren-chinese", re.compile(rf"^（[{_NUM}]+）")),
    ("arabic", re.compile(r"^\d{1,3}[.．、](?!\d)")),
    ("paren-arabic", re.compile(r"^（?\d{1,3}[）)]")),
    ("circled", re.compile(r"^[①-⑳]")),
)
_HEADING = re.compile(r"^(#{1,6}) ")
_ENUM = (
    re.compile(rf"^第[{_NUM}]+[，、]"),
    re.compile(rf"^[{_NUM}]+是"),
)
_DASH_ITEM = re.compile(r"^——(?!—)")
_ANNOUNCES = re.compile(r"(如下|以下|下面|下列|各位|同志们)")
_END_PUNCT = "。！？；：!?;:，、…"


def numbering_style(line: str) -> int | None:
    """Rank of the numbering style ``line`` starts with (0 = outermost), or None."""
    for rank, (_, pattern) in enumerate(NUMBERING):
        if pattern.match(line):
            return rank
    return None


def _heading_like(line: str) -> bool:
    """Short, one sentence at most: a section title rather than a numbered paragraph."""
    body = line[:-1] if line.endswith("。") else line
    return len(line) <= 60 and not any(p in body for p in "。！？；")


def _strip_stop(text: str) -> str:
    return text[:-1] if text.endswith("。") else text


class NumberedHeadingRule(Rule):
    """``一、`` > ``（一）`` > ``1.`` > ``（1）`` > ``①`` become headings, levels relative.

    The outermost style a document actually uses is ``##`` (the page title is
    the only ``#``), so an excerpt that starts at ``（一）`` is not left with a
    hole in its heading levels.
    """

    name = "numbered-headings"
    priority = 40

    def run(self, doc: Doc) -> None:
        found: dict[int, int] = {}
        # Headings a reader already marked (HTML <h2>, DOCX styles) pin the level of
        # their numbering style, so plain numbered lines nest under them.
        pinned: dict[int, int] = {}
        for i, line in enumerate(doc.lines):
            heading = _HEADING.match(line)
            if heading:
                rank = numbering_style(line[heading.end() :])
                if rank is not None:
                    pinned.setdefault(rank, len(heading.group(1)))
                continue
            if is_markdown(line):
                continue
            rank = numbering_style(line)
            if rank is not None and _heading_like(line):
                found[i] = rank
        ranks = sorted(set(found.values()) | set(pinned))
        for i, rank in found.items():
            doc.lines[i] = "#" * _level(rank, ranks, pinned) + " " + _strip_stop(doc.lines[i])


def _level(rank: int, ranks: list[int], pinned: dict[int, int]) -> int:
    """Level of ``rank``: pinned if a marked heading fixed it, else relative to the
    nearest pinned outer style (or to ``##`` for the outermost style used)."""
    if rank in pinned:
        return pinned[rank]
    index = ranks.index(rank)
    for outer in reversed(ranks[:index]):
        if outer in pinned:
            return min(pinned[outer] + index - ranks.index(outer), 6)
    return min(2 + index, 6)


def _plain(line: str) -> bool:
    return not is_markdown(line)


def _short_label(line: str, limit: int) -> bool:
    return _plain(line) and len(line) <= limit and line[-1] not in _END_PUNCT


class NewsSectionRule(Rule):
    """In a news article, "市发改委" + a subtitle line start a section.

    The label (who is speaking) becomes ``##`` and the subtitle (what they
    said) ``###`` under it: both stay visible in the table of contents and each
    is its own segment for translation.
    """

    name = "news-sections"
    priority = 35

    def run(self, doc: Doc) -> None:
        if not doc.meta.get("outlet"):
            return
        lines = doc.lines
        for i in range(len(lines) - 2):
            label, sub, para = lines[i], lines[i + 1], lines[i + 2]
            if (
                _short_label(label, 12)
                and _short_label(sub, 40)
                and _plain(para)
                and len(para) > len(sub)
            ):
                lines[i] = "## " + label
                lines[i + 1] = "### " + sub


class LeadHeadingRule(Rule):
    """A short stand-alone line ("…“四梁八柱”。") before a paragraph heads that paragraph.

    It becomes a heading one level below the section it is in, so the HTML
    heading outline keeps following the numbering.
    """

    name = "lead-headings"
    priority = 30

    def run(self, doc: Doc) -> None:
        lines = doc.lines
        level = 1
        for i, line in enumerate(lines):
            heading = _HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                continue
            if i + 1 >= len(lines) or not _is_lead(line, lines[i + 1]):
                continue
            lines[i] = "#" * min(level + 1, 6) + " " + _strip_stop(line)


def _is_lead(line: str, nxt: str) -> bool:
    # Real lead headings are one or two short clauses; a longer line with several
    # clauses is an introductory sentence of the section.
    if not (_plain(line) and _plain(nxt)) or len(line) > 30 or len(line) < 4:
        return False
    if line.count("，") + line.count(",") > 1:
        return False
    if any(p.match(line) for p in _ENUM) or _DASH_ITEM.match(line):
        return False
    # "现将有关情况报告如下。" announces what follows; it is a sentence, not a title.
    if _ANNOUNCES.search(line):
        return False
    body = line[:-1] if line.endswith("。") else line
    if any(p in body for p in "。！？；：!?;:"):
        return False
    if not (line.endswith("。") or re.match(rf"[{CJK}A-Za-z0-9”’）》]", line[-1])):
        return False
    if any(p.match(nxt) for p in _ENUM) or _DASH_ITEM.match(nxt):
        return False
    return len(nxt) > max(2 * len(line), 40) and nxt[-1] in "。！？”…"


class EnumeratedRunRule(Rule):
    """Runs of ``第一，…`` / ``一是…`` lines (two or more) become a bullet list.

    The items keep their ordinal word: it is part of the sentence, so an
    ordered list would number every item twice.
    """

    name = "enumerated-runs"
    priority = 25

    def run(self, doc: Doc) -> None:
        _listify(
            doc.lines,
            lambda s: next((k for k, p in enumerate(_ENUM) if p.match(s)), None),
            keep_marker=True,
        )


class DashListRule(Rule):
    """Lines starting ``——`` (two or more in a row) form a list; the dash is the marker."""

    name = "dash-lists"
    priority = 24

    def run(self, doc: Doc) -> None:
        _listify(doc.lines, lambda s: 0 if _DASH_ITEM.match(s) else None, keep_marker=False)


def _listify(lines: list[str], kind, *, keep_marker: bool) -> None:
    i = 0
    while i < len(lines):
        k = kind(lines[i]) if _plain(lines[i]) else None
        if k is None:
            i += 1
            continue
        j = i
        while j < len(lines) and _plain(lines[j]) and kind(lines[j]) == k:
            j += 1
        if j - i >= 2:
            for n in range(i, j):
                text = lines[n] if keep_marker else _DASH_ITEM.sub("", lines[n]).strip()
                lines[n] = "- " + text
        i = max(j, i + 1)


_NEEDS_ESCAPE = re.compile(r"^(#|>|[-*+](?= |$)|\d+[.)](?= |$)|=+$|\|)")


# Source text is text, never markup: "<script>" or "&lt;" typed in a report (or
# decoded from an HTML page's text) must reach the site as those characters,
# not as a tag. Markdown passes raw HTML through, so tag starts and entity-like
# sequences become character references. "](<" is a Markdown link destination.
_HTML_LIKE = re.compile(r"(?<!\]\()<(?=[A-Za-z/!?])|&(?=#?\w+;)")


class EscapeRule(Rule):
    """Plain text that Markdown would misread as a block marker gets a backslash;
    text that would read as raw HTML (tags, entities) is escaped on every line."""

    name = "escape"
    priority = 5

    def run(self, doc: Doc) -> None:
        doc.lines[:] = [
            _escape_html(_escape(line) if _plain(line) else line) for line in doc.lines
        ]


def _escape_html(line: str) -> str:
    return _HTML_LIKE.sub(lambda m: "&lt;" if m.group() == "<" else "&amp;", line)


def _escape(line: str) -> str:
    if not _NEEDS_ESCAPE.match(line):
        return line
    if line[0].isdigit():
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
    return "\\" + line
