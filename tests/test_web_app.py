"""The phone without signal: after one visit of the start page, the service worker has kept the whole
site, so other pages, the decision aid and search load in a fresh browser, offline from its start, with
the server gone."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import BrowserType

from build_tools.load import load_manual
from build_tools.webapp import site_files

from .conftest import REPO, _QuietHandler
from .players import path_to

MANUAL = load_manual(REPO).manual
MINE = {"format": "manualen-local-contacts/1", "contacts": {"socialjouren": {"phone": "08-123 456 78", "note": ""}}}
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
    browser_type: BrowserType,
    browser_type_launch_args: dict,
    own_server: tuple[str, ThreadingHTTPServer],
    tmp_path: Path,
) -> None:
    """One visit of the start page; then the browser is closed, the server is gone, and a fresh browser on
    the same profile, set offline from the start, opens other pages, the aid (a card's own address too),
    search and the reader's own contacts."""
    url, server = own_server
    profile = tmp_path / "profile"
    phone = {"viewport": {"width": 390, "height": 844}}
    first = browser_type.launch_persistent_context(profile, **browser_type_launch_args, **phone)
    try:
        page = first.new_page()
        page.goto(url + "/")
        # the worker is active once it has stored every file (install waits for them all)
        page.evaluate(CONTROLLED)
        page.evaluate("mine => localStorage.setItem('manualen.local-contacts', mine)", json.dumps(MINE))
    finally:
        first.close()
    server.shutdown()
    server.server_close()

    context = browser_type.launch_persistent_context(profile, **browser_type_launch_args, **phone, offline=True)
    try:
        page = context.new_page()
        step = MANUAL.steps[3]
        page.goto(f"{url}/en/steg/{step.id}/")
        assert step.title.en in page.locator("h1").inner_text()
        page.goto(f"{url}/tidsfrister/")
        assert page.locator("form.manual-deadline").is_visible()

        aid = MANUAL.decision_aids[0]
        first_question = aid.nodes[aid.start]
        page.goto(f"{url}/vad-gor-jag-nu/")
        page.locator('.branching-player__choice[data-choice="0"]').click()
        following = aid.nodes[first_question.choices[0].next]
        assert following.title.sv in page.locator(".branching-player__title").inner_text()
        card = next(node_id for node_id, node in aid.nodes.items() if node.end and "socialjouren" in node.outcome.call)
        page.goto(f"{url}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to(card))))
        assert aid.nodes[card].title.sv in page.locator(".branching-player__title").inner_text()
        mine = page.locator('.branching-player__stage li[data-contact="socialjouren"] .manual-local__call')
        assert mine.get_attribute("href") == "tel:0812345678"  # the reader's own number, offline too

        page.goto(f"{url}/mina-kontakter/")
        assert page.locator("#local-socialjouren-phone").input_value() == "08-123 456 78"

        page.goto(f"{url}/")
        page.locator('label.md-header__button[for="__search"]').click()  # the phone's search button
        page.locator("input.md-search__input").press_sequentially("betänketid", delay=30)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15000)
        assert results.count() > 0
    finally:
        context.close()
