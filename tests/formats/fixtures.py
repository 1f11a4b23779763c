"""Hand-written fixture documents: a district report as DOCX, PDF and web page.

The text is written for these tests (not taken from the corpus). Each builder
is deterministic apart from container timestamps, so tests compare what is
read out of the files, never the files' bytes.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Two lists Word would make for a Chinese report: "一、" for sections with
# "（一）" below it, and "1." for items.
NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""
NUMBERING_ITEMS = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
"""

FOOTNOTES = [
    "老旧小区指2000年底前建成、失养失修失管的住宅小区。",
    "数据来源：区住房城乡建设委2024年统计快报。",
]


def build_docx(path: Path) -> Path:
    """A district work report using Word's own structure, not typed numbers."""
    document = Document()
    document.core_properties.title = ""
    numbering = document.part.numbering_part.element
    # abstractNum elements must precede num elements in numbering.xml.
    first_num = numbering.find(f"{{{W}}}num")
    for xml in (NUMBERING, NUMBERING_ITEMS):
        first_num.addprevious(parse_xml(xml))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    document.add_paragraph("关于2024年城市更新工作情况的报告", style="Title")
    document.add_paragraph("——2024年11月20日在东华区第十八届人民代表大会常务委员会第九次会议上")
    document.add_paragraph("东华区人民政府副区长 林晓明")
    document.add_paragraph("主任、各位副主任、各位委员：")
    document.add_paragraph("受区人民政府委托，现将我区2024年城市更新工作情况报告如下，请予审议。")

    _numbered(document.add_paragraph("主要工作进展", style="Heading 1"), 90, 0)
    _numbered(document.add_paragraph("老旧小区综合整治", style="Heading 2"), 90, 1)
    para = document.add_paragraph("全年完成老旧小区综合整治42个")
    _footnote_ref(para, 1)
    para.add_run("，惠及居民1.6万户，新增加装电梯118部。")
    for text in ("完成楼本体节能改造36万平方米。", "新建和改造停车位2100个。"):
        _numbered(document.add_paragraph(text, style="List Number"), 91, 0)
    _numbered(document.add_paragraph("街区更新和公共空间", style="Heading 2"), 90, 1)
    document.add_paragraph("建成口袋公园和小微绿地15处。改造背街小巷27条，", style="Normal").add_run(
        "实现“街净、墙美、秩序好”。"
    )
    for text in ("南锣片区胡同微更新", "滨河绿道贯通工程"):
        document.add_paragraph(text, style="List Bullet")

    table = document.add_table(rows=3, cols=3)
    cells = [["指标", "2023年", "2024年"], ["综合整治小区（个）", "35", "42"],
             ["加装电梯（部）", "96", "118"]]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    para = document.add_paragraph("全年城市更新完成投资28.5亿元")
    _footnote_ref(para, 2)
    para.add_run("。")

    _numbered(document.add_paragraph("下一步工作安排", style="Heading 1"), 90, 0)
    para = document.add_paragraph("坚持“留改拆”并举，推进街区整体更新。")
    para.add_run().add_break()
    para.add_run("加强资金保障，引入社会资本参与。")
    document.add_paragraph("以上报告，请予审议。")
    _add_footnotes(document, FOOTNOTES)
    document.save(str(path))
    return path


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _footnote_ref(paragraph, note_id: int) -> None:
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    ))


def _add_footnotes(document, notes: list[str]) -> None:
    """python-docx cannot write footnotes; add the part the way Word stores it."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, text in enumerate(notes, start=1):
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f"</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> {text}</w:t></w:r>"
            "</w:p></w:footnote>"
        )
    xml = f'<w:footnotes xmlns:w="{W}">' + "".join(body) + "</w:footnotes>"
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
