"""Command-line interface: a thin layer over the library API.

Each command group lives in its own module and registers itself on ``cli``.
"""

from __future__ import annotations

from zhpress.cli.app import cli

# Imported for their side effect of registering commands on ``cli``.
# One module per command group; add yours to this list.
# e.g. `from zhpress.cli import ingest_cmd  # noqa: E402,F401`
from zhpress.cli import check_cmd  # noqa: E402,F401
from zhpress.cli import glossary_cmd  # noqa: E402,F401
from zhpress.cli import ingest_cmd  # noqa: E402,F401
from zhpress.cli import model_cmd  # noqa: E402,F401
from zhpress.cli import site_cmd  # noqa: E402,F401
from zhpress.cli import translate_cmd  # noqa: E402,F401


def main() -> None:
    cli(prog_name="zhpress")


__all__ = ["cli", "main"]
