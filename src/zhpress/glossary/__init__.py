"""The terminology glossary: one entry per term drives conversion, translation,
checks, search and the reader's view.

Public API::

    load_glossary(dir) -> Glossary          # raises MultipleErrors listing every problem
    check_glossary(dir) -> list[Problem]    # the same problems, without raising
    Glossary.translation_terms() / conversion_overrides() / segmenter_words() / lookup()
"""

from zhpress.glossary.loader import Problem, check_glossary, load_glossary
from zhpress.glossary.model import Entry, Glossary, Match, TermMatcher, TermRule

__all__ = [
    "Entry",
    "Glossary",
    "Match",
    "Problem",
    "TermMatcher",
    "TermRule",
    "check_glossary",
    "load_glossary",
]
