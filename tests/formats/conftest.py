"""Fixtures for the format tests: a CJK font, generated DOCX/PDF/HTML files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from .fixtures import build_docx
from .render import cjk_font, render_pdf

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
NOTICE_PDF = {
    "page_format": "A5",
    "header": "东华区人民政府公报 2024年第3期",
    "page_numbers": "- {n} -",
    "title_size": 15,
}


@pytest.fixture(scope="session")
def font() -> Path:
    """A TrueType-outline CJK font for fpdf2 (Debian: fonts-wqy-microhei)."""
    path = cjk_font()
    if path is None:
        pytest.skip(
            "no TrueType CJK font found (fc-list :lang=zh:fontformat=TrueType); "
            "install the Debian package fonts-wqy-microhei"
        )
    return path


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session directory for generated documents."""
    return tmp_path_factory.mktemp("formats")


@pytest.fixture(scope="session")
def notice_lines() -> list[str]:
    return (FIXTURES / "notice.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def notice_pdf(font: Path, made: Path, notice_lines: list[str]) -> Path:
    return make_pdf(notice_lines, made / "sources" / "notice.pdf", font, style="indent",
                    **NOTICE_PDF)


@pytest.fixture(scope="session")
def report_docx(made: Path) -> Path:
    (made / "sources").mkdir(exist_ok=True)
    return build_docx(made / "sources" / "report.docx")


def make_pdf(lines: list[str], path: Path, font: Path, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # fpdf2 notes that its A5 size changed in 2.8.5; irrelevant here.
        warnings.simplefilter("ignore", UserWarning)
        return render_pdf(lines, path, font, **options)
