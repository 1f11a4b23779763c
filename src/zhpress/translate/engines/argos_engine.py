"""Optional engine: the ``argostranslate`` library's own translation path.

Lets users compare zhpress's direct CTranslate2 engine with Argos Translate
on the same package. zhpress has already split the text into sentences, so
each sentence is handed to argostranslate as one "sentence" (its own sentence
splitter would want to download a stanza/minisbd model). Tokenising, the
CTranslate2 call (beam size, length penalty, batching) and detokenising are
argostranslate's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path

from zhpress.errors import ModelError
from zhpress.translate.engines import Engine
from zhpress.translate.models.package import ModelPackage, load_package

INSTALL_HINT = "pip install 'zhpress[argos]'"


def _import_argos():
    try:
        import argostranslate.package as argos_package
        import argostranslate.settings as argos_settings
        import argostranslate.translate as argos_translate
    except ImportError as exc:
        raise ModelError(
            f"the argos engine needs the argostranslate library ({exc.name} is missing)",
            hint=INSTALL_HINT,
        ) from None
    return argos_package, argos_settings, argos_translate


class _AlreadySplit:
    """A sentence splitter for argostranslate that trusts zhpress's segmentation."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


class ArgosEngine(Engine):
    name = "argos"

    def __init__(
        self,
        package: ModelPackage | str | Path,
        *,
        threads: int = 0,
        compute_type: str | None = None,
    ) -> None:
        """``compute_type=None`` keeps argostranslate's own setting (``auto``)."""
        argos_package, settings, self._argos = _import_argos()
        import ctranslate2

        self.package = package if isinstance(package, ModelPackage) else load_package(package)
        self._version_text = metadata.version("argostranslate")
        try:
            self._pkg = argos_package.Package(self.package.path)
            self._translator = ctranslate2.Translator(
                str(self.package.model_dir),
                device=settings.device,
                inter_threads=settings.inter_threads,
                intra_threads=threads or settings.intra_threads,
                compute_type=compute_type or settings.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                f"argostranslate cannot load the package: {exc}",
                path=self.package.path,
                hint="reinstall it with `zhpress model install`",
            ) from None
        self._splitter = _AlreadySplit()

    @property
    def version(self) -> str:
        return f"argostranslate-{self._version_text}/{self.package.name}-{self.package.package_version}"

    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[str]:
        out: list[str] = []
        for n, sentence in enumerate(sentences, start=1):
            text = sentence.strip()
            if text:
                hyps = self._argos.apply_packaged_translation(
                    self._pkg, text, self._translator, self._splitter, num_hypotheses=1
                )
                out.append(hyps[0].value.strip())
            else:
                out.append("")
            if progress:
                progress(n)
        return out

    def close(self) -> None:
        self._translator.unload_model()
