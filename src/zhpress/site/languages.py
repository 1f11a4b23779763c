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
        if name == "404":  # served by name for missing pages, not as a directory
            return f"{self.prefix}404.html"
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
        "bilingual": "中英对照",
        "bilingual_title": "中英对照：{title}",
        "bilingual_intro": "左栏为中文，右栏为英文译文，逐段对齐；点击 ¶ 打开该段所在的单语页面。",
        "original": "本页为原文（简体中文）。",
        "converted": "本页由 OpenCC {config} 从繁体原文自动转换。",
        "read_original": "阅读繁体原文",
        "other_lang": "English",
        "not_found": "页面不存在",
        "not_found_text": "找不到这个页面。它可能已被移动或删除。",
        "back_home": "返回报告首页",
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
        "bilingual": "中英對照",
        "bilingual_title": "中英對照：{title}",
        "bilingual_intro": "左欄為中文，右欄為英文譯文，逐段對齊；點擊 ¶ 開啟該段所在的單語頁面。",
        "original": "本頁為原文（繁體中文）。",
        "converted": "本頁由 OpenCC {config} 從簡體原文自動轉換。",
        "read_original": "閱讀簡體原文",
        "other_lang": "English",
        "not_found": "頁面不存在",
        "not_found_text": "找不到這個頁面。它可能已被移動或刪除。",
        "back_home": "返回報告首頁",
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
        "bilingual": "Chinese and English side by side",
        "bilingual_title": "Side by side: {title}",
        "bilingual_intro": (
            "Chinese on the left, the English translation on the right, paragraph by "
            "paragraph; ¶ opens the paragraph on its own page."
        ),
        "other_lang": "中文",
        "not_found": "Page not found",
        "not_found_text": "There is no page at this address. It may have been moved or removed.",
        "back_home": "Back to the reports",
        "status_machine": "Machine translation",
        "status_reviewed": "Reviewed translation",
        "status_official": "Official translation",
        "status_mixed": "Mixed translation",
        "status_pending": "English translation pending",
        "status_empty": "Nothing to translate",
        "status_note_machine": (
            "This English text was produced by a machine translation model and has not "
            "been reviewed by a translator. The Chinese original is authoritative."
        ),
        "status_note_reviewed": "A translator has reviewed this English text.",
        "status_note_official": "This English text is the official translation.",
        "status_note_mixed": (
            "Parts of this page are machine translation, parts were reviewed or are "
            "official; pending and outdated passages are marked where they occur."
        ),
        "status_note_empty": "",
        "read_side_by_side": "Read it side by side with the Chinese",
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
