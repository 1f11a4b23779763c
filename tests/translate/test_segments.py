"""Segmentation: sentence rules and ids that survive edits elsewhere."""

from __future__ import annotations

import pytest

from zhpress.translate.segments import segment_text, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("一是推动；二是加强；", ["一是推动；", "二是加强；"]),
        ("ASCII stops! work? too;yes", ["ASCII stops!", "work?", "too;", "yes"]),
        # a stop inside quotes or brackets does not split; the closer stays with it
        ("他说：“我们要努力。”然后走了。", ["他说：“我们要努力。”然后走了。"]),
        ("落实“看北京首先要从政治上看”的要求。", ["落实“看北京首先要从政治上看”的要求。"]),
        ("会议强调（详见附件。）继续推进。", ["会议强调（详见附件。）继续推进。"]),
        ("他说“好。”", ["他说“好。”"]),
        # decimals, versions and enumerators are not sentence ends
        ("增长4.5%。落实2.0版方案。", ["增长4.5%。", "落实2.0版方案。"]),
        ("1.持续提升首都功能。", ["1.持续提升首都功能。"]),
        # an ASCII full stop between Chinese characters ends a sentence
        ("完成全年任务.下一步继续推进。", ["完成全年任务.", "下一步继续推进。"]),
        ("Total 3.5 m. Next one", ["Total 3.5 m.", "Next one"]),
        # repeated stops stay together; a lone closer is glued on
        ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ],
)
def test_sentence_rules(text, expected):
    assert split_sentences(text) == expected


def test_long_quoted_passage_is_split_like_running_text():
    first = (
        "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，" * 3
        + "着力推动高质量发展。"
    )
    second = "更好统筹发展和安全，全面深化改革开放，持续增强发展动力和活力。"
    text = f"报告指出：“{first}{second}”会议要求各地认真落实。"
    parts = split_sentences(text)
    assert parts == [f"报告指出：“{first}", f"{second}”", "会议要求各地认真落实。"]


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    assert split_sentences("坏“引号开始。后面。再后面。") == ["坏“引号开始。", "后面。", "再后面。"]


BODY = "## 一、回顾\n\n第一段。第二句。\n\n第二段。\n\n- 项目。\n"


def _ids(body: str) -> dict[str, str]:
    return {s.text: s.id for b in segment_text(body) for s in b.sentences}


def test_ids_survive_inserting_and_editing_other_paragraphs():
    before = _ids(BODY)
    inserted = _ids(BODY.replace("第二段。", "新插入的段落。\n\n第二段。"))
    edited = _ids(BODY.replace("第一段。第二句。", "第一段改了。第二句。"))
    assert inserted["第二段。"] == before["第二段。"]
    assert inserted["项目。"] == before["项目。"]
    assert edited["第二段。"] == before["第二段。"]
    assert edited["第二句。"] != before["第二句。"]  # its own paragraph changed


def test_duplicate_paragraphs_get_distinct_ids_and_whitespace_is_normalised():
    blocks = segment_text("同样。\n\n同样。\n\n同样。")
    assert len({b.id for b in blocks}) == 3
    assert blocks[1].id == f"{blocks[0].id}-2"
    assert segment_text("同样 的 话。")[0].id == segment_text("同样  的\u3000话。")[0].id


def test_block_kinds_and_levels():
    body = "## 标题\n\n### 小标题\n\n段落第一行\n第二行。\n\n- 项一。\n  - 子项。\n1. 编号。\n\n> 引文。\n\n| 指标 | 数值 |\n|---|---|\n| 收入 | 195亿元 |\n\n![图](a.png)"
    blocks = segment_text(body)
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds == [
        ("heading", 2),
        ("heading", 3),
        ("paragraph", 0),
        ("item", 0),
        ("item", 1),
        ("item", 0),
        ("quote", 0),
        ("table", 0),
        ("raw", 0),
        ("table", 0),
        ("raw", 0),
    ]
    assert blocks[2].sentences[0].text == "段落第一行第二行。"  # Chinese soft break joins
    assert [s.text for s in blocks[9].sentences] == ["收入", "195亿元"]
    assert blocks[10].sentences == []


def test_traditional_source_gives_simplified_msgids():
    (block,) = segment_text("區級財政收入增長。", script="hant")
    assert block.source == "區級財政收入增長。"
    assert block.sentences[0].text == "区级财政收入增长。"
