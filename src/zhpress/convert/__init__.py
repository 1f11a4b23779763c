"""Simplified <-> Traditional script conversion (OpenCC) with glossary overrides.

``ScriptConverter(variant)`` converts plain text (``to_hant``/``to_hans``) and
Markdown (``convert_markdown``), never touching code, URLs, link targets, HTML
attributes or Latin text. Glossary terms plug in as ``s2t_overrides`` /
``t2s_overrides``: each term is converted exactly as given, as one unit.
"""

from __future__ import annotations

from zhpress.convert.converter import DEFAULT_VARIANT, VARIANTS, ScriptConverter, Target


def convert_markdown(md: str, target: Target, converter: ScriptConverter | None = None) -> str:
    """Convert Markdown to ``target`` ("hans"/"hant") with ``converter`` (default: tw)."""
    return (converter or ScriptConverter()).convert_markdown(md, target)


__all__ = ["DEFAULT_VARIANT", "VARIANTS", "ScriptConverter", "Target", "convert_markdown"]
