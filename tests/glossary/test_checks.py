"""One small broken glossary per validation rule; every problem has file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.errors import MultipleErrors
from zhpress.glossary import check_glossary, load_glossary


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(directory: Path) -> list[str]:
    return [str(p) for p in check_glossary(directory)]


def test_valid_file_loads_with_file_defaults(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "source: From the 2024 report\ntags: [policy]\nterms:\n"
        "  - zh: 接诉即办\n    en: swift response to public complaints\n    tags: [beijing]\n"
        "  - zh: 胡同\n    en: hutong\n    dnt: true\n    zh_hant: 胡同\n    source: own\n",
    )
    glossary = load_glossary(tmp_path)
    first, second = glossary.entries
    assert first.source == "From the 2024 report"
    assert first.tags == ("policy", "beijing")
    assert first.status == "approved"
    assert second.source == "own"
    assert (first.file, first.line) == (str(tmp_path / "a.yaml"), 4)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "terms:\n  - zh: 胡同\n    en: [hutong\n")
    (msg,) = messages(tmp_path)
    assert msg.startswith(f"{tmp_path / 'bad.yaml'}:")
    assert "YAML syntax error" in msg
    line = int(msg.split(":")[1])
    assert line >= 3


def test_unknown_field(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - zh: 胡同\n    en: hutong\n    colour: red\n")
    assert messages(tmp_path) == [
        f"{tmp_path / 'a.yaml'}:4: unknown field 'colour' "
        "(allowed: zh, en, zh_hant, aliases, dnt, note, tags, status, source, pinyin)"
    ]


def test_unknown_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "author: me\nterms:\n  - zh: 胡同\n    en: hutong\n")
    (msg,) = messages(tmp_path)
    assert msg.startswith(f"{tmp_path / 'a.yaml'}:1: unknown top-level key 'author'")


def test_missing_zh(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - en: hutong\n")
    assert messages(tmp_path) == [f"{tmp_path / 'a.yaml'}:2: missing field 'zh'"]


def test_missing_en_unless_dnt_or_proposed(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "terms:\n  - zh: 两区\n  - zh: 胡同\n    dnt: true\n  - zh: 四个中心\n    status: proposed\n",
    )
    (msg,) = messages(tmp_path)
    assert msg.startswith(f"{tmp_path / 'a.yaml'}:2: '两区': missing field 'en'")


def test_bad_status_value(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - zh: 两区\n    en: two zones\n    status: final\n")
    (msg,) = messages(tmp_path)
    assert msg.startswith(f"{tmp_path / 'a.yaml'}:4: field 'status'")


def test_duplicate_term_in_one_file(tmp_path: Path) -> None:
    write(
        tmp_path, "a.yaml", "terms:\n  - zh: 胡同\n    en: hutong\n  - zh: 胡同\n    en: hutong\n"
    )
    path = tmp_path / "a.yaml"
    assert messages(tmp_path) == [f"{path}:4: duplicate term '胡同' (first in {path}:2)"]


def test_same_term_two_renderings_in_two_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - zh: 胡同\n    en: hutong\n")
    write(tmp_path, "b.yaml", "terms:\n\n  - zh: 胡同\n    en: alley\n")
    assert messages(tmp_path) == [
        f"{tmp_path / 'b.yaml'}:3: '胡同' has two English renderings: 'alley' here and "
        f"'hutong' in {tmp_path / 'a.yaml'}:2"
    ]


def test_traditional_override_must_convert_back(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "terms:\n  - zh: 东城区\n    en: Dongcheng District\n    zh_hant: 西城區\n",
    )
    (msg,) = messages(tmp_path)
    assert msg.startswith(f"{tmp_path / 'a.yaml'}:2: 'zh_hant' '西城區' converts back to '西城区'")


def test_zh_must_be_simplified(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - zh: 東城區\n    en: Dongcheng District\n")
    (msg,) = messages(tmp_path)
    assert "'zh' must be Simplified" in msg


def test_alias_colliding_with_other_term_or_alias(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yaml",
        "terms:\n"
        "  - zh: 北京城市副中心\n    en: Beijing Municipal Administrative Center\n    aliases: [副中心]\n"
        "  - zh: 城市副中心\n    en: sub-center\n    aliases: [副中心]\n"
        "  - zh: 通州\n    en: Tongzhou\n    aliases: [城市副中心]\n",
    )
    path = tmp_path / "a.yaml"
    assert messages(tmp_path) == [
        f"{path}:5: alias '副中心' of '城市副中心' is also an alias of '北京城市副中心' in {path}:2",
        f"{path}:8: alias '城市副中心' of '通州' is also a term in {path}:5",
    ]


def test_all_problems_listed_at_once_and_raised(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "terms:\n  - zh: 胡同\n    colour: red\n  - en: x\n")
    write(tmp_path, "b.yaml", "terms: [\n")
    with pytest.raises(MultipleErrors) as info:
        load_glossary(tmp_path)
    lines = info.value.lines()
    assert len(lines) == 4
    assert info.value.exit_code == 5
    assert all(line.startswith(str(tmp_path)) for line in lines)


def test_empty_and_wrong_shape_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "")
    write(tmp_path, "b.yaml", "- zh: 胡同\n")
    write(tmp_path, "c.yaml", "terms: 胡同\n")
    msgs = messages(tmp_path)
    assert len(msgs) == 3
    assert "empty glossary file" in msgs[0]
    assert "must be a mapping" in msgs[1]
    assert "'terms' must be a list" in msgs[2]


def test_paths_in_messages_are_relative_to_the_working_directory(tmp_path, monkeypatch):
    write(tmp_path / "glossary", "a.yaml", "terms:\n  - zh: 胡同\n")
    monkeypatch.chdir(tmp_path)
    assert [str(p) for p in check_glossary(tmp_path / "glossary")] == [
        "glossary/a.yaml:2: '胡同': missing field 'en' (give the English rendering, "
        "or set 'dnt: true', or 'status: proposed' while undecided)"
    ]
