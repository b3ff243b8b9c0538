"""Language analysis shared by the site's search index and `manual search`.

Stemming (current Snowball), splitting Swedish compound words against a vocabulary taken from the
content, and the glossary's concepts (a term with its expansions, abbreviations and synonyms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from ..languages import BY_CODE, SITE_LANGUAGES
from ..model import GlossaryTerm, Manual

# each site language's Snowball stemmer, from the language table (None: words are only lowercased)
SNOWBALL_NAMES: dict[str, str | None] = {code: BY_CODE[code].stemmer for code in SITE_LANGUAGES}
# the site languages whose compounds search splits (`compounds` in the table), by the Decompounder's
# Swedish rules (linking letters, onsets)
COMPOUND_LANGUAGES: tuple[str, ...] = tuple(code for code in SITE_LANGUAGES if BY_CODE[code].compounds)
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^>]+>")

# Swedish joins the parts of a compound with a linking letter: arbetskraft-s-exploatering, människ-o-handel,
# skad-e-stånd, gat-u-kök
LINKING_LETTERS = "soeu"
MIN_COMPOUND = 8  # shorter words are rarely compounds, and splitting them mostly finds noise
MIN_HEAD = 4
VOWELS = "aeiouyåäö"
# how a Swedish word can begin: a consonant or a consonant cluster, then a vowel
ONSET = re.compile(r"(?:[bcdfghjklmnpqrtvwxz]|s|sch|[bdfgkpt][lr]|kn|kv|s[klmnptv]|s[kpt]r|tv)[aeiouyåäö]")
MIN_ENDING = 5  # an unknown tail must be at least this long
# endings that make a word look like "known word + ending" without being a compound
# fmt: off
INFLECTIONS = frozenset({
    "arna", "erna", "orna", "heterna", "arne", "aste", "anden", "aren", "heten", "heter", "arnas", "ernas",
    "ornas", "ades", "andes", "arens", "hetens", "andet", "ande", "ning", "ningar", "ningen", "ningens", "else",
    "elsen", "ighet", "igheten", "lighet", "ligt", "liga", "lig"
})
# fmt: on


def words(text: str) -> list[str]:
    """The words of a text (HTML tags dropped), as written."""
    return WORD.findall(TAG.sub(" ", text))


class UnknownStemmer(ValueError):
    """A site language names a stemmer Snowball does not have (languages.py, `stemmer`)."""


def unknown_stemmer(lang: str) -> str | None:
    """Why `lang`'s stemmer cannot be used, or None: what `manual check` and search say."""
    name = SNOWBALL_NAMES.get(lang)
    if name is None or name in snowballstemmer.algorithms():
        return None
    return (
        f"site language {lang!r}: stemmer {name!r} is not a Snowball stemmer; use one of "
        f"{', '.join(snowballstemmer.algorithms())}, or stemmer=None to search unstemmed words"
    )


@cache
def stemmer(lang: str) -> snowballstemmer.stemmer | None:
    """The site language's Snowball stemmer; None for a language without one (its words are only
    lowercased: search then matches inflected forms only by prefix)."""
    if problem := unknown_stemmer(lang):
        raise UnknownStemmer(problem)
    name = SNOWBALL_NAMES[lang]
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=100_000)  # the same words recur in every section; Snowball is pure Python here
def stem(word: str, lang: str) -> str:
    found = stemmer(lang)
    return found.stemWord(word.casefold()) if found else word.casefold()


def stem_function(lang: str) -> Callable[[str], str]:
    """`stem` for one language, as whoosh's StemFilter takes it."""

    def stem_in(word: str) -> str:
        return stem(word, lang)

    return stem_in


STEM_FUNCTIONS = {code: stem_function(code) for code in SITE_LANGUAGES}


@cache
def _snowball(algorithm: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=100_000)
def stem_swedish(word: str) -> str:
    """The Swedish stem: the Decompounder's, whose rules are Swedish (linking letters, onsets)."""
    return _snowball("swedish").stemWord(word.casefold())


class Decompounder:
    """Splits Swedish compounds into parts that occur in the content on their own (or as stems).

    'brottsskadeersättning' -> ['brott', 'skade', 'ersättning']: every part is a known word, joined
    by linking letters. Failing that, a known head may keep a tail that is not a word on its own but
    ends several words (the tail carries the meaning): 'människohandel' -> ['människ', 'handel'].
    """

    def __init__(self, vocabulary: Iterable[str]):
        known: set[str] = set()
        for word in vocabulary:
            lowered = word.casefold()
            if len(lowered) >= 3 and lowered.isalpha():
                known.add(lowered)
                known.add(stem_swedish(lowered))
        self.known = frozenset(known)
        sizes = [(word, range(MIN_ENDING, len(word) - MIN_HEAD + 1)) for word in known]
        endings = Counter(word[-size:] for word, sizes_of_word in sizes for size in sizes_of_word)
        beginnings = Counter(word[:size] for word, sizes_of_word in sizes for size in sizes_of_word)
        # parts that recur in several words of the content, though never alone ('människo-', '-handel')
        self.endings = frozenset(ending for ending, count in endings.items() if count >= 2)
        self.beginnings = frozenset(beginning for beginning, count in beginnings.items() if count >= 2)
        self._segments: dict[str, list[str] | None] = {}

    def _is_known(self, part: str) -> bool:
        return part in self.known or stem_swedish(part) in self.known

    def _head(self, head: str) -> str | None:
        """The head as a known word, without its linking letter; None if it is not one."""
        if len(head) >= MIN_HEAD and self._is_known(head):
            return head
        if head[-1] in LINKING_LETTERS and len(head) > MIN_HEAD:
            stripped = head[:-1]
            if self._is_known(stripped) or self._is_known(stripped + "a"):  # människa -> människo-
                return stripped
        return None

    def _is_tail(self, tail: str) -> bool:
        # a short part starting with a vowel is mostly a suffix ('ing', 'amheten'), not a word
        shortest = MIN_ENDING if tail[0] in VOWELS else 3
        return tail not in INFLECTIONS and len(tail) >= shortest and len(stem_swedish(tail)) >= 3

    def _segment(self, word: str) -> list[str] | None:
        """Known parts that make up `word` (fewest parts first), or None."""
        if word not in self._segments:
            best = [word] if self._is_tail(word) and self._is_known(word) else None
            for cut in range(MIN_HEAD, len(word) - 2):
                head = self._head(word[:cut])
                rest = self._segment(word[cut:]) if head else None
                if head and rest and (best is None or len(rest) + 1 < len(best)):
                    best = [head, *rest]
            self._segments[word] = best
        return self._segments[word]

    def parts(self, word: str) -> list[str]:
        """The parts of a compound; [] when the word is not one."""
        lowered = word.casefold()
        if len(lowered) < MIN_COMPOUND or not lowered.isalpha():
            return []
        whole = [
            [head, *rest]
            for cut in range(MIN_HEAD, len(lowered) - 2)
            if (head := self._head(lowered[:cut])) and (rest := self._segment(lowered[cut:]))
        ]
        if whole:
            return min(whole, key=len)
        for cut in range(MIN_HEAD, len(lowered) - MIN_ENDING + 1):
            start, tail = lowered[:cut], lowered[cut:]
            recurring = start[-1] in LINKING_LETTERS and start in self.beginnings  # 'människo-', not 'förundersö-'
            head = self._head(start) or (start[:-1] if recurring else None)
            # 'unde|rsökning', 'verks|amheten', 'behan|dlingen': not how Swedish words begin
            unsure = len(start) <= MIN_HEAD or not ONSET.match(tail)
            if head and not unsure and self._is_tail(tail) and stem_swedish(tail) in self.endings:
                return [head, tail]
        return []


def vocabulary(texts: Iterable[str], manual: Manual, lang: str) -> list[str]:
    """The words of the pages and of the glossary in `lang`: what the Decompounder knows. The
    glossary counts even where no page uses its words yet."""
    found = [word for text in texts for word in words(text)]
    for term in manual.glossary:
        found += words(term.term) + words(term.definition.get(lang))
        if term.expansion:
            found += words(term.expansion.get(lang))
        if term.synonyms:
            found += [word for name in term.synonyms.words(lang) for word in words(name)]
    return found


@dataclass(frozen=True)
class Concept:
    """A glossary entry as search sees it: every name people use for the same thing."""

    id: str
    names: tuple[str, ...]


def is_abbreviation(name: str) -> bool:
    # 'LVU', 'FU', 'UT': matched as written, so 'UT' does not match the word 'ut'
    return name.isupper() and " " not in name and len(name) <= 8


def concepts(manual: Manual) -> list[Concept]:
    """Each glossary term with its expansion and synonyms in every site language (people mix them)."""
    return [_concept(term) for term in manual.glossary]


def _concept(term: GlossaryTerm) -> Concept:
    names = [term.term]
    if term.expansion:
        names += [getattr(term.expansion, lang) or "" for lang in SITE_LANGUAGES]
    if term.synonyms:
        names += [name for lang in SITE_LANGUAGES for name in term.synonyms.words(lang)]
    return Concept(term.id, tuple(dict.fromkeys(name for name in names if name)))


class ConceptMatcher:
    """Finds the glossary concepts a text mentions, by any of their names, in one language."""

    def __init__(self, all_concepts: Iterable[Concept], lang: str):
        self.lang = lang
        # patterns by (exact?, first word): a text is scanned once, however many concepts there are
        self.patterns: dict[tuple[bool, str], list[tuple[Concept, tuple[str, ...]]]] = {}
        self.order: dict[Concept, int] = {}
        for concept in all_concepts:
            self.order.setdefault(concept, len(self.order))
            for name in concept.names:
                exact = is_abbreviation(name)
                pattern = (name,) if exact else tuple(stem(w, lang) for w in words(name))
                if pattern:
                    self.patterns.setdefault((exact, pattern[0]), []).append((concept, pattern))

    def mentions(self, text: str, ignore_case: bool = False) -> dict[Concept, int]:
        """How often `text` names each concept; `ignore_case` lets a typed 'lvu' name LVU (queries)."""
        surface = words(text)
        sequences = {
            True: [w.upper() for w in surface] if ignore_case else surface,
            False: [stem(w, self.lang) for w in surface],
        }
        counts: dict[Concept, int] = {}
        for exact, sequence in sequences.items():
            for index, word in enumerate(sequence):
                for concept, pattern in self.patterns.get((exact, word), ()):
                    if tuple(sequence[index : index + len(pattern)]) == pattern:
                        counts[concept] = counts.get(concept, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: self.order[item[0]]))


# Question words and filler that professionals type around the words that matter ("vem gör
# orosanmälan", "vad gör jag om …"): dropped from a query unless nothing else is left. Kept equal to
# FILLER in overrides/assets/javascripts/workers/manual-search.js (a test compares them).
# fmt: off
FILLER_WORDS = frozenset({
    "vem", "vilka", "vilken", "vilket", "hur", "vad", "var", "när", "varför", "gör", "göra", "gäller",
    "jag", "man", "kan", "ska", "måste", "får", "finns", "om", "är", "en", "ett", "det", "den", "med",
    "who", "what", "which", "when", "where", "why", "how", "do", "does", "i", "can", "should", "must",
    "is", "are", "the", "a", "an", "of", "to", "for",
})
# fmt: on
FUZZY_MIN = 5  # a query word this long also matches words one edit away
MIN_SUGGESTION = 3


def content_words(text: str) -> list[str]:
    """The words of a query that carry its meaning; all of them if every word is filler."""
    found = words(text)
    kept = [word for word in found if word.casefold() not in FILLER_WORDS]
    return kept or found


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (lowercased, letters only) occurs: what 'Menade du …?' may offer."""
    return Counter(
        word.casefold() for text in texts for word in words(text) if len(word) >= MIN_SUGGESTION and word.isalpha()
    )


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit); limit + 1 beyond limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggestions(query: str, counts: Counter[str] | dict[str, int], limit: int = 3) -> list[str]:
    """'Menade du …?': the query with each unknown word replaced by the nearest known words (one or
    two edits away, the more frequent first); [] when every word is known or nothing is near.
    overrides/assets/manual/search-help.js does the same in the site."""
    typed = words(query)
    options: list[list[str]] = []
    changed = False
    for word in typed:
        lowered = word.casefold()
        if lowered in counts or len(lowered) < MIN_SUGGESTION:
            options.append([word])
            continue
        allowed = 1 if len(lowered) < FUZZY_MIN else 2
        near = sorted(
            (distance, -count, known)
            for known, count in counts.items()
            if (distance := edit_distance(lowered, known, allowed)) <= allowed
        )
        if near:
            changed = True
            options.append([known for _, _, known in near[:limit]])
        else:
            options.append([word])
    if not changed:
        return []
    # one suggestion per alternative of the first changed word, the other words at their best
    pivot = next(i for i, choices in enumerate(options) if choices != [typed[i]])
    return [
        " ".join(choice if i == pivot else choices[0] for i, choices in enumerate(options)) for choice in options[pivot]
    ]
