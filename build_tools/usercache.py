"""The user's cache folder for what a check can keep between runs (compiled templates, the ids of a
generated page): `$XDG_CACHE_HOME/manualen` or `~/.cache/manualen`. Whatever is kept there is checked
against its source before use, and a folder that cannot be read or written only means doing the work again."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(name: str) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG rule is to ignore it
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "manualen" / name if os.path.isabs(base) else None


def read(folder: Path | None, key: str) -> bytes | None:
    if folder is None:
        return None
    try:
        return (folder / key).read_bytes()
    except OSError:
        return None


def write(folder: Path | None, key: str, data: bytes) -> None:
    """Whole or not at all (a parallel run may write the same key); a failure is ignored."""
    if folder is None:
        return
    import tempfile

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, folder / key)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        pass
