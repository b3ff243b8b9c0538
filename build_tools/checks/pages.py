"""The English site mirrors the Swedish one: every hand-written page exists in both languages."""

from __future__ import annotations

from pathlib import Path

from .. import messages as m
from ..problems import Problem
from ..site_config import handwritten_pages

CONTENT_DIRS = {"sv": "content/sv", "en": "content/en"}
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}


def check_page_mirror(root: Path) -> list[Problem]:
    pages = {
        lang: set(handwritten_pages(root / folder)) if (root / folder).is_dir() else set()
        for lang, folder in CONTENT_DIRS.items()
    }
    problems = []
    for lang, other in (("sv", "en"), ("en", "sv")):
        for page in sorted(pages[other] - pages[lang]):
            problems.append(
                m.PAGE_MISSING_IN_LANGUAGE.at(
                    f"{CONTENT_DIRS[lang]}/{page}",
                    1,
                    language=LANGUAGE_NAMES[lang],
                    counterpart=f"{CONTENT_DIRS[other]}/{page}",
                )
            )
    return problems
