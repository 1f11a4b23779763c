"""Import an official bilingual edition: a Chinese report plus official English.

The input is what official bilingual web editions publish: each Chinese line
is followed by its English line (blank lines are ignored). The first pair is
the title. Chinese lines like ``一、...`` and ``（一）...`` become headings.

The Chinese becomes ``docs/<slug>.md``; the English goes into the PO file
with origin ``official``, aligned paragraph by paragraph. A paragraph is split
into sentence entries only when the alignment is certain: the same number of
sentences on both sides, every sentence pair's numbers agree and its length
ratio is in line with the paragraph's. Otherwise the whole paragraph is one
entry (its id is the paragraph's id), which the page renders as one unit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from zhpress.errors import SourceError
from zhpress.fsutil import atomic_write_text
from zhpress.report import Report, dump_report
from zhpress.translate.memory import OFFICIAL, Entry, load_memory, po_path, save_memory
from zhpress.translate.numbers import compare_numbers
from zhpress.translate.project import merge_memory
from zhpress.translate.segments import HAN, Sentence, segment_report, to_simplified

H2 = re.compile(r"^[一二三四五六七八九十]+、")
H3 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# An English sentence ends at . ! ? before a capital, a quote or a digit;
# common abbreviations do not end sentences.
EN_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(\d])")
ABBREVIATIONS = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|No|St|Co|Ltd|Inc|vs|etc|U\.S|e\.g|i\.e)\.$")
MAX_RATIO_SPREAD = 2.5


@dataclass
class ImportSummary:
    slug: str
    report_path: Path
    po_path: Path
    paragraphs: int
    sentence_aligned: int  # paragraphs split into sentence entries
    paragraph_aligned: int  # paragraphs kept whole (alignment not certain)


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    """(line number of the Chinese, Chinese, English) for each pair in the file."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read bilingual file: {exc}", path=path) from None
    lines = [(n, line.strip()) for n, line in enumerate(raw.splitlines(), start=1) if line.strip()]
    pairs: list[tuple[int, str, str]] = []
    i = 0
    while i < len(lines):
        n, zh = lines[i]
        if not HAN.search(zh):
            raise SourceError(
                "expected a Chinese line here, found English",
                path=path,
                line=n,
                hint="a bilingual file alternates one Chinese line and its English line",
            )
        if i + 1 >= len(lines) or _han_share(lines[i + 1][1]) > 0.2:
            line = lines[i + 1][0] if i + 1 < len(lines) else n
            raise SourceError(
                "Chinese line has no English line after it",
                path=path,
                line=line,
                hint="add the English translation below each Chinese line",
            )
        pairs.append((n, zh, lines[i + 1][1]))
        i += 2
    if not pairs:
        raise SourceError("bilingual file is empty", path=path)
    return pairs


def _han_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if HAN.match(c)) / len(letters) if letters else 0.0


def split_english(text: str) -> list[str]:
    out: list[str] = []
    for piece in EN_SPLIT.split(text.strip()):
        if out and ABBREVIATIONS.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [p.strip() for p in out if p.strip()]


def align(sentences: list[Sentence], english: str) -> list[str] | None:
    """One English sentence per Chinese sentence when certain, else None."""
    if len(sentences) == 1:
        return [english]
    parts = split_english(english)
    if len(parts) != len(sentences):
        return None
    total = len(english) / max(1, sum(len(s.text) for s in sentences))
    for s, en in zip(sentences, parts, strict=True):
        if not compare_numbers(s.text, en).ok:
            return None
        ratio = len(en) / max(1, len(s.text))
        if not (total / MAX_RATIO_SPREAD <= ratio <= total * MAX_RATIO_SPREAD):
            return None
    return parts


def _body_line(zh: str) -> str:
    if H2.match(zh):
        return f"## {zh}"
    if H3.match(zh):
        return f"### {zh}"
    return zh


def import_bilingual(
    file: str | Path,
    docs_dir: str | Path,
    translations_dir: str | Path,
    *,
    slug: str | None = None,
    force: bool = False,
    language: str = "en",
) -> ImportSummary:
    """Write docs/<slug>.md and translations/<language>/<slug>.po from ``file``."""
    file = Path(file)
    pairs = read_pairs(file)
    slug = slug or re.sub(r"[^a-z0-9-]+", "-", file.stem.lower()).strip("-") or "bilingual"
    title_zh = pairs[0][1]  # the title pair is the first block, aligned like the others
    zh_all = "".join(zh for _, zh, _ in pairs)
    script = "hant" if to_simplified(zh_all) != zh_all and _hant_share(zh_all) > 0.02 else "hans"
    meta: dict[str, object] = {
        "title": title_zh,
        "script": script,
        "source_file": file.name,
        "source_format": "bilingual",
        "source_sha256": hashlib.sha256(file.read_bytes()).hexdigest(),
    }
    if m := DATE.search("".join(zh for _, zh, _ in pairs[:4])):
        meta["date"] = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    body = "\n\n".join(_body_line(zh) for _, zh, _ in pairs[1:])
    report = Report(slug=slug, meta=meta, body=body)
    report_path = Path(docs_dir) / f"{slug}.md"
    text = dump_report(report)
    if report_path.exists() and report_path.read_text(encoding="utf-8") != text and not force:
        raise SourceError(
            "a different report with this name exists",
            path=report_path,
            hint="use --force to replace it, or --slug to choose another name",
        )

    blocks = segment_report(report)
    translatable = [b for b in blocks if b.sentences]
    if len(translatable) != len(pairs):
        # Every Chinese line has Han characters, so this would be a bug in segmentation.
        raise SourceError(
            f"{len(pairs)} pairs but {len(translatable)} paragraphs after segmentation",
            path=file,
        )
    official: dict[str, str] = {}
    units: list[Sentence] = []
    sentence_aligned = paragraph_aligned = 0
    for block, (_, _, en) in zip(translatable, pairs, strict=True):
        parts = align(block.sentences, en)
        if parts is None:
            units.append(Sentence(block.id, block.simplified))
            official[block.id] = en
            paragraph_aligned += 1
        else:
            units.extend(block.sentences)
            official.update({s.id: t for s, t in zip(block.sentences, parts, strict=True)})
            sentence_aligned += len(block.sentences) > 1

    path = po_path(translations_dir, slug, language)
    plan = merge_memory(load_memory(path), units)
    for sid, en in official.items():
        old = plan.memory.entries[sid]
        plan.memory.entries[sid] = Entry(
            id=sid,
            source=old.source,
            target=en,
            state=OFFICIAL,
            origin="official",
            translator_comment=old.translator_comment,
        )
    atomic_write_text(report_path, text)
    save_memory(plan.memory, path, slug=slug, language=language)
    return ImportSummary(
        slug=slug,
        report_path=report_path,
        po_path=path,
        paragraphs=len(pairs),
        sentence_aligned=sentence_aligned,
        paragraph_aligned=paragraph_aligned,
    )


def _hant_share(text: str) -> float:
    han = [c for c in text if HAN.match(c)]
    simplified = to_simplified("".join(han))
    return sum(a != b for a, b in zip(han, simplified, strict=True)) / max(1, len(han))
