"""Render Chinese text into HTML, DOCX and PDF files for the format tests.

The renderings carry each source line as one paragraph, wrapped in what such
files really contain: a web page's navigation, share buttons, comment widget,
related-article list, script/style/iframe; a PDF's page headers, footers and
page numbers with paragraphs broken across lines and pages.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

PAGE_TOP = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<title>{title} - 首都之窗 - 北京市人民政府门户网站</title>
<style>body {{ font-family: sans-serif; }} .share a {{ color: #c00; }}</style>
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<script src="https://cdn.example.cn/js/analytics.js"></script>
</head>
<body onload="track('load')">
<div class="topbar"><a href="/">首页</a> | <a href="/login">登录</a> | <a href="/en">English</a></div>
<nav class="main-nav"><ul>
<li><a href="/news/">要闻动态</a></li><li><a href="/policy/">政策文件</a></li>
<li><a href="/service/">政务服务</a></li><li><a href="/data/">数据开放</a></li>
<li><a href="/interact/">互动交流</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/policy/">政策文件</a> &gt; 正文</div>
<div class="container"><div class="article">
"""

PAGE_BOTTOM = """</div>
<div class="share">分享到：<a href="#" onclick="share('weixin')">微信</a>
<a href="#" onclick="share('weibo')">微博</a> <a href="#" onclick="window.print()">打印本页</a>
<a href="#" onclick="window.close()">关闭窗口</a></div>
<iframe src="https://ads.example.cn/banner?id=42" width="300" height="250"></iframe>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/a/1.html">北京市召开全市优化营商环境大会</a><span>2024-01-20</span></li>
<li><a href="/a/2.html">市政府常务会议研究部署春运工作</a><span>2024-01-18</span></li>
<li><a href="/a/3.html">本市发布促进消费十条措施</a><span>2024-01-15</span></li>
</ul></div>
<div class="comments" id="comments"><h3>最新评论</h3><p>已有0人发表了评论</p>
<form><textarea placeholder="我来说两句"></textarea><button onclick="post()">发表评论</button></form></div>
</div>
<footer><p>主办：北京市人民政府办公厅 承办：北京市政务服务和数据管理局</p>
<p>版权所有 京ICP备05060933号 京公网安备11010502039230号</p></footer>
<script>track('view');</script>
</body>
</html>
"""


def render_html(lines: list[str], title: str, *, charset: str = "utf-8") -> bytes:
    """A saved government web page with ``lines`` as the article's paragraphs."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
    page = PAGE_TOP.format(charset=charset, title=html.escape(title)) + body + PAGE_BOTTOM
    return page.encode(charset)


def cjk_font() -> Path | None:
    """A CJK font with TrueType outlines, or None.

    fpdf2 embeds CFF-outline CJK fonts (Noto CJK) with an encoding CMap that
    pdfminer cannot read back, so only TrueType-outline fonts make PDFs whose
    text layer pdfplumber extracts (Debian package ``fonts-wqy-microhei``).
    """
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh:fontformat=TrueType", "file"],
            capture_output=True, text=True, check=False,
        ).stdout
    except OSError:
        out = ""
    candidates = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    known = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if known.is_file():
        candidates.insert(0, str(known))
    for name in candidates:
        if Path(name).is_file():
            return Path(name)
    return None


def render_docx(lines: list[str], path: Path) -> Path:
    """A Word file with one Normal paragraph per non-empty line."""
    from docx import Document

    document = Document()
    for line in lines:
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


def _latin(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ",.;:!?'\"()-")


def wrap(text: str, width_of, limit: float) -> list[str]:
    """Break ``text`` into lines the way Chinese typesetting does: anywhere.

    fpdf2 only breaks at spaces, which leaves a long gap at the end of a line
    before a Latin word in Chinese text; real typesetters break between any
    two characters. A break is never put next to a space, whose glyph would
    vanish at the line end (a PDF cannot show it).
    """
    lines: list[str] = []
    start, used = 0, 0.0
    index = 0
    while index < len(text):
        w = width_of(text[index])
        if used + w > limit and index > start:
            end = index
            line = text[start:end]
            latin_line = sum(map(_latin, line)) > 0.7 * len(line.replace(" ", "") or "x")
            if latin_line and (_latin(text[end]) or text[end] == " "):
                # Latin words are not split: break at the last space instead,
                # which the line end swallows, as in any typeset text.
                space = end if text[end] == " " else text.rfind(" ", start, end)
                if space > start and _latin(text[space - 1]):
                    lines.append(text[start:space])
                    start, used, index = space + 1, 0.0, space + 1
                    continue
            while end - 1 > start and (
                text[end] == " " or text[end - 1] == " "
                or (text[end].isascii() and text[end].isalpha()
                    and text[end - 1].isascii() and text[end - 1].isalpha())
            ):
                # Nor inside a Latin word ("GDP"), which typesetters keep whole.
                end -= 1
            lines.append(text[start:end])
            start, used, index = end, 0.0, end
            continue
        used += w
        index += 1
    if start < len(text):
        lines.append(text[start:])
    return lines


def render_pdf(
    lines: list[str],
    path: Path,
    font: Path,
    *,
    style: str = "spaced",
    header: str = "北京市人民政府公报",
    page_numbers: str = "第 {n} 页",
    columns: int = 1,
    size: float = 11,
    title_size: float | None = None,
    page_format: str = "A4",
) -> Path:
    """A printed report: running header, page numbers, wrapped paragraphs.

    ``style`` is how paragraphs are told apart: ``spaced`` (space between
    paragraphs), ``indent`` (first line indented by two full-width spaces,
    the Chinese convention, no extra space) or ``plain`` (neither: only
    punctuation tells). ``columns=2`` sets the text in two columns.
    ``title_size`` prints the first line larger, as a title.
    """
    from datetime import UTC, datetime

    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.set_xy(self.l_margin, 10)
            self.cell(self.w - self.l_margin - self.r_margin, 5, header, align="C")

        def footer(self) -> None:
            self.set_font("cjk", size=9)
            self.set_xy(self.l_margin, -15)
            self.cell(self.w - self.l_margin - self.r_margin, 5,
                      page_numbers.format(n=self.page_no(), nb="{nb}"), align="C")

    pdf = Printed(format=page_format)
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    pdf.add_font("cjk", fname=str(font))
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 25, 20)
    top, bottom = 25.0, pdf.h - 25.0
    gutter = 10.0
    col_width = (pdf.w - 40 - (gutter if columns == 2 else 0)) / columns
    state = {"col": 0, "y": top}

    def new_column() -> None:
        if state["col"] + 1 < columns:
            state["col"] += 1
        else:
            pdf.add_page()
            state["col"] = 0
        state["y"] = top

    widths: dict[tuple[float, str], float] = {}

    def width_of(char: str) -> float:
        key = (pdf.font_size_pt, char)
        if key not in widths:
            widths[key] = pdf.get_string_width(char)
        return widths[key]

    pdf.add_page()
    for index, text in enumerate(line for line in lines if line.strip()):
        font_size = title_size if (index == 0 and title_size) else size
        pdf.set_font("cjk", size=font_size)
        height = font_size * 0.6
        if style == "indent":
            text = "\u3000\u3000" + text
        for piece in wrap(text, width_of, col_width):
            if state["y"] + height > bottom:
                new_column()
            pdf.set_xy(20 + state["col"] * (col_width + gutter), state["y"])
            pdf.cell(col_width, height, piece)
            state["y"] += height
        if style == "spaced":
            state["y"] += height * 0.6
    pdf.output(str(path))
    return path
