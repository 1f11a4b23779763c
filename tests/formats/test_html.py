"""The HTML reader keeps the article and nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.errors import SourceError
from zhpress.ingest.readers.html import read_html

from .conftest import FIXTURES
from .render import render_html

ARTICLE = [
    "市发改委副主任张鑫介绍，2023年全市GDP超过4.37万亿元，同比增长5.2%，好于年初预期目标。",
    "张鑫表示，2024年挑战和机遇并存，有利条件强于不利因素，将重点提升“六力”。",
    "今年将出台怀柔综合性国家科学中心创新实施方案，打好关键核心技术攻坚战。",
]


def _page(tmp_path: Path, body: str, head: str = "", name: str = "page.html",
          charset: str = "utf-8") -> Path:
    html = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>测试页面 - 新闻网</title>'
            f"{head}</head><body><nav><a href='/'>首页</a> <a href='/n'>新闻</a></nav>"
            f"<article>{body}</article><footer>版权所有 新闻网</footer></body></html>")
    if charset == "big5":  # a Taiwan/Hong Kong site: the page around is Traditional too
        for simplified, traditional in (("测试页面", "測試頁面"), ("新闻", "新聞"), ("首页", "首頁"),
                                        ("版权所有", "版權所有")):
            html = html.replace(simplified, traditional)
    path = tmp_path / name
    path.write_bytes(html.encode(charset))
    return path


def test_page_furniture_never_reaches_the_output() -> None:
    doc = read_html(FIXTURES / "article.html")
    text = "\n".join(doc.lines)
    for furniture in ("首页", "分享到", "微博", "相关阅读", "南锣片区胡同微更新方案公示",
                      "已有0人发表了评论", "发表评论", "热点排行", "版权所有", "举报电话",
                      "广告", "您的位置"):
        assert furniture not in text, furniture
    for code in ("<", ">", "onclick", "onerror", "_hmt", "initPage", "text-indent", "iframe", "player."):
        assert code not in text, code
    # Inline markup is dropped but its words stay in place.
    assert "采取“居民点单、部门接单”的方式，先问需后施工。" in text
    assert doc.fmt == "html"


def test_structure_the_page_marks_up_is_kept() -> None:
    lines = read_html(FIXTURES / "article.html").lines
    assert lines[0] == "东华区启动老旧小区改造三年行动"  # the headline, for the title rules
    assert "## 改造内容“菜单式”征求居民意见" in lines
    assert "- 完善类：加装电梯、增设停车位、无障碍设施；" in lines
    start = lines.index("| 项目 | 2023年完成 | 2024年目标 |")
    assert lines[start + 1 : start + 4] == [
        "| --- | --- | --- |", "| 综合整治小区（个） | 35 | 42 |", "| 加装电梯（部） | 96 | 118 |"
    ]
    # <br> inside a paragraph separates two paragraphs.
    assert "改造完成后，各小区将引入专业物业服务，建立长效管理机制。" in lines


def test_metadata_comes_from_the_pages_own_tags() -> None:
    doc = read_html(FIXTURES / "article.html")
    assert doc.meta == {
        "title": "东华区启动老旧小区改造三年行动",
        "date": "2024-03-12",
        "outlet": "东华新闻网",
        "authors": ["王晓雪", "李明"],
        "url": "https://news.donghua.example.cn/2024/03/12/renovation.html",
    }


def test_no_guessed_metadata(tmp_path: Path) -> None:
    """Dates in a related-articles list and the <title> are not the article's."""
    path = tmp_path / "plain.html"
    path.write_bytes(render_html(ARTICLE, "发布会"))
    doc = read_html(path)
    assert doc.meta == {}
    assert doc.lines == ARTICLE


def test_info_bar_becomes_metadata_and_credit_line(tmp_path: Path) -> None:
    body = ("<h1>今年将建80个便民生活圈</h1><div>发布时间：2024年01月23日 07:40 来源：北京青年报 "
            "责任编辑：刘洋 字号：大 中 小</div>" + "".join(f"<p>{p}</p>" for p in ARTICLE))
    doc = read_html(_page(tmp_path, body))
    assert doc.lines[:2] == ["今年将建80个便民生活圈", "责任编辑：刘洋"]
    assert doc.lines[2:] == ARTICLE
    assert doc.meta["date"] == "2024-01-23"
    assert doc.meta["outlet"] == "北京青年报"


def test_heading_levels_are_relative(tmp_path: Path) -> None:
    body = ("<h3>一、总体情况</h3><p>" + ARTICLE[0] + "</p><h4>（一）经济运行</h4><p>" + ARTICLE[1]
            + "</p><h3>二、下一步安排</h3><p>" + ARTICLE[2] + "</p>")
    lines = read_html(_page(tmp_path, body)).lines
    assert [line for line in lines if line.startswith("#")] == [
        "## 一、总体情况", "### （一）经济运行", "## 二、下一步安排"
    ]


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "big5"])
def test_declared_legacy_charset(tmp_path: Path, charset: str) -> None:
    text = ARTICLE if charset != "big5" else ["市發改委副主任張鑫介紹，2023年全市GDP超過4.37萬億元，同比增長5.2%。"]
    author = "张鑫" if charset != "big5" else "張鑫"
    path = _page(tmp_path, "".join(f"<p>{p}</p>" for p in text), charset=charset,
                 head=f'<meta name="author" content="{author}">')
    doc = read_html(path)
    assert doc.lines == text
    assert doc.meta == {"authors": [author]}


def test_metadata_of_a_page_without_declared_charset(tmp_path: Path) -> None:
    page = ('<html><head><meta property="og:title" content="本市发布促进消费十条措施"></head>'
            "<body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>")
    path = tmp_path / "nocharset.html"
    path.write_bytes(page.encode("utf-8"))
    assert read_html(path).meta == {"title": "本市发布促进消费十条措施"}


def test_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="utf-8"></head><body><article>'
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>")
    path = tmp_path / "gbk.html"
    path.write_bytes(html.encode("gb18030"))
    assert read_html(path).lines == ARTICLE


def test_unsafe_image_sources_are_dropped(tmp_path: Path) -> None:
    body = ("".join(f"<p>{p}</p>" for p in ARTICLE)
            + '<p><img src="javascript:alert(1)" alt="x"><img src="/img/a b.jpg" alt="y">'
            + '<img src="../../etc/passwd" alt="z"></p>'
            + '<figure><img src="https://img.example.cn/2024/photo.jpg" alt="发布会现场"></figure>')
    lines = read_html(_page(tmp_path, body)).lines
    assert lines[:3] == ARTICLE
    assert [line for line in lines if line.startswith("![")] == [
        "![发布会现场](https://img.example.cn/2024/photo.jpg)"
    ]


def test_figure_caption_follows_its_image(tmp_path: Path) -> None:
    body = ("".join(f"<p>{p}</p>" for p in ARTICLE)
            + '<figure><img src="https://img.example.cn/2024/photo.jpg" alt="">'
            + "<figcaption>1月22日，新闻发布会现场。本报记者 张三 摄</figcaption></figure>"
            + "<p>发布会上，相关负责人回答了记者提问。</p>")
    lines = read_html(_page(tmp_path, body)).lines
    at = lines.index("![](https://img.example.cn/2024/photo.jpg)")
    assert lines[at + 1] == "1月22日，新闻发布会现场。本报记者 张三 摄"


def test_page_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><body><nav><a href='/'>首页</a></nav><script>x()</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="no main text found") as caught:
        read_html(path)
    assert caught.value.path == str(path)


def test_json_ld_graph_and_plain_author(tmp_path: Path) -> None:
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "首都之窗"},'
            '{"@type": ["NewsArticle"], "headline": "本市发布促进消费十条措施",'
            ' "datePublished": "2024-01-15", "author": "张鑫",'
            ' "publisher": {"@type": "Organization", "name": "北京日报"}}]}</script>'
            '<meta property="og:title" content="被JSON-LD覆盖的标题">'
            '<link rel="canonical" href="javascript:alert(1)">')
    doc = read_html(_page(tmp_path, "".join(f"<p>{p}</p>" for p in ARTICLE), head=head))
    assert doc.meta == {"title": "本市发布促进消费十条措施", "date": "2024-01-15",
                        "outlet": "北京日报", "authors": ["张鑫"]}


def test_page_whose_only_text_is_a_link_list(tmp_path: Path) -> None:
    path = tmp_path / "list.html"
    items = "".join(f'<li><a href="/a/{n}.html">第{n}期政府公报</a></li>' for n in range(1, 9))
    path.write_text(f"<html><body><div class='list'><ul>{items}</ul></div></body></html>",
                    encoding="utf-8")
    with pytest.raises(SourceError, match="no main text found"):
        read_html(path)
