"""Texts are Markdown only: no raw HTML, script links or HTML attributes (they could run code), and
no images from other sites (they would tell another host who reads the manual)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import messages as m
from ..markup import find_unsafe, without_closing_tags
from ..model import Manual, Node
from ..problems import Message, Problem
from .walk import all_nodes, field_names

if TYPE_CHECKING:
    from . import CheckOptions

MESSAGE_OF_KIND: dict[str, tuple[Message, str]] = {
    "html": (m.RAW_HTML, "markup"),
    "link": (m.UNSAFE_LINK, "target"),
    "attributes": (m.ATTRIBUTE_LIST, "markup"),
    "remote-image": (m.REMOTE_IMAGE, "target"),
}
SHOWN_LENGTH = 60


def texts_of(node: Node) -> Iterator[tuple[str, int, str]]:
    """(field, index, text) of every text written directly in this node."""
    for name in field_names(type(node)):
        value = getattr(node, name)
        if isinstance(value, str):
            yield name, -1, value
        elif isinstance(value, list):
            yield from ((name, index, item) for index, item in enumerate(value) if isinstance(item, str))


# the texts of the last manual read: three checks read every text of the same immutable manual
_read: tuple[Manual, tuple[tuple[Node, str, int, str], ...]] | None = None


def all_texts(manual: Manual) -> tuple[tuple[Node, str, int, str], ...]:
    """(node, field, index, text) of every text in the manual, in the order of all_nodes and texts_of."""
    global _read
    if _read is None or _read[0] is not manual:
        _read = (manual, tuple((node, *text) for node in all_nodes(manual) for text in texts_of(node)))
    return _read[1]


def check_markup(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    for node, name, index, text in all_texts(manual):
        line = node.line_of(name, index if index >= 0 else None)
        found = find_unsafe(text)
        for unsafe in without_closing_tags(found):
            message, placeholder = MESSAGE_OF_KIND[unsafe.kind]
            shown = unsafe.text if len(unsafe.text) <= SHOWN_LENGTH else unsafe.text[:SHOWN_LENGTH] + "…"
            problems.append(message.at(node.path, line, **{placeholder: shown}))
    return problems
