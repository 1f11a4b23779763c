"""What every page generator needs to know about the project being built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zhpress.convert import ScriptConverter
from zhpress.errors import ZhpressError
from zhpress.report import Report
from zhpress.translate.render import EnglishPage, english_page


@dataclass
class SiteContext:
    """Resolved project paths and the configured converter for one build."""

    root: Path  # the directory of mkdocs.yml; outputs name files relative to it
    docs_dir: Path
    sources_dir: Path
    glossary_dir: Path
    translations_dir: Path
    converter: ScriptConverter
    strict: bool = False
    _english: dict[str, EnglishPage] = field(default_factory=dict, repr=False)

    def english(self, report: Report) -> EnglishPage:
        """The report's English page data from translations/ (read once per build)."""
        if report.slug not in self._english:
            try:
                self._english[report.slug] = english_page(report, self.translations_dir)
            except ZhpressError as exc:
                if exc.path:  # name the PO file as the user knows it: translations/en/...
                    exc.path = self.relative(Path(exc.path))
                raise
        return self._english[report.slug]

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root, for messages (never absolute)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)
