"""`zhpress glossary ...`: check, suggest, ambiguities, pages, jieba-dict."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.cli.options import glossary_option
from zhpress.errors import MultipleErrors
from zhpress.fsutil import atomic_write_text


@cli.group("glossary")
def glossary_group() -> None:
    """Validate and extend the terminology glossary (glossary/*.yaml)."""


def _site_converter(variant: str):
    from zhpress.convert import ScriptConverter

    return ScriptConverter(variant)


@glossary_group.command("check")
@click.argument("directory", default="glossary", type=click.Path(path_type=Path))
def check_cmd(directory: Path) -> None:
    """Validate every glossary file in DIRECTORY (default: glossary/).

    Lists all problems at once, one `file:line: message` per line, and exits
    non-zero when there are any.
    """
    from zhpress.glossary import check_glossary, load_glossary

    problems = check_glossary(directory)
    if problems:
        raise MultipleErrors(
            [p.to_error() for p in problems],
            summary=f"glossary check failed: {len(problems)} problem(s)",
        )
    glossary = load_glossary(directory)
    approved = len(glossary.approved())
    files = len({e.file for e in glossary.entries})
    click.echo(
        f"glossary OK: {len(glossary)} terms ({approved} approved, "
        f"{len(glossary) - approved} proposed) in {files} file(s)"
    )


@glossary_group.command("suggest")
@click.option(
    "--corpus",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Directory (or file) of reports to mine: docs/ or sources/.",
)
@glossary_option("Glossary directory; its terms are not proposed again.")
@click.option(
    "--min-count",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Minimum occurrences for an unquoted expression (quoted ones always count).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@click.option(
    "--append",
    "append_to",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append the suggestions as `status: proposed` entries to this glossary file.",
)
def suggest_cmd(
    corpus: Path, glossary_dir: Path, min_count: int, limit: int | None, append_to: Path | None
) -> None:
    """Propose terms from the corpus that the glossary does not have yet.

    Each line: count, term, why (quoted or frequent) and where it first occurs.
    """
    from zhpress.glossary import load_glossary
    from zhpress.glossary.model import Glossary
    from zhpress.glossary.suggest import append_proposed, suggest_terms

    glossary = load_glossary(glossary_dir) if glossary_dir.is_dir() else Glossary([])
    suggestions = suggest_terms(corpus, glossary, min_count=min_count, limit=limit)
    for s in suggestions:
        click.echo(str(s))
    click.echo(f"{len(suggestions)} suggestion(s)", err=True)
    if append_to is not None:
        added = append_proposed(append_to, suggestions)
        click.echo(f"appended {added} proposed entr(ies) to {append_to}", err=True)


@glossary_group.command("ambiguities")
@click.argument("docs_dir", default="docs", type=click.Path(path_type=Path))
@glossary_option("Glossary directory; text inside its terms is not reported.")
@click.option(
    "--variant",
    default="tw",
    show_default=True,
    help="Traditional variant the site uses (tw, hk, t, twp).",
)
@click.option(
    "--chars",
    help="Characters to review, e.g. 发干后, or 'all' for every one-to-many "
    "character in OpenCC's tables (default: a curated list of real homographs).",
)
@click.option("--summary", is_flag=True, help="Print only counts per character.")
def ambiguities_cmd(
    docs_dir: Path, glossary_dir: Path, variant: str, chars: str | None, summary: bool
) -> None:
    """List places where a one-to-many Simplified character (发 干 里 后 ...) was
    converted by OpenCC's character default, outside any glossary term or OpenCC
    phrase, so a translator can lock the right form with a glossary entry."""
    from zhpress.glossary import load_glossary
    from zhpress.glossary.ambiguity import report_findings
    from zhpress.glossary.model import Glossary

    glossary = load_glossary(glossary_dir) if glossary_dir.is_dir() else Glossary([])
    base = _site_converter(variant)
    converter = base.with_overrides(s2t_overrides=glossary.conversion_overrides("s2t", base))
    if chars == "all":
        from zhpress.glossary.opencc_data import one_to_many

        chars = "".join(one_to_many())
    findings = report_findings(docs_dir, converter, glossary, chars=chars)
    if summary:
        counts = Counter((f.char, f.converted) for f in findings)
        for (char, became), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"{n:5d}  {char} -> {became}")
    else:
        for f in findings:
            click.echo(str(f))
    click.echo(f"{len(findings)} place(s) to review", err=True)


@glossary_group.command("pages")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@glossary_option("Glossary directory.")
@click.option("--variant", default="tw", show_default=True, help="Traditional variant.")
def pages_cmd(out_dir: Path, glossary_dir: Path, variant: str) -> None:
    """Write the glossary page of each language (hans.md, hant.md, en.md) to OUT_DIR."""
    from zhpress.glossary import load_glossary
    from zhpress.glossary.pages import LANGS, glossary_page_markdown

    glossary = load_glossary(glossary_dir)
    base = _site_converter(variant)
    converter = base.with_overrides(s2t_overrides=glossary.conversion_overrides("s2t", base))
    for lang in LANGS:
        path = out_dir / f"{lang}.md"
        atomic_write_text(path, glossary_page_markdown(glossary, lang, converter))
        click.echo(str(path))


@glossary_group.command("jieba-dict")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@glossary_option("Glossary directory.")
def jieba_dict_cmd(path: Path, glossary_dir: Path) -> None:
    """Write the glossary as a jieba user dictionary to PATH (both scripts)."""
    from zhpress.glossary import load_glossary
    from zhpress.glossary.jieba_dict import write_jieba_userdict

    write_jieba_userdict(load_glossary(glossary_dir), path)
    click.echo(str(path))
