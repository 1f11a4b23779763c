"""Glossary placeholders: protect, restore, and what happens when a model mangles them."""

from __future__ import annotations

import pytest
from tm_helpers import Rule

from zhpress.translate.placeholders import (
    prepare_terms,
    protect,
    restore,
    translate_with_terms,
)

TERMS = prepare_terms(
    [
        Rule("高质量发展", "high-quality development"),
        Rule("发展", "development"),
        Rule("胡同", "", dnt=True),
        Rule("北京市人民政府", "Beijing Municipal People's Government", aliases=("市政府",)),
        Rule("東城區", "Dongcheng District"),
    ]
)


def test_longest_term_wins_and_placeholders_are_numbered_in_order():
    p = protect("推动高质量发展，保护胡同。", TERMS)
    assert p.text == "推动 TERM1 ，保护 TERM2 。"
    assert [t.en for t in p.terms] == ["high-quality development", "Hutong"]


def test_aliases_and_traditional_spellings_match():
    p = protect("东城区和市政府", TERMS)
    assert [t.en for t in p.terms] == [
        "Dongcheng District",
        "Beijing Municipal People's Government",
    ]


def test_restore_puts_glossary_english_back():
    p = protect("推动高质量发展，保护胡同。", TERMS)
    assert restore("Promote TERM1 and protect TERM2 .", p) == (
        "Promote high-quality development and protect Hutong."
    )
    assert restore("TERM1 is the goal.", protect("高质量发展是目标。", TERMS)) == (
        "High-quality development is the goal."
    )
    # models may change case or drop the space inside the token
    assert restore("Promote term 1 and protect Term2.", p) == (
        "Promote high-quality development and protect Hutong."
    )


@pytest.mark.parametrize(
    "broken",
    ["Promote TERM1 and protect it.", "Promote TERM1, TERM1 and TERM2.", "TERM1 TERM2 TERM3"],
)
def test_dropped_duplicated_or_invented_placeholders_are_rejected(broken):
    p = protect("推动高质量发展，保护胡同。", TERMS)
    assert restore(broken, p) is None


def test_retry_without_placeholders_accepts_a_correct_free_translation():
    calls: list[list[str]] = []

    def engine(batch: list[str]) -> list[str]:
        calls.append(batch)
        if len(calls) == 1:
            return ["Promote it." for _ in batch]  # placeholder lost
        return ["Promote high-quality development." for _ in batch]

    (result,) = translate_with_terms(engine, ["推动高质量发展。"], TERMS)
    assert calls == [["推动 TERM1 。"], ["推动高质量发展。"]]
    assert result.text == "Promote high-quality development." and result.note == ""


def test_retry_that_still_misses_a_term_is_flagged():
    (result,) = translate_with_terms(
        lambda b: ["Promote growth." for _ in b], ["推动高质量发展。"], TERMS
    )
    assert result.note == "glossary: 高质量发展 should be 'high-quality development'"


def test_with_the_engine_helpers_fake_engine():
    fake = pytest.importorskip("zhpress.translate.engines.fake")
    engine = fake.FakeEngine(duplicate_placeholders=1)
    results = translate_with_terms(
        engine.translate_batch, ["推动高质量发展。", "保护胡同。"], TERMS
    )
    assert len(engine.calls) == 2  # the duplicated one was retried
    assert all("TERM" not in r.text for r in results)
    assert "Hutong" in results[1].text


def test_accepted_spellings_of_a_rendering():
    from zhpress.translate.placeholders import term_present

    assert term_present("GDP grew by 5 percent", "gross domestic product (GDP)")
    assert term_present("Gross domestic product grew", "gross domestic product (GDP)")
    assert term_present("the National People’s Congress", "National People's Congress")
    assert term_present("reform and opening-up", "reform and opening up")
    assert not term_present("gross output grew", "gross domestic product (GDP)")
    assert not term_present("the subGDPx figure", "gross domestic product (GDP)")
    assert term_present("two new industrial parks", "industrial park")


def test_placeholder_glued_to_chinese_is_still_restored():
    from zhpress.translate.placeholders import PLACEHOLDER

    assert [m.group(1) for m in PLACEHOLDER.finditer("推进TERM3建设 and XTERM4 TERM12")] == [
        "3",
        "12",
    ]
