"""`zhpress check`: quality findings for translations in PO files.

Kinds (``--only`` picks one):

* ``numbers``  a quantity in the source has no matching value in the English,
  or the English has a figure close to a source figure but different (errors);
  an amount converted to another unit (亩 -> hectares) whose converted value
  agrees is a softer warning of the same kind;
* ``glossary`` a glossary term is in the source but its English is not in the
  translation (error; a warning for official translations, which are the
  reference the glossary is built from);
* ``untranslated`` Chinese characters left in the English (error);
* ``length``   translation suspiciously short or long for its source
  (warning: official English runs 2-10 characters per Chinese character);
* ``pending``  no translation yet (error, so ``--strict`` fails an
  incomplete site; use ``--only`` to narrow what CI enforces); entries that
  need review (source changed, flagged machine output) are a warning.

Findings print as ``path:line: [kind] message`` (the line of the PO entry).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zhpress.translate.memory import NEEDS_REVIEW, OFFICIAL, PENDING, Memory, load_memory
from zhpress.translate.numbers import compare_numbers, format_value
from zhpress.translate.placeholders import (
    Term,
    TermLike,
    find_terms,
    prepare_terms,
    term_present,
)

KINDS = ("numbers", "glossary", "untranslated", "length", "pending")
ERROR, WARNING = "error", "warning"
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Bounds on English characters per Chinese character. Official pairs in
# shared/parallel run from 2.1 to 10.1 (median 4.9); outside 1.2..15 is
# almost always a truncated or runaway machine translation.
MIN_RATIO, MAX_RATIO, MIN_SOURCE = 1.2, 15.0, 8


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str
    severity: str
    message: str
    segment: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        level = "" if self.severity == ERROR else " (warning)"
        seg = f" {self.segment}:" if self.segment else ""
        return f"{where}: [{self.kind}]{level}{seg} {self.message}"


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    segments: int = 0

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def by_file(self) -> dict[str, tuple[int, int]]:
        """(errors, warnings) per PO file that has findings, in order."""
        out: dict[str, tuple[int, int]] = {}
        for f in self.findings:
            e, w = out.get(f.path, (0, 0))
            out[f.path] = (e + (f.severity == ERROR), w + (f.severity == WARNING))
        return out

    def counts(self) -> Counter[str]:
        return Counter(f.kind for f in self.findings)

    def summary(self) -> str:
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(self.counts().items()))
        return (
            f"{self.files} file(s), {self.segments} segment(s): {self.errors} error(s), "
            f"{self.warnings} warning(s)" + (f" ({by_kind})" if by_kind else "")
        )


def check_memory(
    memory: Memory,
    *,
    terms: Sequence[Term] = (),
    only: str | None = None,
    path: str | None = None,
) -> list[Finding]:
    """Findings for every live entry of one PO file, in file order."""
    where = path or (str(memory.path) if memory.path else "<po>")
    kinds = (only,) if only else KINDS
    out: list[Finding] = []
    for entry in memory.entries.values():

        def add(kind: str, severity: str, message: str, entry=entry) -> None:
            out.append(Finding(where, entry.line, kind, severity, message, entry.id))

        if not entry.target:
            if "pending" in kinds:
                add("pending", ERROR, "translation pending")
            continue
        if "numbers" in kinds:
            result = compare_numbers(entry.source, entry.target)
            for q in result.missing:
                add("numbers", ERROR, f"{q.text} ({format_value(q)}) not found in the English")
            for e in result.near_misses:
                add("numbers", ERROR, f"'{e.text}' in the English matches no number in the source")
            for q in result.converted:
                add(
                    "numbers",
                    WARNING,
                    f"{q.text}: unit {q.unit} converted in the English (value agrees)",
                )
        if "glossary" in kinds and terms:
            seen: set[str] = set()
            for _, _, term in find_terms(entry.source, terms):
                if term.zh in seen or term_present(entry.target, term.en):
                    continue
                seen.add(term.zh)
                severity = WARNING if entry.state == OFFICIAL else ERROR
                add("glossary", severity, f"{term.zh} should be translated '{term.en}'")
        if "untranslated" in kinds:
            left = HAN_RUN.findall(entry.target)
            if left:
                add("untranslated", ERROR, "Chinese left in the English: " + " ".join(left[:5]))
        if "length" in kinds and len(entry.source) >= MIN_SOURCE:
            ratio = len(entry.target) / len(entry.source)
            if ratio < MIN_RATIO:
                add("length", WARNING, f"translation suspiciously short ({ratio:.1f}x the source)")
            elif ratio > MAX_RATIO:
                add("length", WARNING, f"translation suspiciously long ({ratio:.1f}x the source)")
        if entry.state == NEEDS_REVIEW and "pending" in kinds:
            why = "source changed" if entry.previous_source else (entry.note or "flagged")
            add("pending", WARNING, f"needs review: {why}")
    return out


def check_files(
    paths: Iterable[str | Path],
    glossary_terms: Iterable[TermLike] = (),
    *,
    only: str | None = None,
) -> CheckResult:
    """Check the given PO files (any PO file, not only this project's)."""
    terms = prepare_terms(glossary_terms)
    result = CheckResult()
    for path in paths:
        memory = load_memory(path)
        result.files += 1
        result.segments += len(memory.entries)
        result.findings.extend(check_memory(memory, terms=terms, only=only, path=str(path)))
    return result


def project_po_files(translations_dir: str | Path, language: str = "en") -> list[Path]:
    return sorted((Path(translations_dir) / language).glob("*.po"))


def check_project(
    translations_dir: str | Path,
    glossary_terms: Iterable[TermLike] = (),
    *,
    only: str | None = None,
    language: str = "en",
) -> CheckResult:
    return check_files(project_po_files(translations_dir, language), glossary_terms, only=only)


def pending_count(memory: Memory) -> int:
    return sum(e.state == PENDING for e in memory.entries.values())
