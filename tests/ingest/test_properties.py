"""Properties that must hold for any input, not just the examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhpress.ingest import ingest_document
from zhpress.ingest.metadata import make_slug, sanitise_slug
from zhpress.ingest.punctuation import normalise_punctuation
from zhpress.ingest.readers.text import read_markdown

REPO = Path(__file__).resolve().parents[2]
CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        "政府工作报告东城区一二三年月日，。、“”（）:,;()!? abcXYZ0123456789.%-"
    ),
    max_size=60,
)


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_slug_is_always_safe(text: str) -> None:
    slug = sanitise_slug(text)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
    assert len(slug) <= 60


@given(CJK_TEXT, st.sampled_from(["", "2024", "2024-01-02", "../../x"]))
@settings(max_examples=60, deadline=None)
def test_made_slugs_never_escape_docs(title: str, date: str) -> None:
    slug = make_slug({"title": title, "date": date, "slug": None})
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60))
@settings(max_examples=300, deadline=None)
def test_ascii_only_text_is_never_touched(text: str) -> None:
    assert normalise_punctuation(text) == text


@given(CJK_TEXT)
@settings(max_examples=300, deadline=None)
def test_punctuation_normalising_is_idempotent_and_keeps_digits(text: str) -> None:
    once = normalise_punctuation(text)
    assert normalise_punctuation(once) == once
    assert re.findall(r"\d", once) == re.findall(r"\d", text)


@pytest.mark.parametrize("doc", sorted((REPO / "docs").glob("*.md")), ids=lambda p: p.stem)
def test_canonical_docs_are_a_fixed_point(doc: Path) -> None:
    """Feeding a produced doc back in as Markdown changes nothing in its body:
    every structure the rules made is respected as Markdown the second time."""
    raw = read_markdown(doc)
    again = ingest_document(raw, doc, "0" * 64)
    body = doc.read_text("utf-8").split("---\n", 2)[2].lstrip("\n")
    assert again.body == body
