"""The search quality gate (tests/search_queries.yml) and how to judge a ranked list against it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
TOP = 3


@dataclass(frozen=True)
class GateQuery:
    lang: str
    query: str
    page: str
    section: str | None = None
    also: tuple[str, ...] = ()  # other pages that answer as well (where the glossary names several)

    @property
    def id(self) -> str:
        return f"{self.lang}:{self.query}"

    @property
    def target(self) -> str:
        return f"{self.page}#{self.section}" if self.section else self.page

    @property
    def pages(self) -> tuple[str, ...]:
        return (self.page, *self.also)


def gate_queries() -> list[GateQuery]:
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    return [GateQuery(**{**entry, "also": tuple(entry.get("also", ()))}) for entry in entries]


def page_of(url: str) -> str:
    return url.split("#", 1)[0]


def top_pages(urls: list[str]) -> list[str]:
    """The first TOP distinct pages, in the order their sections were ranked."""
    return list(dict.fromkeys(page_of(url) for url in urls))[:TOP]


def judge(query: GateQuery, pages: list[str], section_urls: list[str]) -> str | None:
    """Why the results miss the gate, or None when they pass."""
    if not set(query.pages) & set(pages):
        return f"{query.id}: {' or '.join(query.pages)} is not among the top {TOP} pages {pages}"
    if query.section and query.target not in section_urls:
        return f"{query.id}: {query.target} is not among the top sections {section_urls}"
    return None
