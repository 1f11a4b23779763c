"""Everything the site build needs from the glossary, loaded once per build.

The mkdocs plugin uses it like this::

    sg = load_site_glossary(ctx.glossary_dir, ctx.converter)   # on_config
    ctx.converter = sg.converter                  # conversions honour the glossary
    config.markdown_extensions.append(sg.extension)
    sg.register_search_words()                    # jieba, used by the search plugin
    sg.page_markdown("hant")                      # content of each glossary page
    sg.set_page("hans", "../glossary/")           # on_page_markdown, per page
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhpress.glossary.jieba_dict import add_glossary_words
from zhpress.glossary.loader import load_glossary
from zhpress.glossary.markdown_ext import GlossaryExtension
from zhpress.glossary.model import Glossary
from zhpress.glossary.pages import glossary_page_markdown


@dataclass
class SiteGlossary:
    glossary: Glossary
    converter: Any
    extension: GlossaryExtension

    def page_markdown(self, lang: str) -> str:
        """The glossary page for ``hans``, ``hant`` or ``en``."""
        return glossary_page_markdown(self.glossary, lang, self.converter)

    def set_page(self, lang: str | None, glossary_url: str = "") -> None:
        """Mark terms on the next rendered page in ``lang`` (None: do not mark)."""
        self.extension.setConfig("lang", lang or "")
        self.extension.setConfig("glossary_url", glossary_url)

    def register_search_words(self, tokenizer: Any = None) -> int:
        return add_glossary_words(self.glossary, tokenizer)


def load_site_glossary(glossary_dir: str | Path, base_converter: Any) -> SiteGlossary:
    """Load and check the glossary (raises ``MultipleErrors`` with the same lines as
    `zhpress glossary check`); a missing directory means an empty glossary.

    ``base_converter`` is the site's ``ScriptConverter``; the returned
    ``converter`` is the same variant with the glossary's overrides in both
    directions.
    """
    directory = Path(glossary_dir)
    glossary = load_glossary(directory) if directory.is_dir() else Glossary([])
    converter = base_converter.with_overrides(
        s2t_overrides=glossary.conversion_overrides("s2t", base_converter),
        t2s_overrides=glossary.conversion_overrides("t2s", base_converter),
    )
    extension = GlossaryExtension(glossary=glossary, lang="", converter=converter)
    return SiteGlossary(glossary, converter, extension)
