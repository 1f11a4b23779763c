"""The glossary page of each language, with stable anchors tooltips link to.

Chinese pages are in pinyin order (as Chinese dictionaries are), the English
page in alphabetical order of the rendering. Every term has one ASCII anchor,
the same on all three pages, derived from its pinyin (``jie-su-ji-ban``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from pypinyin import Style, lazy_pinyin

from zhpress.glossary.model import Converter, Entry, Glossary, to_hant_fn
from zhpress.glossary.opencc_data import opencc_converter

LANGS = ("hans", "hant", "en")

TITLES = {"hans": "术语表", "hant": "術語表", "en": "Glossary"}
INTROS = {
    "hans": "本站报告中的术语及其繁体和英文译法，按拼音排序。",
    "hant": "本站報告中的術語及其簡體和英文譯法，按拼音排序。",
    "en": "Terms used in these reports with their Chinese forms, in alphabetical order.",
}
HEADERS = {
    "hans": ("简体", "繁体", "拼音", "英文"),
    "hant": ("繁體", "簡體", "拼音", "英文"),
    "en": ("English", "Simplified", "Traditional", "Pinyin"),
}


def pinyin(zh: str, given: str | None = None) -> str:
    """Pinyin with tone marks, syllables separated by spaces (``given`` wins)."""
    return given or " ".join(lazy_pinyin(zh, style=Style.TONE, errors="default"))


def _toneless(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("ü", "v").replace("Ü", "V"))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def _syllables(entry: Entry) -> list[str]:
    if entry.pinyin:
        return [_toneless(s) for s in re.split(r"[\s'-]+", entry.pinyin) if s]
    return lazy_pinyin(entry.zh, style=Style.NORMAL, errors=lambda s: list(s))


def _slug(entry: Entry) -> str:
    text = "-".join(s.lower() for s in _syllables(entry)).replace("ü", "v")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "term"


def term_anchors(glossary: Glossary) -> dict[str, str]:
    """zh -> unique ASCII anchor; homophones get -2, -3 in zh order."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for entry in sorted(glossary.entries, key=lambda e: e.zh):
        zh = entry.zh
        base = _slug(entry)
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors[zh] = anchor
    return anchors


def pinyin_key(entry: Entry) -> tuple[str, str, str]:
    """Sort key: toneless pinyin syllable by syllable, then tones, then characters."""
    plain = " ".join(_syllables(entry))
    return plain, pinyin(entry.zh, entry.pinyin), entry.zh


def english_key(entry: Entry) -> tuple[str, str]:
    text = entry.english().casefold()
    text = re.sub(r'^[\s"“‘\'(]+', "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text)
    text = re.sub(r'^[\s"“‘\'(]+', "", text)
    return text, entry.zh


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def glossary_page_markdown(
    glossary: Glossary,
    lang: str,
    converter_s2t: Converter | None = None,
    *,
    include_proposed: bool = False,
) -> str:
    """The glossary page for ``lang`` (``hans``, ``hant`` or ``en``) as Markdown.

    Terms are grouped under one heading per initial letter, one table row per
    term; the first cell carries the term's anchor (``<span id=...>``).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    to_hant: Callable[[str], str] = to_hant_fn(converter_s2t or opencc_converter("s2tw"))
    anchors = term_anchors(glossary)
    entries = glossary.entries if include_proposed else glossary.approved()
    entries = [e for e in entries if e.en or e.dnt]
    if lang == "en":
        entries = sorted(entries, key=english_key)
    else:
        entries = sorted(entries, key=pinyin_key)

    out = [f"# {TITLES[lang]}", "", INTROS[lang], ""]
    letter = None
    head = HEADERS[lang]
    for entry in entries:
        initial = _initial(entry, lang)
        if initial != letter:
            letter = initial
            out += ["", f"## {letter}", "", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
        anchor = f'<span id="{anchors[entry.zh]}"></span>'
        hant = entry.zh_hant or to_hant(entry.zh)
        en = entry.english()
        if lang == "hans":
            cells = [entry.zh, hant, pinyin(entry.zh, entry.pinyin), en]
        elif lang == "hant":
            cells = [hant, entry.zh, pinyin(entry.zh, entry.pinyin), en]
        else:
            cells = [en, entry.zh, hant, pinyin(entry.zh, entry.pinyin)]
        # Glossary text is data, not markup: Markdown would pass "<script>" through.
        cells = [html.escape(c, quote=False) for c in cells]
        if lang == "en" and entry.note:
            note = html.escape(entry.note, quote=False)
            cells[0] = f"{cells[0]}<br><small>{_cell(note)}</small>"
        cells[0] = anchor + cells[0]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out).strip() + "\n"


def _initial(entry: Entry, lang: str) -> str:
    if lang == "en":
        key = english_key(entry)[0]
        first = key[:1].upper()
        return first if first.isalpha() and first.isascii() else "0–9"
    syllables = _syllables(entry)
    first = syllables[0][:1].upper() if syllables else "0–9"
    return first if first.isalpha() and first.isascii() else "0–9"
