"""Glossary terms as a jieba user dictionary, so a term is one search token.

jieba segments by word frequency; a term it does not know is cut into pieces
(京津冀 / 协同 / 发展). Each glossary form, Simplified and Traditional, gets the
frequency jieba itself computes as just enough to keep it whole, plus one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zhpress.fsutil import atomic_write_text
from zhpress.glossary.model import Converter, Glossary

POS_TAG = "nz"  # jieba/ICTCLAS tag for "other proper noun"


def _tokenizer(tokenizer: Any = None) -> Any:
    import jieba

    tok = tokenizer if tokenizer is not None else jieba.dt
    tok.check_initialized()
    return tok


def jieba_userdict_text(
    glossary: Glossary,
    converters: Iterable[Converter] | None = None,
    tokenizer: Any = None,
) -> str:
    """A jieba user dictionary (``word freq tag`` per line), sorted, for all forms."""
    tok = _tokenizer(tokenizer)
    lines = []
    for word in glossary.segmenter_words(converters):
        freq = max(tok.suggest_freq(word, False), tok.FREQ.get(word, 0)) + 1
        lines.append(f"{word} {freq} {POS_TAG}")
    return "".join(f"{line}\n" for line in lines)


def write_jieba_userdict(
    glossary: Glossary,
    path: str | Path,
    converters: Iterable[Converter] | None = None,
) -> Path:
    """Write the user dictionary (for mkdocs-material's ``search.jieba_dict_user``)."""
    path = Path(path)
    atomic_write_text(path, jieba_userdict_text(glossary, converters))
    return path


def reset_global_tokenizer() -> None:
    """Put jieba's global tokenizer back to its freshly loaded dictionary."""
    import jieba

    tok = jieba.dt
    tok.initialized = False
    tok.FREQ = {}
    tok.total = 0
    tok.user_word_tag_tab = {}
    tok.initialize()


def add_glossary_words(
    glossary: Glossary,
    tokenizer: Any = None,
    converters: Iterable[Converter] | None = None,
) -> int:
    """Add every form to a jieba tokenizer (default: jieba's global one, which
    mkdocs-material's search plugin uses). Returns the number of words added.

    The global tokenizer is first reset to jieba's own dictionary: words added
    by an earlier build in the same process (``serve``, tests) would otherwise
    change how this build segments, and the same inputs must give the same index.
    """
    if tokenizer is None:
        reset_global_tokenizer()
    tok = _tokenizer(tokenizer)
    words = glossary.segmenter_words(converters)
    for word in words:
        tok.add_word(word, max(tok.suggest_freq(word, False), tok.FREQ.get(word, 0)) + 1, POS_TAG)
    return len(words)
