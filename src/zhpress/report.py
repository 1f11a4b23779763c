"""A report as it lives in docs/: YAML front matter plus Chinese Markdown.

docs/<slug>.md is the canonical form every later stage reads. The body keeps
the source's own script (``meta['script']`` is ``hans`` or ``hant``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from zhpress.errors import SourceError

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?", re.DOTALL)

# Key order in front matter, so files diff cleanly and builds are stable.
META_ORDER = (
    "title",
    "title_source",
    "date",
    "date_source",
    "script",
    "venue",
    "speaker",
    "outlet",
    "authors",
    "credits",
    "url",
    "source_file",
    "source_format",
    "source_sha256",
    "ingested",
    "ingest_version",
)


@dataclass
class Report:
    slug: str
    meta: dict[str, Any]
    body: str
    path: Path | None = field(default=None, compare=False)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    @property
    def date(self) -> str:
        return str(self.meta.get("date", ""))

    @property
    def script(self) -> str:
        return str(self.meta.get("script", "hans"))


def dump_report(report: Report) -> str:
    """Serialise deterministically: fixed key order, block style, UTF-8."""
    ordered: dict[str, Any] = {}
    for key in META_ORDER:
        if key in report.meta and report.meta[key] not in (None, "", [], {}):
            ordered[key] = report.meta[key]
    for key in sorted(report.meta):
        if key not in ordered and report.meta[key] not in (None, "", [], {}):
            ordered[key] = report.meta[key]
    head = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
    body = report.body.strip("\n") + "\n"
    return f"---\n{head}---\n\n{body}"


# libyaml's loader when PyYAML has it: a build reads every report's front
# matter, and the pure-Python loader was a visible share of a cached rebuild.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_report(text: str, path: Path) -> Report:
    match = FRONT_MATTER.match(text)
    if not match:
        raise SourceError(
            "no YAML front matter", path=path, line=1, hint="re-run `zhpress ingest --force`"
        )
    try:
        try:
            meta = yaml.load(match.group(1), Loader=_SAFE_LOADER) or {}
        except yaml.YAMLError:
            # again with the pure-Python loader, whose error marks are the
            # ones users see elsewhere (libyaml places some one line later)
            meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise SourceError(
            "front matter is not valid YAML",
            path=path,
            line=(line + 2) if line is not None else None,
            hint="fix the YAML or re-run `zhpress ingest --force`",
        ) from None
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping", path=path, line=2)
    # Dates parse as datetime.date; keep the ISO text form everywhere.
    meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
    return Report(slug=path.stem, meta=meta, body=text[match.end() :].lstrip("\n"), path=path)


def load_report(path: str | Path) -> Report:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read report: {exc}", path=path) from None
    return parse_report(text, path)


def list_reports(docs_dir: str | Path) -> list[Report]:
    """All reports in docs/, newest first, then by slug (a stable order)."""
    docs = Path(docs_dir)
    reports = [load_report(p) for p in sorted(docs.glob("*.md")) if p.name != "index.md"]
    reports.sort(key=lambda r: r.slug)
    reports.sort(key=lambda r: r.date, reverse=True)
    return reports
