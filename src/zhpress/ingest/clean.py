"""Rules that remove noise: converter artefacts, page furniture, credits."""

from __future__ import annotations

import re

from zhpress.ingest.document import Doc, Rule, is_markdown, split_marker

# Letters a pinyin syllable may contain; a real annotation always carries a
# tone mark (web converters add them for every syllable), which is what tells
# ``區(qū)`` apart from ``(ABC)`` or ``(一)``.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# ``?qū)`` is the same annotation whose ``(`` the converter mangled into ``?``. The
# annotated character is CJK, or a mojibake remnant of one (``瑓^(qū)``), never a
# Latin letter, digit or space: ``(ā)`` on its own is left alone.
_PINYIN = re.compile(
    rf"(?<=[^\sA-Za-z0-9(（)）])[(（?]([a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*)[)）]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Spaces touching these marks are layout noise (``、 “大棚房”``); spaces between two
# words are kept because they can be real separators (``“金融 总部 科创”``).
_TIGHT_AFTER = re.compile(r"([，。、；：？！“‘（《【「『])[ ]+")
_TIGHT_BEFORE = re.compile(r"[ ]+([，。、；：？！”’）》】」』])")


class WhitespaceRule(Rule):
    """Collapse odd spaces, drop zero-width characters and spaces next to punctuation."""

    name = "whitespace"
    priority = 100

    def run(self, doc: Doc) -> None:
        out = []
        for line in doc.lines:
            marker, text = split_marker(line)
            text = _ZERO_WIDTH.sub("", text)
            text = _SPACES.sub(" ", text).strip()
            text = _TIGHT_AFTER.sub(r"\1", text)
            text = _TIGHT_BEFORE.sub(r"\1", text)
            if text or marker.strip():
                out.append(marker + text)
        doc.lines[:] = out


def _keep_mangled(match: re.Match[str]) -> str:
    return match.group(0) if match.group(0).startswith("?") else ""


class PinyinRule(Rule):
    """Remove ``(pīnyīn)`` annotations that web converters put after characters."""

    name = "pinyin"
    priority = 90

    def run(self, doc: Doc) -> None:
        out = []
        for line in doc.lines:
            for match in _PINYIN.finditer(line):
                if match.group(0).startswith("?"):
                    # The converter also ate bytes next to a mangled annotation; the
                    # characters that follow are mojibake nobody can recover here.
                    around = line[max(0, match.start() - 8) : match.end() + 6]
                    around = _PINYIN.sub(_keep_mangled, around)[-16:]
                    doc.notes.append(f"garbled text in the source near “{around}”")
            out.append(_PINYIN.sub("", line))
        doc.lines[:] = out


_COMMENT_LINES = re.compile(
    r"^(已有\s*\d+\s*人(发表了|發表了|参与|參與)?评论|已有\s*\d+\s*人發表了評論|最新评论|最新評論|"
    r"热门评论|熱門評論|发表评论|發表評論|我要评论|我要評論|网友评论|網友評論|查看全部评论|"
    r"分享到[:：]?.*|扫一扫.*|打印本页|关闭窗口|【打印】.*|【关闭】.*)$"
)
_RELATED = re.compile(
    r"^(相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|相关链接|相關鏈接|推荐阅读|推薦閱讀)[:：]?$"
)
_PROSE = re.compile(r"[。！？]$")


class BoilerplateRule(Rule):
    """Drop comment counters and "related reading" blocks from web pages."""

    name = "boilerplate"
    priority = 80

    def run(self, doc: Doc) -> None:
        out: list[str] = []
        in_related = False
        for line in doc.lines:
            # Page furniture is short; a long line starting "扫一扫" is real prose.
            if len(line) <= 30 and _COMMENT_LINES.match(line):
                continue
            if _RELATED.match(line):
                in_related = True
                continue
            if in_related:
                # The block is link titles and "outlet date" lines; real prose
                # (a long sentence) after it means the page body resumed.
                if len(line) > 60 and _PROSE.search(line) and not is_markdown(line):
                    in_related = False
                else:
                    continue
            out.append(line)
        doc.lines[:] = out


_CAPTION = re.compile(
    r"(?:(?:记者|記者|通讯员|通訊員|摄影|攝影|摄影师)\s*[\u4e00-\u9fff·]{2,6}(?:\s+[\u4e00-\u9fff·]{2,4})*\s*|\s)"
    r"[摄攝][。）)]?$"
)


class CaptionRule(Rule):
    """Photo captions ("…新华社记者 鞠焕宗 摄"): kept under an image, else dropped."""

    name = "caption"
    priority = 75

    def run(self, doc: Doc) -> None:
        out: list[str] = []
        for line in doc.lines:
            if len(line) <= 150 and not is_markdown(line) and _CAPTION.search(line):
                if out and out[-1].startswith("!["):
                    out.append(f"*{line}*")
                continue
            out.append(line)
        doc.lines[:] = out


_CREDIT = re.compile(
    r"^(?P<role>文|撰文|记者|記者|摄影|攝影|图|圖|编辑|編輯|责任编辑|責任編輯|责编|責編)\s*[/／:：|｜]\s*(?P<who>.+)$"
)
_ROLES = {
    "文": "reporters",
    "撰文": "reporters",
    "记者": "reporters",
    "記者": "reporters",
    "摄影": "photographers",
    "攝影": "photographers",
    "图": "photographers",
    "圖": "photographers",
}
_NAME_SPLIT = re.compile(r"[\s、，,/／]+")
_AFFILIATION = re.compile(r"^.*?(记者|記者|通讯员|通訊員|实习生|實習生)")


def credit_names(text: str) -> list[str]:
    """Names in a credit: drop the outlet and role before them ("北京青年报记者 蒋若静 刘洋")."""
    text = _AFFILIATION.sub("", text)
    return [n for n in _NAME_SPLIT.split(text) if n]


class CreditsRule(Rule):
    """Move "文/…记者 …", "摄影/…", "编辑/…" lines into ``credits`` and ``authors``."""

    name = "credits"
    priority = 70

    def run(self, doc: Doc) -> None:
        credits: dict[str, list[str]] = {}
        out: list[str] = []
        for line in doc.lines:
            match = _CREDIT.match(line) if len(line) <= 80 else None
            if not match:
                out.append(line)
                continue
            role = _ROLES.get(match.group("role"), "editors")
            for name in credit_names(match.group("who")):
                if name not in credits.setdefault(role, []):
                    credits[role].append(name)
        doc.lines[:] = out
        if credits:
            merged = dict(doc.meta.get("credits") or {})
            for role in ("reporters", "photographers", "editors"):
                if credits.get(role):
                    merged[role] = credits[role]
            doc.meta["credits"] = merged
            if merged.get("reporters") and not doc.meta.get("authors"):
                doc.meta["authors"] = list(merged["reporters"])
