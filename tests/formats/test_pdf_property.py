"""Property: however paragraphs wrap and break across pages, they come back whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zhpress.ingest.readers.pdf_lines import Line
from zhpress.ingest.readers.pdf_paragraphs import paragraphs

SIZE = 10.0
LEFT = 50.0
PER_LINE = 30  # characters per full line
LINES_PER_PAGE = 40

_chars = st.sampled_from(list("发展建设推进城市文化服务经济社会全面提升工作重点区域协同年月日") + list("，、。；"))
_paragraph = st.text(alphabet=_chars, min_size=1, max_size=140).map(
    lambda text: text.lstrip("，、。；") or "好"
)
# Real documents have paragraphs that wrap, which show where full lines end
# and how paragraphs are set apart. The reader trusts that layout once it has
# seen it at two paragraph ends; a document showing fewer falls back to the
# punctuation rules, which cannot tell a full line ending in 。 from a
# paragraph end (a known limit, not exercised here).
_long = st.text(alphabet=_chars, min_size=2 * PER_LINE, max_size=4 * PER_LINE).map(
    lambda text: "在" + text.rstrip("。") + "。"
)
_document = st.tuples(
    st.lists(_paragraph, min_size=2, max_size=12), _long, _long, st.integers(0, 12)
).map(lambda t: t[0][: t[3]] + [t[1], "好。", t[2]] + t[0][t[3] :])


def _typeset(paras: list[str], style: str, per_page: int) -> list[list[Line]]:
    """Lay paragraphs out as a printer would: wrapped, spaced or indented, paged."""
    pages: list[list[Line]] = [[]]
    row = 0
    for para in paras:
        text = ("\u3000\u3000" + para) if style == "indent" else para
        pieces = [text[i : i + PER_LINE] for i in range(0, len(text), PER_LINE)]
        for index, piece in enumerate(pieces):
            if row >= per_page:
                pages.append([])
                row = 0
            ink = piece.lstrip("\u3000")
            x0 = LEFT + (len(piece) - len(ink)) * SIZE
            top = 60 + row * 1.5 * SIZE
            pages[-1].append(Line(text=ink, x0=x0, x1=LEFT + len(piece) * SIZE, top=top,
                                  bottom=top + SIZE, size=SIZE, page=len(pages), column=0,
                                  first_word=SIZE))
            row += 1
            del index
        if style == "spaced":
            row += 1  # the blank space between paragraphs
    return pages


@settings(max_examples=80, deadline=None)
@given(_document)
def test_indented_paragraphs_survive_wrapping_and_page_breaks(paras: list[str]) -> None:
    pages = _typeset(paras, "indent", per_page=7)
    assert paragraphs(pages) == paras


@settings(max_examples=80, deadline=None)
@given(_document)
def test_spaced_paragraphs_survive_wrapping(paras: list[str]) -> None:
    pages = _typeset(paras, "spaced", per_page=10_000)
    assert paragraphs(pages) == paras
