"""Public texts state facts: an editor's doubt on a page tells a reader in a hurry that nothing can be
trusted. Doubts, source conflicts and editorial reasoning belong in `editors_note:`, never rendered."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import messages as m
from ..model import Manual
from ..problems import Problem
from .markup import all_texts
from .pages import CONTENT_DIRS
from .walk import all_nodes

if TYPE_CHECKING:
    from . import CheckOptions

# the words with which editors mark a doubt, in both languages
HEDGE = re.compile(
    r"\b(?:inte|ej) (?:har )?(?:kunnat )?(?:kontrollera(?:t|d|de|s)|bekräfta(?:t|d|de|s)|verifiera(?:t|d|de|s))\b"
    r"|\bhärle(?:tt|dd|dda|ds)\b"
    r"|\bredaktionell kommentar\b"
    r"|\beditorial note\b"
    r"|\bunverified\b"
    r"|\bnot (?:been )?(?:verified|checked|confirmed)\b"
    r"|\bcould not be (?:verified|checked|confirmed)\b",
    re.IGNORECASE,
)
EDITORS_FIELD = "editors_note"


def find_hedges(text: str) -> Iterator[str]:
    for match in HEDGE.finditer(text):
        yield match.group(0)


def check_hedges(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [
        m.EDITORS_DOUBT_IN_PUBLIC_TEXT.at(node.path, node.line_of(name, index if index >= 0 else None), phrase=phrase)
        for node, name, index, text in all_texts(manual)
        if name != EDITORS_FIELD
        for phrase in find_hedges(text)
    ]


def check_page_hedges(root: Path) -> list[Problem]:
    """The same rule for the hand-written pages under content/."""
    problems: list[Problem] = []
    pages = (
        page
        for folder in CONTENT_DIRS.values()
        for page in sorted((root / folder).rglob("*.md"))
        if page.is_file() and not page.is_symlink()  # a symlink is refused by the content check
    )
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            problems.extend(
                m.EDITORS_DOUBT_IN_PUBLIC_TEXT.at(page.relative_to(root).as_posix(), number, phrase=phrase)
                for phrase in find_hedges(line)
            )
    return problems


def editors_notes(manual: Manual) -> list[Problem]:
    """Every editors' note, where it is written: what editors still have to settle (`manual check --notes`)."""
    return sorted(
        m.EDITORS_NOTE.at(node.path, node.line_of(EDITORS_FIELD), text=node.editors_note)
        for node in all_nodes(manual)
        if node.editors_note
    )
