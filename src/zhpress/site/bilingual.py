"""The side-by-side view of a report: Chinese and English paragraph by paragraph.

One page per report in each language tree (``<tree>/<slug>/bilingual/``):
the Chinese column is in the tree's script (the English tree shows the
source's own script), the English column comes from the translation memory
with the same pending / needs-review marks as the English page. Each row has
the stable anchor ``p-<block id>`` shared with the single-language pages, and
links to the same paragraph on each of them. The rows are a CSS grid that
stacks on narrow screens (``assets/zhpress.css``).
"""

from __future__ import annotations

import html
import posixpath
import re

from zhpress.report import Report
from zhpress.site.context import SiteContext
from zhpress.site.languages import EN, HANS, HANT, Language
from zhpress.translate.memory import NEEDS_REVIEW, PENDING
from zhpress.translate.render import RenderedBlock, RenderedSentence

KEY_SUFFIX = "/bilingual"

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`+([^`]*)`+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")
_TAG = re.compile(r"<[^>]+>")


def bilingual_key(slug: str) -> str:
    """The page key shared by a report's three bilingual pages."""
    return slug + KEY_SUFFIX


def plain(markdown_text: str) -> str:
    """Reader-visible text of one block of Markdown (links, code, emphasis unwrapped)."""
    text = _LINK.sub(r"\1", markdown_text)
    text = _CODE.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _TAG.sub("", text)
    # character references (&lt; for a literal "<") are text, escaped again on output
    return " ".join(html.unescape(text).split())


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs."""
    rel = posixpath.relpath("/" + to_url, "/" + (from_url or "."))
    return rel + "/" if to_url.endswith("/") or not to_url else rel


def _sentence_html(s: RenderedSentence) -> str:
    if s.state == PENDING:
        return '<span class="zhpress-pending-en">(translation pending)</span>'
    text = html.escape(" ".join(s.en.split()))
    if s.state == NEEDS_REVIEW:
        label = "source changed" if s.previous_zh else "needs review"
        reason = html.escape(s.note or label, quote=True)
        return f'<mark class="zhpress-review" title="{reason}">{label}</mark> {text}'
    return text


def _english(sentences: list[RenderedSentence]) -> str:
    # a run of pending sentences is one "(translation pending)", not one per sentence
    parts: list[str] = []
    for s in sentences:
        text = _sentence_html(s)
        if not (s.state == PENDING and parts and parts[-1] == text):
            parts.append(text)
    return " ".join(parts)


def _chinese(block: RenderedBlock, report: Report, script: str, ctx: SiteContext) -> str:
    text = plain(block.zh)
    if report.script != script and text:
        text = ctx.converter.convert(text, script)  # type: ignore[arg-type]
    return html.escape(text)


def chinese_script(report: Report, lang: Language) -> Language:
    """The script of the Chinese column in ``lang``'s tree."""
    if lang is EN:
        return HANT if report.script == HANT.key else HANS
    return lang


def bilingual_page(report: Report, lang: Language, ctx: SiteContext, title: str) -> str:
    """Markdown (one raw HTML grid) of the bilingual view in ``lang``'s tree."""
    from zhpress.site.pages import front_matter, md_escape

    here = lang.url(bilingual_key(report.slug))
    zh_lang = chinese_script(report, lang)
    zh_page = relative(here, zh_lang.url(report.slug))
    en_page = relative(here, EN.url(report.slug))
    heading = lang.labels["bilingual_title"].format(title=title)
    rows: list[str] = []
    for block in ctx.english(report).blocks:
        if block.kind in ("title", "raw") or not block.sentences:
            continue
        zh = _chinese(block, report, zh_lang.key, ctx)
        en = _english(block.sentences)
        kind = "heading" if block.kind == "heading" else "text"
        anchor = block.anchor
        rows.append(
            f'<div class="zhpress-row zhpress-row--{kind}" id="{anchor}">'
            f'<div class="zhpress-zh" lang="{zh_lang.html_lang}">'
            f'<a class="zhpress-goto" href="{zh_page}#{anchor}" target="_self" '
            f'hreflang="{zh_lang.html_lang}" title="{zh_lang.name}">¶</a>{zh}</div>'
            f'<div class="zhpress-en" lang="en">'
            f'<a class="zhpress-goto" href="{en_page}#{anchor}" target="_self" '
            f'hreflang="en" title="English">¶</a>{en}</div></div>'
        )
    grid = '<div class="zhpress-bilingual">' + "".join(rows) + "</div>"
    return (
        front_matter(heading, hide=["toc"])  # the two columns need the width
        + f"\n# {md_escape(heading)}\n\n"
        + md_escape(lang.labels["bilingual_intro"])
        + "\n{ .zhpress-meta }\n\n"
        + grid
        + "\n"
    )
