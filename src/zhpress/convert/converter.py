"""Simplified <-> Traditional conversion with OpenCC plus exact term overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Literal

import opencc

from zhpress.convert.shield import PLACEHOLDER, Shield
from zhpress.errors import ConfigError

Target = Literal["hans", "hant"]

# variant -> (Simplified->Traditional config, the matching reverse config).
# The reverse must be the same regional flavour, otherwise a Taiwan-phrase page
# (s2twp: 软件 -> 軟體) would not come back to the Simplified wording.
VARIANTS: dict[str, tuple[str, str]] = {
    "tw": ("s2tw", "tw2s"),
    "hk": ("s2hk", "hk2s"),
    "t": ("s2t", "t2s"),
    "twp": ("s2twp", "tw2sp"),
}
DEFAULT_VARIANT = "tw"

# Text that is never converted even outside Markdown: URLs (a path may hold
# CJK characters that must still resolve) and Latin words, so that OpenCC
# phrase rules such as U盘 -> 隨身碟 can never eat Latin letters.
_URL = r"(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]\"'，。；：！？、）】」』“”]+"
_LATIN = r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f_'’.\-]*"


@cache
def _opencc(config: str) -> opencc.OpenCC:
    # Building an OpenCC instance loads its dictionaries (tens of ms); every
    # converter with the same config shares one.
    return opencc.OpenCC(config)


def _check_variant(variant: str) -> str:
    if variant not in VARIANTS:
        choices = ", ".join(VARIANTS)
        raise ConfigError(
            f"unknown Traditional variant {variant!r}",
            hint=f"use one of: {choices}",
        )
    return variant


class ScriptConverter:
    """Converts text and Markdown between Simplified and Traditional script.

    ``s2t_overrides`` maps Simplified terms to the exact Traditional form to
    use (``{"胡同": "胡同"}`` keeps 胡同 where OpenCC writes 衚衕);
    ``t2s_overrides`` is the same for the other direction. Overrides win over
    OpenCC's segmentation: the longest matching term is taken whole.
    """

    def __init__(
        self,
        variant: str = DEFAULT_VARIANT,
        *,
        s2t_overrides: Mapping[str, str] | None = None,
        t2s_overrides: Mapping[str, str] | None = None,
    ) -> None:
        self.variant = _check_variant(variant)
        self.to_hant_config, self.to_hans_config = VARIANTS[variant]
        self._overrides: dict[Target, dict[str, str]] = {
            "hant": {k: v for k, v in (s2t_overrides or {}).items() if k},
            "hans": {k: v for k, v in (t2s_overrides or {}).items() if k},
        }
        self._patterns: dict[Target, re.Pattern[str]] = {
            target: _protect_pattern(terms) for target, terms in self._overrides.items()
        }

    def __repr__(self) -> str:
        counts = {t: len(o) for t, o in self._overrides.items()}
        return f"ScriptConverter(variant={self.variant!r}, overrides={counts})"

    def with_overrides(
        self,
        *,
        s2t_overrides: Mapping[str, str] | None = None,
        t2s_overrides: Mapping[str, str] | None = None,
    ) -> ScriptConverter:
        """A converter of the same variant with these overrides (OpenCC is shared)."""
        return ScriptConverter(
            self.variant, s2t_overrides=s2t_overrides, t2s_overrides=t2s_overrides
        )

    def overrides(self, target: Target) -> dict[str, str]:
        return dict(self._overrides[_check_target(target)])

    def to_hant(self, text: str) -> str:
        """Simplified -> Traditional (the configured variant)."""
        return self.convert(text, "hant")

    def to_hans(self, text: str) -> str:
        """Traditional -> Simplified, using the reverse of the configured variant."""
        return self.convert(text, "hans")

    def convert(self, text: str, target: Target) -> str:
        """Convert plain text to ``target`` script ("hans" or "hant")."""
        shield = Shield()
        hidden = shield.hide_reserved(text)
        return shield.reveal(self._convert_shielded(hidden, _check_target(target), shield))

    def convert_markdown(self, md: str, target: Target) -> str:
        """Convert a Markdown document, leaving code, URLs, link targets,
        HTML tags/attributes, attribute lists and Latin text untouched.

        Front matter is converted only for the human-readable keys
        (title, venue, speaker, outlet, authors).
        """
        # Imported here: markdown.py needs this module's types.
        from zhpress.convert.markdown import shield_markdown

        shield = Shield()
        hidden = shield_markdown(shield.hide_reserved(md), shield)
        return shield.reveal(self._convert_shielded(hidden, _check_target(target), shield))

    def _convert_shielded(self, text: str, target: Target, shield: Shield) -> str:
        overrides = self._overrides[target]

        def protect(match: re.Match[str]) -> str:
            value = match.group(0)
            if match.lastgroup == "keep":  # an existing placeholder stays as is
                return value
            if match.lastgroup == "term":
                return shield.hide(overrides[value])
            return shield.hide(value)

        text = self._patterns[target].sub(protect, text)
        config = self.to_hant_config if target == "hant" else self.to_hans_config
        return _opencc(config).convert(text)


def _check_target(target: str) -> Target:
    if target not in ("hans", "hant"):
        raise ValueError(f"target must be 'hans' or 'hant', not {target!r}")
    return target  # type: ignore[return-value]


def _protect_pattern(terms: Mapping[str, str]) -> re.Pattern[str]:
    parts = [f"(?P<keep>{PLACEHOLDER.pattern})"]
    if terms:
        # Longest first: the regex engine takes the first alternative that
        # matches at a position, so 北京胡同 beats 胡同 where both fit.
        ordered = sorted(terms, key=lambda t: (-len(t), t))
        parts.append("(?P<term>" + "|".join(re.escape(t) for t in ordered) + ")")
    parts += [f"(?P<url>{_URL})", f"(?P<latin>{_LATIN})"]
    return re.compile("|".join(parts))
