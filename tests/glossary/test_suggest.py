"""`suggest` on a small corpus, and appending that keeps the translator's bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from zhpress.errors import GlossaryError
from zhpress.glossary import check_glossary, load_glossary
from zhpress.glossary.suggest import append_proposed, suggest_terms

CORPUS = {
    "a.md": (
        "---\ntitle: 测试“标题词”\n---\n\n"
        "## 一、工作回顾\n\n"
        "深化“接诉即办”改革，推动“小院议事厅”建设。\n\n"
        "推进城市更新行动，完善物业服务管理。\n"
    ),
    "b.txt": (
        "物业服务管理水平稳步提高，城市更新行动全面展开。\n"
        "建设“小院议事厅”，开展物业服务管理专项检查。\n"
        # A Traditional line with web-converter pinyin notes: counted as Simplified.
        "推動“小院議事廳”覆蓋東城區(qū)，物業服務管理更加規範。\n"
        # Quoted emphasis on an everyday word is not a term; digits may be.
        "坚持“投资”优先，实现“从0到1”突破。\n"
    ),
}

GLOSSARY = """\
# Hand-edited glossary: comments and layout must survive an append.
source: "Report on the Work of the Government, official English edition"
tags: [policy]

terms:
    # The 12345 hotline reform
    -   zh: 接诉即办
        en: 'swift response to public complaints'   # proposed by LW
        status: proposed
        source: proposed by us

    -   zh: 城市更新
        en: urban renewal
# trailing comment at column 0
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for name, text in CORPUS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture()
def glossary_dir(tmp_path: Path) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "policy.yaml").write_text(GLOSSARY, encoding="utf-8")
    return d


def test_suggests_quoted_and_frequent_terms_not_in_glossary(corpus, glossary_dir):
    suggestions = suggest_terms(corpus, load_glossary(glossary_dir), min_count=3)
    by_term = {s.term: s for s in suggestions}
    # Quoted, in both scripts: one term, counted over the whole corpus.
    hall = by_term["小院议事厅"]
    assert hall.quoted and hall.count == 3
    assert hall.path.endswith("a.md") and hall.line == 7
    assert "小院议事厅" in hall.context
    # Frequent unquoted expression made of two jieba words.
    service = by_term["物业服务管理"]
    assert not service.quoted and service.count == 4
    # Already in the glossary (quoted or not), front matter, and pieces of terms: never.
    assert "接诉即办" not in by_term and "城市更新" not in by_term
    assert "标题词" not in by_term
    assert not any("更新" in t for t in by_term)
    assert "投资" not in by_term
    assert by_term["从0到1"].quoted and by_term["从0到1"].line == 4
    # Most frequent first.
    assert suggestions[0].term == "物业服务管理"


def test_min_count_filters_unquoted_only(corpus):
    terms = {s.term for s in suggest_terms(corpus, None, min_count=5)}
    assert "物业服务管理" not in terms
    assert "小院议事厅" in terms and "接诉即办" in terms


def test_append_keeps_existing_bytes_and_makes_valid_proposed_entries(corpus, glossary_dir):
    path = glossary_dir / "policy.yaml"
    before = path.read_bytes()
    suggestions = suggest_terms(corpus, load_glossary(glossary_dir), min_count=3)
    added = append_proposed(path, suggestions)
    after = path.read_bytes()
    assert added == len(suggestions) >= 2
    assert after.startswith(before)
    # The new entries use the file's own indentation and load as proposed entries.
    assert "\n    -   zh: 小院议事厅\n" not in after.decode()
    assert "\n    - zh: 小院议事厅\n" in after.decode()
    assert check_glossary(glossary_dir) == []
    glossary = load_glossary(glossary_dir)
    hall = glossary.get("小院议事厅")
    assert hall.status == "proposed" and hall.en is None
    assert hall.line > len(before.decode().splitlines())
    # Appending again adds nothing: the terms are now in the file.
    assert append_proposed(path, suggestions) == 0
    assert path.read_bytes() == after


def test_append_to_new_file_and_to_empty_list(tmp_path, corpus):
    suggestions = suggest_terms(corpus, None, min_count=3)[:2]
    new = tmp_path / "g" / "new.yaml"
    new.parent.mkdir()
    assert append_proposed(new, suggestions) == 2
    assert check_glossary(new.parent) == []
    empty = tmp_path / "g" / "empty.yaml"
    empty.write_text("# nothing yet\nterms:\n", encoding="utf-8")
    append_proposed(empty, suggestions[:1])
    assert empty.read_text("utf-8").startswith("# nothing yet\nterms:\n  - zh: ")
    data = YAML(typ="safe").load(empty.read_text("utf-8"))
    assert data["terms"][0]["status"] == "proposed"


def test_append_refuses_when_terms_is_not_last(tmp_path, corpus):
    path = tmp_path / "g.yaml"
    text = "terms:\n  - zh: 胡同\n    en: hutong\nsource: x\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError, match="last top-level key"):
        append_proposed(path, suggest_terms(corpus, None, min_count=3))
    assert path.read_text("utf-8") == text


def test_append_to_file_without_final_newline(tmp_path, corpus):
    path = tmp_path / "g" / "a.yaml"
    path.parent.mkdir()
    original = "terms:\n- zh: 胡同\n  en: hutong  # no newline at the end"
    path.write_text(original, encoding="utf-8")
    assert append_proposed(path, suggest_terms(corpus, None, min_count=3)[:1]) == 1
    text = path.read_text("utf-8")
    assert text.startswith(original + "\n- zh: ")  # same column as the existing '-'
    assert check_glossary(path.parent) == []
