"""Where OpenCC guessed: one-to-many characters converted by its character default.

A Simplified character such as 发 (發/髮) or 干 (幹/乾/干) is converted correctly
when an OpenCC phrase or a glossary term covers it; elsewhere OpenCC falls back
to the first candidate. Those places are listed for a translator to review and,
if needed, lock with a glossary entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zhpress.glossary.model import Converter, Glossary, to_hant_fn
from zhpress.glossary.opencc_data import one_to_many, phrase_probe

CONTEXT = 12

# Reviewed by default: characters whose Traditional forms differ in meaning and
# that OpenCC users report going wrong (发/發髮, 干/幹乾, 后/後后 ...). Characters
# such as 了 (了/瞭) or 家 (家/傢), whose other form is rare, would bury these;
# pass ``chars=one_to_many()`` (CLI: ``--chars all``) to review every character.
DEFAULT_REVIEW_CHARS = (
    "发干里后面只系台余范复云制松谷准冲征历汇钟尽划团"
    "斗丑卷借采须郁症托签药脏苏蒙吁周纤板表舍游咸凶出克合伙获致向坛占几沈朴仆"
)


@dataclass(frozen=True)
class Finding:
    """One character OpenCC converted by default; ``line``/``column`` are 1-based."""

    path: str
    line: int
    column: int
    char: str
    converted: str
    candidates: tuple[str, ...]
    context: str

    @property
    def message(self) -> str:
        """The finding without its location (for `zhpress check` style output)."""
        others = "/".join(self.candidates)
        return (
            f"'{self.char}' became '{self.converted}' by default "
            f"(candidates {others}): {self.context}"
        )

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.path else f"line {self.line}"
        return f"{where}: {self.message}"


def ambiguity_findings(
    text_hans: str,
    converter_s2t: Converter,
    glossary: Glossary | None = None,
    *,
    path: str = "",
    chars: Iterable[str] | None = None,
) -> list[Finding]:
    """Places in Simplified text where a one-to-many character was converted outside
    any glossary term and outside OpenCC's phrase tables.

    ``converter_s2t`` is the site's converter; it tells what the character became.
    ``chars`` are the characters to review (default ``DEFAULT_REVIEW_CHARS``); only
    those OpenCC itself lists with several candidates are reported.
    """
    table = one_to_many()
    wanted = set(DEFAULT_REVIEW_CHARS if chars is None else chars) & set(table)
    index = {c: i for i, c in enumerate(table)}
    probe = phrase_probe()
    to_hant = to_hant_fn(converter_s2t)
    matcher = glossary.matcher() if glossary is not None else None
    findings: list[Finding] = []
    for lineno, line in enumerate(text_hans.splitlines(), start=1):
        if not any(c in wanted for c in line):
            continue
        covered = [False] * len(line)
        if matcher is not None:
            for m in matcher.find(line):
                covered[m.start : m.end] = [True] * (m.end - m.start)
        probed = probe.convert(line)
        converted = to_hant(line)
        if len(probed) != len(line):
            # A phrase changed length; positions cannot be compared on this line.
            continue
        for col, ch in enumerate(line):
            if ch not in wanted or covered[col]:
                continue
            if probed[col] != chr(0xF0000 + index[ch]):
                continue
            became = converted[col] if len(converted) == len(line) else table[ch][0]
            lo, hi = max(0, col - CONTEXT), col + CONTEXT + 1
            findings.append(
                Finding(path, lineno, col + 1, ch, became, table[ch], line[lo:hi].strip())
            )
    return findings


def report_findings(
    docs_dir: str | Path,
    converter_s2t: Converter,
    glossary: Glossary | None = None,
    chars: Iterable[str] | None = None,
) -> list[Finding]:
    """Findings for every Simplified report in a docs directory (body text only)."""
    from zhpress.report import list_reports

    charset = None if chars is None else tuple(chars)
    out: list[Finding] = []
    reports = sorted(list_reports(docs_dir), key=lambda r: r.slug)
    for report in reports:
        if report.script != "hans":
            continue
        # Body line numbers are shifted by the front matter so they point into the file.
        offset = _front_matter_lines(report.path) if report.path else 0
        name = str(report.path) if report.path else report.slug
        for f in ambiguity_findings(report.body, converter_s2t, glossary, path=name, chars=charset):
            out.append(
                Finding(
                    f.path, f.line + offset, f.column, f.char, f.converted, f.candidates, f.context
                )
            )
    return out


def _front_matter_lines(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0] != "---":
        return 0
    for i, line in enumerate(lines[1:], start=1):
        if line == "---":
            rest = lines[i + 1 :]
            blank = 0
            while blank < len(rest) and rest[blank] == "":
                blank += 1
            return i + 1 + blank
    return 0
