"""The offline zip works from file://: navigation, search and the language switch, with no request outside it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page

from build_tools.build import OFFLINE_FOLDER, build_offline
from build_tools.load import load_manual

from .conftest import REPO, copy_repo

MANUAL = load_manual(REPO).manual


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
