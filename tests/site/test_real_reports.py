"""The repository's own reports, from sources/ to the built site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sitehtml import page
from siteproject import REPO, run_build

PINYIN_NOTE = re.compile(r"[\u4e00-\u9fff]\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
BOILERPLATE = ("发表了评论", "發表了評論", "最新评论", "最新評論", "相关阅读", "相關閱讀")

# Rank of a Chinese numbering style: 一、 > （一） > 1. > （1）
NUMBERING = [
    re.compile(r"^[一二三四五六七八九十百]+、"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d+[.、．]"),
    re.compile(r"^[（(]\d+[）)]"),
]


def _rank(heading: str) -> int | None:
    for rank, pattern in enumerate(NUMBERING):
        if pattern.match(heading):
            return rank
    return None


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("zhpress.ingest", reason="the ingest stage has not landed yet")
    if not any((REPO / "docs").glob("*.md")):
        pytest.skip("docs/ is still empty: the ingest stage has not produced the reports yet")
    root = tmp_path_factory.mktemp("real") / "repo"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "sources", root / "sources")
    for name in ("glossary", "translations"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    result = run_build(root)
    assert result.exit_code == 0, result.stderr
    return root


@pytest.mark.slow
def test_every_source_has_three_pages(real_site: Path) -> None:
    slugs = sorted(p.stem for p in (real_site / "docs").glob("*.md"))
    assert len(slugs) == len(list((real_site / "sources").glob("*.txt")))
    site = real_site / "build" / "site"
    for slug in slugs:
        for prefix in ("", "zh-Hant/", "en/"):
            assert (site / prefix / slug / "index.html").is_file(), f"{prefix}{slug}"


@pytest.mark.slow
def test_no_page_has_pinyin_notes_or_page_boilerplate(real_site: Path) -> None:
    site = real_site / "build" / "site"
    for html in sorted(site.rglob("index.html")):
        url = html.parent.relative_to(site).as_posix() + "/"
        text = page(site, "" if url == "./" else url).text
        assert not PINYIN_NOTE.search(text), (url, PINYIN_NOTE.search(text))
        for phrase in BOILERPLATE:
            assert phrase not in text, (url, phrase)


@pytest.mark.slow
def test_headings_follow_the_numbering_levels(real_site: Path) -> None:
    site = real_site / "build" / "site"
    checked = 0
    for doc in sorted((real_site / "docs").glob("*.md")):
        for prefix in ("", "zh-Hant/"):
            here = page(site, f"{prefix}{doc.stem}/")
            numbered = [(lvl, _rank(text), text) for lvl, text in here.p.headings[1:]]
            numbered = [(lvl, rank, text) for lvl, rank, text in numbered if rank is not None]
            if not numbered:
                continue
            checked += 1
            level_of: dict[int, int] = {}
            for lvl, rank, text in numbered:
                assert level_of.setdefault(rank, lvl) == lvl, (here.url, text)
            ranks = sorted(level_of)
            assert level_of[ranks[0]] == 2, (here.url, "top numbering level must be ##")
            levels = [level_of[r] for r in ranks]
            assert levels == sorted(set(levels)), (here.url, level_of)
    assert checked >= 3
