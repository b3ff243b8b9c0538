"""MkDocs (or its drop-in fork ProperDocs) with the Material theme: build a generated site source."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

THEME_PACKAGE = "material"
# the theme's inline scripts that hold no template code are the same on every page; the CSP allows
# exactly those by hash (the one that varies per page is moved into a file by
# overrides/partials/javascripts/base.html)
INLINE_SCRIPTS_FOLDER = "templates/partials/javascripts"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


# what a build imports: a process that will build imports them first (build_tools.build's workers)
PRELOAD = (
    "mkdocs.commands.build",
    "mkdocs.config",
    "material.plugins.search.plugin",
    "material.plugins.offline.plugin",
)


class EngineError(Exception):
    """The engine refused the site source or failed to write the site."""


def build(config_file: Path, site_dir: Path) -> None:
    """Build one language's site from its generated configuration into `site_dir` (strict: a warning fails)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        mkdocs_build(load_config(str(config_file), site_dir=str(site_dir)))
    except MkDocsException as exc:
        raise EngineError(str(exc)) from None
    except (OSError, RecursionError, MemoryError) as exc:
        raise EngineError(f"{type(exc).__name__}: {exc}") from None


def theme_folder() -> Path:
    """The folder of the files the theme publishes (some 14,000): a hand-written file must not replace one."""
    return Path(str(resources.files(THEME_PACKAGE).joinpath("templates")))


@cache
def theme_inline_scripts() -> tuple[str, ...]:
    """The theme's fixed inline scripts, for the CSP's hashes."""
    folder = resources.files(THEME_PACKAGE).joinpath(INLINE_SCRIPTS_FOLDER)
    return tuple(
        match.group(1)
        for partial in sorted(folder.iterdir(), key=lambda p: p.name)
        if partial.name.endswith(".html")
        for match in INLINE_SCRIPT.finditer(partial.read_text(encoding="utf-8"))
        if "{{" not in match.group(1) and "{%" not in match.group(1)
    )
