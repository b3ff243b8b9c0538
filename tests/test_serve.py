"""`manual serve`: the last good site at once, the rebuild in the background, saying what it does."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"waited {seconds} s for {what}")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@pytest.mark.build
def test_serve_answers_at_once_with_the_last_site_and_then_serves_the_rebuilt_one(minimal_repo: Path) -> None:
    (minimal_repo / "site").mkdir()
    (minimal_repo / "site" / "index.html").write_text("previous build", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_tools", "serve", "--root", str(minimal_repo), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: fetch(url), 15, "the server") == "previous build"
        assert not any(line.startswith("Rebuilt") for line in lines), "served before the rebuild was done"
        wait_for(lambda: any(line.startswith("Rebuilt site/") for line in lines), 180, "the rebuild")
        assert any(line.startswith("Rebuilding: ") for line in lines), "the rebuild says what it is doing"
        assert re.search(r"<html [^>]*\blang=\"?sv\b", fetch(url) or ""), "the rebuilt site is served"
    finally:
        server.terminate()
        server.wait(10)
