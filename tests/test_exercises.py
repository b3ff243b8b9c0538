"""Case exercises: their pages in both languages, and the branching player in Chromium.

Everything is enumerated from case_exercises/*.yml: every exercise, every node, every path.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from build_tools.branching import SESSION_FORMAT, SESSIONS_PAGE, card_order
from build_tools.model import Exercise, ExerciseNode
from build_tools.render import Renderer, ui_strings

from .conftest import LANGS, built_page, plain, read_page, squash, tap, tree_walk, ui
from .players import (
    EXERCISES,
    MANUAL,
    STAGE,
    assert_debrief,
    assert_feedback,
    assert_situation,
    card_numbers,
    choose,
    freeze_clock,
    ids,
    page_url,
    paths_of,
    restart,
    state,
    title_of,
    visited_nodes,
)

# --- the pages, as built -------------------------------------------------------------------------


def test_the_real_exercises_exist() -> None:
    assert len(EXERCISES) >= 4
    assert all(paths_of(exercise) for exercise in EXERCISES)


@pytest.mark.parametrize("lang", LANGS)
def test_navigation_leads_to_the_exercise_index_which_lists_every_exercise(built_site: Path, lang: str) -> None:
    nav = Renderer(MANUAL, lang).nav([])
    assert [entry[ui("exercises", lang)] for entry in nav if ui("exercises", lang) in entry] == ["ovningar/index.md"]
    index = built_page(built_site, lang, "ovningar")
    for exercise in EXERCISES:
        assert f'href="{exercise.id}/"' in index


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_exercise_page_is_a_readable_document_of_cards(built_site: Path, exercise: Exercise, lang: str) -> None:
    markup = built_page(built_site, lang, f"ovningar/{exercise.id}")
    numbers = card_numbers(exercise)
    sections = re.findall(r'<section class="branching-node[^"]*" data-node="([^"]+)" id="node-\1">', markup)
    assert sections == list(numbers), "one card per node, the start first"
    for node_id, node in exercise.nodes.items():
        card = re.search(rf'id="node-{node_id}">(.*?)</section>', markup, re.S).group(1)
        assert f"{ui('card', lang)} {numbers[node_id]}" in card
        assert plain(node.text.get(lang))[:60] in squash(html.unescape(re.sub(r"<[^>]+>", " ", card)))
        links = re.findall(r'class="branching-choice__link" href="#node-([^"]+)"', card)
        assert links == [choice.next for choice in node.choices]
        targets = re.findall(r"\((?:gå till|go to) \w+ (\d+)\)", card)
        assert [int(t) for t in targets] == [numbers[choice.next] for choice in node.choices]
        assert card.count(ui("weak_choice", lang)) == sum(choice.weak for choice in node.choices)
        if node.step:
            assert f'data-step="{node.step}"' in card
        for actor in node.actors:
            assert f'data-actor="{actor}" href="../../aktorer/{actor}/"' in card


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_exercise_page_embeds_its_graph_as_json(built_site: Path, exercise: Exercise, lang: str) -> None:
    markup = built_page(built_site, lang, f"ovningar/{exercise.id}")
    script = re.search(r'<script class="branching-graph" type="application/json">(.*?)</script>', markup)
    graph = json.loads(script.group(1))
    assert graph["start"] == exercise.start
    assert graph["storage_key"] == f"manualen.exercise.{exercise.id}"
    assert graph["duration_minutes"] == exercise.duration_minutes
    assert graph["session_format"] == SESSION_FORMAT
    assert graph["nodes"] == {
        node_id: {
            "step": node.step,
            "actors": node.actors,
            "end": node.end,
            "minutes": node.minutes,
            "choices": [{"next": c.next, "weak": c.weak} for c in node.choices],
        }
        for node_id, node in exercise.nodes.items()
    }
    assert set(graph["labels"].values()) <= {value[lang] for value in ui_strings().values()}
    assert "assets/manual/branching.js" in markup


def test_the_player_is_loaded_only_on_branching_pages(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        markup = read_page(path)
        loads_player = "assets/manual/branching.js" in markup
        is_sessions = path.parent.parent.name == "ovningar" and path.parent.name == SESSIONS_PAGE
        is_exercise = path.parent.parent.name == "ovningar" and path.parent.name != "ovningar" and not is_sessions
        is_decision_aid = path.parent.name == "vad-gor-jag-nu"  # the same player (tests/test_decision_aid.py)
        assert loads_player == (is_exercise or is_decision_aid), path
        # the debrief across groups reads the player's files (tests/test_trainers.py)
        assert ("assets/manual/sessions.js" in markup) == is_sessions, path


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_each_exercise_with_duration_target_group_and_steps(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "ovningar")
    blocks = re.split(r"<h2 ", markup)[1:]
    assert len(blocks) == len(EXERCISES)
    for exercise, block in zip(EXERCISES, blocks, strict=True):
        text = squash(html.unescape(re.sub(r"<[^>]+>", " ", block)))
        assert f'href="{exercise.id}/"' in block
        assert exercise.title.get(lang) in text
        assert f"{exercise.duration_minutes} {ui('minutes', lang)}" in text
        assert plain(exercise.target_group.get(lang)) in text
        expected_steps = [s.id for s in MANUAL.steps if s.id in {n.step for n in exercise.nodes.values()}]
        assert re.findall(r'data-step="([^"]+)"', block) == expected_steps


# --- the player, in Chromium ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_every_path_plays_from_start_to_debrief(page: Page, site_url: str, exercise: Exercise, lang: str) -> None:
    """Every path, each situation on it with the feedback of the choice that led there, and its debrief.

    The paths are walked as a tree: from one path's debrief the back button leads to the situation where
    the next path branches off (checked again there, with the feedback that led to it), and the next path
    goes on from it; its debrief lists the whole path, beginning included. Starting again is checked once
    the last path is played."""
    page.goto(page_url(site_url, lang, exercise))
    current = state(page)
    assert_situation(current, exercise, exercise.start, lang)
    assert current["chosen"] is None
    for steps_back, shared, path in tree_walk(paths_of(exercise)):
        nodes = visited_nodes(exercise, path)
        for _ in range(steps_back):
            tap(page, f"{STAGE} .branching-player__back")
        if steps_back:
            current = state(page)
            assert current["focused"], "focus moves to the situation gone back to"
            assert_situation(current, exercise, nodes[shared], lang)
            if shared:
                assert_feedback(current, exercise.nodes[nodes[shared - 1]].choices[path[shared - 1]], lang)
            else:
                assert current["chosen"] is None
        for position in range(shared, len(path)):
            choice = exercise.nodes[nodes[position]].choices[path[position]]
            tap(page, f'{STAGE} .branching-player__choice[data-choice="{path[position]}"]')
            current = state(page)
            assert current["focused"], "focus moves to the new situation's heading"
            assert_situation(current, exercise, nodes[position + 1], lang)
            assert_feedback(current, choice, lang)
        assert_debrief(current, exercise, path, lang)
    restart(page)
    current = state(page)
    assert_situation(current, exercise, exercise.start, lang)
    assert current["chosen"] is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_full_run_by_keyboard_only(page: Page, site_url: str, lang: str) -> None:
    exercise = EXERCISES[0]
    path = max(paths_of(exercise), key=len)
    page.goto(page_url(site_url, lang, exercise))
    node_id = exercise.start
    for step, index in enumerate(path):
        for _ in range(200):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "() => document.activeElement.matches('.branching-player__choice') ? "
                "document.activeElement.dataset.choice : null"
            )
            if focused == str(index):
                break
        else:
            pytest.fail(f"Tab never reached choice {index} in {node_id}")
        page.keyboard.press("Enter" if step % 2 else "Space")
        node_id = exercise.nodes[node_id].choices[index].next
        current = state(page)
        assert current["focused"]
        assert squash(current["title"]) == title_of(exercise, node_id, lang)
    assert_debrief(state(page), exercise, path, lang)
    # the focus ring is visible on a focused button
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_back_restart_and_reload_resume_progress(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    path = max(paths_of(exercise), key=len)
    nodes = visited_nodes(exercise, path)
    page.goto(page_url(site_url, "sv", exercise))
    choose(page, path[0])
    choose(page, path[1])
    page.reload()
    assert squash(state(page)["title"]) == title_of(exercise, nodes[2], "sv")
    assert plain(exercise.nodes[nodes[1]].choices[path[1]].feedback.sv) in squash(state(page)["feedback"])

    page.locator(f"{STAGE} .branching-player__back").click()
    current = state(page)
    assert current["focused"]
    assert_situation(current, exercise, nodes[1], "sv")
    assert_feedback(current, exercise.nodes[nodes[0]].choices[path[0]], "sv")
    expect(page.locator(".branching-player__status")).to_contain_text(title_of(exercise, nodes[1], "sv"))
    page.reload()
    assert_situation(state(page), exercise, nodes[1], "sv")

    restart(page)
    current = state(page)
    assert_situation(current, exercise, exercise.start, "sv")
    assert current["chosen"] is None
    page.reload()
    assert_situation(state(page), exercise, exercise.start, "sv")

    stored = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    material_palette = [key for key in stored if key.endswith(".__palette")]  # the theme's own colour choice
    assert sorted(set(stored) - set(material_palette)) == [f"manualen.exercise.{exercise.id}"]
    assert json.loads(stored[f"manualen.exercise.{exercise.id}"])["path"] == []
    assert page.context.cookies() == []


def test_progress_follows_the_language_switch(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    path = paths_of(exercise)[0]
    page.goto(page_url(site_url, "sv", exercise))
    choose(page, path[0])
    page.locator("a.manual-language").click()
    page.wait_for_url(page_url(site_url, "en", exercise))
    current = state(page)
    assert_situation(current, exercise, visited_nodes(exercise, path)[1], "en")
    assert_feedback(current, exercise.nodes[exercise.start].choices[path[0]], "en")


def test_a_saved_path_that_no_longer_fits_the_graph_starts_afresh(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    page.goto(page_url(site_url, "sv", exercise))
    page.evaluate(
        "([key]) => localStorage.setItem(key, JSON.stringify({started: 0, path: [{node: 'finns-inte', choice: 0}]}))",
        [f"manualen.exercise.{exercise.id}"],
    )
    page.reload()
    assert_situation(state(page), exercise, exercise.start, "sv")


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_trainer_mode_shows_notes_questions_and_times_in_large_text(
    page: Page, site_url: str, exercise: Exercise, lang: str
) -> None:
    node = next(
        (n for n in (exercise.nodes[i] for i in visited_nodes(exercise, paths_of(exercise)[0])) if n.facilitator),
        None,
    )
    if node is None:
        pytest.skip("no trainer notes on the first path")
    page.goto(page_url(site_url, lang, exercise))
    path = paths_of(exercise)[0]
    for node_id, index in zip(visited_nodes(exercise, path), path, strict=False):
        if exercise.nodes[node_id] is node:
            break
        choose(page, index)
    notes = page.locator(f"{STAGE} .branching-node__facilitator")
    expect(notes).to_be_hidden()
    size_before = page.evaluate(f"() => parseFloat(getComputedStyle(document.querySelector('{STAGE}')).fontSize)")

    toggle = page.locator(".branching-player__facilitator")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(notes).to_be_visible()
    text = squash(notes.inner_text())
    assert plain(node.facilitator.get(lang)) in text
    for question in node.questions:
        assert plain(question.get(lang)) in text
    if node.minutes:
        assert f"{node.minutes} {ui('minutes', lang)}" in text
    size_after = page.evaluate(f"() => parseFloat(getComputedStyle(document.querySelector('{STAGE}')).fontSize)")
    assert size_after >= 1.25 * size_before

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(notes).to_be_hidden()


@ids
def test_export_downloads_the_round_with_the_time_at_each_situation(
    page: Page, site_url: str, exercise: Exercise
) -> None:
    path = max(paths_of(exercise), key=len)
    nodes = visited_nodes(exercise, path)
    freeze_clock(page)
    page.goto(page_url(site_url, "en", exercise))
    page.locator(".branching-player__group").fill("Group B")
    for step, index in enumerate(path):
        page.clock.run_for((30 + step) * 1000)
        choose(page, index)
    with page.expect_download() as download_info:
        page.locator(".branching-player__export").click()
    download = download_info.value
    assert download.suggested_filename == f"{exercise.id}-2024-03-05-group-b.json"
    record = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert set(record) == {
        "format",
        "exercise",
        "exercise_title",
        "language",
        "date",
        "group",
        "finished",
        "planned_minutes",
        "situations",
        "path",
        "reached",
        "seconds_per_situation",
    }
    assert record["format"] == SESSION_FORMAT
    assert record["exercise"] == exercise.id
    assert record["exercise_title"] == exercise.title.en
    assert (record["language"], record["date"], record["group"]) == ("en", "2024-03-05", "Group B")
    assert record["finished"] is True
    assert record["planned_minutes"] == exercise.duration_minutes
    assert record["situations"] == len(nodes)  # every path of the tests visits each situation once
    reached = {"situation": nodes[-1], "situation_title": title_of(exercise, nodes[-1], "en"), "end": True}
    assert record["reached"] == reached
    assert [(c["situation"], c["choice"] - 1, c["next"]) for c in record["path"]] == list(
        zip(nodes, path, nodes[1:], strict=False)
    )
    elapsed = 0
    for step, (entry, node_id, index) in enumerate(zip(record["path"], nodes, path, strict=False)):
        choice = exercise.nodes[node_id].choices[index]
        elapsed += 30 + step
        assert entry == {
            "situation": node_id,
            "situation_title": title_of(exercise, node_id, "en"),
            "planned_minutes": exercise.nodes[node_id].minutes,
            "seconds": 30 + step,
            "seconds_from_start": elapsed,
            "choice": index + 1,
            "label": plain(choice.label.en),
            "weak": choice.weak,
            "next": choice.next,
            "votes": None,
        }
    assert record["seconds_per_situation"] == {node_id: 30 + step for step, node_id in enumerate(nodes[:-1])}


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_print_shows_every_node_as_a_card_with_target_numbers(
    page: Page, site_url: str, exercise: Exercise, lang: str
) -> None:
    page.goto(page_url(site_url, lang, exercise))
    choose(page, paths_of(exercise)[0][0])  # the player is in use; print still shows all cards
    page.emulate_media(media="print")
    expect(page.locator(".branching-player")).to_be_hidden()
    cards = page.locator(".branching-node")
    expect(cards).to_have_count(len(exercise.nodes))
    numbers = card_numbers(exercise)
    for position, node_id in enumerate(card_order(exercise.start, exercise.nodes)):
        card = cards.nth(position)
        expect(card).to_be_visible()
        assert card.evaluate("c => getComputedStyle(c).breakAfter") == "page"
        assert card.get_attribute("data-node") == node_id
        text = card.inner_text()
        assert f"{ui('card', lang)} {numbers[node_id]}" in text
        node: ExerciseNode = exercise.nodes[node_id]
        for choice in node.choices:
            assert f"{ui('card', lang).lower()} {numbers[choice.next]})" in text
    expect(page.locator(".branching-closing")).to_be_visible()


def test_printed_cards_carry_the_trainer_notes_only_in_trainer_mode(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    with_notes = [node_id for node_id, node in exercise.nodes.items() if node.facilitator]
    page.goto(page_url(site_url, "sv", exercise))
    page.emulate_media(media="print")
    notes = page.locator(".branching-document .branching-node__facilitator")
    expect(notes).to_have_count(len(with_notes))
    for position in range(len(with_notes)):
        expect(notes.nth(position)).to_be_hidden()
    page.emulate_media(media="screen")
    page.locator(".branching-player__facilitator").click()
    page.emulate_media(media="print")
    for position, node_id in enumerate(with_notes):
        expect(notes.nth(position)).to_be_visible()
        assert plain(exercise.nodes[node_id].facilitator.sv)[:60] in squash(notes.nth(position).inner_text())


def test_without_javascript_the_choices_are_in_page_links(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    exercise = EXERCISES[0]
    page.goto(page_url(site_url, "sv", exercise))
    expect(page.locator(".branching-player")).to_have_count(0)
    expect(page.locator(f"#node-{exercise.start}")).to_be_visible()
    choice = exercise.nodes[exercise.start].choices[0]
    page.locator(f"#node-{exercise.start} .branching-choice__link").first.click()
    assert page.url.endswith(f"#node-{choice.next}")
    expect(page.locator(f"#node-{choice.next}")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_an_exercise_page_requests_nothing_from_other_hosts(page: Page, site_url: str, lang: str) -> None:
    exercise = EXERCISES[0]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_url(site_url, lang, exercise), wait_until="networkidle")
    choose(page, 0)
    with page.expect_download():
        page.locator(".branching-player__export").click()
    own = urlparse(site_url).netloc
    assert any(url.endswith("assets/manual/branching.js") for url in requested)
    foreign = [u for u in requested if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != own]
    assert foreign == []
    assert page.context.cookies() == []


def test_the_player_works_from_file_without_a_server(page: Page, built_site: Path) -> None:
    exercise = EXERCISES[0]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((built_site / "ovningar" / exercise.id / "index.html").as_uri())
    path = paths_of(exercise)[0]
    for index in path:
        choose(page, index)
    assert_debrief(state(page), exercise, path, "sv")
    assert {urlparse(url).scheme for url in requested} <= {"file", "blob", "data"}
