"""The root click group and the single place where errors become exit codes."""

from __future__ import annotations

import sys

import click

from zhpress import __version__
from zhpress.errors import MultipleErrors, ZhpressError


class ZhpressGroup(click.Group):
    """Turns every ZhpressError into one line per problem and its exit code."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except MultipleErrors as exc:
            for line in exc.lines():
                click.echo(f"zhpress: error: {line}", err=True)
            click.echo(f"zhpress: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except ZhpressError as exc:
            click.echo(f"zhpress: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("zhpress: interrupted; files already written are complete", err=True)
            sys.exit(130)


@click.group(cls=ZhpressGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhpress")
def cli() -> None:
    """zhpress: publish Chinese reports as a Simplified, Traditional and English site.

    Typical use: put raw reports in sources/, then run `zhpress build`.
    """
