"""Serve site/ locally and rebuild it whenever content, templates or code change."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import pipeline
from .build import BuildFailed, build_site

WATCHED = (
    "steps",
    "case_exercises",
    "decision_aid",
    "content",
    "overrides",
    "build_tools",
    "mkdocs.yml",
    "mkdocs.en.yml",
)


def _snapshot(root: Path) -> dict[Path, float]:
    stamps: dict[Path, float] = {}
    for name in WATCHED:
        base = root / name
        paths = [base] if base.is_file() else base.rglob("*") if base.is_dir() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                stamps[path] = path.stat().st_mtime
    return stamps


def _rebuild(root: Path) -> None:
    try:
        build_site(root)
        print("Rebuilt site/.", flush=True)
    except pipeline.ContentError as exc:
        print(f"{exc}\nNot rebuilt: fix the problems above; the previous site is still served.", flush=True)
    except BuildFailed as exc:
        print(f"Not rebuilt: {exc}", flush=True)


def _watch(root: Path, interval: float = 1.0) -> None:
    last = _snapshot(root)
    while True:
        time.sleep(interval)
        current = _snapshot(root)
        if current != last:
            last = current
            _rebuild(root)


def serve(root: Path, host: str, port: int) -> int:
    _rebuild(root)
    if not (root / "site").is_dir():
        return 1
    threading.Thread(target=_watch, args=(root,), daemon=True).start()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root / "site"))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"Serving the manual on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0
