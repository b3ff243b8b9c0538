"""The offline edition: a zip of the site that works from file:// with no request outside its folder.

Material's offline plugin would load its web-worker shim (iframe-worker) from a CDN; we ship the
shim from the npm registry inside the site instead.
"""

from __future__ import annotations

from pathlib import Path

from .pipeline import ContentError
from .problems import Problem

ENV = "MANUAL_OFFLINE"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URL = "assets/vendor/iframe-worker-shim.js"


def shim_script(root: Path) -> str:
    path = root / SHIM_SOURCE
    if not path.is_file():
        raise ContentError(
            [Problem(SHIM_SOURCE.as_posix(), 1, "missing: run `npm ci` (or `make offline`) before an offline build")]
        )
    return path.read_text(encoding="utf-8")
