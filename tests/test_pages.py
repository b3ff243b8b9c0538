"""The reference pages of the built site: key facts, sources, law links, and the English mirror."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.legal import citations, provision_url
from build_tools.load import load_manual
from build_tools.model import Law, LegalRef
from build_tools.render import Renderer

from .conftest import FIXTURES, LANGS, REPO, built_page, copy_repo, read_page, visible_text

MANUAL = load_manual(REPO).manual


def text_of(site: Path, lang: str, path: str) -> str:
    return " ".join(visible_text(built_page(site, lang, path)).split())


def html_pages(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}


# (page, Swedish text, English text): facts a professional must find, in both languages
KEY_FACTS = [
    ("tidsfrister", "30 dagar", "30 days"),
    ("steg/inledande-stod", "30 dagar", "30 days"),
    ("tidsfrister", "Minst sex månader", "At least six months"),
    ("steg/langsiktigt-stod", "sex månader", "six months"),
    ("kontakt", "020-39 00 00", "020-39 00 00"),
    ("steg/ett-tryggt-atervandande", "IOM", "IOM"),
    ("steg/ett-tryggt-atervandande", "Återvändandeprogrammet", "return programme"),
    ("aktorer/iom", "Återvändandeprogrammet", "return programme"),
    ("regionkoordinatorer", "sju regioner", "seven regions"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "sv", "en"), KEY_FACTS)
def test_key_facts_are_on_their_pages(built_site: Path, path: str, sv: str, en: str, lang: str) -> None:
    assert (sv if lang == "sv" else en).casefold() in text_of(built_site, lang, path).casefold()


@pytest.mark.parametrize("lang", LANGS)
def test_regional_coordinators_page_lists_the_seven_regions_with_counties_and_numbers(
    built_site: Path, lang: str
) -> None:
    assert len(MANUAL.regions) == 7
    text = text_of(built_site, lang, "regionkoordinatorer")
    for region in MANUAL.regions:
        assert region.name.get(lang) in text
        for place in (*region.counties, *region.hosts):
            assert place in text, (region.id, place)
        for contact_id in region.contacts:
            phone = MANUAL.contact_by_id[contact_id].phone
            assert phone is None or phone in text, (region.id, phone)


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_page_lists_every_contact(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "kontakt")
    for contact in MANUAL.contacts:
        assert contact.name.get(lang) in text
        assert contact.phone is None or contact.phone in text


@pytest.mark.parametrize("lang", LANGS)
def test_time_limits_page_collects_every_time_limit_with_its_step(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "tidsfrister")
    text = " ".join(visible_text(markup).split())
    for step in MANUAL.steps:
        for limit in step.time_limits:
            assert limit.what.get(lang) in text
            assert limit.duration.get(lang) in text
            for actor_id in (*limit.applies, *limit.decides):
                assert MANUAL.actor_by_id[actor_id].name.get(lang) in text
        if step.time_limits:
            assert f'href="../steg/{step.id}/#tidsfrister"' in markup
            assert 'id="tidsfrister"' in built_page(built_site, lang, f"steg/{step.id}")


@pytest.mark.parametrize("lang", LANGS)
def test_rights_page_has_every_right_under_its_step(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "rattigheter")
    for step in MANUAL.steps:
        if not step.rights:
            continue
        heading = f"{step.number}: {step.title.get(lang)}"
        assert heading in text
        section = text[text.index(heading) :]
        for right in step.rights:
            assert " ".join(visible_text(right.get(lang)).split())[:60] in section


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_links_each_term_to_where_it_matters(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "ordlista")
    for term in MANUAL.glossary:
        entry = re.search(rf'<h2 id="{term.id}">(.*?)(?=<h2 |</article>)', markup, re.S)
        assert entry, term.id
        for step_id in term.steps:
            assert f'href="../steg/{step_id}/"' in entry.group(1), (term.id, step_id)
        for actor_id in term.actors:
            assert f'href="../aktorer/{actor_id}/"' in entry.group(1), (term.id, actor_id)
        for step_id in term.steps:
            assert f'href="../../ordlista/#{term.id}"' in built_page(built_site, lang, f"steg/{step_id}")


@pytest.mark.parametrize("lang", LANGS)
def test_signs_checklist_lists_every_sign(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "tecken")
    for sign in MANUAL.signs:
        assert f'<li id="{sign.id}">' in markup


def test_signs_checklist_groups_signs_by_kind() -> None:
    manual = load_manual(FIXTURES / "minimal").manual
    assert {sign.kind for sign in manual.signs} >= {"general", "child"}, "the fixture needs signs of two kinds"
    content = next(p.content for p in Renderer(manual, "en").pages() if p.path == "tecken.md")
    for sign in manual.signs:
        heading = content.rindex("\n## ", 0, content.index(sign.text.en))
        assert Renderer(manual, "en").ui(f"signs_kind_{sign.kind}") in content[heading : heading + 80]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["steg", "aktorer"])
def test_every_step_and_actor_page_shows_sources_and_review_date(built_site: Path, kind: str, lang: str) -> None:
    nodes = MANUAL.steps if kind == "steg" else MANUAL.actors
    label = ("Källor", "Senast granskad") if lang == "sv" else ("Sources", "Last reviewed")
    for node in nodes:
        markup = built_page(built_site, lang, f"{kind}/{node.id}")
        provenance = re.search(r'<div class="manual-provenance">(.*?)</div>', markup, re.S)
        assert provenance, node.id
        text = visible_text(provenance.group(1))
        assert all(word in text for word in label), node.id
        assert f'<time datetime="{node.last_reviewed.isoformat()}">' in provenance.group(1)
        for source_id in node.sources:
            assert MANUAL.source_by_id[source_id].title in text, (node.id, source_id)


def test_every_law_link_in_the_site_goes_to_a_law_text(built_site: Path) -> None:
    law_urls = [law.url for law in MANUAL.laws]
    links = 0
    for path in built_site.rglob("*.html"):
        for href in re.findall(r'<a class="manual-cite" href="([^"]+)"', read_page(path)):
            assert any(href == url or href.startswith(url + "#") for url in law_urls), (path, href)
            links += 1
    cited = sum(len(step.legal) for step in MANUAL.steps)
    assert links >= 2 * cited  # every step's legal list, in both languages, at least


@pytest.mark.parametrize("lang", LANGS)
def test_every_citation_is_a_link_on_its_step_page(built_site: Path, lang: str) -> None:
    renderer = Renderer(MANUAL, lang)
    for law_citations in citations(MANUAL).values():
        for citation in law_citations:
            markup = built_page(built_site, lang, f"steg/{citation.step.id}")
            for ref in citation.refs:
                link = f'<a class="manual-cite" href="{renderer.law_url(ref)}">{renderer.cite(ref)}</a>'
                assert link in markup


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("law", MANUAL.laws, ids=lambda law: law.id)
def test_each_law_page_lists_every_place_that_cites_it(built_site: Path, law: Law, lang: str) -> None:
    markup = built_page(built_site, lang, f"lagar/{law.id}")
    renderer = Renderer(MANUAL, lang)
    assert f'href="{law.url}"' in markup
    law_citations = citations(MANUAL)[law.id]
    for citation in law_citations:
        assert f'href="../../steg/{citation.step.id}/"' in markup
        if citation.actor_id:
            assert f'href="../../aktorer/{citation.actor_id}/"' in markup
        if citation.time_limit:
            assert citation.time_limit.what.get(lang) in visible_text(markup)
    assert markup.count('class="manual-cite"') == sum(len(c.refs) for c in law_citations)
    index = built_page(built_site, lang, "lagar")
    assert f'href="{law.id}/"' in index
    assert renderer.text(law.name) in visible_text(index)


@pytest.mark.parametrize(
    ("ref", "url"),
    [
        (LegalRef(law="brb", chapter=4, section="1 a"), "https://lagen.nu/1962:700#K4P1a"),
        (LegalRef(law="brb", section="6"), "https://lagen.nu/1962:700#P6"),
        (LegalRef(law="brb", chapter=5, section="15", paragraph=2), "https://lagen.nu/1962:700#K5P15S2"),
        (LegalRef(law="brb", chapter=58, section="1", paragraph=1, point=3), "https://lagen.nu/1962:700#K58P1S1N3"),
        (LegalRef(law="brb", section="4", point=4), "https://lagen.nu/1962:700#P4"),
        (LegalRef(law="brb"), "https://lagen.nu/1962:700"),
    ],
)
def test_lagen_nu_links_point_at_the_provision(ref: LegalRef, url: str) -> None:
    assert provision_url(Law(id="brb", name={"sv": "Brottsbalk"}, url="https://lagen.nu/1962:700"), ref) == url


def test_other_hosts_get_the_law_url_unchanged() -> None:
    law = Law(id="hslf", name={"sv": "Föreskrifter"}, url="https://www.socialstyrelsen.se/regler/202239/")
    assert provision_url(law, LegalRef(law="hslf", chapter=2, section="1")) == law.url


def test_the_english_site_mirrors_the_swedish_one_page_for_page(built_site: Path) -> None:
    swedish = {p for p in html_pages(built_site) if not p.startswith("en/")}
    english = html_pages(built_site / "en")
    assert len(swedish) > 1 + 6 + len(MANUAL.actors) + len(MANUAL.laws)
    assert swedish == english


@pytest.mark.parametrize(("lang", "other"), [("sv", "en"), ("en", "sv")])
def test_manual_check_names_the_missing_translation_of_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, other: str
) -> None:
    root = copy_repo(tmp_path / "repo", FIXTURES / "minimal")
    (root / "content" / lang / "nytt").mkdir(parents=True, exist_ok=True)
    (root / "content" / lang / "nytt" / "sida.md").write_text("# Ny sida\n", encoding="utf-8")

    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"content/{other}/nytt/sida.md:1: missing " in out
    assert f"content/{lang}/nytt/sida.md has no counterpart" in out


# ----- upcoming changes in the law (steps/shared/changes.yml) ----------------------------------

STATUS_WORDS = {
    "sv": {"proposed": "Föreslagen", "decided": "Beslutad"},
    "en": {"proposed": "Proposed", "decided": "Decided"},
}


def test_the_manual_has_pending_changes_to_show() -> None:
    assert MANUAL.changes, "steps/shared/changes.yml lists no changes"
    assert all(change.steps for change in MANUAL.changes)


@pytest.mark.parametrize("lang", LANGS)
def test_upcoming_changes_page_lists_each_change_with_status_and_date(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "kommande-andringar")
    for change in MANUAL.changes:
        entry = re.search(rf'<h2 id="{change.id}">(.*?)(?=<h2 |</article>)', markup, re.S)
        assert entry, change.id
        text = " ".join(visible_text(entry.group(1)).split())
        assert change.title.get(lang) in text
        assert STATUS_WORDS[lang][change.status] in text
        if change.date:
            assert f'<time datetime="{change.date.isoformat()}">' in entry.group(1)
        for step_id in change.steps:
            assert f'href="../steg/{step_id}/#kommande-andringar"' in entry.group(1), (change.id, step_id)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("step", MANUAL.steps, ids=lambda step: step.id)
def test_each_step_shows_the_changes_that_affect_it_and_no_others(built_site: Path, step, lang: str) -> None:
    markup = built_page(built_site, lang, f"steg/{step.id}")
    affecting = [change for change in MANUAL.changes if step.id in change.steps]
    box = re.search(r'<div class="manual-box manual-box--change">(.*?)</div>', markup, re.S)
    if not affecting:
        assert box is None
        return
    assert box, step.id
    assert 'id="kommande-andringar"' in box.group(1)
    for change in MANUAL.changes:
        link = f'href="../../kommande-andringar/#{change.id}"'
        assert (link in box.group(1)) == (change in affecting), (step.id, change.id)


def test_upcoming_changes_page_is_in_the_navigation_of_both_languages() -> None:
    for lang in LANGS:
        nav = Renderer(MANUAL, lang).nav([])
        flat = [value for item in nav for value in item.values()]
        assert "kommande-andringar.md" in flat, lang


def test_a_step_without_changes_has_no_box_and_the_page_says_there_are_none(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo", FIXTURES / "minimal")
    (root / "steps/shared/changes.yml").unlink()
    manual = load_manual(root).manual
    assert manual.changes == ()
    for lang in LANGS:
        pages = {generated.path: generated.content for generated in Renderer(manual, lang).pages()}
        assert "manual-box--change" not in pages["steg/akut-skydd.md"]
        none = {"sv": "Inga kommande ändringar", "en": "The manual knows of no upcoming changes"}[lang]
        assert none in pages["kommande-andringar.md"]


def test_the_fixture_change_is_shown_on_its_step_only() -> None:
    manual = load_manual(FIXTURES / "minimal").manual
    pages = {generated.path: generated.content for generated in Renderer(manual, "sv").pages()}
    for step in manual.steps:
        shown = "kommande-andringar.md#ny-lag" in pages[f"steg/{step.id}.md"]
        assert shown == (step.id == "akut-skydd"), step.id
    assert "2099-07-01" in pages["kommande-andringar.md"] and "Föreslagen" in pages["kommande-andringar.md"]
