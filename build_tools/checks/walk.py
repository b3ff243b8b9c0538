"""Walk every model node of the manual, for checks that apply wherever a kind of value appears."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import cache

from ..model import Manual, Node


@cache
def field_names(kind: type[Node]) -> tuple[str, ...]:
    """The fields of a kind of node, in their order (pydantic's `model_fields` is a property on each use)."""
    return tuple(kind.model_fields)


def iter_nodes(node: Node) -> Iterator[Node]:
    yield node
    for name in field_names(type(node)):
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


# the nodes of the last manual walked: a check walks it some ten times, and a loaded manual is immutable
# (a frozen dataclass of frozen models), so the walk is made once per manual
_walked: tuple[Manual, tuple[Node, ...]] | None = None


def all_nodes(manual: Manual) -> Iterator[Node]:
    global _walked
    if _walked is None or _walked[0] is not manual:
        _walked = (manual, tuple(node for top in top_level(manual) for node in iter_nodes(top)))
    return iter(_walked[1])
