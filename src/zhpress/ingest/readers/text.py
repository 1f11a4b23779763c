"""Plain text and Markdown sources: find the encoding, decode strictly, split lines.

Chinese reports arrive as UTF-8 (with or without BOM), UTF-16 from Windows
tools, GB18030/GBK from mainland sites and Big5 from Taiwan/Hong Kong ones.
A wrong guess produces plausible-looking mojibake, so every candidate is
decoded strictly and judged by how Chinese the result looks.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from zhpress.errors import SourceError
from zhpress.ingest.readers import RawDocument

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when charset-normalizer is unsure; GB18030 is a
# superset of GBK/GB2312 so it stands for all three.
_LEGACY = ("gb18030", "big5")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# C0 controls other than tab/newline/CR never appear in a real text report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_MD_BLOCK = re.compile(r"^(#{1,6} |[-*+] |\d+[.)] |\| |\[\^[^\]]+\]: |!\[|>)")


def detect_encoding(data: bytes) -> str | None:
    """The codec that decodes ``data`` strictly into the most plausible text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec if _decodes(data, codec) else None
    if _decodes(data, "utf-8"):
        return "utf-8"
    candidates: list[str] = []
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        candidates.append(best.encoding)
    candidates.extend(c for c in _LEGACY if c not in candidates)
    scored = []
    for codec in candidates:
        text = _strict(data, codec)
        if text is None or _CONTROL.search(text):
            continue
        scored.append((_score(text), -candidates.index(codec), codec))
    if not scored:
        return None
    scored.sort(reverse=True)
    score, _, codec = scored[0]
    return codec if score > 0.3 else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def _decodes(data: bytes, codec: str) -> bool:
    return _strict(data, codec) is not None


def _score(text: str) -> float:
    """Share of non-space characters that are common CJK or ASCII.

    Mis-decoded GBK-as-Big5 (or the reverse) yields rare ideographs and private
    use characters; frequent characters dominate real text.
    """
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    good = 0
    for ch in chars:
        if ch.isascii() and ch.isprintable():
            good += 1
        elif _CJK.match(ch):
            # Extension A and compatibility ideographs are rare in real prose.
            good += 1 if "\u4e00" <= ch <= "\u9fff" else 0
        elif unicodedata.category(ch).startswith("P") or ch in "　":
            good += 1
    return good / len(chars)


def decode_source(path: Path) -> str:
    """Read ``path`` and return NFC text with ``\\n`` line ends, or raise SourceError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror}", path=path) from None
    if not data.strip():
        raise SourceError("file is empty", path=path, hint="remove it or add the report text")
    codec = detect_encoding(data)
    text = _strict(data, codec) if codec else None
    if text is None or _CONTROL.search(text):
        raise SourceError(
            "cannot decode file as text",
            path=path,
            hint="expected UTF-8, UTF-16, GB18030/GBK or Big5 text",
        )
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text)


def read_text(path: Path) -> RawDocument:
    """A .txt report: one paragraph (or title line) per non-blank line."""
    text = decode_source(path)
    lines = [line.strip() for line in text.split("\n")]
    return RawDocument(lines=[line for line in lines if line], fmt="txt")


def read_markdown(path: Path) -> RawDocument:
    """A .md report: optional YAML front matter becomes meta; soft-wrapped lines join."""
    text = decode_source(path)
    meta: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise SourceError(
                "front matter is not valid YAML",
                path=path,
                line=(mark.line + 2) if mark is not None else None,
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError("front matter must be a mapping", path=path, line=2)
        meta = {
            str(k): (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in (loaded or {}).items()
        }
        text = text[match.end() :]
    lines: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            lines.append(_join_wrapped(para))
            para.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif _MD_BLOCK.match(line):
            flush()
            lines.append(line)
        else:
            para.append(line)
    flush()
    return RawDocument(lines=lines, fmt="md", meta=meta)


def _join_wrapped(parts: list[str]) -> str:
    """Join soft-wrapped lines: no space between CJK, one space between Latin words."""
    out = parts[0]
    for part in parts[1:]:
        if out[-1].isascii() and part[0].isascii():
            out += " " + part
        else:
            out += part
    return out
