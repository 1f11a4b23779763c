"""`zhpress build` / `zhpress serve` as library calls over mkdocs' Python API.

mkdocs reports problems through its logger and a generic "Aborted" exception;
this module turns them into one ZhpressError (one line per problem) so the
CLI can print them without a traceback and exit with the right code.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from zhpress.errors import CheckFailed, ConfigError, MultipleErrors, OutputError, ZhpressError

_MKDOCS_LOGGER = "mkdocs"


class _Capture(logging.Handler):
    """Collects errors; prints warnings (and info when verbose) as short lines."""

    def __init__(self, verbose: bool) -> None:
        super().__init__(logging.INFO if verbose else logging.WARNING)
        self.errors: list[str] = []
        # While serving there is no final error to raise: rebuild errors must
        # be shown as they happen.
        self.print_errors = False
        self.serving = False

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
            if self.print_errors:
                print(f"zhpress: error: {message}", file=sys.stderr)
            return
        if message.startswith("zhpress: "):
            message = message[len("zhpress: ") :]
        if self.serving and "Serving on" in message:
            self.print_errors = True  # the first build is done; errors are now live
        prefix = "warning: " if record.levelno >= logging.WARNING else ""
        print(f"zhpress: {prefix}{message}", file=sys.stderr)


@contextlib.contextmanager
def _mkdocs_logging(verbose: bool) -> Iterator[_Capture]:
    logger = logging.getLogger(_MKDOCS_LOGGER)
    saved = (logger.level, logger.propagate, list(logger.handlers))
    capture = _Capture(verbose)
    logger.handlers = [capture]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    # jieba resets its logger to DEBUG when imported: import it first, then
    # silence "Building prefix dict..." which is noise for a site build.
    import jieba  # noqa: F401

    jieba_logger = logging.getLogger("jieba")
    jieba_level = jieba_logger.level
    jieba_logger.setLevel(logging.WARNING)
    try:
        yield capture
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers = saved[2]
        jieba_logger.setLevel(jieba_level)


def _error_from(
    capture: _Capture, fallback: str, *, path: str | None, config: bool
) -> ZhpressError:
    kind = ConfigError if config else ZhpressError
    errors: list[ZhpressError] = [kind(message, path=path) for message in capture.errors]
    if not errors:
        return kind(fallback, path=path)
    if len(errors) == 1:
        return errors[0]
    return MultipleErrors(errors, summary=fallback)


def load_site_config(
    config_file: str | Path = "mkdocs.yml",
    *,
    strict: bool = False,
    site_dir: str | Path | None = None,
    capture: _Capture,
    **overrides: object,
):
    """Load and validate mkdocs.yml; raise ConfigError with mkdocs' own messages."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    path = Path(config_file)
    if not path.is_file():
        raise ConfigError(
            "configuration file not found",
            path=path,
            hint="run from the project root or pass --config",
        )
    _ensure_docs_dir(path)
    options: dict[str, object] = dict(overrides)
    if strict:
        options["strict"] = True
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())  # relative to the cwd, as typed
    try:
        config = load_config(config_file=str(path), **options)
    except MkDocsException as exc:
        raise _error_from(capture, exc.format_message(), path=str(path), config=True) from None
    if strict and "zhpress" in config.plugins:
        config.plugins["zhpress"].config.strict = True
    return config


def _ensure_docs_dir(config_file: Path) -> None:
    """Create docs/ if missing: it is the ingest stage's output, and mkdocs
    refuses a config whose docs_dir does not exist before any plugin runs."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as fh:
            data = yaml_load(fh)
        docs = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
        (config_file.parent / str(docs)).mkdir(parents=True, exist_ok=True)
    except Exception:  # noqa: BLE001 - load_config reports config problems properly
        return


def build_site(
    config_file: str | Path = "mkdocs.yml",
    *,
    strict: bool = False,
    site_dir: str | Path | None = None,
    verbose: bool = False,
    cache: bool = True,
) -> Path:
    """Run the whole pipeline and mkdocs; return the site directory.

    ``cache=False`` renders every page afresh (the plugin's ``cache`` option).
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    # Material prints a multi-line end-of-life banner on every run; the CLI
    # keeps its output to what the user needs (set the variable to 0 to see it).
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from zhpress.site.stages import take_source_errors

    with _mkdocs_logging(verbose) as capture:
        config = load_site_config(config_file, strict=strict, site_dir=site_dir, capture=capture)
        if not cache and "zhpress" in config.plugins:
            config.plugins["zhpress"].config.cache = False
        try:
            build(config)
        except MkDocsException as exc:
            take_source_errors()
            raise _build_error(capture, exc.format_message()) from None
        except OSError as exc:
            raise OutputError(
                f"cannot write the site: {exc.strerror or exc}", path=exc.filename
            ) from None
    # The site is complete without the sources that could not be read; the
    # command still fails so nobody publishes without noticing them.
    errors = take_source_errors()
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise MultipleErrors(
            errors,
            summary=f"{len(errors)} source files could not be ingested; site built without them",
        )
    return Path(config.site_dir)


def serve_site(
    config_file: str | Path = "mkdocs.yml",
    *,
    dev_addr: str | None = None,
    open_browser: bool = False,
    verbose: bool = False,
) -> None:
    """Serve the site with live reload (sources/, glossary/, translations/ watched)."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    options: dict[str, object] = {}
    if dev_addr:
        options["dev_addr"] = dev_addr
    with _mkdocs_logging(verbose) as capture:
        # Validate first so a bad config is one line, not a server traceback.
        load_site_config(config_file, capture=capture, **options)
        capture.setLevel(logging.INFO)  # "Serving on http://..." and rebuild notes
        capture.serving = True
        try:
            serve(config_file=str(config_file), open_in_browser=open_browser, **options)
        except MkDocsException as exc:
            raise _build_error(capture, exc.format_message()) from None


def _build_error(capture: _Capture, message: str) -> ZhpressError:
    from zhpress.site.plugin import last_build_error

    error = last_build_error()
    if error is not None:
        return error
    if "strict mode" in message:
        return CheckFailed(
            f"build stopped: {message.rstrip('!').lower()}", hint="fix the warnings above"
        )
    return _error_from(capture, message, path=None, config=False)
