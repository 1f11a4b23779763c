"""`zhpress check`: quality findings for English translations (PO files)."""

from __future__ import annotations

from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.errors import CheckFailed
from zhpress.translate.checks import KINDS

_DIRS = click.Path(path_type=Path, file_okay=False)


@cli.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--only", type=click.Choice(KINDS), help="Run one kind of check only.")
@click.option("--strict", is_flag=True, help="Exit non-zero (9) when there is any error.")
@click.option(
    "--translations",
    "translations_dir",
    type=_DIRS,
    default=Path("translations"),
    show_default=True,
    help="Project translation memory checked when no FILE is given.",
)
@click.option(
    "--glossary",
    "glossary_dir",
    type=_DIRS,
    default=Path("glossary"),
    show_default=True,
    help="Glossary whose approved terms the translations must use.",
)
def check_command(
    files: tuple[Path, ...],
    only: str | None,
    strict: bool,
    translations_dir: Path,
    glossary_dir: Path,
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
    result = check_files(paths, terms, only=only)
    for finding in result.findings:
        click.echo(str(finding))
    # The glossary's own findings (ambiguous terms in reports) are added here by
    # the site/glossary integration: extend `result.findings` before the summary.
    if result.files > 1:
        for path, (errors, warnings) in result.by_file().items():
            click.echo(f"{path}: {errors} error(s), {warnings} warning(s)")
    click.echo(f"check: {result.summary()}")
    if strict and result.errors:
        raise CheckFailed(f"{result.errors} error(s) found", hint="see the findings above")
