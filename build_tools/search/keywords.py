"""The hidden words a search section is found by: the parts of its compounds and the names of the
glossary's concepts it mentions (the site's index gets them in build_tools/engine/search_index.py,
`manual search` in build_tools/search/engine.py)."""

from __future__ import annotations

from ..model import Manual
from .language import Concept, ConceptMatcher, Decompounder, concepts, words
from .sections import relative_url

MAX_REPEAT = 3  # a section that names a concept often is more about it, up to a point


def keywords(text: str, matcher: ConceptMatcher, decompounder: Decompounder | None) -> str:
    """Compound parts, and the names of each concept as often as the text names it (up to a limit)."""
    found: list[str] = []
    if decompounder is not None:
        found += dict.fromkeys(part for word in dict.fromkeys(words(text)) for part in decompounder.parts(word))
    for concept, count in matcher.mentions(text).items():
        found += [names_of([concept])] * min(count, MAX_REPEAT)
    return " ".join(found)


def concept_pages(manual: Manual) -> dict[str, list[Concept]]:
    """Page URL -> the glossary concepts the glossary says matter there (its `steps` and `actors`)."""
    by_id = {concept.id: concept for concept in concepts(manual)}
    pages: dict[str, list[Concept]] = {}
    for term in manual.glossary:
        paths = [f"steg/{step}.md" for step in term.steps if step in manual.step_by_id]
        paths += [f"aktorer/{actor}.md" for actor in term.actors if actor in manual.actor_by_id]
        for path in paths:
            pages.setdefault(relative_url(path), []).append(by_id[term.id])
    return pages


def names_of(page_concepts: list[Concept]) -> str:
    """Every word naming these concepts, once ('trafficking' once, though many names hold it)."""
    return " ".join(dict.fromkeys(word for concept in page_concepts for name in concept.names for word in words(name)))
