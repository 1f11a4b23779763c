"""Glossary terms through the engine: replace, translate, restore, verify.

Each glossary term found in a sentence is replaced by ``TERM<n>`` before the
sentence goes to the engine. Plain ASCII capitals and digits are whole pieces
in any zh->en sentencepiece vocabulary and NMT models copy such unknown
tokens through; bracket characters such as ⟨⟩ are often <unk> and vanish.
After translation each placeholder must come back exactly once; then it is
replaced by the glossary English (for do-not-translate terms without an
English form: the term's pinyin, e.g. 胡同 -> Hutong).

If the engine drops, duplicates or invents a placeholder, the sentence is
translated again without placeholders and every term's English is looked for
in the result. If one is missing the segment is flagged for review with a note
saying which term: never silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

# Lookarounds, not \b: Python counts Chinese characters as word characters, so
# \b would miss a placeholder the model glued to Chinese text (推进TERM3建设).
PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9_])TERM\s?(\d{1,3})(?![0-9])", re.IGNORECASE)


class TermLike(Protocol):
    """What the glossary's ``TermRule`` provides (duck-typed, no import)."""

    zh: str
    en: str
    dnt: bool
    aliases: Sequence[str]


@dataclass(frozen=True)
class Term:
    zh: str
    en: str  # the rendering to put in the English
    forms: tuple[str, ...]  # Chinese spellings to look for, longest first


@lru_cache(maxsize=4096)
def pinyin_name(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh)).capitalize()


def prepare_terms(rules: Iterable[TermLike]) -> list[Term]:
    """Normalise glossary rules; Traditional spellings become Simplified too."""
    from zhpress.translate.segments import HAN, to_simplified

    terms: list[Term] = []
    for rule in rules:
        zh = str(getattr(rule, "zh", "") or "").strip()
        if not zh:
            continue
        en = str(getattr(rule, "en", "") or "").strip()
        dnt = bool(getattr(rule, "dnt", False))
        if not en:
            if not dnt:
                continue  # nothing to enforce
            en = pinyin_name(to_simplified(zh))
        forms = {zh, to_simplified(zh)}
        for alias in getattr(rule, "aliases", None) or ():
            alias = str(alias).strip()
            if alias and HAN.search(alias):
                forms.update({alias, to_simplified(alias)})
        ordered = tuple(sorted(forms, key=lambda f: (-len(f), f)))
        terms.append(Term(zh=zh, en=en, forms=ordered))
    terms.sort(key=lambda t: (-len(t.forms[0]), t.zh))
    return terms


@dataclass
class Protected:
    source: str
    text: str  # what the engine sees
    terms: list[Term] = field(default_factory=list)  # TERM1 is terms[0]


def find_terms(sentence: str, terms: Sequence[Term]) -> list[tuple[int, int, Term]]:
    """Non-overlapping matches, longest term first at each position."""
    by_first: dict[str, list[tuple[str, Term]]] = {}
    for term in terms:
        for form in term.forms:
            by_first.setdefault(form[0], []).append((form, term))
    for options in by_first.values():
        options.sort(key=lambda ft: -len(ft[0]))
    found: list[tuple[int, int, Term]] = []
    i = 0
    while i < len(sentence):
        for form, term in by_first.get(sentence[i], ()):
            if sentence.startswith(form, i):
                found.append((i, i + len(form), term))
                i += len(form)
                break
        else:
            i += 1
    return found


def protect(sentence: str, terms: Sequence[Term]) -> Protected:
    out: list[str] = []
    used: list[Term] = []
    pos = 0
    for start, end, term in find_terms(sentence, terms):
        out.append(sentence[pos:start])
        used.append(term)
        # Spaces keep the token whole for sentencepiece between Han characters.
        out.append(f" TERM{len(used)} ")
        pos = end
    out.append(sentence[pos:])
    text = "".join(out).strip() if used else sentence
    return Protected(source=sentence, text=re.sub(r" {2,}", " ", text), terms=used)


def restore(translation: str, protected: Protected) -> str | None:
    """Put the glossary English back; None if placeholders did not survive 1:1."""
    if not protected.terms:
        return translation
    seen = [int(m.group(1)) for m in PLACEHOLDER.finditer(translation)]
    if sorted(seen) != list(range(1, len(protected.terms) + 1)):
        return None

    def put(m: re.Match[str]) -> str:
        return protected.terms[int(m.group(1)) - 1].en

    text = PLACEHOLDER.sub(put, translation)
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r" {2,}", " ", text)).strip()
    # A glossary rendering that opens the sentence starts with a capital.
    return text[:1].upper() + text[1:]


def _fold(text: str) -> str:
    # Case, curly vs straight quotes and "opening-up" vs "opening up" are not violations.
    text = text.lower().translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return " " + re.sub(r"[\s\-‐‑–—]+", " ", text).strip() + " "


def rendering_variants(en: str) -> list[str]:
    """Accepted spellings of a glossary rendering: "gross domestic product (GDP)"
    is also fine as "gross domestic product" or "GDP"."""
    variants = [en]
    m = re.fullmatch(r"\s*(.+?)\s*\(([^()]+)\)\s*", en)
    if m:
        variants += [m.group(1), m.group(2)]
    return variants


def term_present(translation: str, en: str) -> bool:
    """Is the rendering there as whole words (a plural ending is fine)?"""
    folded = _fold(translation)
    for variant in rendering_variants(en):
        pattern = r"(?<![a-z0-9])" + re.escape(_fold(variant).strip()) + r"(?:s|es)?(?![a-z0-9])"
        if re.search(pattern, folded):
            return True
    return False


def missing_terms(translation: str, terms: Iterable[Term]) -> list[Term]:
    """Terms whose English rendering (or an accepted variant) is absent from ``translation``."""
    return [t for t in terms if not term_present(translation, t.en)]


@dataclass
class TermResult:
    text: str
    note: str = ""  # non-empty: needs review, and why


def translate_with_terms(
    translate: Callable[[list[str]], list[str]],
    sentences: Sequence[str],
    terms: Sequence[Term],
) -> list[TermResult]:
    """Translate ``sentences`` in one batch (plus one retry batch if needed)."""
    protected = [protect(s, terms) for s in sentences]
    first = translate([p.text for p in protected])
    results: list[TermResult | None] = []
    retry: list[int] = []
    for i, (p, out) in enumerate(zip(protected, first, strict=True)):
        restored = restore(out, p)
        if restored is None:
            retry.append(i)
            results.append(None)
        else:
            results.append(TermResult(restored))
    if retry:
        second = translate([sentences[i] for i in retry])
        for i, out in zip(retry, second, strict=True):
            missing = missing_terms(out, protected[i].terms)
            note = ""
            if missing:
                note = "glossary: " + "; ".join(f"{t.zh} should be '{t.en}'" for t in missing)
            results[i] = TermResult(out, note)
    return [r for r in results if r is not None]
