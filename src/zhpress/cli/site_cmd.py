"""`zhpress build` and `zhpress serve`: the site through mkdocs' Python API."""

from __future__ import annotations

import click

from zhpress.cli.app import cli

_CONFIG_HELP = "mkdocs configuration file of the project."


@cli.command("build")
@click.option(
    "-f",
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help=_CONFIG_HELP,
)
@click.option("--strict", is_flag=True, help="Fail on any warning from mkdocs or the pipeline.")
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Write the site here instead of mkdocs.yml's site_dir (build/site).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show mkdocs' progress messages.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Render every page again instead of reusing unchanged ones from .cache/zhpress/.",
)
def build_cmd(
    config_file: str, strict: bool, site_dir: str | None, verbose: bool, no_cache: bool
) -> None:
    """Ingest changed sources, convert, render and build the three-language site.

    Same result as `mkdocs build`: the pipeline runs inside the zhpress mkdocs
    plugin. Output goes to build/site/ (Simplified at /, Traditional at
    /zh-Hant/, English at /en/). Pages whose inputs did not change are reused
    from the build cache in .cache/zhpress/ (same bytes as a fresh render).
    """
    from zhpress.site.build import build_site

    out = build_site(
        config_file, strict=strict, site_dir=site_dir, verbose=verbose, cache=not no_cache
    )
    click.echo(f"zhpress: site built in {click.format_filename(str(out))}")


@cli.command("serve")
@click.option(
    "-f",
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help=_CONFIG_HELP,
)
@click.option(
    "-a",
    "--dev-addr",
    default=None,
    metavar="IP:PORT",
    help="Address to serve on (default: mkdocs.yml's dev_addr, 127.0.0.1:8000).",
)
@click.option("-o", "--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.option("-v", "--verbose", is_flag=True, help="Show mkdocs' debug messages.")
def serve_cmd(config_file: str, dev_addr: str | None, open_browser: bool, verbose: bool) -> None:
    """Serve the site with live reload.

    Edits to sources/, glossary/, translations/ and docs/ rebuild the site.
    """
    from zhpress.site.build import serve_site

    serve_site(config_file, dev_addr=dev_addr, open_browser=open_browser, verbose=verbose)
