"""The phone without signal: after one visit of the start page, the service worker has kept the whole
site, so other pages, the decision aid and search load in a fresh browser context with the network off
and the server gone."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from build_tools.load import load_manual
from build_tools.webapp import site_files

from .conftest import REPO, _QuietHandler

MANUAL = load_manual(REPO).manual
# resolves once a service worker controls the page (the page's CSP refuses wait_for_function's eval)
CONTROLLED = """navigator.serviceWorker.ready.then(() => new Promise(resolve => {
    if (navigator.serviceWorker.controller) resolve(true)
    else navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true))
}))"""


@pytest.fixture
def own_server(built_site: Path) -> Iterator[tuple[str, ThreadingHTTPServer]]:
    """A server of our own, so the test can take it away (the shared one serves other tests)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", server
    server.shutdown()
    server.server_close()


def test_the_worker_keeps_every_page_of_both_languages(built_site: Path) -> None:
    urls = set(site_files(built_site))
    assert "./" in urls and "en/" in urls and f"steg/{MANUAL.steps[0].id}/" in urls
    assert "vad-gor-jag-nu/" in urls and "en/vad-gor-jag-nu/" in urls
    assert "search/search_index.json" in urls and "en/search/search_index.json" in urls
    assert not any(url.endswith("index.html") for url in urls)
    assert "sw.js" not in urls


def test_after_one_visit_the_site_works_without_network(
    browser: Browser, own_server: tuple[str, ThreadingHTTPServer]
) -> None:
    url, server = own_server
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url + "/")
        # the worker is active once it has stored every file (install waits for them all)
        page.evaluate(CONTROLLED)
        server.shutdown()
        server.server_close()
        context.set_offline(True)

        step = MANUAL.steps[3]
        page.goto(f"{url}/en/steg/{step.id}/")
        assert step.title.en in page.locator("h1").inner_text()
        page.goto(f"{url}/tidsfrister/")
        assert page.locator("form.manual-deadline").is_visible()

        aid = MANUAL.decision_aids[0]
        first = aid.nodes[aid.start]
        page.goto(f"{url}/vad-gor-jag-nu/")
        page.locator('.branching-player__choice[data-choice="0"]').click()
        following = aid.nodes[first.choices[0].next]
        assert following.title.sv in page.locator(".branching-player__title").inner_text()

        page.goto(f"{url}/")
        page.locator('label.md-header__button[for="__search"]').click()  # the phone's search button
        page.locator("input.md-search__input").press_sequentially("betänketid", delay=30)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15000)
        assert results.count() > 0
    finally:
        context.close()
