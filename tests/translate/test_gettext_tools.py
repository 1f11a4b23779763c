"""Round trips through GNU gettext tools, standing in for Poedit/Weblate saves."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tm_helpers import CountingEngine

from zhpress.translate.memory import MACHINE, NEEDS_REVIEW, REVIEWED, load_memory
from zhpress.translate.project import translate_project

pytestmark = pytest.mark.skipif(
    shutil.which("msgcat") is None or shutil.which("msgattrib") is None,
    reason="GNU gettext tools not installed",
)


def _states(path: Path) -> dict[str, str]:
    return {e.id: e.state for e in load_memory(path).entries.values()}


def test_resaved_by_gettext_keeps_every_state_and_we_restore_our_layout(project):
    docs, translations = project
    translate_project(docs, translations, CountingEngine())
    po = translations / "en" / "demo.po"
    ours = po.read_bytes()
    before = _states(po)
    assert set(before.values()) == {MACHINE, NEEDS_REVIEW}
    subprocess.run(["msgcat", "-w", "40", "-o", str(po), str(po)], check=True)
    assert _states(po) == before  # whatever the layout, the same meaning
    again = CountingEngine()
    translate_project(docs, translations, again)
    assert again.calls == []
    assert po.read_bytes() == ours


def test_clearing_needs_work_in_a_tool_approves_machine_translations(project):
    docs, translations = project
    translate_project(docs, translations, CountingEngine())
    po = translations / "en" / "demo.po"
    subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(po), str(po)], check=True)
    assert set(_states(po).values()) == {REVIEWED}
    forced = CountingEngine()
    translate_project(docs, translations, forced, force=True)
    assert forced.calls == []  # approved text is human text now
    assert "#. origin: human" in po.read_text(encoding="utf-8")
