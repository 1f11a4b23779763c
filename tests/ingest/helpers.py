"""Shared helpers for the ingest tests."""

from __future__ import annotations

import re
from pathlib import Path

from zhpress.ingest import ingest_document
from zhpress.ingest.metadata import load_sidecar, sidecar_for
from zhpress.ingest.pipeline import _sha256
from zhpress.ingest.readers import RawDocument, reader_for
from zhpress.report import Report, dump_report

_INGESTED = re.compile(r"^ingested: .*\n", re.MULTILINE)


def without_ingested(text: str) -> str:
    """Front matter minus the wall-clock ``ingested`` line, which tests ignore."""
    return _INGESTED.sub("", text)


def ingest_file(path: Path, repo_root: Path) -> Report:
    """What ``ingest_path`` would write for ``path`` (reader + sidecar + rules)."""
    reader = reader_for(path)
    assert reader is not None
    side = sidecar_for(path)
    sidecar = load_sidecar(side) if side.is_file() else None
    report = ingest_document(
        reader(path), path, _sha256(path.read_bytes()), repo_root=repo_root, sidecar=sidecar
    )
    if sidecar is not None:
        report.meta["sidecar_sha256"] = _sha256(side.read_bytes())
    return report


def render(report: Report) -> str:
    return without_ingested(dump_report(report))


def run_rules(lines: list[str], meta: dict | None = None) -> tuple[str, dict]:
    """Body Markdown and metadata the default rules make of ``lines``."""
    raw = RawDocument(lines=lines, fmt="txt", meta=dict(meta or {}))
    report = ingest_document(raw, Path("sources/x.txt"), "0" * 64)
    return report.body, report.meta
