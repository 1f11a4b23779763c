"""Small readers for built HTML pages, shared by the site tests."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang = ""
        self.alternates: list[tuple[str, str]] = []  # (hreflang, href) from <head>
        self.switcher: list[tuple[str, str]] = []  # (hreflang, href) from the header menu
        self.nav_links: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.title = ""
        self._stack: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._in_title = False
        self._in_article = 0
        self.article_text: list[str] = []
        self.all_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        cls = a.get("class", "")
        if tag == "html":
            self.html_lang = a.get("lang", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a["href"]))
        elif tag == "a" and "md-select__link" in cls:
            self.switcher.append((a.get("hreflang", ""), a["href"]))
        elif tag == "a" and "md-nav__link" in cls and "href" in a:
            self.nav_links.append(a["href"])
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._in_article:
            self._heading = (int(tag[1]), [])
        elif tag == "title":
            self._in_title = True
        elif tag == "article":
            self._in_article += 1
        elif tag in {"script", "style"}:
            self._skip += 1
        elif tag == "a" and "headerlink" in cls:
            self._skip += 1
        self._stack.append(tag if "headerlink" not in cls else "headerlink")

    def handle_endtag(self, tag: str) -> None:
        top = self._stack.pop() if self._stack else ""
        if top == "headerlink" or tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], "".join(self._heading[1]).strip()))
            self._heading = None
        elif tag == "title":
            self._in_title = False
        elif tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.all_text.append(data)
        if self._in_title:
            self.title += data
        if self._heading:
            self._heading[1].append(data)
        if self._in_article:
            self.article_text.append(data)


class Page:
    def __init__(self, site: Path, url: str) -> None:
        self.site = site
        self.url = url  # site-relative directory URL, e.g. "zh-Hant/slug/"
        self.path = site / url / "index.html" if url.endswith("/") or not url else site / url
        self.html = self.path.read_text(encoding="utf-8")
        parser = _Parser()
        parser.feed(self.html)
        self.p = parser

    @property
    def text(self) -> str:
        return "".join(self.p.article_text)

    def resolve(self, href: str) -> str:
        """Site-relative URL that ``href`` on this page points to."""
        joined = posixpath.normpath(posixpath.join("/" + self.url, href.split("#")[0]))
        joined = joined.lstrip("/")
        if href.split("#")[0].endswith("/") or href in {".", "./", ".."} or href.endswith(".."):
            joined = joined + "/" if joined else ""
        return joined


def page(site: Path, url: str) -> Page:
    return Page(site, url)
