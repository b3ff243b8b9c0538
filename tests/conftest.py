"""Shared fixtures: copies of the repository to mutate, a built site, a local server, Chromium."""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import markdown
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request

from build_tools.layout import SITES
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


# axe-core, run by the test driver on pages of the built site: WCAG 2.0, 2.1 and 2.2, levels A and AA
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN_JS = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs axe-core from the npm registry")
    return AXE.read_text(encoding="utf-8")


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )


def axe_violations(page: Page, axe_source: str) -> list[dict]:
    """axe's WCAG A and AA violations on the page as it is now. axe is evaluated by the test driver (the
    page's CSP rightly refuses inline scripts), once per document: a context that adds it as an init
    script has it already."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN_JS, WCAG_TAGS)["violations"]


def assert_no_axe_violations(page: Page, axe_source: str, where: str = "") -> None:
    violations = axe_violations(page, axe_source)
    assert violations == [], f"{where}\n{describe(violations)}".strip()


def tree_walk(paths: list[list[int]]) -> Iterator[tuple[int, int, list[int]]]:
    """Each path of a branching graph as (steps back from the end of the path before, how many choices it
    shares with that path, the path): the walk of a player that backs up to where the next path branches
    off instead of starting again, so that a shared beginning is played once. Every path still ends at
    its own end; `paths` in depth-first order (as graph.all_paths gives them) make each step back one
    edge of the tree of paths."""
    previous: list[int] = []
    for path in paths:
        shared = 0
        while shared < min(len(path), len(previous)) and path[shared] == previous[shared]:
            shared += 1
        yield len(previous) - shared, shared, path
        previous = path


def foreign(urls: list[str], site_url: str) -> list[str]:
    """The web addresses among `urls` on another host than the site's own."""
    own = urlparse(site_url).netloc
    return [url for url in urls if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != own]


@dataclass
class Tab:
    """One browser tab kept for the visits of a test module, with the requests made since the last visit."""

    context: BrowserContext
    page: Page
    requested: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.requested.append(request.url)


@pytest.fixture(scope="module")
def shared_tab(browser: Browser, browser_context_args: dict) -> Iterator[Tab]:
    """One context and one tab for a module's visits of many pages (per xdist worker): after the first
    page the theme's styles and scripts come from the browser's cache, and no context is set up per test."""
    context = browser.new_context(**browser_context_args)
    tab = Tab(context, context.new_page())
    context.on("request", tab.record)  # the page's requests and its workers' (the search index)
    yield tab
    context.close()


# Material's search says it is ready (its placeholder text, from the page's own translations) once the
# page has fetched the search index and handed it to the worker (which builds it when the search opens)
SEARCH_READY_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  const config = document.getElementById('__config')
  return !meta || meta.textContent === JSON.parse(config.textContent).translations['search.result.placeholder']
}"""


def settled(page: Page) -> None:
    """Wait until a page has loaded what it loads by itself: its search index is the last of it. Sooner
    than waiting for the network to be quiet (Playwright's "networkidle" waits half a second more)."""
    page.wait_for_function(SEARCH_READY_JS)


TAP_JS = """selector => {
  const element = document.querySelector(selector)
  if (!element || !element.checkVisibility() || element.disabled) throw new Error(`nothing to press: ${selector}`)
  element.click()
}"""


def tap(page: Page, selector: str) -> None:
    """Press a visible, enabled button by script, without Playwright's click, which also waits for the
    button to stand still and proves that nothing covers it (the longest walk took 21 s with it, 9 s
    so). For the walks over every path of an exercise; the tests of how a person plays click, type and
    tap as a person does."""
    page.evaluate(TAP_JS, selector)


@pytest.fixture
def tab(shared_tab: Tab) -> Iterator[Tab]:
    """The module's tab with nothing recorded and nothing stored: each test judges its own visit."""
    yield shared_tab
    settled(shared_tab.page)  # nothing of this visit spills into the next record
    shared_tab.requested.clear()
    shared_tab.context.clear_cookies()
    shared_tab.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")


def ui(key: str, lang: str) -> str:
    return ui_strings()[key][lang]


LANGS = tuple(SITES)


class _QuotedMarkup(HTMLParser):
    """Markup written out again in one form: attributes in alphabetical order, each value in double
    quotes; text and entities as they were."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = "".join(
            f" {name}" if value is None else f' {name}="{value.replace("&", "&amp;").replace(chr(34), "&quot;")}"'
            for name, value in sorted(attrs)
        )
        self.parts.append(f"<{tag}{written}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.parts.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.parts.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")


def read_page(path: Path) -> str:
    """A built page in one form, whatever the minifier chose: it leaves out quotes where HTML allows and
    orders attributes as it likes (neither changes the page). Tests read `<a class="x" href="y">`."""
    writer = _QuotedMarkup()
    writer.feed(path.read_text(encoding="utf-8"))
    writer.close()
    return "".join(writer.parts)


def built_page(site: Path, lang: str, path: str) -> str:
    """The built page at `path` (a folder, "" for the start page) of one language's site."""
    return read_page(site / SITES[lang] / path / "index.html")


# inline elements run on with the text around them ("[steg 2](…):" reads "steg 2:"); other tags separate
INLINE_TAG = re.compile(r"</?(?:a|abbr|code|em|span|strong)\b[^>]*>")


def visible_text(markup: str) -> str:
    """HTML as the reader sees it: inline elements run on with their text, other tags separate."""
    return html.unescape(re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", markup)))


@functools.cache
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
