"""translate_project: incremental, never loses human work, pending without a model."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from tm_helpers import CountingEngine, Rule, write_report

from zhpress.translate.memory import (
    MACHINE,
    NEEDS_REVIEW,
    PENDING,
    REVIEWED,
    load_memory,
)
from zhpress.translate.project import translate_project


def _po(translations: Path, slug: str = "demo") -> Path:
    return translations / "en" / f"{slug}.po"


def _set_msgstr(path: Path, msgid: str, msgstr: str, *, unfuzzy: bool = True) -> None:
    """Edit one entry as Poedit would (editing clears 'Needs work')."""
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid == msgid)
    entry.msgstr = msgstr
    if unfuzzy and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    po.save(str(path))


def test_no_engine_writes_pending_entry_for_every_segment(project):
    docs, translations = project
    summary = translate_project(docs, translations, None)
    memory = load_memory(_po(translations))
    # title + heading + 2 + 2 sentences + 2 list items
    assert len(memory.entries) == 8
    assert all(e.state == PENDING and e.target == "" for e in memory.entries.values())
    assert summary.pending == 8
    assert "测试报告" in [e.source for e in memory.entries.values()]


def test_machine_translation_recorded_with_origin_and_fuzzy(project, engine):
    docs, translations = project
    summary = translate_project(docs, translations, engine)
    assert summary.engine_calls == 1  # the whole project in one batch
    assert summary.total("machine") == 8 and summary.pending == 0
    text = _po(translations).read_text(encoding="utf-8")
    assert "#. origin: machine counting-1.0" in text
    assert "#, fuzzy" in text
    assert "Language: en" in text
    memory = load_memory(_po(translations))
    assert {e.state for e in memory.entries.values()} <= {MACHINE, NEEDS_REVIEW}


def test_second_run_is_a_no_op(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    before = _po(translations).read_bytes()
    again = CountingEngine()
    summary = translate_project(docs, translations, again)
    assert again.calls == []
    assert summary.total("reused") == 8
    assert _po(translations).read_bytes() == before  # byte-identical


def test_editing_one_paragraph_retranslates_only_its_changed_sentences(project, engine, tmp_path):
    docs, translations = project
    translate_project(docs, translations, engine)
    path = docs / "demo.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("新设企业4655户。", "新设企业5000户。"), encoding="utf-8")
    second = CountingEngine()
    summary = translate_project(docs, translations, second)
    assert second.sentences == ["新设企业5000户。"]
    assert summary.total("machine") == 1 and summary.total("reused") == 7


def test_inserting_a_paragraph_keeps_other_ids(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    ids_before = set(load_memory(_po(translations)).entries)
    path = docs / "demo.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("## 一、工作回顾\n", "## 一、工作回顾\n\n新的一段话。\n"), encoding="utf-8"
    )
    second = CountingEngine()
    translate_project(docs, translations, second)
    ids_after = set(load_memory(_po(translations)).entries)
    assert ids_before < ids_after and len(ids_after - ids_before) == 1
    assert second.sentences == ["新的一段话。"]


def test_human_edit_survives_force(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    _set_msgstr(_po(translations), "深化改革。", "Deepen reform.")
    forced = CountingEngine()
    summary = translate_project(docs, translations, forced, force=True)
    assert "深化改革。" not in forced.sentences
    assert len(forced.sentences) == 7  # all other (machine) entries re-translated
    entry = next(
        e for e in load_memory(_po(translations)).entries.values() if e.source == "深化改革。"
    )
    assert entry.target == "Deepen reform." and entry.state == REVIEWED
    assert "origin: human" in _po(translations).read_text(encoding="utf-8")
    assert summary.total("reviewed") == 1


def test_hand_edit_that_left_fuzzy_on_is_still_human(project, engine):
    """Editing msgstr in a text editor without removing 'fuzzy' must not be overwritten."""
    docs, translations = project
    translate_project(docs, translations, engine)
    _set_msgstr(_po(translations), "扩大开放。", "Open wider.", unfuzzy=False)
    forced = CountingEngine()
    translate_project(docs, translations, forced, force=True)
    assert "扩大开放。" not in forced.sentences
    entry = next(
        e for e in load_memory(_po(translations)).entries.values() if e.source == "扩大开放。"
    )
    assert entry.target == "Open wider."


def test_changed_source_marks_human_translation_needs_review(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    _set_msgstr(
        _po(translations),
        "城镇登记失业率为3.36%。",
        "The registered urban unemployment rate was 3.36%.",
    )
    path = docs / "demo.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("失业率为3.36%", "失业率为3.4%"), encoding="utf-8"
    )
    second = CountingEngine()
    summary = translate_project(docs, translations, second)
    assert second.calls == []  # nothing goes to the engine: the human text is kept
    memory = load_memory(_po(translations))
    entry = next(e for e in memory.entries.values() if e.source == "城镇登记失业率为3.4%。")
    assert entry.state == NEEDS_REVIEW
    assert entry.target == "The registered urban unemployment rate was 3.36%."
    assert entry.previous_source == "城镇登记失业率为3.36%。"
    text = _po(translations).read_text(encoding="utf-8")
    assert '#| msgid "城镇登记失业率为3.36%。"' in text
    assert summary.total("needs_review") >= 1
    # approving in Poedit (clearing fuzzy) makes it reviewed again
    _set_msgstr(
        _po(translations),
        "城镇登记失业率为3.4%。",
        "The registered urban unemployment rate was 3.4%.",
    )
    translate_project(docs, translations, CountingEngine())
    entry = next(
        e
        for e in load_memory(_po(translations)).entries.values()
        if e.source == "城镇登记失业率为3.4%。"
    )
    assert entry.state == REVIEWED and entry.previous_source is None


def test_deleted_human_translation_kept_as_obsolete(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    _set_msgstr(_po(translations), "扩大开放。", "Open wider.")
    path = docs / "demo.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- 扩大开放。\n", ""), encoding="utf-8"
    )
    translate_project(docs, translations, CountingEngine())
    memory = load_memory(_po(translations))
    assert [e.target for e in memory.obsolete] == ["Open wider."]
    assert '#~ msgid "扩大开放。"' in _po(translations).read_text(encoding="utf-8")
    # and it comes back if the sentence returns
    path.write_text(path.read_text(encoding="utf-8") + "- 扩大开放。\n", encoding="utf-8")
    again = CountingEngine()
    translate_project(docs, translations, again)
    assert again.calls == []
    assert load_memory(_po(translations)).obsolete == []


def test_glossary_placeholders_used_and_restored(project):
    docs, translations = project
    engine = CountingEngine()
    translate_project(
        docs, translations, engine, [Rule("一般公共预算收入", "general public budget revenue")]
    )
    assert any("TERM1" in s for s in engine.sentences)
    entry = next(e for e in load_memory(_po(translations)).entries.values() if "预算" in e.source)
    assert "general public budget revenue" in entry.target
    assert "TERM" not in entry.target


def test_dropped_placeholder_retried_then_flagged(project):
    docs, translations = project
    engine = CountingEngine(drop_placeholders=True)
    summary = translate_project(docs, translations, engine, [Rule("扩大开放", "expand opening-up")])
    assert summary.engine_calls == 2  # one batch, one retry batch without placeholders
    assert engine.calls[1] == ["扩大开放。"]
    entry = next(
        e for e in load_memory(_po(translations)).entries.values() if e.source == "扩大开放。"
    )
    assert entry.state == NEEDS_REVIEW
    assert "扩大开放 should be 'expand opening-up'" in entry.note


def test_number_mismatch_in_machine_output_is_flagged(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    memory = load_memory(_po(translations))
    # the fake engine copies "195" but not the magnitude 亿 -> 19.5 billion is missing
    entry = next(e for e in memory.entries.values() if "195亿" in e.source)
    assert entry.state == NEEDS_REVIEW and "19.5 billion" in entry.note
    ok = next(e for e in memory.entries.values() if "4655" in e.source)
    assert ok.state == MACHINE


def test_traditional_report_uses_simplified_msgids(tmp_path, engine):
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(docs, "hant", "區級財政收入增長。", title="政府工作報告", script="hant")
    translate_project(docs, translations, engine)
    sources = [e.source for e in load_memory(_po(translations, "hant")).entries.values()]
    assert sources == ["政府工作报告", "区级财政收入增长。"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext msgfmt not installed")
def test_po_files_pass_msgfmt_check(project, engine, tmp_path):
    docs, translations = project
    translate_project(docs, translations, engine)
    _set_msgstr(_po(translations), "深化改革。", "Deepen reform.")
    path = docs / "demo.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("深化改革", "全面深化改革"), encoding="utf-8"
    )
    translate_project(docs, translations, engine)
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(_po(translations))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


class _InterruptOnSecondCall(CountingEngine):
    def translate_batch(self, sentences, *, progress=None):
        if self.calls:
            raise KeyboardInterrupt
        return super().translate_batch(sentences, progress=progress)


def test_one_batch_per_report_and_interrupt_keeps_finished_reports(tmp_path):
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(docs, "a-first", "第一篇。", title="甲")
    write_report(docs, "b-second", "第二篇。", title="乙")
    with pytest.raises(KeyboardInterrupt):
        translate_project(docs, translations, _InterruptOnSecondCall())
    done = load_memory(_po(translations, "a-first"))
    assert [e.state for e in done.entries.values()] == [MACHINE, MACHINE]
    assert not _po(translations, "b-second").exists()
    engine = CountingEngine()
    ticks: list[tuple[int, int]] = []
    summary = translate_project(
        docs, translations, engine, progress=lambda d, t: ticks.append((d, t))
    )
    assert engine.calls == [["乙", "第二篇。"]]  # the finished report costs nothing
    assert summary.engine_calls == 1 and ticks[-1] == (2, 2)


def test_flagged_machine_entry_edited_by_hand_survives_force(project, engine):
    docs, translations = project
    translate_project(docs, translations, engine)
    # the fake engine garbles 195亿 -> flagged; a translator fixes the text in a
    # plain editor and forgets to remove the fuzzy flag
    _set_msgstr(
        _po(translations),
        "完成区级一般公共预算收入195亿元。",
        "District general public budget revenue reached 19.5 billion yuan.",
        unfuzzy=False,
    )
    forced = CountingEngine()
    translate_project(docs, translations, forced, force=True)
    assert "完成区级一般公共预算收入195亿元。" not in forced.sentences
    entry = next(e for e in load_memory(_po(translations)).entries.values() if "195亿" in e.source)
    assert entry.target.endswith("19.5 billion yuan.")
    assert entry.state == NEEDS_REVIEW and entry.origin == "human"
    assert entry.note == "edited by hand; still marked as needing work"


class _LeavesChinese(CountingEngine):
    def translate_batch(self, sentences, *, progress=None):
        self.calls.append(list(sentences))
        return [f"Deepen {s[:2]} reform 5 percent" for s in sentences]


def test_machine_output_with_chinese_or_wrong_numbers_is_flagged(tmp_path):
    docs, translations = tmp_path / "docs", tmp_path / "translations"
    write_report(docs, "x", "深化改革。\n\n增长6%。", title="题")
    translate_project(docs, translations, _LeavesChinese())
    notes = [e.note for e in load_memory(_po(translations, "x")).entries.values()]
    assert notes[1] == "Chinese left in the English"
    assert notes[2] == (
        "numbers: 6% (6 percent) not found, '5' matches no source number; "
        "Chinese left in the English"
    )
