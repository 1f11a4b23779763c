"""The pipeline stages the site runs before mkdocs renders anything.

``prepare_reports`` is the single place where a build ingests sources and
loads the canonical reports; later stages (glossary check, translation) hook
in here so `zhpress build`, `mkdocs build` and `mkdocs serve` all run them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from zhpress.convert import ScriptConverter
from zhpress.errors import ConfigError, MultipleErrors, SourceError, ZhpressError
from zhpress.report import Report, list_reports
from zhpress.site.context import SiteContext
from zhpress.site.languages import RESERVED_SLUGS

log = logging.getLogger("mkdocs.plugins.zhpress")

_SAFE_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")

Warn = Callable[[str], None]


def make_converter(variant: str, glossary_dir: Path) -> ScriptConverter:
    """The script converter every page of the build uses.

    Glossary seam: glossary entries become exact conversion overrides here,
    e.g. ``base.with_overrides(s2t_overrides=glossary.conversion_overrides("s2t",
    base), t2s_overrides=glossary.conversion_overrides("t2s", base))``.
    Until the glossary is wired in, OpenCC alone decides.
    """
    return ScriptConverter(variant)


def prepare_reports(ctx: SiteContext, warn: Warn) -> list[Report]:
    """Ingest what changed in ``sources/`` and return the reports, newest first."""
    if not ctx.sources_dir.is_dir():
        raise ConfigError(
            "sources directory not found",
            path=ctx.relative(ctx.sources_dir),
            hint="create it and put the raw reports in it, or set plugins.zhpress.sources_dir",
        )
    ctx.docs_dir.mkdir(parents=True, exist_ok=True)
    ingest(ctx, warn)
    try:
        reports = list_reports(ctx.docs_dir)
    except ZhpressError as exc:
        if exc.path:  # name the file as the user knows it: docs/<slug>.md
            exc.path = ctx.relative(Path(exc.path))
        raise
    for report in reports:
        check_slug(report, ctx)
    return reports


def ingest(ctx: SiteContext, warn: Warn) -> None:
    try:
        from zhpress.ingest import ingest_path
    except ImportError:
        warn("the ingest stage is not installed; building from docs/ as it is")
        return
    summary = ingest_path(ctx.sources_dir, ctx.docs_dir, repo_root=ctx.root)
    errors: list[ZhpressError] = list(getattr(summary, "errors", []) or [])
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise MultipleErrors(errors, summary=f"{len(errors)} source files could not be ingested")
    written = getattr(summary, "written", None)
    if written:
        log.info("zhpress: ingested %d changed source file(s)", len(written))


def check_slug(report: Report, ctx: SiteContext) -> None:
    path = ctx.relative(report.path) if report.path else report.slug
    if not _SAFE_SLUG.fullmatch(report.slug):
        raise SourceError(
            f"report file name {report.slug!r} is not a safe URL slug",
            path=path,
            hint="use ASCII letters, digits and '-' only (zhpress ingest does this)",
        )
    if report.slug.lower() in RESERVED_SLUGS:
        raise SourceError(
            f"report slug {report.slug!r} clashes with a site path",
            path=path,
            hint="rename the file in docs/",
        )


def content_epoch(reports: list[Report]) -> int:
    """A build timestamp derived from the content: midnight UTC of the newest date.

    mkdocs writes the build date into sitemap.xml and the gzip header of
    sitemap.xml.gz; using this instead of the wall clock (via
    SOURCE_DATE_EPOCH) keeps two builds of the same reports byte-identical.
    """
    dates = []
    for report in reports:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", report.date)
        if match:
            try:
                dates.append(datetime(*map(int, match.groups()), tzinfo=UTC))
            except ValueError:
                continue
    return int(max(dates).timestamp()) if dates else 0
