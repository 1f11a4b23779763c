"""Noise removal: pinyin annotations, page boilerplate, captions, credits, spaces."""

from __future__ import annotations

import pytest

from zhpress.ingest.clean import (
    BoilerplateRule,
    CaptionRule,
    CreditsRule,
    PinyinRule,
    WhitespaceRule,
    credit_names,
)
from zhpress.ingest.document import Doc


def _run(rule, lines: list[str], meta: dict | None = None) -> Doc:
    doc = Doc(lines=list(lines), meta=dict(meta or {}))
    rule.run(doc)
    return doc


@pytest.mark.parametrize(
    "text,expected",
    [
        ("北京市東城區(qū)人民政府", "北京市東城區人民政府"),
        ("區(qū)政協(xié)委員", "區政協委員"),
        ("目標(biāo)任務(wù)", "目標任務"),
        ("全角括號區（qū）也算", "全角括號區也算"),
        ("亂碼有序?qū)實施", "亂碼有序實施"),
        ("亂碼瑓^(qū)啟動", "亂碼瑓^啟動"),
        ("綠色(lǜ)發展", "綠色發展"),
    ],
)
def test_pinyin_annotations_removed(text: str, expected: str) -> None:
    assert _run(PinyinRule(), [text]).lines == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "(一)坚持首善标准",
        "朝阜路(东城段)环境整治",
        "不动产投资信托基金(REITs)、创业投资基金",
        "22号线(平谷线)通车",
        "推动M102(支)线向北延伸",
        "缩写(ABC)不是拼音",
        "(ā) 单独出现",
        "拼音 mā (ā) 不跟在汉字后",
        "abc(ā)拉丁字母后",
        "数字(2024)",
    ],
)
def test_real_parentheses_kept(text: str) -> None:
    assert _run(PinyinRule(), [text]).lines == [text]


def test_whitespace_around_punctuation_goes_but_separators_stay() -> None:
    doc = _run(
        WhitespaceRule(),
        [
            "开墙打洞、 “大棚房”、路口",
            "一批标志性“金融 总部 科创”项目",
            "\u3000\u3000缩进的段落\u200b文字  两个空格",
            "   ",
            "## 标题 ， 后",
        ],
    )
    assert doc.lines == [
        "开墙打洞、“大棚房”、路口",
        "一批标志性“金融 总部 科创”项目",
        "缩进的段落文字 两个空格",
        "## 标题，后",
    ]


def test_comment_counters_and_related_reading_block_dropped() -> None:
    lines = [
        "正文第一段。",
        "已有0人发表了评论",
        "相关阅读",
        "西北城市一刻钟便民生活圈建设如何“破圈”?",
        "中国新闻网 2024-11-15",
        "高质量发展调研行 | 北京建成一刻钟便民生活圈501个",
        "北京青年报客户端 2024-10-15",
        "最新评论",
    ]
    assert _run(BoilerplateRule(), lines).lines == ["正文第一段。"]


def test_body_resumes_after_related_block() -> None:
    prose = "这是一个很长的正文段落，" * 6 + "结束。"
    lines = ["相关阅读", "某标题", "经济日报 2024-04-18", prose]
    assert _run(BoilerplateRule(), lines).lines == [prose]


def test_caption_without_image_dropped_with_image_kept() -> None:
    caption = "2月21日在故宫角楼拍摄的雪景。新华社记者 鞠焕宗 摄"
    assert _run(CaptionRule(), ["第四，正文。", caption, "第五，正文。"]).lines == [
        "第四，正文。",
        "第五，正文。",
    ]
    kept = _run(CaptionRule(), ["![雪景](snow.jpg)", caption]).lines
    assert kept == ["![雪景](snow.jpg)", f"*{caption}*"]


def test_sentence_ending_in_she_is_not_a_caption() -> None:
    line = "本市将继续加大对重点项目的投资力度和拍摄"
    assert _run(CaptionRule(), [line]).lines == [line]


def test_credits_move_to_metadata() -> None:
    doc = _run(
        CreditsRule(),
        ["正文。", "文/北京青年报记者 蒋若静 刘洋", "摄影/北京青年报记者 崔峻", "编辑/彭小菲"],
    )
    assert doc.lines == ["正文。"]
    assert doc.meta["credits"] == {
        "reporters": ["蒋若静", "刘洋"],
        "photographers": ["崔峻"],
        "editors": ["彭小菲"],
    }
    assert doc.meta["authors"] == ["蒋若静", "刘洋"]


def test_credit_names() -> None:
    assert credit_names("新华社记者 张三、李四") == ["张三", "李四"]
    assert credit_names("王五") == ["王五"]


def test_long_prose_starting_like_furniture_is_kept() -> None:
    line = "扫一扫二维码即可在线办理全部政务服务事项，实现群众办事“一次不用跑”。"
    assert _run(BoilerplateRule(), [line, "分享到："]).lines == [line]
