"""Hand-written pages are held to the rules of the data: content/ holds only pages and images,
nothing that replaces the theme's own files, no symbolic links, and every page's Markdown and
front matter pass the same markup rules as every text field."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

from .. import engine, layout
from .. import messages as m
from ..markup import find_unsafe, without_closing_tags
from ..problems import INVISIBLE, Problem
from .markup import MESSAGE_OF_KIND, SHOWN_LENGTH

CONTENT = layout.PAGES
PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
FRONT_MATTER_KEYS = ("title", "description", "hide", "search")
PLAIN_TEXT_FORBIDDEN = set('<>&"')


def check_content_files(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    published = _published_assets(root)
    # the folders read by the loader and by MkDocs: a symbolic link could publish a file from anywhere
    for folder in layout.CONTENT_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for current, dirs, files in os.walk(base, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(current) / name
                rel = path.relative_to(root).as_posix()
                if path.is_symlink():
                    problems.append(m.SYMLINK.at(rel, 1))
                elif folder == CONTENT and name in files:
                    problems += _check_content_file(root, path, rel, published)
            dirs[:] = [d for d in dirs if not (Path(current) / d).is_symlink()]
    return problems


def _files_under(folder: Path) -> frozenset[str]:
    if not folder.is_dir():
        return frozenset()
    # os.walk's folders all begin with `folder` as given: cutting it off is os.path.relpath without
    # its per-file normalising (a fifth of a second for the theme's 14,000 files)
    start = len(os.path.join(str(folder), ""))
    return frozenset(
        os.path.join(current, name)[start:].replace(os.sep, "/")
        for current, _dirs, files in os.walk(folder)
        for name in files
    )


@cache
def _theme_files() -> frozenset[str]:
    """The theme's files: the same for the whole run, so listed once."""
    return _files_under(engine.theme_folder())


def _published_assets(root: Path) -> frozenset[str]:
    """Paths the site itself publishes: the overrides and the theme's files."""
    return _files_under(root / layout.OVERRIDES) | _theme_files()


def _check_content_file(root: Path, path: Path, rel: str, published: frozenset[str]) -> list[Problem]:
    parts = path.relative_to(root / CONTENT).parts
    inside = "/".join(parts[1:])  # the path inside the language's site
    if parts[1:2] == ("assets",) or inside in published:
        return [m.SHADOWS_THEME.at(rel, 1, asset=inside)]
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return []
    if path.suffix != PAGE_SUFFIX:
        return [m.CONTENT_FILE_KIND.at(rel, 1, kinds=", ".join(IMAGE_SUFFIXES))]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [m.NOT_UTF8.at(rel, path.read_bytes()[: exc.start].count(b"\n") + 1)]
    except OSError as exc:
        return [m.UNREADABLE.at(rel, 1, reason=exc.strerror or type(exc).__name__)]
    return check_page_text(rel, text)


def check_page_text(rel: str, text: str) -> list[Problem]:
    """The markup rules for one hand-written page, with the line of each problem."""
    problems: list[Problem] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        match = INVISIBLE.search(line)
        if match:
            problems.append(m.CONTROL_CHARACTER.at(rel, number, char=f"U+{ord(match.group(0)):04X}"))
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            problems += _check_front_matter(rel, "\n".join(lines[1:end]))
            body_start = end + 1
    body = "\n".join(lines[body_start:])
    for unsafe in without_closing_tags(find_unsafe(body)):
        message, placeholder = MESSAGE_OF_KIND[unsafe.kind]
        offset = body.find(unsafe.text)
        number = body_start + (body.count("\n", 0, offset) if offset >= 0 else 0) + 1
        shown = unsafe.text if len(unsafe.text) <= SHOWN_LENGTH else unsafe.text[:SHOWN_LENGTH] + "…"
        problems.append(message.at(rel, number, **{placeholder: shown}))
    return problems


def _check_front_matter(rel: str, text: str) -> list[Problem]:
    try:
        meta = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [m.YAML_SYNTAX.at(rel, (mark.line + 2) if mark else 1, detail=getattr(exc, "problem", str(exc)))]
    if not isinstance(meta, dict):
        return [m.FILE_NOT_MAPPING.at(rel, 2)]
    problems = []
    key_lines = {line.split(":", 1)[0].strip(): i for i, line in enumerate(text.splitlines(), start=2)}
    for key, value in meta.items():
        line = key_lines.get(str(key), 2)
        if key not in FRONT_MATTER_KEYS:
            problems.append(m.FRONT_MATTER_KEY.at(rel, line, key=key, allowed=", ".join(FRONT_MATTER_KEYS)))
        elif key in ("title", "description") and (
            not isinstance(value, str) or set(value) & PLAIN_TEXT_FORBIDDEN or find_unsafe(value)
        ):
            problems.append(m.FRONT_MATTER_VALUE.at(rel, line, key=key))
    return problems
