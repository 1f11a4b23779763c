"""The glossary as data for other stages: conversion, translation, lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.convert import ScriptConverter
from zhpress.glossary import load_glossary

GLOSSARY = """\
terms:
  - zh: 胡同
    en: hutong
    zh_hant: 胡同
    dnt: true
  - zh: 四个中心
    en: the "four centers"
  - zh: 田长制
    en: field chief system
  - zh: 北京城市副中心
    en: Beijing Municipal Administrative Center
    aliases: [城市副中心, 副中心]
  - zh: 两区
    status: proposed
"""


@pytest.fixture()
def glossary(tmp_path: Path):
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(tmp_path)


@pytest.fixture()
def converters(glossary):
    base = ScriptConverter("tw")
    return base, base.with_overrides(
        s2t_overrides=glossary.conversion_overrides("s2t", base),
        t2s_overrides=glossary.conversion_overrides("t2s", base),
    )


@pytest.mark.parametrize(
    ("text", "opencc_says", "glossary_says"),
    [
        # The override: OpenCC writes the archaic 衚衕.
        ("走进胡同里", "走進衚衕裡", "走進胡同裡"),
        # Segmentation across the term boundary: 于四 pulls 个 into 箇.
        ("聚焦于四个中心", "聚焦於四箇中心", "聚焦於四個中心"),
        # 制作 is an OpenCC phrase that would split the term 田长制.
        ("推行田长制作为抓手", "推行田長製作為抓手", "推行田長制作為抓手"),
    ],
)
def test_term_is_converted_as_its_entry_says(converters, text, opencc_says, glossary_says):
    base, with_glossary = converters
    assert base.to_hant(text) == opencc_says
    assert with_glossary.to_hant(text) == glossary_says


def test_reverse_overrides_give_the_entry_back(glossary, converters):
    base, with_glossary = converters
    t2s = glossary.conversion_overrides("t2s", base)
    assert t2s["胡同"] == "胡同"
    assert t2s["衚衕"] == "胡同"
    assert t2s["北京城市副中心"] == "北京城市副中心"
    assert with_glossary.to_hans("老衚衕裡") == "老胡同里"


def test_overrides_cover_aliases_and_longest_first(glossary):
    base = ScriptConverter("tw")
    s2t = glossary.conversion_overrides("s2t", base)
    assert s2t["副中心"] == "副中心"
    assert list(s2t)[0] == "北京城市副中心"
    with pytest.raises(ValueError):
        glossary.conversion_overrides("x2y", base)


def test_translation_terms_longest_first_and_only_decided(glossary):
    rules = glossary.translation_terms()
    assert [r.zh for r in rules] == ["北京城市副中心", "四个中心", "田长制", "胡同"]
    hutong = rules[-1]
    assert hutong.dnt and hutong.en == "hutong"
    assert rules[0].aliases == ("城市副中心", "副中心")


def test_lookup_finds_leftmost_longest_in_both_scripts(glossary):
    base = ScriptConverter("tw")
    text = "支持城市副中心和北京城市副中心，走進衚衕"
    found = [(m.form, m.entry.zh) for m in glossary.lookup(text, base)]
    assert found == [
        ("城市副中心", "北京城市副中心"),
        ("北京城市副中心", "北京城市副中心"),
        ("衚衕", "胡同"),
    ]


def test_segmenter_words_hold_both_scripts(glossary):
    words = glossary.segmenter_words([ScriptConverter("tw")])
    assert "四个中心" in words and "四個中心" in words
    assert "衚衕" in words and "胡同" in words
    assert all(len(w) > 1 for w in words)
    default = glossary.segmenter_words()
    assert {"北京城市副中心", "城市副中心", "衚衕", "四個中心"} <= set(default)


def test_traditional_page_markdown_renders_terms_as_entries(converters):
    base, with_glossary = converters
    page = "## 胡同里的田长制\n\n推行田长制作为抓手，走进[胡同](https://example.org/胡同)。\n"
    assert "衚衕" in base.convert_markdown(page, "hant")
    out = with_glossary.convert_markdown(page, "hant")
    assert (
        out == "## 胡同裡的田長制\n\n推行田長制作為抓手，走進[胡同](https://example.org/胡同)。\n"
    )
