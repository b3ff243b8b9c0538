"""Information for the person: the sheets in lättläst Swedish and every listed language, their facts from
steps/, their status, `lang` and `dir`, axe, one A4 page each, out-of-date translations, and the links to them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from build_tools import pipeline
from build_tools.cli import main
from build_tools.languages import (
    BY_CODE,
    LANGUAGE_TABLE,
    SHEET_LANGUAGES,
    SHEET_SOURCE,
    SITE_LANGUAGES,
    TRANSLATED_SHEET_LANGUAGES,
)
from build_tools.load import load_manual
from build_tools.render import Renderer
from build_tools.sheets import EASY_READ_PATH, INDEX_PATH, sheet_path

from .conftest import REPO, SITE_PAGES, Tab, copy_repo, settled, ui

MANUAL = load_manual(REPO).manual
assert MANUAL.sheets is not None, "steps/shared/sheets.yml is missing"
SHEETS = MANUAL.sheets.sheets
PREFIX = {"sv": "", "en": "/en"}
SHEET_URLS = [
    (sheet.id, language.code) for sheet in SHEETS for language in SHEET_LANGUAGES
]  # every sheet in every language (none is marked missing today)


def pdf_pages(page: Page) -> int:
    """Chromium's PDF of the page, A4: the number of page objects in it."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4")))


def pages(manual, lang: str = "sv") -> dict[str, str]:
    return {page.path: page.content for page in Renderer(manual, lang).pages()}


# ----- the language table -------------------------------------------------------------------------


def test_the_language_table_lists_the_site_and_sheet_languages() -> None:
    assert SITE_LANGUAGES == ("sv", "en")
    assert {language.code for language in SHEET_LANGUAGES} == {
        "lattlast", "en", "ro", "uk", "ru", "th", "hu", "bg", "pt", "ar", "prs",
    }  # fmt: skip
    assert SHEET_SOURCE.code == "lattlast" and SHEET_SOURCE.lang == "sv" and SHEET_SOURCE.easy_read
    assert {language.code for language in LANGUAGE_TABLE if language.dir == "rtl"} == {"ar", "prs"}
    assert BY_CODE["prs"].lang == "fa-AF"
    for language in LANGUAGE_TABLE:
        assert language.name and language.name_sv and language.name_en, language.code


def test_no_other_module_lists_the_sheet_languages() -> None:
    """The table is the one place: no other module names a sheet language's code as a string."""
    codes = [language.code for language in TRANSLATED_SHEET_LANGUAGES if language.code not in SITE_LANGUAGES]
    pattern = re.compile(r"""["'](?:{})["']""".format("|".join(codes)))
    offenders = [
        path.relative_to(REPO).as_posix()
        for path in sorted((REPO / "build_tools").rglob("*.py"))
        if path.name != "languages.py"
        # an element's tag ("th") is not a language code (Thai's)
        and any(pattern.search(line) for line in path.read_text(encoding="utf-8").splitlines() if ".tag" not in line)
    ]
    assert offenders == []


# ----- the sheets, generated from the data ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_sheet_exists_in_every_language_with_its_status(lang: str) -> None:
    generated = pages(MANUAL, lang)
    for sheet in SHEETS:
        for language in SHEET_LANGUAGES:
            content = generated[sheet_path(sheet, language)]
            assert f'lang="{language.lang}" dir="{language.dir}" data-sheet="{sheet.id}"' in content
            if language is SHEET_SOURCE:
                assert ui("sheet_easy_read_mark", "sv") in content
                continue
            translation = next(t for t in MANUAL.sheet_translations if t.language == language.code)
            assert not translation.reviewed
            assert translation.notice and translation.notice in content  # in the language
            swedish = ui("sheet_unreviewed", "sv").format(produced_by=translation.produced_by.sv)
            assert swedish in content  # and in Swedish
    index = generated[INDEX_PATH]
    for sheet in SHEETS:
        for language in SHEET_LANGUAGES:
            assert f"{sheet.id}/{language.code}.md" in index


def test_facts_on_the_sheets_come_from_the_steps(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    step3 = root / "steps" / "03-inledande-stod.yml"
    text = step3.read_text(encoding="utf-8")
    assert "    days: 30\n    applies: [polismyndigheten" in text
    step3.write_text(
        text.replace("    days: 30\n    applies: [polismyndigheten", "    days: 45\n    applies: [polismyndigheten")
    )
    contacts = root / "steps" / "shared" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    assert 'phone: "114 14"' in text
    contacts.write_text(text.replace('phone: "114 14"', 'phone: "114 99"'))

    manual = load_manual(root).manual
    generated = pages(manual)
    for sheet in SHEETS:
        for language in SHEET_LANGUAGES:
            content = generated[sheet_path(sheet, language)]
            assert '<span class="sheet-fact" data-time-limit="betanketid">45</span>' in content
            assert 'data-time-limit="betanketid">30<' not in content
            assert '<bdi dir="ltr">114 99</bdi>' in content and "tel:11499" in content
            assert '<bdi dir="ltr">114 14</bdi>' not in content and "tel:11414" not in content


def test_a_changed_right_lists_every_translation_of_it_as_out_of_date(tmp_path: Path, capsys) -> None:
    root = copy_repo(tmp_path / "repo")
    step3 = root / "steps" / "03-inledande-stod.yml"
    text = step3.read_text(encoding="utf-8")
    old = "    sv: Att få betänketid, ett tidsbegränsat uppehållstillstånd"
    assert old in text
    step3.write_text(text.replace(old, "    sv: Att kunna få betänketid, ett tidsbegränsat uppehållstillstånd"))

    assert main(["check", "--root", str(root)]) == 0  # a warning: the build goes on, the list says what to update
    lines = capsys.readouterr().out.splitlines()
    outdated = [line for line in lines if "is out of date" in line]
    for language in TRANSLATED_SHEET_LANGUAGES:
        rel = f"steps/shared/sheets/{language.code}.yml"
        found = [line for line in outdated if line.startswith(f"{rel}:")]
        assert len(found) == 1, (language.code, outdated)
        expected = rf"{re.escape(rel)}:(\d+): warning: the {re.escape(language.name_en)} translation of 'betanketid' "
        match = re.match(expected, found[0])
        assert match, found[0]
        line = (root / rel).read_text(encoding="utf-8").splitlines()[int(match.group(1)) - 1]
        assert line.strip() == "betanketid:"
    assert len(outdated) == len(TRANSLATED_SHEET_LANGUAGES)  # only the texts that tell of this right

    # the new version is named: setting it makes the warning go away
    version = re.search(r"source: \"([0-9a-f]+)\"", outdated[0]).group(1)
    ro = root / "steps" / "shared" / "sheets" / "ro.yml"
    ro_text = ro.read_text(encoding="utf-8")
    start = ro_text.index("  betanketid:\n")
    old_source = re.search(r'source: "([0-9a-f]+)"', ro_text[start:]).group(0)
    ro.write_text(ro_text[:start] + ro_text[start:].replace(old_source, f'source: "{version}"', 1))
    problems = pipeline.check(root).problems
    assert not [p for p in problems if p.path.endswith("/ro.yml") and "out of date" in p.message]


def test_a_contact_s_changed_hours_outdate_their_translations(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    contacts = root / "steps" / "shared" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    old = 'hours: {sv: "Kontorstid", en: "Office hours"}'
    assert old in text
    contacts.write_text(text.replace(old, 'hours: {sv: "Vardagar 8–17", en: "Weekdays 8–17"}', 1))
    outdated = [p for p in pipeline.check(root).problems if p.code == "sheet-translation-outdated"]
    # the languages that read the contact's hours from their own file (not Swedish and English)
    assert {Path(p.path).stem for p in outdated} == {
        language.code for language in TRANSLATED_SHEET_LANGUAGES if language.texts_from is None
    }
    assert all("hours of contact socialkontoret" in p.message for p in outdated)


def test_a_sheet_missing_in_a_language_must_be_marked_missing(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    th = root / "steps" / "shared" / "sheets" / "th.yml"
    text = th.read_text(encoding="utf-8")
    start = text.index("  polis-villkor:\n")
    end = re.compile(r"\n  \S").search(text, start + 5).start() + 1
    th.write_text(text[:start] + text[end:])
    checked = pipeline.check(root)
    assert not checked.ok
    assert any(
        p.code == "sheet-text-missing" and "'vuxen-polis'" in p.message and "'polis-villkor'" in p.message
        for p in checked.problems
    )

    th.write_text((text[:start] + text[end:]).replace("missing: []", "missing: [vuxen-polis]"))
    checked = pipeline.check(root)
    assert checked.ok, [p.format() for p in checked.problems if p.severity == "error"]
    generated = pages(checked.manual)
    assert sheet_path(SHEETS[0], BY_CODE["th"]) not in generated
    assert ui("sheets_status_missing", "sv") in generated[INDEX_PATH]

    th.unlink()
    checked = pipeline.check(root)
    assert any(p.code == "sheet-language-missing" and "Thai" in p.message for p in checked.problems)


def test_a_number_written_in_a_sheet_text_is_refused(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    source = root / "steps" / "shared" / "sheets.yml"
    text = source.read_text(encoding="utf-8")
    old = "text: Betänketiden är {days:betanketid} dagar."
    assert old in text
    source.write_text(text.replace(old, "text: Betänketiden är 30 dagar."))
    problems = pipeline.check(root).problems
    assert any(p.code == "sheet-number-in-text" and p.path == "steps/shared/sheets.yml" for p in problems)
    # and the translations still carry the fact the Swedish no longer has
    assert any(p.code == "sheet-placeholders-differ" for p in problems)


# ----- in the browser: lang, dir, fonts, one A4 page --------------------------------------------------
# axe: tests/test_accessibility.py visits every page of both sites, these sheets included


CELL_LANGS = """() => Array.from(document.querySelectorAll('article.sheet .sheet__cell')).map(cell => {
  const owner = cell.closest('[lang]');
  return [owner.getAttribute('lang'), getComputedStyle(cell).direction];
})"""


@pytest.mark.parametrize(("sheet_id", "code"), SHEET_URLS)
def test_sheet_has_lang_and_dir_and_no_web_font(tab: Tab, site_url: str, sheet_id: str, code: str) -> None:
    language = BY_CODE[code]
    assert f"information/{sheet_id}/{code}/" in SITE_PAGES, "tests/test_accessibility.py runs axe on it"
    page, requested = tab.page, tab.requested
    page.goto(f"{site_url}/information/{sheet_id}/{code}/")
    settled(page)
    # the minifier drops a `lang` or `dir` that repeats the parent's: what counts is what the element inherits
    article = page.locator("article.sheet")
    assert article.evaluate("a => a.closest('[lang]').getAttribute('lang')") == language.lang
    assert article.evaluate("a => getComputedStyle(a).direction") == language.dir
    cells = page.evaluate(CELL_LANGS)
    person = [direction for lang, direction in cells if lang == language.lang]
    swedish = [direction for lang, direction in cells if lang == "sv"]
    assert {lang for lang, _ in cells} <= {language.lang, "sv"}
    assert person and set(person) == {language.dir}
    assert set(swedish) <= {"ltr"}
    if language is not SHEET_SOURCE:
        assert len(person) == len(swedish)  # the Swedish beside every line
        assert page.locator(".sheet__status").count() == 2
    # system fonts only: no font is downloaded, no @font-face declared
    assert not [url for url in requested if re.search(r"\.(woff2?|ttf|otf)(\?|$)", url)]
    assert page.evaluate("document.fonts.size") == 0


@pytest.mark.parametrize(("sheet_id", "code"), SHEET_URLS)
def test_sheet_prints_on_one_a4_page(tab: Tab, site_url: str, sheet_id: str, code: str) -> None:
    tab.page.goto(f"{site_url}/information/{sheet_id}/{code}/")
    assert pdf_pages(tab.page) == 1


@pytest.mark.parametrize("code", ["lattlast", "ar"])
def test_sheet_prints_on_one_a4_page_from_the_english_site(page: Page, site_url: str, code: str) -> None:
    page.goto(f"{site_url}/en/information/{SHEETS[0].id}/{code}/")
    assert pdf_pages(page) == 1


# ----- links: cards, rights page, header ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_action_cards_and_the_rights_page_link_to_the_sheets(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{PREFIX[lang]}/vad-gor-jag-nu/")
    cards = page.locator(".aid-card")
    assert cards.count() == sum(1 for node in MANUAL.decision_aids[0].nodes.values() if node.outcome)
    for index in range(cards.count()):
        card = cards.nth(index)
        assert card.locator("h3.aid-card__heading", has_text=ui("sheets_give_link", lang)).count() == 1
        links = card.locator("a[data-sheet]")
        assert links.count() >= 1
        for href in links.evaluate_all("links => links.map(a => a.href)"):
            assert "/information/#" in href
    href = page.locator(".aid-card a[data-sheet='barn']").first.get_attribute("href")
    page.locator(".aid-card a[data-sheet='barn']").first.evaluate("a => a.click()")
    page.wait_for_url(re.compile(r"/information/#barn$"))
    assert href and page.locator("#barn").count() == 1
    assert page.locator("a[data-language='ar']").count() == len(SHEETS)

    page.goto(f"{site_url}{PREFIX[lang]}/rattigheter/")
    link = page.locator("a.manual-sheets-link")
    assert link.inner_text() == ui("sheets_give_link", lang)
    link.click()
    assert page.locator("h1").first.inner_text().removesuffix("¶") == ui("sheets_title", lang)  # ¶: its permalink


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_header_leads_to_the_lattlast_sheets(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{PREFIX[lang]}/")
    entry = page.locator(".md-banner a.manual-emergency__easy-read")
    assert entry.inner_text() == ui("easy_read_nav", lang)
    entry.click()
    assert page.url.endswith("/" + EASY_READ_PATH.removesuffix(".md") + "/")
    assert page.locator(".md-banner a.manual-emergency__easy-read").get_attribute("aria-current") == "page"
    links = page.locator(".sheet-easy-read li a")
    assert links.count() == len(SHEETS)
    links.first.click()
    assert page.locator("article.sheet").get_attribute("data-language") == SHEET_SOURCE.code
