"""Properties that must hold for any text: nothing lost, nothing changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zhpress.translate.memory import MACHINE, REVIEWED, Entry, Memory, dump_po, parse_po
from zhpress.translate.segments import split_sentences

CHINESE = st.text(
    alphabet=st.sampled_from(
        list("我们推进改革发展经济数字一二三") + list("。！？；，、“”‘’（）《》!?;.,% 0123456789")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(CHINESE)
def test_sentence_split_loses_and_reorders_nothing(text):
    parts = split_sentences(text)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert all(p.strip() == p and p for p in parts)


ANY = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(source=ANY, target=ANY, human=st.booleans())
def test_po_round_trip_keeps_text_and_state(source, target, human):
    memory = Memory(path=None)
    state, origin = (REVIEWED, "human") if human else (MACHINE, "machine test-1")
    memory.entries["a.1"] = Entry("a.1", source, target, state, origin)
    text = dump_po(memory, slug="p")
    again = parse_po(text).entries["a.1"]
    assert (again.source, again.target, again.state) == (source, target, state)
    assert dump_po(parse_po(text), slug="p") == text
