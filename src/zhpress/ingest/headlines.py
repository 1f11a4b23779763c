"""Rules that read a report's head: title, subtitle, speaker, news byline."""

from __future__ import annotations

import re

from zhpress.ingest.document import CJK, Doc, Rule, is_markdown

_SPACED_TITLE = re.compile(rf"^[{CJK}](?:[ \u3000]+[{CJK}]){{2,}}$")
_NO_PUNCT_SHORT = re.compile(rf"^[{CJK}A-Za-z0-9“”《》·\-— ]{{2,40}}$")
_SUBTITLE_END = re.compile(r"(上|上的讲话|上的講話|讲话|講話)[)）]?$")
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE_AR = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CN = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_SPEAKER = re.compile(rf"^(?P<office>[{CJK}（）()·]{{2,40}}?)[ \u3000]+(?P<name>[{CJK}·]{{2,6}})$")
_BYLINE = re.compile(
    r"^(?P<outlet>\S.{0,40}?)\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?$"
)


def _cn_number(text: str) -> int:
    """Chinese numerals up to 99 (十, 十二, 二十, 二十一)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def parse_chinese_date(text: str) -> str | None:
    """ISO date from "2025年1月8日" or "二〇二五年一月八日"; None if there is none."""
    match = _DATE_AR.search(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DATE_CN.search(text)
        if not match:
            return None
        year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _join_subtitle(lines: list[str], start: int) -> tuple[str, int] | None:
    """The "——<date>在<meeting>上" subtitle starting at ``start``, joined over up to 3 lines."""
    if start >= len(lines) or not lines[start].startswith("——"):
        return None
    text = lines[start]
    end = start + 1
    while not _SUBTITLE_END.search(text) and end < len(lines) and end - start < 3:
        nxt = lines[end]
        if is_markdown(nxt) or len(nxt) > 40:
            break
        text += nxt
        end += 1
    if not _SUBTITLE_END.search(text) or parse_chinese_date(text) is None:
        return None
    return text, end


class GovernmentHeadRule(Rule):
    """Spaced title, "——date在meeting上" subtitle and speaker line of a government report."""

    name = "government-head"
    priority = 60

    def run(self, doc: Doc) -> None:
        lines = doc.lines
        if not lines or is_markdown(lines[0]):
            return
        first = lines[0]
        subtitle = _join_subtitle(lines, 1)
        if _SPACED_TITLE.match(first):
            title = re.sub(r"[ \u3000]+", "", first)
        elif subtitle and _NO_PUNCT_SHORT.match(first):
            title = first
        else:
            return
        consumed = 1
        doc.meta.setdefault("title", title)
        doc.meta.setdefault("title_source", "document")
        if subtitle:
            text, consumed = subtitle
            body = text[2:]
            date = parse_chinese_date(body)
            doc.meta.setdefault("date", date)
            doc.meta.setdefault("date_source", "subtitle")
            venue = re.search(r"日在(.+?)(?:上的讲话|上的講話|讲话|講話|上)[)）]?$", body)
            if venue:
                doc.meta.setdefault("venue", venue.group(1))
        if consumed < len(lines):
            speaker = _SPEAKER.match(lines[consumed])
            if speaker:
                doc.meta.setdefault("speaker", speaker.group("name"))
                doc.meta.setdefault("speaker_office", speaker.group("office"))
                consumed += 1
        del lines[:consumed]


class NewsBylineRule(Rule):
    """A headline followed by "<outlet> <yyyy-mm-dd hh:mm>"."""

    name = "news-byline"
    priority = 59

    def run(self, doc: Doc) -> None:
        lines = doc.lines
        if len(lines) < 2 or is_markdown(lines[0]) or len(lines[0]) > 60:
            return
        if lines[0][-1] in "。；;：:":
            return
        match = _BYLINE.match(lines[1])
        if not match:
            return
        date = match.group("date")
        if match.group("time"):
            hh, mm, *rest = match.group("time").split(":")
            date += f"T{int(hh):02d}:{mm}" + (f":{rest[0]}" if rest else "")
        doc.meta.setdefault("title", lines[0])
        doc.meta.setdefault("title_source", "document")
        doc.meta.setdefault("outlet", match.group("outlet").strip())
        doc.meta.setdefault("date", date)
        doc.meta.setdefault("date_source", "byline")
        del lines[:2]


class TitleLineRule(Rule):
    """Drop a first line that only repeats the title already known (e.g. an HTML ``<h1>``).

    The page title comes from front matter; repeating it as the first heading
    would show it twice.
    """

    name = "title-line"
    priority = 58

    def run(self, doc: Doc) -> None:
        title = doc.meta.get("title")
        if not doc.lines or not isinstance(title, str):
            return
        first = re.sub(r"^#{1,6} ", "", doc.lines[0])
        if re.sub(r"\s+", "", first) == re.sub(r"\s+", "", title):
            del doc.lines[0]
