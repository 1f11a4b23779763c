"""Translation throughput: zhpress's CTranslate2 engine vs argostranslate's own call.

    .venv/bin/python bench/translate.py [--sentences N] [--threads T] [--package FILE]
        [--repeat R] [--with-duplicates] [--skip-per-sentence]

The real Argos zh->en model cannot be downloaded here, so the benchmark builds
(or reuses, --package) a synthetic .argosmodel with the exact layer layout of
the Argos 1.9 packages (transformer-base: 6+6 layers, d_model 512, FFN 2048,
8 heads, 32,000 shared vocabulary) and RANDOM weights. Its length channel makes
every engine stop after the same number of output tokens for every sentence,
so all runs do the same decoding work (checked and printed below).

Same N distinct sentences (cut from docs/ by zhpress's segmenter), same
model, same thread count. The machine is shared, so the two engines run in
turns, zhpress then argostranslate, ``--repeat`` times; each pair's ratio and
the median ratio are printed with the load average before each run.
``--with-duplicates`` sends every sentence twice (zhpress translates each
distinct sentence once; argostranslate translates all of them); the headline
figure is the default, distinct sentences only.

* zhpress    ``CTranslate2Engine.translate_batch`` (the default engine);
* argos-doc  ``argostranslate.translate.apply_packaged_translation`` on the
             whole text at once, its sentence splitter replaced by zhpress's
             sentences (argostranslate's best case: one batched call);
* argos-eng  zhpress's ``--engine argos`` (argostranslate, one call per sentence).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

TARGET = 3.0  # default engine >= 3x the argostranslate call


def sentences_from_docs(n: int, *, with_duplicates: bool = False) -> list[str]:
    """The first ``n`` distinct sentences of docs/ (twice each with duplicates)."""
    from zhpress.report import list_reports
    from zhpress.translate.project import sentences_of
    from zhpress.translate.segments import segment_report

    pool = [
        s.text
        for report in sorted(list_reports(REPO / "docs"), key=lambda r: r.slug)
        for s in sentences_of(segment_report(report))
    ]
    unique = list(dict.fromkeys(s.strip() for s in pool if s.strip()))
    if n > len(unique):
        raise SystemExit(
            f"docs/ has only {len(unique)} distinct sentences; use --sentences <= that"
        )
    chosen = unique[:n]
    return chosen + chosen if with_duplicates else chosen


def install(package_file: Path | None, work: Path):
    from zhpress.translate.models import find_model, install_file
    from zhpress.translate.synthetic_model import build_synthetic_package

    if package_file is None:
        start = time.perf_counter()
        package_file = build_synthetic_package(work / "pkg", size="argos-1.9", seed=0)
        print(f"built synthetic argos-1.9 package in {time.perf_counter() - start:.0f}s")
    install_file(package_file, models_dir=work / "models")
    return package_file, find_model("zh", "en", models_dir=work / "models")


def timed(label: str, run, sentences: list[str], count_tokens) -> tuple[float, int]:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    out = run(sentences)
    seconds = time.perf_counter() - start
    chars = sum(len(s) for s in sentences)
    tokens = sum(count_tokens(t) for t in out)
    print(
        f"{label:10s} {seconds:8.2f}s  {len(sentences) / seconds:8.2f} sentences/s  "
        f"{chars / seconds:9.1f} chars/s  ({tokens} output tokens; load before {load:.2f})",
        flush=True,
    )
    return seconds, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=50, help="sentences (default 50)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="CPU threads")
    parser.add_argument("--package", type=Path, help="reuse this synthetic .argosmodel")
    parser.add_argument("--skip-per-sentence", action="store_true", help="skip argos-eng")
    parser.add_argument(
        "--repeat", type=int, default=1, help="alternate the two engines this many times"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="zhpress engine workers (default: one per thread; 1 = the old layout)",
    )
    parser.add_argument(
        "--with-duplicates", action="store_true", help="send every sentence twice (not headline)"
    )
    args = parser.parse_args()

    from zhpress.translate.engines.ctranslate2_engine import CTranslate2Engine

    work = Path(tempfile.mkdtemp(prefix="zhpress-bench-translate-"))
    package_file, package = install(args.package, work)
    sentences = sentences_from_docs(args.sentences, with_duplicates=args.with_duplicates)
    print(
        f"model: {package_file.name}, argos-1.9 layer layout, RANDOM WEIGHTS (gibberish "
        f"output of fixed length); {len(sentences)} sentences "
        f"({len(set(sentences))} distinct), {sum(map(len, sentences))} characters; "
        f"{args.threads} threads"
    )
    engine = CTranslate2Engine(package, threads=args.threads, workers=args.workers)
    print(
        f"zhpress engine: {engine.workers} worker(s) x {args.threads // engine.workers} "
        f"thread(s), beam {engine.beam_size}, batches <= {engine.max_batch_size} sentences"
    )
    count = lambda text: len(engine.tokenize(text))  # noqa: E731
    engine.translate_batch(sentences[:4])  # warm-up: first call allocates

    try:
        from importlib.metadata import version

        import argostranslate.package as argos_package
        import argostranslate.translate as argos_translate
        import ctranslate2
        from argostranslate import settings
    except ImportError as exc:
        print(f"argostranslate is not installed ({exc}); only the zhpress engine was measured")
        return
    print(f"argostranslate {version('argostranslate')}, ctranslate2 {ctranslate2.__version__}")

    class Given:
        """argostranslate's sentence splitter, replaced by the same sentences."""

        def split_sentences(self, text: str) -> list[str]:
            return sentences

    pkg = argos_package.Package(package.path)
    translator = ctranslate2.Translator(
        str(package.model_dir),
        device=settings.device,
        compute_type=settings.compute_type,
        inter_threads=settings.inter_threads,
        intra_threads=args.threads,
    )

    def argos_doc(batch: list[str]) -> list[str]:
        hyp = argos_translate.apply_packaged_translation(
            pkg, " ".join(batch), translator, Given(), num_hypotheses=1
        )
        return [hyp[0].value]

    argos_doc(sentences[:4])
    ratios, our_times = [], []
    for round_ in range(1, args.repeat + 1):
        ours, our_tokens = timed("zhpress", engine.translate_batch, sentences, count)
        theirs, their_tokens = timed("argos-doc", argos_doc, sentences, count)
        ratios.append(theirs / ours)
        our_times.append(ours)
        print(
            f"pair {round_}: argostranslate / default engine = {theirs / ours:.2f}x; "
            f"output tokens {our_tokens} vs {their_tokens} ("
            f"{'same output length' if abs(our_tokens - their_tokens) <= len(sentences) else 'DIFFERENT'})",
            flush=True,
        )
    median = statistics.median(ratios)
    print(
        f"\npairs: {' '.join(f'{r:.2f}x' for r in ratios)}; median ratio {median:.2f}x "
        f"(target >= {TARGET}x: {'MET' if median >= TARGET else 'NOT MET'})"
    )
    if not args.skip_per_sentence:
        from zhpress.translate.engines.argos_engine import ArgosEngine

        argos = ArgosEngine(package, threads=args.threads)
        seconds, _ = timed("argos-eng", argos.translate_batch, sentences, count)
        print(
            f"default engine / zhpress --engine argos = {seconds / statistics.median(our_times):.2f}x"
        )


if __name__ == "__main__":
    main()
