"""`manual search`: the quality gate, ranked JSON, an index that follows the content, the glossary."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.load import load_manual
from build_tools.search.engine import Searcher, open_index
from build_tools.search.language import FILLER_WORDS, ConceptMatcher, Decompounder, concepts, vocabulary
from build_tools.search.sections import manual_sections

from .conftest import REPO, ui
from .search_gate import TOP, GateQuery, gate_queries, judge, top_pages

QUERIES = gate_queries()
MANUAL = load_manual(REPO).manual
SWEDISH = Decompounder(vocabulary((f"{s.title} {s.text}" for s in manual_sections(MANUAL, REPO, "sv")), MANUAL, "sv"))


def manual_search_json(capsys: pytest.CaptureFixture[str], *args: str, root: Path = REPO) -> list[dict]:
    capsys.readouterr()
    main(["search", "--json", "--root", str(root), *args])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("query", QUERIES, ids=[q.id for q in QUERIES])
def test_manual_search_finds_the_page_in_the_top_three(capsys: pytest.CaptureFixture[str], query: GateQuery) -> None:
    urls = [hit["url"] for hit in manual_search_json(capsys, "--lang", query.lang, query.query)]
    assert judge(query, top_pages(urls), urls[:TOP]) is None, judge(query, top_pages(urls), urls[:TOP])


def test_gate_queries_point_at_sections_that_exist() -> None:
    urls = {section.url for lang in ("sv", "en") for section in manual_sections(MANUAL, REPO, lang)}
    assert [target for q in QUERIES for target in (q.target, *q.also) if target not in urls] == []
    assert len(QUERIES) >= 100
    assert {q.lang for q in QUERIES} == {"sv", "en"}


def test_command_prints_ranked_json() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", "search", "--json", "betänketid"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    hits = json.loads(done.stdout)
    assert hits, "no results for betänketid"
    assert all({"title", "url", "score", "snippet"} <= hit.keys() for hit in hits)
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert "betanketid" in hits[0]["url"]
    assert "**" in hits[0]["snippet"], "the snippet marks the words that matched"


def test_english_results_link_to_the_english_site(capsys: pytest.CaptureFixture[str]) -> None:
    hits = manual_search_json(capsys, "--lang", "en", "reflection period")
    assert hits and all(hit["url"].startswith("en/") for hit in hits)


def test_index_is_rebuilt_when_the_content_changes(minimal_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    word = "zebrasamordning"
    assert manual_search_json(capsys, word, root=minimal_repo) == []
    step_file = next((minimal_repo / "steps").glob("01-*.yml"))
    step_file.write_text(
        step_file.read_text(encoding="utf-8").replace("summary: {sv: ", f"summary: {{sv: {word} ", 1),
        encoding="utf-8",
    )
    hits = manual_search_json(capsys, word, root=minimal_repo)
    assert [hit["url"] for hit in hits] == [f"steg/{step_file.stem.split('-', 1)[1]}/"]
    assert len(list((minimal_repo / ".cache" / "search").iterdir())) == 1, "the stale index was not removed"


def test_an_edit_of_the_decision_aid_is_found_at_once(minimal_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    word = "zebrafråga"
    assert manual_search_json(capsys, word, root=minimal_repo) == []  # the index now exists
    aid = minimal_repo / "decision_aid" / "first-contact.yml"
    aid.write_text(
        aid.read_text(encoding="utf-8").replace('"Vad gör jag nu?"', f'"Vad gör jag nu, {word}?"', 1), "utf-8"
    )
    hits = manual_search_json(capsys, word, root=minimal_repo)
    assert hits and hits[0]["url"].startswith("vad-gor-jag-nu/"), hits


def test_every_abbreviation_finds_where_its_term_is_used() -> None:
    """'LVU' finds sections that write LVU or the law's full name or a synonym: for every glossary
    abbreviation that the pages use, in both sites. (The other way round is in the gate.)"""
    folder = open_index(REPO)
    missed = []
    for lang in ("sv", "en"):
        searcher = Searcher(folder, lang)
        matcher = ConceptMatcher(concepts(MANUAL), lang)
        texts = {s.url: f"{s.title} {s.text}" for s in manual_sections(MANUAL, REPO, lang)}
        used = {concept.id for text in texts.values() for concept in matcher.mentions(text)}
        for term in MANUAL.glossary:
            if term.expansion is None or term.id not in used:
                continue
            urls = [hit.url for hit in searcher.search(term.term, limit=TOP)]
            if not any(c.id == term.id for url in urls for c in matcher.mentions(texts[url])):
                missed.append(f"{lang}: {term.term!r} -> {urls}")
    assert missed == []


@pytest.mark.parametrize(
    ("compound", "part"),
    [
        ("människohandel", "handel"),
        ("brottsskadeersättning", "ersättning"),
        ("regionkoordinatorer", "koordinatorer"),
        ("målsägandebiträde", "biträde"),
        ("kontaktförbud", "förbud"),
    ],
)
def test_swedish_compounds_are_split_against_the_content(compound: str, part: str) -> None:
    assert part in SWEDISH.parts(compound)


@pytest.mark.parametrize("word", ["polisen", "utredningen", "verksamheten", "anmälan", "människor"])
def test_plain_words_and_inflections_are_not_split(word: str) -> None:
    assert SWEDISH.parts(word) == []


def test_snippet_marks_the_compound_that_holds_the_query_word(capsys: pytest.CaptureFixture[str]) -> None:
    hits = manual_search_json(capsys, "handel")
    assert "**människohandel**" in hits[0]["snippet"].casefold(), hits[0]["snippet"]


def site_index_docs(built_site: Path, lang: str) -> list[dict]:
    index_file = built_site / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    return json.loads(index_file.read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_print_and_changes_pages_are_in_neither_search(built_site: Path, lang: str) -> None:
    """They repeat every page or list commits: never an answer (their templates set `search: exclude`)."""
    prefix = "en/" if lang == "en" else ""
    left_out = (f"{prefix}utskrift/", f"{prefix}andringar/")
    cli_urls = [section.url for section in manual_sections(MANUAL, REPO, lang)]
    site_urls = [prefix + doc["location"] for doc in site_index_docs(built_site, lang)]
    assert [url for url in cli_urls + site_urls if url.startswith(left_out)] == []
    assert any(url.startswith(f"{prefix}steg/") for url in site_urls)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_both_searches_weigh_a_page_by_its_front_matter_boost(built_site: Path, lang: str) -> None:
    """`search: boost` in a page's front matter is the one source of both searches' page weights."""
    prefix = "en/" if lang == "en" else ""
    cli = {section.url.removeprefix(prefix): section.boost for section in manual_sections(MANUAL, REPO, lang)}
    site = {doc["location"]: doc.get("boost", 1) for doc in site_index_docs(built_site, lang) if "#" in doc["location"]}
    assert len(set(cli.values())) > 2, "pages of several kinds carry their own weight"
    assert {url: cli[url] for url in site} == site


@pytest.mark.parametrize("query", ["betänkettid", "betänketd", "betänketiden"])
def test_typos_find_the_reflection_period_in_the_top_three(capsys: pytest.CaptureFixture[str], query: str) -> None:
    urls = [hit["url"] for hit in manual_search_json(capsys, query)][:TOP]
    assert "steg/inledande-stod/#betanketid" in urls, urls


def test_a_typo_ranks_below_the_word_spelt_right() -> None:
    searcher = Searcher(open_index(REPO), "sv")
    exact = searcher.search("betänketid", limit=1)[0]
    typo = searcher.search("betänkettid", limit=1)[0]
    assert typo.url == exact.url and typo.score < exact.score


def test_did_you_mean_offers_the_nearest_word_of_the_index() -> None:
    searcher = Searcher(open_index(REPO), "sv")
    assert "betänketid" in searcher.find("betänkettid").did_you_mean
    assert searcher.find("betänketid").did_you_mean == []  # every word is known


def test_an_empty_result_prints_ways_on(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", "--root", str(REPO), "qxzvqxzv"]) == 1
    printed = capsys.readouterr().err
    for key in ("aid_nav", "glossary_title", "contacts"):
        assert ui(key, "sv") in printed
    assert all(f"steg/{step.id}/" in printed for step in MANUAL.steps)


def test_question_words_do_not_drown_the_content_words() -> None:
    searcher = Searcher(open_index(REPO), "sv")
    plain = [hit.url for hit in searcher.search("betänketid", limit=3)]
    asked = [hit.url for hit in searcher.search("vem kan ansöka om betänketid", limit=3)]
    assert plain[0] in asked


def test_the_worker_drops_the_same_filler_words_as_manual_search() -> None:
    source = (REPO / "overrides" / "assets" / "javascripts" / "workers" / "manual-search.js").read_text("utf-8")
    listed = re.search(r"const FILLER = new Set\(\[(.*?)\]\)", source, re.DOTALL)
    assert listed is not None
    assert set(re.findall(r'"([^"]+)"', listed.group(1))) == FILLER_WORDS


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_decision_aid_and_exercise_cards_are_left_out_of_both_searches(built_site: Path, lang: str) -> None:
    """Cards have no address of their own (a result would open question 1): the steps answer instead."""
    prefix = "en/" if lang == "en" else ""
    cli_urls = [section.url for section in manual_sections(MANUAL, REPO, lang)]
    site_urls = [prefix + doc["location"] for doc in site_index_docs(built_site, lang)]
    card = re.compile(rf"^{prefix}(vad-gor-jag-nu|ovningar/[^/#]+)/#")  # not the list of exercises
    assert [url for url in cli_urls + site_urls if card.match(url)] == []
    assert f"{prefix}vad-gor-jag-nu/" in site_urls, "the page itself is still found"


def test_legal_reference_lists_weigh_less_than_the_text() -> None:
    sections = manual_sections(MANUAL, REPO, "sv")
    step = next(s for s in sections if s.url == "steg/akut-skydd/")
    legal = next(s for s in sections if s.url == "steg/akut-skydd/#lagrum")
    assert legal.boost < step.boost
