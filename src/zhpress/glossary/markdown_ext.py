"""Python-Markdown extension: mark glossary terms on report pages.

The first occurrence of each approved term in every section (a section starts
at each heading) becomes ``<a class="zh-term" href="<glossary>#<anchor>"
title="<the other two renderings>">`` (or a ``<span>`` when no glossary page
URL is given). Headings, code, links, abbreviations and raw HTML are never
touched: a term in a heading would end up in the table of contents and the
permalink, and a link inside a link is invalid HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from zhpress.glossary.model import Entry, Glossary, TermMatcher, to_hant_fn
from zhpress.glossary.opencc_data import opencc_converter
from zhpress.glossary.pages import LANGS, term_anchors

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIP = {"code", "pre", "a", "abbr", "script", "style", "kbd", "samp", "math", "svg"}
CLASS = "zh-term"


class _EnglishMatcher:
    """Finds English renderings as whole words, longest first, ignoring case."""

    def __init__(self, entries: list[Entry]) -> None:
        self._by_text = {}
        for e in entries:
            if e.en and len(e.en) >= 4:
                self._by_text.setdefault(e.en.casefold(), e)
        alternatives = sorted(self._by_text, key=lambda t: (-len(t), t))
        pattern = "|".join(re.escape(t) for t in alternatives) or r"(?!x)x"
        self._re = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        return [
            (m.start(), m.end(), self._by_text[m.group(0).casefold()])
            for m in self._re.finditer(text)
        ]


class _Prepared:
    """What the treeprocessor needs for one glossary and language, built once."""

    def __init__(self, glossary: Glossary, lang: str, converter: Any) -> None:
        self.to_hant = to_hant_fn(converter or opencc_converter("s2tw"))
        entries = [e for e in glossary.entries if e.approved and (e.en or e.dnt)]
        self.anchors = term_anchors(glossary)
        self.matcher: Any
        if lang == "en":
            self.matcher = _EnglishMatcher(entries)
        else:
            forms: dict[str, Entry] = {}
            for e in entries:
                for form in (e.zh, *e.aliases):
                    forms.setdefault(form, e)
                    forms.setdefault(self.to_hant(form), e)
                if e.zh_hant:
                    forms.setdefault(e.zh_hant, e)
            self.matcher = TermMatcher(forms)
        self.hant = {e.zh: e.zh_hant or self.to_hant(e.zh) for e in entries}


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.lang: str = ext.getConfig("lang")
        self.url: str = ext.getConfig("glossary_url")
        self.prepared = ext.prepared(self.lang) if self.lang in LANGS else None

    def run(self, root: etree.Element) -> None:
        if self.prepared is None:
            return
        self.matcher = self.prepared.matcher
        self.anchors = self.prepared.anchors
        self._seen: set[str] = set()
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        if parent.text and not isinstance(parent.text, AtomicString):
            parent.text, new = self._mark(parent.text)
            for i, el in enumerate(new):
                parent.insert(i, el)
        children = list(parent)
        for child in children:
            if child.get("class") == CLASS:
                continue
            if child.tag in HEADINGS:
                self._seen = set()
            elif child.tag not in SKIP:
                self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = self._mark(child.tail)
                at = list(parent).index(child) + 1
                for i, el in enumerate(new):
                    parent.insert(at + i, el)

    def _mark(self, text: str) -> tuple[str, list[etree.Element]]:
        if self.lang == "en":
            found = self.matcher.find(text)
        else:
            found = [(m.start, m.end, m.entry) for m in self.matcher.find(text)]
        head, elements, pos = None, [], 0
        for start, end, entry in found:
            if entry.zh in self._seen:
                continue
            self._seen.add(entry.zh)
            el = self._element(entry, text[start:end])
            if head is None:
                head = text[:start]
            else:
                elements[-1].tail = text[pos:start]
            elements.append(el)
            pos = end
        if head is None:
            return text, []
        elements[-1].tail = text[pos:]
        return head, elements

    def _element(self, entry: Entry, shown: str) -> etree.Element:
        hant = self.prepared.hant[entry.zh] if self.prepared else entry.zh
        if self.lang == "hans":
            title = f"{hant} · {entry.english()}"
        elif self.lang == "hant":
            title = f"{entry.zh} · {entry.english()}"
        else:
            title = f"{entry.zh} · {hant}"
        if self.url:
            el = etree.Element(
                "a", {"class": CLASS, "href": f"{self.url}#{self.anchors[entry.zh]}"}
            )
        else:
            el = etree.Element("span", {"class": CLASS})
        el.set("title", title)
        el.set("data-term", self.anchors[entry.zh])
        el.text = AtomicString(shown)
        return el


class GlossaryExtension(Extension):
    """``GlossaryExtension(glossary=g, lang="hans", glossary_url="../glossary/")``.

    One instance can serve every page of a site: set ``lang`` and
    ``glossary_url`` with ``setConfig`` before each page is rendered (mkdocs
    builds a new Markdown object per page). Any other ``lang`` (e.g. ``""``)
    leaves the page unmarked. Matchers are built once per language.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary": [Glossary([]), "the loaded Glossary"],
            "lang": ["hans", "page language: hans, hant or en ('' = do not mark)"],
            "glossary_url": ["", "URL of this language's glossary page ('' = no links)"],
            # Not None: Markdown would coerce a None default to bool.
            "converter": ["", "Simplified->Traditional converter (default OpenCC s2tw)"],
        }
        super().__init__(**kwargs)
        self._prepared: dict[str, _Prepared] = {}

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 - Markdown's API name
        super().setConfig(key, value)
        if key in ("glossary", "converter"):
            self._prepared = {}

    def prepared(self, lang: str) -> _Prepared:
        if lang not in self._prepared:
            self._prepared[lang] = _Prepared(
                self.getConfig("glossary"), lang, self.getConfig("converter")
            )
        return self._prepared[lang]

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After inline processing (20) so text nodes are final; before toc (5).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "zhpress_glossary", 7.5)


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 - Markdown's API name
    return GlossaryExtension(**kwargs)
