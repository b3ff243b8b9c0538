"""The regional coordinators page: every region says how to reach its coordinators, and since when.

A professional dials what the page shows, so a link must dial the number it shows, and a
switchboard must never pass for the coordinators' own line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from build_tools.load import load_manual
from build_tools.model import Contact

from .conftest import LANGS, REPO, built_page, plain, read_page, squash, ui, visible_text

MANUAL = load_manual(REPO).manual
REGIONS_PAGE = "regionkoordinatorer"
TEL_LINK = re.compile(r'<a href="tel:([^"]*)"[^>]*>(.*?)</a>', re.S)
CHECKED_DATE = re.compile(r'<time datetime="(\d{4}-\d\d-\d\d)">\1</time>')


def region_sections(markup: str) -> dict[str, str]:
    """The HTML of each region's section, by region id: from its heading to the next region's."""
    starts = [(match.group(1), match.start()) for match in re.finditer(r'<h2 id="([^"]+)"', markup)]
    ends = [start for _, start in starts[1:]] + [len(markup)]
    return {region_id: markup[start:end] for (region_id, start), end in zip(starts, ends, strict=True)}


def contact_blocks(section: str) -> list[str]:
    """The HTML of each contact shown in a section: from its <h3> heading to the next heading."""
    return re.findall(r"<h3[^>]*>.*?(?=<h[23][ >]|$)", section, re.S)


def heading_text(block: str) -> str:
    return squash(visible_text(re.search(r"<h3[^>]*>(.*?)</h3>", block, re.S).group(1))).removesuffix("¶").strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_region_shows_a_contact_or_a_route_each_with_its_checked_date(built_site: Path, lang: str) -> None:
    sections = region_sections(built_page(built_site, lang, REGIONS_PAGE))
    region_ids = [region.id for region in MANUAL.regions]
    assert [i for i in sections if i in region_ids] == region_ids
    checked_label = ui("checked", lang)
    for region in MANUAL.regions:
        blocks = contact_blocks(sections[region.id])
        assert blocks, f"{region.id}: no contact and no route"
        for block in blocks:
            where = (region.id, heading_text(block))
            assert TEL_LINK.search(block) or 'href="mailto:' in block, f"{where}: nothing to call or write to"
            dates = CHECKED_DATE.findall(block)
            assert len(dates) == 1, f"{where}: no checked date"
            assert f"{checked_label} {dates[0]}" in squash(visible_text(block)), where


@pytest.mark.parametrize("lang", LANGS)
def test_a_region_without_the_coordinators_own_line_says_how_to_reach_them(built_site: Path, lang: str) -> None:
    sections = region_sections(built_page(built_site, lang, REGIONS_PAGE))
    no_direct_line = plain(ui("region_no_direct_line", lang))
    route_label = ui("route", lang)
    routed = 0
    for region in MANUAL.regions:
        contacts = [MANUAL.contact_by_id[i] for i in region.contacts]
        text = squash(visible_text(sections[region.id]))
        if any(not contact.route for contact in contacts):
            assert no_direct_line not in text, region.id
            continue
        routed += 1
        assert no_direct_line in text, region.id
        assert 'href="https://nspm.jamstalldhetsmyndigheten.se/"' in sections[region.id], region.id
        for contact in contacts:
            assert f"{route_label}: {plain(contact.route.get(lang))}" in text, (region.id, contact.id)
    assert routed >= 1, "no region is reached by a route: the test would not test anything"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [REGIONS_PAGE, "kontakt"])
def test_a_switchboard_is_labelled_and_says_whom_to_ask_for(built_site: Path, lang: str, path: str) -> None:
    switchboards = [contact for contact in MANUAL.contacts if contact.switchboard]
    assert switchboards, "no switchboard in the content: the test would not test anything"
    markup = built_page(built_site, lang, path)
    blocks = contact_blocks(markup)
    label = ui("switchboard", lang)
    for contact in switchboards:
        shown = [block for block in blocks if f'href="{contact.tel_uri}"' in block]
        if path == REGIONS_PAGE and not shown:
            continue  # not listed for any region
        assert shown, f"{contact.id} is not on the {path} page"
        for block in shown:
            assert heading_text(block).endswith(f"({label})"), heading_text(block)
            assert f"{ui('switchboard_phone', lang)}: {contact.phone}" in squash(visible_text(block))
            assert plain(contact.route.get(lang)) in squash(visible_text(block))
    # in the overview table the switchboard's number carries the label too
    if path == REGIONS_PAGE:
        table = re.search(r"<table>.*?</table>", markup, re.S).group(0)
        for contact in switchboards:
            cells = [cell for cell in re.findall(r"<td>(.*?)</td>", table, re.S) if contact.tel_uri in cell]
            assert all(f"{contact.phone} ({label})" in squash(visible_text(cell)) for cell in cells), cells


def test_no_link_on_the_site_dials_another_number_than_it_shows(built_site: Path) -> None:
    links = [
        (path.relative_to(built_site).as_posix(), target, squash(visible_text(text)))
        for path in built_site.rglob("*.html")
        for target, text in TEL_LINK.findall(read_page(path))
    ]
    region_numbers = {MANUAL.contact_by_id[i].phone for region in MANUAL.regions for i in region.contacts}
    assert region_numbers <= {text for _, _, text in links}, "a region's number is not linked anywhere"
    for where, target, text in links:
        # the number is the link's text, or leads it (the emergency bar: "112 Nödnumret")
        number = re.match(r"\+?\d[\d\s-]*\d|\d", text)
        assert number, (where, target, text)
        assert html.unescape(target) == Contact.dialled(number.group(0)), (where, target, text)


def test_a_number_from_abroad_is_the_number_shown() -> None:
    with_both = [contact for contact in MANUAL.contacts if contact.phone and contact.international]
    assert with_both
    for contact in with_both:
        assert Contact.dialled(contact.international) == Contact.dialled(contact.phone), contact.id


@pytest.mark.parametrize(
    ("written", "dialled"),
    [
        ("020-39 00 00", "+4620390000"),
        ("+46 20 390 000", "+4620390000"),
        ("08-508 437 26", "+46850843726"),
        ("031-365 00 00", "+46313650000"),
        ("0046 31 365 00 00", "+46313650000"),
        ("114 14", "11414"),
        ("112", "112"),
    ],
)
def test_a_link_dials_the_written_number(written: str, dialled: str) -> None:
    assert Contact.dialled(written) == dialled
    assert Contact(id="x", name={"sv": "X", "en": "X"}, phone=written).tel_uri == "tel:" + dialled
