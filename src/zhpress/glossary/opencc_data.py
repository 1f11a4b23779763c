"""What OpenCC itself knows: its converters, its one-to-many characters, its phrases.

The opencc wheel ships its dictionaries only as compiled ``.ocd2`` files. An
``.ocd2`` file is a header, a marisa trie of keys and then a table of values
(``uint32`` item count, ``uint32`` buffer size, NUL-terminated UTF-8 values, then
per item a ``uint16`` value count and one ``uint16`` byte length per value). We
read only that value table: an entry of ``STCharacters`` with several values is
a Simplified character with several Traditional candidates, and its key is
what OpenCC's own t2s gives for the first (default) candidate.
"""

from __future__ import annotations

import hashlib
import json
import struct
import tempfile
from functools import lru_cache
from pathlib import Path

import opencc

from zhpress.fsutil import atomic_write_text

# Used only if the installed opencc's data cannot be read (layout changed).
FALLBACK_ONE_TO_MANY = "发干里后面只系台余范复云制松谷准冲征历汇钟尽划团"


def data_dir() -> Path:
    return Path(opencc.__file__).parent / "clib" / "share" / "opencc"


@lru_cache(maxsize=16)
def opencc_converter(config: str = "s2t") -> opencc.OpenCC:
    """A cached OpenCC converter (``s2t``, ``s2tw``, ``s2twp``, ``t2s`` ...)."""
    name = config if config.endswith(".json") else f"{config}.json"
    return opencc.OpenCC(name)


def ocd2_values(path: Path) -> list[list[str]]:
    """The value lists of an .ocd2 dictionary, in key-id order."""
    data = path.read_bytes()
    size = len(data)
    # The trie's length is not stored; find the offset where the value table parses
    # exactly to the end of the file.
    for off in range(16, size - 8):
        count, total = struct.unpack_from("<II", data, off)
        if not 0 < count < 1_000_000 or off + 8 + total > size:
            continue
        q = off + 8 + total
        for _ in range(count):
            if q + 2 > size:
                break
            (k,) = struct.unpack_from("<H", data, q)
            if not 0 < k < 64:
                break
            q += 2 + 2 * k
        else:
            if q == size:
                return _decode_values(data, off, count, total)
    raise ValueError(f"cannot read OpenCC dictionary {path.name}")


def _decode_values(data: bytes, off: int, count: int, total: int) -> list[list[str]]:
    buf = data[off + 8 : off + 8 + total]
    q, pos = off + 8 + total, 0
    out = []
    for _ in range(count):
        (k,) = struct.unpack_from("<H", data, q)
        q += 2
        values = []
        for _ in range(k):
            (n,) = struct.unpack_from("<H", data, q)
            q += 2
            values.append(buf[pos : pos + n].rstrip(b"\0").decode("utf-8"))
            pos += n
        out.append(values)
    return out


@lru_cache(maxsize=1)
def one_to_many() -> dict[str, tuple[str, ...]]:
    """Simplified character -> its Traditional candidates (default first), from OpenCC.

    Candidates that are mere graphic variants of each other in Taiwan usage (OpenCC's
    t2tw maps them to one character) are not a real choice and are left out.
    """
    t2s = opencc_converter("t2s")
    t2tw = opencc_converter("t2tw")
    try:
        lists = ocd2_values(data_dir() / "STCharacters.ocd2")
    except (OSError, ValueError):
        s2t = opencc_converter("s2t")
        return {c: (s2t.convert(c),) for c in FALLBACK_ONE_TO_MANY}
    result: dict[str, tuple[str, ...]] = {}
    for values in lists:
        if len(values) < 2 or len(values[0]) != 1:
            continue
        key = t2s.convert(values[0])
        if len(key) != 1:
            continue
        if len({t2tw.convert(v) for v in values}) < 2:
            continue
        result[key] = tuple(values)
    return dict(sorted(result.items()))


@lru_cache(maxsize=1)
def phrase_probe() -> opencc.OpenCC:
    """A converter that applies OpenCC's s2t phrase tables and nothing else, except
    that each one-to-many character left to character-level conversion becomes a
    private-use marker (U+F0000 + its index in ``one_to_many()``)."""
    chars = list(one_to_many())
    marks = "".join(f"{c}\t{chr(0xF0000 + i)}\n" for i, c in enumerate(chars))
    d = data_dir()
    # OpenCC reads dictionaries from files: keep them in one temp directory per
    # content (not one per run), so repeated runs leave nothing new behind.
    digest = hashlib.sha256((marks + str(d)).encode("utf-8")).hexdigest()[:16]
    work = Path(tempfile.gettempdir()) / f"zhpress-opencc-{digest}"
    # Atomic and skipped when unchanged: parallel runs may share the directory.
    atomic_write_text(work / "marks.txt", marks)
    phrase_dicts = [
        {"type": "ocd2", "file": str(d / name)}
        for name in ("STPhrases.ocd2", "STPhrases_GeneratedFromRegionalPhrases.ocd2")
        if (d / name).is_file()
    ]
    config = {
        "name": "zhpress phrase probe",
        "conversion_chain": [
            {
                "dict": {
                    "type": "group",
                    "match_policy": "short_circuit",
                    "dicts": [
                        {
                            "type": "group",
                            "match_policy": "union",
                            "dicts": phrase_dicts,
                        },
                        {"type": "text", "file": str(work / "marks.txt")},
                    ],
                }
            }
        ],
    }
    atomic_write_text(work / "probe.json", json.dumps(config))
    return opencc.OpenCC(str(work / "probe.json"))
