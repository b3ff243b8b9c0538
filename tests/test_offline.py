"""The offline zip works from file://: navigation, search, the language switch, the decision aid and the
trainers' tools (presenter view, debrief across groups), with no request outside it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from build_tools.branching import SESSIONS_PAGE
from build_tools.build import OFFLINE_FOLDER, build_offline
from build_tools.load import load_manual

from .conftest import REPO, copy_repo, ui
from .players import RESULT_GROUPS, SEARCH_INPUT, paths_of, search_box, session_record, title_of, visited_nodes
from .search_gate import TOP, GateQuery, gate_queries, judge

MANUAL = load_manual(REPO).manual
QUERIES = gate_queries()


@pytest.fixture(scope="session")
def offline_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    root = copy_repo(work / "repo")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    archive = build_offline(root, work / "manualen.zip")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(work / "unpacked")
    return work / "unpacked" / OFFLINE_FOLDER


def outside(requests: list[str], folder: Path) -> list[str]:
    return [url for url in requests if not url.startswith(folder.as_uri() + "/") and not url.startswith("data:")]


def test_navigation_and_language_switch_from_file(page: Page, offline_folder: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((offline_folder / "index.html").as_uri())
    step = MANUAL.steps[1]
    page.locator("a.manual-process__title").nth(1).click()
    assert page.url == (offline_folder / "steg" / f"{step.id}.html").as_uri()
    assert step.title.sv in page.locator("h1").inner_text()
    page.locator("a.manual-language").click()
    assert page.url == (offline_folder / "en" / "steg" / f"{step.id}.html").as_uri()
    assert step.title.en in page.locator("h1").inner_text()
    assert outside(requested, offline_folder) == []


@pytest.mark.parametrize(("lang", "query"), [("sv", "betänketid"), ("en", "reflection period")])
def test_search_works_from_file(page: Page, offline_folder: Path, lang: str, query: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    start = offline_folder / ("index.html" if lang == "sv" else "en/index.html")
    page.goto(start.as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)  # keystrokes, as a person types
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert outside(requested, offline_folder) == []


def test_the_decision_aid_works_from_the_zip(page: Page, offline_folder: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((offline_folder / "en" / "tidsfrister.html").as_uri())
    page.locator("a.manual-emergency__aid").click()
    assert page.url == (offline_folder / "en" / "vad-gor-jag-nu.html").as_uri()
    aid = MANUAL.decision_aids[0]
    first = aid.nodes[aid.start]
    acute = next(index for index, choice in enumerate(first.choices) if aid.nodes[choice.next].end)
    page.locator(f'.branching-player__choice[data-choice="{acute}"]').click()
    card = aid.nodes[first.choices[acute].next]
    assert card.title.en in page.locator(".branching-player__title").inner_text()
    call = page.locator(".branching-player__stage [data-contact] a[href^='tel:']").first
    assert call.get_attribute("href") == MANUAL.contact_by_id[card.outcome.call[0]].tel_uri
    assert page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]") == [[], []]
    assert outside(requested, offline_folder) == []


@pytest.mark.parametrize("channel", [True, False], ids=["broadcast-channel", "post-message-only"])
def test_a_presentation_and_its_presenter_view_work_from_the_zip(
    browser: Browser, offline_folder: Path, channel: bool
) -> None:
    """Both windows opened from file://: over a BroadcastChannel, and where there is none, by postMessage."""
    exercise = MANUAL.exercises[0]
    path = next(p for p in paths_of(exercise) if len(p) >= 2)
    nodes = visited_nodes(exercise, path)
    context = browser.new_context()
    if not channel:
        context.add_init_script("delete window.BroadcastChannel;")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto((offline_folder / "ovningar" / f"{exercise.id}.html").as_uri())
    assert page.evaluate("typeof BroadcastChannel") == ("function" if channel else "undefined")
    page.locator(".branching-player__present").click()
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    presenter = popup.value
    title = presenter.locator(".branching-presenter__stage .branching-player__title")
    expect(title).to_have_text(title_of(exercise, exercise.start, "sv"))
    for step, index in enumerate(path[:2]):
        page.keyboard.press(str(index + 1))
        expect(title).to_have_text(title_of(exercise, nodes[step + 1], "sv"))
    page.keyboard.press("b")
    expect(title).to_have_text(title_of(exercise, nodes[1], "sv"))
    page.keyboard.press("r")
    page.keyboard.press("Enter")
    expect(title).to_have_text(title_of(exercise, exercise.start, "sv"))
    presenter.locator(".branching-presenter__choose").nth(path[0]).click()  # and the presenter leads
    expect(page.locator(".branching-player__stage .branching-player__title")).to_have_text(
        title_of(exercise, nodes[1], "sv"), use_inner_text=True
    )
    assert outside(requested, offline_folder) == []
    context.close()


def test_the_debrief_across_groups_reads_round_files_in_the_zip(
    page: Page, offline_folder: Path, tmp_path: Path
) -> None:
    exercise = MANUAL.exercises[0]
    path = paths_of(exercise)[0]
    record = tmp_path / "round.json"
    record.write_text(json.dumps(session_record(exercise, path, "Grupp A", "sv", 60)), encoding="utf-8")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((offline_folder / "ovningar" / "index.html").as_uri())
    page.locator(f'a[href="{SESSIONS_PAGE}.html"]').click()
    assert page.url == (offline_folder / "ovningar" / f"{SESSIONS_PAGE}.html").as_uri()
    page.locator(".manual-sessions__file").set_input_files(record)
    choice = page.locator(
        f'.manual-sessions__exercise[data-exercise="{exercise.id}"] [data-node="{exercise.start}"] '
        f'[data-choice="{path[0]}"] .manual-sessions__took'
    )
    expect(choice).to_have_text(ui("sessions_took", "sv").format(n=1, total=1))
    assert outside(requested, offline_folder) == []


@pytest.fixture(scope="module")
def offline_search(browser, offline_folder: Path):
    """One page per language of the unpacked zip, opened from file://, its search box ready."""
    pages = {}
    for lang, start in (("sv", "index.html"), ("en", "en/index.html")):
        page = browser.new_page()
        page.goto((offline_folder / start).as_uri(), wait_until="networkidle")
        page.locator(SEARCH_INPUT).click()
        pages[lang] = page
    yield pages
    for page in pages.values():
        page.close()


def zip_path(href: str, folder: Path) -> str:
    """'file:///…/manualen/en/steg/x.html?h=w#a' -> 'en/steg/x/#a', like the gate's URLs."""
    url = urlparse(href)
    path = url.path.removeprefix(urlparse(folder.as_uri()).path + "/")
    path = path.removesuffix("index.html").removesuffix(".html")
    if path and not path.endswith("/"):
        path += "/"
    return path + (f"#{url.fragment}" if url.fragment else "")


@pytest.mark.parametrize("query", QUERIES, ids=[q.id for q in QUERIES])
def test_offline_search_passes_the_gate(offline_search, offline_folder: Path, query: GateQuery) -> None:
    """The zip's search stems Swedish, splits compounds and knows the glossary, as over http."""
    groups = [
        [zip_path(href, offline_folder) for href in group]
        for group in search_box(offline_search[query.lang], query.query, site_path=lambda href: href)
    ][:TOP]
    pages = [group[0].split("#")[0] for group in groups]
    sections = [url for group in groups for url in group]
    assert judge(query, pages, sections) is None, judge(query, pages, sections)


@pytest.mark.parametrize("query", ["betänketiden", "betänkettid", "betänketd"])
def test_offline_typos_and_inflections_find_the_reflection_period(offline_search, offline_folder: Path, query: str):
    groups = search_box(offline_search["sv"], query, site_path=lambda href: href)[:TOP]
    sections = [zip_path(href, offline_folder) for group in groups for href in group]
    assert "steg/inledande-stod/#betanketid" in sections, sections
    assert offline_search["sv"].locator(RESULT_GROUPS).count() > 0
