"""When the content changed, from the git history: read once per build, handed to the templates.

Outside a git checkout (a zip, a copy) there is no history, and the pages simply say nothing about it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CONTENT_PATHS = ("steps", "case_exercises", "decision_aid")
RECENT_CHANGES = 50
# record and field separators that cannot occur in a commit summary or a path
RECORD, FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Change:
    day: date
    summary: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class ContentHistory:
    changes: tuple[Change, ...] = ()  # newest first, at most RECENT_CHANGES
    last_changed: dict[str, date] = field(default_factory=dict)  # by repository-relative path

    def last_changed_of(self, path: str) -> date | None:
        return self.last_changed.get(path)


def _git_log(root: Path) -> str | None:
    command = ["git", "-C", str(root), "log", f"--format={RECORD}%cs{FIELD}%s", "--name-only", "--relative"]
    command += ["--", *CONTENT_PATHS]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
    except (OSError, subprocess.CalledProcessError):
        return None  # git missing, or not a git checkout
    return result.stdout


def read_history(root: Path) -> ContentHistory:
    output = _git_log(root)
    if not output:
        return ContentHistory()
    changes: list[Change] = []
    last_changed: dict[str, date] = {}
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        day_text, _, summary = header.partition(FIELD)
        day = date.fromisoformat(day_text)
        files = tuple(name for name in names.splitlines() if name)
        if not files:
            continue  # a merge: its changes are listed with the commits it brings in
        for name in files:
            last_changed.setdefault(name, day)
        changes.append(Change(day, summary, files))
    return ContentHistory(tuple(changes[:RECENT_CHANGES]), last_changed)
