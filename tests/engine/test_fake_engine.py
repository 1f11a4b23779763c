"""The deterministic fake engine other tests rely on."""

from __future__ import annotations

from zhpress.translate.engines import Engine
from zhpress.translate.engines.fake import FakeEngine


def test_wraps_each_sentence_and_keeps_order_and_digits():
    eng = FakeEngine()
    assert isinstance(eng, Engine)
    out = eng.translate_batch(["增长5.2%。", "", "TERM1 很好"])
    assert out == ["EN(增长5.2%。)", "", "EN(TERM1 很好)"]
    assert eng.calls == [["增长5.2%。", "", "TERM1 很好"]]
    assert eng.sentences_translated == 3
    assert eng.version == "fake-1" and eng.name == "fake"


def test_mapping_and_latin_mode():
    eng = FakeEngine({"你好。": "Hello."}, latin=True)
    assert eng.translate_batch(["你好。", "北京有2154万人。"]) == ["Hello.", "EN(zh 2154 zh 。)"]


def test_progress_is_reported():
    seen: list[int] = []
    FakeEngine().translate_batch(["一", "二", "三"], progress=seen.append)
    assert seen == [1, 2, 3]


def test_drop_placeholders_once_then_behave():
    eng = FakeEngine(drop_placeholders=1)
    first = eng.translate_batch(["TERM1 和 TERM2 合作。", "没有占位符。"])
    assert "TERM" not in first[0]
    assert first[1] == "EN(没有占位符。)"  # sentences without placeholders are not faulted
    assert eng.translate_batch(["TERM1 和 TERM2 合作。"]) == ["EN(TERM1 和 TERM2 合作。)"]


def test_duplicate_placeholders_always():
    eng = FakeEngine(duplicate_placeholders=-1)
    for _ in range(3):
        (out,) = eng.translate_batch(["推进TERM3建设。"])
        assert out.count("TERM3") == 2
