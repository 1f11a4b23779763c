"""The PDF reader: page furniture removed, wrapped lines re-joined, columns."""

from __future__ import annotations

from pathlib import Path

from zhpress.ingest.readers.pdf import read_pdf
from zhpress.ingest.readers.pdf_lines import Line
from zhpress.ingest.readers.pdf_paragraphs import join, paragraphs, strip_page_furniture

from .conftest import NOTICE_PDF, make_pdf

SIZE = 10.0
RIGHT = 500.0


def line(text: str, top: float, *, page: int = 1, x0: float = 50.0, x1: float | None = None,
         size: float = SIZE) -> Line:
    """A printed line; full width unless ``x1`` says where it stops."""
    return Line(text=text, x0=x0, x1=RIGHT if x1 is None else x1, top=top, bottom=top + size,
                size=size, page=page, column=0, first_word=size)


def test_chinese_lines_join_without_space_latin_with_one() -> None:
    assert join("推动京津冀协同发展走深", "走实，提升区域竞争力。") == "推动京津冀协同发展走深走实，提升区域竞争力。"
    assert join("全市GDP超过4.37万亿元，同比增长5", "%，好于预期。") == "全市GDP超过4.37万亿元，同比增长5%，好于预期。"
    assert join("The library will open an English", "reading room in 2025.") == (
        "The library will open an English reading room in 2025."
    )
    assert join("a bilingual story-", "telling session") == "a bilingual storytelling session"
    assert join("项目被命名为“Beijing", "Service”品牌。") == "项目被命名为“Beijing Service”品牌。"
    assert join("力争在人工智能、6", "G、新材料领域取得突破") == "力争在人工智能、6G、新材料领域取得突破"


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    pages = []
    for number in (1, 2, 3):
        pages.append([
            line("北京市人民政府公报 2024年第3期", 20, page=number, x0=200, x1=350),
            line(f"正文第{number}页的内容，会议指出要做好各项工作。", 150, page=number, x1=300),
            line("3", 400, page=number, x0=50, x1=56),  # a number in the text, mid-page
            line(f"第 {number} 页", 800, page=number, x0=270, x1=320),
        ])
    kept = strip_page_furniture(pages, [842.0] * 3)
    assert [[ln.text for ln in page] for page in kept] == [
        [f"正文第{n}页的内容，会议指出要做好各项工作。", "3"] for n in (1, 2, 3)
    ]


def test_page_number_styles() -> None:
    for style in ("- 4 -", "— 4 —", "4/12", "4 / 12", "第4页 共12页", "Page 4 of 12", "4"):
        page = [line("一、总体要求", 60, x1=120), line("坚持稳中求进。", 80, x1=150),
                line(style, 800, x0=270, x1=300)]
        assert [ln.text for ln in strip_page_furniture([page], [842.0])[0]] == [
            "一、总体要求", "坚持稳中求进。"
        ], style


def test_without_layout_signals_punctuation_and_numbering_decide() -> None:
    """No extra space, no indents: the Chinese conventions end paragraphs."""
    flow = [
        line("一、总体要求", 60, x1=110),
        line("坚持以人民为中心的发展思想，推动公共文化服务从“有没有”向“好不好”转变。", 72),
        line("到2026年，全区基本建成现代公共文化服务体系，每万人拥有公共文化设施", 84),
        line("面积达到1200平方米以上。", 96, x1=200),
        line("二、重点任务", 108, x1=110),
    ]
    assert paragraphs([flow]) == [
        "一、总体要求",
        "坚持以人民为中心的发展思想，推动公共文化服务从“有没有”向“好不好”转变。",
        "到2026年，全区基本建成现代公共文化服务体系，每万人拥有公共文化设施面积达到1200平方米以上。",
        "二、重点任务",
    ]


def test_with_paragraph_spacing_a_full_line_ending_in_a_full_stop_continues() -> None:
    """Where the layout spaces paragraphs, 。 at a line end is not a paragraph end."""
    flow = [
        line("第一段第一行，", 60),
        line("第一段第二行。", 72, x1=200),
        line("第二段的句子恰好在行尾结束。", 92),
        line("这一行仍属于第二段，", 104),
        line("并在这里结束。", 116, x1=300),
        line("第三段第一行，", 136),
        line("第三段第二行。", 148, x1=250),
    ]
    assert paragraphs([flow]) == [
        "第一段第一行，第一段第二行。",
        "第二段的句子恰好在行尾结束。这一行仍属于第二段，并在这里结束。",
        "第三段第一行，第三段第二行。",
    ]


def test_two_columns_read_like_one(font: Path, made: Path, notice_lines: list[str]) -> None:
    options = dict(NOTICE_PDF, style="spaced")
    one = read_pdf(make_pdf(notice_lines, made / "one-column.pdf", font, **options))
    two = read_pdf(make_pdf(notice_lines, made / "two-column.pdf", font, columns=2, **options))
    assert one.lines == notice_lines
    assert two.lines == notice_lines


def test_fixture_pdf(notice_pdf: Path, notice_lines: list[str]) -> None:
    doc = read_pdf(notice_pdf)
    assert doc.fmt == "pdf"
    assert doc.lines == notice_lines
    # The first line, set larger, is the document's title.
    assert doc.meta == {"title": "东华区关于推进公共文化服务高质量发展的实施意见"}


def test_running_header_repeating_the_title_keeps_the_title() -> None:
    title = "东华区关于推进公共文化服务高质量发展的实施意见"
    pages = [[line(title, 60, x0=100, x1=400, size=16),
              line("为深入贯彻落实国家和本市的部署要求，提出如下实施意见。", 150, x1=400),
              line("- 1 -", 800, x0=270, x1=300)]]
    for number in (2, 3):
        pages.append([line(title, 30, page=number, x0=150, x1=350, size=9),
                      line("加强组织领导，加大财政投入。", 150, page=number, x1=250),
                      line(f"- {number} -", 800, page=number, x0=270, x1=300)])
    kept = strip_page_furniture(pages, [842.0] * 3)
    assert [ln.text for ln in kept[0]] == [title, "为深入贯彻落实国家和本市的部署要求，提出如下实施意见。"]
    assert [ln.text for ln in kept[1]] == ["加强组织领导，加大财政投入。"]


def test_info_title_only_when_printed(font: Path, made: Path) -> None:
    from fpdf import FPDF

    def make(name: str, info_title: str) -> Path:
        pdf = FPDF()
        pdf.add_font("cjk", fname=str(font))
        pdf.set_title(info_title)
        pdf.add_page()
        pdf.set_font("cjk", size=11)
        for text in ("关于做好防汛工作的通知", "各街道、各部门要压实防汛责任。", "本通知自发布之日起施行。"):
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.output(str(made / name))
        return made / name

    assert read_pdf(make("titled.pdf", "关于做好防汛工作的通知")).meta == {
        "title": "关于做好防汛工作的通知"
    }
    assert read_pdf(make("word.pdf", "Microsoft Word - 文档1.docx")).meta == {}
    assert read_pdf(make("stale.pdf", "区政府办公室公文模板")).meta == {}
