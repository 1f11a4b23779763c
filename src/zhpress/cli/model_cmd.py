"""`zhpress model ...`: install and list offline translation models."""

from __future__ import annotations

import os
from pathlib import Path

import click

from zhpress.cli.app import cli
from zhpress.translate.models import (
    ENV_MODELS_DIR,
    broken_packages,
    default_models_dir,
    install_file,
    install_from_index,
    list_installed,
)
from zhpress.translate.models.index import DEFAULT_INDEX_URL

_DIR_HELP = f"Models directory (default: ${ENV_MODELS_DIR} or the per-user data directory)."


def _home_relative(path: Path) -> str:
    """Show paths under the home directory as ~/... (shorter, no user name)."""
    try:
        return "~/" + path.resolve().relative_to(Path.home().resolve()).as_posix()
    except ValueError:
        return str(path)


@cli.group("model")
def model_group() -> None:
    """Install and list Argos Translate models used for the English pages."""


@model_group.command("install")
@click.option(
    "--file",
    "file_",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Install this local .argosmodel file instead of downloading (air-gapped machines).",
)
@click.option(
    "--index-url",
    default=lambda: os.environ.get("ZHPRESS_MODEL_INDEX", DEFAULT_INDEX_URL),
    show_default="the Argos package index",
    help="URL of the Argos package index JSON (env ZHPRESS_MODEL_INDEX).",
)
@click.option("--sha256", help="Expected SHA-256 of the package file; install fails if it differs.")
@click.option("--from", "from_code", default="zh", show_default=True, help="Source language code.")
@click.option("--to", "to_code", default="en", show_default=True, help="Target language code.")
@click.option("--models-dir", type=click.Path(path_type=Path, file_okay=False), help=_DIR_HELP)
def install_cmd(
    file_: Path | None,
    index_url: str,
    sha256: str | None,
    from_code: str,
    to_code: str,
    models_dir: Path | None,
) -> None:
    """Install the zh->en model from the package index or from a local file."""
    if file_ is not None:
        package = install_file(
            file_, models_dir=models_dir, from_code=from_code, to_code=to_code, sha256=sha256
        )
    else:
        package = _install_with_progress(index_url, models_dir, from_code, to_code, sha256)
    click.echo(
        f"installed {package.pair} model {package.package_version} "
        f"in {_home_relative(package.path)}"
    )


def _install_with_progress(index_url, models_dir, from_code, to_code, sha256):
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    with Progress(
        TextColumn("downloading {task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task(f"{from_code}->{to_code} model", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        return install_from_index(
            index_url=index_url,
            models_dir=models_dir,
            from_code=from_code,
            to_code=to_code,
            sha256=sha256,
            progress=progress,
        )


@model_group.command("list")
@click.option("--models-dir", type=click.Path(path_type=Path, file_okay=False), help=_DIR_HELP)
def list_cmd(models_dir: Path | None) -> None:
    """Show installed models: language pair, version and where they are."""
    root = models_dir if models_dir is not None else default_models_dir()
    packages = list_installed(root)
    for problem in broken_packages(root):
        click.echo(f"zhpress: warning: {problem}", err=True)
    if not packages:
        click.echo(f"no models installed in {_home_relative(root)}")
        click.echo("install one with `zhpress model install` (or `--file PATH` offline)")
        return
    rows = [("pair", "version", "name", "path")]
    for p in packages:
        rows.append((p.pair, p.package_version, p.title or p.name, _home_relative(p.path)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        click.echo(
            "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )


@model_group.command("synthetic")
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--size",
    type=click.Choice(["tiny", "argos-1.9"]),
    default="tiny",
    show_default=True,
    help="tiny: seconds to build, for tests; argos-1.9: the real package's layer sizes.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for the weights.")
def synthetic_cmd(out_dir: Path, size: str, seed: int) -> None:
    """Generate a random-weight .argosmodel (gibberish output) for tests and benchmarks."""
    from zhpress.translate.synthetic_model import build_synthetic_package

    path = build_synthetic_package(out_dir, size=size, seed=seed)
    click.echo(str(path))
