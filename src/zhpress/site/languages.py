"""The site's three language trees and the words each one uses on its pages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    key: str  # "hans" | "hant" | "en": also the script name used by zhpress.convert
    prefix: str  # URL/src prefix of the tree: "" (site root), "zh-Hant/", "en/"
    html_lang: str  # value of <html lang> and hreflang
    ui: str  # Material for MkDocs theme language for this tree's interface
    name: str  # label in the language switcher, in its own language
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def src_uri(self, name: str) -> str:
        """Path of a generated page in mkdocs' virtual docs dir (``name`` w/o .md)."""
        return f"{self.prefix}{name}.md"

    def url(self, name: str) -> str:
        """Site-relative URL of a page (directory URLs), no leading slash."""
        return self.prefix if name == "index" else f"{self.prefix}{name}/"


HANS = Language(
    key="hans",
    prefix="",
    html_lang="zh-Hans",
    ui="zh",
    name="简体中文",
    labels={
        "home": "报告",
        "home_intro": "按日期排列的报告，最新的在前。",
        "date": "日期",
        "source": "来源",
        "venue": "会议",
        "speaker": "讲话人",
        "authors": "作者",
        "file": "原始文件",
        "empty": "还没有报告。把原始报告放入 sources/ 后重新构建。",
    },
)

HANT = Language(
    key="hant",
    prefix="zh-Hant/",
    html_lang="zh-Hant",
    ui="zh-Hant",
    name="繁體中文",
    labels={
        "home": "報告",
        "home_intro": "按日期排列的報告，最新的在前。",
        "date": "日期",
        "source": "來源",
        "venue": "會議",
        "speaker": "講話人",
        "authors": "作者",
        "file": "原始檔案",
        "empty": "還沒有報告。把原始報告放入 sources/ 後重新建置。",
    },
)

EN = Language(
    key="en",
    prefix="en/",
    html_lang="en",
    ui="en",
    name="English",
    labels={
        "home": "Reports",
        "home_intro": "Reports by date, newest first.",
        "date": "Date",
        "source": "Source",
        "venue": "Venue",
        "speaker": "Speaker",
        "authors": "Authors",
        "file": "Source file",
        "empty": "No reports yet. Put raw reports into sources/ and build again.",
        "pending": "English translation pending",
        "pending_note": (
            "This report has not been translated into English yet. "
            "Untranslated passages show the Chinese original, marked \"translation pending\"."
        ),
    },
)

LANGUAGES: tuple[Language, ...] = (HANS, HANT, EN)
BY_KEY: dict[str, Language] = {lang.key: lang for lang in LANGUAGES}

# First path segments a report slug may not take: they are language trees or
# files the theme and mkdocs write at the site root.
RESERVED_SLUGS = frozenset(
    {
        "index", "zh-hant", "en", "assets", "search", "404", "sitemap", "stylesheets",
        "javascripts", "glossary",
    }
)
