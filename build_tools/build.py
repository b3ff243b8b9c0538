"""Build the Swedish and English site into a staging folder, then swap it in place of site/.

A failed check or build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import pipeline

# (config file, folder inside the site) per language; Swedish first, it owns the site root
LANGUAGE_BUILDS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))


class BuildFailed(Exception):
    pass


def build_into(root: Path, staging: Path) -> None:
    for config_file, subfolder in LANGUAGE_BUILDS:
        try:
            config = load_config(str(root / config_file), site_dir=str(staging / subfolder), strict=True)
            mkdocs_build(config)
        except MkDocsException as exc:
            raise BuildFailed(f"{config_file}: {exc}") from None


def build_site(root: Path) -> Path:
    pipeline.load_checked(root)  # refuse bad content before spending time on MkDocs
    target = root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    try:
        build_into(root, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=root))
        target.rename(old / "site")
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target
