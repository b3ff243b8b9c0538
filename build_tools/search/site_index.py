"""Teach the site's search (Material's lunr index) Swedish compounds and the glossary's names.

Material writes `search/search_index.json` with one document per section. Each document gets a
hidden field, `keywords` (declared in the search plugin's `fields` in mkdocs*.yml), holding the
parts of its compound words and every name of the glossary concepts it mentions. The site's own
stemmer and the worker in overrides/assets/javascripts/workers/ do the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Manual
from .language import ConceptMatcher, Decompounder, concepts, words

KEYWORDS_FIELD = "keywords"


def keywords(text: str, matcher: ConceptMatcher, decompounder: Decompounder | None) -> str:
    found: list[str] = []
    for concept in matcher.mentioned(text):
        found += concept.names
    if decompounder is not None:
        for word in dict.fromkeys(words(text)):
            found += decompounder.parts(word)
    return " ".join(dict.fromkeys(found))


def glossary_vocabulary(manual: Manual, lang: str) -> list[str]:
    """Words of the glossary in `lang`, so its terms are known parts even where pages lack them."""
    vocabulary: list[str] = []
    for term in manual.glossary:
        vocabulary += words(term.term) + words(term.definition.get(lang))
        if term.expansion:
            vocabulary += words(term.expansion.get(lang))
        if term.synonyms:
            vocabulary += [w for name in getattr(term.synonyms, lang) for w in words(name)]
    return vocabulary


def enrich_search_index(index_file: Path, manual: Manual, lang: str) -> None:
    data = json.loads(index_file.read_text(encoding="utf-8"))
    docs = data["docs"]
    texts = [f"{doc.get('title', '')} {doc.get('text', '')}" for doc in docs]
    matcher = ConceptMatcher(concepts(manual), lang)
    decompounder = None
    if lang == "sv":  # English writes its compounds apart
        decompounder = Decompounder([w for text in texts for w in words(text)] + glossary_vocabulary(manual, lang))
    for doc, text in zip(docs, texts, strict=True):
        found = keywords(text, matcher, decompounder)
        if found:
            doc[KEYWORDS_FIELD] = found
    index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
