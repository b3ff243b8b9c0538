"""The language table: every language the manual is written or handed out in, in one place.

Two roles. The *site* languages (Swedish, English) are the ones every localized text `{sv: …, en: …}`
has and the sites are built in; the first one's site is the root, the others live under `url_prefix`.
The *sheet* languages are the ones the information sheets for the person ("Vad händer nu?",
steps/shared/sheets.yml) are given in: lättläst Swedish (the source) and the translations in
steps/shared/sheets/<code>.yml. Nothing else lists languages; everything that needs one looks it up here.

Adding a site language: a row here with `site=True`, `url_prefix` ("de/"), `stemmer` (a Snowball
name, or None for unstemmed search), `citation_style` (render.CITATION_STYLES) and `names` for what
it calls the other languages; its text in every localized mapping of the content (`manual check`
names each one missing, by file and line); its pages in content/<code>/; its column in
build_tools/templates/strings.yml; then `manual schema`, so the editors' schemas ask for it.
tests/test_third_language.py does exactly this with German.

Dari: the sheet's code (file and address) is `prs`, ISO 639-3 for Dari, so the variety is named
exactly; the page's `lang` attribute is `fa-AF` (Persian as written in Afghanistan), the tag that
browsers, screen readers and CLDR know, so a screen reader picks a Persian voice and the system a
Persian font. Both are valid BCP 47; `prs` alone is understood by few user agents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Language:
    code: str  # the key in the content: a site language's field name, a sheet's file name and address
    lang: str  # the BCP 47 tag for the HTML `lang` attribute
    name: str  # in the language itself
    name_sv: str
    name_en: str
    dir: Direction = "ltr"
    site: bool = False  # a language of the site (every localized text has it)
    sheet: bool = False  # a language the information sheets are given in
    # which site language's texts a sheet in this language reads (contact names, hours); None: its own file
    texts_from: str | None = None
    easy_read: bool = False  # lättläst: written to the easy-read conventions
    # a site language's: where its pages live under the site's root ("" for the first, "en/"), the
    # Snowball stemmer its search uses (None: words are only lowercased), how its pages cite a
    # provision (a key of render.CITATION_STYLES: "sv" 4 kap. 1 §, "en" ch. 4 s. 1), and whether
    # search splits its compound words (the Swedish decompounder in search/language.py)
    url_prefix: str | None = None
    stemmer: str | None = None
    citation_style: str | None = None
    compounds: bool = False
    # the language's name in site languages besides Swedish and English: {"de": "Rumänisch"}
    names: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    def name_in(self, site_lang: str) -> str:
        """This language's name as a site language writes it; its own name where that one has none."""
        return {"sv": self.name_sv, "en": self.name_en, **self.names}.get(site_lang) or self.name


LANGUAGE_TABLE: tuple[Language, ...] = (
    Language(
        "sv",
        "sv",
        "Svenska",
        "svenska",
        "Swedish",
        site=True,
        url_prefix="",
        stemmer="swedish",
        citation_style="sv",
        compounds=True,
    ),
    Language(
        "en",
        "en",
        "English",
        "engelska",
        "English",
        site=True,
        sheet=True,
        texts_from="en",
        url_prefix="en/",
        stemmer="english",
        citation_style="en",
    ),
    Language(
        "lattlast",
        "sv",
        "Lättläst svenska",
        "lättläst svenska",
        "Easy-to-read Swedish",
        sheet=True,
        texts_from="sv",
        easy_read=True,
    ),
    Language("ro", "ro", "Română", "rumänska", "Romanian", sheet=True),
    Language("uk", "uk", "Українська", "ukrainska", "Ukrainian", sheet=True),
    Language("ru", "ru", "Русский", "ryska", "Russian", sheet=True),
    Language("th", "th", "ไทย", "thailändska", "Thai", sheet=True),
    Language("hu", "hu", "Magyar", "ungerska", "Hungarian", sheet=True),
    Language("bg", "bg", "Български", "bulgariska", "Bulgarian", sheet=True),
    Language("pt", "pt-BR", "Português (Brasil)", "portugisiska (Brasilien)", "Portuguese (Brazil)", sheet=True),
    Language("ar", "ar", "العربية", "arabiska", "Arabic", dir="rtl", sheet=True),
    Language("prs", "fa-AF", "دری", "dari", "Dari", dir="rtl", sheet=True),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGE_TABLE}
SITE_LANGUAGES: tuple[str, ...] = tuple(language.code for language in LANGUAGE_TABLE if language.site)
# the first site language: the one the content is written in first, whose site owns the root
FIRST_SITE_LANGUAGE: str = SITE_LANGUAGES[0]
SHEET_LANGUAGES: tuple[Language, ...] = tuple(language for language in LANGUAGE_TABLE if language.sheet)
# the sheets' source: written in lättläst Swedish; every other sheet language is translated from it
SHEET_SOURCE: Language = next(language for language in SHEET_LANGUAGES if language.easy_read)
TRANSLATED_SHEET_LANGUAGES: tuple[Language, ...] = tuple(
    language for language in SHEET_LANGUAGES if language is not SHEET_SOURCE
)
