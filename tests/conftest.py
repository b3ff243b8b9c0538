"""Shared fixtures: copies of the repository to mutate, a built site, a local server, Chromium."""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest

from build_tools.render import ui_strings

# the day every check counts reviews and notes from: no test depends on the real date
TODAY = "2026-12-01"
os.environ["MANUAL_TODAY"] = TODAY

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _site_pages() -> list[str]:
    """URL paths of every page the site will have, from a quick build-free listing of the model.

    Computed at collection time so that each page is its own test case; the build itself happens once.
    """
    from build_tools.build import list_pages

    return list_pages(REPO)


def copy_repo(target: Path, content_from: Path = REPO) -> Path:
    """A repository in `target`: the site configuration of this repo with the content of `content_from`."""
    from build_tools.build import copy_project

    return copy_project(target, REPO, content_from)


SITE_PAGES = _site_pages()


@pytest.fixture
def minimal_repo(tmp_path: Path) -> Path:
    """A small valid repository to break in tests."""
    return copy_repo(tmp_path / "repo", FIXTURES / "minimal")


@pytest.fixture
def third_language_project(tmp_path: Path) -> Path:
    """The project (code, theme, pages, the minimal fixture's content) with German added as a third
    site language the way an editor adds one (tests/support.py); run it with support.run_in_copy."""
    from .support import make_third_language_project

    return make_third_language_project(tmp_path / "project")


@pytest.fixture(scope="module")
def shared_third_language_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same, made once per test module: for tests that only read it."""
    from .support import make_third_language_project

    return make_third_language_project(tmp_path_factory.mktemp("third-language") / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built once into a temporary copy (site/ of the checkout is left alone).

    One build for the whole run: the first xdist worker to ask builds it under a lock in the folder
    all workers share; the others wait and read the same site."""
    import fcntl

    from build_tools.build import build_site

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, done = shared / "built" / "repo", shared / "built" / "done"
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(root.parent, ignore_errors=True)  # a build that failed in another worker
            build_site(copy_repo(root))
            done.touch()
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


def ui(key: str, lang: str) -> str:
    return ui_strings()[key][lang]


# inline elements run on with the text around them ("[steg 2](…):" reads "steg 2:"); other tags separate
INLINE_TAG = re.compile(r"</?(?:a|abbr|code|em|span|strong)\b[^>]*>")


def visible_text(markup: str) -> str:
    """HTML as the reader sees it: inline elements run on with their text, other tags separate."""
    return html.unescape(re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", markup)))


def plain(text: str) -> str:
    """A Markdown text as the reader sees it: no markup, whitespace collapsed."""
    return " ".join(visible_text(markdown.markdown(text)).split())


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """No service worker in the ordinary browser tests: it would fetch the whole site on every visit.
    tests/test_web_app.py opens its own context, where it runs."""
    return {**browser_context_args, "service_workers": "block"}


# `pytest -m "not browser"` is the quick loop; `-m "not build"` also leaves out every test that needs
# the real site built. Marked from the fixtures a test uses, so no test can forget its marker.
BROWSER_FIXTURES = {"page", "context", "browser", "browser_type"}
BUILD_FIXTURES = {"built_site", "site_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)
