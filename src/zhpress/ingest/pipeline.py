"""Ingest: source files -> canonical ``docs/<slug>.md`` reports."""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhpress.errors import MultipleErrors, SourceError, ZhpressError
from zhpress.fsutil import atomic_write_text
from zhpress.ingest.document import Doc, Rule, to_markdown
from zhpress.ingest.metadata import (
    SIDECAR_SUFFIX,
    detect_script,
    load_sidecar,
    make_slug,
    sidecar_for,
)
from zhpress.ingest.readers import RawDocument, reader_for
from zhpress.ingest.registry import Registry
from zhpress.ingest.rules import apply_rules
from zhpress.ingest.structure import NUMBERING
from zhpress.report import Report, dump_report, parse_report

# Bump when the rules change output, so a reader of docs/ can tell which rules made it.
INGEST_VERSION = 1

# A real report is at most a few hundred KB of text; a text source far bigger is
# a dump or a mistake, and cleaning it costs ~30x its size in memory (a 50 MB
# .txt took 1.6 GB and 50 s). PDF/DOCX files carry images, so their cap is higher.
MAX_TEXT_SOURCE_MB = 8
MAX_PACKAGE_SOURCE_MB = 64
_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
_HEADING = re.compile(r"^#{1,6} (.+)$")


def source_label(path: Path, repo_root: Path | None = None) -> str:
    """Repo-relative POSIX path of a source; never absolute (outputs must not leak paths)."""
    path = Path(os.path.abspath(path))
    for base in (repo_root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            continue
    return path.name


def find_project_root(start: Path | None = None) -> Path:
    """Nearest directory at or above ``start`` holding mkdocs.yml (else ``start``).

    Source paths in front matter are relative to it, so running the command from
    a subdirectory records the same ``source_file`` and finds the same docs.
    """
    start = Path(os.path.abspath(start or Path.cwd()))
    for candidate in (start, *start.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return start


def _fallback_title(lines: list[str]) -> tuple[str, str] | None:
    for line in lines:
        match = _HEADING.match(line)
        if match:
            text = match.group(1)
            for _, pattern in NUMBERING:
                text = pattern.sub("", text, count=1)
            if text.strip():
                return text.strip(), "first-heading"
    for line in lines:
        if not line.startswith(("![", "| ", "- ")):
            text = line.lstrip("\\#> ")
            return (text[:30] + ("…" if len(text) > 30 else "")), "first-line"
    return None


def ingest_document(
    raw: RawDocument,
    source_path: str | Path,
    sha256: str,
    *,
    repo_root: Path | None = None,
    sidecar: dict[str, Any] | None = None,
    rules: Registry[Rule] | None = None,
    warnings: list[str] | None = None,
) -> Report:
    """Run the text rules on ``raw`` and build the Report (without ``ingested``).

    The same lines always give the same Report, whatever format they came from.
    Problems the rules noticed but could not fix are appended to ``warnings``.
    """
    # Readers may hand over date objects; front matter keeps the ISO text form.
    given = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in raw.meta.items()}
    doc = Doc(lines=[line.strip() for line in raw.lines if line.strip()], meta=given, fmt=raw.fmt)
    if doc.meta.get("title"):
        doc.meta.setdefault("title_source", raw.fmt)
    if doc.meta.get("date"):
        doc.meta.setdefault("date_source", raw.fmt)
    apply_rules(doc, rules)
    if warnings is not None:
        warnings.extend(doc.notes)
    meta = doc.meta
    for key, value in (sidecar or {}).items():
        meta[key] = value
        if key in ("title", "date"):
            meta[f"{key}_source"] = "sidecar"
    if not meta.get("title"):
        fallback = _fallback_title(doc.lines)
        if fallback:
            meta["title"], meta["title_source"] = fallback
    if not doc.lines:
        raise SourceError(
            "no report text left after cleaning", path=source_label(Path(source_path), repo_root)
        )
    body = to_markdown(doc.lines)
    meta["script"] = detect_script(str(meta.get("title", "")) + body)
    meta["source_file"] = source_label(Path(source_path), repo_root)
    meta["source_format"] = raw.fmt
    meta["source_sha256"] = sha256
    meta["ingest_version"] = INGEST_VERSION
    slug = make_slug(meta)
    for key in ("slug", "note"):
        meta.pop(key, None)
    return Report(slug=slug, meta=meta, body=body)


@dataclass
class IngestSummary:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    errors: list[ZhpressError] = field(default_factory=list)
    # "sources/x.txt: what looks wrong" lines; the doc is still written.
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        """One error is raised as itself (one line); several as MultipleErrors."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            total = len(self.errors) + len(self.written) + len(self.unchanged) + len(self.skipped)
            raise MultipleErrors(
                self.errors, summary=f"{len(self.errors)} of {total} sources could not be ingested"
            )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _existing_docs(docs_dir: Path) -> dict[Path, dict[str, Any]]:
    found: dict[Path, dict[str, Any]] = {}
    if not docs_dir.is_dir():
        return found
    for path in sorted(docs_dir.glob("*.md")):
        if path.name == "index.md":
            continue
        try:
            found[path] = parse_report(path.read_text(encoding="utf-8"), path).meta
        except (OSError, UnicodeDecodeError, ZhpressError):
            # A hand-broken doc still occupies its slug; it just has no known source.
            found[path] = {}
    return found


def _list_sources(path: Path, summary: IngestSummary, repo_root: Path | None) -> list[Path]:
    if path.is_file():
        return [path]
    files = []
    sidecars = []
    for entry in sorted(path.iterdir()):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        if entry.name.endswith(SIDECAR_SUFFIX):
            sidecars.append(entry)
            continue
        if reader_for(entry) is None:
            summary.ignored.append(entry)
            continue
        files.append(entry)
    # A sidecar whose report was renamed would silently stop applying.
    stems = {sidecar_for(f) for f in files}
    for side in sidecars:
        if side not in stems:
            summary.warnings.append(
                f"{source_label(side, repo_root)}: no source file for this sidecar "
                f"(expected {side.name[: -len(SIDECAR_SUFFIX)]}.<txt|md|html|docx|pdf>)"
            )
    return files


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def ingest_path(
    path: str | Path,
    docs_dir: str | Path,
    *,
    force: bool = False,
    repo_root: Path | None = None,
    rules: Registry[Rule] | None = None,
) -> IngestSummary:
    """Ingest one source file or every supported file of a directory into ``docs_dir``.

    A source whose SHA-256 (and sidecar's) matches the doc it produced before is
    skipped unless ``force``, so hand fixes in docs/ survive. A bad file's error
    is collected and the other files are still ingested.
    """
    path, docs_dir = Path(path), Path(docs_dir)
    if not path.exists():
        raise SourceError(
            "sources directory not found"
            if path.name == "sources"
            else "no such file or directory",
            path=path,
            hint="put the raw reports in sources/ or pass a file or directory",
        )
    run = _Run(docs_dir, force, repo_root, rules)
    for source in _list_sources(path, run.summary, repo_root):
        if reader_for(source) is None:
            run.summary.ignored.append(source)
            continue
        try:
            run.ingest(source)
        except ZhpressError as exc:
            run.summary.errors.append(exc)
    if path.is_dir():
        _note_orphans(path, repo_root, run.by_source, run.summary)
    return run.summary


def _note_orphans(
    path: Path,
    repo_root: Path | None,
    by_source: dict[Any, Path],
    summary: IngestSummary,
) -> None:
    """Docs whose source left this directory are kept (never lose work) but named."""
    scanned = source_label(path, repo_root).rstrip("/") + "/"
    for label, doc in sorted(by_source.items(), key=lambda kv: str(kv[0])):
        label = str(label)
        if not label.startswith(scanned) or "/" in label[len(scanned) :]:
            continue
        if not (path / label[len(scanned) :]).exists() and doc.exists():
            summary.warnings.append(
                f"{source_label(doc, repo_root)}: its source {label} no longer exists "
                "(delete the doc if the report was withdrawn)"
            )


def _check_size(source: Path, label: str) -> None:
    text = source.suffix.lower() in _TEXT_SUFFIXES
    limit_mb = MAX_TEXT_SOURCE_MB if text else MAX_PACKAGE_SOURCE_MB
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror}", path=label) from None
    if size > limit_mb * 1024 * 1024:
        raise SourceError(
            f"file is too large ({size / 2**20:.1f} MB; the limit for "
            f"{source.suffix.lower()} sources is {limit_mb} MB)",
            path=label,
            hint="split it into one file per report",
        )


def _read(source: Path, label: str) -> RawDocument:
    reader = reader_for(source)
    assert reader is not None
    try:
        return reader(source)
    except ZhpressError as exc:
        if exc.path is not None and os.path.isabs(exc.path):
            exc.path = label
        raise
    except Exception as exc:  # a malformed file must not stop the others
        # Parsers of binary formats raise their own exception types on broken files.
        kind = source.suffix.lstrip(".") or "source"
        raise SourceError(
            f"cannot read {kind} file: {exc.__class__.__name__}: {exc}", path=label
        ) from None


class _Run:
    """State of one ingest_path call: what docs/ held, and which slug is whose."""

    def __init__(
        self, docs_dir: Path, force: bool, repo_root: Path | None, rules: Registry[Rule] | None
    ) -> None:
        self.docs_dir, self.force, self.repo_root, self.rules = docs_dir, force, repo_root, rules
        self.summary = IngestSummary()
        self.existing = _existing_docs(docs_dir)
        self.by_source: dict[Any, Path] = {
            m["source_file"]: p for p, m in self.existing.items() if m.get("source_file")
        }
        # slug -> source label that owns it; a second source wanting it gets a suffix.
        self.claimed = {p.stem: str(m.get("source_file", "")) for p, m in self.existing.items()}

    def ingest(self, source: Path) -> None:
        label = source_label(source, self.repo_root)
        _check_size(source, label)
        try:
            sha = _sha256(source.read_bytes())
        except OSError as exc:
            raise SourceError(f"cannot read file: {exc.strerror}", path=label) from None
        side_path = sidecar_for(source)
        sidecar = load_sidecar(side_path) if side_path.is_file() else None
        side_sha = _sha256(side_path.read_bytes()) if sidecar is not None else None
        old_path = self.by_source.get(label)
        old_meta = self.existing.get(old_path, {}) if old_path else {}
        if (
            not self.force
            and old_path is not None
            and old_meta.get("source_sha256") == sha
            and old_meta.get("sidecar_sha256") == side_sha
        ):
            self.summary.skipped.append(old_path)
            return
        notes: list[str] = []
        report = ingest_document(
            _read(source, label),
            source,
            sha,
            repo_root=self.repo_root,
            sidecar=sidecar,
            rules=self.rules,
            warnings=notes,
        )
        self.summary.warnings.extend(f"{label}: {note}" for note in notes)
        if side_sha:
            report.meta["sidecar_sha256"] = side_sha
        report.slug = self._claim(report.slug, label)
        target = self.docs_dir / f"{report.slug}.md"
        report.meta["ingested"] = _now()
        if old_path == target and old_meta.get("ingested"):
            # Keep the old timestamp when nothing else changed: --force is a no-op on disk.
            candidate = dict(report.meta, ingested=old_meta["ingested"])
            if dump_report(Report(report.slug, candidate, report.body)) == target.read_text(
                "utf-8"
            ):
                report.meta = candidate
        if atomic_write_text(target, dump_report(report)):
            self.summary.written.append(target)
        else:
            self.summary.unchanged.append(target)
        if old_path is not None and old_path != target and old_path.exists():
            # The title (hence slug) changed: the new doc replaces the old one.
            old_path.unlink()
            self.claimed.pop(old_path.stem, None)

    def _claim(self, slug: str, label: str) -> str:
        owner = self.claimed.get(slug)
        if owner is not None and owner != label:
            # Derived from the source path only, so it is the same on every run.
            slug = f"{slug}-{_sha256(label.encode())[:6]}"
        self.claimed[slug] = label
        return slug
