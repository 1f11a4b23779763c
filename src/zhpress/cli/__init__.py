"""Command-line interface: a thin layer over the library API.

Each command group lives in its own module and registers itself on ``cli``
when imported; add a new module to the import list below.
"""

from __future__ import annotations

from zhpress.cli import (  # noqa: F401  (imported to register their commands)
    check_cmd,
    glossary_cmd,
    ingest_cmd,
    model_cmd,
    site_cmd,
    translate_cmd,
)
from zhpress.cli.app import cli


def main() -> None:
    cli(prog_name="zhpress")


__all__ = ["cli", "main"]
