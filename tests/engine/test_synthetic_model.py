"""The generated .argosmodel is a real Argos package with a real tokenizer."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from zhpress.translate.engines.ctranslate2_engine import CTranslate2Engine
from zhpress.translate.models import install_file
from zhpress.translate.synthetic_model import SIZES, ModelSize, build_synthetic_package

TOP = "translate-zh_en-1_9"


def test_package_layout_and_metadata(synthetic_argos_package: Path):
    assert synthetic_argos_package.name == f"{TOP}.argosmodel"
    with zipfile.ZipFile(synthetic_argos_package) as zf:
        names = set(zf.namelist())
        for member in (
            "metadata.json",
            "sentencepiece.model",
            "model/model.bin",
            "model/config.json",
            "model/shared_vocabulary.json",
        ):
            assert f"{TOP}/{member}" in names
        meta = json.loads(zf.read(f"{TOP}/metadata.json"))
        vocab = json.loads(zf.read(f"{TOP}/model/shared_vocabulary.json"))
        config = json.loads(zf.read(f"{TOP}/model/config.json"))
    assert (meta["from_code"], meta["to_code"], meta["package_version"]) == ("zh", "en", "1.9")
    assert meta["argos_version"] and meta["code"] == "translate-zh_en"
    assert vocab[:4] == ["<unk>", "<s>", "</s>", "<blank>"]
    assert config["decoder_start_token"] == "<s>" and config["eos_token"] == "</s>"


def test_sentencepiece_was_trained_on_chinese(synthetic_model):
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(synthetic_model.sentencepiece_model))
    ids = sp.encode("全年地区生产总值增长5.2%左右。")
    assert ids and sp.unk_id() not in ids
    # Frequent words of the reports became multi-character pieces.
    assert any(len(p.strip("▁")) >= 2 for p in sp.encode("经济社会发展", out_type=str))


def test_same_seed_same_bytes_other_seed_other_weights(
    synthetic_argos_package: Path, tmp_path: Path
):
    again = build_synthetic_package(tmp_path / "a", seed=0)
    other = build_synthetic_package(tmp_path / "b", seed=1)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(again) == digest(synthetic_argos_package)
    assert digest(other) != digest(synthetic_argos_package)


def test_size_is_a_parameter_and_fillers_are_never_emitted(tmp_path: Path):
    shape = ModelSize(1, 3, 32, 64, 2, vocab_size=6000, sp_vocab_size=2000)
    path = build_synthetic_package(tmp_path, size=shape, seed=3)
    pkg = install_file(path, models_dir=tmp_path / "models")
    vocab = json.loads((pkg.model_dir / "shared_vocabulary.json").read_text("utf-8"))
    assert len(vocab) == 6000 and vocab[-1].startswith("<filler_")
    out = CTranslate2Engine(pkg, threads=1).translate_batch(
        ["坚持稳中求进工作总基调。", "城镇新增就业26.1万人。"]
    )
    assert all(out) and not any("filler" in o for o in out)


def test_argos_size_preset_matches_transformer_base():
    base = SIZES["argos-1.9"]
    assert (base.encoder_layers, base.decoder_layers, base.d_model, base.ffn, base.heads) == (
        6,
        6,
        512,
        2048,
        8,
    )


@pytest.mark.slow
def test_argos_size_package_builds_and_translates(tmp_path: Path):
    path = build_synthetic_package(tmp_path, size="argos-1.9")
    # ~60M parameters quantised to int8: a model of the real package's weight.
    assert 60e6 < path.stat().st_size < 150e6
    pkg = install_file(path, models_dir=tmp_path / "models")
    vocab = json.loads((pkg.model_dir / "shared_vocabulary.json").read_text("utf-8"))
    assert len(vocab) == SIZES["argos-1.9"].vocab_size
    out = CTranslate2Engine(pkg, threads=2).translate_batch(["坚持稳中求进。", "北京。"])
    assert len(out) == 2 and all(out)


def test_builds_without_the_repository_sources(tmp_path: Path):
    # An installed zhpress has no sources/ folder; the built-in lines suffice.
    path = build_synthetic_package(tmp_path, sources_dir=tmp_path / "absent")
    pkg = install_file(path, models_dir=tmp_path / "models")
    out = CTranslate2Engine(pkg, threads=1).translate_batch(["城镇新增就业26.1万人。"])
    assert out[0]
