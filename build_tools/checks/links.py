"""Links inside the site written in texts: each must lead to a page the build makes (and to a section
of it, when it names one), from every page the text is shown on. MkDocs would otherwise stop the build
with "Aborted with N warnings in strict mode" and neither file nor line; here the text's own line is
named.

A link is written relative to the page the text is shown on, as MkDocs reads it: an exercise card on
`ovningar/<id>.md` links to step 1 as `../steg/identifiering.md`, to a section as
`../steg/identifiering.md#polisanmalan-och-sekretess`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import markdown
from markdown.extensions.toc import slugify

from .. import layout
from .. import messages as m
from ..markup import internal_links
from ..model import Manual
from ..problems import Problem
from .markup import all_texts

# the Markdown extensions of mkdocs.yml that make ids (headings, attribute lists, HTML blocks)
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
ID = re.compile(r'\bid="([^"]+)"')
# what most anchors name, found without converting the page: an id written out, or a plain heading
WRITTEN_ID = re.compile(r'\bid="([^"]+)"|\{:?[^}\n]*#([\w-]+)[^}\n]*\}')
PLAIN_HEADING = re.compile(r"^#{1,6}[ \t]+([^\n{\[<`*_&\\]+?)[ \t#]*$", re.M)


def section_ids(text: str) -> set[str]:
    """The ids a page's Markdown gives its elements, as the site's Markdown makes them."""
    return set(ID.findall(markdown.Markdown(extensions=EXTENSIONS).convert(text)))


def likely_ids(text: str) -> set[str]:
    """The ids written in a page and those of its plain headings: quick, and what most anchors name. An
    anchor not among them is looked up in `section_ids` (the page converted), which decides."""
    written = {first or second for first, second in WRITTEN_ID.findall(text)}
    return written | {slugify(title.strip(), "-") for title in PLAIN_HEADING.findall(text)}


def handwritten_pages(root: Path, lang: str) -> dict[str, str]:
    folder = root / layout.PAGES / lang
    pages: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                rel = path.relative_to(folder).as_posix()
                pages[rel] = path.read_text(encoding="utf-8", errors="replace") if rel.endswith(".md") else ""
    return pages


def check_text_links(manual: Manual, root: Path, generated: Mapping[str, Iterable[tuple[str, str]]]) -> list[Problem]:
    """`generated`: per language, (path, Markdown) of every page the build makes."""
    texts = [
        (node.path, node.line_of(name, index if index >= 0 else None), text, target)
        for node, name, index, text in all_texts(manual)
        for target in internal_links(text)
    ]
    if not texts:
        return []
    problems: dict[tuple[str, int, str], Problem] = {}
    for lang, made in generated.items():
        pages = handwritten_pages(root, lang) | dict(made)
        ids: dict[str, set[str]] = {}
        converted: set[str] = set()
        # each page's links read once, as the texts' are: where a text's link is shown
        shown_on: dict[str, list[str]] = {}
        for page, content in pages.items():
            for target in dict.fromkeys(internal_links(content)):
                shown_on.setdefault(target, []).append(page)
        for path, line, _text, target in texts:
            for page in shown_on.get(target, ()):
                problem = _problem(path, line, target, page, pages, ids, converted)
                if problem is not None:
                    problems.setdefault((path, line, target), problem)
    return list(problems.values())


def _problem(
    path: str,
    line: int,
    target: str,
    page: str,
    pages: Mapping[str, str],
    ids: dict[str, set[str]],
    converted: set[str],
) -> Problem | None:
    address, _, anchor = target.partition("#")
    address = address.split("?", 1)[0]
    if address.startswith(("/", "\\")):
        return m.TEXT_LINK_FROM_ROOT.at(path, line, target=target)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), address)) if address else page
    if resolved.startswith("../") or resolved == ".." or resolved not in pages:
        return m.TEXT_LINK_NOT_FOUND.at(path, line, target=target, page=page)
    if not resolved.endswith(".md"):
        return None  # an image or file of the site (content/ holds only safe kinds)
    if anchor:
        if resolved not in ids:
            ids[resolved] = likely_ids(pages[resolved])
        if anchor not in ids[resolved] and resolved not in converted:
            ids[resolved] |= section_ids(pages[resolved])
            converted.add(resolved)
        if anchor not in ids[resolved]:
            return m.TEXT_ANCHOR_NOT_FOUND.at(path, line, target=target, page=resolved, anchor=anchor)
    return None
