"""A contact shows the number it dials, and every region says how to reach its coordinators, and since when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as m
from ..model import Contact, Manual
from ..problems import Problem

if TYPE_CHECKING:
    from . import CheckOptions


def check_contacts(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    for contact in manual.contacts:
        shown, abroad = contact.phone, contact.international
        if shown and abroad and Contact.dialled(abroad) != Contact.dialled(shown):
            line = contact.line_of("international")
            problems.append(m.NUMBERS_DIFFER.at(contact.path, line, international=abroad, phone=shown))
        if contact.switchboard and not contact.route:
            problems.append(m.SWITCHBOARD_WITHOUT_ROUTE.at(contact.path, contact.line_of("switchboard")))
        if contact.checked and contact.checked > options.today:
            problems.append(m.CHECKED_IN_FUTURE.at(contact.path, contact.line_of("checked"), date=contact.checked))
    return problems


def check_region_contacts(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    undated: dict[str, Contact] = {}
    for region in manual.regions:
        contacts = [manual.contact_by_id[i] for i in region.contacts if i in manual.contact_by_id]
        if not any(c.phone or c.email or c.url for c in contacts):
            problems.append(m.REGION_WITHOUT_CONTACT.at(region.path, region.line_of("contacts"), id=region.id))
        undated |= {c.id: c for c in contacts if not (c.checked and c.sources)}
    for contact in undated.values():
        key = "checked" if not contact.checked else "sources"
        problems.append(m.REGION_CONTACT_UNDATED.at(contact.path, contact.line_of("id"), id=contact.id, key=key))
    return problems
