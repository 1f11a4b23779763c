"""One exception hierarchy for every stage.

Each error carries the file (and line) it is about and a hint telling the user
what to do; the CLI prints it as a single line and exits with the class's code.
"""

from __future__ import annotations

from pathlib import Path


class ZhpressError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        loc = self.location()
        text = f"{loc}: {self.message}" if loc else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(ZhpressError):
    """mkdocs.yml or the plugin's options are wrong."""

    exit_code = 3


class SourceError(ZhpressError):
    """A source report cannot be read or understood."""

    exit_code = 4


class GlossaryError(ZhpressError):
    """One or more glossary files are invalid."""

    exit_code = 5


class TranslationMemoryError(ZhpressError):
    """A PO file in translations/ cannot be parsed or written."""

    exit_code = 6


class ModelError(ZhpressError):
    """A translation model is missing, corrupt or cannot be installed."""

    exit_code = 7


class NetworkError(ZhpressError):
    """A download failed (no network, or the server refused)."""

    exit_code = 8


class CheckFailed(ZhpressError):
    """Quality checks found errors and --strict was given."""

    exit_code = 9


class OutputError(ZhpressError):
    """Output could not be written (read-only directory, full disk...)."""

    exit_code = 10


class MultipleErrors(ZhpressError):
    """Several problems found at once; all are listed, one per line."""

    def __init__(self, errors: list[ZhpressError], *, summary: str) -> None:
        super().__init__(summary)
        self.errors = errors
        # The most specific shared code wins so scripts can tell kinds apart.
        codes = {e.exit_code for e in errors}
        self.exit_code = codes.pop() if len(codes) == 1 else 1

    def lines(self) -> list[str]:
        return [str(e) for e in self.errors]
