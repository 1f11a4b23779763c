"""Placeholders that hide text from OpenCC and give it back afterwards.

OpenCC converts every CJK character it sees and segments by its own phrase
tables, so anything that must come out exactly as given (code, URLs, Latin
text, glossary terms) is swapped for a placeholder first. Placeholders are
made of Private Use Area characters: OpenCC has no dictionary entry for them,
so they pass through unchanged and also act as hard segment boundaries.
"""

from __future__ import annotations

import re

_OPEN = "\ue000"
_CLOSE = "\ue001"
_DIGIT0 = 0xE010  # ten code points U+E010..U+E019 encode the index digits

PLACEHOLDER = re.compile(f"{_OPEN}[\ue010-\ue019]+{_CLOSE}")
# Characters of our own alphabet that may already occur in the input; they are
# hidden first so restoring can never confuse them with a real placeholder.
RESERVED_CHARS = re.compile("[\ue000-\ue01f]+")


class Shield:
    """Collects hidden values; ``reveal`` puts them back in one pass."""

    def __init__(self) -> None:
        self._values: list[str] = []

    def hide(self, value: str) -> str:
        # Store values placeholder-free, so nested hiding (a code span that
        # already contained a hidden character) still reveals in one pass.
        return self._store(self.reveal(value))

    def _store(self, value: str) -> str:
        self._values.append(value)
        index = len(self._values) - 1
        digits = "".join(chr(_DIGIT0 + int(d)) for d in str(index))
        return f"{_OPEN}{digits}{_CLOSE}"

    def reveal(self, text: str) -> str:
        if not self._values:
            return text
        return PLACEHOLDER.sub(self._lookup, text)

    def _lookup(self, match: re.Match[str]) -> str:
        digits = match.group(0)[1:-1]
        index = int("".join(str(ord(ch) - _DIGIT0) for ch in digits))
        return self._values[index]

    def hide_reserved(self, text: str) -> str:
        """Hide any Private Use characters of our alphabet already in ``text``."""
        # Stored raw: these characters are data, not placeholders to resolve.
        return RESERVED_CHARS.sub(lambda m: self._store(m.group(0)), text)
