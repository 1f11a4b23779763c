"""The set of pages the site consists of, generated from the reports.

Each page has a ``key`` shared by its three language versions ("index" for
the home pages, the report slug for reports), which is what the language
switcher and navigation are built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from zhpress.buildcache import BuildCache, file_digest, fingerprint
from zhpress.glossary.site import SiteGlossary
from zhpress.report import Report
from zhpress.site import pages
from zhpress.site.bilingual import bilingual_key, bilingual_page
from zhpress.site.context import SiteContext
from zhpress.site.languages import EN, HANS, HANT, LANGUAGES, Language
from zhpress.translate.memory import po_path

HOME = "index"
GLOSSARY = "glossary"
NOT_FOUND = "404"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    lang: Language
    key: str
    markdown: str
    # home | report | bilingual | glossary | 404 (what search and the glossary marks need)
    kind: str = "page"


@dataclass
class SiteContent:
    reports: list[Report]
    pages: list[GeneratedPage] = field(default_factory=list)
    # Page keys in navigation order; later stages (glossary pages...) add
    # their pages with ``add`` and they appear in every language's nav.
    nav_keys: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_uri = {p.src_uri: p for p in self.pages}

    def page(self, src_uri: str) -> GeneratedPage | None:
        return self._by_uri.get(src_uri)

    def add(self, page: GeneratedPage, *, in_nav: bool = True) -> None:
        if page.src_uri in self._by_uri:
            raise ValueError(f"two generated pages at {page.src_uri}")
        self.pages.append(page)
        self._by_uri[page.src_uri] = page
        if in_nav and page.key not in self.nav_keys:
            self.nav_keys.append(page.key)

    def forget_markdown(self) -> None:
        """Drop the pages' Markdown (kept by the mkdocs pages from here on)."""
        self.pages = [replace(p, markdown="") for p in self.pages]
        self._by_uri = {p.src_uri: p for p in self.pages}

    def alternates(self, key: str) -> list[dict[str, str]]:
        """Material ``extra.alternate`` entries: the page ``key`` in every language."""
        return [
            {"name": lang.name, "link": lang.url(key), "lang": lang.html_lang}
            for lang in LANGUAGES
            if lang.src_uri(key) in self._by_uri
        ]

    def nav_uris(self, lang: Language) -> list[str]:
        """Navigation of one language tree: its home page, then reports newest first."""
        return [lang.src_uri(k) for k in self.nav_keys if lang.src_uri(k) in self._by_uri]


def generate_content(
    reports: Sequence[Report],
    ctx: SiteContext,
    glossary: SiteGlossary | None = None,
    cache: BuildCache | None = None,
    setting: str = "",
) -> SiteContent:
    """Every page of the site as Markdown, reports in ``reports`` order (newest first).

    A report's pages depend only on the report, its PO file and ``setting``
    (the converter, the glossary and the code, fingerprinted by the caller),
    so with a build ``cache`` an unchanged report's pages are not generated again.
    """
    content = SiteContent(reports=list(reports))
    generated = [_cached_report_pages(report, ctx, cache, setting) for report in reports]
    for lang in LANGUAGES:
        home = pages.home_page_of([g["home"][lang.key] for g in generated], lang)
        content.add(GeneratedPage(lang.src_uri(HOME), lang, HOME, home, "home"))
    by_key = {lang.key: lang for lang in LANGUAGES}
    for g in generated:
        for lang_key, key, kind, markdown, in_nav in g["pages"]:
            lang = by_key[lang_key]
            content.add(GeneratedPage(lang.src_uri(key), lang, key, markdown, kind), in_nav=in_nav)
    for lang in LANGUAGES:
        markdown = pages.not_found_page(lang)
        content.add(
            GeneratedPage(lang.src_uri(NOT_FOUND), lang, NOT_FOUND, markdown, "404"),
            in_nav=False,
        )
    if glossary is not None and glossary.glossary.approved():
        for lang in LANGUAGES:
            body = glossary.page_markdown(lang.key)
            title = body.splitlines()[0].lstrip("# ").strip()
            markdown = pages.front_matter(title) + "\n" + body
            content.add(GeneratedPage(lang.src_uri(GLOSSARY), lang, GLOSSARY, markdown, "glossary"))
    return content


CONTENT_NAMESPACE = "markdown"


def _cached_report_pages(
    report: Report, ctx: SiteContext, cache: BuildCache | None, setting: str
) -> dict[str, Any]:
    if cache is None or not cache.enabled:
        return report_pages(report, ctx)
    po = po_path(ctx.translations_dir, report.slug, EN.key)
    key = fingerprint(setting, report.slug, report.meta, report.body, file_digest(po))
    found = cache.get(CONTENT_NAMESPACE, key)
    if isinstance(found, dict) and "pages" in found and "home" in found:
        return found
    made = report_pages(report, ctx)
    cache.put(CONTENT_NAMESPACE, key, made)
    return made


def report_pages(report: Report, ctx: SiteContext) -> dict[str, Any]:
    """A report's six pages (three languages, each with its side-by-side view)
    as ``[language, key, kind, markdown, in navigation]`` rows, and its entry
    in each language's reports index."""
    rows: list[list[Any]] = []
    for lang in (HANS, HANT):
        rows.append([lang.key, report.slug, "report", pages.report_page(report, lang, ctx), True])
    rows.append([EN.key, report.slug, "report", pages.english_page(report, ctx), True])
    key = bilingual_key(report.slug)
    for lang in LANGUAGES:
        if lang is EN:
            title = pages.english_title(report, ctx)
        else:
            title = pages.chinese_text(report.title, report, lang.key, ctx)
        rows.append([lang.key, key, "bilingual", bilingual_page(report, lang, ctx, title), False])
    home = {lang.key: pages.home_entry(report, lang, ctx) for lang in LANGUAGES}
    return {"pages": rows, "home": home}
