"""Chinese numbering, lead lines, enumerations and lists become Markdown structure."""

from __future__ import annotations

import pytest

from zhpress.ingest.punctuation import normalise_punctuation

from .helpers import run_rules

PARA = (
    "这是一段足够长的正文段落，用来说明上一行的内容，并且以句号结束。"
    "真实报告里的段落通常有好几句话，长度远远超过作为小标题的那一行。"
)


def test_numbering_levels_nest_in_order() -> None:
    body, _ = run_rules(
        [
            "一、总体要求",
            "(一)第一小节",
            "1.第一项",
            "(1)细目",
            "①更细",
            PARA,
            "二、第二部分",
        ]
    )
    assert body.split("\n\n")[:6] == [
        "## 一、总体要求",
        "### （一）第一小节",
        "#### 1.第一项",
        "##### （1）细目",
        "###### ①更细",
        PARA,
    ]
    assert body.rstrip().endswith("## 二、第二部分")


def test_levels_are_relative_to_outermost_style_used() -> None:
    body, _ = run_rules(["(三)北京市工作", "1.持续提升首都功能", PARA, "2.建设科创中心", PARA])
    lines = [line for line in body.splitlines() if line.startswith("#")]
    assert lines == ["## （三）北京市工作", "### 1.持续提升首都功能", "### 2.建设科创中心"]


def test_long_numbered_paragraph_is_not_a_heading() -> None:
    line = "1.要完善体系。通过技术变革，优化调整布局。继续推动发展。"
    body, _ = run_rules([line])
    assert not body.startswith("#")
    assert body.startswith("1.要完善体系。")


def test_lead_line_heads_following_paragraph_one_level_down() -> None:
    body, _ = run_rules(
        ["一、高质量推动规划体系全面落地", "基本建成城市框架，搭建副中心“四梁八柱”。", PARA]
    )
    assert body == (
        "## 一、高质量推动规划体系全面落地\n\n### 基本建成城市框架，搭建副中心“四梁八柱”\n\n"
        + PARA
        + "\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "各位代表：",
        "一年来，主要做了以下工作。",  # followed by a heading, not a paragraph
        "贯彻总体国家安全观，树牢红线意识和底线思维，推动良性互动。",  # several clauses
        "现将有关情况报告如下。",
        "同志们",
    ],
)
def test_not_lead_lines(line: str) -> None:
    nxt = "（一）小节标题" if "以下" in line else PARA
    body, _ = run_rules([line, nxt])
    assert body.startswith(line.replace(":", "："))


def test_enumerated_runs_become_lists_keeping_ordinals() -> None:
    body, _ = run_rules(
        [
            "对此，我们要做好两个方面的工作：",
            "第一，深入落实城市总体规划。加快编制。",
            "第二，加强国际交往中心功能建设。提高水平。",
            "突出抓好两个方面重点工作：",
            "一是狠抓重大工程建设，全力展现新形象",
            "二是狠抓招商体制机制完善",
        ]
    )
    assert body == (
        "对此，我们要做好两个方面的工作：\n\n"
        "- 第一，深入落实城市总体规划。加快编制。\n"
        "- 第二，加强国际交往中心功能建设。提高水平。\n\n"
        "突出抓好两个方面重点工作：\n\n"
        "- 一是狠抓重大工程建设，全力展现新形象\n"
        "- 二是狠抓招商体制机制完善\n"
    )


def test_single_ordinal_line_stays_paragraph() -> None:
    body, _ = run_rules(["第一，只有一项。"])
    assert body == "第一，只有一项。\n"


def test_news_label_and_subtitle_make_a_section() -> None:
    body, _ = run_rules(
        [
            "今年将建80个一刻钟便民生活圈",
            "北京青年报客户端 2024-01-23 07:40",
            "昨日下午，发布会举行。",
            "市发改委",
            "围绕高质量发展重点提升“六力”",
            PARA,
        ]
    )
    assert "## 市发改委\n\n### 围绕高质量发展重点提升“六力”\n\n" + PARA in body


def test_label_lines_outside_news_are_not_sections() -> None:
    body, _ = run_rules(["市发改委", "围绕高质量发展重点提升“六力”", PARA])
    assert "## 市发改委" not in body


def test_markdown_lines_from_readers_are_respected() -> None:
    lines = [
        "## 已有标题(一)",
        "- 列表项一",
        "- 列表项二",
        "| 指标 | 数值 |",
        "| --- | --- |",
        "[^1]: 脚注,内容",
        "![图](a.png)",
        "一、编号标题",
    ]
    body, _ = run_rules(lines)
    assert body.splitlines() == [
        "## 已有标题（一）",
        "",
        "- 列表项一",
        "- 列表项二",
        "",
        "| 指标 | 数值 |",
        "| --- | --- |",
        "",
        "[^1]: 脚注，内容",
        "",
        "![图](a.png)",
        "",
        "## 一、编号标题",
    ]


def test_plain_text_that_looks_like_markdown_is_escaped() -> None:
    body, _ = run_rules(["#两会#热议话题", "正文段落。", "=====", "> 引用符号开头"])
    assert body.splitlines() == [
        "\\#两会#热议话题",
        "",
        "正文段落。",
        "",
        "\\=====",
        "",
        "> 引用符号开头",
    ]


def test_plain_text_already_in_markdown_list_syntax_is_kept_as_markdown() -> None:
    # The reader contract: a line in Markdown block syntax is taken as Markdown.
    body, _ = run_rules(["1. 第一条", "2. 第二条"])
    assert body == "1. 第一条\n2. 第二条\n"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("增长4.5%左右,主要是", "增长4.5%左右，主要是"),
        ("时间 2024-01-23 07:40 发布", "时间 2024-01-23 07:40 发布"),
        ("2023年1-11月,同比增长14%", "2023年1-11月，同比增长14%"),
        ("数量4,500家", "数量4,500家"),
        ("目标是:", "目标是："),
        ("如何“破圈”?", "如何“破圈”？"),
        ("朝阜路(东城段)环境", "朝阜路（东城段）环境"),
        ("基金(REITs),创业", "基金（REITs），创业"),
        ("见 https://example.com/a?b=1,c:2 网址", "见 https://example.com/a?b=1,c:2 网址"),
        ("GDP, ICT and 6G: Latin text (kept)", "GDP, ICT and 6G: Latin text (kept)"),
        ('他说"你好",然后', "他说“你好”，然后"),
        ("金隅环贸中心e座、M102线", "金隅环贸中心e座、M102线"),
        ("(一)坚持", "（一）坚持"),
        ("意见;建议!", "意见；建议！"),
    ],
)
def test_punctuation_normalised_only_in_chinese_context(text: str, expected: str) -> None:
    assert normalise_punctuation(text) == expected


def test_plain_numbered_lines_nest_under_reader_headings() -> None:
    body, _ = run_rules(["### 一、总体情况", "(一)第一方面", PARA, "1.细项", PARA])
    heads = [line for line in body.splitlines() if line.startswith("#")]
    assert heads == ["### 一、总体情况", "#### （一）第一方面", "##### 1.细项"]


def test_first_line_repeating_known_title_is_dropped() -> None:
    body, meta = run_rules(
        ["今年将建80个一刻钟便民生活圈", PARA], meta={"title": "今年将建80个一刻钟便民生活圈"}
    )
    assert body == PARA + "\n"
    body, _ = run_rules(["## 网页 标题", PARA], meta={"title": "网页标题"})
    assert body == PARA + "\n"


def test_parts_sit_above_chinese_numbering() -> None:
    body, _ = run_rules(["第一部分 总体要求", "一、指导思想", PARA, "1）具体任务", PARA])
    heads = [line for line in body.splitlines() if line.startswith("#")]
    assert heads == ["## 第一部分 总体要求", "### 一、指导思想", "#### 1）具体任务"]
