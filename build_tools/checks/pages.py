"""The English site mirrors the Swedish one: every hand-written page exists in both languages."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem

CONTENT_DIRS = {"sv": "content/sv", "en": "content/en"}
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}


def handwritten_pages(root: Path, lang: str) -> set[str]:
    """Markdown pages under content/<lang>/, relative to it; hidden files and folders are not pages."""
    folder = root / CONTENT_DIRS[lang]
    if not folder.is_dir():
        return set()
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }


def check_page_mirror(root: Path) -> list[Problem]:
    pages = {lang: handwritten_pages(root, lang) for lang in CONTENT_DIRS}
    problems = []
    for lang, other in (("sv", "en"), ("en", "sv")):
        for page in sorted(pages[other] - pages[lang]):
            problems.append(
                Problem(
                    f"{CONTENT_DIRS[lang]}/{page}",
                    1,
                    f"missing {LANGUAGE_NAMES[lang]} page: {CONTENT_DIRS[other]}/{page} has no counterpart "
                    "(the two sites mirror each other page for page)",
                )
            )
    return problems
