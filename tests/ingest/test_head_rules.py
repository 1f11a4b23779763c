"""Title, subtitle, speaker and news byline become front matter."""

from __future__ import annotations

from zhpress.ingest.headlines import parse_chinese_date

from .helpers import run_rules


def test_spaced_title_wrapped_subtitle_and_speaker() -> None:
    body, meta = run_rules(
        [
            "政 府 工 作 報 告",
            "——2025年1月8日在北京市東城區(qū)第十七屆",
            "人民代表大會第五次會議上",
            "北京市東城區(qū)人民政府代區(qū)長 陳獻(xiàn)森",
            "各位代表:",
            "現在,我代表東城區人民政府,向大會報告政府工作,請予審議。",
            "各位代表!",
        ]
    )
    assert meta["title"] == "政府工作報告"
    assert meta["title_source"] == "document"
    assert meta["date"] == "2025-01-08"
    assert meta["date_source"] == "subtitle"
    assert meta["venue"] == "北京市東城區第十七屆人民代表大會第五次會議"
    assert meta["speaker"] == "陳獻森"
    assert meta["speaker_office"] == "北京市東城區人民政府代區長"
    assert meta["script"] == "hant"
    # Salutation and closing stay paragraphs, with full-width punctuation.
    assert body == (
        "各位代表：\n\n現在，我代表東城區人民政府，向大會報告政府工作，請予審議。\n\n各位代表！\n"
    )


def test_one_line_subtitle_with_chinese_numeral_date() -> None:
    _, meta = run_rules(
        ["政府工作报告", "——二〇二三年一月十二日在区第十六届人民代表大会第二次会议上", "正文。"]
    )
    assert meta["title"] == "政府工作报告"
    assert meta["date"] == "2023-01-12"
    assert meta["venue"] == "区第十六届人民代表大会第二次会议"
    assert "speaker" not in meta


def test_dash_line_without_title_is_not_a_subtitle() -> None:
    body, meta = run_rules(["未来五年的目标是：", "——城市承载力显著提升", "——民生福祉显著提升"])
    assert "date" not in meta
    assert body == "未来五年的目标是：\n\n- 城市承载力显著提升\n- 民生福祉显著提升\n"


def test_news_title_and_byline() -> None:
    body, meta = run_rules(
        [
            "今年将建80个一刻钟便民生活圈",
            "北京青年报客户端 2024-01-23 07:40",
            "昨日下午,发布会举行。",
        ]
    )
    assert meta["title"] == "今年将建80个一刻钟便民生活圈"
    assert meta["outlet"] == "北京青年报客户端"
    assert meta["date"] == "2024-01-23T07:40"
    assert meta["date_source"] == "byline"
    assert body == "昨日下午，发布会举行。\n"


def test_byline_without_time() -> None:
    _, meta = run_rules(["标题", "经济日报 2024-04-18", "正文。"])
    assert meta["date"] == "2024-04-18"
    assert meta["outlet"] == "经济日报"


def test_parse_chinese_date() -> None:
    assert parse_chinese_date("2024年1月8日") == "2024-01-08"
    assert parse_chinese_date("二〇二五年十二月三十一日") == "2025-12-31"
    assert parse_chinese_date("2024年13月8日") is None
    assert parse_chinese_date("没有日期") is None


def test_reader_metadata_wins_over_text() -> None:
    _, meta = run_rules(["标题", "经济日报 2024-04-18", "正文。"], meta={"title": "网页标题"})
    assert meta["title"] == "网页标题"
    assert meta["title_source"] == "txt"


def test_reader_date_objects_become_iso_text() -> None:
    import datetime

    _, meta = run_rules(["正文。"], meta={"date": datetime.date(2024, 1, 2)})
    assert meta["date"] == "2024-01-02"
    assert meta["date_source"] == "txt"
