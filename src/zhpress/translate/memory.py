"""The translation memory: one gettext PO file per report and language.

How state is written so Poedit and Weblate show it and round-trip it:

* ``msgctxt`` is the stable segment id, ``msgid`` the Simplified source,
  ``msgstr`` the English.
* An extracted comment ``#. origin: machine <engine version>`` /
  ``origin: human`` / ``origin: official`` records where the text came from.
* The standard ``fuzzy`` flag ("Needs work" in Poedit, "Needs editing" in
  Weblate) marks text no human has approved: every machine translation and
  every entry needing review is fuzzy.
* A translator approves a machine translation by clearing "Needs work" (or by
  editing it, which clears the flag in Poedit). Any non-fuzzy, non-empty entry
  that is not official therefore counts as reviewed, and is rewritten with
  ``origin: human`` on the next run.
* Every machine entry records ``#. mt-sha: <hash of its msgstr>``. A fuzzy
  machine entry whose text no longer matches was edited by hand (in a text
  editor that left the flag on): it becomes human, needing review, so
  ``translate --force`` never overwrites it. A human entry left fuzzy is
  likewise kept and shown as needing review.
* When the source of a human/official translation changes, the entry keeps
  its msgstr, becomes fuzzy with ``#. needs-review: source changed`` and the
  gettext previous-source line ``#| msgid "..."``. Machine output whose
  numbers or glossary terms failed a check is fuzzy with a ``needs-review``
  note saying why.
* Entries whose segment disappeared are kept as obsolete ``#~`` entries when a
  human wrote them, so no work is lost (their origin rides in the translator
  comment as ``zhpress-origin:``, since gettext drops ``#.`` lines there).

The file is written in a fixed order (document order, then obsolete entries
by id) with a fixed wrap width and no timestamps, so re-running changes
nothing on disk.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from zhpress.errors import TranslationMemoryError
from zhpress.fsutil import atomic_write_text

PENDING = "pending"
MACHINE = "machine"
REVIEWED = "reviewed"
OFFICIAL = "official"
NEEDS_REVIEW = "needs-review"
STATES = (PENDING, MACHINE, REVIEWED, OFFICIAL, NEEDS_REVIEW)
HUMAN_STATES = (REVIEWED, OFFICIAL, NEEDS_REVIEW)

WRAP_WIDTH = 79  # Poedit's default, so saving in Poedit does not rewrap everything
ORIGIN = re.compile(r"^origin:\s*(machine|human|official)\b\s*(.*)$")
MT_SHA = re.compile(r"^mt-sha:\s*([0-9a-f]+)$")
NEEDS = re.compile(r"^needs-review:\s*(.*)$")
OBSOLETE_ORIGIN = re.compile(r"^zhpress-origin:\s*(machine|human|official)\b\s*(.*)$")
# polib neither writes "#." lines nor reads "#~|" lines for obsolete entries, so
# their review note and previous source travel in the translator comment too.
OBSOLETE_NOTE = re.compile(r"^zhpress-needs-review:\s*(.*)$")
OBSOLETE_PREVIOUS = re.compile(r"^zhpress-previous-source:\s*(.*)$")
LINE_IN_ERROR = re.compile(r"line (\d+)")


def text_sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


@dataclass
class Entry:
    """One segment's translation and where it came from."""

    id: str
    source: str
    target: str = ""
    state: str = PENDING
    origin: str = ""  # "machine <version>", "human", "official" or ""
    previous_source: str | None = None
    note: str = ""  # why it needs review (shown in Poedit as a note)
    line: int = 0  # line in the PO file it was read from (for findings)
    obsolete: bool = False
    # Untouched "#." lines from other tools (e.g. Weblate) are kept as they are.
    extra_comments: list[str] = field(default_factory=list)
    translator_comment: str = ""

    @property
    def is_human(self) -> bool:
        return self.state in HUMAN_STATES


@dataclass
class Memory:
    """All entries of one PO file, keyed by segment id, in file order."""

    path: Path | None
    project: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    obsolete: list[Entry] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)

    def get(self, seg_id: str) -> Entry | None:
        return self.entries.get(seg_id)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATES, 0)
        for entry in self.entries.values():
            out[entry.state] += 1
        return out


def _classify(po_entry: polib.POEntry) -> Entry:
    origin_kind, origin_detail, mt_sha, note = "", "", None, ""
    extra: list[str] = []
    # Obsolete entries keep no "#." lines in gettext tools, so their origin
    # travels in the translator comment as "zhpress-origin: ...".
    tcomment_lines: list[str] = []
    kept: dict[str, str] = {}
    key = ""  # the zhpress- line a wrapped continuation belongs to
    for raw in (po_entry.tcomment or "").splitlines():
        if m := OBSOLETE_ORIGIN.match(raw.strip()):
            origin_kind, origin_detail, key = m.group(1), m.group(2).strip(), ""
        elif po_entry.obsolete and (m := OBSOLETE_NOTE.match(raw.strip())):
            key, kept[key] = "note", m.group(1).strip()
        elif po_entry.obsolete and (m := OBSOLETE_PREVIOUS.match(raw.strip())):
            key, kept[key] = "previous", m.group(1).strip()
        elif key:
            # polib wraps long comment lines at spaces (or after a hyphen).
            joiner = "" if kept[key].endswith("-") else " "
            kept[key] += joiner + raw.strip()
        else:
            tcomment_lines.append(raw)
    note = kept.get("note", note)
    kept_previous = kept.get("previous")
    in_note = False
    for raw in (po_entry.comment or "").splitlines():
        line = raw.strip()
        if m := ORIGIN.match(line):
            origin_kind, origin_detail = m.group(1), m.group(2).strip()
        elif m := MT_SHA.match(line):
            mt_sha = m.group(1)
        elif m := NEEDS.match(line):
            note, in_note = m.group(1), True
            continue
        elif in_note and line:
            note += " " + line  # polib wraps long comments onto several "#." lines
            continue
        elif line:
            extra.append(raw)
        in_note = False
    fuzzy = "fuzzy" in po_entry.flags
    target = po_entry.msgstr
    previous = po_entry.previous_msgid or kept_previous or None
    machine_text = origin_kind == "machine" and (mt_sha is None or mt_sha == text_sha(target))
    if not target:
        state, origin, note = PENDING, "", ""
    elif not fuzzy:
        # Approved in Poedit (flag cleared), edited there, or written from scratch.
        state, origin = (OFFICIAL, "official") if origin_kind == "official" else (REVIEWED, "human")
    elif machine_text:
        state = NEEDS_REVIEW if note else MACHINE
        origin = f"machine {origin_detail}".strip()
        previous = None
    else:
        # Human text still flagged "needs work", or machine text edited by hand
        # with the flag left on: a person's words, kept, shown as needing review.
        state = NEEDS_REVIEW
        origin = "official" if origin_kind == "official" else "human"
        if origin_kind == "machine":
            note = "edited by hand; still marked as needing work"
        elif not note and not previous:
            note = "marked as needing work"
    if state != NEEDS_REVIEW:
        previous = None
        note = ""
    return Entry(
        id=po_entry.msgctxt or "",
        source=po_entry.msgid,
        target=target,
        state=state,
        origin=origin,
        previous_source=previous,
        note=note,
        line=po_entry.linenum or 0,
        obsolete=bool(po_entry.obsolete),
        extra_comments=extra,
        translator_comment="\n".join(tcomment_lines),
    )


def parse_po(text: str, path: str | Path | None = None) -> Memory:
    """Parse PO text; any syntax problem becomes TranslationMemoryError with a line."""
    try:
        po = polib.pofile(text, wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError, UnicodeError) as exc:
        m = LINE_IN_ERROR.search(str(exc))
        raise TranslationMemoryError(
            f"cannot parse PO file: {exc}",
            path=path,
            line=int(m.group(1)) if m else None,
            hint="fix the file in Poedit or delete it to start again",
        ) from None
    memory = Memory(path=Path(path) if path else None, header=dict(po.metadata))
    memory.project = po.metadata.get("Project-Id-Version", "")
    for po_entry in po:
        if not po_entry.msgid or po_entry.obsolete:
            continue
        entry = _classify(po_entry)
        if not entry.id:
            raise TranslationMemoryError(
                "entry has no msgctxt (segment id)",
                path=path,
                line=entry.line or None,
                hint="entries are keyed by msgctxt; do not delete it in the editor",
            )
        if entry.id in memory.entries:
            raise TranslationMemoryError(
                f"duplicate segment id {entry.id!r}", path=path, line=entry.line or None
            )
        memory.entries[entry.id] = entry
    for po_entry in po.obsolete_entries():
        if po_entry.msgid:
            entry = _classify(po_entry)
            entry.obsolete = True
            memory.obsolete.append(entry)
    return memory


def load_memory(path: str | Path) -> Memory:
    """Read a PO file; a missing file is an empty memory."""
    path = Path(path)
    if not path.exists():
        return Memory(path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TranslationMemoryError(f"cannot read PO file: {exc}", path=path) from None
    return parse_po(text, path)


def _po_entry(entry: Entry) -> polib.POEntry:
    comments: list[str] = []
    flags: list[str] = []
    if entry.target:
        if entry.origin:
            comments.append(f"origin: {entry.origin}")
        if entry.origin.startswith("machine"):
            # Lets the next run tell untouched machine text from a hand edit.
            comments.append(f"mt-sha: {text_sha(entry.target)}")
        if entry.state in (MACHINE, NEEDS_REVIEW):
            flags.append("fuzzy")
        if entry.state == NEEDS_REVIEW:
            comments.append(f"needs-review: {entry.note or 'source changed'}")
    comments.extend(c for c in entry.extra_comments if c.strip())
    tcomment = entry.translator_comment
    if entry.obsolete:
        extra = [f"zhpress-origin: {entry.origin}"] if entry.origin else []
        if entry.state == NEEDS_REVIEW:
            extra.append(f"zhpress-needs-review: {entry.note or 'source changed'}")
            if entry.previous_source:
                previous = " ".join(entry.previous_source.split())
                extra.append(f"zhpress-previous-source: {previous}")
        tcomment = "\n".join(filter(None, [tcomment, *extra]))
    po_entry = polib.POEntry(
        msgctxt=entry.id,
        msgid=entry.source,
        msgstr=entry.target,
        comment="\n".join(comments),
        tcomment=tcomment,
        flags=flags,
        obsolete=entry.obsolete,
    )
    if entry.state == NEEDS_REVIEW and entry.previous_source:
        po_entry.previous_msgid = entry.previous_source
    return po_entry


def dump_po(memory: Memory, *, slug: str, language: str = "en") -> str:
    """Serialise deterministically (entries in the order given, no timestamps)."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = (
        f"zhpress translation memory for report '{slug}'.\n"
        "origin: machine/human/official; fuzzy = needs review (see README)."
    )
    # Keep headers a translator's tool added (Last-Translator, PO-Revision-Date
    # ...) as they are; never add a timestamp of our own, so runs do not churn.
    # X-Generator too: Poedit writes its own, and fighting over it would churn.
    meta = {"Last-Translator": "zhpress", "Language-Team": "English", "X-Generator": "zhpress"}
    meta.update(memory.header)
    meta.update(
        {
            "Project-Id-Version": f"zhpress {slug}",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "X-Source-Language": "zh_Hans",
        }
    )
    po.metadata = dict(sorted(meta.items()))
    for entry in memory.entries.values():
        po.append(_po_entry(entry))
    for entry in sorted(memory.obsolete, key=lambda e: (e.id, e.source)):
        entry.obsolete = True
        po.append(_po_entry(entry))
    return str(po) + "\n" if not str(po).endswith("\n") else str(po)


def save_memory(memory: Memory, path: str | Path, *, slug: str, language: str = "en") -> bool:
    """Write atomically; returns False when the file already had this content."""
    return atomic_write_text(path, dump_po(memory, slug=slug, language=language))


def po_path(translations_dir: str | Path, slug: str, language: str = "en") -> Path:
    return Path(translations_dir) / language / f"{slug}.po"
