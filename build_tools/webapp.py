"""The installable web app: a manifest per language and one service worker at the site's root that
keeps every file of both languages after the first visit, so that pages, the decision aid and search
work with no network. Same origin only: the worker fetches nothing but the site's own files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = ((192, "assets/manual/icon-192.png"), (512, "assets/manual/icon-512.png"))
THEME_COLOUR = "#6b0d0d"
# not needed to read the site offline
SKIPPED_SUFFIXES = (".gz", ".map")


def manifest(name: str, short_name: str, description: str, lang: str) -> str:
    """The web app manifest of one language's site (its start page is that language's home)."""
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "description": description,
            "lang": lang,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [{"src": src, "sizes": f"{size}x{size}", "type": "image/png"} for size, src in ICONS],
        },
        ensure_ascii=False,
        indent=2,
    )


def site_files(site_dir: Path) -> list[str]:
    """Every file the service worker keeps, as URLs relative to the site's root; a page's folder
    address ('steg/x/') stands for its index.html, as the server gives it."""
    urls: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative == SERVICE_WORKER or relative.endswith(SKIPPED_SUFFIXES):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            urls.append(relative.removesuffix("index.html") or "./")
        else:
            urls.append(relative)
    return urls


def service_worker(urls: list[str], version: str) -> str:
    template = (Path(__file__).parent / "templates" / "sw.js").read_text(encoding="utf-8")
    return template.replace("__VERSION__", json.dumps(version)).replace("__FILES__", json.dumps(urls, indent=0))


def write_service_worker(site_dir: Path) -> Path:
    """Write sw.js into a built site; its cache's name changes whenever any file of the site does."""
    urls = site_files(site_dir)
    digest = hashlib.sha256()
    for url in urls:
        file = site_dir / (url + "index.html" if url.endswith("/") else "index.html" if url == "./" else url)
        digest.update(url.encode("utf-8"))
        digest.update(file.read_bytes())
    target = site_dir / SERVICE_WORKER
    target.write_text(service_worker(urls, digest.hexdigest()[:16]), encoding="utf-8")
    return target
