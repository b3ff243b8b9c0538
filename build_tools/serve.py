"""Serve site/ locally and rebuild it whenever content, templates or code change.

The last good site is served at once; the first build and every rebuild run in the background and
say what they are doing, and a failed one leaves the site being served as it was."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import layout, pipeline
from .build import BuildFailed, build_site

WATCHED = (*layout.CONTENT_FOLDERS, layout.OVERRIDES, "build_tools", layout.BASE_CONFIG)


def _snapshot(root: Path) -> dict[Path, float]:
    stamps: dict[Path, float] = {}
    for name in WATCHED:
        base = root / name
        paths = [base] if base.is_file() else base.rglob("*") if base.is_dir() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                stamps[path] = path.stat().st_mtime
    return stamps


def _progress(step: str) -> None:
    print(f"Rebuilding: {step}…", flush=True)


def _rebuild(root: Path) -> bool:
    started = time.perf_counter()
    try:
        build_site(root, report=_progress)
        print(f"Rebuilt site/ in {time.perf_counter() - started:.0f} s.", flush=True)
        return True
    except pipeline.ContentError as exc:
        print(f"{exc}\nNot rebuilt: fix the problems above; the previous site is still served.", flush=True)
    except (BuildFailed, pipeline.SettingError) as exc:
        print(f"Not rebuilt: {exc}", flush=True)
    except Exception as exc:
        print(f"Not rebuilt: unexpected {type(exc).__name__}: {exc}. Watching for the next change.", flush=True)
    return False


def _watch(root: Path, interval: float = 1.0, rounds: int | None = None, first: bool = False) -> None:
    """Rebuild (`first`: once at the start, then) after every change, for ever (or `rounds` times);
    nothing stops the watching."""
    last: dict[Path, float] = {}
    with contextlib.suppress(OSError):
        last = _snapshot(root)
    if first:
        _rebuild(root)
    while rounds is None or rounds > 0:
        time.sleep(interval)
        try:
            current = _snapshot(root)
        except OSError as exc:  # a file that vanished while we looked: look again next time
            print(f"Not rebuilt: {exc}", flush=True)
            continue
        if current != last:
            last = current
            _rebuild(root)
            if rounds is not None:
                rounds -= 1


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ as a web server would: a folder without index.html is not found, never listed."""

    def list_directory(self, path):
        self.send_error(404, "Not found")
        return None


def serve(root: Path, host: str, port: int) -> int:
    built = (root / "site").is_dir()
    if built:
        print("Serving the last built site while it is rebuilt.", flush=True)
    elif not _rebuild(root):  # nothing to serve until the first build succeeds
        return 1
    threading.Thread(target=_watch, args=(root,), kwargs={"first": built}, daemon=True).start()
    handler = functools.partial(_SiteHandler, directory=str(root / "site"))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"Serving the manual on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0
