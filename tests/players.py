"""Helpers for the tests that drive the exercise player, the decision aid and the search box: what
several test modules share is here (and in conftest.py), never imported from another test module."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page

from build_tools.branching import SESSION_FORMAT, card_order
from build_tools.graph import all_paths
from build_tools.load import load_manual
from build_tools.model import Exercise

from .conftest import (
    REPO,
    plain,
    squash,
    ui,
)

MANUAL = load_manual(REPO).manual


EXERCISES = MANUAL.exercises


STAGE = ".branching-player__stage"


def paths_of(exercise: Exercise) -> list[list[int]]:
    edges = {node_id: [choice.next for choice in node.choices] for node_id, node in exercise.nodes.items()}
    ends = {node_id for node_id, node in exercise.nodes.items() if node.end}
    return all_paths(exercise.start, edges, ends)


def card_numbers(exercise: Exercise) -> dict[str, int]:
    return {node_id: index for index, node_id in enumerate(card_order(exercise.start, exercise.nodes), start=1)}


def title_of(exercise: Exercise, node_id: str, lang: str) -> str:
    node = exercise.nodes[node_id]
    return node.title.get(lang) if node.title else f"{ui('situation', lang)} {card_numbers(exercise)[node_id]}"


def visited_nodes(exercise: Exercise, path: list[int]) -> list[str]:
    nodes = [exercise.start]
    for index in path:
        nodes.append(exercise.nodes[nodes[-1]].choices[index].next)
    return nodes


def page_url(site_url: str, lang: str, exercise: Exercise) -> str:
    return f"{site_url}{'' if lang == 'sv' else '/en'}/ovningar/{exercise.id}/"


ids = pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)


STATE_JS = """() => {
  const stage = document.querySelector('.branching-player__stage');
  const q = (s) => stage.querySelector(s);
  const text = (s) => q(s) ? q(s).innerText : null;
  const all = (s) => [...stage.querySelectorAll(s)];
  return {
    title: text('.branching-player__title'),
    focused: document.activeElement === q('.branching-player__title'),
    text: text('.branching-node__text'),
    chosen: text('.branching-player__chosen'),
    feedback: text('.branching-player__feedback .branching-choice__feedback'),
    choices: all('.branching-player__choice').map((b) => b.innerText),
    outcome: text('.branching-node__outcome'),
    path: all('.branching-player__path > li').map((li) => li.innerText),
    weak: all('.branching-player__weak > li').map((li) => li.innerText),
    steps: all('.branching-player__involved--step a').map((a) => a.dataset.step),
    actors: all('.branching-player__involved--actor a').map((a) => a.dataset.actor),
    debrief: text('.branching-player__debrief'),
  };
}"""


def state(page: Page) -> dict:
    return page.evaluate(STATE_JS)


def assert_situation(current: dict, exercise: Exercise, node_id: str, lang: str) -> None:
    node = exercise.nodes[node_id]
    assert squash(current["title"]) == title_of(exercise, node_id, lang)
    assert squash(current["text"]) == plain(node.text.get(lang))
    assert [squash(label) for label in current["choices"]] == [plain(c.label.get(lang)) for c in node.choices]


def assert_feedback(current: dict, choice, lang: str) -> None:
    assert plain(choice.label.get(lang)) in squash(current["chosen"])
    assert plain(choice.feedback.get(lang)) in squash(current["feedback"])
    assert (ui("weak_choice", lang) in current["feedback"]) == choice.weak


def assert_debrief(current: dict, exercise: Exercise, path: list[int], lang: str) -> None:
    nodes = visited_nodes(exercise, path)
    end = exercise.nodes[nodes[-1]]
    assert end.end
    assert plain(end.outcome.get(lang)) in squash(current["outcome"])
    assert len(current["path"]) == len(path)
    taken = [exercise.nodes[node_id].choices[index] for node_id, index in zip(nodes, path, strict=False)]
    for line, choice in zip(current["path"], taken, strict=True):
        assert plain(choice.label.get(lang)) in squash(line)
        assert (ui("weak_choice", lang) in line) == choice.weak
    weak = [choice for choice in taken if choice.weak]
    assert len(current["weak"]) == len(weak)
    for line, choice in zip(current["weak"], weak, strict=True):
        assert plain(choice.label.get(lang)) in squash(line)
        assert plain(choice.feedback.get(lang)) in squash(line)
    if not weak:
        assert ui("player_no_weak_choices", lang) in current["debrief"]
    steps = {exercise.nodes[n].step for n in nodes}
    assert current["steps"] == [step.id for step in MANUAL.steps if step.id in steps]
    assert set(current["actors"]) == {actor for n in nodes for actor in exercise.nodes[n].actors}
    assert len(current["actors"]) == len(set(current["actors"]))
    if exercise.debrief:
        assert plain(exercise.debrief.get(lang))[:60] in squash(current["debrief"])
    for question in exercise.questions:
        assert plain(question.get(lang)) in squash(current["debrief"])


def choose(page: Page, index: int) -> None:
    page.locator(f'{STAGE} .branching-player__choice[data-choice="{index}"]').click()


def restart(page: Page) -> None:
    """Start again: an exercise asks first, so that a round is not lost by a slip."""
    page.locator(f"{STAGE} .branching-player__restart").click()
    page.locator(f"{STAGE} .branching-player__confirm-yes").click()


# the browser's clock in the tests: a fixed day, and time that moves only when a test moves it
SESSION_DAY = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def freeze_clock(page: Page) -> None:
    page.clock.install(time=SESSION_DAY)
    page.clock.pause_at(SESSION_DAY + timedelta(seconds=1))


DAY = SESSION_DAY.date().isoformat()  # the day a round played under freeze_clock is dated


def session_record(exercise: Exercise, path: list[int], group: str | None, lang: str, pace: int) -> dict:
    """A round as the player writes it (tests/test_exercises.py checks the player's own files)."""
    nodes = visited_nodes(exercise, path)
    entries = []
    for step, (node_id, index) in enumerate(zip(nodes, path, strict=False)):
        choice = exercise.nodes[node_id].choices[index]
        entries.append(
            {
                "situation": node_id,
                "situation_title": title_of(exercise, node_id, lang),
                "planned_minutes": exercise.nodes[node_id].minutes,
                "seconds": pace * (step + 1),
                "choice": index + 1,
                "label": plain(choice.label.get(lang)),
                "weak": choice.weak,
                "next": choice.next,
                "votes": None,
            }
        )
    return {
        "format": SESSION_FORMAT,
        "exercise": exercise.id,
        "language": lang,
        "date": DAY,
        "group": group,
        "finished": True,
        "path": entries,
        "reached": {"situation": nodes[-1], "end": True},
    }


AID = MANUAL.decision_aids[0]


def path_to(target: str) -> list[int]:
    """The answers (choice indices) that lead from the start to a card, breadth first."""
    queue, via = [AID.start], {AID.start: None}
    while queue:
        node = queue.pop(0)
        if node == target:
            answers: list[int] = []
            while via[node]:
                node, index = via[node]  # type: ignore[misc]
                answers.insert(0, index)
            return answers
        for index, choice in enumerate(AID.nodes[node].choices):
            if choice.next not in via:
                via[choice.next] = (node, index)
                queue.append(choice.next)
    raise AssertionError(target)


def watch(page: Page) -> list[str]:
    """Record everything that shows code ran or was blocked: dialogs, errors, CSP violations."""
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"error: {error}"))
    page.on("console", lambda message: events.append(f"console: {message.text}") if message.type == "error" else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return events


def pdf_pages(page: Page) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4")))


SEARCH_INPUT = "input[data-md-component=search-query]"


RESULT_GROUPS = ".md-search-result__list > li"


def site_path(href: str) -> str:
    """'http://host/en/steg/x/?h=word#anchor' -> 'en/steg/x/#anchor', like the gate's URLs."""
    url = urlparse(href)
    return url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")


def search_box(page: Page, query: str, site_path: Callable[[str], str] = site_path) -> list[list[str]]:
    """Type the query as a person does; return the result groups, each a list of site paths."""
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.press("End")  # Material searches on key events
    page.wait_for_selector(RESULT_GROUPS, state="detached")
    box.fill(query)
    box.press("End")
    page.wait_for_selector(RESULT_GROUPS, timeout=15_000)
    groups = page.eval_on_selector_all(
        RESULT_GROUPS, "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))"
    )
    return [[site_path(href) for href in group] for group in groups]
