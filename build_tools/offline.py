"""The offline edition: a zip of the site that works from file:// with no request outside its folder.

Material's offline plugin would load its web-worker shim (iframe-worker) from a CDN; we ship the
shim from the npm registry inside the site instead.
"""

from __future__ import annotations

import html
from pathlib import Path

from .languages import BY_CODE, FIRST_SITE_LANGUAGE, SITE_LANGUAGES
from .render import ui_strings

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URL = "assets/vendor/iframe-worker-shim.js"


class ShimMissing(RuntimeError):
    """The build environment lacks the npm package; not a content problem."""


def shim_script(root: Path) -> str:
    path = root / SHIM_SOURCE
    if not path.is_file():
        raise ShimMissing(f"{SHIM_SOURCE.as_posix()} is missing: run `npm ci` (or `make offline`) first")
    return path.read_text(encoding="utf-8")


START_FILE = "START.html"


def start_page() -> str:
    """What the unpacked zip says first, in every site language (strings.yml: `offline_start_*`):
    the first language's site is index.html, each other's lives in its folder (`en/index.html`)."""
    strings = ui_strings()
    first = FIRST_SITE_LANGUAGE
    title = (
        strings["app_short_name"][first] + " – " + " / ".join(strings["offline_start_title"][c] for c in SITE_LANGUAGES)
    )
    parts = [
        "<!doctype html>",
        f'<html lang="{BY_CODE[first].lang}">',
        "<head>",
        '<meta charset="utf-8">',
        """<meta http-equiv="Content-Security-Policy" content="default-src 'none'">""",
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        "</head>",
        "<body>",
    ]
    for code in SITE_LANGUAGES:
        start = (BY_CODE[code].url_prefix or "") + "index.html"
        text = strings["offline_start_open"][code].format(start=f'<a href="{start}">{start}</a>')
        tag, attribute = ("h1", "") if code == first else ("h2", f' lang="{BY_CODE[code].lang}"')
        parts.append(f"<{tag}{attribute}>{html.escape(strings['site_title'][code])}</{tag}>")
        parts.append(f"<p{attribute}>{text}</p>")
    return "\n".join([*parts, "</body>", "</html>", ""])


def write_start_file(folder: Path) -> Path:
    """The file a reader of the unpacked zip sees first: it says what to open."""
    target = folder / START_FILE
    target.write_text(start_page(), encoding="utf-8")
    return target
