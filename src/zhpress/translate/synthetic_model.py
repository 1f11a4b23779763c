"""Generate a small but real Argos zh->en package for tests and benchmarks.

No model weights can be downloaded where zhpress is built and tested, so the
test suite makes its own: a sentencepiece model really trained on a few
hundred lines, a transformer with random weights written straight into a
``ctranslate2.specs.TransformerSpec`` and saved by a real CTranslate2
converter, packed as a ``.argosmodel`` zip with ``metadata.json``. The output
is gibberish of a fixed length (``ModelSize.output_tokens``), but every byte
path (zip -> install -> ctranslate2 -> sentencepiece) is the one a real
package takes.

``size="argos-1.9"`` reproduces the layer layout of the real Argos packages
(OpenNMT-py transformer-base: 6+6 layers, d_model 512, ffn 2048, 8 heads, a
shared vocabulary), so issue 7 can benchmark engines at realistic cost.
"""

from __future__ import annotations

import io
import json
import math
import random
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Tokens the OpenNMT-py vocabularies of Argos models start with.
SPECIAL_TOKENS = ("<unk>", "<s>", "</s>", "<blank>")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
# Strength of the </s> logit per unit of the length channel.
EOS_GAIN = 8.0
_REPO_SOURCES = Path(__file__).resolve().parents[3] / "sources"


@dataclass(frozen=True)
class ModelSize:
    """Transformer shape of a generated model."""

    encoder_layers: int
    decoder_layers: int
    d_model: int
    ffn: int
    heads: int
    #: size of the CTranslate2 (shared) vocabulary; padded beyond the
    #: sentencepiece pieces with never-emitted filler tokens when larger
    vocab_size: int
    #: pieces the sentencepiece model is trained for (a soft limit)
    sp_vocab_size: int
    #: decoder steps after which the model emits </s> (see _length_channel)
    output_tokens: int = 24
    max_positions: int = 1024


SIZES: dict[str, ModelSize] = {
    "tiny": ModelSize(2, 2, 64, 128, 4, vocab_size=0, sp_vocab_size=2000, output_tokens=12),
    # Layout of the Argos 1.9 packages (argos-train's OpenNMT-py config).
    "argos-1.9": ModelSize(
        6, 6, 512, 2048, 8, vocab_size=32000, sp_vocab_size=8000, output_tokens=32
    ),
}

# A fallback Chinese corpus so the generator works outside the repository.
_BUILTIN_ZH = (
    "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
    "全年地区生产总值增长5.2%左右，城镇新增就业26.1万人。",
    "居民人均可支配收入增长5%，与经济增长基本同步。",
    "深入实施人文北京、科技北京、绿色北京战略。",
    "加快建设国际科技创新中心，推动高质量发展。",
    "细颗粒物年均浓度下降到每立方米32微克。",
    "新建改建保障性住房6.9万套，竣工8.3万套。",
    "一般公共预算收入完成6181.1亿元，增长8.2%。",
    "我们要牢记嘱托，奋发有为，扎实推进各项工作！",
    "如何让群众生活更加美好？这是政府工作的出发点。",
)

_EN_WORDS = {
    "subj": ("The government", "The city", "Beijing", "We", "The economy", "Our people"),
    "verb": (
        "will promote",
        "has improved",
        "must strengthen",
        "continued to expand",
        "will accelerate",
        "steadily advanced",
    ),
    "obj": (
        "high-quality development",
        "the innovation system",
        "public services",
        "green transformation",
        "employment",
        "the business environment",
        "regional coordination",
        "social security",
    ),
    "tail": (
        "this year",
        "in 2023",
        "by 5.2 percent",
        "across the city",
        "with 26,100 new jobs",
        "under the five-year plan",
        "for all residents",
    ),
}


def training_lines(
    *, seed: int = 0, sources_dir: Path | None = None
) -> tuple[list[str], list[str]]:
    """Chinese sentences from ``sources/`` and generated English sentences."""
    src = sources_dir if sources_dir is not None else _REPO_SOURCES
    zh: list[str] = []
    if src.is_dir():
        for path in sorted(src.glob("*.txt")):
            for para in path.read_text(encoding="utf-8", errors="replace").splitlines():
                zh.extend(s.strip() for s in _SENTENCE_END.split(para) if s.strip())
    zh.extend(_BUILTIN_ZH)
    rng = random.Random(seed)
    en = [
        " ".join(rng.choice(_EN_WORDS[k]) for k in ("subj", "verb", "obj", "tail")) + "."
        for _ in range(max(300, len(zh) // 2))
    ]
    return zh, en


def train_sentencepiece(lines: Iterable[str], vocab_size: int) -> bytes:
    """Train a unigram sentencepiece model in memory and return its bytes."""
    import sentencepiece as spm

    lines = list(lines)
    try:
        return _train_sp(spm, lines, vocab_size)
    except RuntimeError as exc:
        # Every character seen must fit in the vocabulary: grow it to fit.
        m = re.search(r"(\d+) vs (\d+)", str(exc))
        if not m:
            raise
        return _train_sp(spm, lines, int(m.group(2)) + 200)


def _train_sp(spm, lines: list[str], vocab_size: int) -> bytes:
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=0.9995,
        num_threads=1,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    return buf.getvalue()


def _sp_pieces(model_bytes: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_vocabulary(pieces: list[str], size: int) -> list[str]:
    """OpenNMT-style vocabulary: specials, then pieces, padded to ``size``."""
    vocab = list(SPECIAL_TOKENS)
    seen = set(vocab)
    for piece in pieces:
        if piece not in seen:
            vocab.append(piece)
            seen.add(piece)
    n_real = len(vocab)
    vocab.extend(f"<filler_{i}>" for i in range(max(0, size - n_real)))
    return vocab


def _sinusoids(length: int, dim: int) -> np.ndarray:
    pos = np.arange(length, dtype=np.float32)[:, None]
    div = np.exp(np.arange(0, dim, 2, dtype=np.float32) * -(math.log(10000.0) / dim))
    pe = np.zeros((length, dim), dtype=np.float32)
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe


class _Weights:
    """Random but well-scaled weights (Glorot-like), from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def matrix(self, rows: int, cols: int) -> np.ndarray:
        scale = math.sqrt(2.0 / (rows + cols))
        return (self.rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    def linear(self, spec, rows: int, cols: int) -> None:
        spec.weight = self.matrix(rows, cols)
        spec.bias = np.zeros(rows, dtype=np.float32)

    @staticmethod
    def norm(spec, dim: int) -> None:
        spec.gamma = np.ones(dim, dtype=np.float32)
        spec.beta = np.zeros(dim, dtype=np.float32)


def make_spec(size: ModelSize, vocab: list[str], n_real: int, *, seed: int = 0):
    """A complete ``TransformerSpec`` with random weights and ``vocab`` shared."""
    from ctranslate2.specs import TransformerSpec

    spec = TransformerSpec.from_config((size.encoder_layers, size.decoder_layers), size.heads)
    w = _Weights(seed)
    d, f, v = size.d_model, size.ffn, len(vocab)
    pe = _sinusoids(size.max_positions, d)

    enc = spec.encoder
    enc.embeddings[0].weight = w.matrix(v, d) * math.sqrt(d) / 4
    enc.position_encodings.encodings = pe
    w.norm(enc.layer_norm, d)
    for layer in enc.layer:
        w.linear(layer.self_attention.linear[0], 3 * d, d)
        w.linear(layer.self_attention.linear[1], d, d)
        w.norm(layer.self_attention.layer_norm, d)
        w.norm(layer.ffn.layer_norm, d)
        w.linear(layer.ffn.linear_0, f, d)
        w.linear(layer.ffn.linear_1, d, f)

    dec = spec.decoder
    dec.embeddings.weight = w.matrix(v, d) * math.sqrt(d) / 4
    dec.position_encodings.encodings = pe
    w.norm(dec.layer_norm, d)
    for layer in dec.layer:
        w.linear(layer.self_attention.linear[0], 3 * d, d)
        w.linear(layer.self_attention.linear[1], d, d)
        w.norm(layer.self_attention.layer_norm, d)
        w.linear(layer.attention.linear[0], d, d)
        w.linear(layer.attention.linear[1], 2 * d, d)
        w.linear(layer.attention.linear[2], d, d)
        w.norm(layer.attention.layer_norm, d)
        w.norm(layer.ffn.layer_norm, d)
        w.linear(layer.ffn.linear_0, f, d)
        w.linear(layer.ffn.linear_1, d, f)
    w.linear(dec.projection, v, d)
    bias = dec.projection.bias
    # Never emit specials other than </s>, nor the filler tokens that only
    # exist to give the softmax its real size.
    bias[[0, 1, 3]] = -1e4
    bias[n_real:] = -1e4
    _length_channel(spec, size)
    spec.config.decoder_start_token = "<s>"
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def _length_channel(spec, size: ModelSize) -> None:
    """Make the model end its output after about ``size.output_tokens`` steps.

    A random decoder either stops at once or loops until the length limit, so
    neither engine would do realistic work. One residual dimension is kept for
    the decoding step: no decoder layer writes to it, the embeddings are zero
    there and its position encoding is ``step - output_tokens``; the </s> logit
    reads only that dimension. So </s> is hopeless early and wins right after
    ``output_tokens`` steps, for every engine and beam size alike.
    """
    dec = spec.decoder
    r = size.d_model - 1
    steps = np.arange(size.max_positions, dtype=np.float32)
    dec.position_encodings.encodings = dec.position_encodings.encodings.copy()
    dec.position_encodings.encodings[:, r] = steps - size.output_tokens
    dec.embeddings.weight[:, r] = 0.0
    for layer in dec.layer:
        for linear in (
            layer.self_attention.linear[1],
            layer.attention.linear[2],
            layer.ffn.linear_1,
        ):
            linear.weight[r, :] = 0.0
            linear.bias[r] = 0.0
    dec.projection.weight[2, :] = 0.0
    dec.projection.weight[2, r] = EOS_GAIN
    dec.projection.bias[2] = 0.0


def _convert(spec, output_dir: Path, quantization: str | None) -> None:
    from ctranslate2.converters.converter import Converter

    class _SpecConverter(Converter):
        def _load(self):  # noqa: D401 - ctranslate2 hook
            return spec

    _SpecConverter().convert(str(output_dir), quantization=quantization, force=True)


def package_dir_name(from_code: str, to_code: str, version: str) -> str:
    """Top directory name used inside Argos packages: translate-zh_en-1_9."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"


def build_synthetic_package(
    out_dir: str | Path,
    *,
    size: str | ModelSize = "tiny",
    seed: int = 0,
    package_version: str = "1.9",
    from_code: str = "zh",
    to_code: str = "en",
    quantization: str | None = "int8",
    sources_dir: Path | None = None,
) -> Path:
    """Write ``<out_dir>/translate-zh_en-1_9.argosmodel`` and return its path.

    ``size`` is a preset name (``tiny``, ``argos-1.9``) or a :class:`ModelSize`.
    """
    shape = SIZES[size] if isinstance(size, str) else size
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    zh, en = training_lines(seed=seed, sources_dir=sources_dir)
    sp_bytes = train_sentencepiece(zh + en, shape.sp_vocab_size)
    pieces = _sp_pieces(sp_bytes)
    vocab = build_vocabulary(pieces, shape.vocab_size)
    n_real = len(set(SPECIAL_TOKENS) | set(pieces))
    top = package_dir_name(from_code, to_code, package_version)

    with tempfile.TemporaryDirectory(prefix="zhpress-synth-") as tmp:
        root = Path(tmp) / top
        root.mkdir()
        _convert(make_spec(shape, vocab, n_real, seed=seed), root / "model", quantization)
        (root / "sentencepiece.model").write_bytes(sp_bytes)
        metadata = {
            "package_version": package_version,
            "argos_version": "1.9.0",
            "from_code": from_code,
            "from_name": "Chinese",
            "to_code": to_code,
            "to_name": "English",
            "code": f"translate-{from_code}_{to_code}",
            "name": f"Synthetic {from_code}->{to_code} ({_size_label(size)}, seed {seed})",
            "type": "translate",
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=4) + "\n", "utf-8")
        (root / "README.md").write_text(
            "# Synthetic model\n\nRandom weights generated by zhpress for tests. "
            "Its translations are gibberish.\n",
            "utf-8",
        )
        target = out_dir / f"{top}.argosmodel"
        _zip_dir(root, target)
    return target


def _size_label(size: str | ModelSize) -> str:
    if isinstance(size, str):
        return size
    return f"{size.encoder_layers}+{size.decoder_layers}x{size.d_model}"


def _zip_dir(root: Path, target: Path) -> None:
    """Zip ``root`` (as the archive's top directory) with fixed timestamps."""
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            arc = f"{root.name}/{path.relative_to(root).as_posix()}"
            if path.is_dir():
                info = zipfile.ZipInfo(arc + "/", date_time=(1980, 1, 1, 0, 0, 0))
                zf.writestr(info, b"")
            else:
                info = zipfile.ZipInfo(arc, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as fh, zf.open(info, "w") as dst:
                    shutil.copyfileobj(fh, dst, 1 << 20)
    tmp.replace(target)
