"""`zhpress translate`: fill translations/en/*.po; `translate import-bilingual`."""

from __future__ import annotations

from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.cli.options import DIRECTORY, docs_option, glossary_option, translations_option
from zhpress.errors import CheckFailed, SourceError


@cli.group("translate", invoke_without_command=True)
@click.option(
    "--force", is_flag=True, help="Re-translate machine translations (human ones are kept)."
)
@click.option(
    "--engine",
    "engine_kind",
    type=click.Choice(["auto", "ctranslate2", "argos", "none"]),
    default="auto",
    show_default=True,
    help="Translation engine; auto = the installed model if any, else none (entries stay pending).",
)
@click.option(
    "--threads",
    type=click.IntRange(min=0),
    default=0,
    help="CPU threads for the model (0 = $ZHPRESS_THREADS or all).",
)
@click.option("--strict", is_flag=True, help="Fail (exit 9) if any segment is still pending.")
@docs_option("Directory of Chinese reports (written by `zhpress ingest`).")
@translations_option("Translation memory directory (PO files).")
@glossary_option("Glossary directory whose approved terms are enforced.")
@click.option(
    "--models-dir",
    type=DIRECTORY,
    default=None,
    help="Where models are installed (default: as for `zhpress model`).",
)
@click.pass_context
def translate_group(
    ctx: click.Context,
    force: bool,
    engine_kind: str,
    threads: int,
    strict: bool,
    docs_dir: Path,
    translations_dir: Path,
    glossary_dir: Path,
    models_dir: Path | None,
) -> None:
    """Translate the reports into English, reusing the translation memory.

    Only segments that are missing or whose source changed go to the engine;
    translations a human wrote or approved are never replaced. Without a model
    every segment still gets a PO entry (empty, pending) for translators.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not docs_dir.is_dir():
        raise SourceError(
            "no reports directory", path=docs_dir, hint="run `zhpress ingest` first, or pass --docs"
        )
    from zhpress.translate.project import load_terms, open_engine, translate_project

    terms = load_terms(glossary_dir)
    engine = open_engine(engine_kind, threads=threads, models_dir=models_dir)
    if engine is None:
        click.echo("zhpress: no translation model in use; new segments stay pending", err=True)
    try:
        summary = _run_with_progress(
            lambda progress: translate_project(
                docs_dir, translations_dir, engine, terms, force=force, progress=progress
            )
        )
    finally:
        if engine is not None:
            engine.close()
    for rs in summary.reports:
        click.echo(
            f"{rs.slug}: {rs.segments} segments, {rs.machine} machine-translated, "
            f"{rs.reused} reused, {rs.pending} pending, {rs.needs_review} need review"
        )
    written = sum(rs.written for rs in summary.reports)
    click.echo(
        f"translated {summary.total('machine')} segment(s), reused {summary.total('reused')}, "
        f"{summary.pending} pending, {summary.total('needs_review')} need review; "
        f"{written} PO file(s) updated"
    )
    if strict and summary.pending:
        raise CheckFailed(
            f"{summary.pending} segment(s) pending",
            path=translations_dir,
            hint="install a model (`zhpress model install`) or translate them in the PO files",
        )


def _run_with_progress(run):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        return run(None)
    with Progress(
        TextColumn("translating"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("translate", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run(progress)


@translate_group.command("import-bilingual")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--slug", help="Name of the report (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace an existing different report of that name.")
@docs_option("Directory of Chinese reports.")
@translations_option("Translation memory directory (PO files).")
def import_bilingual_cmd(
    file: Path, slug: str | None, force: bool, docs_dir: Path, translations_dir: Path
) -> None:
    """Import an official bilingual edition (each Chinese line followed by its English).

    Writes the Chinese report to docs/ and the English as official, approved
    translations, aligned paragraph by paragraph.
    """
    run_import_bilingual(file, docs_dir, translations_dir, slug=slug, force=force)


def run_import_bilingual(
    file: Path, docs_dir: Path, translations_dir: Path, *, slug: str | None, force: bool
) -> None:
    """Shared by `translate import-bilingual` and `ingest --bilingual`."""
    from zhpress.translate.bilingual import import_bilingual

    summary = import_bilingual(file, docs_dir, translations_dir, slug=slug, force=force)
    click.echo(
        f"imported {summary.slug}: {summary.paragraphs} paragraph(s), "
        f"{summary.sentence_aligned} split into sentences, "
        f"{summary.paragraph_aligned} kept whole; wrote {summary.report_path} and {summary.po_path}"
    )
