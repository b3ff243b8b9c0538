"""Walk every model node of the manual, for checks that apply wherever a kind of value appears."""

from __future__ import annotations

import dataclasses
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
    """Every item of every field of the manual: a new kind of content is walked as soon as it is loaded."""
    for field in dataclasses.fields(manual):
        value = getattr(manual, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Node):
                yield item


def all_nodes(manual: Manual) -> Iterator[Node]:
    for node in top_level(manual):
        yield from iter_nodes(node)
