"""Script detection, slugs and sidecar validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhpress.errors import SourceError
from zhpress.ingest.metadata import (
    detect_script,
    load_sidecar,
    make_slug,
    sanitise_slug,
    transliterate,
)
from zhpress.ingest.registry import Registry
from zhpress.ingest.rules import default_rules


def test_detect_script() -> None:
    assert detect_script("東城區人民政府向大會報告政府工作") == "hant"
    assert detect_script("东城区人民政府向大会报告政府工作") == "hans"
    assert detect_script("GDP 4.5%") == "hans"


def test_slug_from_date_and_title() -> None:
    meta = {
        "title": "政府工作報告",
        "date": "2025-01-08",
        "venue": "北京市東城區第十七屆人民代表大會",
    }
    assert make_slug(meta) == "2025-01-08-dongcheng-zhengfu-gongzuo-baogao"
    # Capped at 60 characters, cut between words; the time is not part of the slug.
    assert make_slug({"title": "今年将建80个一刻钟便民生活圈", "date": "2024-01-23T07:40"}) == (
        "2024-01-23-jinnian-jiangjian-80-ge-yikezhong-bianmin"
    )


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("Hello World!", "hello-world"),
        ("--a--b--", "a-b"),
        ("/abs/path", "abs-path"),
        ("名字", ""),
        ("a" * 100, "a" * 60),
    ],
)
def test_sanitise_slug(raw: str, expected: str) -> None:
    assert sanitise_slug(raw) == expected


def test_sidecar_and_untrusted_slugs_are_sanitised() -> None:
    assert make_slug({"slug": "../../etc", "title": "x"}) == "etc"
    assert make_slug({"slug": "名字", "title": "政府工作报告"}) == "zhengfu-gongzuo-baogao"
    assert make_slug({"title": "<script>alert(1)</script>"}) == "script-alert-1-script"
    assert make_slug({}) == "report"
    assert make_slug({"slug": "Index"}) == "index-report"
    assert make_slug({"slug": "en"}) == "en-report"
    long = make_slug({"title": "高质量推动规划体系全面落地谱写副中心建设新篇章" * 3})
    assert len(long) <= 60 and not long.endswith("-")


def test_transliterate_keeps_latin_and_digits() -> None:
    assert transliterate("推动M102线") == "tuidong-m102-xian"


def test_sidecar_valid(tmp_path: Path) -> None:
    path = tmp_path / "a.meta.yaml"
    path.write_text("# note\ntitle: 标题\ndate: 2024-01-02\nauthors: 张三\n", encoding="utf-8")
    assert load_sidecar(path) == {"title": "标题", "date": "2024-01-02", "authors": ["张三"]}


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("title: 标题\ntilte: 错字\n", 2, "unknown key 'tilte'"),
        ("title: 标题\ndate: 明年\n", 2, "not ISO 8601"),
        ("title: [1, 2]\n", 1, "title must be text"),
        ("- a\n- b\n", 1, "mapping"),
        ("title: [unclosed\n", 2, "not valid YAML"),
    ],
)
def test_sidecar_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "a.meta.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_sidecar(path)
    assert words in str(info.value)
    assert info.value.line == line
    assert str(path) in str(info.value)


def test_registry_lookup_replace_remove_and_order() -> None:
    rules = default_rules()
    names = rules.names()
    assert names[:3] == ["whitespace", "pinyin", "boilerplate"]
    assert names[-1] == "escape"
    assert "pinyin" in rules
    rules.deregister("pinyin")
    assert "pinyin" not in rules and len(rules) == len(names) - 1
    with pytest.raises(KeyError):
        rules.deregister("pinyin")
    rules.deregister("pinyin", strict=False)

    registry: Registry[str] = Registry()
    registry.register("b", "b", 10)
    registry.register("a", "a", 10)
    registry.register("c", "c", 20)
    assert list(registry) == ["c", "a", "b"]
    registry.register("z", "a", 30)  # same name replaces
    assert list(registry) == ["z", "c", "b"]
    assert registry["a"] == "z" and registry.get_priority("a") == 30


def test_slug_does_not_depend_on_words_added_to_the_global_segmenter():
    import jieba

    from zhpress.ingest.metadata import make_slug

    meta = {"title": "今年将建80个一刻钟便民生活圈", "date": "2024-01-23T07:40"}
    before = make_slug(meta)
    jieba.add_word("一刻钟便民生活圈", 100000)
    try:
        assert make_slug(meta) == before
    finally:
        jieba.del_word("一刻钟便民生活圈")
