"""The glossary drives the built site: conversion, tooltips, glossary pages, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from searchquery import TreeIndex
from sitehtml import page
from siteproject import run_build, write_project

GLOSSARY = """\
source: "test glossary"
terms:
  - zh: 胡同
    en: hutong
    dnt: true
    zh_hant: 胡同
  - zh: 京津冀协同发展
    en: coordinated development of the Beijing-Tianjin-Hebei region
  - zh: 便民生活圈
    en: convenient living circle
"""

PLAIN = """\
---
title: 通州区政府工作报告
date: '2022-01-06'
script: hans
source_file: sources/004_tongzhou.txt
---

## （一）推进协同发展

深入推进京津冀协同发展，改造老旧胡同，建设便民生活圈。

## （二）改善民生

继续改造胡同。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("gloss") / "proj", reports={"2022-01-06-tz": PLAIN})
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = run_build(root)
    assert result.exit_code == 0, result.stderr
    return root / "build" / "site"


def test_traditional_page_uses_the_glossary_form_not_opencc(site: Path) -> None:
    hant = page(site, "zh-Hant/2022-01-06-tz/")
    assert "胡同" in hant.text
    assert "衚衕" not in hant.text  # what OpenCC alone writes


def test_terms_are_marked_once_per_section_with_the_other_renderings(site: Path) -> None:
    hans = page(site, "2022-01-06-tz/")
    marks = hans.html.count('class="zh-term"')
    # 京津冀协同发展, 胡同, 便民生活圈 in section one; 胡同 again in section two
    assert marks == 4, marks
    assert 'href="../glossary/#' in hans.html
    assert "coordinated development of the Beijing-Tianjin-Hebei region" in hans.html
    assert "京津冀協同發展" in hans.html  # the Traditional form in the tooltip


def test_glossary_page_exists_in_every_language(site: Path) -> None:
    for prefix, needle in (("", "术语表"), ("zh-Hant/", "術語表"), ("en/", "Glossary")):
        gl = page(site, f"{prefix}glossary/")
        assert needle in gl.text
        assert "convenient living circle" in gl.text


def test_search_index_keeps_multi_character_terms_whole(site: Path) -> None:
    for prefix in ("", "zh-Hant/"):
        index = TreeIndex(site, prefix)
        assert index.words("京津冀协同发展") == ["京津冀协同发展"]
        assert index.words("便民生活圈") == ["便民生活圈"]
        assert index.search("京津冀協同發展") == ["2022-01-06-tz/", "glossary/"]
    # and the parts of a term still find it (jieba's search mode indexes both)
    assert "2022-01-06-tz/" in TreeIndex(site, "").search("协同")


def test_broken_glossary_stops_the_build_listing_every_problem(tmp_path: Path) -> None:
    root = write_project(tmp_path / "proj", reports={"2022-01-06-tz": PLAIN})
    (root / "glossary").mkdir()
    (root / "glossary" / "bad.yaml").write_text(
        "terms:\n  - zh: 胡同\n    colour: red\n  - en: missing zh\n", encoding="utf-8"
    )
    result = run_build(root)
    assert result.exit_code == 5, result.stderr
    lines = [line for line in result.stderr.splitlines() if "bad.yaml" in line]
    assert len(lines) >= 2, result.stderr
    assert "Traceback" not in result.stderr
