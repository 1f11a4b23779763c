"""Small helpers for the engine tests: repacking packages, a local HTTP server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import socket
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path


def repack(
    src: Path,
    dst: Path,
    *,
    metadata: Callable[[dict], dict | str] | None = None,
    drop: Callable[[str], bool] | None = None,
) -> Path:
    """Copy an .argosmodel, editing metadata.json and/or dropping members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if drop is not None and drop(info.filename):
                continue
            data = zin.read(info.filename)
            if metadata is not None and info.filename.endswith("/metadata.json"):
                edited = metadata(json.loads(data))
                data = (edited if isinstance(edited, str) else json.dumps(edited)).encode()
            zout.writestr(info, data)
    return dst


def closed_port() -> int:
    """A localhost port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib name
        pass


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` over HTTP on 127.0.0.1 from a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
