"""The first-contact decision aid ("Vad gör jag nu?"): its graph, its action cards, and the player in Chromium.

Everything is enumerated from decision_aid/first-contact.yml: every path, every outcome, every reference.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from build_tools import pipeline
from build_tools.checks.exercises import MAX_AID_ANSWERS
from build_tools.graph import all_paths
from build_tools.load import FIRST_CONTACT_FILE, load_manual
from build_tools.model import ActionCard, Exercise

from .conftest import (
    LANGS,
    REPO,
    assert_no_axe_violations,
    built_page,
    copy_repo,
    foreign,
    plain,
    read_page,
    squash,
    ui,
)

MANUAL = load_manual(REPO).manual
AID = MANUAL.decision_aids[0]
NODES = AID.nodes
ENDS = {node_id for node_id, node in NODES.items() if node.end}
PATHS = all_paths(AID.start, {i: [c.next for c in n.choices] for i, n in NODES.items()}, ENDS)
STAGE = ".branching-player__stage"
# the answer "under 18, or not sure" and the adults' consent question, by their ids in the YAML
AGE_QUESTION = ("alder", 0)
ADULT_ANSWER = ("alder", 1)
CONSENT_QUESTION = "samtycke"
# the words of "report to social services at once", and of a question about the adult's children
REPORT_AT_ONCE = {"sv": ("orosanmälan", "socialtjänsten", "genast"), "en": ("report", "social services", "at once")}
CHILDREN = {"sv": "barn", "en": "children"}
# OSL 10 kap. 23 §: what an adult's card says about passing information to the police without consent
OSL_THRESHOLD = {
    "sv": ("minst ett års fängelse som lägsta straff", "försök två år", "människohandel", "människoexploatering"),
    "en": ("minimum sentence of at least one year", "two years for an attempt", "trafficking", "human exploitation"),
}
SECTION_NUMBER = re.compile(r"\b(?:avsnitt|section)\s+\d+\.\d+", re.I)
PHONE = {"viewport": {"width": 360, "height": 640}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


def visited(path: list[int]) -> list[str]:
    nodes = [AID.start]
    for index in path:
        nodes.append(NODES[nodes[-1]].choices[index].next)
    return nodes


def aid_url(site_url: str, lang: str) -> str:
    return f"{site_url}{'' if lang == 'sv' else '/en'}/vad-gor-jag-nu/"


def card_of(end: str) -> ActionCard:
    card = NODES[end].outcome
    assert card is not None
    return card


# --- the graph -----------------------------------------------------------------------------------


def test_every_outcome_is_reached_in_at_most_six_answers() -> None:
    assert len(ENDS) >= 5
    assert {visited(path)[-1] for path in PATHS} == ENDS, "every action card can be reached"
    assert max(len(path) for path in PATHS) <= MAX_AID_ANSWERS == 6


def test_the_aid_asks_the_questions_of_a_first_contact() -> None:
    """Acute danger first; children (or unsure age) never depend on consent; adults are asked for consent."""
    acute = [c.next for c in NODES[AID.start].choices if NODES[c.next].end]
    assert len(acute) == 1 and card_of(acute[0]).call[0] == "nodnummer-112"
    assert AGE_QUESTION[0] in NODES and "18" in NODES[AGE_QUESTION[0]].title.sv
    for path in PATHS:
        nodes = visited(path)
        card = card_of(nodes[-1])
        assert card.do_now and card.avoid, nodes[-1]
        if AGE_QUESTION in zip(nodes, path, strict=False):
            assert {"socialkontoret", "socialjouren"} <= set(card.call), "children: social services always"
            assert "skyddsbedomning-barn" in card.time_limits, "children: the protection assessment at once"
            assert CONSENT_QUESTION not in nodes, "children: no question of consent"
        elif nodes[-1] not in acute:
            assert CONSENT_QUESTION in nodes, "adults: consent is asked unless in acute danger"


def sentences(card: ActionCard, lang: str) -> list[str]:
    return [plain(sentence.get(lang)) for sentence in (card.summary, *card.do_now)]


def reports_at_once(card: ActionCard) -> bool:
    """The card tells the reader to report to social services at once, and whom to call for it."""
    said = all(
        any(all(word in sentence.lower() for word in REPORT_AT_ONCE[lang]) for sentence in sentences(card, lang))
        for lang in LANGS
    )
    return said and {"socialkontoret", "socialjouren"} <= set(card.call)


def answers(path: list[int]) -> list[tuple[str, int]]:
    return list(zip(visited(path), path, strict=False))


def acute_ends() -> set[str]:
    return {c.next for c in NODES[AID.start].choices if NODES[c.next].end}


def test_every_path_for_a_child_reports_to_social_services_at_once() -> None:
    """Under 18 or unsure, and acute danger (where nobody has asked the age yet): report at once, and 112 or police."""
    child_paths = [p for p in PATHS if AGE_QUESTION in answers(p) or visited(p)[-1] in acute_ends()]
    assert len(child_paths) >= 3
    for path in child_paths:
        end = visited(path)[-1]
        card = card_of(end)
        assert reports_at_once(card), end
        assert {"nodnummer-112", "polisen-11414"} & set(card.call), end
        assert "skyddsbedomning-barn" in card.time_limits, end


def children_questions(path: list[int]) -> list[tuple[str, int]]:
    """The questions on a path that ask about the adult's children, with the answer given."""
    return [
        (node_id, index)
        for node_id, index in answers(path)
        if CHILDREN["sv"] in NODES[node_id].title.sv.lower() and CHILDREN["en"] in NODES[node_id].title.en.lower()
    ]


def test_every_adult_is_asked_about_children_whose_protection_needs_no_consent() -> None:
    adult_paths = [p for p in PATHS if ADULT_ANSWER in answers(p)]
    assert adult_paths
    for path in adult_paths:
        asked = children_questions(path)
        assert len(asked) == 1, f"no question about children on {visited(path)}"
        node_id, index = asked[0]
        node = NODES[node_id]
        assert node.choices[0].label.sv.startswith("Ja") and node.choices[0].label.en.startswith("Yes")
        card = card_of(visited(path)[-1])
        assert reports_at_once(card) == (index == 0), visited(path)
    # whatever the adult says about support: the children's protection does not depend on it
    for index in range(len(NODES[CONSENT_QUESTION].choices)):
        through = [p for p in adult_paths if (CONSENT_QUESTION, index) in answers(p)]
        assert any(children_questions(p)[0][1] == 0 for p in through), NODES[CONSENT_QUESTION].choices[index].label.sv


def support_without_police() -> int:
    """The answer to the consent question that accepts support without a police report."""
    choices = NODES[CONSENT_QUESTION].choices
    found = [
        i
        for i, c in enumerate(choices)
        if "utan polisanmälan" in c.label.sv and "without a police report" in c.label.en
    ]
    assert len(found) == 1, [c.label.sv for c in choices]
    return found[0]


def test_support_without_a_police_report_leads_to_support() -> None:
    """Support does not depend on a police report: the question is about support alone, and leads to support."""
    question = NODES[CONSENT_QUESTION]
    assert "polis" not in question.title.sv.lower() and "police" not in question.title.en.lower()
    support = support_without_police()
    through = [p for p in PATHS if (CONSENT_QUESTION, support) in answers(p)]
    assert len(through) >= 3
    for path in through:
        end = visited(path)[-1]
        card = card_of(end)
        assert {"socialkontoret", "socialjouren", "regionkoordinator"} <= set(card.call), end
        assert "stod-utan-polisanmalan" in card.rights, end
        assert {"akut-vard", "betanketid"} <= set(card.rights), "care and a reflection period, whatever the permit"
        assert "betanketid" in card.time_limits, end


def test_the_labour_path_says_when_information_may_go_to_the_police_without_consent() -> None:
    labour = [
        p for p in PATHS if any("tiggeri" in NODES[n].choices[i].label.sv for n, i in answers(p) if not NODES[n].end)
    ]
    assert labour
    for path in labour:
        card = card_of(visited(path)[-1])
        for lang in LANGS:
            assert any(all(w in s for w in OSL_THRESHOLD[lang]) for s in sentences(card, lang)), (visited(path), lang)
    # and so does the card of an adult who wants no support now
    no_support = [p for p in PATHS if (CONSENT_QUESTION, len(NODES[CONSENT_QUESTION].choices) - 1) in answers(p)]
    for path in no_support:
        card = card_of(visited(path)[-1])
        assert any(all(w in s for w in OSL_THRESHOLD["sv"]) for s in sentences(card, "sv")), visited(path)


def texts(value: object) -> list[str]:
    """Every text in a loaded model value, in every language."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("exercise", MANUAL.exercises, ids=lambda e: e.id)
def test_no_exercise_refers_to_section_numbers_of_the_print_manual(exercise: Exercise) -> None:
    """The site has steps, not numbered sections: exercises link to the steps instead."""
    found = [m.group(0) for text in texts(exercise.model_dump()) for m in SECTION_NUMBER.finditer(text)]
    assert found == []
    assert len(texts(exercise.model_dump())) > 20


@pytest.mark.parametrize("end", sorted(ENDS))
def test_a_broken_outcome_link_fails_the_check_with_file_and_line(tmp_path: Path, end: str) -> None:
    root = copy_repo(tmp_path / "repo")
    card = card_of(end)
    path = root / FIRST_CONTACT_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = card.line_of("call")
    assert f"call: [{card.call[0]}" in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(f"[{card.call[0]}", "[finns-inte", 1)
    path.write_text("".join(lines), encoding="utf-8")
    problems = [p.format() for p in pipeline.check(root).problems]
    assert f"{FIRST_CONTACT_FILE}:{line}: contact (steps/shared/contacts.yml) 'finns-inte' does not exist" in problems


# --- the page, as built --------------------------------------------------------------------------


AID_LINK = re.compile(r'<a (?:aria-current="page" )?class="manual-emergency__aid" href="([^"]+)">([^<]+)</a>')


def test_every_page_links_to_the_aid(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        markup = read_page(page)
        hrefs = re.findall(AID_LINK, markup)
        aid_current = re.search(r'<a aria-current="page" class="manual-emergency__aid"', markup) is not None
        assert aid_current == (page.parent.name == "vad-gor-jag-nu"), page
        assert len(hrefs) == 1, page
        href, label = hrefs[0]
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "sv"
        if href.startswith("/"):  # the 404 page, served from anywhere, links from the site root
            target = built_site / href.lstrip("/") / "index.html"
        else:
            target = (page.parent / href / "index.html").resolve()
            assert label == ui("aid_nav", lang), page
            assert target == ((built_site if lang == "sv" else built_site / "en") / "vad-gor-jag-nu/index.html")
        assert target.is_file(), page


@pytest.mark.parametrize("lang", LANGS)
def test_every_action_card_shows_the_data_it_refers_to(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "vad-gor-jag-nu")
    page_dir = (built_site if lang == "sv" else built_site / "en") / "vad-gor-jag-nu"
    for end in sorted(ENDS):
        card = card_of(end)
        section = re.search(rf'data-node="{end}" id="node-{end}">(.*?)</section>', markup, re.S).group(1)
        text = squash(html.unescape(re.sub(r"<[^>]+>", " ", section)))
        assert plain(card.summary.get(lang)) in text
        for sentence in (*card.do_now, *card.avoid):
            assert plain(sentence.get(lang)) in text
        contacts = re.findall(r'<li data-contact="([^"]+)">(.*?)</li>', section, re.S)
        assert [contact_id for contact_id, _ in contacts] == card.call
        for contact_id, item in contacts:
            contact = MANUAL.contact_by_id[contact_id]
            assert contact.name.get(lang) in html.unescape(item)
            if contact.phone:
                assert f'href="{contact.tel_uri}">{contact.phone}</a>' in item
            elif contact.actor == "regionkoordinatorer":  # the page that lists the regions' numbers
                assert 'href="../regionkoordinatorer/"' in item
            else:  # the place on the contact page that explains how to find the number
                assert f'href="../kontakt/#{contact.id}"' in item
        rights = re.findall(r'<li data-right="([^"]+)">(.*?)</li>', section, re.S)
        assert [right_id for right_id, _ in rights] == card.rights
        for right_id, item in rights:
            step, right = MANUAL.right_by_id[right_id]
            assert plain(right.get(lang)) in squash(html.unescape(re.sub(r"<[^>]+>", " ", item)))
            assert f'href="../steg/{step.id}/"' in item
        limits = re.findall(r'<li data-time-limit="([^"]+)">(.*?)</li>', section, re.S)
        assert [limit_id for limit_id, _ in limits] == card.time_limits
        for limit_id, item in limits:
            step, limit = MANUAL.time_limit_by_id[limit_id]
            assert html.escape(limit.duration.get(lang), quote=False) in item
            assert f'href="../steg/{step.id}/"' in item
        assert re.findall(r'data-step="([^"]+)" href="\.\./steg/\1/"', section) == card.steps
        assert re.findall(r'data-actor="([^"]+)" href="\.\./aktorer/\1/"', section) == card.actors
        for href in re.findall(r'href="(\.\./[^"#]+)"', section):
            assert (page_dir / href / "index.html").resolve().is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_links_in_the_exercises_lead_to_pages_of_the_site(built_site: Path, lang: str) -> None:
    root = built_site if lang == "sv" else built_site / "en"
    linked = 0
    for exercise in MANUAL.exercises:
        page_dir = root / "ovningar" / exercise.id
        markup = built_page(built_site, lang, f"ovningar/{exercise.id}")
        document = markup[markup.index('<div class="branching"') :]
        # links written in the texts (the cards' step and actor tags carry data- attributes)
        for href in re.findall(r'<a href="(\.\./[^"#]*)">', document):
            assert (page_dir / href / "index.html").resolve().is_file(), (exercise.id, href)
            linked += 1
    assert linked >= len(MANUAL.exercises) * 3


def test_the_aid_embeds_its_graph_with_no_storage_key(built_site: Path) -> None:
    markup = built_page(built_site, "sv", "vad-gor-jag-nu")
    assert '"storage_key": null' in markup
    assert '"kind": "decision-aid"' in markup
    assert "assets/manual/branching.js" in markup


# --- the player, in Chromium ---------------------------------------------------------------------

STATE_JS = """() => {
  const stage = document.querySelector('.branching-player__stage');
  const q = (s) => stage.querySelector(s);
  const all = (s) => [...stage.querySelectorAll(s)];
  return {
    progress: q('.branching-player__progress').innerText,
    title: q('.branching-player__title').innerText,
    focused: document.activeElement === q('.branching-player__title'),
    choices: all('.branching-player__choice').map((b) => b.innerText),
    answers: all('.branching-player__answer-text').map((p) => p.innerText),
    outcome: q('.branching-node__outcome') ? q('.branching-node__outcome').innerText : null,
    contacts: all('[data-contact]').map((li) => li.dataset.contact),
    phones: all('[data-contact] a[href^="tel:"]').map((a) => [a.getAttribute('href'), a.innerText]),
    links: all('.branching-node__outcome a').map((a) => a.href),
    steps: all('a[data-step]').map((a) => a.dataset.step),
    actors: all('a[data-actor]').map((a) => a.dataset.actor),
    rights: all('[data-right]').map((li) => li.dataset.right),
  };
}"""
STORED_JS = "() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]"


def state(page: Page) -> dict:
    return page.evaluate(STATE_JS)


def assert_question(current: dict, node_id: str, answers: list[tuple[str, int]], lang: str) -> None:
    node = NODES[node_id]
    assert squash(current["title"]) == node.title.get(lang)
    assert squash(current["progress"]) == f"{ui('aid_question', lang)} {len(answers) + 1}"
    assert [squash(label) for label in current["choices"]] == [plain(c.label.get(lang)) for c in node.choices]
    assert_answers(current, answers, lang)


def assert_answers(current: dict, answers: list[tuple[str, int]], lang: str) -> None:
    expected = [f"{NODES[n].title.get(lang)} {plain(NODES[n].choices[i].label.get(lang))}" for n, i in answers]
    assert [squash(answer) for answer in current["answers"]] == expected


def assert_card(current: dict, end: str, answers: list[tuple[str, int]], lang: str, site_url: str) -> None:
    card = card_of(end)
    assert squash(current["title"]) == NODES[end].title.get(lang)
    assert squash(current["progress"]) == ui("aid_result", lang)
    assert current["choices"] == []
    assert plain(card.summary.get(lang)) in squash(current["outcome"])
    assert current["contacts"] == card.call
    phones = [(c.tel_uri, c.phone) for c in (MANUAL.contact_by_id[i] for i in card.call) if c.phone]
    assert [tuple(phone) for phone in current["phones"]] == phones
    assert current["rights"] == card.rights
    assert current["steps"] == card.steps
    assert current["actors"] == card.actors
    prefix = "" if lang == "sv" else "/en"
    for step_id in card.steps:
        assert f"{site_url}{prefix}/steg/{step_id}/" in current["links"]
    for actor_id in card.actors:
        assert f"{site_url}{prefix}/aktorer/{actor_id}/" in current["links"]
    assert_answers(current, answers, lang)


def assert_nothing_stored(page: Page) -> None:
    assert page.evaluate(STORED_JS) == [[], [], ""]
    assert page.context.cookies() == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_path_plays_to_its_action_card(page: Page, site_url: str, lang: str, axe_source: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(aid_url(site_url, lang))
    for number, path in enumerate(PATHS):
        if number:
            page.locator(f"{STAGE} .branching-player__restart").click()
        answers: list[tuple[str, int]] = []
        node_id = AID.start
        for index in path:
            assert_question(state(page), node_id, answers, lang)
            page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]').click()
            answers.append((node_id, index))
            node_id = NODES[node_id].choices[index].next
            assert state(page)["focused"], "focus moves to the new heading"
        assert_card(state(page), node_id, answers, lang, site_url)
        expect(page.locator(".branching-player__status")).to_contain_text(NODES[node_id].title.get(lang))
        assert_no_axe_violations(page, axe_source, f"on the card of {node_id}")  # axe is added once per page
    assert_nothing_stored(page)
    assert foreign(requested, site_url) == []


def longest() -> list[int]:
    return max(PATHS, key=len)


def test_any_earlier_answer_can_be_changed(page: Page, site_url: str) -> None:
    path = longest()
    nodes = visited(path)
    page.goto(aid_url(site_url, "sv"))
    for index in path:
        page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]').click()
    for changed in reversed(range(len(path))):
        page.locator(f'{STAGE} .branching-player__change[data-answer="{changed}"]').click()
        current = state(page)
        assert current["focused"]
        assert_question(current, nodes[changed], list(zip(nodes, path, strict=False))[:changed], "sv")
        expect(page.locator(".branching-player__status")).to_contain_text(NODES[nodes[changed]].title.sv)
        # answer differently: the path from here on is another one, ending in another card
        other = next(i for i in range(len(NODES[nodes[changed]].choices)) if i != path[changed])
        page.locator(f'{STAGE} .branching-player__choice[data-choice="{other}"]').click()
        expect(page.locator(f"{STAGE} .branching-player__answer")).to_have_count(changed + 1)
        page.locator(f'{STAGE} .branching-player__change[data-answer="{changed}"]').click()
        page.locator(f'{STAGE} .branching-player__choice[data-choice="{path[changed]}"]').click()
        for index in path[changed + 1 :]:
            page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]').click()
        assert squash(state(page)["title"]) == NODES[nodes[-1]].title.sv
    assert_nothing_stored(page)


def test_on_a_phone_by_touch_from_another_page(browser: Browser, site_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/steg/{MANUAL.steps[2].id}/")
    aid_link = page.locator("a.manual-emergency__aid")
    expect(aid_link).to_be_in_viewport()
    aid_link.tap()
    page.wait_for_url(aid_url(site_url, "sv"))
    path = longest()
    nodes = visited(path)
    for index in path:
        choice = page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]')
        box = choice.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 300, "a large target for a thumb"
        choice.tap()
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    assert squash(state(page)["title"]) == NODES[nodes[-1]].title.sv
    phone_links = page.locator(f"{STAGE} [data-contact] a[href^='tel:']")
    expect(phone_links.first).to_be_visible()
    page.locator(f'{STAGE} .branching-player__change[data-answer="0"]').tap()
    assert_question(state(page), AID.start, [], "sv")
    assert_nothing_stored(page)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_full_run_by_keyboard_only(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{'' if lang == 'sv' else '/en'}/tidsfrister/")

    def tab_to(selector: str) -> None:
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        pytest.fail(f"Tab never reached {selector}")

    tab_to("a.manual-emergency__aid")
    page.keyboard.press("Enter")
    page.wait_for_url(aid_url(site_url, lang))
    path = longest()
    nodes = visited(path)
    for step, index in enumerate(path):
        tab_to(f'.branching-player__choice[data-choice="{index}"]')
        page.keyboard.press("Enter" if step % 2 else "Space")
        assert state(page)["focused"]
    assert squash(state(page)["title"]) == NODES[nodes[-1]].title.get(lang)
    tab_to(".branching-player__copy")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab_to('.branching-player__change[data-answer="1"]')
    page.keyboard.press("Enter")
    assert state(page)["focused"]
    assert_question(state(page), nodes[1], [(nodes[0], path[0])], lang)
    assert_nothing_stored(page)


def play_to_a_card(page: Page) -> list[int]:
    path = longest()
    for index in path:
        page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]').click()
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_copy_puts_the_action_card_on_the_clipboard(browser: Browser, site_url: str, lang: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(aid_url(site_url, lang))
    path = play_to_a_card(page)
    end = visited(path)[-1]
    page.locator(f"{STAGE} .branching-player__copy").click()
    expect(page.locator(".branching-player__status")).to_have_text(ui("aid_copied", lang))
    copied = squash(page.evaluate("() => navigator.clipboard.readText()"))
    card = card_of(end)
    assert NODES[end].title.get(lang) in copied
    assert plain(card.do_now[0].get(lang)) in copied
    for contact in (MANUAL.contact_by_id[i] for i in card.call):
        assert contact.name.get(lang) in copied
        if contact.phone:
            assert contact.phone in copied
    for node_id, index in zip(visited(path), path, strict=False):
        assert plain(NODES[node_id].choices[index].label.get(lang)) in copied
    assert "Ändra" not in copied and "Change" not in copied, "no button labels in the text"
    context.close()


def test_without_the_clipboard_api_the_text_is_copied_or_offered_to_copy(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(aid_url(site_url, "sv"))
    end = visited(play_to_a_card(page))[-1]
    page.locator(f"{STAGE} .branching-player__copy").click()
    status = page.locator(".branching-player__status")
    expect(status).to_have_text(
        re.compile(f"^({re.escape(ui('aid_copied', 'sv'))}|{re.escape(ui('aid_copy_manual', 'sv'))})$")
    )
    if status.inner_text() == ui("aid_copied", "sv"):  # the browser's copy command worked
        expect(page.locator(".branching-player__copy-text")).to_have_count(0)
        expect(page.locator(".branching-player__copy")).to_be_focused()
    else:  # the text is selected in a box, to copy by hand
        box = page.locator(".branching-player__copy-text")
        expect(box).to_be_focused()
        assert NODES[end].title.sv in box.input_value()
    context.close()


def test_print_shows_the_action_card_and_the_answers_without_buttons(page: Page, site_url: str) -> None:
    page.goto(aid_url(site_url, "sv"))
    path = play_to_a_card(page)
    page.emulate_media(media="print")
    expect(page.locator(f"{STAGE} .branching-node__outcome")).to_be_visible()
    expect(page.locator(f"{STAGE} .branching-player__answers")).to_be_visible()
    expect(page.locator(".branching-document")).to_be_hidden()
    expect(page.locator(".manual-emergency")).to_be_hidden()
    for button in page.locator(f"{STAGE} button").all():
        expect(button).to_be_hidden()
    expect(page.locator(f"{STAGE} .branching-player__answer")).to_have_count(len(path))


def test_the_aid_works_from_file_without_a_server(page: Page, built_site: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((built_site / "vad-gor-jag-nu" / "index.html").as_uri())
    path = play_to_a_card(page)
    end = visited(path)[-1]
    assert squash(state(page)["title"]) == NODES[end].title.sv
    step_link = page.locator(f"{STAGE} a[data-step]").first
    target = urljoin(page.url, step_link.get_attribute("href"))
    assert Path(urlparse(target).path, "index.html").is_file()
    assert {urlparse(url).scheme for url in requested} <= {"file", "data"}


def test_without_javascript_the_answers_are_in_page_links(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(aid_url(site_url, "sv"))
    expect(page.locator(".branching-player")).to_have_count(0)
    node_id = AID.start
    for index in longest():
        page.locator(f"#node-{node_id} .branching-choice__link").nth(index).click()
        node_id = NODES[node_id].choices[index].next
        assert page.url.endswith(f"#node-{node_id}")
    expect(page.locator(f"#node-{node_id} [data-contact]")).to_have_count(len(card_of(node_id).call))
    context.close()
