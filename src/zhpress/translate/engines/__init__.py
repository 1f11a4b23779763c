"""Translation engines behind one small interface.

An engine turns a batch of Chinese sentences into English sentences, one for
one, in order. Segmentation, glossary placeholders, number checks and the
translation memory all live outside the engines, so every engine gets them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence


class Engine(ABC):
    """Base class for zh->en engines."""

    #: short machine name recorded in the PO file ("ctranslate2", "argos", "fake")
    name: str = "engine"

    @property
    def version(self) -> str:
        """Engine + model version, recorded with every machine translation."""
        return self.name

    @abstractmethod
    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[str]:
        """Translate ``sentences``; return exactly one string per input, in order.

        ``progress`` is called with the number of sentences finished so far.
        """

    def close(self) -> None:  # noqa: B027 - optional hook; most engines hold nothing to free
        """Release model memory; the default engine has nothing to free."""
