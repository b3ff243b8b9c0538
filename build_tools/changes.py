"""Notes for readers: every content change carries one, and the site shows them.

A step, actor or exercise holds its notes in `changes:` (a date and a note in Swedish and English).
The step's page shows them under "Uppdateringar på sidan"; the "Ändringar" page lists every note,
newest first. `manual check --base REF` (the pull-request gate, against the target branch) refuses a
content file that changed without a new note: in the file itself for steps, actors and exercises,
and anywhere in the change for the files that hold no notes (shared lists, the decision aid,
hand-written pages).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import layout
from . import messages as m
from .languages import SITE_LANGUAGES
from .model import ChangeNote, Localized, Manual
from .problems import Problem

CONTENT = layout.CONTENT_FOLDERS
WITH_NOTES = ("steps/0", "steps/actors.yml", "case_exercises/")


@dataclass(frozen=True)
class PageNote:
    """One note and the page it is about (a step, actor or exercise)."""

    date: date
    note: Localized
    kind: str  # "step" | "actor" | "exercise"
    id: str
    title: Localized


def all_notes(manual: Manual) -> list[PageNote]:
    """Every note for readers, newest first (on one day: in the order of the manual)."""
    notes: list[PageNote] = []
    for kind, nodes in (("step", manual.steps), ("actor", manual.actors), ("exercise", manual.exercises)):
        for node in nodes:
            title = node.title if kind != "actor" else node.name  # type: ignore[union-attr]
            notes += [PageNote(c.date, c.note, kind, node.id, title) for c in node.changes]
    return sorted(notes, key=lambda n: n.date, reverse=True)


def newest_first(changes: list[ChangeNote]) -> list[ChangeNote]:
    return sorted(changes, key=lambda c: c.date, reverse=True)


class GitError(Exception):
    """The base of the comparison cannot be read; the message says why."""


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def _notes_in(text: str | None) -> set[tuple[str, ...]]:
    """(date, then the note in each site language) of every note under a `changes:` key, anywhere in a YAML file."""
    try:
        data = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
        return set()
    found: set[tuple[str, ...]] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "changes" and isinstance(item, list):
                    for change in item:
                        if isinstance(change, dict) and isinstance(change.get("note"), dict):
                            note = change["note"]
                            found.add((str(change.get("date")), *(str(note.get(lang)) for lang in SITE_LANGUAGES)))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def changed_content(root: Path, base: str) -> list[str]:
    _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    changed = _git(root, "diff", "--name-only", base, "--", *CONTENT).split()
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", *CONTENT).split()
    return sorted({*changed, *untracked})


def check_change_notes(root: Path, base: str, today: date) -> list[Problem]:
    """A content file changed since `base` without a new note for readers."""
    changed = changed_content(root, base)
    new_notes: dict[str, set[tuple[str, ...]]] = {}
    for rel in changed:
        if not rel.endswith(".yml"):
            continue
        path = root / rel
        now = _notes_in(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else set()
        try:
            before = _notes_in(_git(root, "show", f"{base}:{rel}"))
        except GitError:  # a new file
            before = set()
        new_notes[rel] = now - before
    any_new = any(new_notes.values())
    problems = []
    for rel in changed:
        if not (root / rel).is_file():
            continue  # a removed file: its page is gone, and nothing is left to hold a note
        holds_notes = rel.startswith(WITH_NOTES) and rel.endswith(".yml") and not rel.startswith("steps/shared/")
        if (holds_notes and not new_notes.get(rel)) or (not holds_notes and not any_new):
            problems.append(m.CHANGE_WITHOUT_NOTE.at(rel, 1, base=base, today=today.isoformat()))
    return problems
