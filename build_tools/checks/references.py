"""Ids are unique, every reference points at something that exists, reviews are dated sensibly."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import messages as m
from ..model import Actor, Contact, GlossaryTerm, Law, LegalRef, Manual, Node, PendingChange, Region, Step, TimeLimit
from ..problems import Problem
from ..review import REVIEWERS, next_review
from .walk import all_nodes

if TYPE_CHECKING:
    from . import CheckOptions


def check_unique_ids(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    kinds: dict[str, Iterable[Node]] = {
        "step": manual.steps,
        "actor": manual.actors,
        "law": manual.laws,
        "contact": manual.contacts,
        "region": manual.regions,
        "glossary term": manual.glossary,
        "source": manual.sources,
        "sign": manual.signs,
        "exercise": manual.exercises,
        "change": manual.changes,
        "right": [right for step in manual.steps for right in step.rights if right.id],
    }
    for kind, nodes in kinds.items():
        first: dict[str, Node] = {}
        for node in nodes:
            node_id = node.id  # type: ignore[attr-defined]
            if node_id in first:
                other = first[node_id]
                where = f"{other.path}:{other.line_of('id')}"
                problems.append(m.DUPLICATE_ID.at(node.path, node.line_of("id"), kind=kind, id=node_id, other=where))
            else:
                first[node_id] = node
    for step in manual.steps:
        seen: set[str] = set()
        for limit in step.time_limits:
            if limit.id in seen:
                problems.append(m.DUPLICATE_TIME_LIMIT.at(step.path, limit.line_of("id"), id=limit.id))
            seen.add(limit.id)
    return problems


def did_you_mean(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1)
    return f"; did you mean '{guess[0]}'?" if guess else ""


def unknown(path: str, line: int, value: str, known: Iterable[str], what: str, kind: str) -> Problem:
    """A reference to an id that does not exist, with a guess; `kind` names the kind of id (actor, step, …),
    so that references to what a broken file defines fold into its root cause."""
    return m.UNKNOWN_REFERENCE.ref(path, line, (kind, value), what=what, value=value, hint=did_you_mean(value, known))


def missing(node: Node, key: str, ids: list[str] | str | None, known: dict, what: str, kind: str) -> list[Problem]:
    """One problem per id in `ids` that is not in `known`."""
    if ids is None:
        return []
    values = [ids] if isinstance(ids, str) else ids
    return [
        unknown(node.path, node.line_of(key, index if isinstance(ids, list) else None), value, known, what, kind)
        for index, value in enumerate(values)
        if value not in known
    ]


def check_references(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    actors, steps = manual.actor_by_id, manual.step_by_id
    contacts, sources, laws = manual.contact_by_id, manual.source_by_id, manual.law_by_id
    for node in all_nodes(manual):
        if isinstance(node, LegalRef):
            problems += missing(node, "law", node.law, laws, "law (steps/shared/laws.yml)", "law")
            problems += missing(node, "against", node.against, sources, "source (steps/shared/sources.yml)", "source")
        if isinstance(node, Law):
            problems += missing(
                node, "consolidated", node.consolidated, sources, "source (steps/shared/sources.yml)", "source"
            )
        if isinstance(node, PendingChange):
            problems += missing(node, "steps", node.steps, steps, "step", "step")
        if isinstance(node, (Step, Actor, Region)):
            problems += missing(
                node, "contacts", node.contacts, contacts, "contact (steps/shared/contacts.yml)", "contact"
            )
        if isinstance(node, TimeLimit):
            problems += missing(node, "applies", node.applies, actors, "actor", "actor")
            problems += missing(node, "decides", node.decides, actors, "actor", "actor")
        if isinstance(node, Contact):
            problems += missing(node, "actor", node.actor, actors, "actor", "actor")
        if isinstance(node, GlossaryTerm):
            problems += missing(node, "steps", node.steps, steps, "step", "step")
            problems += missing(node, "actors", node.actors, actors, "actor", "actor")
        # a model keeps its fields in its __dict__; getattr's miss on the other kinds goes through
        # pydantic's __getattr__ and an exception, thousands of times a check
        node_sources = vars(node).get("sources")
        if isinstance(node_sources, list):
            problems += missing(node, "sources", node_sources, sources, "source (steps/shared/sources.yml)", "source")
    return problems


def check_review_dates(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    reviewed_nodes: tuple[Step | Actor, ...] = (*manual.steps, *manual.actors)
    for node in reviewed_nodes:
        reviewed = node.last_reviewed
        line = node.line_of("last_reviewed")
        due = next_review(node, options.review_max_age_days)
        if reviewed > options.today:
            problems.append(m.REVIEW_IN_FUTURE.at(node.path, line, date=reviewed))
        elif node.next_review is not None and node.next_review <= reviewed:
            problems.append(m.NEXT_REVIEW_NOT_AFTER.at(node.path, node.line_of("next_review"), due=due, date=reviewed))
        elif due < options.today:
            who = REVIEWERS[node.reviewer].name(m.MESSAGE_LANGUAGE)
            problems.append(m.REVIEW_OVERDUE.at(node.path, line, date=reviewed, due=due, reviewer=who))
    for any_node in all_nodes(manual):
        for change in vars(any_node).get("changes") or []:
            if change.date > options.today:
                problems.append(m.CHANGE_IN_FUTURE.at(change.path, change.line_of("date"), date=change.date))
    return problems


def check_sources_locatable(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [
        m.SOURCE_NOT_LOCATABLE.at(source.path, source.line_of("id"))
        for source in manual.sources
        if not (source.url or source.document)
    ]
