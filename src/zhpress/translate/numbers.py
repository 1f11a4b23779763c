"""Quantities in Chinese and English text, compared as values.

Chinese: digits with the magnitudes 万 / 亿 / 万亿 (``1.23万`` = 12,300,
``134.9万亿`` = 134.9 trillion), percentages (``3.36%``, ``百分之五``), and
numbers in Chinese characters when they are clearly quantities (``两千``,
``三万``: at least 100, parsed with cn2an). Small character numerals are not
checked: ``一是`` / ``两个`` / ``七个方面`` are rephrased ("first", "both")
by official translators, and ``十四五`` or ``二十大`` are names, not numbers.
``第十七届`` is an ordinal. Years (``2024年``), months and days are kept
apart because English writes months as names.

English: digits with thousands commas and scale words ("19.5 billion"),
ordinals ("75th"), number words ("one million", "twenty-five") and month names.

Comparison: every Chinese quantity must find its own English quantity (a
multiset match, so one changed number among repeated ones is still found).
Rounding is allowed the way translators round: "57.5 million" for 5747万
is fine (within half a unit of the English's last digit and 1 %); "2" for 2.3
is not. Amounts in units translators convert (亩 -> hectares, 斤 -> tons,
里 -> km) are accepted when the converted value agrees, and reported as a
softer finding; a wrong conversion is an error like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cn2an

MAGNITUDE = {"万亿": 1e12, "萬億": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4}
# Units official translations convert rather than copy: factors to the English units
# (亩 -> hectares, 斤 -> kilograms or metric tons, 里 -> kilometres).
CONVERTED_UNITS = {
    "亩": (1 / 15,),
    "畝": (1 / 15,),
    "斤": (0.5, 0.0005),
    "里": (0.5,),
}

ZH_DIGITS = re.compile(
    r"(?P<pre>第)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:多|余|餘)?"  # 1270多万 = "more than 12.7 million"
    r"\s*(?P<mag>万亿|萬億|亿|億|万|萬)?"
    r"(?:多|余|餘)?"
    r"\s*(?P<after>[%％]|年|月|日|号|亩|畝|斤|里(?![程面]))?"
)
ZH_PERCENT_WORDS = re.compile(r"百分之(?P<num>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)")
ZH_CHAR_NUM = re.compile(
    r"(?P<pre>第)?(?P<num>[零〇一二两三四五六七八九十百千万萬亿億]+(?:点[零〇一二三四五六七八九]+)?)"
)
RANGE_TAIL = re.compile(r"\s*[-—–~～至到]\s*\d{1,4}\s*([月日号年])")
DIGIT_CHARS = set("一二两三四五六七八九十")

EN_DIGITS = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:[\s-]*(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", *SCALES, "a", "an"], key=len, reverse=True))
EN_WORDS = re.compile(rf"\b(?:{_WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_WORD}))*\b", re.IGNORECASE)
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october "
        "november december".split()
    )
}
# 一百周年 / 建军一百年 are "the centenary" in official English.
EN_CENTURY = re.compile(r"\bcentenar(?:y|ies)|centennial\b", re.IGNORECASE)
EN_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # number | percent | year | month | day | ordinal | code (English "G20")
    text: str
    start: int
    end: int
    unit: str = ""  # a Chinese unit that translators convert (亩, 斤, 里)
    step: float = 0.0  # English only: the place value of the last digit written


def _decimals(num: str) -> int:
    return len(num.split(".")[1]) if "." in num else 0


def chinese_quantities(text: str) -> list[Quantity]:
    """Quantities in Chinese text, in order; see the module docstring."""
    found: list[Quantity] = []
    covered: list[tuple[int, int]] = []
    for m in ZH_PERCENT_WORDS.finditer(text):
        value = _parse_chinese(m.group("num"))
        if value is not None:
            found.append(Quantity(value, "percent", m.group(0), m.start(), m.end()))
            covered.append(m.span())
    for m in ZH_DIGITS.finditer(text):
        if _inside(m.start(), covered):
            continue
        num = m.group("num")
        value = float(num.replace(",", ""))
        mag, after = m.group("mag"), m.group("after") or ""
        if mag:
            value *= MAGNITUDE[mag]
        kind, unit = "number", ""
        if after in ("%", "％"):
            kind = "percent"
        elif after == "年" and not mag and "." not in num and 1000 <= value <= 2100:
            kind = "year"
        elif after == "月" and not mag and 1 <= value <= 12 and "." not in num:
            kind = "month"
        elif after in ("日", "号") and not mag and 1 <= value <= 31 and "." not in num:
            kind = "day"
        elif after in CONVERTED_UNITS:
            unit = after
        elif not after and not mag and "." not in num:
            # The first end of a range takes the unit of the second: 1-2月, 8至10日, 2021—2025年.
            if r := RANGE_TAIL.match(text, m.end()):
                unit_char = r.group(1)
                if unit_char == "月" and 1 <= value <= 12:
                    kind = "month"
                elif unit_char in "日号" and 1 <= value <= 31:
                    kind = "day"
                elif unit_char == "年" and 1000 <= value <= 2100:
                    kind = "year"
        if m.group("pre"):
            kind = "ordinal"
        end = m.end() if after else m.end("num") if not mag else m.end("mag")
        found.append(
            Quantity(_tidy(value), kind, text[m.start("num") : end], m.start("num"), end, unit)
        )
        covered.append(m.span())
    for m in ZH_CHAR_NUM.finditer(text):
        num = m.group("num")
        if m.group("pre") or _inside(m.start(), covered) or not DIGIT_CHARS & set(num):
            continue
        value = _parse_chinese(num)
        if value is None or value < 100:
            continue
        found.append(Quantity(value, "number", num, m.start("num"), m.end("num")))
    found.sort(key=lambda q: q.start)
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _tidy(value: float) -> float:
    # 1.23 * 1e4 is 12300.000000000002 in binary; values are decimals really.
    return float(f"{value:.10g}")


def _parse_chinese(num: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", num):
        return float(num)
    clean = num.replace("两", "二").replace("〇", "零").replace("萬", "万").replace("億", "亿")
    for suffix, factor in (("万亿", 1e12), ("", 1.0)):
        if suffix and not clean.endswith(suffix):
            continue
        head = clean[: len(clean) - len(suffix)] if suffix else clean
        try:
            return _tidy(float(cn2an.cn2an(head, "strict")) * factor)
        except (ValueError, KeyError, IndexError):
            continue
    return None


def english_quantities(text: str) -> list[Quantity]:
    """Quantities in English text (digits, scale words, number words, months)."""
    found: list[Quantity] = []
    for m in EN_DIGITS.finditer(text):
        num = m.group("num")
        value = float(num.replace(",", ""))
        step = 10.0 ** -_decimals(num)
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
            step *= SCALES[scale.lower()]
        kind = "ordinal" if m.group("ord") else "number"
        if _glued(text, m.start(), m.end()):
            kind = "code"  # Covid-19, G20, 5G, M102: names, matched only exactly
        found.append(Quantity(_tidy(value), kind, m.group(0), m.start(), m.end(), step=step))
    covered = [(q.start, q.end) for q in found]
    for m in EN_WORDS.finditer(text):
        if _inside(m.start(), covered):
            continue  # the "billion" of "19.5 billion"
        parsed = _parse_words(m.group(0))
        if parsed is not None:
            value, step = parsed
            found.append(Quantity(value, "number", m.group(0), m.start(), m.end(), step=step))
    for m in EN_MONTH.finditer(text):
        # "may" is also a verb; only count it next to a day number ("May 5").
        if m.group(1).lower() == "may" and not re.match(r"\s+\d", text[m.end() :]):
            continue
        found.append(Quantity(MONTHS[m.group(1).lower()], "month", m.group(0), m.start(), m.end()))
    for m in EN_CENTURY.finditer(text):
        found.append(Quantity(100.0, "number", m.group(0), m.start(), m.end(), step=1.0))
    found.sort(key=lambda q: q.start)
    return found


def _glued(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    after = text[end : end + 1]
    return bool(re.search(r"[A-Za-z]-?$", before) or (after.isalpha() and after.isascii()))


def _parse_words(phrase: str) -> tuple[float, float] | None:
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
    if all(w in ("a", "an") for w in words):
        return None
    total, current, step = 0.0, 0.0, 1.0
    for i, w in enumerate(words):
        if w in ("a", "an"):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt not in SCALES and nxt != "hundred":
                return None
            current += 1
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[w]
            step = SCALES[w]
            current = 0
    return total + current, step


@dataclass
class NumberComparison:
    missing: list[Quantity] = field(default_factory=list)  # errors
    converted: list[Quantity] = field(default_factory=list)  # unit conversions (soft)
    # English numbers that look like a source quantity but match none (errors):
    # catches "6 percent" when the source says 5% and the English repeats 5% elsewhere.
    near_misses: list[Quantity] = field(default_factory=list)
    matched: int = 0

    @property
    def ok(self) -> bool:
        return not self.missing and not self.near_misses


def values_match(q: Quantity, e: Quantity) -> bool:
    """Does English quantity ``e`` express Chinese quantity ``q``?"""
    if q.kind == "month":
        return e.value == q.value and e.kind in ("month", "number", "ordinal")
    if e.kind == "month":
        return False
    if q.kind in ("year", "day", "ordinal") or e.kind == "code":
        return e.value == q.value
    if e.value == q.value:
        return True
    if q.value == 0 or e.value == 0:
        return False
    diff = abs(e.value - q.value)
    # Rounded only as far as the English writes digits, and never by more than 1 %.
    return diff / abs(q.value) <= 0.01 and diff <= e.step / 2 + 1e-9 * abs(q.value)


def compare_numbers(zh: str, en: str) -> NumberComparison:
    """Match each Chinese quantity to its own English quantity."""
    result = NumberComparison()
    english = english_quantities(en)
    used = [False] * len(english)
    # Exact values first, so a rounded match cannot steal an exact one's partner.
    pending: list[Quantity] = []
    for q in chinese_quantities(zh):
        j = next(
            (
                k
                for k, e in enumerate(english)
                if not used[k] and e.value == q.value and values_match(q, e)
            ),
            None,
        )
        if j is None:
            pending.append(q)
        else:
            used[j] = True
            result.matched += 1
    for q in pending:
        j = next((k for k, e in enumerate(english) if not used[k] and values_match(q, e)), None)
        if j is not None:
            used[j] = True
            result.matched += 1
        elif q.unit and (j := _converted_match(q, english, used)) is not None:
            used[j] = True
            result.converted.append(q)
        else:
            result.missing.append(q)
    result.missing.sort(key=lambda q: q.start)
    chinese = chinese_quantities(zh)
    for e in english:
        if e.kind != "number" or not e.text[:1].isdigit():
            continue
        if any(values_match(q, e) for q in chinese):
            continue
        if any(_near(q, e) for q in chinese):
            result.near_misses.append(e)
    return result


def _converted_match(q: Quantity, english: list[Quantity], used: list[bool]) -> int | None:
    for factor in CONVERTED_UNITS[q.unit]:
        target = Quantity(_tidy(q.value * factor), "number", q.text, q.start, q.end)
        for k, e in enumerate(english):
            if not used[k] and values_match(target, e):
                return k
    return None


def _near(q: Quantity, e: Quantity) -> bool:
    """Same kind of figure, off by less than half: almost certainly a wrong copy."""
    if q.kind in ("month", "day", "ordinal") or q.unit or q.value <= 0:
        return False
    return 0.5 <= e.value / q.value <= 1.5


def format_value(q: Quantity) -> str:
    """Human form of a value for messages: 19500000000 -> '19.5 billion'."""
    v = q.value
    if q.kind in ("year", "month", "day", "ordinal"):
        return f"{v:g}"
    for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(v) >= scale:
            return f"{_tidy(v / scale):g} {name}"
    text = f"{v:,.10g}" if abs(v) >= 1000 else f"{v:g}"
    return text + (" percent" if q.kind == "percent" else "")
