"""Options several commands share, declared once so their names, defaults and
help read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

DIRECTORY = click.Path(path_type=Path, file_okay=False)


def _dir_option(flag: str, dest: str, default: str, help: str) -> Callable[[F], F]:
    return click.option(
        flag, dest, type=DIRECTORY, default=Path(default), show_default=True, help=help
    )


def docs_option(help: str = "Directory of canonical Chinese reports.") -> Callable[[F], F]:
    return _dir_option("--docs", "docs_dir", "docs", help)


def translations_option(
    help: str = "Translation memory directory (PO files).",
) -> Callable[[F], F]:
    return _dir_option("--translations", "translations_dir", "translations", help)


def glossary_option(help: str = "Glossary directory.") -> Callable[[F], F]:
    return _dir_option("--glossary", "glossary_dir", "glossary", help)
