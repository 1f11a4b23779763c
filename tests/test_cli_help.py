"""Every command and option a user can type has help text."""

from __future__ import annotations

import click
from click.testing import CliRunner

from zhpress.cli import cli


def _walk(group: click.Group, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _walk(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_every_command_and_option_has_help() -> None:
    missing = []
    for path, command in _walk(cli):
        if path and not (command.help or command.short_help):
            missing.append(" ".join(path))
        for param in command.params:
            if isinstance(param, click.Option) and not param.help and not param.hidden:
                if param.name not in {"help", "version"}:
                    missing.append(f"{' '.join(path)} {param.opts[0]}")
    assert not missing, f"commands/options without help text: {missing}"


def test_help_runs_for_every_command() -> None:
    runner = CliRunner()
    for path, _command in _walk(cli):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output


def test_python_dash_m_runs_the_same_cli() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "zhpress", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("zhpress, version ")
