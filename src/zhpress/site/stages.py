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

from zhpress.buildcache import BuildCache
from zhpress.convert import ScriptConverter
from zhpress.errors import ConfigError, SourceError, ZhpressError
from zhpress.glossary.site import SiteGlossary, load_site_glossary
from zhpress.report import Report, list_reports
from zhpress.site.context import SiteContext
from zhpress.site.languages import RESERVED_SLUGS
from zhpress.translate.project import open_engine, translate_project

log = logging.getLogger("mkdocs.plugins.zhpress")

_SAFE_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")

Warn = Callable[[str], None]


def make_converter(variant: str, glossary_dir: Path) -> ScriptConverter:
    """The script converter every page of the build uses, before glossary overrides.

    ``load_glossary_stage`` replaces it with the same variant plus the
    glossary's exact term conversions.
    """
    return ScriptConverter(variant)


def load_glossary_stage(ctx: SiteContext) -> SiteGlossary:
    """Check and load glossary/ (a broken glossary stops the build with every
    problem listed, as `zhpress glossary check` prints them) and make the
    build's converter honour its terms."""
    glossary = load_site_glossary(ctx.glossary_dir, ctx.converter)
    ctx.converter = glossary.converter
    return glossary


def translate_stage(
    ctx: SiteContext, glossary: SiteGlossary, warn: Warn, cache: BuildCache | None = None
) -> None:
    """Bring translations/ up to date with docs/ and say what is still pending.

    Uses the installed zh->en model when there is one; without a model every
    segment still gets a (pending) PO entry so translators can work.
    """
    engine = open_engine("auto")
    if engine is None:
        # A damaged install is skipped by `auto`; say so, or the English would
        # silently stay pending on a machine where someone installed a model.
        from zhpress.translate.models import broken_packages

        for problem in broken_packages():
            warn(f"installed model not usable: {problem}")
    try:
        summary = translate_project(
            ctx.docs_dir,
            ctx.translations_dir,
            engine,
            glossary.glossary.translation_terms(),
            cache=cache,
        )
    finally:
        if engine is not None:
            engine.close()
    machine = sum(r.machine for r in summary.reports)
    if machine:
        log.info("zhpress: machine-translated %d segment(s) with %s", machine, engine.version)
    pending = summary.pending
    if pending:
        where = ", ".join(f"{r.slug} ({r.pending})" for r in summary.reports if r.pending)
        warn(
            f"{pending} English segment(s) pending translation: {where}; "
            "install a model (`zhpress model install`) and run `zhpress translate`, "
            "or translate them in translations/en/*.po"
        )


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


# Source files the last build could not ingest. The build goes on with the
# other reports (one bad file must not take the site down) and `zhpress
# build` exits non-zero afterwards with these errors; see take_source_errors.
_source_errors: list[ZhpressError] = []


def ingest(ctx: SiteContext, warn: Warn) -> None:
    try:
        from zhpress.ingest import ingest_path
    except ImportError:
        warn("the ingest stage is not installed; building from docs/ as it is")
        return
    summary = ingest_path(ctx.sources_dir, ctx.docs_dir, repo_root=ctx.root)
    _source_errors.clear()
    for error in list(getattr(summary, "errors", []) or []):
        _source_errors.append(error)
        log.error("zhpress: %s (the other reports are still built)", error)
    for message in getattr(summary, "warnings", []) or []:
        log.warning("zhpress: %s", message)
    written = getattr(summary, "written", None)
    if written:
        log.info("zhpress: ingested %d changed source file(s)", len(written))


def take_source_errors() -> list[ZhpressError]:
    """The ingest errors of the last build (and forget them)."""
    errors = list(_source_errors)
    _source_errors.clear()
    return errors


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
