"""Reader side: glossary pages, the tooltip treeprocessor, jieba, ambiguity review."""

from __future__ import annotations

import re
from pathlib import Path

import jieba
import markdown
import pytest

from zhpress.convert import ScriptConverter
from zhpress.glossary import load_glossary
from zhpress.glossary.ambiguity import ambiguity_findings
from zhpress.glossary.jieba_dict import add_glossary_words, jieba_userdict_text
from zhpress.glossary.markdown_ext import GlossaryExtension
from zhpress.glossary.pages import glossary_page_markdown, term_anchors

GLOSSARY = """\
terms:
  - zh: 胡同
    en: hutong
    zh_hant: 胡同
    dnt: true
  - zh: 雄安新区
    en: Xiong'an New Area
  - zh: 阿里
    en: Ngari
  - zh: 京津冀协同发展
    en: coordinated development of the Beijing-Tianjin-Hebei region
  - zh: 一带一路
    en: the Belt and Road Initiative
  - zh: 重庆
    en: Chongqing
  - zh: 中庆
    en: Zhongqing
  - zh: 北京城市副中心
    en: Beijing Municipal Administrative Center
    aliases: [城市副中心]
  - zh: 接诉即办
    en: swift response to public complaints
    status: proposed
  - zh: 污泥干化
    en: sludge drying
    zh_hant: 污泥乾化
    pinyin: wū ní gān huà
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    d = tmp_path_factory.mktemp("glossary")
    (d / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(d)


@pytest.fixture(scope="module")
def converter(glossary):
    base = ScriptConverter("tw")
    return base.with_overrides(s2t_overrides=glossary.conversion_overrides("s2t", base))


def rows(page: str) -> list[str]:
    """First cell text of each table row (anchor span removed)."""
    cells = re.findall(r"^\| <span id=\"[^\"]+\"></span>([^|]+?) \|", page, re.M)
    return cells


def test_chinese_page_in_pinyin_order_with_anchors(glossary, converter):
    page = glossary_page_markdown(glossary, "hans", converter)
    assert page.startswith("# 术语表\n")
    # a-li, bei-jing, chong-qing, hu-tong, jing-jin-ji, wu-ni, xiong-an, yi-dai, zhong-qing
    assert rows(page) == [
        "阿里", "北京城市副中心", "重庆", "胡同", "京津冀协同发展", "污泥干化", "雄安新区",
        "一带一路", "中庆",
    ]  # fmt: skip
    assert "接诉即办" not in page  # proposed terms are not published
    assert '<span id="hu-tong"></span>胡同 | 胡同 | hú tòng | hutong |' in page
    assert "## X" in page and "## Z" in page


def test_traditional_page_uses_overrides(glossary, converter):
    page = glossary_page_markdown(glossary, "hant", converter)
    assert page.startswith("# 術語表\n")
    assert "污泥乾化 | 污泥干化 | wū ní gān huà |" in page
    assert "衚衕" not in page


def test_english_page_alphabetical_ignoring_articles(glossary, converter):
    page = glossary_page_markdown(glossary, "en", converter)
    first = rows(page)
    assert first[:3] == [
        "Beijing Municipal Administrative Center",
        "the Belt and Road Initiative",
        "Chongqing",
    ]
    assert first[-1] == "Zhongqing"
    assert first == sorted(first, key=lambda t: t.casefold().removeprefix("the "))


def test_anchors_are_stable_unique_ascii_and_shared(glossary, converter):
    anchors = term_anchors(glossary)
    assert anchors["京津冀协同发展"] == "jing-jin-ji-xie-tong-fa-zhan"
    assert len(set(anchors.values())) == len(anchors)
    assert all(re.fullmatch(r"[a-z0-9-]+", a) for a in anchors.values())
    for lang in ("hans", "hant", "en"):
        page = glossary_page_markdown(glossary, lang, converter)
        assert '<span id="jing-jin-ji-xie-tong-fa-zhan">' in page
    assert glossary_page_markdown(glossary, "en", converter) == glossary_page_markdown(
        glossary, "en", converter
    )


def render(glossary, converter, text, lang="hans", url="../glossary/"):
    ext = GlossaryExtension(glossary=glossary, lang=lang, glossary_url=url, converter=converter)
    return markdown.markdown(text, extensions=[ext, "toc"])


def test_first_occurrence_per_section_is_marked(glossary, converter):
    html = render(
        glossary,
        converter,
        "## 雄安新区建设\n\n支持雄安新区和城市副中心，雄安新区。\n\n再说雄安新区。\n\n"
        "## 第二节\n\n雄安新区`雄安新区`和[胡同](x)，胡同。\n",
    )
    marks = re.findall(r'<a class="zh-term" [^>]*>([^<]+)</a>', html)
    assert marks == ["雄安新区", "城市副中心", "雄安新区", "胡同"]
    assert '<h2 id="_1">雄安新区建设</h2>' in html  # headings untouched
    assert "<code>雄安新区</code>" in html  # code untouched
    assert '<a href="x">胡同</a>' in html  # no link inside a link
    assert 'href="../glossary/#xiong-an-xin-qu"' in html
    assert 'title="雄安新區 · Xiong&#x27;an New Area"' in html or (
        'title="雄安新區 · Xiong\'an New Area"' in html
    )
    assert "接诉即办" not in html or "zh-term" not in html.split("接诉即办")[0][-60:]


def test_traditional_and_english_pages(glossary, converter):
    html = render(glossary, converter, "處理污泥乾化和衚衕、胡同問題", lang="hant", url="")
    assert (
        '<span class="zh-term" data-term="wu-ni-gan-hua" title="污泥干化 · sludge drying">' in html
    )
    assert html.count("zh-term") == 2  # 衚衕 and 胡同 are one term
    html = render(glossary, converter, "Support the Belt and Road Initiative.", lang="en")
    assert 'title="一带一路 · 一帶一路">the Belt and Road Initiative</a>' in html


def test_jieba_keeps_terms_whole_in_both_scripts(glossary):
    tok = jieba.Tokenizer()
    text = "推进京津冀协同发展，推進京津冀協同發展"
    assert "京津冀协同发展" not in list(tok.cut(text))
    added = add_glossary_words(glossary, tok)
    assert added >= 10
    words = list(tok.cut(text))
    assert "京津冀协同发展" in words and "京津冀協同發展" in words
    assert "北京城市副中心" in list(tok.cut("建设北京城市副中心"))


def test_jieba_userdict_file_loads(glossary, tmp_path: Path):
    text = jieba_userdict_text(glossary, tokenizer=jieba.Tokenizer())
    assert all(len(line.split(" ")) == 3 for line in text.splitlines())
    path = tmp_path / "user.dict"
    path.write_text(text, encoding="utf-8")
    tok = jieba.Tokenizer()
    tok.load_userdict(str(path))
    assert "雄安新區" in list(tok.cut("支持雄安新區建設"))


def test_ambiguity_findings_outside_terms_and_phrases(glossary):
    base = ScriptConverter("tw")
    text = "头发很长。\n完成污泥干化和土壤干化工程，施划停车位。\n"
    findings = ambiguity_findings(text, base, glossary, path="r.md")
    got = [(f.line, f.column, f.char, f.converted) for f in findings]
    # 头发 is an OpenCC phrase; 污泥干化 a glossary term; 土壤干化 and 施划 are guesses.
    assert got == [(2, 10, "干", "幹"), (2, 16, "划", "劃")]
    assert str(findings[0]).startswith("r.md:2: '干' became '幹' by default (candidates 幹/乾")
    assert findings[0].candidates[:2] == ("幹", "乾")
    assert ambiguity_findings(text, base, glossary, chars="发") == []


def test_site_glossary_one_extension_for_pages_of_all_languages(tmp_path: Path):
    from zhpress.errors import MultipleErrors
    from zhpress.glossary.site import load_site_glossary

    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    sg = load_site_glossary(tmp_path, ScriptConverter("tw"))
    assert sg.converter.to_hant("胡同里的污泥干化") == "胡同裡的污泥乾化"
    # mkdocs renders page after page, each with a new Markdown object.
    sg.set_page("hans", "../glossary/")
    hans = markdown.markdown("推进雄安新区建设", extensions=[sg.extension])
    sg.set_page("hant", "../../zh-Hant/glossary/")
    hant = markdown.markdown("推進雄安新區建設", extensions=[sg.extension])
    sg.set_page(None)
    plain = markdown.markdown("推进雄安新区建设", extensions=[sg.extension])
    assert 'href="../glossary/#xiong-an-xin-qu" title="雄安新區 · Xiong' in hans
    assert 'href="../../zh-Hant/glossary/#xiong-an-xin-qu" title="雄安新区 · Xiong' in hant
    assert "zh-term" not in plain
    assert sg.page_markdown("hant").startswith("# 術語表")
    # A missing glossary is an empty one; a broken one stops the build.
    assert len(load_site_glossary(tmp_path / "none", ScriptConverter("tw")).glossary) == 0
    (tmp_path / "bad.yaml").write_text("terms:\n  - zh: 胡同\n    en: alley\n", encoding="utf-8")
    with pytest.raises(MultipleErrors) as info:
        load_site_glossary(tmp_path, ScriptConverter("tw"))
    assert "has two English renderings" in info.value.lines()[0]
