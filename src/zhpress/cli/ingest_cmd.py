"""`zhpress ingest`: raw reports in sources/ -> canonical Markdown in docs/."""

from __future__ import annotations

from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.ingest import find_project_root, ingest_path


@cli.command("ingest")
@click.argument("path", required=False, default="sources", type=click.Path(path_type=Path))
@click.option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory the canonical reports are written to.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Re-ingest sources even when they are unchanged (overwrites hand edits in docs/).",
)
@click.option(
    "--bilingual",
    "bilingual_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Import an official bilingual edition (each Chinese line followed by its English) "
    "as a report plus official translations, instead of ingesting PATH.",
)
@click.option("--slug", help="With --bilingual: name of the report (default: from the file name).")
@click.option(
    "--translations",
    "translations_dir",
    default="translations",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="With --bilingual: translation memory directory the English goes to.",
)
def ingest_command(
    path: Path,
    docs_dir: Path,
    force: bool,
    bilingual_file: Path | None,
    slug: str | None,
    translations_dir: Path,
) -> None:
    """Clean and structure raw reports (PATH: a file or directory, default sources/)."""
    if bilingual_file is not None:
        from zhpress.cli.translate_cmd import run_import_bilingual

        run_import_bilingual(bilingual_file, docs_dir, translations_dir, slug=slug, force=force)
        return
    summary = ingest_path(path, docs_dir, force=force, repo_root=find_project_root())
    for target in summary.written:
        click.echo(f"wrote {target.as_posix()}")
    for warning in summary.warnings:
        click.echo(f"zhpress: warning: {warning}", err=True)
    for source in summary.ignored:
        click.echo(f"ignored {source.as_posix()} (unsupported file type)")
    summary.raise_for_errors()
