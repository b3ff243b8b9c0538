"""The information sheets for the person: their texts in every sheet language, with the facts filled in.

The Swedish (lättläst) texts are in steps/shared/sheets.yml, the translations in
steps/shared/sheets/<code>.yml. A text never holds a number: `{days:<time-limit id>}` and
`{phone:<contact id>}` are filled in from steps/, so a changed period or number changes every sheet.
A translation records the version (`source`, a short hash) of the Swedish it was made from: the text
itself and the Swedish of the right it refers to, or a contact's Swedish name or hours.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

import markupsafe

from .languages import BY_CODE, SHEET_LANGUAGES, SHEET_SOURCE, Language
from .model import Contact, Manual, Sheet, SheetText, SheetTranslation, TranslatedText

PLACEHOLDER = re.compile(r"\{(days|phone):([a-z0-9]+(?:-[a-z0-9]+)*)\}")
DIGIT = re.compile(r"\d")
INFORMATION_DIR = "information"
INDEX_PATH = f"{INFORMATION_DIR}/index.md"
EASY_READ_PATH = "lattlast.md"  # the header's "Lättläst": the lättläst sheets
CONTACT_FIELDS = ("name", "hours")
PHONE_LABEL = "telefon"  # the text id of "Telefon:", before a line left blank for a local number


def sheet_path(sheet: Sheet, language: Language) -> str:
    return f"{INFORMATION_DIR}/{sheet.id}/{language.code}.md"


# the site language whose texts (rights, contact names and hours) the lättläst source reads: "sv"
SOURCE_TEXTS: str = SHEET_SOURCE.texts_from or ""


def version(*parts: str) -> str:
    """The version of a Swedish source text: a short hash, the same wherever it is computed."""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:10]


def text_version(manual: Manual, text: SheetText) -> str:
    parts = [text.text]
    if text.right and text.right in manual.right_by_id:
        parts.append(getattr(manual.right_by_id[text.right][1], SOURCE_TEXTS) or "")
    return version(*parts)


def contact_version(contact: Contact, field: str) -> str:
    value = getattr(contact, field)
    return version(getattr(value, SOURCE_TEXTS) or "" if value is not None else "")


def sheet_text_ids(sheet: Sheet) -> list[str]:
    """Every text the sheet shows, in order."""
    ids = [sheet.title, sheet.lead]
    for section in sheet.sections:
        ids += [section.heading, *section.items]
    ids.append(sheet.call_heading)
    ids += [call.when for call in sheet.call]
    ids += sheet.write_in
    if sheet.call or sheet.write_in:
        ids.append(PHONE_LABEL)
    return ids


def translation_of(manual: Manual, language: Language) -> SheetTranslation | None:
    return next((t for t in manual.sheet_translations if t.language == language.code), None)


@dataclass(frozen=True)
class SheetLanguage:
    """One language's side of a sheet: its texts with the facts filled in, as HTML."""

    manual: Manual
    language: Language
    translation: SheetTranslation | None

    def has(self, sheet: Sheet) -> bool:
        if self.language is SHEET_SOURCE:
            return True
        return self.translation is not None and sheet.id not in self.translation.missing

    def raw(self, text_id: str) -> str:
        if self.language is SHEET_SOURCE:
            source = self.manual.sheets.texts.get(text_id) if self.manual.sheets else None
            return source.text if source else ""
        found: TranslatedText | None = self.translation.texts.get(text_id) if self.translation else None
        return found.text if found else ""

    def text(self, text_id: str) -> markupsafe.Markup:
        return fill(self.manual, self.raw(text_id))

    def text_fact(self, kind: str, key: str) -> markupsafe.Markup:
        return markupsafe.Markup(fact(self.manual, kind, key))

    def contact(self, contact: Contact, field: str) -> str:
        """A contact's name or hours: the site's own text for Swedish and English, else the translation's."""
        if self.language.texts_from:
            value = getattr(contact, field)
            return value.get(self.language.texts_from) if value is not None else ""
        entry = self.translation.contacts.get(contact.id) if self.translation else None
        translated = getattr(entry, field) if entry else None
        return translated.text if translated else ""


def fill(manual: Manual, text: str) -> markupsafe.Markup:
    """The text as HTML with its placeholders replaced by the facts in steps/."""
    out: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        out.append(fact(manual, match.group(1), match.group(2)))
        position = match.end()
    out.append(html.escape(text[position:]))
    return markupsafe.Markup("".join(out))


def fact(manual: Manual, kind: str, key: str) -> str:
    if kind == "days":
        found = manual.time_limit_by_id.get(key)
        days = found[1].days if found else None
        return f'<span class="sheet-fact" data-time-limit="{key}">{days if days is not None else ""}</span>'
    contact = manual.contact_by_id.get(key)
    if contact is None or not contact.phone:
        return ""
    # a number reads left to right also inside Arabic or Dari text
    return (
        f'<a class="sheet-fact" href="{html.escape(contact.tel_uri)}" data-contact="{key}">'
        f'<bdi dir="ltr">{html.escape(contact.phone)}</bdi></a>'
    )


def sheet_languages(manual: Manual) -> list[SheetLanguage]:
    """Every sheet language, the lättläst source first."""
    ordered = sorted(SHEET_LANGUAGES, key=lambda language: language is not SHEET_SOURCE)
    return [SheetLanguage(manual, language, translation_of(manual, language)) for language in ordered]


def language(code: str) -> Language:
    return BY_CODE[code]
