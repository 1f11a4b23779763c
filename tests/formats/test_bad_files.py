"""Bad files give one clear line each, and the good reports still ingest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from PIL import Image

from zhpress.cli import cli
from zhpress.errors import SourceError
from zhpress.ingest.readers import reader_for

from .conftest import FIXTURES
from .render import cjk_font

EMPTY_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title>
<script>location.href = "/";</script></head><body>
<nav><a href="/">首页</a> <a href="/news/">新闻</a></nav>
<div class="share"><a href="#" onclick="share()">分享</a></div>
<footer>版权所有</footer></body></html>"""


def _pdf(path: Path, *, password: str | None = None, image: bool = False) -> Path:
    """A one-page PDF; Latin text, so no CJK font is needed to make it."""
    pdf = FPDF()
    pdf.add_page()
    if image:
        # A scanned page: a picture of text, no text layer.
        picture = path.with_suffix(".png")
        Image.new("L", (400, 560), 255).save(picture)
        pdf.image(str(picture), x=10, y=10, w=190)
    else:
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, "Notice on flood prevention in 2024.")
    if password:
        pdf.set_encryption(owner_password="owner-secret", user_password=password)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    good = _pdf(folder / "good.pdf")
    files = {
        "encrypted": _pdf(folder / "locked.pdf", password="user-secret"),
        "scan": _pdf(folder / "scan.pdf", image=True),
        "corrupt_pdf": folder / "broken.pdf",
        "corrupt_docx": folder / "broken.docx",
        "no_text": folder / "empty.html",
    }
    files["corrupt_pdf"].write_bytes(good.read_bytes()[:300])  # truncated download
    files["corrupt_docx"].write_bytes(b"PK\x03\x04" + b"\x00" * 64)  # damaged zip
    files["no_text"].write_text(EMPTY_PAGE, encoding="utf-8")
    return files


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("encrypted", "encrypted PDF"),
        ("scan", "no text layer; OCR it first"),
        ("corrupt_pdf", "not a readable PDF"),
        ("corrupt_docx", "not a readable DOCX file"),
        ("no_text", "no main text found"),
    ],
)
def test_reader_names_file_and_reason(bad_files: dict[str, Path], kind: str, reason: str) -> None:
    path = bad_files[kind]
    with pytest.raises(SourceError) as caught:
        reader_for(path)(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {reason}")


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Permissions-only protection (no password to open) is not an error."""
    path = tmp_path / "owner.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "This notice takes effect on the day of issue.")
    pdf.set_encryption(owner_password="owner-secret")
    pdf.output(str(path))
    assert reader_for(path)(path).lines == ["This notice takes effect on the day of issue."]


def test_cli_reports_each_bad_file_and_ingests_the_rest(
    bad_files: dict[str, Path], report_docx: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest,
) -> None:
    good = [report_docx, FIXTURES / "article.html"]
    if cjk_font() is not None:  # the PDF report needs a CJK font to be made
        good.append(request.getfixturevalue("notice_pdf"))
    project = tmp_path / "site"
    sources = project / "sources"
    sources.mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    for path in [*bad_files.values(), *good]:
        shutil.copyfile(path, sources / path.name)
    docs = project / "docs"
    docs.mkdir()
    (docs / "kept.md").write_text("---\ntitle: 手写页面\n---\n\n正文。\n", encoding="utf-8")
    monkeypatch.chdir(project)

    result = CliRunner().invoke(cli, ["ingest", "sources", "--docs", "docs"])

    assert result.exit_code == SourceError.exit_code
    errors = [line for line in result.stderr.splitlines() if line.startswith("zhpress: error:")]
    assert len(errors) == len(bad_files)
    for path in bad_files.values():
        mine = [line for line in errors if f"sources/{path.name}:" in line]
        assert len(mine) == 1, f"{path.name}: {errors}"
    assert "Traceback" not in result.output + result.stderr
    written = sorted(p.name for p in docs.glob("*.md"))
    assert len(written) == len(good) + 1 and "kept.md" in written  # + the page already there
    formats = {}
    for page in docs.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = re.search(r"^source_format: (\w+)$", text, re.MULTILINE)
        if match:
            formats[match.group(1)] = text
            assert re.search(r"^source_sha256: [0-9a-f]{64}$", text, re.MULTILINE)
            assert re.search(r"^source_file: sources/\S+$", text, re.MULTILINE)
            assert re.search(r"^ingested: \S+$", text, re.MULTILINE)
    assert sorted(formats) == sorted(p.suffix[1:] for p in good)

    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.glob("*.md")}
    again = CliRunner().invoke(cli, ["ingest", "sources", "--docs", "docs", "--force"])
    assert again.exit_code == SourceError.exit_code
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.glob("*.md")}
    assert after == before, "re-ingesting unchanged sources must not touch docs/"
