"""The glossary shipped in glossary/: valid, big enough, and about these reports."""

from __future__ import annotations

import re
from pathlib import Path

from zhpress.glossary import check_glossary, load_glossary
from zhpress.glossary.opencc_data import opencc_converter

PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)")


def simplified_corpus(paths: list[Path]) -> str:
    t2s = opencc_converter("t2s")
    return "\n".join(t2s.convert(PINYIN_NOTE.sub("", p.read_text("utf-8"))) for p in paths)


def test_shipped_glossary_passes_check(repo_root: Path) -> None:
    assert check_glossary(repo_root / "glossary") == []


def test_shipped_glossary_size_and_sources(repo_root: Path) -> None:
    glossary = load_glossary(repo_root / "glossary")
    assert len(glossary) >= 150
    assert len(glossary.approved()) >= 100
    assert all(e.source for e in glossary.entries)
    # Proposed renderings must say they are not from an official edition.
    for entry in glossary.entries:
        if entry.status == "proposed":
            assert "proposed" in (entry.source or ""), entry.zh
    assert glossary.get("胡同").zh_hant == "胡同"


def test_every_term_occurs_in_the_reports_or_parallel_corpus(
    repo_root: Path, parallel_tsv: Path
) -> None:
    corpus = simplified_corpus(sorted((repo_root / "sources").glob("*.txt")))
    rows = parallel_tsv.read_text("utf-8").splitlines()[1:]
    corpus += "\n" + opencc_converter("t2s").convert(
        "\n".join(r.split("\t")[2] for r in rows if r.count("\t") >= 3)
    )
    glossary = load_glossary(repo_root / "glossary")
    absent = [e.zh for e in glossary.entries if not any(f in corpus for f in (e.zh, *e.aliases))]
    assert absent == []


def test_parallel_ids_cited_exist_and_contain_the_term(repo_root: Path, parallel_tsv: Path) -> None:
    t2s = opencc_converter("t2s")
    rows = {}
    for row in parallel_tsv.read_text("utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 4:
            rows[cols[0]] = t2s.convert(cols[2])
    glossary = load_glossary(repo_root / "glossary")
    cited = 0
    for entry in glossary.approved():
        for ref in re.findall(r"parallel (na\d{4})", entry.source or ""):
            cited += 1
            assert ref in rows, (entry.zh, ref)
            forms = (entry.zh, *entry.aliases)
            assert any(f in rows[ref] for f in forms), (entry.zh, ref)
    assert cited >= 80
