"""In Chromium: the site loads nothing from outside, and the language switch keeps the page."""

from __future__ import annotations

from playwright.sync_api import Page

from build_tools.load import load_manual

from .conftest import REPO

MANUAL = load_manual(REPO).manual
FIRST_STEP = MANUAL.steps[0].id if MANUAL.steps else "identifiering"


def test_step_page_shows_owner_and_emergency_numbers(page: Page, site_url: str) -> None:
    step = MANUAL.steps[0]
    page.goto(f"{site_url}/steg/{step.id}/")
    owner_box = page.locator(".manual-owner")
    for owner in step.owner:
        assert MANUAL.actor_by_id[owner].name.sv in owner_box.inner_text()
    banner = page.locator(".manual-emergency")
    assert banner.is_visible()
    for number in ("112", "114 14", "020-39 00 00"):
        assert number in banner.inner_text()


def test_language_switch_lands_on_the_same_page(page: Page, site_url: str) -> None:
    step = MANUAL.steps[1]
    page.goto(f"{site_url}/steg/{step.id}/")
    page.locator("a.manual-language").click()
    assert page.url == f"{site_url}/en/steg/{step.id}/"
    assert step.title.en in page.locator("h1").inner_text()
    page.locator("a.manual-language").click()
    assert page.url == f"{site_url}/steg/{step.id}/"


def test_start_page_diagram_leads_to_each_step_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    links = page.locator("a.manual-process__title")
    assert links.count() == 6
    links.nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/steg/{MANUAL.steps[2].id}/")
    assert MANUAL.steps[2].title.sv in page.locator("h1").inner_text()
