"""The search index builder: normalisation, terms, shards, passages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from searchquery import TreeIndex

from zhpress.site import searchindex
from zhpress.site.searchindex import (
    IndexedPage,
    Passage,
    char_map,
    fnv1a,
    normalise,
    page_passages,
    shard_key,
    terms,
    write_tree_index,
)

CMAP = char_map(["經濟發展頭髮胡同裡的居民軟體與資訊"])


def test_character_map_goes_to_simplified_only() -> None:
    assert CMAP["發"] == "发" and CMAP["髮"] == "发" and CMAP["裡"] == "里"
    assert "发" not in CMAP and "胡" not in CMAP  # Simplified or shared characters stay


@given(st.text())
def test_normalise_keeps_the_length(text: str) -> None:
    # the browser highlights matches by position in the normalised text
    assert len(normalise(text, CMAP)) == len(text)


def test_terms_are_words_of_both_scripts_in_one_form() -> None:
    assert terms("經濟發展", CMAP) == terms("经济发展", CMAP)
    assert {"发展", "经济"} <= terms("經濟發展", CMAP)
    assert "GDP" not in terms("GDP增长", CMAP) and "gdp" in terms("GDP增长", CMAP)
    assert "的" not in terms("居民的生活", CMAP)  # stop words are not indexed


def test_shard_key_and_hash_match_the_browser() -> None:
    assert shard_key("发展") == "发" and shard_key("development") == "de"
    # 32-bit FNV-1a over UTF-16 units: "a" is the published test vector
    assert fnv1a("a") == 0xE40C292C
    assert fnv1a("") == 0x811C9DC5


def test_passages_come_from_the_article_with_their_anchors() -> None:
    html = """<html><body><nav><p>menu</p></nav><article class="md-content__inner">
    <h1>报告<a class="headerlink" href="#x">¶</a></h1>
    <p class="zhpress-script-note">本页为原文</p>
    <h2 id="p-00000001">一、回顾</h2>
    <p><a id="p-00000002" class="zhpress-p" href="../en/#p-00000002">EN</a>全区<a class="zh-term">发展</a>稳步。</p>
    <ul><li><a id="p-00000003"></a>第一项</li></ul>
    <div class="admonition zhpress-status-box"><p>Translation status</p></div>
    <script>var x = "不要";</script>
    </article></body></html>"""
    found = page_passages(html)
    assert [(p.anchor, p.text, p.heading) for p in found] == [
        ("", "报告", ""),
        ("p-00000001", "一、回顾", "一、回顾"),  # a heading is its own section
        ("p-00000002", "全区发展稳步。", "一、回顾"),
        ("p-00000003", "第一项", "一、回顾"),
    ]


def test_a_glossary_row_is_one_passage_at_its_term() -> None:
    html = """<article><table><thead><tr><th>简体</th><th>English</th></tr></thead><tbody>
    <tr><td><span id="bao-zhang-xing-zhu-fang"></span>保障性住房</td><td>保障性住房</td>
    <td>government-subsidized housing</td></tr></tbody></table></article>"""
    found = page_passages(html)
    assert [(p.anchor, p.text) for p in found] == [
        ("", "简体 English"),
        ("bao-zhang-xing-zhu-fang", "保障性住房 保障性住房 government-subsidized housing"),
    ]


def test_index_files_and_stale_shards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searchindex, "SHARD_BYTES", 500)  # many shards from little text
    out = tmp_path / "search"
    big = [
        IndexedPage(
            f"r{i}/", f"报告{i}", [Passage("", f"报告{i}"), Passage(f"p-{i:08x}", f"第{i}段发展")]
        )
        for i in range(400)
    ]
    shards = write_tree_index(out, "zh-Hant/", "zh", big, CMAP)
    assert shards > 1 and len(list(out.glob("s/*.json"))) == shards
    manifest = json.loads((out / "search_index.json").read_text(encoding="utf-8"))
    assert manifest["config"]["zhpress"]["tree"] == "zh-Hant/"
    assert manifest["docs"] == []
    index = TreeIndex(tmp_path, "")
    assert index.search("發展") == sorted(f"r{i}/" for i in range(400))
    assert index.search("第7段") == ["r7/"]
    # a smaller index leaves no shards of the bigger one behind
    assert write_tree_index(out, "zh-Hant/", "zh", big[:1], CMAP) == 1
    assert [p.name for p in out.glob("s/*.json")] == ["0.json"]
    assert [p.name for p in out.glob("p/*.json")] == ["0.json"]
