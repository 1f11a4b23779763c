"""Which parts of a Markdown document script conversion may touch.

``shield_markdown`` hides everything that is not reader-facing Chinese text
(code, link targets, HTML tags and their attributes, attribute lists,
reference definitions, machine-readable front matter) behind placeholders, so
the converter can run OpenCC over the whole document in one call and keep
OpenCC's phrase context across ordinary text.
"""

from __future__ import annotations

import re

from zhpress.convert.shield import Shield

# Front matter keys whose values readers see on the page.
READABLE_META_KEYS = frozenset({"title", "venue", "speaker", "outlet", "authors", "credits"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")

# Whole-document constructs that may span lines.
_MULTILINE_RAW = re.compile(
    r"<!--.*?-->|<(script|style|pre|code)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_LINK_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S")
_REF_LABEL = re.compile(r"^ {0,3}\[((?!\^)[^\]\n]+)\]:[ \t]*\S", re.MULTILINE)
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:")

_INLINE = re.compile(
    "|".join(
        [
            # code span: a run of backticks up to the same run
            r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)",
            # autolink <https://...>
            r"<(?:https?|ftp|mailto):[^<>\s]+>",
            # raw HTML tag with its attributes (text between tags is converted)
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",
            # inline link/image destination and optional title: ](url "title")
            r"\]\((?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
            r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)",
            # footnote reference: its label must match the definition's
            r"\[\^[^\]\s]+\]",
            # reference link label: ][label]
            r"\]\[[^\]]*\]",
            # attribute list: {#id .class key=value} / {: ...}
            r"\{:?[ \t]*[#.:][^{}\n]*\}",
        ]
    )
)


def shield_markdown(md: str, shield: Shield) -> str:
    """Return ``md`` with every non-convertible part replaced by a placeholder."""
    head = ""
    match = _FRONT_MATTER.match(md)
    if match:
        head = _shield_front_matter(match.group(0), shield)
        md = md[match.end() :]
    md = _MULTILINE_RAW.sub(lambda m: shield.hide(m.group(0)), md)
    return head + _shield_blocks(md, shield, _label_pattern(md))


def _label_pattern(md: str) -> re.Pattern[str] | None:
    """Reference labels ([发展][] / [发展]) must keep matching their definition,
    which is never converted, so every use of a defined label is hidden."""
    labels = sorted({m.group(1) for m in _REF_LABEL.finditer(md)}, key=len, reverse=True)
    if not labels:
        return None
    return re.compile(r"\[(?:" + "|".join(re.escape(label) for label in labels) + r")\]")


def _shield_front_matter(block: str, shield: Shield) -> str:
    out: list[str] = []
    readable = False
    for line in block.split("\n"):
        key = _META_KEY.match(line)
        if key:  # a top-level key decides for its continuation lines too
            readable = key.group(1) in READABLE_META_KEYS
        elif line and not line[0].isspace() and not line.startswith("-"):
            readable = False
        out.append(line if readable or not line else shield.hide(line))
    return "\n".join(out)


def _shield_blocks(md: str, shield: Shield, labels: re.Pattern[str] | None) -> str:
    out: list[str] = []
    fence: str | None = None
    in_code = False
    in_list = False
    prev_blank = True
    for line in md.split("\n"):
        blank = not line.strip()
        if fence is not None:
            out.append(shield.hide(line) if line else line)
            closing = _FENCE_OPEN.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                if not line.strip().lstrip(fence[0]):
                    fence = None
            continue
        opening = _FENCE_OPEN.match(line)
        if opening:
            fence = opening.group(1)
            out.append(shield.hide(line))
            prev_blank = False
            continue
        if _INDENTED.match(line) and not blank and (in_code or (prev_blank and not in_list)):
            in_code = True
            out.append(shield.hide(line))
            continue
        if not blank:
            in_code = False
            if _LIST_ITEM.match(line):
                in_list = True
            elif not _INDENTED.match(line) and prev_blank:
                in_list = False
        prev_blank = blank
        out.append(_shield_line(line, shield, labels))
    return "\n".join(out)


def _shield_line(line: str, shield: Shield, labels: re.Pattern[str] | None) -> str:
    if _LINK_REF_DEF.match(line):
        return shield.hide(line)
    if labels is not None:
        line = labels.sub(lambda m: shield.hide(m.group(0)), line)
    prefix = ""
    footnote = _FOOTNOTE_DEF.match(line)
    if footnote:
        prefix = shield.hide(footnote.group(0))
        line = line[footnote.end() :]
    return prefix + _INLINE.sub(lambda m: shield.hide(m.group(0)), line)
