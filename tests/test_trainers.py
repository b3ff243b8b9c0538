"""Trainers in a room: presentation mode, the presenter view, group votes, the three prints, rounds as
files and the debrief across groups (ovningar/genomgang/).

Everything is derived from case_exercises/*.yml: every exercise, its situations, choices and weak choices.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_tools.branching import SESSION_FORMAT, SESSIONS_PAGE, card_order
from build_tools.model import Exercise
from build_tools.render import ui_strings

from .conftest import LANGS, assert_no_axe_violations, built_page, plain, squash, tree_walk, ui
from .players import (
    DAY,
    EXERCISES,
    STAGE,
    assert_debrief,
    assert_situation,
    card_numbers,
    choose,
    freeze_clock,
    ids,
    page_url,
    paths_of,
    restart,
    session_record,
    state,
    title_of,
    visited_nodes,
    watch,
)

PRESENTER = ".branching-presenter__stage"
PROJECTOR = {"width": 1366, "height": 768}
# what neither the projected page nor the presenter view shows: the site's header, navigation, banner,
# footer and the page's title
SITE_CHROME = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-banner",
    ".manual-emergency",
    "article > h1",
)
# what a projected page must not show: that, the edition strip, the phone's call bar, page metadata
SITE_AROUND = (
    *SITE_CHROME,
    ".manual-edition",
    ".manual-quickbar",
    ".manual-exercise-facts",
    ".branching-player__tools",
    f"{STAGE} .branching-node__context",
    f"{STAGE} .branching-node__number",
)


def longest(exercise: Exercise) -> list[int]:
    return max(paths_of(exercise), key=len)


def sessions_url(site_url: str, lang: str) -> str:
    return f"{site_url}{'' if lang == 'sv' else '/en'}/ovningar/{SESSIONS_PAGE}/"


def font_size(page: Page, selector: str) -> float:
    return page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector)


def assert_hidden(page: Page, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        for element in page.locator(selector).all():
            expect(element, selector).to_be_hidden()


def present(page: Page) -> None:
    page.locator(".branching-player__present").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bmanual-presenting\b"))


def stub_print(page: Page) -> None:
    """window.print() opens a dialog; the tests look at the print layout with emulated print media instead."""
    page.evaluate("() => { window.print = () => {}; }")


def axe(page: Page, source: str) -> None:
    assert_no_axe_violations(page, source)


# --- the pages, as built -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_exercise_index_links_to_the_debrief_across_groups(built_site: Path, lang: str) -> None:
    index = built_page(built_site, lang, "ovningar")
    assert f'<a href="{SESSIONS_PAGE}/">{ui("sessions_title", lang)}</a>' in index


@pytest.mark.parametrize("lang", LANGS)
def test_the_debrief_across_groups_draws_every_exercise_from_the_data(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, f"ovningar/{SESSIONS_PAGE}")
    script = re.search(r'<script class="manual-sessions__data" type="application/json">(.*?)</script>', markup)
    data = json.loads(script.group(1))
    assert data["format"] == SESSION_FORMAT
    assert set(data["exercises"]) == {exercise.id for exercise in EXERCISES}
    for exercise in EXERCISES:
        entry = data["exercises"][exercise.id]
        assert entry["start"] == exercise.start
        assert entry["order"] == card_order(exercise.start, exercise.nodes)
        assert entry["nodes"] == {
            node_id: {
                "end": node.end,
                "minutes": node.minutes,
                "choices": [{"next": c.next, "weak": c.weak} for c in node.choices],
            }
            for node_id, node in exercise.nodes.items()
        }
        opening = f'<section class="manual-sessions__exercise" data-exercise="{exercise.id}" hidden>'
        section = re.search(re.escape(opening) + "(.*?)</section>", markup, re.S)
        assert section, exercise.id
        block = section.group(1)
        assert re.findall(r'<li class="manual-sessions__node[^"]*" data-node="([^"]+)"', block) == entry["order"]
        weak = sum(choice.weak for node in exercise.nodes.values() for choice in node.choices)
        assert block.count(ui("weak_choice", lang)) == weak
    assert set(data["labels"].values()) <= {value[lang] for value in ui_strings().values()}


# --- presentation mode ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_mode_on_a_projector_shows_the_situation_and_its_choices_only(
    page: Page, site_url: str, lang: str
) -> None:
    exercise = next(e for e in EXERCISES if e.nodes[e.start].facilitator)
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    page.set_viewport_size(PROJECTOR)
    page.goto(page_url(site_url, lang, exercise))
    normal = font_size(page, STAGE)
    page.locator(".branching-player__facilitator").click()  # trainer mode: the notes show on the page
    notes = page.locator(f"{STAGE} .branching-node__facilitator")
    expect(notes).to_be_visible()

    present(page)
    assert_hidden(page, SITE_AROUND)
    expect(notes).to_be_hidden()  # trainer notes have their own switch in presentation mode
    current = state(page)
    assert_situation(current, exercise, exercise.start, lang)
    expect(page.locator(f"{STAGE} .branching-player__title")).to_be_in_viewport()
    assert font_size(page, STAGE) >= 1.4 * normal
    expect(page.locator(".branching-player__keys")).to_have_text(ui("player_keys", lang))
    for target in page.locator(".branching-player button:visible").all():
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, target.inner_text()

    page.keyboard.press("n")
    expect(notes).to_be_visible()
    assert plain(exercise.nodes[exercise.start].facilitator.get(lang))[:60] in squash(notes.inner_text())
    expect(page.locator(".branching-player__notes")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("n")
    expect(notes).to_be_hidden()
    page.keyboard.press("s")  # the theme's own one-key shortcut (search) stays off under the projector
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert page.evaluate("document.activeElement.matches('.md-search__input')") is False

    page.keyboard.press(str(path[0] + 1))
    choice = exercise.nodes[nodes[0]].choices[path[0]]
    current = state(page)
    assert_situation(current, exercise, nodes[1], lang)
    assert plain(choice.feedback.get(lang)) in squash(current["feedback"])
    expect(page.locator(f"{STAGE} .branching-player__feedback")).to_be_visible()
    assert_hidden(page, SITE_AROUND)

    page.reload()  # the mode survives a reload
    assert_hidden(page, SITE_AROUND)
    assert_situation(state(page), exercise, nodes[1], lang)
    page.keyboard.press("b")
    assert_situation(state(page), exercise, exercise.start, lang)
    page.keyboard.press("Escape")
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator(".branching-player__tools")).to_be_visible()
    expect(page.locator(".branching-player__facilitator")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("s")  # out of presentation mode the theme's search key works again
    assert page.evaluate("document.activeElement.matches('.md-search__input')") is True


@ids
def test_every_path_plays_by_number_keys_in_presentation_mode(page: Page, site_url: str, exercise: Exercise) -> None:
    """Every path by number keys, walked as a tree: B goes back to where the next path branches off (its
    title and number checked there), the path goes on from it and ends in its debrief. R and Enter start
    again once the last path is played."""
    page.goto(page_url(site_url, "sv", exercise))
    present(page)
    title = page.locator(f"{STAGE} .branching-player__title")
    progress = page.locator(f"{STAGE} .branching-player__progress")
    expect(progress).to_have_text(f"{ui('player_situation', 'sv')} 1")
    for steps_back, shared, path in tree_walk(paths_of(exercise)):
        nodes = visited_nodes(exercise, path)
        for _ in range(steps_back):
            page.keyboard.press("b")
        if steps_back:
            expect(title).to_have_text(title_of(exercise, nodes[shared], "sv"), use_inner_text=True)
            expect(progress).to_have_text(f"{ui('player_situation', 'sv')} {shared + 1}")
        for step in range(shared, len(path)):
            page.keyboard.press(str(path[step] + 1))
            expect(title).to_have_text(title_of(exercise, nodes[step + 1], "sv"), use_inner_text=True)
            expect(progress).to_have_text(f"{ui('player_situation', 'sv')} {step + 2}")
        assert_debrief(state(page), exercise, path, "sv")
    page.keyboard.press("r")
    expect(page.locator(f"{STAGE} .branching-player__confirm-yes")).to_be_focused()
    page.keyboard.press("Enter")
    expect(progress).to_have_text(f"{ui('player_situation', 'sv')} 1")
    expect(title).to_have_text(title_of(exercise, exercise.start, "sv"), use_inner_text=True)


# --- the presenter view ---------------------------------------------------------------------------


def assert_presenter_at(view: Page, exercise: Exercise, node_id: str, number: int, lang: str) -> None:
    expect(view.locator(f"{PRESENTER} .branching-player__title")).to_have_text(title_of(exercise, node_id, lang))
    card = f"{ui('card', lang)} {card_numbers(exercise)[node_id]}"
    expect(view.locator(f"{PRESENTER} .branching-player__progress")).to_have_text(
        f"{ui('player_situation', lang)} {number} · {card}"
    )
    node = exercise.nodes[node_id]
    text = squash(view.locator(PRESENTER).inner_text())
    if node.facilitator:
        assert plain(node.facilitator.get(lang))[:60] in text
    for question in node.questions:
        assert plain(question.get(lang)) in text
    numbers = card_numbers(exercise)
    items = view.locator(f"{PRESENTER} .branching-presenter__choice")
    expect(items).to_have_count(len(node.choices))
    for item, choice in zip(items.all(), node.choices, strict=True):
        line = squash(item.inner_text())
        assert plain(choice.label.get(lang)) in line
        assert plain(choice.feedback.get(lang)) in line
        assert (ui("weak_choice", lang) in line) == choice.weak
        assert f"→ {ui('card', lang)} {numbers[choice.next]}: {title_of(exercise, choice.next, lang)}" in line
    timers = view.locator(".branching-presenter__timers")
    expect(timers).to_contain_text(ui("presenter_elapsed", lang))
    if node.minutes and not node.end:
        expect(timers).to_contain_text(f"({ui('player_planned', lang).lower()} {node.minutes} {ui('minutes', lang)})")


# each exercise once, the languages taking turns: the presenter view shows what the player holds, and
# tests/test_exercises.py walks the player's every path in every language
@pytest.mark.parametrize(
    ("exercise", "lang"),
    [(exercise, LANGS[number % len(LANGS)]) for number, exercise in enumerate(EXERCISES)],
    ids=lambda value: getattr(value, "id", value),
)
def test_the_presenter_view_follows_every_choice_back_and_restart(
    context: BrowserContext, page: Page, site_url: str, exercise: Exercise, lang: str
) -> None:
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    page.set_viewport_size(PROJECTOR)
    page.goto(page_url(site_url, lang, exercise))
    present(page)
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value  # opened by the projected window: postMessage and BroadcastChannel
    second = context.new_page()  # opened by hand: BroadcastChannel only
    second.goto(page_url(site_url, lang, exercise) + "#presenter")
    views = (presenter, second)
    for view in views:
        expect(view.locator(".branching-presenter__connection")).to_have_text(ui("presenter_following", lang))
        assert_presenter_at(view, exercise, exercise.start, 1, lang)
        assert_hidden(view, SITE_CHROME)

    for step, index in enumerate(path):
        page.keyboard.press(str(index + 1))
        for view in views:
            assert_presenter_at(view, exercise, nodes[step + 1], step + 2, lang)
            last = squash(view.locator(f"{PRESENTER} .branching-player__feedback").inner_text())
            assert plain(exercise.nodes[nodes[step]].choices[index].label.get(lang)) in last
    end = exercise.nodes[nodes[-1]]
    for view in views:
        expect(view.locator(f"{PRESENTER} .branching-node__outcome")).to_contain_text(plain(end.outcome.get(lang))[:40])
        expect(view.locator(f"{PRESENTER} .branching-presenter__choice")).to_have_count(0)

    page.keyboard.press("b")
    for view in views:
        assert_presenter_at(view, exercise, nodes[-2], len(path), lang)
    page.keyboard.press("r")
    page.keyboard.press("Enter")
    for view in views:
        assert_presenter_at(view, exercise, exercise.start, 1, lang)

    # the presenter view also leads: a choice made there is made in the projected window
    presenter.locator(f"{PRESENTER} .branching-presenter__choose").nth(path[0]).click()
    expect(page.locator(f"{STAGE} .branching-player__title")).to_have_text(
        title_of(exercise, nodes[1], lang), use_inner_text=True
    )
    assert_presenter_at(second, exercise, nodes[1], 2, lang)
    presenter.locator(f"{PRESENTER} .branching-player__back").click()
    expect(page.locator(f"{STAGE} .branching-player__title")).to_have_text(
        title_of(exercise, exercise.start, lang), use_inner_text=True
    )
    assert page.evaluate("Object.keys(localStorage)") == [f"manualen.exercise.{exercise.id}"]


def test_the_presenter_view_finds_the_projected_window_again_after_a_reload(browser: Browser, site_url: str) -> None:
    """Without a BroadcastChannel only the presenter view knows the other window (its opener): it
    says hello until the reloaded projected window answers."""
    exercise = EXERCISES[0]
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    context = browser.new_context()
    context.add_init_script("delete window.BroadcastChannel;")
    page = context.new_page()
    page.goto(page_url(site_url, "sv", exercise))
    with page.expect_popup() as popup:
        page.locator(".branching-player__tools .branching-player__open-presenter").click()
    presenter = popup.value
    assert_presenter_at(presenter, exercise, exercise.start, 1, "sv")
    page.reload()
    choose(page, path[0])
    assert_presenter_at(presenter, exercise, nodes[1], 2, "sv")
    context.close()


# --- rounds: asking on reopening, restart, the counter, tried choices ----------------------------


def test_reopening_asks_to_continue_at_the_situation_or_to_start_a_new_round(
    context: BrowserContext, site_url: str
) -> None:
    exercise = EXERCISES[0]
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    url = page_url(site_url, "sv", exercise)
    page = context.new_page()
    page.goto(url)
    choose(page, path[0])
    choose(page, path[1])
    page.reload()  # a reload continues without asking
    assert_situation(state(page), exercise, nodes[2], "sv")
    present(page)
    page.close()

    again = context.new_page()
    again.goto(url)
    expect(again.locator(f"{STAGE} .branching-player__title")).to_have_text(
        ui("player_resume_title", "sv"), use_inner_text=True
    )
    text = ui("player_resume_text", "sv").format(date=r"\d{4}-\d\d-\d\d", n=3, title=title_of(exercise, nodes[2], "sv"))
    expect(again.locator(f"{STAGE} .branching-player__resume-text")).to_have_text(re.compile(text))
    expect(again.locator("html")).to_have_class(re.compile(r"\bmanual-presenting\b"))  # the mode came along
    expect(again.locator(f"{STAGE} .branching-player__continue")).to_have_text(
        ui("player_resume_continue", "sv").format(n=3)
    )
    again.locator(f"{STAGE} .branching-player__continue").click()
    assert_situation(state(again), exercise, nodes[2], "sv")
    again.close()

    third = context.new_page()
    third.goto(url)
    third.locator(f"{STAGE} .branching-player__new-round").click()
    current = state(third)
    assert_situation(current, exercise, exercise.start, "sv")
    assert current["chosen"] is None
    expect(third.locator("html")).to_have_class(re.compile(r"\bmanual-presenting\b"))
    stored = json.loads(third.evaluate(f"localStorage.getItem('manualen.exercise.{exercise.id}')"))
    assert stored["path"] == [] and stored["votes"] == {}


def test_a_round_continued_later_does_not_count_the_pause(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    path = longest(exercise)
    freeze_clock(page)
    url = page_url(site_url, "en", exercise)
    page.goto(url)
    page.clock.run_for(20_000)
    choose(page, path[0])
    page.clock.run_for(10_000)
    page.goto(f"{site_url}/en/")  # the trainer leaves the page ...
    page.clock.fast_forward(3_600_000)  # ... for an hour
    page.goto(url)
    page.locator(f"{STAGE} .branching-player__continue").click()
    page.clock.run_for(5_000)
    with page.expect_download() as download_info:
        page.locator(".branching-player__export").click()
    record = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert record["path"][0]["seconds"] == 20
    assert record["reached"]["seconds"] == 15


def test_restart_asks_first_and_cancel_keeps_the_round(page: Page, site_url: str) -> None:
    exercise = EXERCISES[0]
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    page.goto(page_url(site_url, "sv", exercise))
    choose(page, path[0])
    page.locator(f"{STAGE} .branching-player__restart").click()
    confirm = page.locator(f"{STAGE} .branching-player__confirm")
    expect(confirm).to_have_attribute("role", "group")
    expect(confirm).to_contain_text(ui("player_confirm_restart", "sv"))
    expect(page.locator(f"{STAGE} .branching-player__confirm-yes")).to_be_focused()
    page.locator(f"{STAGE} .branching-player__cancel").click()
    assert_situation(state(page), exercise, nodes[1], "sv")
    expect(page.locator(f"{STAGE} .branching-player__restart")).to_be_focused()
    restart(page)
    assert_situation(state(page), exercise, exercise.start, "sv")
    assert state(page)["chosen"] is None


def loop_back(exercise: Exercise) -> tuple[list[int], int] | None:
    """A path to a situation with a choice that leads back to that same situation (a weak loop), and
    that choice; None if the exercise has none."""
    for path in paths_of(exercise):
        nodes = visited_nodes(exercise, path)
        for position, node_id in enumerate(nodes[:-1]):
            for index, choice in enumerate(exercise.nodes[node_id].choices):
                if choice.next == node_id:
                    return path[:position], index
    return None


@ids
def test_a_weak_loop_keeps_the_counter_and_marks_the_choice_tried(
    page: Page, site_url: str, exercise: Exercise
) -> None:
    found = loop_back(exercise)
    if found is None:
        pytest.skip("no choice leads back to its own situation in this exercise")
    prefix, index = found
    nodes = visited_nodes(exercise, prefix)
    page.goto(page_url(site_url, "sv", exercise))
    for step in prefix:
        choose(page, step)
    progress = page.locator(f"{STAGE} .branching-player__progress")
    counter = f"{ui('player_situation', 'sv')} {len(nodes)}"
    expect(progress).to_have_text(counter)
    expect(page.locator(f"{STAGE} .branching-player__tried")).to_have_count(0)
    choose(page, index)
    current = state(page)
    assert_situation_with_tried = [plain(c.label.sv) for c in exercise.nodes[nodes[-1]].choices]
    assert_situation_with_tried[index] += f" {ui('player_tried', 'sv')}"
    assert [squash(label) for label in current["choices"]] == assert_situation_with_tried
    assert squash(current["title"]) == title_of(exercise, nodes[-1], "sv")
    assert plain(exercise.nodes[nodes[-1]].choices[index].feedback.sv) in squash(current["feedback"])
    expect(progress).to_have_text(counter)  # the same situation: no new number
    expect(page.locator(f"{STAGE} .branching-player__tried")).to_have_count(1)
    other = next(i for i, c in enumerate(exercise.nodes[nodes[-1]].choices) if c.next != nodes[-1])
    choose(page, other)
    expect(progress).to_have_text(f"{ui('player_situation', 'sv')} {len(nodes) + 1}")
    expect(page.locator(f"{STAGE} .branching-player__tried")).to_have_count(0)


# --- group votes, the file of a round, the debrief ------------------------------------------------


def vote_counts(choices: int, step: int) -> tuple[list[int], list[int] | None]:
    first = [step + option + 1 for option in range(choices)]
    second = [2 * option + step for option in range(choices)] if step % 2 == 0 else None
    return first, second


def share(count: int, counts: list[int], lang: str) -> str:
    percent = int(100 * count / sum(counts) + 0.5) if sum(counts) else 0  # halves up, as Intl rounds
    return f"{percent}\xa0%" if lang == "sv" else f"{percent}%"


@pytest.mark.parametrize("lang", LANGS)
def test_votes_show_under_the_choices_go_into_the_file_and_into_the_debrief(
    page: Page, site_url: str, lang: str
) -> None:
    exercise = EXERCISES[0] if lang == "sv" else EXERCISES[-1]
    path = longest(exercise)
    nodes = visited_nodes(exercise, path)
    freeze_clock(page)
    page.goto(page_url(site_url, lang, exercise))
    page.locator(".branching-player__group").fill("Grupp 3")
    page.locator(f"{STAGE} .branching-player__votes-toggle").click()
    typed = []
    for step, index in enumerate(path):
        choices = len(exercise.nodes[nodes[step]].choices)
        first, second = vote_counts(choices, step)
        typed.append((first, second))
        for option in range(choices):
            page.locator(f'{STAGE} .branching-player__vote-input[data-round="first"][data-choice="{option}"]').fill(
                str(first[option])
            )
            if second:
                selector = f'{STAGE} .branching-player__vote-input[data-round="second"][data-choice="{option}"]'
                page.locator(selector).fill(str(second[option]))
        bars = page.locator(f"{STAGE} .branching-player__choice-list > li")
        for option in range(choices):
            votes = bars.nth(option).locator(".branching-player__vote-value")
            expect(votes).to_have_count(2 if second else 1)
            expected = f"{first[option]} {ui('player_vote_count', lang)} ({share(first[option], first, lang)})"
            expect(votes.first).to_have_text(expected)
            if second:
                expected = f"{second[option]} {ui('player_vote_count', lang)} ({share(second[option], second, lang)})"
                expect(votes.last).to_have_text(expected)
        page.clock.run_for(60_000)
        choose(page, index)

    # the debrief: the votes next to the choice made and the recommended ones
    table = page.locator(f"{STAGE} .branching-player__votes-compare")
    expect(table.locator("tbody")).to_have_count(len(path))
    for step, (index, body) in enumerate(zip(path, table.locator("tbody").all(), strict=True)):
        node = exercise.nodes[nodes[step]]
        first, second = typed[step]
        rows = body.locator("tr")
        expect(rows).to_have_count(len(node.choices))
        expect(rows.first.locator("th").first).to_have_text(title_of(exercise, nodes[step], lang))
        for option, choice in enumerate(node.choices):
            cells = [squash(text) for text in rows.nth(option).locator("th, td").all_inner_texts()][-5:]
            assert cells[0] == f"{option + 1}. {plain(choice.label.get(lang))}"
            assert cells[1].startswith(f"{first[option]} {ui('player_vote_count', lang)}")
            assert cells[2].startswith(f"{second[option]} ") if second else cells[2] == "–"
            assert cells[3] == (ui("player_chosen", lang) if option == index else "")
            assert cells[4] == ui("weak_choice" if choice.weak else "player_recommended", lang)

    # the file of the round
    with page.expect_download() as download_info:
        page.locator(".branching-player__export").click()
    download = download_info.value
    assert download.suggested_filename == f"{exercise.id}-2024-03-05-grupp-3.json"
    record = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert [entry["votes"] for entry in record["path"]] == [{"first": f, "second": s} for f, s in typed]
    assert [entry["seconds"] for entry in record["path"]] == [60] * len(path)
    with page.expect_download() as csv_info:
        page.locator(".branching-player__export-csv").click()
    assert csv_info.value.suggested_filename == f"{exercise.id}-2024-03-05-grupp-3.csv"
    lines = Path(csv_info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith('"exercise","date","group","decision"')
    assert len(lines) == 1 + sum(len(exercise.nodes[n].choices) for n in nodes[:-1])

    # the group's own debrief on paper
    stub_print(page)
    page.locator(".branching-player__print-debrief").click()
    page.emulate_media(media="print")
    summary = page.locator(".branching-print")
    expect(summary).to_be_visible()
    expect(page.locator(".branching-document")).to_be_hidden()
    expect(page.locator(".manual-exercise-facts")).to_be_hidden()
    expect(summary.locator(".branching-player__votes-compare tbody")).to_have_count(len(path))
    expect(summary).to_contain_text("Grupp 3")
    expect(summary).to_contain_text("2024-03-05")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".branching")).not_to_have_attribute("data-print", re.compile("."))

    # the debrief across groups reads the file
    page.emulate_media(media="screen")
    page.goto(sessions_url(site_url, lang))
    page.locator(".manual-sessions__file").set_input_files(download.path())
    section = page.locator(f'.manual-sessions__exercise[data-exercise="{exercise.id}"]')
    expect(section).to_be_visible()
    for step, node_id in enumerate(nodes[:-1]):
        first, second = typed[step]
        for option in range(len(first)):
            votes = section.locator(f'[data-node="{node_id}"] [data-choice="{option}"] .manual-sessions__votes')
            expected = ui("sessions_votes", lang).format(first=first[option], second=second[option] if second else 0)
            expect(votes).to_have_text(f" · {expected}")


# --- printing: participant cards and the trainer's key --------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@ids
def test_participant_cards_hold_situations_and_choices_but_no_feedback_and_no_weak_marking(
    page: Page, site_url: str, exercise: Exercise, lang: str
) -> None:
    page.goto(page_url(site_url, lang, exercise))
    stub_print(page)
    page.locator(".branching-player__print-cards").click()
    page.emulate_media(media="print")
    printed = page.locator("article.md-content__inner").inner_text()
    text = squash(printed)
    expect(page.locator(".branching-node")).to_have_count(len(exercise.nodes))
    assert ui("branching_cards_hint", lang) in text
    assert ui("weak_choice", lang) not in printed
    assert f"{ui('feedback', lang)}:" not in printed and f"{ui('feedback', lang)} –" not in printed
    assert f"({ui('leads_to', lang)}" not in printed
    assert ui("facilitator_notes", lang) not in printed
    if exercise.summary:
        assert plain(exercise.summary.get(lang))[:60] not in text
    for node_id, node in exercise.nodes.items():
        assert title_of(exercise, node_id, lang) in text
        assert plain(node.text.get(lang))[:80] in text
        if node.outcome:
            assert plain(node.outcome.get(lang))[:60] in text
        if node.facilitator:
            assert plain(node.facilitator.get(lang))[:60] not in text
        for question in node.questions:
            assert plain(question.get(lang)) not in text
        for choice in node.choices:
            assert plain(choice.label.get(lang)) in text
            assert plain(choice.feedback.get(lang))[:60] not in text
    for question in exercise.questions:
        assert plain(question.get(lang)) not in text
    expect(page.locator(".branching-choice__feedback:visible")).to_have_count(0)
    expect(page.locator(".branching-weak:visible")).to_have_count(0)
    breaks = page.eval_on_selector_all(".branching-node", "cards => cards.map(c => getComputedStyle(c).breakAfter)")
    assert breaks == ["page"] * len(exercise.nodes)

    # the trainer's key: all of it, the notes included
    page.emulate_media(media="screen")
    page.locator(".branching-player__print-key").click()
    page.emulate_media(media="print")
    printed = page.locator("article.md-content__inner").inner_text()
    text = squash(printed)
    assert ui("branching_key_hint", lang) in text
    weak = sum(choice.weak for node in exercise.nodes.values() for choice in node.choices)
    expect(page.locator(".branching-document .branching-weak:visible")).to_have_count(weak)
    numbers = card_numbers(exercise)
    for node in exercise.nodes.values():
        if node.facilitator:
            assert plain(node.facilitator.get(lang))[:60] in text
        if node.minutes:
            assert f"{ui('time_for_part', lang)}: {node.minutes} {ui('minutes', lang)}" in text
        for question in node.questions:
            assert plain(question.get(lang)) in text
        for choice in node.choices:
            assert plain(choice.feedback.get(lang))[:60] in text
            assert f"({ui('leads_to', lang)} {ui('card', lang).lower()} {numbers[choice.next]})" in text


# --- the debrief across groups -------------------------------------------------------------------


def clock_text(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_debrief_across_groups_counts_three_rounds_of_one_exercise(
    page: Page, site_url: str, tmp_path: Path, lang: str
) -> None:
    exercise = EXERCISES[0]
    paths = paths_of(exercise)
    chosen = [paths[0], paths[len(paths) // 2], paths[-1]]
    groups = ["Grupp A", None, "Grupp C"]
    paces = [200, 400, 700]  # seconds per situation grow along the path
    files = []
    for number, (path, group, pace) in enumerate(zip(chosen, groups, paces, strict=True)):
        target = tmp_path / f"{exercise.id}-{DAY}-{number}.json"
        target.write_text(json.dumps(session_record(exercise, path, group, "sv", pace)), encoding="utf-8")
        files.append(target)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": SESSION_FORMAT, "exercise": "finns-inte", "path": []}), encoding="utf-8")

    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(sessions_url(site_url, lang))
    expect(page.locator(".manual-sessions__exercise:visible")).to_have_count(0)
    page.locator(".manual-sessions__file").set_input_files([*files, broken, other])
    expect(page.locator(".manual-sessions__status")).to_have_text(ui("sessions_loaded", lang).format(n=3))
    messages = page.locator(".manual-sessions__messages li")
    expect(messages).to_have_count(2)
    expect(messages.first).to_have_text(ui("sessions_error_read", lang).format(file="broken.json"))
    expect(messages.last).to_have_text(ui("sessions_error_unknown", lang).format(file="other.json", id="finns-inte"))
    expect(page.locator(".manual-sessions__exercise:visible")).to_have_count(1)
    section = page.locator(f'.manual-sessions__exercise[data-exercise="{exercise.id}"]')
    expect(section.locator(".manual-sessions__groups li")).to_have_count(3)

    # the exercise as a graph: how many groups reached each situation and took each choice
    taken: dict[tuple[str, int], int] = {}
    reached: dict[str, int] = {}
    for path in chosen:
        nodes = visited_nodes(exercise, path)
        for node_id in set(nodes):
            reached[node_id] = reached.get(node_id, 0) + 1
        for node_id, index in set(zip(nodes, path, strict=False)):
            taken[node_id, index] = taken.get((node_id, index), 0) + 1
    for node_id, node in exercise.nodes.items():
        item = section.locator(f'.manual-sessions__node[data-node="{node_id}"]')
        expect(item.locator(".manual-sessions__reached")).to_have_text(
            ui("sessions_reached", lang).format(n=reached.get(node_id, 0), total=3)
        )
        for index, _choice in enumerate(node.choices):
            expect(item.locator(f'[data-choice="{index}"] .manual-sessions__took')).to_have_text(
                ui("sessions_took", lang).format(n=taken.get((node_id, index), 0), total=3)
            )

    # the most common weak choices, most groups first
    order = card_order(exercise.start, exercise.nodes)
    weak = sorted(
        ((n, node_id, index) for (node_id, index), n in taken.items() if exercise.nodes[node_id].choices[index].weak),
        key=lambda entry: (-entry[0], order.index(entry[1]), entry[2]),
    )
    listed = section.locator(".manual-sessions__weak-list li")
    expect(listed).to_have_count(len(weak))
    for item, (n, node_id, index) in zip(listed.all(), weak, strict=True):
        assert (item.get_attribute("data-node"), item.get_attribute("data-choice")) == (node_id, str(index))
        assert ui("sessions_weak_took", lang).format(n=n, total=3) in item.inner_text()

    # time per situation against the planned minutes
    rows = section.locator(".manual-sessions__times-table tbody tr")
    visited = [n for n in order if not exercise.nodes[n].end and n in reached]
    expect(rows).to_have_count(len(visited))
    for row, node_id in zip(rows.all(), visited, strict=True):
        assert row.get_attribute("data-node") == node_id
        cells = row.locator("td").all_inner_texts()
        minutes = exercise.nodes[node_id].minutes
        assert cells[0] == (f"{minutes} {ui('minutes', lang)}" if minutes else "–")
        times = []
        for cell, path, pace in zip(cells[1:4], chosen, paces, strict=True):
            nodes = visited_nodes(exercise, path)
            if node_id in nodes[:-1]:
                times.append(pace * (nodes.index(node_id) + 1))
                assert cell == clock_text(times[-1])
            else:
                assert cell == "–"
        average = sum(times) / len(times)
        over = bool(minutes) and average > minutes * 60
        assert cells[4] == clock_text(average) + (f" ({ui('sessions_over', lang)})" if over else "")
    assert all(url.startswith(site_url) for url in requested)
    assert page.evaluate("Object.keys(localStorage)") == []

    page.locator(".manual-sessions__clear").click()
    expect(page.locator(".manual-sessions__exercise:visible")).to_have_count(0)
    expect(page.locator(".manual-sessions__status")).to_have_text(ui("sessions_none_loaded", lang))


# --- accessibility and small screens --------------------------------------------------------------


def test_the_trainer_tools_are_accessible_in_every_state(
    context: BrowserContext,
    site_url: str,
    axe_source: str,
) -> None:
    exercise = EXERCISES[0]
    path = longest(exercise)
    page = context.new_page()
    page.goto(page_url(site_url, "sv", exercise))
    page.locator(f"{STAGE} .branching-player__votes-toggle").click()
    page.locator(f'{STAGE} .branching-player__vote-input[data-choice="0"]').first.fill("4")
    choose(page, path[0])
    page.locator(f"{STAGE} .branching-player__restart").click()
    axe(page, axe_source)  # votes open, restart asking
    page.locator(f"{STAGE} .branching-player__cancel").click()
    present(page)
    page.keyboard.press("n")
    axe(page, axe_source)  # presentation mode with the notes
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value
    expect(presenter.locator(".branching-presenter__connection")).to_have_text(ui("presenter_following", "sv"))
    axe(presenter, axe_source)
    for index in path[1:]:
        page.keyboard.press(str(index + 1))
    axe(page, axe_source)  # the debrief with its tables
    again = context.new_page()
    again.goto(page_url(site_url, "sv", exercise))
    expect(again.locator(f"{STAGE} .branching-player__continue")).to_be_visible()
    axe(again, axe_source)  # asking to continue


@pytest.mark.parametrize("width", [390, 320])
def test_presentation_and_the_debrief_across_groups_fit_a_phone(
    page: Page,
    site_url: str,
    tmp_path: Path,
    width: int,
    axe_source: str,
) -> None:
    exercise = EXERCISES[0]
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(page_url(site_url, "sv", exercise))
    targets = ".branching-player button:visible, .branching-player input:visible"
    for target in page.locator(targets).all():
        box = target.bounding_box()
        assert box["height"] >= 44, target.evaluate("e => e.outerHTML")[:80]
    present(page)
    page.locator(f"{STAGE} .branching-player__votes-toggle").click()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    for target in page.locator(targets).all():
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, target.evaluate("e => e.outerHTML")[:80]

    record = tmp_path / "round.json"
    record.write_text(json.dumps(session_record(exercise, longest(exercise), "A", "sv", 90)), encoding="utf-8")
    page.goto(sessions_url(site_url, "sv"))
    page.locator(".manual-sessions__file").set_input_files(record)
    expect(page.locator(".manual-sessions__exercise:visible")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
    for target in page.locator(".manual-sessions button:visible, .manual-sessions input:visible").all():
        assert target.bounding_box()["height"] >= 44
    axe(page, axe_source)


def test_the_trainer_tools_run_under_the_policy_without_errors(page: Page, site_url: str, tmp_path: Path) -> None:
    """No inline code: presentation, presenter view, votes, prints and the debrief across groups under the CSP."""
    exercise = EXERCISES[0]
    path = longest(exercise)
    events = watch(page)
    page.goto(page_url(site_url, "sv", exercise), wait_until="networkidle")
    present(page)
    page.keyboard.press("v")
    page.locator(f'{STAGE} .branching-player__vote-input[data-choice="0"]').first.fill("2")
    page.locator(f"{STAGE} .branching-player__title").focus()  # keys typed in a field are the field's
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value
    presenter_events = watch(presenter)
    presenter.reload()
    expect(presenter.locator(".branching-presenter__connection")).to_have_text(ui("presenter_following", "sv"))
    for index in path:
        page.keyboard.press(str(index + 1))
    assert_presenter_at(presenter, exercise, visited_nodes(exercise, path)[-1], len(path) + 1, "sv")
    page.keyboard.press("Escape")
    stub_print(page)
    for kind in ("cards", "key", "debrief"):
        page.locator(f".branching-player__print-{kind}").click()
    with page.expect_download() as download_info:
        page.locator(".branching-player__export").click()
    page.goto(sessions_url(site_url, "sv"), wait_until="networkidle")
    page.locator(".manual-sessions__file").set_input_files(download_info.value.path())
    expect(page.locator(".manual-sessions__exercise:visible")).to_have_count(1)
    assert events == [] and presenter_events == []
