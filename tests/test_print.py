"""In Chromium: the checklist fits one A4 sheet with boxes to tick; the whole manual prints step by step."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from build_tools.load import load_manual

from .conftest import REPO
from .players import pdf_pages

MANUAL = load_manual(REPO).manual
PREFIX = {"sv": "", "en": "/en"}


def before_border(page: Page, selector: str) -> str:
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e ? getComputedStyle(e, '::before').borderTopStyle : '' }",
        selector,
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_signs_checklist_prints_on_one_sheet_with_boxes(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{PREFIX[lang]}/tecken/")
    assert MANUAL.signs, "steps/shared/signs.yml has no signs"
    assert pdf_pages(page) == 1
    item = ".manual-checklist__items li"
    assert page.locator(item).count() == len(MANUAL.signs)
    assert before_border(page, item) == "none"
    page.emulate_media(media="print")
    assert before_border(page, item) == "solid"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_whole_manual_prints_each_step_on_a_new_sheet_without_navigation(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{PREFIX[lang]}/utskrift/")
    headings = page.locator(".manual-print-part h2").all_inner_texts()
    for step in MANUAL.steps:
        assert any(step.title.get(lang) in heading for heading in headings), step.id
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-banner"):
        assert not page.locator(selector).first.is_visible(), selector
    breaks = page.eval_on_selector_all(".manual-print-part", "parts => parts.map(p => getComputedStyle(p).breakBefore)")
    assert breaks[0] == "auto"  # the first step shares the sheet with the title
    assert breaks[1:] == ["page"] * (len(breaks) - 1)
    assert len(breaks) > len(MANUAL.steps)
