"""The first responder's phone, in Chromium at 390 px: a county chosen once (kept only in this browser)
gives every card the region's coordinator; from the home page the card for a child without a guardian
is at most five taps away and the coordinator's call one more; an optional "Jag är …" keeps the line
of the reader's role on each card, from the data, in the address like the answers; each answer is a
history entry (Back, Forward, reload), a card's address opens that card, a search result's link to a
card opens it; every tel: link on cards and contact pages is at least 44 × 44 px; the acute-danger
card starts with a full-width call to 112."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools.load import load_manual

from .conftest import REPO, plain, read_page, squash, visible_text
from .players import AID, path_to

MANUAL = load_manual(REPO).manual
PHONE = {"width": 390, "height": 844}
REGION = next(r for r in MANUAL.regions if any(MANUAL.contact_by_id[c].phone for c in r.contacts if c != "stodtelefon"))
COUNTY = REGION.counties[0]
COORDINATOR = next(MANUAL.contact_by_id[c] for c in REGION.contacts if MANUAL.contact_by_id[c].phone)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(viewport=PHONE, service_workers="block", has_touch=True)
    yield context.new_page()
    context.close()


# every tap on a link or button, counted in sessionStorage (it survives the page change); a tel: link is
# recorded instead of followed, which a headless browser cannot do
COUNT_TAPS = """() => document.addEventListener("click", event => {
    const target = event.target.closest("a, button")
    if (!target) return
    sessionStorage.setItem("taps", String(Number(sessionStorage.getItem("taps") || 0) + 1))
    if ((target.getAttribute("href") || "").startsWith("tel:")) {
        event.preventDefault()
        sessionStorage.setItem("called", target.getAttribute("href"))
    }
}, true)"""


def title(page: Page) -> str:
    return page.locator(".branching-player__title").inner_text()


def test_child_without_guardian_in_five_taps_then_the_coordinator(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/kontakt/")
    assert phone.evaluate("Object.keys(localStorage)") == []
    phone.locator(".manual-county select").select_option(COUNTY)  # chosen once
    assert COORDINATOR.phone in phone.locator(".manual-county__result").inner_text()
    assert phone.evaluate("Object.keys(localStorage)") == ["manualen.county"]

    phone.goto(f"{site_url}/")
    phone.evaluate(COUNT_TAPS)
    phone.locator("a.manual-emergency__aid").tap()
    phone.wait_for_url("**/vad-gor-jag-nu/")
    phone.evaluate(COUNT_TAPS)  # a new page: the count lives on in sessionStorage
    for index in path_to("barn-utan-vardnadshavare"):
        phone.locator(f'.branching-player__stage .branching-player__choice[data-choice="{index}"]').tap()
    assert AID.nodes["barn-utan-vardnadshavare"].title.sv in title(phone)
    taps = int(phone.evaluate("sessionStorage.getItem('taps')"))
    assert taps <= 5, f"{taps} taps to the card"
    call = phone.locator(
        f'.branching-player__stage li[data-contact="regionkoordinator"] a[href="{COORDINATOR.tel_uri}"]'
    )
    box = call.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44
    call.tap()  # one more: the call
    assert int(phone.evaluate("sessionStorage.getItem('taps')")) == taps + 1
    assert phone.evaluate("sessionStorage.getItem('called')") == COORDINATOR.tel_uri
    # the emergency bar shows the region's number too
    assert COORDINATOR.phone in phone.locator(".manual-emergency__region").inner_text()


def test_back_forward_reload_and_the_cards_own_address(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/vad-gor-jag-nu/")
    answers = path_to("barn-utan-vardnadshavare")
    seen = [title(phone)]
    for index in answers:
        phone.locator(f'.branching-player__stage .branching-player__choice[data-choice="{index}"]').click()
        seen.append(title(phone))
    card_address = phone.url
    assert card_address.endswith("?svar=" + "-".join(map(str, answers)))
    for expected in reversed(seen[:-1]):  # the phone's Back returns to each previous question
        phone.go_back()
        assert title(phone) == expected
    phone.go_forward()
    assert title(phone) == seen[1]
    phone.reload()
    assert title(phone) == seen[1]  # a reload keeps the answers
    fresh = phone.context.new_page()
    fresh.goto(card_address)  # the address holds only the answers, and opens the card
    assert AID.nodes["barn-utan-vardnadshavare"].title.sv in title(fresh)
    assert phone.evaluate("Object.keys(localStorage)") == []


@pytest.mark.parametrize("card", ["akut-fara", "vuxen-arbete"])
def test_a_link_to_a_card_opens_that_card(phone: Page, site_url: str, card: str) -> None:
    phone.goto(f"{site_url}/en/vad-gor-jag-nu/#node-{card}")  # what a search result links to
    assert AID.nodes[card].title.en in title(phone)
    phone.locator(".branching-player__back").click()
    assert title(phone) != AID.nodes[card].title.en


def test_acute_danger_card_starts_with_a_full_width_call(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to("akut-fara"))))
    call = phone.locator(".branching-player__stage a.aid-card__urgent-call")
    assert call.get_attribute("href") == "tel:112"
    assert call.inner_text().strip() == "Ring 112"
    stage = phone.locator(".branching-player__stage .aid-card").bounding_box()
    box = call.bounding_box()
    assert box and stage and box["width"] >= stage["width"] - 1 and box["height"] >= 44


@pytest.mark.parametrize("path", ["kontakt/", "en/kontakt/", "regionkoordinatorer/", "en/regionkoordinatorer/"])
def test_every_tel_link_on_contact_pages_is_a_44_px_button(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    links = phone.locator("article a[href^='tel:']")
    assert links.count() > 0
    for link in links.all():
        box = link.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, link.get_attribute("href")


def test_every_tel_link_on_every_card_is_a_44_px_button(phone: Page, site_url: str) -> None:
    for card, node in AID.nodes.items():
        if not node.end:
            continue
        phone.goto(f"{site_url}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to(card))))
        links = phone.locator(".branching-player__stage a[href^='tel:']")
        assert links.count() > 0, card
        for link in links.all():
            box = link.bounding_box()
            assert box and box["width"] >= 44 and box["height"] >= 44, (card, link.get_attribute("href"))


def test_without_a_county_a_local_number_leads_to_where_it_is_explained(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/vad-gor-jag-nu/?svar=" + "-".join(map(str, path_to("barn"))))
    social = phone.locator('.branching-player__stage li[data-contact="socialjouren"] a')
    social.click()
    assert phone.url.endswith("/kontakt/#socialjouren")
    assert phone.locator("#socialjouren").is_visible()


def test_the_compact_emergency_bar_stays_in_reach_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/steg/{MANUAL.steps[2].id}/")
    phone.mouse.wheel(0, 4000)
    phone.wait_for_timeout(300)
    bar = phone.locator(".manual-quickbar")
    box = bar.bounding_box()
    assert bar.is_visible() and box and box["y"] + box["height"] <= PHONE["height"] + 1
    call = bar.locator("a[href='tel:112']")
    assert call.is_visible() and "112" in call.inner_text()
    assert bar.locator("a.manual-quickbar__aid").is_visible()
    phone.set_viewport_size({"width": 1366, "height": 900})
    assert not bar.is_visible()


def role_lines(page: Page) -> list[str]:
    return page.locator(".branching-player__stage .aid-card__role").all_inner_texts()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_jag_ar_keeps_the_line_of_the_readers_role_from_the_data(phone: Page, site_url: str, lang: str) -> None:
    prefix = "/en" if lang == "en" else ""
    cards = [card for card, node in AID.nodes.items() if node.end and node.outcome.for_role]
    assert cards and AID.roles
    for card in cards:
        outcome = AID.nodes[card].outcome
        answers = "-".join(map(str, path_to(card)))
        phone.goto(f"{site_url}{prefix}/vad-gor-jag-nu/?svar={answers}")
        assert role_lines(phone) == []  # without a role the card is as before
        for role in AID.roles:
            phone.locator(".aid-role select").select_option(role.id)
            assert f"roll={role.id}" in phone.url and f"svar={answers}" in phone.url
            line = outcome.for_role.get(role.id)
            expected = [f"{role.label.get(lang)}: {line.get(lang)}"] if line else []
            assert [" ".join(text.split()) for text in role_lines(phone)] == expected, (card, role.id)
    assert phone.evaluate("Object.keys(localStorage)") == []  # like the answers: only in the address


def test_the_role_stays_through_the_questions_back_and_reload(phone: Page, site_url: str) -> None:
    role = next(r for r in AID.roles if AID.nodes["barn-utan-vardnadshavare"].outcome.for_role.get(r.id))
    line = AID.nodes["barn-utan-vardnadshavare"].outcome.for_role[role.id].sv
    phone.goto(f"{site_url}/vad-gor-jag-nu/")
    select = phone.locator(".aid-role select")
    select.focus()  # by keyboard: the choice is a native select
    phone.keyboard.press("ArrowDown")
    assert select.input_value() == AID.roles[0].id
    select.select_option(role.id)
    for index in path_to("barn-utan-vardnadshavare"):
        phone.locator(f'.branching-player__stage .branching-player__choice[data-choice="{index}"]').click()
    assert line in " ".join(role_lines(phone))
    phone.reload()
    assert line in " ".join(role_lines(phone))
    assert phone.locator(".aid-role select").input_value() == role.id
    phone.go_back()
    assert f"roll={role.id}" in phone.url
    select.select_option("")
    assert "roll=" not in phone.url


def test_every_role_line_stands_in_the_page_for_readers_without_javascript(built_site: Path) -> None:
    for lang, folder in (("sv", built_site), ("en", built_site / "en")):
        text = squash(visible_text(read_page(folder / "vad-gor-jag-nu" / "index.html")))
        for card, node in AID.nodes.items():
            for role in AID.roles:
                line = node.outcome.for_role.get(role.id) if node.outcome else None
                if line:
                    assert f"{role.label.get(lang)}: {plain(line.get(lang))}" in text, (card, role.id)
