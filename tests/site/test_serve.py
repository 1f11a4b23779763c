"""`zhpress serve` serves the site and rebuilds when sources/ changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.mark.slow
def test_serve_rebuilds_when_a_source_changes(project: Path) -> None:
    pytest.importorskip("zhpress.ingest", reason="the ingest stage has not landed yet")
    (project / "glossary").mkdir()
    (project / "translations").mkdir()
    port = _free_port()
    zhpress = Path(sys.executable).with_name("zhpress")
    log = project / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(zhpress), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
        )
    base = f"http://127.0.0.1:{port}/zh/"  # the project's site_url path
    try:
        assert _wait_for(lambda: (_get(base + "zh-Hant/") or "").find("政府工作報告") > 0), (
            log.read_text()
        )
        watched = log.read_text()
        for name in ("sources", "glossary", "translations"):
            assert f"/{name}'" in watched, watched
        (project / "sources" / "news.txt").write_text(
            "北京市推进城市更新\n北京日报客户端 2024-03-01 08:00\n\n今年将推进老旧小区综合整治。\n",
            encoding="utf-8",
        )
        assert _wait_for(lambda: "推進城市更新" in (_get(base + "zh-Hant/") or "")), log.read_text()
        # A translator edits the glossary: the glossary pages and the term
        # marks on report pages are rebuilt.
        (project / "glossary" / "terms.yaml").write_text(
            "terms:\n  - zh: 老旧小区\n    en: old residential compounds\n", encoding="utf-8"
        )
        assert _wait_for(
            lambda: "old residential compounds" in (_get(base + "en/glossary/") or "")
        ), log.read_text()
        home = _get(base) or ""
        news = next(
            (part.split('"')[0] for part in home.split('href="') if part.startswith("2024-03-01")),
            None,
        )
        assert news, home
        page = _get(base + news) or ""
        assert 'class="zh-term"' in page and "old residential compounds" in page
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
