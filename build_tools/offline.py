"""The offline edition: a zip of the site that works from file:// with no request outside its folder.

Material's offline plugin would load its web-worker shim (iframe-worker) from a CDN; we ship the
shim from the npm registry inside the site instead.
"""

from __future__ import annotations

from pathlib import Path

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
START_PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Manualen – börja här / start here</title>
</head>
<body>
<h1>Manual vid misstanke om människohandel</h1>
<p>Öppna <a href="index.html">index.html</a> i den här mappen med din webbläsare för att läsa manualen
utan nätverk. Låt alla filer ligga kvar i mappen <code>manualen</code>.</p>
<h2 lang="en">Manual for suspected human trafficking</h2>
<p lang="en">Open <a href="en/index.html">en/index.html</a> in this folder with your web browser to read
the manual in English without a network. Keep every file in the <code>manualen</code> folder.</p>
</body>
</html>
"""


def write_start_file(folder: Path) -> Path:
    """The file a reader of the unpacked zip sees first: it says what to open."""
    target = folder / START_FILE
    target.write_text(START_PAGE, encoding="utf-8")
    return target
