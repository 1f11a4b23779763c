"""Checks that need the whole glossary: duplicates, clashes, round trips."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zhpress.glossary.loader import Problem
from zhpress.glossary.model import Entry, to_hans_fn
from zhpress.glossary.opencc_data import opencc_converter


def _where(entry: Entry) -> str:
    return f"{entry.file}:{entry.line}"


def cross_checks(entries: Iterable[Entry], converter_t2s: Any = None) -> list[Problem]:
    t2s = to_hans_fn(converter_t2s or opencc_converter("t2s"))
    entries = list(entries)
    problems: list[Problem] = []
    first: dict[str, Entry] = {}
    for entry in entries:
        seen = first.get(entry.zh)
        if seen is None:
            first[entry.zh] = entry
        elif seen.en != entry.en and seen.file != entry.file:
            problems.append(
                Problem(
                    entry.file,
                    entry.line,
                    f"'{entry.zh}' has two English renderings: '{entry.en}' here and "
                    f"'{seen.en}' in {_where(seen)}",
                )
            )
        else:
            problems.append(
                Problem(
                    entry.file, entry.line, f"duplicate term '{entry.zh}' (first in {_where(seen)})"
                )
            )

    for entry in entries:
        simplified = t2s(entry.zh)
        if simplified != entry.zh:
            problems.append(
                Problem(
                    entry.file,
                    entry.line,
                    f"'zh' must be Simplified: '{entry.zh}' converts to '{simplified}' "
                    "(put the Traditional form in 'zh_hant')",
                )
            )
        if entry.zh_hant is not None:
            back = t2s(entry.zh_hant)
            if back != entry.zh:
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        f"'zh_hant' '{entry.zh_hant}' converts back to '{back}', not to "
                        f"'{entry.zh}' (is it the same term?)",
                    )
                )

    # Aliases must point at exactly one entry, or a text match would be ambiguous.
    owner: dict[str, Entry] = {}
    for entry in entries:
        owner.setdefault(entry.zh, entry)
    claimed: dict[str, Entry] = {}
    for entry in entries:
        for alias in entry.aliases:
            if alias == entry.zh:
                problems.append(
                    Problem(entry.file, entry.line, f"alias '{alias}' is the term itself")
                )
                continue
            other = owner.get(alias)
            if other is not None and other is not entry:
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        f"alias '{alias}' of '{entry.zh}' is also a term in {_where(other)}",
                    )
                )
                continue
            prior = claimed.get(alias)
            if prior is not None and prior is not entry:
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        f"alias '{alias}' of '{entry.zh}' is also an alias of "
                        f"'{prior.zh}' in {_where(prior)}",
                    )
                )
                continue
            claimed[alias] = entry
    return problems
