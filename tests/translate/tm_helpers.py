"""Helpers for the translation-memory tests: a counting, predictable engine."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zhpress.report import Report, dump_report
from zhpress.translate.engines import Engine

KEEP = re.compile(r"TERM\d+|\d+(?:\.\d+)?%?")


class CountingEngine(Engine):
    """Deterministic stand-in: 'EN(<n chars>)' plus the placeholders and digits it saw.

    ``drop_placeholders`` imitates a model that loses placeholder tokens.
    Every call and sentence is recorded so tests can count engine work.
    """

    name = "counting"

    def __init__(self, *, drop_placeholders: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.drop_placeholders = drop_placeholders

    @property
    def version(self) -> str:
        return "counting-1.0"

    @property
    def sentences(self) -> list[str]:
        return [s for call in self.calls for s in call]

    def translate_batch(
        self, sentences: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[str]:
        self.calls.append(list(sentences))
        out = []
        for i, s in enumerate(sentences, start=1):
            kept = [
                t for t in KEEP.findall(s) if not (self.drop_placeholders and t.startswith("TERM"))
            ]
            out.append(" ".join([f"EN({len(s)})", *kept]).strip())
            if progress:
                progress(i)
        return out


@dataclass
class Rule:
    zh: str
    en: str
    dnt: bool = False
    aliases: tuple[str, ...] = ()


def write_report(
    docs: Path, slug: str, body: str, *, title: str = "测试报告", script: str = "hans"
) -> Path:
    docs.mkdir(parents=True, exist_ok=True)
    path = docs / f"{slug}.md"
    report = Report(
        slug=slug, meta={"title": title, "date": "2024-01-01", "script": script}, body=body
    )
    path.write_text(dump_report(report), encoding="utf-8")
    return path
