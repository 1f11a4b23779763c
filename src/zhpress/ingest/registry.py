"""A named, prioritised collection of text rules.

Modelled on Python-Markdown's ``Registry``: each rule has a name and a
priority; higher priority runs first. Rules can be looked up, replaced or
removed by name, so a project (or a test) can change one step of the pipeline
without copying the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class _Entry(Generic[T]):
    name: str
    priority: float
    item: T


class Registry(Generic[T]):
    def __init__(self) -> None:
        self._entries: dict[str, _Entry[T]] = {}

    def register(self, item: T, name: str, priority: float) -> None:
        """Add ``item``; an existing entry of the same name is replaced."""
        self._entries[name] = _Entry(name, float(priority), item)

    def deregister(self, name: str, strict: bool = True) -> None:
        if name not in self._entries:
            if strict:
                raise KeyError(f"no rule named {name!r}")
            return
        del self._entries[name]

    def get_priority(self, name: str) -> float:
        return self._entries[name].priority

    def names(self) -> list[str]:
        return [e.name for e in self._sorted()]

    def _sorted(self) -> list[_Entry[T]]:
        # Name breaks priority ties so the order never depends on insertion.
        return sorted(self._entries.values(), key=lambda e: (-e.priority, e.name))

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[T]:
        return iter([e.item for e in self._sorted()])

    def __len__(self) -> int:
        return len(self._entries)
