"""Language analysis shared by the site's search index and `manual search`.

Stemming (current Snowball), splitting Swedish compound words against a vocabulary taken from the
content, and the glossary's concepts (a term with its expansions, abbreviations and synonyms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from ..model import GlossaryTerm, Manual

SNOWBALL_NAMES = {"sv": "swedish", "en": "english"}
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^>]+>")

# Swedish joins the parts of a compound with a linking letter: arbetskraft-s-exploatering, människ-o-handel
LINKING_LETTERS = "so"
MIN_COMPOUND = 8  # shorter words are rarely compounds, and splitting them mostly finds noise
MIN_HEAD = 4
MIN_TAIL = 4
# endings that make a word look like "known word + ending" without being a compound
INFLECTIONS = frozenset(
    [
        "arna",
        "erna",
        "orna",
        "heterna",
        "arne",
        "aste",
        "anden",
        "aren",
        "heten",
        "heter",
        "arnas",
        "ernas",
        "ornas",
        "ades",
        "andes",
        "arens",
        "hetens",
        "andet",
        "ande",
        "ning",
        "ningar",
        "ningen",
        "ningens",
        "else",
        "elsen",
        "ighet",
        "igheten",
        "lighet",
        "ligt",
        "liga",
        "lig",
    ]
)


def words(text: str) -> list[str]:
    """The words of a text (HTML tags dropped), as written."""
    return WORD.findall(TAG.sub(" ", text))


@cache
def stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(SNOWBALL_NAMES[lang])


@lru_cache(maxsize=100_000)  # the same words recur in every section; Snowball is pure Python here
def stem(word: str, lang: str) -> str:
    return stemmer(lang).stemWord(word.casefold())


def stem_swedish(word: str) -> str:
    return stem(word, "sv")


def stem_english(word: str) -> str:
    return stem(word, "en")


STEM_FUNCTIONS = {"sv": stem_swedish, "en": stem_english}


class Decompounder:
    """Splits Swedish compounds into parts that occur in the content on their own (or as stems).

    'människohandel' -> ['människ', 'handel'] because 'människor' stems to 'människ'; the tail of a
    compound is kept even when it never stands alone, since it carries the meaning ('handel').
    """

    def __init__(self, vocabulary: Iterable[str]):
        known: set[str] = set()
        for word in vocabulary:
            lowered = word.casefold()
            if len(lowered) >= 3 and lowered.isalpha():
                known.add(lowered)
                known.add(stem_swedish(lowered))
        self.known = frozenset(known)

    def _is_known(self, part: str) -> bool:
        return part in self.known or stem_swedish(part) in self.known

    def _head(self, head: str) -> str | None:
        if self._is_known(head):
            return head
        if head[-1] in LINKING_LETTERS and len(head) > MIN_HEAD and self._is_known(head[:-1]):
            return head[:-1]
        return None

    def parts(self, word: str) -> list[str]:
        """The parts of a compound, longest head first; [] when the word is not a compound."""
        lowered = word.casefold()
        if len(lowered) < MIN_COMPOUND or not lowered.isalpha():
            return []
        return list(dict.fromkeys(self._split(lowered)))

    def _split(self, word: str) -> list[str]:
        for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
            tail = word[cut:]
            if tail in INFLECTIONS or len(stem_swedish(tail)) < 3:
                continue
            head = self._head(word[:cut])
            if head is None:
                continue
            return [head, *self._split(head), tail]
        return []


@dataclass(frozen=True)
class Concept:
    """A glossary entry as search sees it: every name people use for the same thing."""

    id: str
    names: tuple[str, ...]


def is_abbreviation(name: str) -> bool:
    # 'LVU', 'FU', 'UT': matched as written, so 'UT' does not match the word 'ut'
    return name.isupper() and " " not in name and len(name) <= 8


def concepts(manual: Manual) -> list[Concept]:
    """Each glossary term with its expansion and synonyms in both languages (people mix them)."""
    return [_concept(term) for term in manual.glossary]


def _concept(term: GlossaryTerm) -> Concept:
    names = [term.term]
    if term.expansion:
        names += [term.expansion.sv or "", term.expansion.en or ""]
    if term.synonyms:
        names += term.synonyms.sv + term.synonyms.en
    return Concept(term.id, tuple(dict.fromkeys(name for name in names if name)))


class ConceptMatcher:
    """Finds the glossary concepts a text mentions, by any of their names, in one language."""

    def __init__(self, all_concepts: Iterable[Concept], lang: str):
        self.lang = lang
        self.patterns: list[tuple[Concept, tuple[str, ...], bool]] = []
        for concept in all_concepts:
            for name in concept.names:
                if is_abbreviation(name):
                    self.patterns.append((concept, (name,), True))
                else:
                    self.patterns.append((concept, tuple(stem(w, lang) for w in words(name)), False))

    def mentioned(self, text: str, ignore_case: bool = False) -> list[Concept]:
        """Concepts named in `text`; `ignore_case` lets a typed 'lvu' name LVU (for queries)."""
        surface = words(text)
        stems = [stem(w, self.lang) for w in surface]
        surface_set, found = set(surface), {}
        if ignore_case:
            surface_set |= {w.upper() for w in surface}
        for concept, pattern, exact in self.patterns:
            if concept.id in found or not pattern:
                continue
            if (exact and pattern[0] in surface_set) or (not exact and _contains(stems, pattern)):
                found[concept.id] = concept
        return list(found.values())


def _contains(sequence: list[str], pattern: tuple[str, ...]) -> bool:
    first, size = pattern[0], len(pattern)
    return any(
        sequence[i] == first and tuple(sequence[i : i + size]) == pattern for i in range(len(sequence) - size + 1)
    )
