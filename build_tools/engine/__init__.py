"""The engine adapter: the one package that knows MkDocs and Material for MkDocs.

The rest of build_tools writes and reads engine-neutral things: `build_tools.generate` writes each
site language's complete source (Markdown pages and a configuration in the shape MkDocs reads, which
its fork ProperDocs and Material's successor Zensical read too). This package runs the engine on that
source and finishes what the theme leaves: its search index learns our keywords, its search worker
gets ours. What another engine would need is in docs/engine.md; a move rewrites this package alone.
A lint rule (ruff's banned-api, pyproject.toml) keeps `mkdocs` and `material` imports in here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .mkdocs_material import PRELOAD, EngineError, build, theme_folder, theme_inline_scripts

if TYPE_CHECKING:
    from ..model import Manual

__all__ = ["PRELOAD", "EngineError", "build", "finish", "theme_folder", "theme_inline_scripts"]


def finish(site_dir: Path, manual: Manual, lang: str, root: Path) -> None:
    """After one language's build: our keywords in the theme's search index, our search worker."""
    # imported here: the search code reads the generated configuration, and the checks import this package
    from .search_index import finish as finish_search_index

    finish_search_index(site_dir, manual, lang, root)
