""" "Mina lokala kontakter" in Chromium: the reader's own numbers are kept only in this browser, join the
action cards where a card says "lokalt nummer" (and the aid's player), fill a pocket card that prints on
one A4 sheet with the national numbers from the data, travel as a JSON file, refuse what is not a phone
number, and work by keyboard alone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools.load import load_manual

from .conftest import REPO, ui
from .players import path_to, pdf_pages

MANUAL = load_manual(REPO).manual
AID = MANUAL.decision_aids[0]
PREFIX = {"sv": "", "en": "/en"}
KEY = "manualen.local-contacts"
MINE = {
    "socialjouren": ("08-123 456 78", "Jouren Nord"),
    "socialkontoret": ("08-765 43 21", ""),
    "polis": ("010-111 22 33", "Närpolisen"),
    "tolk": ("+46 31 12 34 56", ""),
}
NATIONAL = [c for c in MANUAL.contacts if c.emergency and c.phone]


def tel(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(
        viewport={"width": 390, "height": 844}, service_workers="block", has_touch=True, accept_downloads=True
    )
    yield context.new_page()
    context.close()


def fill_in(page: Page, entries: dict[str, tuple[str, str]]) -> None:
    for kind, (number, note) in entries.items():
        page.fill(f"#local-{kind}-phone", number)
        page.fill(f"#local-{kind}-note", note)
    lang = page.locator("html").get_attribute("lang") or ""
    page.locator("form[data-manual-local]").get_by_role("button", name=ui("local_save", lang), exact=True).click()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_entered_once_they_join_every_card_that_says_local_number(phone: Page, site_url: str, lang: str) -> None:
    phone.goto(f"{site_url}{PREFIX[lang]}/mina-kontakter/")
    assert phone.evaluate("Object.keys(localStorage)") == []
    fill_in(phone, MINE)
    assert phone.locator(".manual-local__status").inner_text() == ui("local_saved", lang)
    assert stored(phone)["contacts"] == {kind: {"phone": n, "note": note} for kind, (n, note) in MINE.items()}
    assert phone.evaluate("Object.keys(localStorage)") == [KEY]  # nothing else, no cookie
    assert phone.context.cookies() == []

    for card, node in AID.nodes.items():
        if not node.end:
            continue
        phone.goto(f"{site_url}{PREFIX[lang]}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to(card))))
        stage = phone.locator(".branching-player__stage")
        for kind, contact_id in (("socialjouren", "socialjouren"), ("socialkontoret", "socialkontoret")):
            item = stage.locator(f'li[data-contact="{contact_id}"]')
            if contact_id not in node.outcome.call:
                assert item.count() == 0
                continue
            number, note = MINE[kind]
            assert item.locator(f'a[href="{tel(number)}"]').inner_text() == number, (card, kind)
            assert ui("site_ui_local_mine", lang) in item.inner_text()
            assert note in item.inner_text()
            assert not item.locator('a:not([href^="tel:"])').is_visible()  # "lokalt nummer" steps aside
        police = stage.locator('li[data-contact="polisen-11414"]')
        if "polisen-11414" in node.outcome.call:
            assert police.locator('a[href="tel:11414"]').is_visible()  # the national number stays
            assert police.locator(f'a[href="{tel(MINE["polis"][0])}"]').is_visible()
        interpreter = stage.locator('li[data-contact="mina-tolk"]')
        assert interpreter.count() == 1, card
        assert ui("site_ui_local_interpreter", lang) in interpreter.inner_text()
        for link in stage.locator(".manual-local__call").all():
            box = link.bounding_box()
            assert box and box["width"] >= 44 and box["height"] >= 44, (card, link.get_attribute("href"))
        # the regional coordinator, not entered here, keeps its way to the number
        coordinator = stage.locator('li[data-contact="regionkoordinator"] a')
        if coordinator.count():
            assert coordinator.first.is_visible()


def test_without_numbers_the_cards_are_as_before(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to("barn"))))
    stage = phone.locator(".branching-player__stage")
    assert stage.locator(".manual-local__line, .manual-local__item").count() == 0
    assert stage.locator('li[data-contact="socialjouren"] a').inner_text() == ui("aid_find_number", "sv")
    link = stage.locator(".aid-card__local a")
    link.click()
    assert phone.url.endswith("/mina-kontakter/")


def test_what_is_not_a_phone_number_is_refused_and_nothing_is_stored(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/mina-kontakter/")
    fill_in(phone, {"socialjouren": ("08-123 456 78", ""), "polis": ("ring växeln", "")})
    field = phone.locator("#local-polis-phone")
    assert field.get_attribute("aria-invalid") == "true"
    assert phone.locator("#local-polis-error").is_visible()
    assert field.get_attribute("aria-describedby") == "local-polis-error"
    assert phone.evaluate("document.activeElement.id") == "local-polis-phone"
    assert phone.locator(".manual-local__status").inner_text() == ui("local_invalid", "sv")
    assert stored(phone) is None


def test_exported_as_a_file_and_read_back_elsewhere(phone: Page, site_url: str, tmp_path: Path) -> None:
    phone.goto(f"{site_url}/mina-kontakter/")
    fill_in(phone, MINE)
    with phone.expect_download() as download:
        phone.locator('[data-action="export"]').click()
    assert download.value.suggested_filename == ui("local_file_name", "sv")
    saved = tmp_path / "contacts.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data == {"format": "manualen-local-contacts/1", "contacts": stored(phone)["contacts"]}

    phone.locator('[data-action="clear"]').click()
    assert stored(phone) is None
    assert phone.locator("#local-socialjouren-phone").input_value() == ""

    other = phone.context.browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    try:
        elsewhere = other.new_page()  # another device: its own storage
        elsewhere.goto(f"{site_url}/en/mina-kontakter/")
        elsewhere.set_input_files("#local-import", str(saved))
        status = elsewhere.locator(".manual-local__status")
        status.filter(has_text=ui("local_imported", "en")).wait_for()
        assert stored(elsewhere)["contacts"] == data["contacts"]
        assert elsewhere.locator("#local-polis-phone").input_value() == MINE["polis"][0]
        pocket = elsewhere.locator("[data-pocket-local]")
        assert pocket.locator(f'a[href="{tel(MINE["tolk"][0])}"]').is_visible()

        # a file that is not ours changes nothing
        elsewhere.set_input_files(
            "#local-import",
            files=[{"name": "x.json", "mimeType": "application/json", "buffer": b'{"contacts": {"tolk": "x"}}'}],
        )
        status.filter(has_text=ui("local_import_error", "en")).wait_for()
        assert stored(elsewhere)["contacts"] == data["contacts"]
    finally:
        other.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_pocket_card_prints_on_one_sheet(browser: Browser, site_url: str, lang: str) -> None:
    region = next(r for r in MANUAL.regions if any(MANUAL.contact_by_id[c].phone for c in r.contacts))
    coordinator = next(MANUAL.contact_by_id[c] for c in region.contacts if MANUAL.contact_by_id[c].phone)
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{site_url}{PREFIX[lang]}/mina-kontakter/")
        pocket = page.locator(".manual-pocket")
        for contact in NATIONAL:  # the national numbers, from the data
            item = pocket.locator(f'li[data-contact="{contact.id}"]')
            assert contact.name.get(lang) in item.inner_text()
            assert item.locator(f'a[href="{contact.tel_uri}"]').inner_text() == contact.phone
        assert pocket.locator("[data-pocket-region] a").get_attribute("href").endswith("regionkoordinatorer/")
        page.locator(".manual-county select").select_option(region.counties[0])
        assert pocket.locator(f'[data-pocket-region] a[href="{coordinator.tel_uri}"]').is_visible()
        fill_in(page, {"socialjouren": MINE["socialjouren"]})
        assert pocket.locator(f'li[data-kind="socialjouren"] a[href="{tel(MINE["socialjouren"][0])}"]').is_visible()
        assert pdf_pages(page) == 1
        page.emulate_media(media="print")
        assert pocket.is_visible()
        for hidden in ("form[data-manual-local]", "article h1", ".md-header", ".manual-quickbar", ".md-footer"):
            assert not page.locator(hidden).first.is_visible(), hidden
    finally:
        context.close()


def test_by_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/mina-kontakter/")
    page.locator("#local-socialjouren-phone").focus()
    page.keyboard.type("08-123 456 78")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.dataset.action || ''"))
        if reached[-1] == "print":
            break
    for expected in ("local-socialjouren-note", "local-polis-phone", "local-tolk-note", "clear", "export"):
        assert expected in reached
    assert "local-import" in reached  # the file input, behind its button-like label
    assert reached[-1] == "print"
    page.locator("#local-socialjouren-note").focus()
    page.keyboard.press("Enter")  # Enter in a field saves
    assert stored(page)["contacts"] == {"socialjouren": {"phone": "08-123 456 78", "note": ""}}


def test_without_javascript_the_pocket_card_still_has_the_national_numbers(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/mina-kontakter/")
        assert not page.locator("form[data-manual-local]").is_visible()
        assert page.locator("[data-manual-local-nojs]").is_visible()
        for contact in NATIONAL:
            assert page.locator(f'.manual-pocket a[href="{contact.tel_uri}"]').is_visible()
    finally:
        context.close()
