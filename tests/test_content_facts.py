"""Facts a professional acts on, as the built pages state them (issue 11): LVU deadlines, who may
report to the police without consent, who leads the preliminary investigation, when the protection
assessment is made, person-first English, search synonyms and the accessibility statement."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from build_tools.checks.walk import iter_nodes
from build_tools.load import load_manual
from build_tools.model import Localized, Step
from build_tools.search.language import ConceptMatcher, concepts

from .conftest import LANGS, REPO, built_page, visible_text

MANUAL = load_manual(REPO).manual

# the generated and hand-written pages this content lives on (exercises and the decision aid are not
# part of it); "" is the start page
CONTENT_PAGES = [
    "",
    "tidsfrister",
    "rattigheter",
    "ordlista",
    "vem-gor-vad",
    "tecken",
    "om-manualen",
    "tillganglighet",
    "utskrift",
    *(f"steg/{step.id}" for step in MANUAL.steps),
    *(f"aktorer/{actor.id}" for actor in MANUAL.actors),
]


def readable(markup: str) -> str:
    """What a reader sees: no scripts or embedded data, tags dropped, whitespace collapsed."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(visible_text(markup).split())


def text_of(site: Path, lang: str, path: str) -> str:
    return readable(built_page(site, lang, path))


def list_items(site: Path, lang: str, path: str) -> list[str]:
    markup = built_page(site, lang, path)
    return [readable(item) for item in re.findall(r"<li\b[^>]*>(.*?)</li>", markup, re.S)]


def table_rows(site: Path, lang: str, path: str) -> list[str]:
    markup = built_page(site, lang, path)
    return [readable(row) for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", markup, re.S)]


def row_with(rows: list[str], needle: str) -> str:
    found = [row for row in rows if needle.casefold() in row.casefold()]
    assert len(found) == 1, f"{len(found)} rows mention {needle!r}"
    return found[0]


# --- LVU: the committee's week, the court's week, the four weeks ---------------------------------

LVU_ROWS = {
    "sv": [
        ("underställer", "inom en vecka från beslutet", "7 §"),
        ("förvaltningsrättens prövning", "inom en vecka från att beslutet kom in", "7 §"),
        ("ansökan om vård", "inom fyra veckor från den dag omhändertagandet verkställdes", "8 §"),
    ],
    "en": [
        ("submits an immediate care decision", "within one week of the decision", "7"),
        ("administrative court review", "within one week of the decision reaching the court", "7"),
        ("application for care", "within four weeks of the day the immediate care was carried out", "8"),
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_time_limit_page_has_the_committees_week_the_courts_week_and_the_four_weeks(
    built_site: Path, lang: str
) -> None:
    rows = table_rows(built_site, lang, "tidsfrister")
    for what, duration, section in LVU_ROWS[lang]:
        row = row_with(rows, what)
        assert duration.casefold() in row.casefold(), row
        assert "LVU" in row and section in row, row


LAPSE = {
    # (the note of the committee's submission begins, the lapse, the glossary's wrong and right wording)
    "sv": (
        "Socialnämnden underställer",
        "upphör omhändertagandet",
        "prövar det inom en vecka; annars upphör",
        "inom en vecka från beslutet – annars upphör omhändertagandet",
    ),
    "en": (
        "The social welfare committee submits",
        "care lapses",
        "reviews it within one week; otherwise it lapses",
        "within one week of making it – otherwise the care lapses",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_lapse_is_tied_to_the_committees_deadlines_not_the_courts(built_site: Path, lang: str) -> None:
    submission, lapses, wrong, right = LAPSE[lang]
    notes = [item for item in list_items(built_site, lang, "tidsfrister") if item.startswith(submission)]
    assert len(notes) == 1 and lapses in notes[0], notes
    glossary = text_of(built_site, lang, "ordlista")
    assert wrong not in glossary
    assert right in glossary
    assert ("fyra veckor" if lang == "sv" else "four weeks") in glossary


# --- who leads the preliminary investigation ----------------------------------------------------

POLICE_USUALLY = [
    "oftast hos polisen",
    "oftast en polis",
    "leder ofta förundersökningen",
    "usually the police",
    "usually at the police",
    "usually a police officer",
    "usually lead the preliminary investigation",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_no_page_says_the_police_usually_lead_the_investigation(built_site: Path, path: str, lang: str) -> None:
    text = text_of(built_site, lang, path).casefold()
    assert [phrase for phrase in POLICE_USUALLY if phrase in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_step_5_says_the_prosecutor_takes_over_under_rb_23_3(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "steg/straffrattsligt-forfarande")
    owner_box = re.search(r'<div class="manual-owner">(.*?)</div>', markup, re.S)
    assert owner_box
    owner_text = readable(owner_box.group(1))
    if lang == "sv":
        assert "skäligen kan misstänkas" in owner_text and "tar åklagaren över ledningen" in owner_text
    else:
        assert "reasonably be suspected" in owner_text and "the prosecutor takes over" in owner_text
    assert "#K23P3" in markup  # the lagen.nu link to Chapter 23 Section 3


# --- step 1: what social services may report without consent ------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_step_1_states_the_one_year_threshold(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "steg/identifiering")
    threshold = (
        "minimistraff på minst ett års fängelse" if lang == "sv" else "minimum sentence of at least one year in prison"
    )
    assert threshold in text
    markup = built_page(built_site, lang, "steg/identifiering")
    assert "#K10P23" in markup and "#K10P21" in markup and "#K12P2" in markup


CONSENT = {
    # (the offence as a list item begins, may the information be given without consent?)
    "sv": [
        ("Människohandel (4 kap. 1 a §", True),
        ("Grov människoexploatering", True),
        ("Människohandel av mindre grov art", False),
        ("Människoexploatering (fängelse i högst fyra år", False),
    ],
    "en": [
        ("Trafficking (Chapter 4 Section 1 a", True),
        ("Gross human exploitation", True),
        ("Less serious trafficking", False),
        ("Human exploitation (up to four years", False),
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_step_1_says_human_exploitation_is_not_covered_without_consent(built_site: Path, lang: str) -> None:
    items = list_items(built_site, lang, "steg/identifiering")
    allowed, refused = ("får lämnas", "får inte lämnas") if lang == "sv" else ("may be given", "may not be given")
    for start, may in CONSENT[lang]:
        found = [item for item in items if item.startswith(start)]
        assert len(found) == 1, (start, found)
        if may:
            assert allowed in found[0] and refused not in found[0], found[0]
        else:
            assert refused in found[0], found[0]


def test_step_1_does_not_cite_the_repealed_social_services_act() -> None:
    step = next(step for step in MANUAL.steps if step.id == "identifiering")
    cited = [ref.law for ref in step.legal] + [ref.law for actor in step.actors for t in actor.tasks for ref in t.legal]
    assert "sol-2001" not in cited
    assert "sol" in cited
    assert MANUAL.law_by_id["sol"].sfs == "2025:400"


# --- the protection assessment is made at once --------------------------------------------------

NEXT_DAY = ["dagen därpå", "senast nästa dag", "the next day"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["steg/identifiering", "steg/akut-skydd", "tidsfrister", "ordlista"])
def test_protection_assessment_is_made_at_once(built_site: Path, path: str, lang: str) -> None:
    text = text_of(built_site, lang, path)
    at_once = "genast" if lang == "sv" else "at once"
    assert at_once in text.casefold()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_no_page_lets_the_protection_assessment_wait_a_day(built_site: Path, path: str, lang: str) -> None:
    text = text_of(built_site, lang, path).casefold()
    assert [phrase for phrase in NEXT_DAY if phrase in text] == []


# --- figures carry their year -------------------------------------------------------------------

DATED_FIGURES = [
    # (page, Swedish figure, English figure, year)
    ("aktorer/regionkoordinatorer", "490 ärenden", "490 cases", "2021"),
    ("aktorer/regionkoordinatorer", "14 regionkoordinatorer", "14 regional coordinators", "2022"),
    ("aktorer/plattformen", "18 vuxna", "18 adults", "2021"),
    ("steg/ett-tryggt-atervandande", "61 personer", "61 people", "2021"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "sv", "en", "year"), DATED_FIGURES)
def test_each_figure_carries_its_year_in_its_sentence(
    built_site: Path, path: str, sv: str, en: str, year: str, lang: str
) -> None:
    text = text_of(built_site, lang, path)
    figure = sv if lang == "sv" else en
    sentences = [sentence for sentence in re.split(r"(?<=[.;])\s", text) if figure in sentence]
    assert sentences, f"{figure!r} is not on {path}"
    assert all(year in sentence for sentence in sentences), sentences


# --- English: the person, not the victim; one name for socialjour -------------------------------


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_english_pages_speak_of_the_person_not_the_victim(built_site: Path, path: str) -> None:
    text = text_of(built_site, "en", path)
    assert re.findall(r"\bthe victims?\b", text, re.IGNORECASE) == []


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_pages_do_not_call_the_person_the_crime_victim(built_site: Path, path: str) -> None:
    # review-11: step 5 and the prosecutor's actor page said "brottsoffret" / "the crime victim"
    # for the person; the authority's name (Brottsoffermyndigheten, Crime Victim Authority) may stand
    swedish = text_of(built_site, "sv", path)
    assert re.findall(r"\b\w*offret\b", swedish, re.IGNORECASE) == []
    english = text_of(built_site, "en", path)
    assert re.findall(r"\bthe crime victims?\b(?! authority)", english, re.IGNORECASE) == []


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_lvu_entry_states_both_deadlines_and_the_lapse(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "ordlista")
    start = text.index("Lag med särskilda bestämmelser om vård av unga" if lang == "sv" else "Care of Young Persons")
    entry = text[start : start + 700]
    needles = (
        ["inom en vecka", "inom fyra veckor", "verkställdes", "upphör"]
        if lang == "sv"
        else ["within one week", "within four weeks", "carried out", "lapses"]
    )
    assert all(needle in entry for needle in needles), entry


def english_texts(*files: str) -> list[tuple[str, str]]:
    """(file, text) of every English text written in these files (glossary synonyms are search terms)."""
    nodes = [node for top in (*MANUAL.steps, *MANUAL.actors, *MANUAL.glossary) for node in iter_nodes(top)]
    return [
        (node.path, node.en)
        for node in nodes
        if isinstance(node, Localized) and node.en and node.path.startswith(files)
    ]


def test_english_texts_name_socialjour_one_way() -> None:
    texts = english_texts("steps/0", "steps/actors.yml", "steps/shared/glossary.yml")
    others = ["social emergency service", "out-of-hours social services", "social services' out-of-hours"]
    assert [(path, name) for path, text in texts for name in others if name in text.casefold()] == []
    assert any("social services out-of-hours service" in text for _, text in texts)


# --- glossary synonyms send a search to the right concept ---------------------------------------

WRONG_SYNONYMS = [
    # (language, a text, a concept it must not be taken for)
    ("sv", "Polisen använder tvångsmedel", "otillborligt-medel"),
    ("sv", "Ett vittne hördes", "bevisperson"),
    ("sv", "Hon bodde på en kvinnojour", "skyddat-boende"),
    ("sv", "Socialjouren har jour i helgen", "skyddat-boende"),
    ("sv", "Socialtjänsten inleder en utredning", "forundersokning"),
    ("sv", "En riskbedömning inför återvändandet", "skyddsbedomning"),
    ("sv", "Stöd till återintegrering i hemlandet", "utslussning"),
    ("sv", "Kommunen får statlig ersättning från Migrationsverket", "brottsskadeersattning"),
    ("sv", "Regionen får ersättning för vården", "skadestand"),
    ("sv", "Ett offentligt biträde i LVU-målet", "malsagandebitrade"),
    ("sv", "Evonhuset i Malmö", "mikamottagning"),
    ("en", "The child's custodian was informed", "god-man"),
    ("en", "By any means", "otillborligt-medel"),
]
RIGHT_SYNONYMS = [
    ("sv", "Ett otillbörligt medel användes", "otillborligt-medel"),
    ("sv", "Hon har tillstånd för bevisperson", "bevisperson"),
    ("sv", "Placering i skyddsboende", "skyddat-boende"),
    ("sv", "FU inleddes", "forundersokning"),
    ("en", "The social services out-of-hours service", "socialjour"),
]


def mentioned(lang: str, text: str) -> set[str]:
    return {concept.id for concept in ConceptMatcher(concepts(MANUAL), lang).mentions(text)}


@pytest.mark.parametrize(("lang", "text", "concept"), WRONG_SYNONYMS)
def test_a_synonym_does_not_send_a_search_to_the_wrong_concept(lang: str, text: str, concept: str) -> None:
    assert concept not in mentioned(lang, text)


@pytest.mark.parametrize(("lang", "text", "concept"), RIGHT_SYNONYMS)
def test_the_right_names_still_find_their_concept(lang: str, text: str, concept: str) -> None:
    assert concept in mentioned(lang, text)


# --- the accessibility statement ----------------------------------------------------------------

STATEMENT = {
    "sv": {
        "says": [
            "delvis förenlig",
            "axe-core",
            "Lighthouse",
            "tangentbord",
            "Det här har vi inte testat",
            "Ingen manuell granskning",
            "skärmläsare",
        ],
        "never": ["Vi bedömer att webbplatsen helt uppfyller", "helt förenlig med"],
    },
    "en": {
        "says": [
            "partially compliant",
            "axe-core",
            "Lighthouse",
            "keyboard",
            "What we have not tested",
            "No manual audit",
            "screen readers",
        ],
        "never": ["We consider the website fully compliant", "is fully compliant"],
    },
}


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_statement_states_method_and_what_was_not_tested(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "tillganglighet")
    assert [phrase for phrase in STATEMENT[lang]["says"] if phrase not in text] == []
    assert [phrase for phrase in STATEMENT[lang]["never"] if phrase in text] == []


# issue 12 (actors-12): signs by kind of exploitation, each sourced; actors that act in the process
EXPLOITATION_KINDS = ("sexual", "labour", "begging", "crime", "child")
ACTORS_12 = ("barnahus", "ivo", "skatteverket", "kronofogden", "tullverket")


@pytest.mark.parametrize("kind", EXPLOITATION_KINDS)
def test_each_kind_of_exploitation_has_signs_with_known_sources(kind: str) -> None:
    signs = [sign for sign in MANUAL.signs if sign.kind == kind]
    assert signs, f"no sign of kind {kind!r} in steps/shared/signs.yml"
    for sign in signs:
        assert sign.sources, sign.id
        for source_id in sign.sources:
            assert source_id in MANUAL.source_by_id, (sign.id, source_id)


def test_a_sign_without_a_source_is_refused() -> None:
    from pydantic import ValidationError

    from build_tools.model import Sign

    with pytest.raises(ValidationError):
        Sign(id="x", text=Localized(sv="x", en="x"), kind="sexual", sources=[])


@pytest.mark.parametrize("lang", LANGS)
def test_signs_page_heads_each_kind_and_names_the_sources_of_its_signs(built_site: Path, lang: str) -> None:
    from build_tools.render import Renderer

    markup = built_page(built_site, lang, "tecken")
    renderer = Renderer(MANUAL, lang)
    for kind in EXPLOITATION_KINDS:
        heading = renderer.ui(f"signs_kind_{kind}")
        start = markup.index(f'>{heading}<a class="headerlink"')  # the section heading, not the table of contents
        end = markup.find("<h2", start)
        section = markup[start : end if end > 0 else None]
        for sign in (s for s in MANUAL.signs if s.kind == kind):
            assert f'<li id="{sign.id}">' in section, (kind, sign.id)
            for source_id in sign.sources:
                source = MANUAL.source_by_id[source_id]
                shown = html.escape(source.url or source.title, quote=False)  # a seed has a title, no address
                assert shown in section, (kind, sign.id, source_id)


@pytest.mark.parametrize("actor_id", ACTORS_12)
def test_added_actors_have_a_task_in_a_step_and_show_in_who_does_what(built_site: Path, actor_id: str) -> None:
    acting = [step.id for step in MANUAL.steps for step_actor in step.actors if step_actor.actor == actor_id]
    assert acting, f"{actor_id} has no task in any step"
    for lang in LANGS:
        assert 'href="../aktorer/' + actor_id + '/"' in built_page(built_site, lang, "vem-gor-vad"), (actor_id, lang)
        for step_id in acting:
            assert f'href="../../aktorer/{actor_id}/"' in built_page(built_site, lang, f"steg/{step_id}"), (
                actor_id,
                step_id,
            )


def test_every_legal_reference_is_dated_and_cites_the_law_in_force() -> None:
    """Issue 12: every reference has a check date; SoL citations name chapter and section; no repealed act
    is cited unless as history (the checks enforce it; this keeps the content itself honest)."""
    from build_tools.checks.legal import legal_refs

    refs = legal_refs(MANUAL)
    assert len(refs) > 100
    assert [r for r in refs if r.checked is None] == []
    laws = MANUAL.law_by_id
    assert [r for r in refs if r.law == "sol" and (r.chapter is None or r.section is None)] == []
    assert [r for r in refs if laws[r.law].repealed is not None and not r.history] == []
    assert laws["sol-2001"].repealed is not None
    assert all(law.consolidated for law in MANUAL.laws)


@pytest.mark.parametrize("step", MANUAL.steps, ids=lambda step: step.id)
def test_every_acting_actor_has_a_few_words_for_the_matrix(step: Step) -> None:
    """Issue 14: each matrix cell says in a few words what the actor does, so every actor with a task
    in a step needs an `in_brief` line there (new actors included)."""
    acting = [entry.actor for entry in step.actors]
    assert [actor for actor in acting if actor not in step.in_brief] == []
