"""Each real report in sources/ must produce exactly its reviewed golden file."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from .helpers import ingest_file, render, without_ingested

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
# Reviewed slugs: date + pinyin title, or the sidecar's slug.
SLUGS = {
    "000_176e38d1b74800f8": "2024-dongcheng-zhengfu-gongzuo-baogao-jiexuan",
    "001_c8b0e577e10dc616": "2025-01-08-dongcheng-zhengfu-gongzuo-baogao",
    "002_9f97a05f86d68a06": "2024-beijingshi-2024-nian-zhengfu-gongzuo-yao-zhuoli-zuohao",
    "003_4a9a5e97377aed80": "2024-01-23-jinnian-jiangjian-80-ge-yikezhong-bianmin",
    "004_5a3d939f8459527b": "2022-tongzhou-zhengfu-gongzuo-baogao-jiexuan",
}


def _diff(expected: str, actual: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="produced",
        )
    )


@pytest.mark.parametrize("stem", sorted(SLUGS))
def test_source_matches_golden(stem: str) -> None:
    source = REPO / "sources" / f"{stem}.txt"
    if not source.is_file():
        pytest.skip(f"{source} not present")
    report = ingest_file(source, REPO)
    expected = (GOLDEN / f"{stem}.md").read_text(encoding="utf-8")
    actual = render(report)
    if actual != expected:
        pytest.fail("ingest output differs from golden file:\n" + _diff(expected, actual, stem))
    assert report.slug == SLUGS[stem]


@pytest.mark.parametrize("stem", sorted(SLUGS))
def test_committed_doc_matches_golden(stem: str) -> None:
    """docs/ holds what the tool makes now (re-run `zhpress ingest --force` if not)."""
    doc = REPO / "docs" / f"{SLUGS[stem]}.md"
    if not doc.is_file():
        pytest.skip(f"{doc} not generated")
    expected = (GOLDEN / f"{stem}.md").read_text(encoding="utf-8")
    actual = without_ingested(doc.read_text(encoding="utf-8"))
    if actual != expected:
        pytest.fail("docs/ differs from golden file:\n" + _diff(expected, actual, stem))


def test_built_docs_have_no_noise() -> None:
    """The issue's acceptance checks, on every committed doc."""
    docs = sorted((REPO / "docs").glob("*.md"))
    if not docs:
        pytest.skip("docs/ not generated")
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        for noise in (
            "(qū)",
            "（qū）",
            "发表了评论",
            "最新评论",
            "相关阅读",
            " 摄\n",
            "/Users",
            "/work/",
        ):
            assert noise not in text, (doc.name, noise)
