"""Default engine: an Argos package's CTranslate2 model run directly.

All of a document's sentences go to the model together: they are tokenised
with the package's sentencepiece model, sorted by length so each batch holds
sentences of similar length (little padding), translated in batches of
``max_batch_size`` and put back in input order.
"""

from __future__ import annotations

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
    """``ZHPRESS_THREADS`` as an int (0 = let CTranslate2 choose)."""
    raw = os.environ.get(ENV_THREADS, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigError(
            f"{ENV_THREADS} must be a whole number, got {raw!r}",
            hint=f"e.g. {ENV_THREADS}=4, or unset it to use all cores",
        )
    return int(raw)


class CTranslate2Engine(Engine):
    """Translate with ``ctranslate2.Translator`` + ``sentencepiece``."""

    name = "ctranslate2"

    def __init__(
        self,
        package: ModelPackage | str | Path,
        *,
        threads: int = 0,
        device: str = "cpu",
        compute_type: str = "int8",
        beam_size: int = 4,
        max_batch_size: int = 32,
        length_ratio: float = 2.0,
        length_margin: int = 10,
        max_length: int = 512,
    ) -> None:
        """``threads=0`` reads ``ZHPRESS_THREADS`` and else uses all cores.

        Output length is bounded by ``length_ratio * source tokens +
        length_margin`` rounded up to a multiple of 16 (at most
        ``max_length``), so a degenerate model cannot loop for ever.
        """
        import ctranslate2
        import sentencepiece as spm

        self.package = package if isinstance(package, ModelPackage) else load_package(package)
        self.threads = threads or threads_from_env()
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
                inter_threads=1,
                intra_threads=self.threads,
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
        # Whitespace-only input has nothing to translate and must not reach the model.
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        finished = len(sentences) - len(todo)
        if progress and finished:
            progress(finished)
        tokens = {i: self.tokenize(sentences[i].strip()) for i in todo}
        for limit, batch in self._batches(todo, tokens):
            source = [tokens[i] for i in batch]
            try:
                output = self._translator.translate_batch(
                    source,
                    beam_size=self.beam_size,
                    max_batch_size=self.max_batch_size,
                    max_decoding_length=limit,
                    replace_unknowns=True,
                )
            except (RuntimeError, ValueError) as exc:
                raise ModelError(
                    f"translation failed: {exc}", path=self.package.model_dir
                ) from None
            self.batch_log.append(len(batch))
            for i, result in zip(batch, output, strict=True):
                results[i] = self.detokenize(result.hypotheses[0])
            finished += len(batch)
            if progress:
                progress(finished)
        return results

    def _batches(self, todo: list[int], tokens: dict[int, list[str]]):
        """Yield ``(length limit, indices)`` batches of similar-length sentences.

        Sentences are stably sorted by token count. A batch never mixes
        sentences with different length limits: the limit is per batch in
        CTranslate2, and a sentence's translation must not depend on which
        other sentences share its document.
        """
        order = sorted(todo, key=lambda i: len(tokens[i]))
        batch: list[int] = []
        current = None
        for i in order:
            limit = self.length_limit(len(tokens[i]))
            if batch and (limit != current or len(batch) == self.max_batch_size):
                yield current, batch
                batch = []
            current = limit
            batch.append(i)
        if batch:
            yield current, batch

    def length_limit(self, n_tokens: int) -> int:
        """Most output tokens for a source of ``n_tokens`` (rounded up to 16s)."""
        raw = int(n_tokens * self.length_ratio) + self.length_margin
        return min(self.max_length, -(-raw // LIMIT_STEP) * LIMIT_STEP)

    def close(self) -> None:
        translator = getattr(self, "_translator", None)
        if translator is not None:
            # Frees the model memory now rather than at garbage collection.
            translator.unload_model()
