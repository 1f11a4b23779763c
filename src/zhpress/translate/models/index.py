"""The Argos package index (a JSON list of package metadata) and downloads.

Each index entry looks like the package's own metadata.json plus ``links``
(download URLs, tried in order; ``ipfs://`` links are skipped) and, where the
index provides one, ``sha256`` (hex digest of the .argosmodel file).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhpress import __version__
from zhpress.errors import ModelError, NetworkError
from zhpress.translate.models.package import version_key

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
TIMEOUT = 30.0
CHUNK = 1 << 16

#: progress(bytes_done, bytes_total_or_None)
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class IndexEntry:
    from_code: str
    to_code: str
    package_version: str
    links: tuple[str, ...]
    sha256: str | None
    code: str
    raw: dict[str, Any]


def _open(url: str):
    request = urllib.request.Request(url, headers={"User-Agent": f"zhpress/{__version__}"})
    try:
        return urllib.request.urlopen(request, timeout=TIMEOUT)
    except urllib.error.HTTPError as exc:
        raise NetworkError(
            f"server answered {exc.code} {exc.reason}", path=url, hint="check the URL"
        ) from None
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise NetworkError(
            f"cannot connect: {reason}",
            path=url,
            hint="check the network, or install offline with `zhpress model install --file PATH`",
        ) from None


def fetch_index(url: str = DEFAULT_INDEX_URL) -> list[IndexEntry]:
    """Download and parse the package index; ``NetworkError``/``ModelError`` on failure."""
    with _open(url) as response:
        try:
            raw = response.read()
        except (TimeoutError, OSError) as exc:
            raise NetworkError(f"download interrupted: {exc}", path=url) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(
            "package index is not valid JSON",
            path=url,
            line=getattr(exc, "lineno", None),
            hint="check --index-url",
        ) from None
    if not isinstance(data, list):
        raise ModelError("package index must be a JSON list", path=url, hint="check --index-url")
    entries = []
    for item in data:
        if not isinstance(item, dict) or "from_code" not in item or "to_code" not in item:
            continue
        links = tuple(str(x) for x in item.get("links", []) if isinstance(x, str))
        sha = item.get("sha256")
        entries.append(
            IndexEntry(
                from_code=str(item["from_code"]),
                to_code=str(item["to_code"]),
                package_version=str(item.get("package_version", "")),
                links=links,
                sha256=str(sha).lower() if sha else None,
                code=str(item.get("code") or ""),
                raw=item,
            )
        )
    return entries


def select_entry(entries: list[IndexEntry], from_code: str, to_code: str, url: str) -> IndexEntry:
    """Newest entry for the language pair; ``ModelError`` when the index has none."""
    matches = [e for e in entries if e.from_code == from_code and e.to_code == to_code]
    if not matches:
        raise ModelError(
            f"the package index has no {from_code}->{to_code} package",
            path=url,
            hint="check --index-url, or install a file with --file",
        )
    return max(matches, key=lambda e: version_key(e.package_version))


def download(
    links: tuple[str, ...] | list[str],
    dest_dir: Path,
    *,
    sha256: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Download the first working http(s) link into ``dest_dir``; verify SHA-256."""
    usable = [u for u in links if u.startswith(("http://", "https://", "file:"))]
    if not usable:
        raise ModelError(
            "the index entry has no http(s) download link", hint="install with --file PATH"
        )
    last: NetworkError | None = None
    for url in usable:
        try:
            return _download_one(url, dest_dir, sha256=sha256, progress=progress)
        except NetworkError as exc:
            last = exc
    assert last is not None
    raise last


def _download_one(
    url: str, dest_dir: Path, *, sha256: str | None, progress: Progress | None
) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=dest_dir)
    digest = hashlib.sha256()
    done = 0
    try:
        with os.fdopen(fd, "wb") as out, _open(url) as response:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if progress:
                progress(0, total)
            while True:
                try:
                    chunk = response.read(CHUNK)
                except (TimeoutError, OSError) as exc:
                    raise NetworkError(f"download interrupted: {exc}", path=url) from None
                if not chunk:
                    break
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        if total is not None and done != total:
            raise NetworkError(
                f"download incomplete ({done} of {total} bytes)", path=url, hint="try again"
            )
        if sha256 and digest.hexdigest() != sha256.lower():
            raise ModelError(
                f"SHA-256 mismatch: expected {sha256.lower()}, got {digest.hexdigest()}",
                path=url,
                hint="the download is corrupt or was tampered with; nothing was installed",
            )
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
