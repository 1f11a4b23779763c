"""Ingest stage: raw reports in sources/ -> canonical Markdown in docs/.

``ingest_path`` handles files and directories (idempotent, errors collected
per file); ``ingest_document`` runs the text rules on a ``RawDocument`` from
any reader, so every format is cleaned and structured the same way.
"""

from __future__ import annotations

from zhpress.ingest.document import Doc, Rule
from zhpress.ingest.pipeline import (
    INGEST_VERSION,
    IngestSummary,
    find_project_root,
    ingest_document,
    ingest_path,
    source_label,
)
from zhpress.ingest.registry import Registry
from zhpress.ingest.rules import apply_rules, default_rules

__all__ = [
    "INGEST_VERSION",
    "Doc",
    "IngestSummary",
    "Registry",
    "Rule",
    "apply_rules",
    "default_rules",
    "find_project_root",
    "ingest_document",
    "ingest_path",
    "source_label",
]
