"""`zhpress check`: quality findings for English translations (PO files)."""

from __future__ import annotations

from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.cli.options import docs_option, glossary_option, translations_option
from zhpress.errors import CheckFailed
from zhpress.translate.checks import KINDS


@cli.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--only",
    type=click.Choice((*KINDS, "ambiguity")),
    help="Run one kind of check only (ambiguity: one-to-many Simplified characters "
    "OpenCC had to guess, outside glossary terms and OpenCC phrases).",
)
@click.option("--strict", is_flag=True, help="Exit non-zero (9) when there is any error.")
@translations_option("Project translation memory checked when no FILE is given.")
@glossary_option("Glossary whose approved terms the translations must use.")
@docs_option("Canonical reports reviewed for ambiguous conversions when no FILE is given.")
@click.option(
    "--variant",
    type=click.Choice(("tw", "hk", "t", "twp")),
    default="tw",
    show_default=True,
    help="Traditional variant the ambiguity review converts to (as in mkdocs.yml).",
)
def check_command(
    files: tuple[Path, ...],
    only: str | None,
    strict: bool,
    translations_dir: Path,
    glossary_dir: Path,
    docs_dir: Path,
    variant: str,
) -> None:
    """Check translations: numbers, glossary terms, untranslated Chinese, length, pending.

    Reads the given PO files (any gettext PO file), or the whole project's
    translations/en/*.po. Prints one `path:line: [kind] message` per finding
    and a summary.
    """
    from zhpress.translate.checks import check_files, project_po_files
    from zhpress.translate.project import load_terms

    terms = load_terms(glossary_dir) if only in (None, "glossary") else []
    paths = list(files) or project_po_files(translations_dir)
    if only == "ambiguity":
        paths = []
    result = check_files(paths, terms, only=only)
    if not files and only in (None, "ambiguity") and docs_dir.is_dir():
        result.findings.extend(_ambiguities(docs_dir, glossary_dir, variant))
    for finding in result.findings:
        click.echo(str(finding))
    if result.files > 1:
        for path, (errors, warnings) in result.by_file().items():
            click.echo(f"{path}: {errors} error(s), {warnings} warning(s)")
    click.echo(f"check: {result.summary()}")
    if strict and result.errors:
        raise CheckFailed(f"{result.errors} error(s) found", hint="see the findings above")


def _ambiguities(docs_dir: Path, glossary_dir: Path, variant: str) -> list:
    """Conversion choices a translator should lock with a glossary entry (warnings)."""
    from zhpress.convert import ScriptConverter
    from zhpress.glossary.ambiguity import report_findings
    from zhpress.glossary.site import load_site_glossary
    from zhpress.translate.checks import WARNING, Finding

    site_glossary = load_site_glossary(glossary_dir, ScriptConverter(variant))
    found = report_findings(docs_dir, site_glossary.converter, site_glossary.glossary)
    return [Finding(f.path, f.line, "ambiguity", WARNING, f.message) for f in found]
