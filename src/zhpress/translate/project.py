"""`zhpress translate`: bring every report's PO file up to date.

For each report the current sentences are merged with the PO file (the
translation memory acts as a cache in front of the engine):

1. same id and source, or the same source anywhere in the old file (a moved
   or re-hashed paragraph): reused as is, whatever its state;
2. a human/official translation whose source changed (the closest unused old
   entry, difflib ratio >= 0.5): kept, marked needs-review, previous source
   recorded;
3. everything else is missing and goes to the engine: all missing sentences
   of a report in one batch (one more batch for placeholder retries); the PO
   file is written as soon as its report is done.

Machine output whose numbers do not match the source, that lost a glossary
term or that still contains Chinese is stored but flagged needs-review with a
note. ``force`` re-translates machine entries only. Old human entries that no
longer match any sentence become obsolete (``#~``), never deleted; PO files of
reports that left docs/ are not touched.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from zhpress.buildcache import BuildCache, code_fingerprint, file_digest, fingerprint
from zhpress.errors import ModelError
from zhpress.report import Report, list_reports
from zhpress.translate.engines import Engine
from zhpress.translate.memory import (
    MACHINE,
    NEEDS_REVIEW,
    OFFICIAL,
    PENDING,
    REVIEWED,
    Entry,
    Memory,
    load_memory,
    po_path,
    save_memory,
)
from zhpress.translate.numbers import compare_numbers, format_value
from zhpress.translate.placeholders import TermLike, prepare_terms, translate_with_terms
from zhpress.translate.segments import HAN, Block, Sentence, segment_report

FUZZY_MIN = 0.5

Progress = Callable[[int, int], None]


@dataclass
class ReportSummary:
    slug: str
    segments: int = 0
    reused: int = 0
    machine: int = 0  # machine-translated in this run
    pending: int = 0
    needs_review: int = 0
    reviewed: int = 0
    official: int = 0
    obsolete: int = 0
    written: bool = False


@dataclass
class TranslateSummary:
    reports: list[ReportSummary] = field(default_factory=list)
    engine_calls: int = 0
    sentences_sent: int = 0

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.reports)

    @property
    def pending(self) -> int:
        return self.total("pending")


def is_machine(entry: Entry) -> bool:
    return entry.origin.startswith("machine")


def is_human_work(entry: Entry) -> bool:
    """Text a person wrote or approved: never replaced, never thrown away."""
    return bool(entry.target) and entry.is_human and not is_machine(entry)


@dataclass
class MergePlan:
    memory: Memory
    missing: list[str]  # segment ids that need the engine
    reused: int


def merge_memory(old: Memory, sentences: Sequence[Sentence], *, force: bool = False) -> MergePlan:
    """New memory for ``sentences``, reusing what ``old`` has (see module doc)."""
    new = Memory(path=old.path, project=old.project, header=dict(old.header))
    pool: list[Entry] = list(old.entries.values()) + list(old.obsolete)
    used = [False] * len(pool)
    by_source: dict[str, list[int]] = {}
    for k, entry in enumerate(pool):
        by_source.setdefault(entry.source, []).append(k)
    # Prefer human work, then the entry with the same id, then file order.
    rank = {OFFICIAL: 0, REVIEWED: 0, NEEDS_REVIEW: 1, MACHINE: 2, PENDING: 3}

    chosen: dict[str, Entry] = {}
    for s in sentences:
        options = [k for k in by_source.get(s.text, ()) if not used[k]]
        if not options:
            continue
        k = min(options, key=lambda k: (rank[pool[k].state], pool[k].id != s.id, k))
        used[k] = True
        chosen[s.id] = replace(pool[k], id=s.id, obsolete=False)

    # Changed sources: pair each unmatched sentence with the closest old human entry.
    human = [k for k, e in enumerate(pool) if not used[k] and is_human_work(e)]
    for s in sentences:
        if s.id in chosen or not human:
            continue
        best, best_ratio = None, FUZZY_MIN
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(s.text)  # seq2 is the one difflib caches
        for k in human:
            if used[k]:
                continue
            matcher.set_seq1(pool[k].source)
            # The cheap upper bounds skip most pairs before the full comparison.
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = k, ratio
        if best is not None:
            used[best] = True
            e = pool[best]
            chosen[s.id] = replace(
                e,
                id=s.id,
                source=s.text,
                state=NEEDS_REVIEW,
                previous_source=e.previous_source if e.state == NEEDS_REVIEW else e.source,
                note="source changed",
                obsolete=False,
            )

    missing: list[str] = []
    reused = 0
    for s in sentences:
        entry = chosen.get(s.id)
        if entry is None:
            entry = Entry(id=s.id, source=s.text)
        if entry.state == PENDING or (force and is_machine(entry)):
            missing.append(s.id)
        else:
            reused += 1
        new.entries[s.id] = entry

    seen: set[tuple[str, str]] = set()
    for k, entry in enumerate(pool):
        if used[k] or not is_human_work(entry):
            continue
        key = (entry.id, entry.source)
        if key not in seen:
            seen.add(key)
            new.obsolete.append(replace(entry, obsolete=True))
    return MergePlan(new, missing, reused)


def block_sentences(block: Block, memory: Memory | None) -> list[Sentence]:
    """The segments of one block.

    Normally its sentences; but a paragraph imported from an official edition
    whose sentences could not be aligned with certainty is translated as a
    whole, under the block id, and stays one segment while its text is unchanged.
    """
    if memory is not None and block.sentences and block.kind != "table":
        whole = memory.entries.get(block.id)
        if whole is not None and whole.source == block.simplified and is_human_work(whole):
            original = block.source if block.source != block.simplified else ""
            return [Sentence(block.id, block.simplified, original)]
    return block.sentences


def sentences_of(blocks: Sequence[Block], memory: Memory | None = None) -> list[Sentence]:
    return [s for b in blocks for s in block_sentences(b, memory)]


def translate_project(
    docs_dir: str | Path,
    translations_dir: str | Path,
    engine: Engine | None,
    glossary_terms: Iterable[TermLike] = (),
    *,
    force: bool = False,
    progress: Progress | None = None,
    language: str = "en",
    cache: BuildCache | None = None,
) -> TranslateSummary:
    """Update ``translations/<language>/<slug>.po`` for every report in ``docs_dir``.

    With a build ``cache``, a report whose Markdown and PO file are exactly
    as this function left them last time (same engine, same terms) is not
    read again: running it would change nothing, and its counts are known.
    """
    terms = prepare_terms(glossary_terms)
    summary = TranslateSummary()
    plans: list[tuple[str, Path, MergePlan]] = []
    settled: dict[str, Report] = {}  # reports whose result goes into the cache
    use_cache = cache is not None and cache.enabled and not force
    setting = fingerprint(
        code_fingerprint(), [repr(t) for t in terms], engine.version if engine else None, force
    )
    for report in sorted(list_reports(docs_dir), key=lambda r: r.slug):
        path = po_path(translations_dir, report.slug, language)
        if use_cache:
            assert cache is not None
            counts = cache.get(SETTLED, _settled_key(setting, report, file_digest(path)))
            if isinstance(counts, dict):
                summary.reports.append(ReportSummary(slug=report.slug, **counts))
                continue
            settled[report.slug] = report
        old = load_memory(path)
        plan = merge_memory(old, sentences_of(segment_report(report), old), force=force)
        plans.append((report.slug, path, plan))

    # One engine batch per report (plus a retry batch when placeholders broke),
    # and each PO file is saved as soon as its report is done, so an interrupted
    # run keeps the reports it finished.
    total = sum(len(plan.missing) for _, _, plan in plans) if engine is not None else 0
    done = 0
    for slug, path, plan in plans:
        machine = 0
        if engine is not None and plan.missing:
            sources = [plan.memory.entries[sid].source for sid in plan.missing]
            call = _engine_call(engine, summary, progress, done, total)
            results = translate_with_terms(call, sources, terms)
            origin = f"machine {engine.version}"
            for sid, result in zip(plan.missing, results, strict=True):
                entry = plan.memory.entries[sid]
                note = result.note or _number_note(entry.source, result.text)
                plan.memory.entries[sid] = replace(
                    entry,
                    target=result.text,
                    state=NEEDS_REVIEW if note else MACHINE,
                    origin=origin,
                    note=note,
                    previous_source=None,
                )
            machine = len(results)
            done += len(sources)
        rs = ReportSummary(slug=slug, segments=len(plan.memory.entries), reused=plan.reused)
        rs.machine = machine
        for entry in plan.memory.entries.values():
            rs.pending += entry.state == PENDING
            rs.needs_review += entry.state == NEEDS_REVIEW
            rs.reviewed += entry.state == REVIEWED
            rs.official += entry.state == OFFICIAL
        rs.obsolete = len(plan.memory.obsolete)
        rs.written = save_memory(plan.memory, path, slug=slug, language=language)
        summary.reports.append(rs)
        if slug in settled and cache is not None:
            # what a second run over the file just written would report
            counts = {
                name: getattr(rs, name)
                for name in (
                    "segments",
                    "pending",
                    "needs_review",
                    "reviewed",
                    "official",
                    "obsolete",
                )
            }
            counts["reused"] = rs.segments - (rs.pending if engine is None else 0)
            key = _settled_key(setting, settled[slug], file_digest(path))
            cache.put(SETTLED, key, counts)
    summary.reports.sort(key=lambda r: r.slug)
    return summary


SETTLED = "translate"


def _settled_key(setting: str, report: Report, po_digest: str) -> str:
    return fingerprint(setting, report.slug, report.meta, report.body, po_digest)


def _engine_call(
    engine: Engine, summary: TranslateSummary, progress: Progress | None, base: int, total: int
) -> Callable[[list[str]], list[str]]:
    """The batch function handed to the placeholder layer; counts calls for the summary.

    Progress is reported for the whole project: ``base`` sentences were done
    before this report; a retry batch re-reports the same range.
    """

    def call(batch: list[str]) -> list[str]:
        summary.engine_calls += 1
        summary.sentences_sent += len(batch)

        def tick(n: int) -> None:
            if progress is not None:
                progress(min(base + n, total), total)

        out = engine.translate_batch(batch, progress=tick)
        if len(out) != len(batch):
            raise ModelError(
                f"engine {engine.name} returned {len(out)} translations for {len(batch)} sentences",
                hint="the engine is broken; try `--engine none` and report the bug",
            )
        return list(out)

    return call


def _number_note(source: str, target: str) -> str:
    """Why fresh machine output needs review ('' when it passes the checks)."""
    result = compare_numbers(source, target)
    problems = [f"{q.text} ({format_value(q)}) not found" for q in result.missing]
    problems += [f"'{e.text}' matches no source number" for e in result.near_misses]
    notes = ["numbers: " + ", ".join(problems)] if problems else []
    if HAN.search(target):
        notes.append("Chinese left in the English")
    return "; ".join(notes)


ENGINE_CHOICES = ("auto", "ctranslate2", "argos", "none")


def open_engine(
    kind: str = "auto", *, threads: int = 0, models_dir: str | Path | None = None
) -> Engine | None:
    """The engine to use, or None (pending entries only).

    ``auto`` uses the installed zh->en model with CTranslate2 when there is one
    and otherwise translates nothing; naming an engine makes a missing model an
    error, so a CI job that expects machine output cannot silently skip it.
    """
    if kind == "none":
        return None
    try:
        from zhpress.translate.models import find_model
    except ImportError:  # model packaging not available in this installation
        find_model = None
    package = find_model("zh", "en", models_dir=models_dir) if find_model else None
    if package is None:
        if kind == "auto":
            return None
        raise ModelError(
            "no zh->en translation model is installed",
            hint="run `zhpress model install` (or `--file PACKAGE.argosmodel`), or use --engine none",
        )
    if kind == "argos":
        from zhpress.translate.engines.argos_engine import ArgosEngine

        return ArgosEngine(package, threads=threads)
    from zhpress.translate.engines.ctranslate2_engine import CTranslate2Engine

    return CTranslate2Engine(package, threads=threads)


def load_terms(glossary_dir: str | Path) -> list:
    """Approved glossary terms for translation; none when there is no glossary."""
    directory = Path(glossary_dir)
    if not directory.is_dir():
        return []
    from zhpress.glossary import load_glossary

    return load_glossary(directory).translation_terms()
