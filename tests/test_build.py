"""The real content checks clean and builds into the pages the issue promises, in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools import layout, pipeline
from build_tools.cli import main
from build_tools.load import load_manual

from .conftest import LANGS, REPO, built_page, copy_repo, read_page, visible_text

MANUAL = load_manual(REPO).manual


def test_repository_content_passes_the_check(capsys) -> None:
    assert main(["check", "--root", str(REPO)]) == 0, capsys.readouterr().out


def test_the_process_has_six_steps_each_with_an_owner() -> None:
    assert [step.number for step in MANUAL.steps] == [1, 2, 3, 4, 5, 6]
    assert all(step.owner for step in MANUAL.steps)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("step", MANUAL.steps, ids=lambda s: s.id)
def test_each_step_page_names_its_owner_first(built_site: Path, step, lang: str) -> None:
    markup = built_page(built_site, lang, f"steg/{step.id}")
    owner_box = re.search(r'<div class="manual-owner">(.*?)</div>', markup, re.S)
    assert owner_box, "the step page has no owner box"
    for owner in step.owner:
        name = MANUAL.actor_by_id[owner].name.get(lang)
        assert name in visible_text(owner_box.group(1))
    assert markup.index("manual-owner") < markup.index('id="' + ("vem-gor-vad" if lang == "sv" else "who-does-what"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("actor", MANUAL.actors, ids=lambda a: a.id)
def test_each_actor_has_a_page_with_its_tasks(built_site: Path, actor, lang: str) -> None:
    text = visible_text(built_page(built_site, lang, f"aktorer/{actor.id}"))
    assert actor.name.get(lang) in text
    for step in MANUAL.steps_of(actor.id):
        first_task = step.tasks_of(actor.id)[0].text.get(lang)
        assert visible_text(first_task.split("\n")[0])[:40] in " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_marks_each_owner(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "vem-gor-vad")
    rows = re.findall(r"<tr>(.*?)</tr>", markup, re.S)
    owners = 0
    for step in MANUAL.steps:
        for owner in step.owner:
            row = next(r for r in rows if f"aktorer/{owner}/" in r)
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            assert "★" in cells[step.number], (owner, step.id)
            owners += 1
    assert markup.count("★") - 1 == owners  # the lead sentence explains the star once


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_links_every_step_in_the_diagram(built_site: Path, lang: str) -> None:
    markup = built_page(built_site, lang, "")
    diagram = re.search(r'<nav[^>]*class="manual-process".*?</nav>', markup, re.S).group(0)
    links = re.findall(r'href="(steg/[^"]+)"', diagram)
    assert links == [f"steg/{step.id}/" for step in MANUAL.steps]
    assert "mermaid" not in markup


def test_emergency_numbers_on_every_page(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 2 * (1 + 6 + len(MANUAL.actors))
    for path in pages:
        text = read_page(path)
        for number in ("112", "114 14", "020-39 00 00"):
            assert number in text, f"{number} missing on {path}"


def test_every_page_is_minified_and_keeps_its_closing_tags_and_input_types(built_site: Path) -> None:
    """Light pages on a phone: no comments, no indentation between tags (outside preformatted text
    and scripts); what the browser and our style sheet rely on stays: closing tags, every input's type."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert "<!--" not in raw, path
        outside_verbatim = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "", raw, flags=re.S)
        assert not re.search(r">\s{2,}<", outside_verbatim), path
        for tag in ("li", "p", "td"):
            assert len(re.findall(rf"<{tag}[\s>]", raw)) == raw.count(f"</{tag}>"), (path, tag)
        assert all("type=" in field for field in re.findall(r"<input\b[^>]*>", raw)), path


def test_no_page_references_another_host(built_site: Path) -> None:
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I)
    for path in built_site.rglob("*.html"):
        assert not pattern.search(read_page(path)), path


def break_owner(root: Path) -> str:
    path = next((root / "steps").glob("01-*.yml"))
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^owner:.*\n", "", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path.relative_to(root).as_posix()


def unknown_owner(root: Path) -> str:
    path = next((root / "steps").glob("02-*.yml"))
    text = re.sub(r"^owner:.*$", "owner: finns-inte", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path.relative_to(root).as_posix()


@pytest.mark.parametrize("breaks", [break_owner, unknown_owner])
def test_bad_data_fails_manual_build_and_manual_generate_and_keeps_the_old_site(tmp_path: Path, breaks, capsys) -> None:
    root = copy_repo(tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous build")
    rel = breaks(root)

    assert main(["build", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert re.search(rf"^{re.escape(rel)}:\d+: ", out, re.M), out
    assert (root / "site" / "index.html").read_text() == "previous build"
    assert not list(root.glob(".site-*"))

    generated = subprocess.run(
        [sys.executable, "-m", "build_tools", "generate", "--root", str(root)], capture_output=True, text=True
    )
    assert generated.returncode == 1
    assert re.search(rf"^{re.escape(rel)}:\d+: ", generated.stdout, re.M), generated.stdout
    assert "Traceback" not in generated.stderr
    assert not (root / layout.GENERATED).exists(), "nothing is generated from content the check refuses"


def test_check_problems_are_the_same_for_the_build_and_the_cli(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    rel = unknown_owner(root)
    problems = pipeline.check(root).problems
    assert any(p.path == rel and "finns-inte" in p.message for p in problems)
