"""Text readers: encodings are detected, decoded strictly, and bad files named."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from zhpress.errors import SourceError
from zhpress.ingest.readers import reader_for
from zhpress.ingest.readers.text import read_markdown, read_text

SIMPLIFIED = "政府工作报告\n——2024年1月23日在区人民代表大会上\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n"
TRADITIONAL = "政府工作報告\n各位代表：\n現在，我代表區人民政府向大會報告工作，請予審議。\n"


def _write(tmp_path: Path, data: bytes, name: str = "r.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        SIMPLIFIED.encode("utf-8"),
        codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
        SIMPLIFIED.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
        SIMPLIFIED.encode("gbk"),
        SIMPLIFIED.encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gbk", "gb18030"],
)
def test_simplified_encodings_decode_to_the_same_lines(tmp_path: Path, data: bytes) -> None:
    raw = read_text(_write(tmp_path, data))
    assert raw.lines == [line for line in SIMPLIFIED.splitlines() if line]
    assert raw.fmt == "txt"


def test_big5_traditional_source(tmp_path: Path) -> None:
    raw = read_text(_write(tmp_path, TRADITIONAL.encode("big5")))
    assert raw.lines == TRADITIONAL.splitlines()


def test_gbk_and_big5_of_same_text_are_not_confused(tmp_path: Path) -> None:
    text = "東城區人民政府向大會報告政府工作，請予審議。"
    big5 = read_text(_write(tmp_path, text.encode("big5"), "b.txt"))
    gbk = read_text(_write(tmp_path, text.encode("gbk"), "g.txt"))
    assert big5.lines == [text]
    assert gbk.lines == [text]


def test_line_endings_and_nfc(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r第三行 Cafe\u0301\n".encode()
    raw = read_text(_write(tmp_path, data))
    assert raw.lines == ["第一行", "第二行", "第三行 Café"]


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "file is empty"),
        (b"  \n\r\n ", "file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
            "cannot decode",
        ),
        (bytes(range(256)) * 4, "cannot decode"),
    ],
    ids=["empty", "blank", "png", "random-binary"],
)
def test_bad_files_raise_source_error_naming_the_file(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(SourceError) as info:
        read_text(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_reader_for_picks_by_suffix(tmp_path: Path) -> None:
    assert reader_for(Path("a.TXT")) is read_text
    assert reader_for(Path("a.md")) is read_markdown
    assert reader_for(Path("a.xyz")) is None


def test_markdown_front_matter_and_wrapped_paragraphs(tmp_path: Path) -> None:
    text = (
        "---\ntitle: 标题\ndate: 2024-01-23\n---\n"
        "## 一、总体要求\n\n第一行文字，\n接着第二行。\n\n- 列表项\n| a | b |\n\nSome English\nwrapped text.\n"
    )
    raw = read_markdown(_write(tmp_path, text.encode(), "r.md"))
    assert raw.meta == {"title": "标题", "date": "2024-01-23"}
    assert raw.lines == [
        "## 一、总体要求",
        "第一行文字，接着第二行。",
        "- 列表项",
        "| a | b |",
        "Some English wrapped text.",
    ]


def test_markdown_bad_front_matter_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "---\ntitle: [unclosed\n---\n正文\n".encode(), "r.md")
    with pytest.raises(SourceError) as info:
        read_markdown(path)
    assert info.value.line is not None
