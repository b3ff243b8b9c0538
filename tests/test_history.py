"""The change history comes from git: last change per step page, recent changes on one page."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from build_tools.history import ContentHistory, read_history
from build_tools.load import load_manual
from build_tools.render import CHANGES_PATH, Renderer, step_path

STEP1 = "steps/01-identifiering.yml"
STEP2 = "steps/02-akut-skydd.yml"


def commit(root: Path, summary: str, day: str) -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    identity = ["-c", "user.name=Redaktör", "-c", "user.email=redaktor@example.se"]
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), *identity, "commit", "-qm", summary], check=True, env=env)


def touch(root: Path, rel: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")


@pytest.fixture
def git_repo(minimal_repo: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(minimal_repo)], check=True)
    commit(minimal_repo, "Första versionen av innehållet", "2026-01-10")
    touch(minimal_repo, STEP2)
    commit(minimal_repo, "Steg 2: *nytt* [skydd](javascript:alert(1)) <b>", "2026-03-05")
    (minimal_repo / "content" / "sv" / "om.md").write_text("# Om\n", encoding="utf-8")
    commit(minimal_repo, "A page outside the content folders", "2026-04-01")
    return minimal_repo


def test_history_lists_content_commits_newest_first(git_repo: Path) -> None:
    history = read_history(git_repo)
    assert [change.summary for change in history.changes] == [
        "Steg 2: *nytt* [skydd](javascript:alert(1)) <b>",
        "Första versionen av innehållet",
    ]
    assert history.changes[0].files == (STEP2,)
    assert history.changes[0].day == date(2026, 3, 5)
    assert history.last_changed_of(STEP1) == date(2026, 1, 10)
    assert history.last_changed_of(STEP2) == date(2026, 3, 5)


def test_no_history_outside_git(minimal_repo: Path) -> None:
    assert read_history(minimal_repo) == ContentHistory()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_step_pages_show_their_last_change_and_link_the_changes_page(git_repo: Path, lang: str) -> None:
    manual = load_manual(git_repo).manual
    pages = {page.path: page.content for page in Renderer(manual, lang, read_history(git_repo)).pages()}
    for step in manual.steps:
        expected = "2026-03-05" if step.path == STEP2 else "2026-01-10"
        content = pages[step_path(step)]
        assert f'<time datetime="{expected}">' in content, step.id
        assert f"](../{CHANGES_PATH})" in content
    changes = pages[CHANGES_PATH]
    assert changes.index("2026-03-05") < changes.index("2026-01-10")
    # a summary is shown as written: neither Markdown nor HTML
    assert r"Steg 2: \*nytt\* \[skydd\]\(javascript:alert\(1\)\) &lt;b&gt;" in changes
    assert "](steg/akut-skydd.md)" in changes


def test_without_history_pages_say_nothing_about_changes(minimal_repo: Path) -> None:
    manual = load_manual(minimal_repo).manual
    pages = {page.path: page.content for page in Renderer(manual, "sv").pages()}
    assert all("Senast ändrad" not in pages[step_path(step)] for step in manual.steps)
    assert "ingen versionshistorik" in pages[CHANGES_PATH]
