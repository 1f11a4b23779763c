"""Default engine: an Argos package's CTranslate2 model run directly.

All of a document's sentences go to the model together. Identical sentences
are translated once. The rest are tokenised with the package's sentencepiece
model, sorted by length and cut into batches of similar length (little
padding), and the batches are decoded in parallel: one single-threaded
CTranslate2 worker per core by default. On a small machine that beats one
batch at a time on all cores, because one beam-search step is too little
work to share between threads (measured in bench/translate.py).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from zhpress.errors import ConfigError, ModelError
from zhpress.translate.engines import Engine
from zhpress.translate.models.package import ModelPackage, load_package

ENV_THREADS = "ZHPRESS_THREADS"
# Length limits are rounded up to a multiple of this, so similar-length
# sentences share a limit and can share a batch.
LIMIT_STEP = 16


def threads_from_env(default: int = 0) -> int:
    """``ZHPRESS_THREADS`` as an int (0 = use every core)."""
    raw = os.environ.get(ENV_THREADS, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigError(
            f"{ENV_THREADS} must be a whole number, got {raw!r}",
            hint=f"e.g. {ENV_THREADS}=4, or unset it to use all cores",
        )
    return int(raw)


def available_cores() -> int:
    """Cores this process may run on (honours CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


class CTranslate2Engine(Engine):
    """Translate with ``ctranslate2.Translator`` + ``sentencepiece``."""

    name = "ctranslate2"

    def __init__(
        self,
        package: ModelPackage | str | Path,
        *,
        threads: int = 0,
        workers: int = 0,
        device: str = "cpu",
        compute_type: str = "int8",
        beam_size: int = 4,
        max_batch_size: int = 32,
        length_ratio: float = 2.0,
        length_margin: int = 10,
        max_length: int = 512,
    ) -> None:
        """``threads=0`` reads ``ZHPRESS_THREADS`` and else uses all cores.

        ``workers`` batches are decoded at once, each on ``threads //
        workers`` threads; ``workers=0`` means one worker per thread.
        Output length is bounded by ``length_ratio * source tokens +
        length_margin`` rounded up to a multiple of 16 (at most
        ``max_length``), so a degenerate model cannot loop for ever.
        """
        import ctranslate2
        import sentencepiece as spm

        self.package = package if isinstance(package, ModelPackage) else load_package(package)
        self.threads = threads or threads_from_env() or available_cores()
        self.workers = max(1, min(workers or self.threads, self.threads))
        self.beam_size = beam_size
        self.max_batch_size = max(1, max_batch_size)
        self.length_ratio = length_ratio
        self.length_margin = length_margin
        self.max_length = max_length
        self._ct2_version = ctranslate2.__version__
        #: size of every batch sent to the model, in order (for tests/benchmarks)
        self.batch_log: list[int] = []
        try:
            self._translator = ctranslate2.Translator(
                str(self.package.model_dir),
                device=device,
                compute_type=compute_type,
                inter_threads=self.workers,
                intra_threads=max(1, self.threads // self.workers),
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                f"cannot load CTranslate2 model: {exc}",
                path=self.package.model_dir,
                hint="reinstall it with `zhpress model install`",
            ) from None
        try:
            self._sp = spm.SentencePieceProcessor(model_file=str(self.package.sentencepiece_model))
        except (RuntimeError, OSError) as exc:
            raise ModelError(
                f"cannot load sentencepiece model: {exc}",
                path=self.package.sentencepiece_model,
                hint="reinstall it with `zhpress model install`",
            ) from None

    @property
    def model_calls(self) -> int:
        return len(self.batch_log)

    @property
    def version(self) -> str:
        return f"ctranslate2-{self._ct2_version}/{self.package.name}-{self.package.package_version}"

    def tokenize(self, sentence: str) -> list[str]:
        return self._sp.encode(sentence, out_type=str)

    def detokenize(self, tokens: list[str]) -> str:
        return self._sp.decode(tokens).strip()

    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[str]:
        results = [""] * len(sentences)
        # Whitespace-only input has nothing to translate and must not reach
        # the model; a repeated sentence is translated once.
        where: dict[str, list[int]] = {}
        for i, sentence in enumerate(sentences):
            if sentence.strip():
                where.setdefault(sentence.strip(), []).append(i)
        finished = len(sentences) - sum(map(len, where.values()))
        if progress and finished:
            progress(finished)
        unique = list(where)
        tokens = [self.tokenize(text) for text in unique]
        jobs = self._batches(tokens)
        try:
            pending = [
                (
                    batch,
                    self._translator.translate_batch(
                        [tokens[u] for u in batch],
                        beam_size=self.beam_size,
                        max_decoding_length=limit,
                        replace_unknowns=True,
                        asynchronous=True,
                    ),
                )
                for limit, batch in jobs
            ]
            self.batch_log.extend(len(batch) for _, batch in jobs)
            for batch, futures in pending:
                for u, future in zip(batch, futures, strict=True):
                    text = self.detokenize(future.result().hypotheses[0])
                    for i in where[unique[u]]:
                        results[i] = text
                    finished += len(where[unique[u]])
                if progress:
                    progress(finished)
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"translation failed: {exc}", path=self.package.model_dir) from None
        return results

    def _batches(self, tokens: list[list[str]]) -> list[tuple[int, list[int]]]:
        """``(length limit, indices)`` batches of similar-length sentences, biggest first.

        A batch never mixes sentences with different length limits: the
        limit is per batch in CTranslate2, and a sentence's translation must
        not depend on which other sentences share its document. A group too
        big for one batch is cut into equal parts rather than full batches
        and a remnant, and the costliest batches go first, so the workers
        finish together.
        """
        groups: dict[int, list[int]] = {}
        for u in sorted(range(len(tokens)), key=lambda u: len(tokens[u])):
            groups.setdefault(self.length_limit(len(tokens[u])), []).append(u)
        jobs = []
        for limit, members in groups.items():
            size = math.ceil(len(members) / math.ceil(len(members) / self.max_batch_size))
            jobs += [(limit, members[k : k + size]) for k in range(0, len(members), size)]
        # Decoding cost grows with sentences x output steps (bounded by the limit).
        jobs.sort(key=lambda job: -job[0] * len(job[1]))
        return jobs

    def length_limit(self, n_tokens: int) -> int:
        """Most output tokens for a source of ``n_tokens`` (rounded up to 16s)."""
        raw = int(n_tokens * self.length_ratio) + self.length_margin
        return min(self.max_length, -(-raw // LIMIT_STEP) * LIMIT_STEP)

    def close(self) -> None:
        translator = getattr(self, "_translator", None)
        if translator is not None:
            # Frees the model memory now rather than at garbage collection.
            translator.unload_model()
