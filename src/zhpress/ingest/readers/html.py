"""Saved web pages: the article's text, without the page around it.

trafilatura finds the main content (dropping navigation, share buttons,
comment widgets, related-article lists, scripts, styles and iframes) and gives
it back as an XML tree that still says which blocks are headings, lists and
tables. We walk that tree and emit plain text lines only: no markup of the
page can reach the output, because only text nodes are ever read.
"""

from __future__ import annotations

import codecs
import re
from configparser import ConfigParser
from functools import lru_cache
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from trafilatura.settings import use_config

from zhpress.errors import SourceError
from zhpress.ingest.readers import RawDocument
from zhpress.ingest.readers.blocks import (
    clean_inline,
    heading_line,
    markdown_table,
    relative_levels,
)
from zhpress.ingest.readers.html_infobar import looks_like_info_bar, split_info_bar
from zhpress.ingest.readers.html_meta import page_metadata

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Pages that declare these usually contain characters only the superset has.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
# Page chrome removed before extraction: on a short article trafilatura's
# fallback extractors would otherwise pick up menu and footer text.
_CHROME = [
    "//nav",
    "//footer",
    "//aside",
    "//form",
    "//button",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo']",
    "//header[not(ancestor::article) and not(.//h1)]",
]
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKER = re.compile(r"^(#{1,6} |\s*[-*] |\s*\d+\. |\| ---)")
_SAFE_SRC = re.compile(r"^(https?://|[A-Za-z0-9_./-])[^\s()<>\"']*$")


def read_html(path: Path) -> RawDocument:
    """Read a saved web page: main-content lines plus the page's own metadata."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror}", path=path) from None
    text = decode_html(data, path)
    root = _parse(text)
    page_meta = page_metadata(root) if root is not None else {}
    try:
        xml = trafilatura.extract(
            text,
            output_format="xml",
            include_tables=True,
            include_images=True,
            include_comments=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
            favor_recall=False,
            deduplicate=False,
            prune_xpath=_CHROME,
            config=_config(),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise SourceError(f"cannot parse HTML: {exc.__class__.__name__}", path=path) from None
    lines: list[str] = []
    if xml:
        main = etree.fromstring(xml.encode("utf-8")).find("main")
        if main is not None:
            lines = _main_lines(main, page_meta)
    if not any(line.strip() for line in lines) or _only_navigation(lines, root):
        raise SourceError(
            "no main text found",
            path=path,
            hint="the page has no article body; save the article page itself",
        )
    meta = _clean_meta(page_meta)
    lines = _without_info_bar(lines, meta, _page_info_bar(root))
    return RawDocument(lines=_with_captions(lines, root), fmt="html", meta=meta)


def _with_captions(lines: list[str], root: Any) -> list[str]:
    """Put each image's ``<figcaption>`` under it (trafilatura drops them).

    The text rules keep a photo caption ("…记者 张三 摄") only right under
    its image, so the caption must follow the image line.
    """
    if root is None:
        return lines
    captions: dict[str, str] = {}
    for figure in root.iter("figure"):
        caption = figure.find(".//figcaption")
        text = clean_inline(caption.text_content()) if caption is not None else ""
        for img in figure.iter("img"):
            if text and img.get("src"):
                captions.setdefault(img.get("src").strip(), text)
    out: list[str] = []
    for index, line in enumerate(lines):
        out.append(line)
        match = re.match(r"^!\[[^\]]*\]\((.+)\)$", line)
        caption = captions.get(match.group(1)) if match else None
        if caption and (index + 1 >= len(lines) or lines[index + 1] != caption):
            out.append(caption)
    return out


def _parse(text: str) -> Any:
    """The page as an lxml tree, parsed from the decoded text (None if hopeless).

    Parsing from bytes would make lxml guess the encoding again (Latin-1
    without a meta charset, the declared one even when it was wrong).
    """
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    """trafilatura's settings, trusting its main extractor on short articles.

    By default an extraction under 250 characters is replaced by a fallback
    that flattens the article into one paragraph; a short news item is still
    an article whose paragraphs matter.
    """
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _only_navigation(lines: list[str], root: Any) -> bool:
    """True when every word extracted is the text of a link, button or menu.

    On a page without an article (an error page, an index) trafilatura falls
    back to whatever text there is, which is the navigation.
    """
    if root is None:
        return False
    chrome = set()
    for node in root.iter("a", "button", "nav", "footer", "option", "label"):
        chrome.update(node.text_content().split())
    text = " ".join(_MARKER.sub("", line) for line in lines)
    return all(word in chrome for word in text.replace("|", " ").split())


def decode_html(data: bytes, path: Path) -> str:
    """Decode with the BOM, else the page's meta charset, else by detection.

    Every decode is strict, so bytes are never silently garbled: a page whose
    bytes do not match its declared charset (a common mistake) is decoded by
    detection instead, and undecodable bytes are an error.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, codec, path)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(_SUPERSETS.get(name, name)).name
        except LookupError:
            codec = None
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not best.encoding:
        raise SourceError(
            "cannot detect the text encoding",
            path=path,
            hint="save the page as UTF-8 or declare its charset",
        )
    return _strict(data, best.encoding, path)


def _strict(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(
            f"bytes are not valid {codec}",
            path=path,
            hint="save the page as UTF-8 or declare its charset",
        ) from None


def _main_lines(main: etree._Element, page_meta: dict[str, Any]) -> list[str]:
    """Block lines of trafilatura's ``<main>``; may set ``page_meta['title']``."""
    title = page_meta.get("title")
    # The page's own title repeated as the article's first heading is the
    # title line, which the text rules read like a plain text's first line.
    first = main[0] if len(main) else None
    title_head = None
    if first is not None and first.tag == "head" and _head_level(first) == 1:
        if title is None or _same(_text(first), title):
            title_head = first
            page_meta.setdefault("title", _text(first))
    levels = relative_levels([_head_level(h) for h in main.iter("head") if h is not title_head])
    lines: list[str] = []
    for child in main:
        tag = child.tag
        if tag == "head":
            text = _text(child)
            if not text:
                continue
            if child is title_head:
                lines.append(text)
            else:
                lines.append(heading_line(levels[_head_level(child)], text))
        elif tag == "p":
            lines.extend(_paragraph_lines(child))
        elif tag == "list":
            lines.extend(_list_lines(child, depth=0))
        elif tag == "table":
            lines.extend(markdown_table(_table_rows(child)))
        elif tag == "graphic":
            image = _image_line(child)
            if image:
                lines.append(image)
        else:  # quote, code, anything new: keep the words, drop the markup
            lines.extend(_paragraph_lines(child))
    return [line for line in lines if line]


def _head_level(head: etree._Element) -> int:
    match = re.fullmatch(r"h([1-6])", head.get("rend", ""))
    return int(match.group(1)) if match else 2


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def _text(element: etree._Element) -> str:
    return clean_inline("".join(element.itertext()))


def _paragraph_lines(element: etree._Element) -> list[str]:
    """A paragraph, split where the page had a line break (``<br>``).

    Chinese pages often put a whole report in one ``<p>`` with ``<br>``
    between paragraphs; each piece is a paragraph of its own.
    """
    pieces: list[str] = [element.text or ""]
    for node in element.iterdescendants():
        if node.tag == "lb":
            pieces.append("")
        elif node.tag == "graphic":
            continue
        else:
            pieces[-1] += node.text or ""
        if node.tail and node.getparent() is not None:
            pieces[-1] += node.tail
    lines = [clean_inline(piece) for piece in pieces]
    images = [_image_line(g) for g in element.iter("graphic")]
    return [line for line in lines + images if line]


def _list_lines(element: etree._Element, depth: int) -> list[str]:
    ordered = element.get("rend") == "ol"
    lines: list[str] = []
    number = 0
    for item in element.findall("item"):
        number += 1
        nested = item.findall("list")
        own = item.text or ""
        for child in item:
            if child.tag != "list":
                own += "".join(child.itertext())
            own += child.tail or ""
        text = clean_inline(own)
        if text:
            marker = f"{number}. " if ordered else "- "
            lines.append("  " * depth + marker + text)
        for sub in nested:
            lines.extend(_list_lines(sub, depth + 1))
    return lines


def _table_rows(table: etree._Element) -> list[list[str]]:
    rows = []
    for row in table.iter("row"):
        rows.append(["".join(cell.itertext()) for cell in row.findall("cell")])
    return rows


def _image_line(graphic: etree._Element) -> str | None:
    src = (graphic.get("src") or "").strip()
    if not src or not _SAFE_SRC.match(src) or ".." in src.split("/"):
        return None
    alt = clean_inline(graphic.get("alt") or graphic.get("title") or "")
    alt = alt.replace("[", "").replace("]", "")
    return f"![{alt}]({src})"


def _without_info_bar(lines: list[str], meta: dict[str, Any], page_bar: str | None) -> list[str]:
    """Replace the info bar under the headline by its credits.

    trafilatura sometimes keeps the bar as a paragraph (then it is among the
    first lines) and sometimes drops it with its credits (then the bar found
    in the page itself is used).
    """
    out = list(lines)
    for index in range(min(3, len(out))):
        if out[index].startswith(("#", "|", "- ", "![")):
            continue
        kept = split_info_bar(out[index], meta)
        if kept is not None:
            return out[:index] + kept + out[index + 1 :]
    if page_bar is None:
        return out
    kept = [line for line in split_info_bar(page_bar, meta) or [] if line not in out]
    at = 1 if out and meta.get("title") and _same(out[0], meta["title"]) else 0
    return out[:at] + kept + out[at:]


def _page_info_bar(root: Any) -> str | None:
    """The first short element of the page that is an info bar, if any."""
    if root is None:
        return None
    for node in root.iter("div", "p", "span", "section", "header"):
        if node.getparent() is not None and node.getparent().tag in ("nav", "footer"):
            continue
        content = clean_inline(node.text_content())
        if content and looks_like_info_bar(content):
            return content
    return None


def _clean_meta(page: dict[str, Any]) -> dict[str, Any]:
    """Only what the page states in its own tags (see ``html_meta``).

    trafilatura's metadata guesses are not used: on real pages it takes the
    date of the first item in a related-articles list and the ``<title>``
    with the site's name appended, both worse than letting the text rules
    read the article's own title and byline.
    """
    meta: dict[str, Any] = {}
    if page.get("title"):
        meta["title"] = clean_inline(page["title"])
    match = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", page.get("date") or "")
    if match:
        y, m, d = (int(g) for g in match.groups())
        meta["date"] = f"{y:04d}-{m:02d}-{d:02d}"
    if page.get("outlet"):
        meta["outlet"] = clean_inline(page["outlet"])
    authors = [clean_inline(a) for a in page.get("authors", []) if clean_inline(a)]
    if authors:
        meta["authors"] = authors
    url = page.get("url") or ""
    if re.match(r"^https?://[^\s<>\"']+$", url):
        meta["url"] = url
    return meta
