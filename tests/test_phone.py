"""On a phone (320 and 390 px) and a wide screen (1,366 px), in Chromium: data tables stack into labelled
rows, the matrix shows all six steps or one card per actor, step pages open with jump links, the glossary
has an A–Ö index, the time-limit page counts a deadline, the start page is a step-by-step that remembers
what was opened, and every page says what this edition is. That no page scrolls sideways at 320 and
390 px is checked in the same visit of every page as axe (tests/test_accessibility.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools import site_config
from build_tools.load import load_manual
from build_tools.markup import SafeLinksExtension

from .conftest import REPO, ui

MANUAL = load_manual(REPO).manual
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
EDITION = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nextra:\n", 1)[1].split("\n\n")[0])


@pytest.fixture(scope="module")
def phone_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def phone(phone_context: BrowserContext) -> Iterator[Page]:
    page = phone_context.new_page()
    yield page
    page.close()


def test_cells_carry_their_column_heading() -> None:
    import markdown

    html = markdown.markdown(
        "| Region | [Telefon](x) |\n|---|---|\n| Syd | 010 |", extensions=["tables", SafeLinksExtension()]
    )
    assert '<td data-label="Region">Syd</td>' in html
    assert '<td data-label="Telefon">010</td>' in html


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_matrix_shows_all_six_steps_on_a_wide_screen(page: Page, site_url: str, lang: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}/{'en/' if lang == 'en' else ''}vem-gor-vad/")
    headings = page.locator(".manual-matrix thead th")
    assert headings.count() == 1 + len(MANUAL.steps)
    for index in range(headings.count()):
        box = headings.nth(index).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"], index
    text = page.locator(".manual-matrix").inner_text()
    one, many = (ui("matrix_task", lang), ui("matrix_tasks", lang))
    assert f"(1 {one})" in text and f"(1 {many})" not in text
    # each cell with tasks says in a few words what the actor does, and links to those tasks
    for step in MANUAL.steps:
        for actor_id, brief in step.in_brief.items():
            link = page.locator(f'.manual-matrix a[href$="steg/{step.id}/#aktor-{actor_id}"]')
            assert link.inner_text().strip() == brief.get(lang)
    page.locator(f'.manual-matrix a[href$="#aktor-{MANUAL.steps[2].actors[0].actor}"]').first.click()
    target = page.locator(f"#aktor-{MANUAL.steps[2].actors[0].actor}")
    assert target.count() == 1 and target.is_visible()


def test_matrix_is_one_card_per_actor_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/vem-gor-vad/")
    rows = phone.locator(".manual-matrix tbody tr")
    assert rows.count() == len(MANUAL.actors)
    assert (
        not phone.locator(".manual-matrix thead").is_visible()
        or phone.locator(".manual-matrix thead").bounding_box()["width"] <= 1
    )  # type: ignore[index]
    actor = next(a for a in MANUAL.actors if a.id == "socialtjansten")
    card = phone.locator(".manual-matrix tbody tr", has=phone.locator(f'a[href$="aktorer/{actor.id}/"]'))
    box = card.bounding_box()
    assert box and box["width"] <= PHONE["width"]
    # the card names each step the actor works in, and leaves out the others
    shown = [cell.get_attribute("data-label") for cell in card.locator("td").all() if cell.is_visible()]
    expected = [f"{s.number}. {s.title.sv}" for s in MANUAL.steps if s.tasks_of(actor.id)]
    assert shown[1:] == expected
    assert card.locator("td").nth(1).evaluate("el => getComputedStyle(el).display") == "block"


@pytest.mark.parametrize("path", ["regionkoordinatorer/", "en/tidsfrister/", "lagar/"])
def test_data_tables_stack_into_rows_on_a_phone(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    cells = phone.locator(".md-typeset table tbody td")
    assert cells.count() > 0
    for cell in cells.all()[:40]:
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5
        assert cell.get_attribute("data-label")
    if path.startswith("regionkoordinatorer"):  # the phone column is visible, labelled, and tappable
        phone_cell = phone.locator(f'td[data-label="{ui("phone", "sv")}"]').first
        assert phone_cell.is_visible()
        label = phone_cell.evaluate("el => getComputedStyle(el, '::before').content")
        assert ui("phone", "sv") in label


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_step_pages_open_with_jump_links_on_a_phone(phone: Page, site_url: str, lang: str) -> None:
    step = MANUAL.steps[2]
    phone.goto(f"{site_url}/{'en/' if lang == 'en' else ''}steg/{step.id}/")
    jump = phone.locator("nav.manual-jump")
    assert jump.is_visible()
    assert jump.get_attribute("aria-label") == ui("jump_links", lang)
    # right after the title, before the owner box
    assert phone.evaluate(
        "() => document.querySelector('h1').nextElementSibling === document.querySelector('nav.manual-jump')"
    )
    headings = phone.locator("article h2[id]").evaluate_all("els => els.map(el => '#' + el.id)")
    links = jump.locator("a").evaluate_all("els => els.map(el => el.getAttribute('href'))")
    assert links == headings and len(links) >= 3
    jump.locator("a").nth(1).click()
    assert phone.url.endswith(links[1])
    phone.set_viewport_size(DESKTOP)
    assert not jump.is_visible()  # the theme's table of contents is beside the text there


def test_glossary_has_an_a_to_o_index(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/ordlista/")
    index = phone.locator("nav.manual-letters")
    letters = index.locator("li").all_inner_texts()
    assert letters == list("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
    initials = {term.term[0].upper() for term in MANUAL.glossary}
    links = index.locator("a")
    assert sorted(links.all_inner_texts()) == sorted(initials)
    for link in links.all():
        target = phone.locator(link.get_attribute("href") or "")
        assert target.inner_text().strip().upper().startswith(link.inner_text())
        box = link.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44
    index.locator("a", has_text="S").click()
    assert phone.url.split("#")[1] == next(
        t.id for t in sorted(MANUAL.glossary, key=lambda t: t.term.casefold()) if t.term.upper().startswith("S")
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_time_limit_page_counts_a_deadline_and_stores_nothing(phone: Page, site_url: str, lang: str) -> None:
    phone.goto(f"{site_url}/{'en/' if lang == 'en' else ''}tidsfrister/")
    form = phone.locator("form.manual-deadline")
    assert form.is_visible()
    reflection = next(limit for step in MANUAL.steps for limit in step.time_limits if limit.id == "betanketid")
    form.locator("input[type=date]").fill("2026-12-20")
    form.locator("select").select_option(
        label=f"{reflection.what.get(lang)} ({reflection.days} {ui('deadline_days', lang)})"
    )
    form.get_by_role("button", name=ui("deadline_count", lang), exact=True).click()
    result = form.locator("output time")
    assert result.get_attribute("datetime") == "2027-01-19"  # 30 days on, across the turn of the year
    assert "2026-12-20" in form.locator("output").inner_text()
    form.locator("select").select_option(value="7")
    assert form.locator("output time").get_attribute("datetime") == "2026-12-27"
    assert phone.evaluate(
        "[Object.keys(localStorage).length, Object.keys(sessionStorage).length, document.cookie]"
    ) == [
        0,
        0,
        "",
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_start_page_is_a_step_by_step_that_remembers(phone: Page, site_url: str, lang: str) -> None:
    phone.goto(f"{site_url}/{'en/' if lang == 'en' else ''}")
    steps = phone.locator(".manual-process__step")
    assert steps.count() == len(MANUAL.steps)
    for index, step in enumerate(MANUAL.steps):
        item = steps.nth(index)
        assert item.locator(".manual-process__tagline").inner_text() == step.tagline.get(lang)  # type: ignore[union-attr]
        assert not item.locator(".manual-process__details").is_visible()  # collapsed by default
    assert phone.evaluate("Object.keys(localStorage)") == []  # nothing stored before the reader acts
    toggle = steps.nth(2).locator("button.manual-process__toggle")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    details = steps.nth(2).locator(".manual-process__details")
    assert details.is_visible()
    assert MANUAL.steps[2].in_brief["socialtjansten"].get(lang) in details.inner_text()
    phone.reload()
    assert steps.nth(2).locator(".manual-process__details").is_visible()  # remembered
    assert not steps.nth(1).locator(".manual-process__details").is_visible()
    show_all = phone.locator("button.manual-process__all")
    show_all.click()
    assert all(steps.nth(i).locator(".manual-process__details").is_visible() for i in range(steps.count()))
    assert show_all.get_attribute("aria-expanded") == "true"
    assert show_all.inner_text() == ui("process_hide_all", lang)
    show_all.click()
    assert not any(steps.nth(i).locator(".manual-process__details").is_visible() for i in range(steps.count()))
    phone.evaluate("localStorage.clear()")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_header_and_footer_say_what_this_edition_is(phone: Page, site_url: str, lang: str) -> None:
    phone.goto(f"{site_url}/{'en/' if lang == 'en' else ''}steg/{MANUAL.steps[0].id}/")
    settings = EDITION["edition"]
    label = ui("edition_official" if settings["official"] else "edition_unofficial", lang)
    day = site_config.content_date(MANUAL).isoformat()  # type: ignore[union-attr]
    header = phone.locator(".manual-edition").inner_text()
    footer = phone.locator(".md-footer .manual-edition-footer").inner_text()
    for text in (header, footer):
        assert label in text and settings["version"] in text and day in text
    assert settings["maintainer"][lang] in footer
    assert "Material for MkDocs" not in footer
    feedback = phone.locator(".manual-edition a").first
    feedback.click()
    anchor = settings["feedback"][lang].split("#")[1]
    assert phone.url.endswith(f"om-manualen/#{anchor}")
    assert phone.locator(f"#{anchor}").count() == 1
    title = phone.locator("article h1")
    assert title.evaluate("el => getComputedStyle(el).fontWeight") == "700"
    colour = title.evaluate("el => getComputedStyle(el).color")
    assert max(int(c) for c in re.findall(r"\d+", colour)[:3]) < 60  # dark


def test_edition_is_configured_in_one_place() -> None:
    official = site_config.edition({"official": True, "version": "2"}, MANUAL, "en", offline=False)
    assert official["label"] == ui("edition_official", "en") and official["version"] == "2"
    independent = site_config.edition({"feedback": {"sv": "om-manualen.md#x"}}, MANUAL, "sv", offline=True)
    assert independent["label"] == ui("edition_unofficial", "sv")
    assert independent["feedback"] == "om-manualen.html#x"
    assert site_config.site_href("mailto:redaktion@example.se", offline=False) == "mailto:redaktion@example.se"
    assert site_config.site_href("om-manualen.md#x", offline=False) == "om-manualen/#x"


def test_the_web_app_can_be_installed(page: Page, site_url: str, built_site: Path) -> None:
    for lang, prefix in (("sv", ""), ("en", "en/")):
        page.goto(f"{site_url}/{prefix}")
        href = page.locator('link[rel="manifest"]').get_attribute("href")
        manifest = json.loads((built_site / prefix / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert href and href.endswith("manifest.webmanifest")
        assert manifest["lang"] == lang and manifest["display"] == "standalone" and manifest["start_url"] == "./"
        assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
        for icon in manifest["icons"]:
            assert (built_site / prefix / icon["src"]).is_file()
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "http" not in re.sub(r"/\*.*?\*/", "", worker, flags=re.S)  # names no other host
    assert '"vad-gor-jag-nu/"' in worker and '"search/search_index.json"' in worker
    assert '"en/search/search_index.json"' in worker
