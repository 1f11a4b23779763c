"""The info bar news pages print under the headline.

"来源：东华新闻网 2024-03-12 08:30 责任编辑：赵雨 字号：大 中 小" is page
furniture, not article text: its outlet and date become metadata, its credits
become separate credit lines (the text rules move those into ``credits``),
and the rest (font size switch, view counter) is dropped.
"""

from __future__ import annotations

import re
from typing import Any

_LABELS = (
    "来源|來源|稿源|出处|出處|作者|记者|記者|责任编辑|責任編輯|责编|責編|编辑|編輯|"
    "发布时间|發佈時間|发布日期|發佈日期|发表时间|时间|時間|日期|"
    "浏览次数|瀏覽次數|阅读量|阅读|點擊|点击|字号|字號"
)
_FIELD = re.compile(rf"({_LABELS})\s*[:：]\s*(.*?)(?=\s*(?:{_LABELS})\s*[:：]|$)")
_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_NOISE = re.compile(r"^[\s|｜/·•\-—【】\[\]()（）]*(?:大\s*中\s*小|打印|关闭|關閉|\d+)?[\s|｜/·•\-—【】\[\]()（）]*$")
_CREDIT_LABELS = {"作者": "作者", "记者": "记者", "記者": "記者", "责任编辑": "责任编辑",
                  "責任編輯": "責任編輯", "责编": "责编", "責編": "責編", "编辑": "编辑", "編輯": "編輯"}


def split_info_bar(line: str, meta: dict[str, Any]) -> list[str] | None:
    """Lines to keep instead of ``line`` if it is an info bar, else None.

    Fills ``meta`` (outlet, date) only where the page's tags left them empty.
    """
    if len(line) > 120:
        return None
    fields = [(m.group(1), m.group(2).strip()) for m in _FIELD.finditer(line)]
    residue = _DATE.sub(" ", _FIELD.sub(" ", line))
    if not fields and not _DATE.fullmatch(line.strip()):
        return None
    if not _NOISE.match(residue):
        return None
    keep: list[str] = []
    for label, value in fields:
        value_date = _DATE.search(value)
        if label in ("来源", "來源", "稿源", "出处", "出處"):
            outlet = _DATE.sub("", value).strip()
            if outlet:
                meta.setdefault("outlet", outlet)
        elif label in _CREDIT_LABELS and value:
            keep.append(f"{_CREDIT_LABELS[label]}：{value}")
        if value_date:
            _set_date(meta, value_date)
    bare = _DATE.search(_FIELD.sub(" ", line))
    if bare:
        _set_date(meta, bare)
    return keep


def _set_date(meta: dict[str, Any], match: re.Match[str]) -> None:
    y, m, d = (int(g) for g in match.groups())
    if 1 <= m <= 12 and 1 <= d <= 31:
        meta.setdefault("date", f"{y:04d}-{m:02d}-{d:02d}")


def looks_like_info_bar(text: str) -> bool:
    """Two or more info fields (or a field and a date) and nothing else."""
    if len(text) > 120:
        return False
    items = len(_FIELD.findall(text)) + len(_DATE.findall(_FIELD.sub(" ", text)))
    return items >= 2 and split_info_bar(text, {}) is not None
