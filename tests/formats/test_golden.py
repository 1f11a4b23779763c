"""Hand-written fixtures in each format ingest to reviewed Markdown.

The golden files were written by reading the fixture documents: the web page
minus its navigation, share bar, comments, related list, sidebar and footer;
the Word file with its list numbers, tables and footnotes; the printed PDF
minus its running header and page numbers, paragraphs re-joined.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest

from zhpress.ingest import ingest_document
from zhpress.ingest.readers import reader_for
from zhpress.report import dump_report

from .conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"


def produce(path: Path, root: Path) -> str:
    """The docs/ text for ``path``, its SHA-256 replaced by a placeholder."""
    reader = reader_for(path)
    assert reader is not None, f"no reader for {path.suffix}"
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    text = dump_report(ingest_document(reader(path), path, sha, repo_root=root))
    assert f"source_sha256: {sha}\n" in text
    return text.replace(sha, "<sha256 of the source file>")


def check(name: str, produced: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if produced != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), produced.splitlines(keepends=True),
            fromfile=f"golden/{name}", tofile="produced",
        ))
        pytest.fail(f"{name} differs from the reviewed golden file:\n{diff}")


def test_html_page_golden(made: Path) -> None:
    page = made / "sources" / "article.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "article.html", page)
    check("article_html.md", produce(page, made))


def test_docx_golden(report_docx: Path, made: Path) -> None:
    check("report_docx.md", produce(report_docx, made))


def test_pdf_golden(notice_pdf: Path, made: Path) -> None:
    check("notice_pdf.md", produce(notice_pdf, made))
