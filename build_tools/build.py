"""Build every site language into a staging folder, then swap it in place of site/.

Generate, then build: one checked load of the content, each language's source written by
`build_tools.generate`, the engine run on each (`build_tools.engine`), then the pages minified and the
service worker written over the whole site. A failed check or build leaves the previous site/ exactly
as it was.

The languages are built side by side, each in a process of its own, when the machine has the cores:
the engine's share of a build halves on two. The processes are forked from a server that imported
the engine while this process checked the content (a fork of this process would copy its threads'
locks, and `manual serve` builds in a thread). As with any such pool, the worker processes import the
main module: a script that calls `build_site` keeps its work under `if __name__ == "__main__":`.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from . import engine, generate, layout, minify, offline, pipeline, webapp
from .model import Manual
from .render import GeneratedPage


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


@contextmanager
def language_workers() -> Iterator[Executor | None]:
    """Processes for building the languages side by side (None on one core: build them here, in turn).

    Started at once, so that their server imports the engine while this process checks the content."""
    jobs = min(len(layout.SITES), len(os.sched_getaffinity(0)))
    if jobs < 2:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, *engine.PRELOAD])
    with ProcessPoolExecutor(jobs, mp_context=context, max_tasks_per_child=1) as workers:
        workers.submit(int)  # starts the server
        yield workers


def build_language(
    root: Path, manual: Manual, lang: str, folder: Path, offline_build: bool, pages: list[GeneratedPage] | None
) -> Path:
    """One language: its source generated into `folder`, built into `folder/site`, the search finished,
    the pages minified."""
    try:
        source = generate.generate_language(root, manual, lang, folder / "source", offline_build, pages=pages)
    except (generate.ConfigError, offline.ShimMissing) as exc:
        raise BuildFailed(str(exc)) from None
    site_dir = folder / "site"
    try:
        engine.build(source.config_file, site_dir)
    except engine.EngineError as exc:
        raise BuildFailed(f"{lang}: {exc}") from None
    engine.finish(site_dir, manual, lang, root)
    minify.minify_pages(site_dir)
    return site_dir


def build_into(
    root: Path,
    staging: Path,
    offline_build: bool = False,
    report: Callable[[str], None] = lambda step: None,
    workers: Executor | None = None,
) -> None:
    """Generate every language's source into a temporary folder, build it and put it together in
    `staging`, each language under its URL prefix.

    The offline edition opens from file://: plain .html links, the search index inlined, and no
    service worker (none runs there)."""
    report("checking the content")
    checked = pipeline.load_checked(root)
    with tempfile.TemporaryDirectory(prefix=".site-source-", dir=root) as temporary:
        folder = Path(temporary)
        report("generating and building the site in " + ", ".join(layout.SITES))
        jobs = [
            (root, checked.manual, lang, folder / lang, offline_build, checked.pages.get(lang)) for lang in layout.SITES
        ]
        if workers is None:
            sites = [build_language(*job) for job in jobs]
        else:
            sites = [future.result() for future in [workers.submit(build_language, *job) for job in jobs]]
        staging.mkdir(parents=True, exist_ok=True)
        for prefix, site in zip(layout.SITES.values(), sites, strict=True):
            target = staging / prefix
            if target == staging:  # the language at the root: its files, beside the other languages' folders
                for entry in site.iterdir():
                    entry.rename(staging / entry.name)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                site.rename(target)
    if not offline_build:
        webapp.write_service_worker(staging)


OFFLINE_FOLDER = "manualen"


def build_offline(root: Path, zip_path: Path) -> Path:
    """Build the offline edition into a zip (one folder, `manualen/`); a failure leaves an old zip as it was."""
    with language_workers() as workers:
        return _build_offline(root, zip_path, workers)


def _build_offline(root: Path, zip_path: Path, workers: Executor | None) -> Path:
    pipeline.load_checked(root)
    try:
        offline.shim_script(root)
    except offline.ShimMissing as exc:
        raise BuildFailed(str(exc)) from None
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with _one_build_at_a_time(root), tempfile.TemporaryDirectory(prefix=".site-offline-", dir=root) as work:
        build_into(root, Path(work) / OFFLINE_FOLDER, offline_build=True, workers=workers)
        offline.write_start_file(Path(work) / OFFLINE_FOLDER)
        archive = shutil.make_archive(str(Path(work) / "offline"), "zip", root_dir=work, base_dir=OFFLINE_FOLDER)
        os.replace(archive, zip_path)
    return zip_path


DEBRIS = (".site-build-*", ".site-old-*", ".site-offline-*", ".site-source-*")
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


def build_site(root: Path, report: Callable[[str], None] = lambda step: None) -> Path:
    with language_workers() as workers:
        pipeline.load_checked(root)  # refuse bad content before spending time on the engine
        with _one_build_at_a_time(root):
            return _build_site(root, report, workers)


def _build_site(root: Path, report: Callable[[str], None], workers: Executor | None) -> Path:
    target = root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    try:
        build_into(root, staging, report=report, workers=workers)
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
    for lang, prefix in layout.SITES.items():
        docs_dir = root / layout.PAGES / lang
        paths = [page.path for page in Renderer(manual, lang).pages()] + handwritten_pages(docs_dir)
        urls += sorted({prefix + page_url(path) for path in paths})
    return urls
