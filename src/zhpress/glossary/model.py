"""What one glossary entry is, and the in-memory glossary other stages query.

The YAML field names are the translator-facing vocabulary (see the README):
``zh``, ``en``, ``zh_hant``, ``aliases``, ``dnt`` (do not translate), ``note``,
``tags``, ``status``, ``source``, ``pinyin`` (only to correct the automatic one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

Status = Literal["approved", "proposed"]

# Keys allowed at the top of a glossary file (besides `terms`): defaults for its entries.
FILE_DEFAULT_KEYS = ("source", "tags", "status", "note")


class Converter(Protocol):
    """An ``opencc.OpenCC`` (``convert(text)``) or a ``zhpress.convert.ScriptConverter``
    (its ``to_hant``/``to_hans`` are used when present, see ``to_hant_fn``)."""

    def convert(self, text: str) -> str: ...


def to_hant_fn(converter: Converter | object) -> Callable[[str], str]:
    """Simplified -> Traditional function of an OpenCC object or a ScriptConverter."""
    to_hant = getattr(converter, "to_hant", None)
    return to_hant if callable(to_hant) else converter.convert  # type: ignore[attr-defined]


def to_hans_fn(converter: Converter | object) -> Callable[[str], str]:
    """Traditional -> Simplified function of an OpenCC object or a ScriptConverter."""
    to_hans = getattr(converter, "to_hans", None)
    return to_hans if callable(to_hans) else converter.convert  # type: ignore[attr-defined]


class Entry(BaseModel):
    """One term as a translator wrote it (after file defaults are applied)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    zh: str = Field(min_length=1)
    en: str | None = None
    zh_hant: str | None = None
    aliases: tuple[str, ...] = ()
    dnt: bool = False
    note: str | None = None
    tags: tuple[str, ...] = ()
    status: Status = "approved"
    source: str | None = None
    pinyin: str | None = None
    # Where the entry was written; filled by the loader, never by translators.
    file: str = Field(default="", exclude=True)
    line: int = Field(default=0, exclude=True)

    @field_validator("zh", "zh_hant")
    @classmethod
    def _no_inner_space(cls, value: str | None) -> str | None:
        if value is not None and re.search(r"\s", value):
            raise ValueError("a Chinese term must not contain spaces")
        return value

    @field_validator("aliases", "tags", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        # A single string is a common hand-written shorthand for a one-item list.
        return [value] if isinstance(value, str) else value

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    def hant(self, s2t: Converter) -> str:
        """The Traditional form: the override, else OpenCC of the whole term."""
        return self.zh_hant or to_hant_fn(s2t)(self.zh)

    def english(self) -> str:
        """What English text shows for this term (the term itself when not translated)."""
        return self.en or self.zh


@dataclass(frozen=True)
class TermRule:
    """What the translation stage needs to enforce one term."""

    zh: str
    en: str | None
    dnt: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A glossary term found in a text: ``text[start:end] == form``."""

    start: int
    end: int
    form: str
    entry: Entry


class TermMatcher:
    """Leftmost-longest matching of many fixed strings (terms, aliases, their forms)."""

    def __init__(self, forms: Mapping[str, Entry]) -> None:
        self._by_first: dict[str, list[tuple[str, Entry]]] = {}
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            if form:
                self._by_first.setdefault(form[0], []).append((form, forms[form]))

    def find(self, text: str) -> list[Match]:
        found: list[Match] = []
        i = 0
        while i < len(text):
            for form, entry in self._by_first.get(text[i], ()):
                if text.startswith(form, i):
                    found.append(Match(i, i + len(form), form, entry))
                    i += len(form)
                    break
            else:
                i += 1
        return found


class Glossary:
    """All entries of a glossary directory, in file order (files sorted by name)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(entries)
        self._by_zh = {e.zh: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, zh: str) -> Entry | None:
        return self._by_zh.get(zh)

    def approved(self) -> list[Entry]:
        return [e for e in self.entries if e.approved]

    def translation_terms(self, *, include_proposed: bool = False) -> list[TermRule]:
        """Rules for machine translation, longest term first so longer terms win."""
        rules = [
            TermRule(e.zh, e.en, e.dnt, e.aliases)
            for e in self.entries
            if (e.approved or include_proposed) and (e.en or e.dnt)
        ]
        rules.sort(key=lambda r: (-len(r.zh), r.zh))
        return rules

    def conversion_overrides(self, direction: str, converter: Converter) -> dict[str, str]:
        """Exact conversions that must replace OpenCC's segmentation for these terms.

        ``converter`` converts Simplified to the site's Traditional variant in both
        directions: for ``s2t`` the map is Simplified form -> Traditional form (for
        every entry, proposed ones too: converting a term whole is never worse); for
        ``t2s`` it is the reverse (each Traditional form, the override and OpenCC's
        own output, -> the entry's Simplified ``zh``).
        """
        if direction not in ("s2t", "t2s"):
            raise ValueError(f"direction must be 's2t' or 't2s', not {direction!r}")
        conv = to_hant_fn(converter)
        s2t: dict[str, str] = {}
        t2s: dict[str, str] = {}
        for entry in self.entries:
            s2t[entry.zh] = entry.hant(converter)
            t2s.setdefault(entry.hant(converter), entry.zh)
            t2s.setdefault(conv(entry.zh), entry.zh)
            for alias in entry.aliases:
                s2t.setdefault(alias, conv(alias))
                t2s.setdefault(conv(alias), alias)
        result = s2t if direction == "s2t" else t2s
        return dict(sorted(result.items(), key=lambda kv: (-len(kv[0]), kv[0])))

    def forms(self, converter: Converter | None = None) -> dict[str, Entry]:
        """Every spelling of every term: zh, aliases and (with a converter) Traditional."""
        out: dict[str, Entry] = {}
        for entry in self.entries:
            spellings = [entry.zh, *entry.aliases]
            if entry.zh_hant:
                spellings.append(entry.zh_hant)
            if converter is not None:
                conv = to_hant_fn(converter)
                spellings += [conv(s) for s in (entry.zh, *entry.aliases)]
            for form in spellings:
                out.setdefault(form, entry)
        return out

    def matcher(self, converter: Converter | None = None) -> TermMatcher:
        return TermMatcher(self.forms(converter))

    def lookup(self, text: str, converter: Converter | None = None) -> list[Match]:
        """Glossary terms in ``text`` (leftmost-longest, non-overlapping)."""
        return self.matcher(converter).find(text)

    def segmenter_words(self, converters: Iterable[Converter] | None = None) -> list[str]:
        """Words for a Chinese segmenter: every multi-character form in both scripts.

        Traditional forms come from ``converters`` (default: OpenCC s2t, s2tw and
        s2hk, so a Traditional source in any variant is covered).
        """
        if converters is None:
            from zhpress.glossary.opencc_data import opencc_converter

            converters = [opencc_converter(c) for c in ("s2t", "s2tw", "s2hk")]
        words: set[str] = set()
        convs = [to_hant_fn(c) for c in converters]
        for entry in self.entries:
            for form in (entry.zh, *entry.aliases, entry.zh_hant):
                if not form:
                    continue
                words.add(form)
                words.update(c(form) for c in convs)
        return sorted(w for w in words if len(w) > 1)
