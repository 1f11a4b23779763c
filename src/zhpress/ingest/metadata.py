"""Report metadata the text does not spell out: script, slug, maintainer sidecars."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Any

import yaml

from zhpress.errors import SourceError

SIDECAR_SUFFIX = ".meta.yaml"
# What a maintainer may state about a raw file; anything else is a typo.
SIDECAR_KEYS = (
    "title",
    "date",
    "slug",
    "venue",
    "speaker",
    "speaker_office",
    "outlet",
    "authors",
    "url",
    "note",
)
SLUG_MAX = 60
# Top-level names the site uses for itself (kept in step with zhpress.site.languages;
# ingest must not import the site stage). A report slug never takes one of them.
RESERVED_SLUGS = frozenset(
    {"index", "zh-hant", "en", "assets", "search", "404", "sitemap", "stylesheets", "javascripts"}
)
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")


@functools.cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str) -> str:
    """``hant`` if the text has more Traditional-only than Simplified-only characters.

    A character that OpenCC's t2s changes is Traditional; one that s2t changes
    is Simplified. Characters shared by both scripts count for neither.
    """
    sample = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")[:20000]
    if not sample:
        return "hans"
    to_s = _converter("t2s").convert(sample)
    to_t = _converter("s2t").convert(sample)
    trad = sum(a != b for a, b in zip(sample, to_s, strict=False))
    simp = sum(a != b for a, b in zip(sample, to_t, strict=False))
    return "hant" if trad > simp else "hans"


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


@functools.cache
def _jieba():
    """A private jieba tokenizer with jieba's own dictionary only.

    Not the global one: the site adds glossary terms to that, and a slug (a
    URL) must not change because someone added a glossary entry.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def sanitise_slug(text: str, limit: int = SLUG_MAX) -> str:
    """Lowercase ``[a-z0-9-]`` only, no leading/trailing/double dashes, cut at a word."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut
    return slug.strip("-")


def transliterate(text: str) -> str:
    """Pinyin of Chinese words (syllables of one word run together), Latin kept."""
    from pypinyin import Style, lazy_pinyin

    words = []
    for word in _jieba().cut(to_simplified(text)):
        if re.search(r"[\u4e00-\u9fff]", word):
            words.append("".join(lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)))
        else:
            words.append(word)
    return sanitise_slug("-".join(words), limit=10_000)


_PLACE = re.compile(r"(?:市|^)([\u4e00-\u9fff]{2,3}?)[区區县縣]")
_GENERIC_TITLES = ("政府工作报告",)


def make_slug(meta: dict[str, Any]) -> str:
    """Slug from date + title, e.g. ``2025-01-08-dongcheng-zhengfu-gongzuo-baogao``.

    A generic title ("政府工作报告") gets the district from the venue or the
    speaker's office so two districts' reports do not collide.
    """
    if meta.get("slug"):
        slug = sanitise_slug(str(meta["slug"]))
        if slug:
            return _unreserved(slug)
    title = str(meta.get("title") or "")
    if to_simplified(title) in _GENERIC_TITLES:
        for key in ("venue", "speaker_office"):
            place = _PLACE.search(str(meta.get(key) or ""))
            if place:
                title = place.group(1) + title
                break
    date = str(meta.get("date") or "")[:10]
    date = date if _ISO_DATE.match(date) else ""
    words = transliterate(title)
    slug = sanitise_slug(f"{date}-{words}" if date else words)
    return _unreserved(slug or "report")


def _unreserved(slug: str) -> str:
    return f"{slug}-report" if slug in RESERVED_SLUGS else slug


def load_sidecar(path: Path) -> dict[str, Any]:
    """Validated ``<source>.meta.yaml``: unknown keys and wrong types name file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read sidecar: {exc}", path=path) from None
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SourceError(
            "sidecar is not valid YAML", path=path, line=mark.line + 1 if mark else None
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise SourceError("sidecar must be a mapping of keys to values", path=path, line=1)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    meta: dict[str, Any] = {}
    for key, value in data.items():
        line = lines.get(str(key))
        if key not in SIDECAR_KEYS:
            raise SourceError(
                f"unknown key {key!r} in sidecar",
                path=path,
                line=line,
                hint="allowed: " + ", ".join(SIDECAR_KEYS),
            )
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if key == "date":
            value = str(value)
            if not _ISO_DATE.match(value):
                raise SourceError(
                    f"date {value!r} is not ISO 8601",
                    path=path,
                    line=line,
                    hint="write YYYY, YYYY-MM or YYYY-MM-DD",
                )
        elif key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SourceError("authors must be a list of names", path=path, line=line)
        elif not isinstance(value, str):
            raise SourceError(f"{key} must be text", path=path, line=line)
        meta[key] = value
    return meta


def sidecar_for(source: Path) -> Path:
    """``sources/<stem>.meta.yaml`` next to ``sources/<stem>.<ext>``."""
    return source.with_name(source.stem + SIDECAR_SUFFIX)
