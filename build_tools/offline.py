"""The offline edition: a zip of the site that works from file:// with no request outside its folder.

Material's offline plugin would load its web-worker shim (iframe-worker) from a CDN; we ship the
shim from the npm registry inside the site instead.
"""

from __future__ import annotations

from pathlib import Path

ENV = "MANUAL_OFFLINE"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URL = "assets/vendor/iframe-worker-shim.js"


class ShimMissing(RuntimeError):
    """The build environment lacks the npm package; not a content problem."""


def shim_script(root: Path) -> str:
    path = root / SHIM_SOURCE
    if not path.is_file():
        raise ShimMissing(f"{SHIM_SOURCE.as_posix()} is missing: run `npm ci` (or `make offline`) first")
    return path.read_text(encoding="utf-8")
