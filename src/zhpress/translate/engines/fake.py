"""A deterministic engine for tests of everything around the model.

By default each sentence becomes ``EN(<sentence>)`` so tests can see exactly
which source went where; a ``mapping`` gives fixed answers instead. Either
way placeholders and digits come through untouched, as a good model would
copy them. Faults can be switched on to test the retry/flag logic: the next
``drop_placeholders`` sentences that contain placeholders lose them, the next
``duplicate_placeholders`` get them twice (``-1`` = always).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from zhpress.translate.engines import Engine

# No \b: Chinese characters count as word characters, so "推进TERM3建设"
# has no word boundary around the placeholder.
DEFAULT_PLACEHOLDER = re.compile(r"(?<![A-Za-z])TERM\s?\d{1,3}(?!\d)", re.IGNORECASE)
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


class FakeEngine(Engine):
    name = "fake"

    def __init__(
        self,
        mapping: Mapping[str, str] | None = None,
        *,
        latin: bool = False,
        drop_placeholders: int = 0,
        duplicate_placeholders: int = 0,
        placeholder: re.Pattern[str] = DEFAULT_PLACEHOLDER,
        version: str = "fake-1",
    ) -> None:
        """``latin=True`` replaces each run of Chinese characters by `` zh ``,
        giving output with no CJK left (for checks that look for untranslated text).
        """
        self.mapping = dict(mapping or {})
        self.latin = latin
        self.drop_placeholders = drop_placeholders
        self.duplicate_placeholders = duplicate_placeholders
        self.placeholder = placeholder
        self._version = version
        #: every batch received, in order (tests count model work with it)
        self.calls: list[list[str]] = []

    @property
    def version(self) -> str:
        return self._version

    @property
    def sentences_translated(self) -> int:
        return sum(len(batch) for batch in self.calls)

    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[str]:
        self.calls.append(list(sentences))
        out = []
        for n, sentence in enumerate(sentences, start=1):
            out.append(self._one(sentence))
            if progress:
                progress(n)
        return out

    def _one(self, sentence: str) -> str:
        if not sentence.strip():
            return ""
        if sentence in self.mapping:
            text = self.mapping[sentence]
        elif self.latin:
            # Spaces keep digits apart from the markers (no "zh2" + "26" = "zh226").
            latin = _HAN_RUN.sub(" zh ", sentence)
            text = "EN(" + re.sub(r" {2,}", " ", latin).strip() + ")"
        else:
            text = f"EN({sentence})"
        if self.placeholder.search(text):
            if self.drop_placeholders:
                self.drop_placeholders -= 1 if self.drop_placeholders > 0 else 0
                text = re.sub(r"\s{2,}", " ", self.placeholder.sub("", text)).strip()
            elif self.duplicate_placeholders:
                self.duplicate_placeholders -= 1 if self.duplicate_placeholders > 0 else 0
                text = self.placeholder.sub(lambda m: f"{m.group()} {m.group()}", text)
        return text
