"""Leftmost-longest term matching, checked against a brute-force reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zhpress.glossary.model import Entry, TermMatcher

ALPHABET = "京津冀协同发展北城市副中心"


def reference(text: str, forms: list[str]) -> list[tuple[int, str]]:
    out, i = [], 0
    while i < len(text):
        hits = [f for f in forms if text.startswith(f, i)]
        if hits:
            best = max(hits, key=len)
            out.append((i, best))
            i += len(best)
        else:
            i += 1
    return out


@settings(max_examples=200, deadline=None)
@given(
    forms=st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
    text=st.text(ALPHABET, max_size=30),
)
def test_matches_are_leftmost_longest_and_non_overlapping(forms, text):
    matcher = TermMatcher({f: Entry(zh=f, en="x") for f in forms})
    found = matcher.find(text)
    assert [(m.start, m.form) for m in found] == reference(text, forms)
    assert all(text[m.start : m.end] == m.form for m in found)
