"""Every page of the built site, in both languages, visited in Chromium at desktop and phone size: zero
axe-core WCAG 2.0/2.1/2.2 A and AA violations, no request to another origin, no cookie, nothing in local
storage; at phone size the same visit checks that nothing is wider than a 390 and a 320 px screen."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from .conftest import REPO, SITE_PAGES

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE_WIDTHS = (390, 320)
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs axe-core from the npm registry")
    return AXE.read_text(encoding="utf-8")


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


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations
    )


def axe_violations(page: Page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source)  # evaluated by the test driver: the page's CSP rightly refuses inline scripts
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


@pytest.mark.parametrize("path", SITE_PAGES)
def test_page_is_accessible_and_private(page: Page, site_url: str, axe_source: str, path: str) -> None:
    """One visit per page: axe at desktop size, then the same page at phone size (the layout follows the
    window), where nothing may be wider than the screen either."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    for size, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        violations = axe_violations(page, axe_source)
        assert violations == [], f"at {size} size:\n{describe(violations)}"
    unnamed_dialogs = page.locator("[role=dialog]:not([aria-label]):not([aria-labelledby])")
    assert unnamed_dialogs.count() == 0, "a dialog without an accessible name"
    for width in PHONE_WIDTHS:  # no page scrolls sideways on a phone, tables and the matrix included
        page.set_viewport_size({"width": width, "height": 800})
        found = overflow(page)
        assert found["page"] <= 0, f"{path} scrolls sideways by {found['page']} px at {width} px"
        assert found["boxes"] == [], f"{path}: a table wider than the screen at {width} px"
    # last, so that whatever the page fetched while it was looked at counts too
    own = urlparse(site_url).netloc
    foreign = [url for url in requested if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != own]
    assert foreign == [], "requests to other hosts"
    assert page.context.cookies() == []
    assert page.evaluate("Object.keys(localStorage)") == []
