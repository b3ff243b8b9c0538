"""Walk every model node of the manual, for checks that apply wherever a kind of value appears."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Manual, Node


def iter_nodes(node: Node) -> Iterator[Node]:
    yield node
    for name in type(node).model_fields:
        value = getattr(node, name)
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, Node):
                yield from iter_nodes(item)


def top_level(manual: Manual) -> Iterator[Node]:
    for collection in (
        manual.actors,
        manual.steps,
        manual.laws,
        manual.contacts,
        manual.regions,
        manual.glossary,
        manual.sources,
        manual.signs,
        manual.exercises,
        manual.decision_aids,
        manual.changes,
        (manual.sheets,) if manual.sheets else (),
        manual.sheet_translations,
    ):
        yield from collection


def all_nodes(manual: Manual) -> Iterator[Node]:
    for node in top_level(manual):
        yield from iter_nodes(node)
