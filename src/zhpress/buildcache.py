"""A content-addressed cache that lets a build skip work whose inputs did not change.

Every entry is stored under ``<project>/.cache/zhpress/<namespace>/`` in a
file named by its key: the SHA-256 of everything the cached result depends
on (the input text, the configuration, the versions of the code that made
it). A changed input gives a different key, so an entry is never stale; it is
only unused, and :meth:`BuildCache.sweep` removes what the last build did
not use, so the cache holds about one site's worth of data.

The cache is disposable. An entry that cannot be read or decoded is a miss,
and a cache that cannot be written is switched off for the rest of the build
with one warning: the site must never depend on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.zhpress")

CACHE_DIRNAME = ".cache/zhpress"
# Bump when the layout of entries changes.
FORMAT = 1

# repr() of functions and objects carries a memory address, different in
# every process; it must not end up in a key.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(_stable(v)) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return _ADDRESS.sub("", repr(value))


def fingerprint(*parts: Any) -> str:
    """SHA-256 hex of ``parts`` (JSON-like values; bytes are hashed as they are)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(b"b%d:" % len(part))
            digest.update(part)
        else:
            data = json.dumps(_stable(part), ensure_ascii=False, sort_keys=True)
            encoded = data.encode("utf-8")
            digest.update(b"j%d:" % len(encoded))
            digest.update(encoded)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, or ``"missing"``."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def tree_digest(directory: Path, pattern: str = "*") -> str:
    """One digest over the names and bytes of every file under ``directory``."""
    if not directory.is_dir():
        return "missing"
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob(pattern) if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(file_digest(path).encode("ascii"))
    return digest.hexdigest()


_TOOLS = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "jieba",
    "opencc",
    "polib",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """zhpress's own files (code, templates, assets) and the versions of the
    libraries that shape its output: a new release or a local code change
    invalidates every entry."""
    versions = {}
    for name in _TOOLS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return fingerprint(FORMAT, versions, tree_digest(Path(__file__).parent))


class BuildCache:
    """Get and put JSON-able values by (namespace, key); ``directory=None`` disables it."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        self._used: dict[str, set[str]] = {}

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def _path(self, namespace: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / namespace / key[:2] / key

    def get(self, namespace: str, key: str) -> Any | None:
        found = self.get_with_text(namespace, key)
        return None if found is None else found[0]

    def get_with_text(self, namespace: str, key: str) -> tuple[Any, str] | None:
        """The value and the text stored with it (see ``put``), or None."""
        if self.directory is None:
            return None
        self._used.setdefault(namespace, set()).add(key)
        try:
            data = zlib.decompress(self._path(namespace, key).read_bytes())
            head, sep, text = data.partition(b"\0")
            if not sep:
                raise ValueError("no separator")
            found = json.loads(head), text.decode("utf-8")
        except (OSError, ValueError, zlib.error):
            self.misses[namespace] += 1
            return None
        self.hits[namespace] += 1
        return found

    def put(self, namespace: str, key: str, value: Any, text: str = "") -> None:
        """Store ``value`` (JSON-able) and, apart from it, a long ``text``
        (a page's HTML: kept out of the JSON, which would escape it)."""
        if self.directory is None:
            return
        self._used.setdefault(namespace, set()).add(key)
        path = self._path(namespace, key)
        # JSON escapes control characters, so a NUL byte ends the header
        head = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        data = zlib.compress(head + b"\0" + text.encode("utf-8"), 1)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # no fsync: a torn entry fails to decompress and is simply a miss
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning(
                "zhpress: build cache switched off, cannot write %s: %s",
                self.directory,
                exc.strerror or exc,
            )
            self.directory = None

    def sweep(self, namespaces: Iterable[str] | None = None) -> int:
        """Delete the entries of ``namespaces`` (default: every namespace this
        build touched) that this build did not use; returns how many."""
        if self.directory is None:
            return 0
        removed = 0
        for namespace in sorted(namespaces if namespaces is not None else self._used):
            used = self._used.get(namespace, set())
            base = self.directory / namespace
            if not base.is_dir():
                continue
            for path in base.glob("*/*"):
                if path.name not in used:
                    try:
                        path.unlink()
                        removed += 1
                    except OSError:
                        continue
        return removed

    def summary(self) -> str:
        names = sorted(set(self.hits) | set(self.misses))
        return ", ".join(f"{n} {self.hits[n]} hit/{self.misses[n]} miss" for n in names)
