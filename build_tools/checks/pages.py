"""Every site language mirrors the first one: each hand-written page exists in every site language."""

from __future__ import annotations

from pathlib import Path

from .. import layout
from .. import messages as m
from ..languages import BY_CODE, SITE_LANGUAGES
from ..problems import Problem
from ..site_config import handwritten_pages

CONTENT_DIRS = {lang: f"{layout.PAGES}/{lang}" for lang in SITE_LANGUAGES}


def check_page_mirror(root: Path) -> list[Problem]:
    pages = {
        lang: set(handwritten_pages(root / folder)) if (root / folder).is_dir() else set()
        for lang, folder in CONTENT_DIRS.items()
    }
    problems = []
    for lang in SITE_LANGUAGES:
        missing: dict[str, str] = {}  # page -> the first other language that has it
        for other in SITE_LANGUAGES:
            if other != lang:
                for page in pages[other] - pages[lang]:
                    missing.setdefault(page, other)
        for page, other in sorted(missing.items()):
            problems.append(
                m.PAGE_MISSING_IN_LANGUAGE.at(
                    f"{CONTENT_DIRS[lang]}/{page}",
                    1,
                    language=BY_CODE[lang].name_en,
                    counterpart=f"{CONTENT_DIRS[other]}/{page}",
                )
            )
    return problems
