"""Full-width punctuation inside Chinese text, leaving numbers, URLs and Latin text alone."""

from __future__ import annotations

import re

from zhpress.ingest.document import CHINESE_CONTEXT, Doc, Rule, split_marker

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_URL = re.compile(r"(https?://\S+|www\.[\w.-]+\S*|[\w.+-]+@[\w-]+\.[\w.]+)")
_PAREN = re.compile(r"[(（]([^()（）]*)[)）]")
_DQUOTE = re.compile(r'"([^"\n]*)"')


def _chinese(ch: str) -> bool:
    return bool(ch) and bool(CHINESE_CONTEXT.match(ch))


def _neighbour(text: str, i: int, step: int) -> str:
    """Nearest non-space character from ``i`` in direction ``step`` ('' at the edge)."""
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _normalise_segment(text: str) -> str:
    def paren(match: re.Match[str]) -> str:
        inner = match.group(1)
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        full = "（" in match.group(0) or "）" in match.group(0)
        if full or _chinese(before) or _chinese(after) or CHINESE_CONTEXT.search(inner):
            return f"（{inner.strip()}）"
        return match.group(0)

    text = _PAREN.sub(paren, text)
    text = _DQUOTE.sub(
        lambda m: f"“{m.group(1)}”" if CHINESE_CONTEXT.search(m.group(1)) else m.group(0), text
    )
    chars = list(text)
    for i, ch in enumerate(text):
        if ch not in _FULL:
            continue
        prev, nxt = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if not (_chinese(prev) or _chinese(nxt)):
            continue
        # 07:40, 4,500 and the like stay ASCII even next to Chinese text.
        tight_prev = text[i - 1] if i else ""
        tight_next = text[i + 1] if i + 1 < len(text) else ""
        if ch in ",:" and tight_prev.isdigit() and tight_next.isdigit():
            continue
        chars[i] = _FULL[ch]
    text = "".join(chars)
    # Full-width marks carry their own spacing.
    return re.sub(r" *([，：；？！（）]) *", r"\1", text)


def normalise_punctuation(text: str) -> str:
    """Full-width ``,:;?!()"`` where they sit in Chinese text; URLs are untouched.

    A converted mark can make its ASCII neighbour Chinese context too (``::“``),
    so passes repeat until nothing changes: the result is a fixed point.
    """
    while True:
        parts = _URL.split(text)
        new = "".join(p if i % 2 else _normalise_segment(p) for i, p in enumerate(parts))
        if new == text:
            return new
        text = new


class PunctuationRule(Rule):
    name = "punctuation"
    priority = 50

    def run(self, doc: Doc) -> None:
        out = []
        for line in doc.lines:
            marker, text = split_marker(line)
            if marker.startswith(("![", "| ")):
                out.append(line)
                continue
            out.append(marker + normalise_punctuation(text))
        doc.lines[:] = out
        for key in ("title", "venue", "speaker_office"):
            if isinstance(doc.meta.get(key), str):
                doc.meta[key] = normalise_punctuation(doc.meta[key])
