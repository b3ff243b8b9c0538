"""Notes for readers and visible review: each page shows its own notes and review dates, the
"Ändringar" page lists the notes from the data (never commit messages or file paths), and
`manual check --base` refuses a content change without a new note."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from build_tools import review
from build_tools.changes import all_notes
from build_tools.cli import main
from build_tools.load import load_manual
from build_tools.render import CHANGES_PATH, Renderer, actor_path, exercise_path, step_path

from .conftest import REPO

LANGS = ("sv", "en")
STEP1 = "steps/01-identifiering.yml"
STEP2 = "steps/02-akut-skydd.yml"
SIGNS = "steps/shared/signs.yml"
COMMIT_SUBJECT = "Fix steps/02-akut-skydd.yml line 12 (internal)"


def pages_of(root: Path, lang: str) -> dict[str, str]:
    manual = load_manual(root).manual
    return {page.path: page.content for page in Renderer(manual, lang).pages()}


def commit(root: Path, summary: str) -> None:
    stamp = "2026-11-25T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    identity = ["-c", "user.name=Redaktör", "-c", "user.email=redaktor@example.se"]
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), *identity, "commit", "-qm", summary], check=True, env=env)


@pytest.fixture
def git_repo(minimal_repo: Path) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(minimal_repo)], check=True)
    commit(minimal_repo, COMMIT_SUBJECT)
    return minimal_repo


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_NOTE = '  - date: 2026-11-30\n    note: {sv: "Nytt om skyddet.", en: "News about protection."}\n'


def add_note(root: Path, rel: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if "\nchanges:\n" in text:
        path.write_text(text.replace("\nchanges:\n", "\nchanges:\n" + NEW_NOTE, 1), encoding="utf-8")
    else:
        path.write_text(text.rstrip("\n") + "\nchanges:\n" + NEW_NOTE, encoding="utf-8")


# ----- each page: its notes and its review ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_page_shows_its_notes_newest_first(minimal_repo: Path, lang: str) -> None:
    manual = load_manual(minimal_repo).manual
    pages = pages_of(minimal_repo, lang)
    heading = "Uppdateringar på sidan" if lang == "sv" else "Updates to this page"
    with_notes = [(step_path(s), s) for s in manual.steps] + [(exercise_path(e), e) for e in manual.exercises]
    with_notes += [(actor_path(a), a) for a in manual.actors]
    shown = 0
    for path, node in with_notes:
        content = pages[path]
        if not node.changes:
            assert heading not in content, path
            continue
        section = content[content.index(f"## {heading}") :]
        days = re.findall(r'<time datetime="([\d-]+)">', section)
        assert days == sorted((c.date.isoformat() for c in node.changes), reverse=True), path
        for change in node.changes:
            assert change.note.get(lang) in section, path
        assert f"]({posixpath_rel(path, CHANGES_PATH)})" in section
        shown += 1
    assert shown >= 2, "the fixture has notes on a step and an exercise"


def posixpath_rel(page: str, target: str) -> str:
    import posixpath

    return posixpath.relpath(target, posixpath.dirname(page) or ".")


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_and_actor_page_shows_last_and_next_review_and_who(minimal_repo: Path, lang: str) -> None:
    manual = load_manual(minimal_repo).manual
    pages = pages_of(minimal_repo, lang)
    last, due = ("Senast granskad", "Nästa granskning") if lang == "sv" else ("Last reviewed", "Next review due")
    for path, node in [(step_path(s), s) for s in manual.steps] + [(actor_path(a), a) for a in manual.actors]:
        expected_due = node.next_review or date.fromordinal(node.last_reviewed.toordinal() + 365)
        line = re.search(r'<span class="manual-review">(.*?)</span>', pages[path]).group(1)
        assert (
            f'**{last}** <time datetime="{node.last_reviewed}">{node.last_reviewed}</time> · '
            f'**{due}** <time datetime="{expected_due}">{expected_due}</time>'
        ) in line, path
        assert review.REVIEWERS[node.reviewer].name(lang) in line


def test_a_given_next_review_is_shown_and_counted(minimal_repo: Path, capsys) -> None:
    edit(minimal_repo, STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01\nnext_review: 2027-02-01")
    content = pages_of(minimal_repo, "sv")["steg/identifiering.md"]
    assert '**Nästa granskning** <time datetime="2027-02-01">' in content
    assert main(["check", "--root", str(minimal_repo), "--today", "2027-01-31"]) == 0
    assert "overdue" not in capsys.readouterr().out
    assert main(["check", "--root", str(minimal_repo), "--today", "2027-02-02"]) == 0  # a warning
    overdue = [line for line in capsys.readouterr().out.splitlines() if "overdue" in line]
    assert overdue == [
        f"{STEP1}:19: warning: review overdue: last reviewed 2026-11-01, the next review was due 2027-02-01 "
        "(The social services group): please review the content"
    ]


def test_the_check_lists_everything_overdue_on_a_given_day(minimal_repo: Path, capsys) -> None:
    manual = load_manual(minimal_repo).manual
    assert main(["check", "--root", str(minimal_repo), "--today", "2027-11-02"]) == 0
    overdue = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if "review overdue" in line]
    assert len(overdue) == len(manual.steps) + len(manual.actors)
    assert main(["check", "--root", str(minimal_repo), "--today", "2027-11-01"]) == 0
    assert "review overdue" not in capsys.readouterr().out


# ----- the "Ändringar" page ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_changes_page_lists_the_notes_of_the_data_only(git_repo: Path, lang: str) -> None:
    manual = load_manual(git_repo).manual
    content = pages_of(git_repo, lang)[CHANGES_PATH]
    body = content.split("---", 2)[2]
    items = re.findall(r'^- <time datetime="([\d-]+)">[\d-]+</time> · \[([^\]]+)\]\(([^)]+)\): (.*)$', body, re.M)
    notes = all_notes(manual)
    assert [(day, text) for day, _, _, text in items] == [(n.date.isoformat(), n.note.get(lang)) for n in notes]
    assert [day for day, *_ in items] == sorted((day for day, *_ in items), reverse=True)
    targets = {"step": "steg/identifiering.md", "exercise": "ovningar/prov.md"}
    assert {target for *_, target, _ in items} == set(targets.values())
    # never a commit message, a file path or a file name
    assert "Fix steps" not in content and "internal" not in content
    assert not re.search(r"steps/|case_exercises/|\.yml", content)


def test_the_changes_page_of_the_real_content_holds_every_note(tmp_path: Path) -> None:
    manual = load_manual(REPO).manual
    content = {page.path: page.content for page in Renderer(manual, "sv").pages()}[CHANGES_PATH]
    notes = all_notes(manual)
    assert len(notes) >= len(manual.steps)  # every step has its first notes
    assert all(step.changes for step in manual.steps)
    for note in notes:
        assert note.note.sv in content
    assert not re.search(r"steps/|case_exercises/|\.yml|Merge|commit", content)


# ----- the PR gate: a content change needs a new note ------------------------------------------


def test_a_step_changed_without_a_note_is_refused(git_repo: Path, capsys) -> None:
    edit(git_repo, STEP2, "Skyddsbedömning", "Skyddsbedömningen")
    assert main(["check", "--root", str(git_repo), "--base", "main", "--today", "2026-12-01"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{STEP2}:1: this file changed since main, but no new note for readers was added under 'changes:'; "
        "add one: '- date: 2026-12-01' and 'note: {sv: …, en: …}' on the step, actor or exercise it changes"
    ]
    add_note(git_repo, STEP2)
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 0, capsys.readouterr().out


def test_a_note_in_another_step_does_not_count_for_a_step(git_repo: Path, capsys) -> None:
    edit(git_repo, STEP2, "Skyddsbedömning", "Skyddsbedömningen")
    add_note(git_repo, STEP1)
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 1
    assert capsys.readouterr().out.startswith(f"{STEP2}:1: this file changed since main")


def test_a_shared_list_needs_a_note_somewhere_in_the_change(git_repo: Path, capsys) -> None:
    path = git_repo / SIGNS
    path.write_text(path.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 1
    assert capsys.readouterr().out.startswith(f"{SIGNS}:1: this file changed since main")
    add_note(git_repo, STEP1)
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 0, capsys.readouterr().out


def test_a_new_exercise_brings_its_own_note(git_repo: Path, capsys) -> None:
    prov = (git_repo / "case_exercises/prov.yml").read_text(encoding="utf-8")
    (git_repo / "case_exercises/ny.yml").write_text(prov.replace("id: prov", "id: ny"), encoding="utf-8")
    main(["check", "--root", str(git_repo), "--base", "main"])
    assert "changed since" not in capsys.readouterr().out  # its notes are all new to the base


def test_a_hand_written_page_needs_a_note_in_the_change(git_repo: Path, capsys) -> None:
    for lang, title in (("sv", "Om"), ("en", "About")):
        (git_repo / "content" / lang / "om.md").write_text(f"# {title}\n\nText.\n", encoding="utf-8")
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out] == ["content/en/om.md", "content/sv/om.md"], out
    add_note(git_repo, STEP1)
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 0, capsys.readouterr().out


def test_unchanged_content_passes_and_a_bad_base_is_said_in_words(git_repo: Path, capsys) -> None:
    assert main(["check", "--root", str(git_repo), "--base", "main"]) == 0
    assert main(["check", "--root", str(git_repo), "--base", "no-such-branch"]) == 2
    assert "cannot compare with 'no-such-branch'" in capsys.readouterr().err


# ----- CODEOWNERS from the reviewing roles -------------------------------------------------------


def test_codeowners_is_up_to_date_with_the_data() -> None:
    manual = load_manual(REPO).manual
    committed = (REPO / review.CODEOWNERS).read_text(encoding="utf-8")
    assert committed == review.codeowners(manual), "run `manual codeowners`"
    for step in manual.steps:
        line = next(line for line in committed.splitlines() if line.startswith(f"/{step.path} "))
        assert review.REVIEWERS[step.reviewer].team in line.split()
        assert review.REVIEWERS[review.EDITORS].team in line.split()


def test_codeowners_command_writes_and_checks(minimal_repo: Path, capsys) -> None:
    assert main(["codeowners", "--root", str(minimal_repo), "--check"]) == 1
    assert main(["codeowners", "--root", str(minimal_repo)]) == 0
    assert main(["codeowners", "--root", str(minimal_repo), "--check"]) == 0
    edit(minimal_repo, STEP1, "reviewer: socialtjanst", "reviewer: migration")
    assert main(["codeowners", "--root", str(minimal_repo), "--check"]) == 1
    text = (minimal_repo / review.CODEOWNERS).read_text(encoding="utf-8")
    assert f"/{STEP1} @nrm-manualen/redaktion @nrm-manualen/socialtjanst" in text
    assert set(review.REVIEWERS) == set(review.get_args(review.ReviewerId))
