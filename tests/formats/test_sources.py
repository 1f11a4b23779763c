"""The five real reports ingest identically from HTML, DOCX and PDF renderings.

Each report's plain text is rendered the way such files arrive: a government
web page around it, a Word file, a printed PDF (running header, page numbers,
paragraphs wrapped across lines, pages and, for some, two columns). Whatever
the format, the canonical Markdown must be the plain text's: same headings,
same paragraphs, same title, date and speaker.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

import pytest

from zhpress.ingest import ingest_document
from zhpress.ingest.readers import reader_for
from zhpress.report import Report

from .conftest import make_pdf
from .render import render_docx, render_html

REPO = Path(__file__).resolve().parents[2]
STEMS = sorted(p.stem for p in (REPO / "sources").glob("*.txt"))
KEYS = ("title", "date", "venue", "speaker", "speaker_office", "outlet", "authors", "credits",
        "script")
# Each report printed differently, so every layout the PDF reader handles is
# exercised: spacing or first-line indents between paragraphs, one or two
# columns, and the common page number styles.
PDF_STYLES = {
    0: {"style": "spaced", "page_numbers": "第 {n} 页"},
    1: {"style": "indent", "page_numbers": "- {n} -"},
    2: {"style": "spaced", "columns": 2, "page_numbers": "{n}/{nb}"},
    3: {"style": "indent", "columns": 2, "page_numbers": "— {n} —"},
    4: {"style": "spaced", "page_numbers": "{n}"},
}


def _ingest(path: Path, root: Path) -> Report:
    reader = reader_for(path)
    assert reader is not None
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return ingest_document(reader(path), path, sha, repo_root=root)


@pytest.fixture(scope="module")
def plain() -> dict[str, Report]:
    if not STEMS:
        pytest.skip("no reports in sources/")
    return {stem: _ingest(REPO / "sources" / f"{stem}.txt", REPO) for stem in STEMS}


def _render(stem: str, fmt: str, out: Path, font_path: Path | None) -> Path:
    lines = (REPO / "sources" / f"{stem}.txt").read_text(encoding="utf-8-sig").splitlines()
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        # One page declares GBK, as many mainland sites still do.
        charset = "gbk" if stem.startswith("002") else "utf-8"
        path = out / f"{stem}.html"
        path.write_bytes(render_html(lines, lines[0], charset=charset))
        return path
    if fmt == "docx":
        return render_docx(lines, out / f"{stem}.docx")
    assert font_path is not None
    options = PDF_STYLES[STEMS.index(stem) % len(PDF_STYLES)]
    return make_pdf(lines, out / f"{stem}.pdf", font_path, **options)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
@pytest.mark.parametrize("stem", STEMS)
def test_rendering_ingests_like_plain_text(
    stem: str, fmt: str, plain: dict[str, Report], made: Path, request: pytest.FixtureRequest
) -> None:
    font_path = request.getfixturevalue("font") if fmt == "pdf" else None
    path = _render(stem, fmt, made / "renderings", font_path)
    report = _ingest(path, made)
    expected = plain[stem]
    assert report.meta["source_format"] == fmt
    diff = "".join(difflib.unified_diff(
        expected.body.splitlines(keepends=True), report.body.splitlines(keepends=True),
        fromfile=f"sources/{stem}.txt", tofile=path.name,
    ))
    assert not diff, f"{fmt} rendering of {stem} ingests differently:\n{diff}"
    assert {k: report.meta.get(k) for k in KEYS} == {k: expected.meta.get(k) for k in KEYS}
