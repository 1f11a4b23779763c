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
from zhpress.site.languages import EN, HANS, HANT, Language

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


def script_note(report: Report, lang: Language, ctx: SiteContext) -> str:
    """Where the page's Chinese text comes from: the original, or which OpenCC
    conversion produced it, with a link to the page in the source's script."""
    labels = lang.labels
    side = " · " + bilingual_link(report, lang)
    if report.script == lang.key:
        return md_escape(labels["original"]) + side + "\n{ .zhpress-script-note }\n"
    config = ctx.converter.to_hans_config if lang is HANS else ctx.converter.to_hant_config
    source = HANT if lang is HANS else HANS
    # a Markdown link between the two trees' .md files: mkdocs checks it
    depth = "../" * lang.prefix.count("/")
    target = f"{depth}{source.prefix}{report.slug}.md"
    return (
        md_escape(labels["converted"].format(config=config))
        + f" [{md_escape(labels['read_original'])}]({target})"
        + side
        + "\n{ .zhpress-script-note }\n"
    )


def bilingual_link(report: Report, lang: Language) -> str:
    return f"[{md_escape(lang.labels['bilingual'])}]({report.slug}/bilingual.md)"


def report_page(report: Report, lang: Language, ctx: SiteContext) -> str:
    """A report in Simplified (``HANS``) or Traditional (``HANT``) script.

    Every block carries its ``p-<id>`` anchor, which also links to the same
    paragraph on the English page.
    """
    from zhpress.site.anchors import anchor_body, body_blocks
    from zhpress.site.bilingual import relative

    title = chinese_text(report.title, report, lang.key, ctx)
    english = relative(lang.url(report.slug), EN.url(report.slug))
    link = (english, EN.html_lang, "EN", EN.name)
    body = anchor_body(report.body, body_blocks(report), link)
    return (
        front_matter(title)
        + f"\n# {md_escape(title)}\n\n"
        + meta_line(report, lang, ctx, lang.key)
        + "\n"
        + script_note(report, lang, ctx)
        + "\n"
        + rebase_images(chinese_body_text(body, report, lang.key, ctx), lang).strip("\n")
        + "\n"
    )


def chinese_body_text(body: str, report: Report, target: str, ctx: SiteContext) -> str:
    if report.script == target:
        return body
    return ctx.converter.convert_markdown(body, target)  # type: ignore[arg-type]


def english_title(report: Report, ctx: SiteContext) -> str:
    """Title of a report on English pages (page title, navigation, home list)."""
    translated = ctx.english(report).title
    if translated:
        return translated
    title = chinese_text(report.title, report, HANS.key, ctx)
    return f"{title} ({EN.labels['pending']})"


def status_banner(report: Report, ctx: SiteContext) -> str:
    """The translation state at the top of an English page, as an admonition:
    machine / reviewed / official / mixed / pending, with the counts."""
    status = ctx.english(report).status
    labels = EN.labels
    kind = {
        "official": "success",
        "reviewed": "info",
        "machine": "warning",
        "mixed": "warning",
        "pending": "danger",
        "empty": "note",
    }[status.label]
    note = labels["pending_note" if status.label == "pending" else f"status_note_{status.label}"]
    text = html.escape(status.text())
    side = f'<a href="bilingual/">{html.escape(labels["read_side_by_side"])}</a>'
    return (
        f'<div class="admonition {kind} zhpress-status-box" data-status="{status.label}">\n'
        f'<p class="admonition-title">{html.escape(labels["status_" + status.label])}</p>\n'
        f'<p class="zhpress-status" data-status="{status.label}">{text}</p>\n'
        + (f"<p>{html.escape(note)} {side}</p>\n" if note else f"<p>{side}</p>\n")
        + "</div>\n"
    )


_STATUS_LINE = re.compile(r'\A<p class="zhpress-status"[^\n]*</p>\n*')


def english_page(report: Report, ctx: SiteContext) -> str:
    """The English page of a report, rendered from its translation memory.

    Translated sentences show as English; pending ones show their Chinese
    source with a "translation pending" note, and needs-review ones a
    "source changed" marker (see ``zhpress.translate.render``). The status
    line becomes a banner at the top; every paragraph links to the same
    paragraph on the Chinese page in the source's script.
    """
    from zhpress.site.anchors import link_english_anchors
    from zhpress.site.bilingual import chinese_script, relative

    page = ctx.english(report)
    title = english_title(report, ctx)
    zh = chinese_script(report, EN)
    body = _STATUS_LINE.sub("", page.markdown)
    href = relative(EN.url(report.slug), zh.url(report.slug))
    body = link_english_anchors(body, href, zh.html_lang, "中", zh.name)
    return (
        front_matter(title)
        + f"\n# {md_escape(title)}\n\n"
        + meta_line(report, EN, ctx, HANS.key)
        + "\n"
        + status_banner(report, ctx)
        + "\n"
        + rebase_images(body, EN).strip("\n")
        + "\n"
    )


def excerpt(
    report: Report, lang: Language, ctx: SiteContext, limit: int = 140
) -> tuple[str, Language]:
    """Opening paragraph of the report for the reports index (two lines on
    screen) and its language: on English pages the Chinese (Simplified) while
    its translation is pending. A short salutation (各位代表：) is passed over
    when a real paragraph follows."""
    from zhpress.site.bilingual import plain

    blocks = [
        b
        for b in ctx.english(report).blocks
        if b.kind in ("paragraph", "item", "quote") and b.sentences
    ]
    if not blocks:
        return "", lang
    block = next((b for b in blocks if len(plain(b.zh)) >= 12), blocks[0])
    shown = HANS if lang is EN else lang
    if lang is EN and all(s.state != "pending" for s in block.sentences):
        text, shown = " ".join(s.en for s in block.sentences), EN
    else:
        text = chinese_text(plain(block.zh), report, shown.key, ctx)
    text = " ".join(text.split())
    return (text if len(text) <= limit else text[:limit].rstrip() + "…"), shown


def home_page(reports: Sequence[Report], lang: Language, ctx: SiteContext) -> str:
    """The reports index of one language tree, newest first (``reports`` order):
    date, title, source and a two-line excerpt for each."""
    return home_page_of([home_entry(report, lang, ctx) for report in reports], lang)


def home_page_of(entries: Sequence[str], lang: Language) -> str:
    """The reports index of one language tree from its ``home_entry`` lines."""
    labels = lang.labels
    lines = [front_matter(labels["home"]), f"# {md_escape(labels['home'])}", ""]
    if not entries:
        return "\n".join([*lines, md_escape(labels["empty"]), ""])
    lines += [md_escape(labels["home_intro"]), ""]
    return "\n".join([*lines, *entries]) + "\n"


def home_entry(report: Report, lang: Language, ctx: SiteContext) -> str:
    """One report's item in the reports index of ``lang``."""
    script = HANS.key if lang is EN else lang.key
    if lang is EN:
        title = md_escape(english_title(report, ctx))
    else:
        title = md_escape(chinese_text(report.title, report, script, ctx))
    entry = f"- {md_escape(display_date(report.date)) or '—'} · [{title}]({report.slug}.md)"
    source = report.meta.get("outlet") or report.meta.get("venue")
    if source:
        entry += f" · {md_escape(chinese_text(str(source), report, script, ctx))}"
    text, shown = excerpt(report, lang, ctx)
    if text:
        span = f'<span class="zhpress-excerpt" lang="{shown.html_lang}">'
        entry += f"\n  {span}{md_escape(text)}</span>"
    return entry


def not_found_page(lang: Language) -> str:
    """The 404 page of one tree, in its language, linking its reports index."""
    labels = lang.labels
    return (
        front_matter(labels["not_found"])
        + f"\n# {md_escape(labels['not_found'])}\n\n"
        + md_escape(labels["not_found_text"])
        + "\n\n"
        + f"[{md_escape(labels['back_home'])}](index.md)\n"
    )
