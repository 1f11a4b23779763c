"""Property: no sequence of source edits, machine runs and human PO edits loses
a translator's work.

Every human or official msgstr a translator wrote is, after every later step,
still in the PO file byte-identical: on the segment it was written for, or on
the segment that replaced it marked needs-review (fuzzy) with the old source
recorded, or as an obsolete ``#~`` entry when its paragraph was deleted.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhpress.report import Report, dump_report
from zhpress.translate.engines.fake import FakeEngine
from zhpress.translate.memory import NEEDS_REVIEW, load_memory, po_path
from zhpress.translate.project import translate_project

POOL = [
    "全区地区生产总值增长5.2%。",
    "新设企业4655户，同比增长12%。",
    "完成区级一般公共预算收入195亿元。",
    "城镇登记失业率为3.36%。",
    "深入推进背街小巷环境精细化治理。",
    "持续加强重点地区综合整治。",
    "胡同里的居民生活更加便利。",
    "统筹推进对口支援合作。",
    "加强与国际友城务实合作。",
    "完成朝阳门南北小街环境整治提升工程。",
    "新增充电接口1.23万个。",
    "推动政务功能与城市功能有机融合。",
]
SLUG = "prop"

# Human text with characters PO files must escape (quotes, backslashes, tabs).
HUMAN_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ \"\\'\t#:%{}<>&—“”é中")), min_size=1, max_size=30
)

EDIT = st.one_of(
    st.tuples(st.just("tweak"), st.integers(0, 20)),  # small change: same segment, edited
    st.tuples(st.just("replace"), st.integers(0, 20), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("insert"), st.integers(0, 20), st.integers(0, len(POOL) - 1)),
    st.tuples(st.just("swap"), st.integers(0, 20)),
)
MACHINE = st.tuples(st.just("machine"), st.booleans(), st.sampled_from(["fake-1", "fake-2"]))
HUMAN = st.tuples(
    st.just("human"),
    st.integers(0, 200),
    HUMAN_TEXT,
    st.sampled_from(["approve", "needs-work", "official"]),
)
STEPS = st.lists(st.one_of(EDIT, MACHINE, HUMAN), min_size=1, max_size=15)


@dataclass
class World:
    root: Path
    paragraphs: list[str]
    serial: int = 0
    # human text -> the source it was written for
    ledger: dict[str, str] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def po(self) -> Path:
        return po_path(self.root / "translations", SLUG)

    def write_report(self) -> None:
        body = "\n\n".join(self.paragraphs) if self.paragraphs else "各位代表。"
        meta = {"title": "属性测试报告", "date": "2024-01-01", "script": "hans"}
        (self.docs / f"{SLUG}.md").write_text(dump_report(Report(SLUG, meta, body)), "utf-8")

    def edit(self, op: tuple) -> None:
        kind, at = op[0], op[1]
        n = len(self.paragraphs)
        if kind == "insert" or n == 0:
            self.paragraphs.insert(at % (n + 1), POOL[op[2] if kind == "insert" else 0])
        elif kind == "tweak":
            self.serial += 1
            p = self.paragraphs[at % n]
            self.paragraphs[at % n] = p[:-1] + f"，第{self.serial}次修订。"
        elif kind == "replace":
            self.paragraphs[at % n] = POOL[op[2]]
        elif kind == "delete":
            del self.paragraphs[at % n]
        elif kind == "swap" and n > 1:
            i = at % (n - 1)
            self.paragraphs[i], self.paragraphs[i + 1] = self.paragraphs[i + 1], self.paragraphs[i]
        self.write_report()

    def machine(self, force: bool, version: str) -> None:
        translate_project(self.docs, self.root / "translations", FakeEngine(version=version), force=force)

    def human(self, pick: int, text: str, how: str) -> None:
        """A translator edits one entry in their PO editor and saves."""
        if not self.po.exists():
            return
        po = polib.pofile(str(self.po), wrapwidth=79)
        active = [e for e in po if e.msgid and not e.obsolete]
        if not active:
            return
        entry = active[pick % len(active)]
        self.serial += 1
        text = f"H{self.serial} {text}"
        self.ledger.pop(entry.msgstr, None)  # the translator replaced their own text
        entry.msgstr = text
        lines = [c for c in entry.comment.splitlines() if not c.startswith(("origin:", "mt-sha:"))]
        if how == "official":
            lines.insert(0, "origin: official")
        entry.comment = "\n".join(lines)
        if how == "needs-work":
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        elif "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        po.save(str(self.po))
        self.ledger[text] = entry.msgid

    def check(self) -> None:
        if not self.ledger:
            return
        po = polib.pofile(str(self.po), wrapwidth=79)
        memory = load_memory(self.po)
        found: dict[str, list[polib.POEntry]] = {}
        for entry in po:
            found.setdefault(entry.msgstr, []).append(entry)
        for text, source in self.ledger.items():
            assert text in found, f"human translation lost: {text!r} (for {source!r})"
            for entry in found[text]:
                if entry.obsolete or entry.msgid == source:
                    continue
                # Kept on a changed source: must say so.
                state = memory.entries[entry.msgctxt].state
                assert state == NEEDS_REVIEW and "fuzzy" in entry.flags, (text, entry)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(start=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=5), steps=STEPS)
def test_human_work_survives_any_sequence(start: list[int], steps: list[tuple]) -> None:
    root = Path(tempfile.mkdtemp(prefix="zhpress-prop-"))
    try:
        world = World(root, [POOL[i] for i in start])
        world.docs.mkdir()
        world.write_report()
        world.machine(False, "fake-1")
        for step in steps:
            if step[0] == "machine":
                world.machine(step[1], step[2])
            elif step[0] == "human":
                world.human(step[1], step[2], step[3])
            else:
                world.edit(step)
            world.check()
        # Bring the memory up to date; a second run with nothing changed is a no-op.
        world.machine(False, "fake-1")
        world.check()
        before = world.po.read_text("utf-8")
        world.machine(False, "fake-1")
        world.check()
        assert world.po.read_text("utf-8") == before
    finally:
        shutil.rmtree(root)


def test_obsolete_entry_is_stable_on_rerun() -> None:
    root = Path(tempfile.mkdtemp(prefix="zhpress-prop-"))
    try:
        world = World(root, [POOL[0]])
        world.docs.mkdir()
        world.write_report()
        world.machine(False, "fake-1")
        world.edit(("tweak", 0))
        world.human(1, "approved", "approve")
        world.machine(False, "fake-1")  # the human entry now needs review
        world.edit(("delete", 0))
        world.machine(False, "fake-1")  # ... and becomes obsolete
        before = world.po.read_bytes()
        world.machine(False, "fake-1")
        assert world.po.read_bytes() == before
    finally:
        shutil.rmtree(root)
