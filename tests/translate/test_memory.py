"""PO files: states round-trip, deterministic output, corrupt files reported."""

from __future__ import annotations

import polib
import pytest

from zhpress.errors import TranslationMemoryError
from zhpress.translate.memory import (
    MACHINE,
    NEEDS_REVIEW,
    OFFICIAL,
    PENDING,
    REVIEWED,
    Entry,
    Memory,
    dump_po,
    load_memory,
    parse_po,
)


def _memory() -> Memory:
    m = Memory(path=None)
    m.entries["a.1"] = Entry("a.1", "机器。", "Machine.", MACHINE, "machine ct2-4/zh_en-1.9")
    m.entries["a.2"] = Entry("a.2", "人工。", "Human.", REVIEWED, "human")
    m.entries["a.3"] = Entry("a.3", "官方。", "Official.", OFFICIAL, "official")
    m.entries["a.4"] = Entry(
        "a.4", "新的。", "Old.", NEEDS_REVIEW, "human", "旧的。", "source changed"
    )
    m.entries["a.5"] = Entry("a.5", "待译。")
    return m


def test_every_state_round_trips_through_po_text():
    text = dump_po(_memory(), slug="demo")
    again = parse_po(text)
    assert [(e.id, e.state, e.target) for e in again.entries.values()] == [
        ("a.1", MACHINE, "Machine."),
        ("a.2", REVIEWED, "Human."),
        ("a.3", OFFICIAL, "Official."),
        ("a.4", NEEDS_REVIEW, "Old."),
        ("a.5", PENDING, ""),
    ]
    assert again.entries["a.4"].previous_source == "旧的。"
    assert again.entries["a.1"].origin == "machine ct2-4/zh_en-1.9"
    assert dump_po(again, slug="demo") == text  # stable: rewriting changes nothing


def test_po_is_standard_gettext_for_other_tools():
    po = polib.pofile(dump_po(_memory(), slug="demo"))
    assert po.metadata["Language"] == "en"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert "POT-Creation-Date" not in po.metadata  # no timestamp churn
    by_ctx = {e.msgctxt: e for e in po}
    assert "fuzzy" in by_ctx["a.1"].flags and "fuzzy" in by_ctx["a.4"].flags
    assert "fuzzy" not in by_ctx["a.2"].flags
    assert by_ctx["a.4"].previous_msgid == "旧的。"
    assert po.percent_translated() == 40  # Poedit counts the two approved ones


def test_translator_headers_are_kept(tmp_path):
    text = dump_po(_memory(), slug="demo").replace(
        '"Last-Translator: zhpress\\n"', '"Last-Translator: Jane <j@example.org>\\n"'
    )
    again = parse_po(text)
    assert "Last-Translator: Jane <j@example.org>" in dump_po(again, slug="demo")


def test_corrupt_po_reports_file_and_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "y"\nbogus line\n', encoding="utf-8"
    )
    with pytest.raises(TranslationMemoryError) as info:
        load_memory(path)
    assert info.value.path == str(path)
    assert info.value.line == 7


def test_entry_without_context_is_an_error(tmp_path):
    path = tmp_path / "noctx.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "x"\nmsgstr "y"\n', encoding="utf-8")
    with pytest.raises(TranslationMemoryError, match="msgctxt"):
        load_memory(path)


def test_missing_file_is_an_empty_memory(tmp_path):
    assert load_memory(tmp_path / "none.po").entries == {}


def test_long_review_note_wrapped_by_polib_round_trips():
    m = Memory(path=None)
    note = "glossary: " + "; ".join(
        f"术语{i} should be 'a fairly long English rendering {i}'" for i in range(4)
    )
    m.entries["a.1"] = Entry("a.1", "源。", "Target.", NEEDS_REVIEW, "machine x-1", note=note)
    text = dump_po(m, slug="demo")
    assert text.count("#.") > 3  # wrapped onto several comment lines
    again = parse_po(text)
    assert again.entries["a.1"].note == note
    assert again.entries["a.1"].extra_comments == []
    assert dump_po(again, slug="demo") == text


def test_obsolete_entries_keep_their_origin():
    m = Memory(path=None)
    m.obsolete.append(Entry("z.1", "没了。", "Gone.", OFFICIAL, "official", obsolete=True))
    m.obsolete.append(
        Entry(
            "z.2", "也没了。", "Also gone.", REVIEWED, "human", translator_comment="checked by L."
        )
    )
    text = dump_po(m, slug="demo")
    again = parse_po(text)
    assert [(e.state, e.translator_comment) for e in again.obsolete] == [
        (OFFICIAL, ""),
        (REVIEWED, "checked by L."),
    ]
    assert dump_po(again, slug="demo") == text
