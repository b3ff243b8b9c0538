"""Teach the site's search (Material's lunr index) Swedish compounds and the glossary's names.

Material writes `search/search_index.json` with one document per section. After the build, each
document gets a hidden field, `keywords` (declared in the search plugin's `fields` in mkdocs.yml), holding the
parts of its compound words and every name of the glossary concepts it mentions. The site's own
stemmer and the worker in overrides/assets/javascripts/workers/ do the rest.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .. import layout
from ..model import Manual
from ..search.keywords import concept_pages, keywords, names_of
from ..search.language import COMPOUND_LANGUAGES, ConceptMatcher, Decompounder, concepts, vocabulary, word_counts
from ..search.sections import citing_weight

KEYWORDS_FIELD = "keywords"
# Material multiplies the score of a page's opening section by up to 5 (sections by up to 2), so an
# opening that merely names the topic ('människohandel' is on every page) beat the section that
# answers; lunr's document boost evens that out
PAGE_BOOST = 0.4


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
# runs before Material's worker: the index is built at the first search, not on every page view
WORKER_FIRST = "manual-search-first.js"
WORDS_FILE = Path("search/words.js")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def write_worker(site_dir: Path, ours: Path) -> Path:
    """The site's search worker: our first part (overrides/…/manual-search-first.js), Material's own
    worker, then our query handling (overrides/…/manual-search.js), from the folder `ours`.

    One file with no parameters runs the same as a web worker and inside iframe-worker's shim
    (file://), where a worker neither sees its own URL nor waits for importScripts."""
    folder = site_dir / WORKER
    [material] = sorted(folder.glob("search.*.min.js"))
    parts = [
        (ours / WORKER_FIRST).read_text("utf-8"),
        SOURCE_MAP.sub("", material.read_text(encoding="utf-8")).rstrip(),
        (ours / WORKER_NAME).read_text("utf-8"),
    ]
    # Material's worker is strict code, and the directive counts only at the top of the file
    combined = '"use strict";\n' + "\n".join(parts)
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


INDEX_FILE = Path("search/search_index.json")
# the offline edition's copy of the index as a script (Material's offline plugin), for file://
OFFLINE_INDEX_FILE = Path("search/search_index.js")


def finish(site_dir: Path, manual: Manual, lang: str, root: Path) -> None:
    """What the theme leaves to us after one language's build: keywords in its search index, the
    words for "Menade du …?", our search worker, and the offline edition's copy of the index."""
    index_file = site_dir / INDEX_FILE
    if not index_file.exists():
        return
    enrich_search_index(index_file, manual, lang)
    write_words(site_dir)
    write_worker(site_dir, root / layout.OVERRIDES / WORKER)
    offline_copy = site_dir / OFFLINE_INDEX_FILE
    if offline_copy.exists():
        offline_copy.write_text("var __index = " + index_file.read_text(encoding="utf-8"), encoding="utf-8")
