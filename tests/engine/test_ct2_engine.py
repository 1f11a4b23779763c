"""The default engine on a real (random-weight) CTranslate2 model."""

from __future__ import annotations

import pytest

from zhpress.errors import ConfigError, ModelError
from zhpress.translate.engines import Engine
from zhpress.translate.engines.ctranslate2_engine import CTranslate2Engine
from zhpress.translate.models import ModelPackage

SENTENCES = [
    "坚持稳中求进工作总基调。",
    "全年地区生产总值增长5.2%左右，城镇新增就业26.1万人。",
    "北京。",
    "一般公共预算收入完成6181.1亿元，增长8.2%。",
    "深入实施人文北京、科技北京、绿色北京战略，加快建设国际科技创新中心！",
    "如何让群众生活更加美好？",
    "细颗粒物年均浓度下降到每立方米32微克。",
    "我们要牢记嘱托，奋发有为。",
    "新建改建保障性住房6.9万套。",
    "“十四五”规划目标任务全面完成。",
]


@pytest.fixture(scope="module")
def engine(synthetic_model: ModelPackage) -> CTranslate2Engine:
    eng = CTranslate2Engine(synthetic_model, threads=1)
    yield eng
    eng.close()


def test_is_an_engine_with_a_versioned_name(engine: CTranslate2Engine):
    import ctranslate2

    assert isinstance(engine, Engine)
    assert engine.name == "ctranslate2"
    assert engine.version == f"ctranslate2-{ctranslate2.__version__}/translate-zh_en-1.9"


def test_translates_a_batch_one_output_per_input(engine: CTranslate2Engine):
    out = engine.translate_batch(SENTENCES)
    assert len(out) == len(SENTENCES)
    assert all(isinstance(s, str) and s.strip() for s in out)
    assert all(s == s.strip() for s in out)


def test_order_is_preserved(engine: CTranslate2Engine):
    a, b = SENTENCES[1], SENTENCES[2]
    ab = engine.translate_batch([a, b])
    ba = engine.translate_batch([b, a])
    assert ab == ba[::-1]
    # The same sentence alone gives what it gave inside the batch.
    assert engine.translate_batch([a]) == ab[:1]


def test_different_inputs_differ_and_output_is_deterministic(synthetic_model: ModelPackage):
    first = CTranslate2Engine(synthetic_model, threads=1).translate_batch(SENTENCES)
    second = CTranslate2Engine(synthetic_model, threads=1).translate_batch(SENTENCES)
    assert first == second
    assert len(set(first)) > 1


def test_empty_strings_never_reach_the_model(engine: CTranslate2Engine):
    calls = engine.model_calls
    assert engine.translate_batch(["", "  ", "\n"]) == ["", "", ""]
    assert engine.translate_batch([]) == []
    assert engine.model_calls == calls
    mixed = engine.translate_batch(["", SENTENCES[0], " ", SENTENCES[2]])
    assert mixed[0] == "" and mixed[2] == ""
    assert mixed[1] and mixed[3]
    assert [mixed[1], mixed[3]] == engine.translate_batch([SENTENCES[0], SENTENCES[2]])


def _document(n: int) -> list[str]:
    """``n`` distinct sentences of many lengths (so several length limits)."""
    return [
        f"{SENTENCES[k % len(SENTENCES)]}" + "其中第" + str(k) + "项" + "，持续推进改革" * (k % 7)
        for k in range(n)
    ]


def test_batches_across_more_sentences_than_max_batch_size(synthetic_model: ModelPackage):
    many = _document(30)
    small = CTranslate2Engine(synthetic_model, threads=1, max_batch_size=4)
    done: list[int] = []
    out = small.translate_batch(many, progress=done.append)
    assert max(small.batch_log) == 4 and sum(small.batch_log) == 30
    assert len(out) == 30 and all(out)
    assert done == sorted(done) and done[-1] == 30
    # Batch composition does not change results.
    big = CTranslate2Engine(synthetic_model, threads=1, max_batch_size=64)
    assert big.translate_batch(many) == out
    assert big.model_calls < small.model_calls and max(big.batch_log) > 4


def test_identical_sentences_are_translated_once(synthetic_model: ModelPackage):
    eng = CTranslate2Engine(synthetic_model, threads=1)
    done: list[int] = []
    # Surrounding whitespace is not part of the sentence.
    many = SENTENCES * 2 + [f"  {SENTENCES[0]}\n", ""]
    out = eng.translate_batch(many, progress=done.append)
    assert sum(eng.batch_log) == len(SENTENCES)
    assert out[:10] == out[10:20] == eng.translate_batch(SENTENCES)
    assert out[20] == out[0] and out[21] == ""
    assert done == sorted(done) and done[-1] == len(many)


def test_parallel_workers_give_the_same_translations(synthetic_model: ModelPackage):
    doc = _document(40)
    one = CTranslate2Engine(synthetic_model, threads=1, max_batch_size=8)
    two = CTranslate2Engine(synthetic_model, threads=2, max_batch_size=8)
    assert (one.workers, two.workers) == (1, 2)
    assert two._translator.num_translators == 2
    done: list[int] = []
    assert two.translate_batch(doc, progress=done.append) == one.translate_batch(doc)
    assert done == sorted(done) and done[-1] == 40
    # Two batches per length limit at most, split evenly, the costliest first.
    limits = [two.length_limit(len(two.tokenize(s))) for s in doc]
    assert sum(two.batch_log) == 40 and len(two.batch_log) > len(set(limits))
    jobs = two._batches([two.tokenize(s) for s in doc])
    costs = [limit * len(batch) for limit, batch in jobs]
    assert costs == sorted(costs, reverse=True)
    for limit, batch in jobs:
        assert {limits[u] for u in batch} == {limit}
        same = [b for lim, b in jobs if lim == limit]
        assert max(map(len, same)) - min(map(len, same)) <= 1


def test_beam_size_is_argostranslates(engine: CTranslate2Engine):
    # Quality stays equivalent to argostranslate's: the speed-up is not bought
    # with a narrower beam search.
    settings = pytest.importorskip("argostranslate.settings", reason="argostranslate not installed")
    assert engine.beam_size == settings.beam_size == 4


def test_output_is_ctranslate2s_own_for_the_sentence_alone(synthetic_model: ModelPackage):
    """Speed never changes what the model says: each sentence of a document
    gets exactly what a plain CTranslate2 call on it alone returns."""
    import ctranslate2

    doc = _document(24)
    eng = CTranslate2Engine(synthetic_model, threads=2, max_batch_size=8)
    plain = ctranslate2.Translator(str(synthetic_model.model_dir), compute_type="int8")
    for sentence, ours in zip(doc, eng.translate_batch(doc), strict=True):
        tokens = eng.tokenize(sentence)
        (alone,) = plain.translate_batch(
            [tokens],
            beam_size=4,
            max_decoding_length=eng.length_limit(len(tokens)),
            replace_unknowns=True,
        )
        assert ours == eng.detokenize(alone.hypotheses[0]), sentence


def test_a_sentence_translates_the_same_in_any_document(engine: CTranslate2Engine):
    # The translation memory re-translates single edited sentences, so the
    # result must not depend on the rest of the document.
    alone = [engine.translate_batch([s])[0] for s in SENTENCES]
    assert engine.translate_batch(SENTENCES) == alone


def test_the_model_ends_its_sentences_and_the_engine_bounds_length(
    synthetic_model: ModelPackage,
):
    free = CTranslate2Engine(synthetic_model, threads=1)
    # The synthetic model says </s> after 12 steps (its length channel).
    lengths = {len(free.tokenize(o)) for o in free.translate_batch(SENTENCES)}
    assert lengths <= set(range(10, 16)), lengths  # re-tokenising may shift a piece
    eng = CTranslate2Engine(synthetic_model, threads=1, length_ratio=1.0, max_length=5)
    assert eng.length_limit(1) == 5
    assert (
        CTranslate2Engine(synthetic_model, length_ratio=1.0, length_margin=0).length_limit(17) == 32
    )
    for src, out in zip(SENTENCES, eng.translate_batch(SENTENCES), strict=True):
        # Re-tokenising the detokenised text may shift a piece, never add many.
        assert 0 < len(eng.tokenize(out)) <= 5 + 1, (src, out)


def test_threads_from_environment(synthetic_model: ModelPackage, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ZHPRESS_THREADS", "2")
    assert CTranslate2Engine(synthetic_model).threads == 2
    assert CTranslate2Engine(synthetic_model, threads=1).threads == 1
    monkeypatch.setenv("ZHPRESS_THREADS", "many")
    with pytest.raises(ConfigError, match="ZHPRESS_THREADS"):
        CTranslate2Engine(synthetic_model)


def test_broken_package_is_a_model_error(synthetic_model: ModelPackage, tmp_path):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(synthetic_model.path, broken)
    (broken / "model" / "model.bin").write_bytes(b"garbage")
    with pytest.raises(ModelError, match="cannot load CTranslate2 model"):
        CTranslate2Engine(broken)
    (broken / "model" / "model.bin").unlink()
    with pytest.raises(ModelError, match="model.bin"):
        CTranslate2Engine(broken)
