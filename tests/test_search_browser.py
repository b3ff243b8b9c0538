"""The site's own search box in Chromium: Swedish stemming, compound parts, glossary names, English.

Every query of the gate (tests/search_queries.yml) is typed into the search input; its page must be
among the first three result groups (Material groups sections by page), and its section, where one is
given, among the section links of those groups.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .conftest import settled, ui
from .players import RESULT_GROUPS, SEARCH_INPUT, search_box, site_path
from .search_gate import TOP, GateQuery, gate_queries, judge

QUERIES = gate_queries()


@pytest.fixture(scope="module")
def search_pages(browser: Browser, site_url: str) -> Iterator[dict[str, Page]]:
    """One page per language with the search index loaded, reused by all queries."""
    pages = {}
    for lang, path in (("sv", "/"), ("en", "/en/")):
        page = browser.new_page()
        page.goto(site_url + path, wait_until="networkidle")  # the index is fetched
        page.locator(SEARCH_INPUT).click()  # the search opened: the worker builds its index
        pages[lang] = page
    yield pages
    for page in pages.values():
        page.close()


def test_a_page_builds_its_search_index_only_when_the_reader_searches(page: Page, site_url: str) -> None:
    """Reading costs no index: the worker holds it until the search is opened, builds it then (while the
    reader starts typing), and finds."""
    page.goto(site_url + "/")
    settled(page)  # the search says it is ready
    [worker] = page.workers
    page.wait_for_timeout(500)  # time enough to have built it, had it been built at once
    assert worker.evaluate("self.manualSearchIndex") == "held"
    page.locator(SEARCH_INPUT).click()
    for _ in range(50):  # the index takes a fraction of a second to build
        if worker.evaluate("self.manualSearchIndex") == "built":
            break
        page.wait_for_timeout(100)
    assert worker.evaluate("self.manualSearchIndex") == "built", "opening the search builds the index"
    groups = search_box(page, "betänketid")
    assert any("tidsfrister" in href or "steg/" in href for group in groups for href in group)


@pytest.mark.parametrize("query", QUERIES, ids=[q.id for q in QUERIES])
def test_site_search_finds_the_page_in_the_top_three(search_pages: dict[str, Page], query: GateQuery) -> None:
    groups = search_box(search_pages[query.lang], query.query)[:TOP]
    pages = [group[0].split("#")[0] for group in groups]
    sections = [url for group in groups for url in group]
    assert judge(query, pages, sections) is None, judge(query, pages, sections)


@pytest.mark.parametrize(("lang", "query"), [("sv", "betänketiden"), ("sv", "uppehållstillståndet"), ("en", "permits")])
def test_inflected_words_are_not_reported_missing(search_pages: dict[str, Page], lang: str, query: str) -> None:
    """Material lists query words a result lacks ('Saknas: …'); a stemmed word is not lacking."""
    page = search_pages[lang]
    search_box(page, query)
    first = page.locator(RESULT_GROUPS).first
    assert first.locator(".md-search-result__terms").count() == 0, first.inner_text()


@pytest.mark.parametrize("query", ["betänkettid", "betänketd"])
def test_a_typo_finds_the_reflection_period_and_offers_the_word(search_pages: dict[str, Page], query: str) -> None:
    page = search_pages["sv"]
    groups = search_box(page, query)[:TOP]
    assert "steg/inledande-stod/#betanketid" in [url for group in groups for url in group], groups
    suggestion = page.locator(".manual-search-suggest")
    suggestion.locator("button", has_text="betänketid").wait_for(timeout=5_000)
    assert suggestion.inner_text().startswith(ui("search_did_you_mean", "sv"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_empty_result_shows_ways_on_never_an_empty_panel(search_pages: dict[str, Page], lang: str) -> None:
    page = search_pages[lang]
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.press("End")
    box.fill("qxzvqxzv")
    box.press("End")
    help_panel = page.locator(".manual-search-help")
    help_panel.wait_for(state="visible", timeout=5_000)
    assert page.locator(RESULT_GROUPS).count() == 0
    links = help_panel.locator("a")
    labels = [links.nth(i).inner_text() for i in range(links.count())]
    for key in ("aid_nav", "glossary_title", "contacts"):
        assert ui(key, lang) in labels
    assert sum(label[0].isdigit() for label in labels) == 6, labels  # the six steps
    prefix = "en/" if lang == "en" else ""
    hrefs = [site_path(links.nth(i).get_attribute("href") or "") for i in range(links.count())]
    assert all(not href.startswith("http") for href in hrefs)
    links.first.click()
    page.wait_for_url(f"**/{prefix}vad-gor-jag-nu/")
    page.go_back()
    page.locator(SEARCH_INPUT).click()


def test_a_suggestion_runs_the_search(search_pages: dict[str, Page]) -> None:
    page = search_pages["sv"]
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.press("End")
    box.fill("orosanmälann skydsbedömning")
    box.press("End")
    option = page.locator(".manual-search-suggest button").first
    option.wait_for(timeout=5_000)
    option.click()
    assert "skyddsbedömning" in box.input_value()
    page.wait_for_selector(RESULT_GROUPS, timeout=10_000)


def test_the_help_panel_passes_axe(search_pages: dict[str, Page]) -> None:
    """'Menade du …?' and the ways on, shown together, have no WCAG 2.1 A/AA violation."""
    from .conftest import AXE, WCAG_TAGS, describe

    page = search_pages["sv"]
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.press("End")
    box.fill("betänktd")  # two edits from betänketid: nothing found, and a word near one of the index
    box.press("End")
    page.locator(".manual-search-suggest button").first.wait_for(timeout=5_000)
    page.locator(".manual-search-help").wait_for(state="visible", timeout=5_000)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run('.md-search__output', {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    assert result["violations"] == [], describe(result["violations"])
