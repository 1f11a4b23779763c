"""Markdown for every generated page: reports in three languages and home pages.

Everything here is a pure function of the reports and the site context, so
two builds of the same inputs produce the same pages. Text that came from a
source file is untrusted: it is escaped before it reaches Markdown or HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import PurePosixPath

import yaml

from zhpress.report import Report
from zhpress.site.context import SiteContext
from zhpress.site.languages import EN, HANS, Language

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")


def md_escape(text: str) -> str:
    """Escape text for use inline in Markdown (no markup, no raw HTML)."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def front_matter(title: str, **extra: object) -> str:
    # The theme prints page.meta.title into HTML without escaping it.
    meta = {"title": html.escape(title, quote=True), **extra}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def display_date(date: str) -> str:
    """ISO date or date-time as readers expect it: 2024-01-23 or 2024-01-23 07:40."""
    text = str(date).replace("T", " ")
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2})(?::\d{2})?.*)?", text)
    if not match:
        return text
    return match.group(1) + (f" {match.group(2)}" if match.group(2) else "")


def chinese_text(text: str, report: Report, target: str, ctx: SiteContext) -> str:
    """Plain text of ``report`` (title, venue...) in ``target`` script."""
    if not text or report.script == target:
        return text
    return ctx.converter.convert(text, target)  # type: ignore[arg-type]


def chinese_body(report: Report, target: str, ctx: SiteContext) -> str:
    """The report's Markdown body in ``target`` script.

    The canonical body is never round-tripped: a Traditional source is shown
    as written on the Traditional page and converted only for Simplified.
    """
    if report.script == target:
        return report.body
    return ctx.converter.convert_markdown(report.body, target)  # type: ignore[arg-type]


_IMAGE = re.compile(r"(!\[[^\]\n]*\]\()([^)\s<>]+)")
_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|#)")


def rebase_images(body: str, lang: Language) -> str:
    """Point relative image paths of docs/ at the same files from a language subtree.

    Images live once in docs/; a page at zh-Hant/<slug>.md must reach them
    one directory up. Links to other reports (.md) stay inside the tree.
    """
    depth = lang.prefix.count("/")
    if not depth:
        return body

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if _ABSOLUTE.match(target):
            return match.group(0)
        return match.group(1) + "../" * depth + target

    return _IMAGE.sub(fix, body)


def meta_line(report: Report, lang: Language, ctx: SiteContext, script: str) -> str:
    """One visible line with date and source, as a Markdown paragraph."""
    labels = lang.labels
    meta = report.meta
    items: list[tuple[str, str]] = []
    if report.date:
        items.append((labels["date"], display_date(report.date)))
    for key, label in (("outlet", "source"), ("venue", "venue"), ("speaker", "speaker")):
        if meta.get(key):
            items.append((labels[label], chinese_text(str(meta[key]), report, script, ctx)))
    authors = meta.get("authors")
    if isinstance(authors, list) and authors:
        names = "、".join(str(a) for a in authors)
        items.append((labels["authors"], chinese_text(names, report, script, ctx)))
    if meta.get("source_file"):
        items.append((labels["file"], PurePosixPath(str(meta["source_file"])).name))
    sep = ": " if lang is EN else "："
    parts = [f"{md_escape(label)}{sep}{md_escape(value)}" for label, value in items]
    return " · ".join(parts) + "\n{ .zhpress-meta }\n" if parts else ""


def report_page(report: Report, lang: Language, ctx: SiteContext) -> str:
    """A report in Simplified (``HANS``) or Traditional (``HANT``) script."""
    title = chinese_text(report.title, report, lang.key, ctx)
    return (
        front_matter(title)
        + f"\n# {md_escape(title)}\n\n"
        + meta_line(report, lang, ctx, lang.key)
        + "\n"
        + rebase_images(chinese_body(report, lang.key, ctx), lang).strip("\n")
        + "\n"
    )


def english_title(report: Report, ctx: SiteContext) -> str:
    """Title of a report on English pages (page title, navigation, home list)."""
    translated = ctx.english(report).title
    if translated:
        return translated
    title = chinese_text(report.title, report, HANS.key, ctx)
    return f"{title} ({EN.labels['pending']})"


def english_page(report: Report, ctx: SiteContext) -> str:
    """The English page of a report, rendered from its translation memory.

    Translated sentences show as English; pending ones show their Chinese
    source with a "translation pending" note, and needs-review ones a
    "source changed" marker (see ``zhpress.translate.render``).
    """
    page = ctx.english(report)
    title = english_title(report, ctx)
    notice = ""
    if page.title is None:
        notice = f'\n!!! warning "{EN.labels["pending"]}"\n\n    {EN.labels["pending_note"]}\n'
    return (
        front_matter(title)
        + f"\n# {md_escape(title)}\n\n"
        + meta_line(report, EN, ctx, HANS.key)
        + notice
        + "\n"
        + rebase_images(page.markdown, EN).strip("\n")
        + "\n"
    )


def home_page(reports: Sequence[Report], lang: Language, ctx: SiteContext) -> str:
    """The report list of one language tree, newest first (``reports`` order)."""
    labels = lang.labels
    lines = [front_matter(labels["home"]), f"# {md_escape(labels['home'])}", ""]
    if not reports:
        return "\n".join([*lines, md_escape(labels["empty"]), ""])
    lines += [md_escape(labels["home_intro"]), ""]
    script = HANS.key if lang is EN else lang.key
    for report in reports:
        if lang is EN:
            title = md_escape(english_title(report, ctx))
        else:
            title = md_escape(chinese_text(report.title, report, script, ctx))
        entry = f"- {md_escape(display_date(report.date)) or '—'} · [{title}]({report.slug}.md)"
        source = report.meta.get("outlet") or report.meta.get("venue")
        if source:
            entry += f" · {md_escape(chinese_text(str(source), report, script, ctx))}"
        lines.append(entry)
    return "\n".join(lines) + "\n"
