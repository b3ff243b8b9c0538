"""Build the Swedish and English site into a staging folder, then swap it in place of site/.

A failed check or build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import layout, offline, pipeline, webapp

# (config file, folder inside the site) per language; the first owns the site root
LANGUAGE_BUILDS = tuple((config, prefix.rstrip("/")) for config, prefix in layout.SITES.values())


class BuildFailed(Exception):
    pass


def copy_project(target: Path, site_from: Path, content_from: Path) -> Path:
    """A buildable project in `target`: site sources of one tree with the content of another."""
    target.mkdir(parents=True, exist_ok=True)
    for origin, names in ((site_from, layout.SITE_SOURCES), (content_from, layout.DATA_FOLDERS)):
        for name in names:
            source = origin / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.is_file():
                shutil.copy2(source, target / name)
    return target


def build_into(root: Path, staging: Path, web_app: bool = True) -> None:
    for config_file, subfolder in LANGUAGE_BUILDS:
        try:
            config = load_config(str(root / config_file), site_dir=str(staging / subfolder), strict=True)
            mkdocs_build(config)
        except MkDocsException as exc:
            raise BuildFailed(f"{config_file}: {exc}") from None
        except (OSError, RecursionError, MemoryError) as exc:
            raise BuildFailed(f"{config_file}: {type(exc).__name__}: {exc}") from None
    if web_app:  # the offline zip opens from file://, where no service worker runs
        webapp.write_service_worker(staging)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            del os.environ[name]
        else:
            os.environ[name] = previous


OFFLINE_FOLDER = "manualen"


def build_offline(root: Path, zip_path: Path) -> Path:
    """Build the offline edition into a zip (one folder, `manualen/`); a failure leaves an old zip as it was."""
    pipeline.load_checked(root)
    try:
        offline.shim_script(root)
    except offline.ShimMissing as exc:
        raise BuildFailed(str(exc)) from None
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with _one_build_at_a_time(root), tempfile.TemporaryDirectory(prefix=".site-offline-", dir=root) as work:
        with _environment(offline.ENV, "true"):
            build_into(root, Path(work) / OFFLINE_FOLDER, web_app=False)
        offline.write_start_file(Path(work) / OFFLINE_FOLDER)
        archive = shutil.make_archive(str(Path(work) / "offline"), "zip", root_dir=work, base_dir=OFFLINE_FOLDER)
        os.replace(archive, zip_path)
    return zip_path


DEBRIS = (".site-build-*", ".site-old-*", ".site-offline-*")
LOCK_FILE = ".manual-build.lock"  # kept: it is not debris, and holding it is what makes cleaning safe


@contextmanager
def _one_build_at_a_time(root: Path) -> Iterator[None]:
    """Hold the project's build lock; what an interrupted earlier build left behind is removed first."""
    import fcntl

    with open(root / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            clean_debris(root)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def clean_debris(root: Path) -> list[Path]:
    """Remove the staging folders of builds that were interrupted (only call while holding the lock)."""
    removed = []
    for pattern in DEBRIS:
        for path in root.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def build_site(root: Path) -> Path:
    pipeline.load_checked(root)  # refuse bad content before spending time on MkDocs
    with _one_build_at_a_time(root):
        return _build_site(root)


def _build_site(root: Path) -> Path:
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


def page_url(md_path: str) -> str:
    """The directory-style URL MkDocs gives a Markdown page ('steg/x.md' -> 'steg/x/', 'index.md' -> '')."""
    stem = md_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def list_pages(root: Path) -> list[str]:
    """URL paths of every page both language sites will have, without building them."""
    from .render import Renderer
    from .site_config import handwritten_pages

    try:
        manual = pipeline.load_checked(root).manual
    except pipeline.ContentError:
        return []
    urls = []
    for (_, subfolder), lang in zip(LANGUAGE_BUILDS, layout.SITES, strict=True):
        docs_dir = root / layout.PAGES / lang
        paths = [page.path for page in Renderer(manual, lang).pages()] + handwritten_pages(docs_dir)
        prefix = f"{subfolder}/" if subfolder else ""
        urls += sorted({prefix + page_url(path) for path in paths})
    return urls
