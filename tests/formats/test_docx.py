"""The DOCX reader: Word's headings, list numbers, tables and footnotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from zhpress.errors import SourceError
from zhpress.ingest.readers.docx import read_docx
from zhpress.ingest.readers.docx_numbering import ListNumbering, chinese_number, format_number


@pytest.mark.parametrize(
    ("value", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"),
     (100, "一百"), (105, "一百零五"), (110, "一百一十"), (123, "一百二十三")],
)
def test_chinese_counting(value: int, text: str) -> None:
    assert chinese_number(value) == text


def test_number_formats() -> None:
    assert format_number(3, "chineseCounting") == "三"
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(7, "decimal") == "7"


def test_list_counters_nest_and_restart() -> None:
    numbering = parse_xml(
        f'<w:numbering {nsdecls("w")}>'
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="8"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    lists = ListNumbering.from_part(numbering)
    labels = [lists.next_label("7", level)[1] for level in (0, 1, 1, 2, 0, 1)]
    assert labels == ["一、", "（一）", "（二）", "1.2.1", "二、", "（一）"]
    assert lists.next_label("8", 0) == ("number", "五、")  # a restarted list
    assert lists.next_label("99", 0) is None


def test_fixture_document(report_docx: Path) -> None:
    doc = read_docx(report_docx)
    assert doc.fmt == "docx"
    assert doc.meta == {"title": "关于2024年城市更新工作情况的报告"}
    lines = doc.lines
    assert lines[0] == "关于2024年城市更新工作情况的报告"
    assert [line for line in lines if line.startswith("#")] == [
        "## 一、主要工作进展", "### （一）老旧小区综合整治", "### （二）街区更新和公共空间",
        "## 二、下一步工作安排",
    ]
    assert "1. 完成楼本体节能改造36万平方米。" in lines
    assert "2. 新建和改造停车位2100个。" in lines
    assert "- 南锣片区胡同微更新" in lines
    assert "| 综合整治小区（个） | 35 | 42 |" in lines
    assert "全年完成老旧小区综合整治42个[^1]，惠及居民1.6万户，新增加装电梯118部。" in lines
    assert lines[-2:] == [
        "[^1]: 老旧小区指2000年底前建成、失养失修失管的住宅小区。",
        "[^2]: 数据来源：区住房城乡建设委2024年统计快报。",
    ]
    # A line break inside a paragraph separates two paragraphs.
    assert "坚持“留改拆”并举，推进街区整体更新。" in lines


def test_chinese_style_names_and_merged_cells(tmp_path: Path) -> None:
    document = Document()
    for name in ("标题 1", "标题 2"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("一、总体要求", style="标题 1")
    document.add_paragraph("（一）指导思想", style="标题 2")
    document.add_paragraph("坚持以人民为中心。")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "指标|单位"
    table.cell(0, 2).text = "数值"
    for cell, value in zip(table.rows[1].cells, ["面积", "平方米", "1200"], strict=True):
        cell.text = value
    path = tmp_path / "styles.docx"
    document.save(str(path))
    assert read_docx(path).lines == [
        "## 一、总体要求",
        "### （一）指导思想",
        "坚持以人民为中心。",
        "| 指标\\|单位 |  | 数值 |",
        "| --- | --- | --- |",
        "| 面积 | 平方米 | 1200 |",
    ]


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04broken", b"<html>not word</html>"])
def test_unreadable_docx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="not a readable DOCX file") as caught:
        read_docx(path)
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(SourceError, match="not a readable DOCX file"):
        read_docx(path)


def test_paragraphs_inside_content_controls(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("受区人民政府委托，报告如下。")
    body = document.element.body
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>全年完成老旧小区综合整治42个。</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)  # before the section properties
    document.add_paragraph("以上报告，请予审议。")
    path = tmp_path / "controls.docx"
    document.save(str(path))
    assert read_docx(path).lines == [
        "受区人民政府委托，报告如下。", "全年完成老旧小区综合整治42个。", "以上报告，请予审议。"
    ]


@pytest.mark.parametrize(
    ("core_title", "expected"),
    [("关于做好防汛工作的通知", {"title": "关于做好防汛工作的通知"}),
     ("Normal.dotm", {}), ("区政府办公室公文模板", {})],
)
def test_core_title_only_when_the_document_shows_it(
    tmp_path: Path, core_title: str, expected: dict
) -> None:
    document = Document()
    document.core_properties.title = core_title
    document.add_paragraph("关于做好防汛工作的通知")
    document.add_paragraph("各街道、各部门要压实防汛责任。")
    path = tmp_path / "notice.docx"
    document.save(str(path))
    assert read_docx(path).meta == expected


def test_number_and_text_separator() -> None:
    from zhpress.ingest.readers.docx import _separator

    assert _separator("一、", "总体要求") == ""
    assert _separator("（一）", "指导思想") == ""
    assert _separator("1.", "完成楼本体节能改造") == ""
    assert _separator("第一章", "总则") == " "
    assert _separator("1.", "Overview") == " "
