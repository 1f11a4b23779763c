"""Metadata a web page states about itself: meta tags, canonical link, JSON-LD.

Only explicit statements are used here (trafilatura's guesses are the
fallback in ``html.py``): ``og:title``, ``article:published_time``,
``og:site_name``, ``<meta name="author">``, ``<link rel="canonical">`` and the
``NewsArticle``/``Article`` objects of JSON-LD.
"""

from __future__ import annotations

import json
import re
from typing import Any

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "blogposting",
    "report",
    "webpage",
}


def page_metadata(root: Any) -> dict[str, Any]:
    """title, date, outlet, authors (list) and url, each only when stated.

    ``root`` is the page parsed by ``lxml.html``.
    """
    metas: dict[str, str] = {}
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = (node.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(root)
    found: dict[str, Any] = {}
    title = ld.get("headline") or metas.get("og:title") or metas.get("twitter:title")
    if isinstance(title, str) and title.strip():
        found["title"] = title.strip()
    date = (
        ld.get("datePublished")
        or metas.get("article:published_time")
        or metas.get("pubdate")
        or metas.get("publishdate")
        or metas.get("datepublished")
    )
    if isinstance(date, str):
        found["date"] = date
    outlet = _name(ld.get("publisher")) or metas.get("og:site_name") or metas.get("source")
    if outlet:
        found["outlet"] = outlet
    authors = _names(ld.get("author"))
    if not authors:
        raw = metas.get("author") or metas.get("article:author") or ""
        if raw and not raw.startswith("http"):
            authors = [a for a in re.split(r"\s*[,，、;；]\s*", raw) if a]
    if authors:
        found["authors"] = authors
    url = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = (link.get("href") or "").strip()
            break
    url = url or metas.get("og:url") or (ld.get("url") if isinstance(ld.get("url"), str) else None)
    if url:
        found["url"] = url
    return found


def _json_ld(root: Any) -> dict[str, Any]:
    """The first article-like JSON-LD object on the page (or an empty dict)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _objects(data):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                return obj
    return {}


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _objects(item)]
    if isinstance(data, dict):
        return [data] + _objects(data.get("@graph", []))
    return []


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip() or None
    return None


def _names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [_name(v) for v in values]
    return [n for n in names if n]
