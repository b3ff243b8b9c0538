"""`manual search`: a whoosh index of the manual's sections, cached and rebuilt when content changes.

Per language: stemming, Swedish compound parts in a `keywords` field (and split query words), and
glossary names expanded at query time ("LVU" also searches the law's full name).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from whoosh import highlight, index
from whoosh import lang as whoosh_languages
from whoosh.analysis import Analyzer, LanguageAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import Or, Prefix, Query, Term

from .. import layout
from ..languages import FIRST_SITE_LANGUAGE
from ..load import load_manual
from ..site_config import search_help
from .keywords import concept_pages as glossary_pages
from .language import (
    COMPOUND_LANGUAGES,
    FUZZY_MIN,
    STEM_FUNCTIONS,
    WORD,
    Concept,
    ConceptMatcher,
    Decompounder,
    concepts,
    content_words,
    edit_distance,
    suggestions,
    vocabulary,
    word_counts,
    words,
)
from .sections import SITES, manual_sections

# whoosh's LanguageAnalyzer (an older Snowball) ranked the gate queries as well as the current Snowball
# from `snowballstemmer` (benchmarks/search.py compares them), so the simpler one is the default
Stemmer = Literal["whoosh", "snowball"]
DEFAULT_STEMMER: Stemmer = "whoosh"
CACHE_DIR = Path(".cache") / "search"
# what the index is made from: the content and the site's Markdown settings in the repository, and
# the code that makes the pages (build_tools whole: templates, UI strings, Markdown extensions, search)
CONTENT = (*layout.CONTENT_FOLDERS, layout.BASE_CONFIG)
CODE = (Path(__file__).parent.parent,)
FIELD_BOOSTS = {"title": 2.0, "text": 1.0, "keywords": 0.6}
EXPANSION_BOOST = 0.5  # a synonym, a compound part or a longer word counts for less than the words typed
CONCEPT_BOOST = 1.0  # a page the glossary lists for a term named in the query
MIN_KNOWN_FORM = 4
FUZZY_BOOST = 0.1  # a word one edit away from what was typed ranks below what was typed
ANALYSIS_FILE = "analysis.json"
MARKS = {"plain": ("**", "**"), "terminal": ("\033[1m", "\033[0m")}


@dataclass(frozen=True)
class Hit:
    title: str
    page_title: str
    url: str
    score: float
    snippet: str


@dataclass(frozen=True)
class Found:
    """A search's hits, and when they are few, the query spelt as the index spells it."""

    hits: list[Hit]
    did_you_mean: list[str]
    ways_on: dict  # the site's ways on from an empty result (site_config.search_help)


def analyzer(lang: str, stemmer: Stemmer) -> Analyzer:
    """whoosh's own analysis where whoosh knows the language; elsewhere the table's Snowball stemmer,
    with whoosh's stop words where it has them."""
    if stemmer == "whoosh" and whoosh_languages.has_stemmer(lang):
        return LanguageAnalyzer(lang)
    chain = RegexTokenizer(WORD.pattern) | LowercaseFilter()
    if whoosh_languages.has_stopwords(lang):
        chain = chain | StopFilter(lang=lang)
    return chain | StemFilter(STEM_FUNCTIONS[lang])


def schema(lang: str, stemmer: Stemmer) -> Schema:
    text = analyzer(lang, stemmer)
    return Schema(
        url=ID(stored=True, unique=True),
        page_title=ID(stored=True),
        heading=ID(stored=True),
        title=TEXT(analyzer=text),  # the heading and its compound parts
        text=TEXT(analyzer=text, stored=True),
        keywords=TEXT(analyzer=text),
        concepts=KEYWORD(scorable=True),  # ids of the glossary terms whose pages these are
    )


def content_key(root: Path, stemmer: Stemmer) -> str:
    digest = hashlib.sha256(stemmer.encode())
    for source in [root / name for name in CONTENT] + list(CODE):
        files = (
            sorted(p for p in source.rglob("*") if p.is_file() and not p.is_symlink()) if source.is_dir() else [source]
        )
        for path in files:
            if path.exists() and path.suffix != ".pyc":
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_index(root: Path, target: Path, stemmer: Stemmer) -> None:
    """Write one whoosh index per language into `target`, plus what queries need from the glossary."""
    manual = load_manual(root).manual
    known: dict[str, list[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    concept_pages = glossary_pages(manual)
    for lang in SITES:
        sections = manual_sections(manual, root, lang)
        texts = [f"{s.title} {s.text}" for s in sections]
        decompounder = Decompounder(vocabulary(texts, manual, lang)) if lang in COMPOUND_LANGUAGES else None
        folder = target / lang
        folder.mkdir(parents=True)
        writer = index.create_in(folder, schema(lang, stemmer)).writer()
        parts = decompounder.parts if decompounder else lambda word: []
        for section in sections:
            # the glossary names the pages where a term matters: a query naming the term prefers them
            home_of = [c.id for c in concept_pages.get(section.url.removeprefix(SITES[lang]), [])]
            writer.add_document(
                url=section.url,
                page_title=section.page_title,
                heading=section.title,
                title=" ".join([section.title, *(p for w in words(section.title) for p in parts(w))]),
                text=section.text,
                keywords=" ".join(p for w in dict.fromkeys(words(section.text)) for p in parts(w)),
                concepts=" ".join(home_of),
                _boost=section.boost,
            )
        writer.commit()
        known[lang] = sorted(decompounder.known) if decompounder else []
        counts[lang] = dict(word_counts(texts).most_common())
    ways_on = {lang: search_help(manual, lang, offline=False) for lang in SITES}
    all_concepts = [asdict(concept) for concept in concepts(manual)]
    analysis = {"known": known, "counts": counts, "ways_on": ways_on, "concepts": all_concepts}
    (target / ANALYSIS_FILE).write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")


def open_index(root: Path, stemmer: Stemmer = DEFAULT_STEMMER) -> Path:
    """The cached index of the current content, built first if the content changed."""
    cache = root / CACHE_DIR
    current = cache / content_key(root, stemmer)
    if current.is_dir():
        return current
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=cache))
    try:
        build_index(root, staging, stemmer)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        staging.rename(current)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not current.is_dir():  # unless another `manual search` built the same index meanwhile
            raise
    for stale in cache.iterdir():
        if stale != current and not stale.name.startswith(".building-"):
            shutil.rmtree(stale, ignore_errors=True)
    return current


class Searcher:
    """Queries the index of one language (`open_index` gives the folder); best sections first."""

    def __init__(self, folder: Path, lang: str):
        analysis = json.loads((folder / ANALYSIS_FILE).read_text(encoding="utf-8"))
        self.lang = lang
        self.index = index.open_dir(folder / lang)
        self.analyzer = self.index.schema["text"].analyzer
        self.parser = self._parser(1.0)
        with self.index.reader() as reader:
            self.terms = frozenset(term.decode() for term in reader.lexicon("text"))
        self.terms_by_length: dict[int, list[str]] = {}
        for term in sorted(self.terms):
            self.terms_by_length.setdefault(len(term), []).append(term)
        known = analysis["known"][lang]
        self.decompounder = Decompounder(known) if known else None
        self.matcher = ConceptMatcher((Concept(c["id"], tuple(c["names"])) for c in analysis["concepts"]), lang)
        self.counts: dict[str, int] = analysis["counts"][lang]
        self.ways_on: dict = analysis["ways_on"][lang]

    def _parser(self, weight: float) -> MultifieldParser:
        boosts = {field: boost * weight for field, boost in FIELD_BOOSTS.items()}
        return MultifieldParser(list(boosts), self.index.schema, fieldboosts=boosts, group=OrGroup)

    def query(self, text: str) -> Query:
        """What was typed (question words and filler left out), or'ed with known forms of unknown
        words, words one edit away, glossary names and compound parts."""
        glossary_text = text
        text = " ".join(content_words(text))
        alternatives = [self.parser.parse(text)]
        expansions: list[str] = []
        for word in words(text):
            alternatives += [self.parser.parse(form) for form in self._known_forms(word)]
            alternatives += self._prefixes(word)
            alternatives += self._near(word)
            if self.decompounder is not None:
                expansions += self.decompounder.parts(word)
        typed = [self._stem(w) for w in words(text)]
        synonyms: list[str] = []
        for concept in self.matcher.mentions(glossary_text, ignore_case=True):
            alternatives.append(Term("concepts", concept.id, boost=CONCEPT_BOOST))
            names = {
                tuple(self._stem(w) for w in words(name)): '"' + " ".join(words(name)) + '"' for name in concept.names
            }
            if tuple(typed) in names:  # the query is a name of the term: its other names mean the same
                synonyms += [quoted for stems, quoted in names.items() if stems != tuple(typed)]
            else:
                expansions += names.values()
        alternatives += [self.parser.parse(synonym) for synonym in dict.fromkeys(synonyms)]
        # many weak expansions must not outweigh what was typed: they share one weight
        expansions = list(dict.fromkeys(expansions))
        parser = self._parser(EXPANSION_BOOST / math.sqrt(len(expansions) or 1))
        alternatives += [parser.parse(expansion) for expansion in expansions]
        return Or(alternatives) if len(alternatives) > 1 else alternatives[0]

    def _stem(self, word: str) -> str:
        """The word as the index holds it ('' for a stop word): the index's own analyzer decides."""
        return next((token.text for token in self.analyzer(word)), "")

    def _prefixes(self, word: str) -> list[Query]:
        """Longer words on the same stem ('koordinator' -> 'koordinatorer'), as the site's search finds."""
        stemmed = self._stem(word)
        if len(stemmed) < MIN_KNOWN_FORM:
            return []
        return [
            Prefix(field, stemmed, boost=boost * EXPANSION_BOOST, constantscore=False)
            for field, boost in FIELD_BOOSTS.items()
        ]

    def _near(self, word: str) -> list[Query]:
        """Index words one edit away ('betänkettid' -> 'betänketid', 'gaurdian' -> 'guardian'), as the
        site's lunr matches them (a swap of neighbours is one edit), for words of FUZZY_MIN letters."""
        stemmed = self._stem(word)
        if len(word) < FUZZY_MIN or not stemmed:
            return []
        near = [
            term
            for size in (len(stemmed) - 1, len(stemmed), len(stemmed) + 1)
            for term in self.terms_by_length.get(size, [])
            if term != stemmed and edit_distance(stemmed, term, 1) <= 1
        ]
        return [Term(field, term, boost=boost * FUZZY_BOOST) for term in near for field, boost in FIELD_BOOSTS.items()]

    def _known_forms(self, word: str) -> list[str]:
        """'uppehållstillståndet' -> ['uppehållstillstånd']: Snowball keeps some endings (-et, -n)."""
        if self._stem(word) in self.terms:
            return []
        for cut in (1, 2):
            shorter = word[:-cut]
            if len(shorter) >= MIN_KNOWN_FORM and self._stem(shorter) in self.terms:
                return [shorter]
        return []

    def find(self, text: str, limit: int = 10, marks: tuple[str, str] = MARKS["plain"]) -> Found:
        """The hits, and "Menade du …?" when a word typed is not in the index but one near it is."""
        return Found(self.search(text, limit, marks), suggestions(text, self.counts), self.ways_on)

    def search(self, text: str, limit: int = 10, marks: tuple[str, str] = MARKS["plain"]) -> list[Hit]:
        with self.index.searcher() as searcher:
            # block-quality skipping loops forever on some queries in whoosh 2.7.4; the index is small anyway
            results = searcher.search(self.query(text), limit=limit, terms=True, optimize=False)
            results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
            results.formatter = _MarkFormatter(*marks)
            return [
                Hit(
                    title=hit["heading"],
                    page_title=hit["page_title"],
                    url=hit["url"],
                    score=round(hit.score, 3),
                    snippet=hit.highlights("text", top=2) or _inside_words(hit["text"], text, marks),
                )
                for hit in results
            ]


class _MarkFormatter(highlight.Formatter):
    def __init__(self, start: str, end: str):
        self.start, self.end, self.between = start, end, " … "

    def format_token(self, text: str, token: object, replace: bool = False) -> str:
        return self.start + highlight.get_text(text, token, replace) + self.end


def _inside_words(text: str, query: str, marks: tuple[str, str], size: int = 200) -> str:
    """A snippet around the first word that holds a query word inside ('handel' in 'människohandel'),
    which whoosh's highlighter does not see; the start of the text if there is none."""
    typed = [re.escape(word) for word in words(query) if len(word) >= MIN_KNOWN_FORM]
    found = re.search(rf"\w*(?:{'|'.join(typed)})\w*", text, re.IGNORECASE) if typed else None
    if found is None:
        return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"
    start = text.rfind(" ", 0, max(0, found.start() - size // 3)) + 1  # whole words only
    end = text.find(" ", found.end() + size // 2)
    end = len(text) if end == -1 else end
    marked = f"{text[start : found.start()]}{marks[0]}{found.group(0)}{marks[1]}{text[found.end() : end]}"
    return ("… " if start else "") + marked + (" …" if end < len(text) else "")


def _searcher(root: Path, lang: str) -> Searcher:
    """A searcher on the cached index; a broken cache is rebuilt, a read-only one is worked around."""
    try:
        folder = open_index(root)
    except OSError:  # the cache cannot be written (a read-only checkout): build the index for this query only
        scratch = Path(tempfile.mkdtemp(prefix="manual-search-"))
        build_index(root, scratch, DEFAULT_STEMMER)
        return Searcher(scratch, lang)
    try:
        return Searcher(folder, lang)
    except Exception:  # a corrupt or half-written cache (whoosh raises many kinds): build it again
        shutil.rmtree(folder, ignore_errors=True)
        try:
            return Searcher(open_index(root), lang)
        except OSError:
            scratch = Path(tempfile.mkdtemp(prefix="manual-search-"))
            build_index(root, scratch, DEFAULT_STEMMER)
            return Searcher(scratch, lang)


def search(
    root: Path, text: str, lang: str = FIRST_SITE_LANGUAGE, limit: int = 10, marks: tuple[str, str] = MARKS["plain"]
) -> list[Hit]:
    if limit < 1:
        raise ValueError("limit must be at least 1")
    return _searcher(root, lang).search(text, limit, marks)


def find(
    root: Path, text: str, lang: str = FIRST_SITE_LANGUAGE, limit: int = 10, marks: tuple[str, str] = MARKS["plain"]
) -> Found:
    if limit < 1:
        raise ValueError("limit must be at least 1")
    return _searcher(root, lang).find(text, limit, marks)
