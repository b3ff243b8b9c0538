"""The information sheets for the person: every sheet in every listed language or marked missing, no
number written by hand, and every translation made from the Swedish as it is now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as m
from ..languages import TRANSLATED_SHEET_LANGUAGES
from ..load import SHEET_TRANSLATIONS_FOLDER, SHEETS_FILE
from ..model import Manual, SheetTranslation
from ..problems import Problem
from ..sheets import CONTACT_FIELDS, DIGIT, PLACEHOLDER, contact_version, sheet_text_ids, text_version
from .references import unknown

if TYPE_CHECKING:
    from . import CheckOptions


def check_sheets(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    problems += check_cards(manual)
    if manual.sheets is None:
        return problems
    problems += check_source(manual)
    for language in TRANSLATED_SHEET_LANGUAGES:
        rel = f"{SHEET_TRANSLATIONS_FOLDER}/{language.code}.yml"
        found = [t for t in manual.sheet_translations if t.path == rel]
        if not found:
            problems.append(m.SHEET_LANGUAGE_MISSING.at(SHEETS_FILE, 1, language=language.name_en, file=rel))
            continue
        problems += check_translation(manual, found[0], language.code, language.name_en, language.texts_from)
    return problems


def check_cards(manual: Manual) -> list[Problem]:
    known = {sheet.id for sheet in manual.sheets.sheets} if manual.sheets else set()
    return [
        unknown(node.path, node.line_of("outcome"), sheet_id, known, "sheet", "sheet")
        for aid in manual.decision_aids
        for node in aid.nodes.values()
        if node.outcome
        for sheet_id in node.outcome.sheets
        if sheet_id not in known
    ]


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


def digits_outside_placeholders(text: str) -> str:
    return "".join(DIGIT.findall(PLACEHOLDER.sub("", text)))


def check_source(manual: Manual) -> list[Problem]:
    assert manual.sheets is not None
    sheets = manual.sheets
    problems: list[Problem] = []
    for text in sheets.texts.values():
        line = text.origin.line if text.origin else 1
        if digits := digits_outside_placeholders(text.text):
            problems.append(m.SHEET_NUMBER_IN_TEXT.at(text.path, line, digits=digits))
        for match in PLACEHOLDER.finditer(text.text):
            kind, key = match.groups()
            limit = manual.time_limit_by_id.get(key)
            contact = manual.contact_by_id.get(key)
            if (kind == "days" and (limit is None or limit[1].days is None)) or (
                kind == "phone" and (contact is None or not contact.phone)
            ):
                problems.append(m.SHEET_PLACEHOLDER.at(text.path, line, placeholder=match.group(0)))
        if text.right and text.right not in manual.right_by_id:
            problems.append(unknown(text.path, text.line_of("right"), text.right, manual.right_by_id, "right", "right"))
    for sheet in sheets.sheets:
        for text_id in sheet_text_ids(sheet):
            if text_id not in sheets.texts:
                problems.append(unknown(sheet.path, sheet.line, text_id, sheets.texts, "sheet text", "sheet-text"))
        for call in sheet.call:
            if call.contact not in manual.contact_by_id:
                problems.append(
                    unknown(
                        sheet.path, call.line_of("contact"), call.contact, manual.contact_by_id, "contact", "contact"
                    )
                )
    return problems


def check_translation(
    manual: Manual, translation: SheetTranslation, code: str, name: str, texts_from: str | None
) -> list[Problem]:
    assert manual.sheets is not None
    source = manual.sheets
    rel = translation.path
    problems: list[Problem] = []
    if translation.language != code:
        line = translation.line_of("language")
        problems.append(m.SHEET_LANGUAGE_MISMATCH.at(rel, line, found=translation.language, expected=code))
    if not translation.reviewed and not translation.notice:
        problems.append(m.SHEET_WITHOUT_NOTICE.at(rel, translation.line_of("reviewed")))
    known_sheets = {sheet.id for sheet in source.sheets}
    for sheet_id in translation.missing:
        if sheet_id not in known_sheets:
            problems.append(unknown(rel, translation.line_of("missing"), sheet_id, known_sheets, "sheet", "sheet"))
    needed: dict[str, str] = {}  # text id -> the first sheet that needs it
    contacts: dict[str, str] = {}
    for sheet in source.sheets:
        if sheet.id in translation.missing:
            continue
        for text_id in sheet_text_ids(sheet):
            needed.setdefault(text_id, sheet.id)
        for call in sheet.call:
            contacts.setdefault(call.contact, sheet.id)
    for text_id, sheet_id in needed.items():
        original = source.texts.get(text_id)
        translated = translation.texts.get(text_id)
        if original is None:
            continue  # reported on the source
        if translated is None:
            problems.append(
                m.SHEET_TEXT_MISSING.at(rel, translation.line_of("texts"), sheet=sheet_id, language=name, text=text_id)
            )
            continue
        line = translated.origin.line if translated.origin else 1
        if (current := text_version(manual, original)) != translated.source:
            problems.append(m.SHEET_TRANSLATION_OUTDATED.at(rel, line, language=name, text=text_id, version=current))
        if digits := digits_outside_placeholders(translated.text):
            problems.append(m.SHEET_NUMBER_IN_TEXT.at(rel, line, digits=digits))
        if (found := placeholders(translated.text)) != (expected := placeholders(original.text)):
            problems.append(
                m.SHEET_PLACEHOLDERS_DIFFER.at(
                    rel, line, language=name, text=text_id, found=found or "none", expected=expected or "none"
                )
            )
    for text_id, translated in translation.texts.items():
        if text_id not in source.texts:
            line = translated.origin.line if translated.origin else 1
            problems.append(unknown(rel, line, text_id, source.texts, "sheet text", "sheet-text"))
    if texts_from:
        return problems  # contact names and hours come from the site's own texts in this language
    for contact_id, sheet_id in contacts.items():
        contact = manual.contact_by_id.get(contact_id)
        if contact is None:
            continue
        entry = translation.contacts.get(contact_id)
        for field in CONTACT_FIELDS:
            if getattr(contact, field) is None:
                continue
            translated = getattr(entry, field) if entry else None
            label = f"{field} of contact {contact_id}"
            if translated is None:
                line = entry.line if entry and entry.origin else translation.line_of("contacts")
                problems.append(m.SHEET_TEXT_MISSING.at(rel, line, sheet=sheet_id, language=name, text=label))
                continue
            line = translated.origin.line if translated.origin else 1
            if (current := contact_version(contact, field)) != translated.source:
                problems.append(m.SHEET_TRANSLATION_OUTDATED.at(rel, line, language=name, text=label, version=current))
    return problems
