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
def ingest_command(path: Path, docs_dir: Path, force: bool) -> None:
    """Clean and structure raw reports (PATH: a file or directory, default sources/)."""
    summary = ingest_path(path, docs_dir, force=force, repo_root=find_project_root())
    for target in summary.written:
        click.echo(f"wrote {target.as_posix()}")
    for warning in summary.warnings:
        click.echo(f"zhpress: warning: {warning}", err=True)
    for source in summary.ignored:
        click.echo(f"ignored {source.as_posix()} (unsupported file type)")
    summary.raise_for_errors()
