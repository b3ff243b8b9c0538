"""The offline edition: a zip of the site that works from file:// with no request outside its folder.

Material's offline plugin would load its web-worker shim (iframe-worker) from a CDN; we ship the
shim from the npm registry inside the site instead.
"""

from __future__ import annotations

from pathlib import Path

from . import messages as m
from .pipeline import ContentError

ENV = "MANUAL_OFFLINE"
SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URL = "assets/vendor/iframe-worker-shim.js"


def shim_script(root: Path) -> str:
    path = root / SHIM_SOURCE
    if not path.is_file():
        raise ContentError([m.OFFLINE_SHIM_MISSING.at(SHIM_SOURCE.as_posix(), 1)])
    return path.read_text(encoding="utf-8")
