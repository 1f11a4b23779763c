"""Word list numbering: the number text Word shows in front of a paragraph.

Word does not store "一、" or "1." in the text; a paragraph says which list
(``numId``) and level (``ilvl``) it belongs to, and ``word/numbering.xml``
says how that level is counted and formatted. Counting happens here so the
number text survives as plain text the Chinese structure rules understand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

_DIGITS = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


@dataclass
class ListNumbering:
    """Counters for every list in one document, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> counts

    @classmethod
    def from_part(cls, numbering_element: object | None) -> ListNumbering:
        self = cls()
        if numbering_element is None:
            return self
        abstract: dict[str, dict[int, Level]] = {}
        for node in numbering_element.findall(qn("w:abstractNum")):
            abstract[node.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in node.findall(qn("w:lvl"))
            }
        for num in numbering_element.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = ref.get(qn("w:val")) if ref is not None else None
            levels = {
                k: Level(v.fmt, v.text, v.start, v.legal)
                for k, v in abstract.get(abstract_id, {}).items()
            }
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl].start = int(start.get(qn("w:val"), "1"))
            self.levels[num_id] = levels
            # A numId with overrides is a fresh list; plain ones share their
            # abstract list's counters, as Word continues such lists.
            has_override = num.find(qn("w:lvlOverride")) is not None
            self.abstract_of[num_id] = (
                f"{abstract_id}/{num_id}" if has_override else str(abstract_id)
            )
        return self

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(kind, label) for the next paragraph of list ``num_id`` at ``ilvl``.

        kind is ``bullet``, ``number`` or ``none``; None means not a list.
        """
        levels = self.levels.get(num_id)
        if not levels or num_id == "0" or ilvl not in levels:
            return None
        key = self.abstract_of[num_id]
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "bullet", ""
        if level.fmt == "none":
            return "none", ""
        label = level.text
        for n in range(ilvl, -1, -1):
            lv = levels.get(n, Level())
            value = counts.get(n, lv.start)
            # "Legal" numbering shows every level's counter in decimal (1.2.3).
            fmt = "decimal" if level.legal else lv.fmt
            label = label.replace(f"%{n + 1}", format_number(value, fmt))
        return "number", label


def _level(lvl: object) -> Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(qn(tag))
        return node.get(qn("w:val"), default) if node is not None else default

    try:
        start = int(val("w:start", "1"))
    except ValueError:
        start = 1
    return Level(
        fmt=val("w:numFmt", "decimal"),
        text=val("w:lvlText", ""),
        start=start,
        legal=lvl.find(qn("w:isLgl")) is not None,
    )


def format_number(value: int, fmt: str) -> str:
    """The digits of one level in Word's number formats (Chinese ones included)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return chinese_number(value)
    if fmt == "ideographTraditional" and 1 <= value <= len(_TIANGAN):
        return _TIANGAN[value - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value >= 1:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def chinese_number(value: int) -> str:
    """一, 十, 十一, 二十, 一百零五: how Chinese documents count sections."""
    if value <= 0:
        return _DIGITS[0]
    if value < 10:
        return _DIGITS[value]
    if value < 20:
        return "十" + (_DIGITS[value - 10] if value > 10 else "")
    if value < 100:
        tens, ones = divmod(value, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    tail = (
        chinese_number(rest)
        if rest >= 20
        else ("一" + chinese_number(rest) if rest >= 10 else "零" + _DIGITS[rest])
    )
    return _DIGITS[hundreds] + "百" + tail


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out += letters
            value -= number
    return out
