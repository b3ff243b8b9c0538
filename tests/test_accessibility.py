"""Every page of the built site, in both languages, visited in Chromium at desktop and phone size: zero
axe-core WCAG 2.0/2.1/2.2 A and AA violations, no request to another origin, no cookie, nothing in local
storage; at phone size the same visit checks that nothing is wider than a 390 and a 320 px screen.

One browser tab per test worker visits the pages one after the other: the theme's styles and scripts
come from the browser's cache after the first page, and axe is added to every document by the context
(an init script, which the page's CSP does not apply to). What one page leaves behind (cookies, storage)
is asserted by its own test and cleared before the next visit."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import AXE_RUN_JS, SITE_PAGES, WCAG_TAGS, Tab, describe, foreign, settled

PHONE_WIDTHS = (390, 320)
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module", autouse=True)
def axe_in_every_document(shared_tab: Tab, axe_source: str) -> None:
    shared_tab.context.add_init_script(axe_source)


def axe(page: Page) -> list[dict]:
    return page.evaluate(AXE_RUN_JS, WCAG_TAGS)["violations"]


def overflow(page: Page) -> dict:
    """How far the page, and any table inside it, is wider than the screen."""
    return page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth - window.innerWidth,
            boxes: Array.from(document.querySelectorAll('.md-typeset__scrollwrap, .md-typeset table'))
                .filter(el => el.scrollWidth > el.clientWidth + 1
                    || el.getBoundingClientRect().right > window.innerWidth + 1)
                .map(el => el.className || el.tagName),
        })"""
    )


@pytest.mark.parametrize("path", SITE_PAGES)
def test_page_is_accessible_and_private(tab: Tab, site_url: str, path: str) -> None:
    """One visit per page: axe at desktop size once the search has its index (the page is done loading
    and changing), then the same page at phone size (the layout follows the window), where nothing may be
    wider than the screen either."""
    page = tab.page
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{site_url}/{path}")
    settled(page)
    assert page.evaluate("typeof axe") == "object", "axe is in the page (init script)"
    violations = axe(page)
    assert violations == [], f"at desktop size:\n{describe(violations)}"
    page.set_viewport_size(VIEWPORTS["phone"])
    violations = axe(page)
    assert violations == [], f"at phone size:\n{describe(violations)}"
    unnamed_dialogs = page.locator("[role=dialog]:not([aria-label]):not([aria-labelledby])")
    assert unnamed_dialogs.count() == 0, "a dialog without an accessible name"
    for width in PHONE_WIDTHS:  # no page scrolls sideways on a phone, tables and the matrix included
        page.set_viewport_size({"width": width, "height": 800})
        found = overflow(page)
        assert found["page"] <= 0, f"{path} scrolls sideways by {found['page']} px at {width} px"
        assert found["boxes"] == [], f"{path}: a table wider than the screen at {width} px"
    # last, so that whatever the page fetched while it was looked at counts too
    assert foreign(tab.requested, site_url) == [], "requests to other hosts"
    assert page.context.cookies() == []
    assert page.evaluate("Object.keys(localStorage)") == []
