"""Teach the site's search (Material's lunr index) Swedish compounds and the glossary's names.

Material writes `search/search_index.json` with one document per section. Each document gets a
hidden field, `keywords` (declared in the search plugin's `fields` in mkdocs*.yml), holding the
parts of its compound words and every name of the glossary concepts it mentions. The site's own
stemmer and the worker in overrides/assets/javascripts/workers/ do the rest.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import Manual
from .language import (
    COMPOUND_LANGUAGES,
    Concept,
    ConceptMatcher,
    Decompounder,
    concepts,
    vocabulary,
    word_counts,
    words,
)
from .sections import citing_weight, relative_url

KEYWORDS_FIELD = "keywords"
MAX_REPEAT = 3
# Material multiplies the score of a page's opening section by up to 5 (sections by up to 2), so an
# opening that merely names the topic ('människohandel' is on every page) beat the section that
# answers; lunr's document boost evens that out
PAGE_BOOST = 0.4  # a section that names a concept often is more about it, up to a point


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


def enrich_search_index(index_file: Path, manual: Manual, lang: str) -> None:
    data = json.loads(index_file.read_text(encoding="utf-8"))
    docs = data["docs"]
    texts = [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in docs]
    matcher = ConceptMatcher(concepts(manual), lang)
    decompounder = None
    if lang in COMPOUND_LANGUAGES:  # English writes its compounds apart
        decompounder = Decompounder(vocabulary(texts, manual, lang))
    pages = concept_pages(manual)
    for doc, text in zip(docs, texts, strict=True):
        found = keywords(text, matcher, decompounder)
        weight = citing_weight(doc["location"], doc.get("title", ""), lang)
        if weight != 1:
            doc["boost"] = doc.get("boost", 1) * weight
        if "#" not in doc["location"]:
            doc["boost"] = doc.get("boost", 1) * PAGE_BOOST  # times the page's own (front matter)
            # the glossary names the pages where a term matters: their openings are about it
            found = " ".join([found, names_of(pages.get(doc["location"], []))])
        if found.strip():
            doc[KEYWORDS_FIELD] = found.strip()
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


WORKER = Path("assets/javascripts/workers")
WORKER_NAME = "manual-search.js"
WORDS_FILE = Path("search/words.js")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def write_worker(site_dir: Path, patch: Path) -> Path:
    """The site's search worker: Material's own worker, then ours (overrides/…/manual-search.js).

    One file with no parameters runs the same as a web worker and inside iframe-worker's shim
    (file://), where a worker neither sees its own URL nor waits for importScripts."""
    folder = site_dir / WORKER
    [material] = sorted(folder.glob("search.*.min.js"))
    combined = SOURCE_MAP.sub("", material.read_text(encoding="utf-8")).rstrip() + "\n" + patch.read_text("utf-8")
    target = folder / WORKER_NAME
    target.write_text(combined, encoding="utf-8")
    return target


def write_words(site_dir: Path) -> Path:
    """`search/words.js`: the words of the search index, most frequent first, for "Menade du …?".

    A script, not JSON, so that it loads from file:// as well; the page loads it only when a search
    finds little."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    counts = word_counts(f"{doc.get('title', '')} {doc.get('text', '')}" for doc in docs)
    ranked = [word for word, _ in counts.most_common()]
    target = site_dir / WORDS_FILE
    target.write_text("var __manualWords = " + json.dumps(ranked, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
