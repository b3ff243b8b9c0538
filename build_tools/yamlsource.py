"""Read YAML so that every value remembers its line.

PyYAML composes a node tree with positions; we turn it into plain dicts and lists that also
carry the line of each key and item. Everything that can go wrong with a file (not UTF-8,
empty, tabs, syntax errors, duplicate keys) becomes a Problem instead of an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import messages as m
from .problems import INVISIBLE, Problem


class YamlMap(dict):
    """A mapping that knows the line of itself and of each of its keys (1-based)."""

    line: int
    key_lines: dict[str, int]


class YamlList(list):
    """A sequence that knows the line of itself and of each item (1-based)."""

    line: int
    item_lines: list[int]


# limits where content could explode: checked here, not discovered by running out of memory
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_VALUES = 200_000


def find_invisible(text: str) -> list[tuple[int, str]]:
    """(line, character as U+XXXX) of the first invisible character on each line that has one."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = INVISIBLE.search(line)
        if match:
            found.append((number, f"U+{ord(match.group(0)):04X}"))
    return found


class YamlFileError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


_constructor = yaml.constructor.SafeConstructor()


STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == STR_TAG:
        return node.value  # what the constructor's str rule returns, without its dispatch and memo
    try:
        return _constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # e.g. a date such as 2026-13-40: keep the text, validation then says what is wrong
        return node.value


class _Budget:
    """Counts the values made from a file: aliases make a small file expand without bound."""

    def __init__(self) -> None:
        self.values = 0


class _TooLarge(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _convert(node: yaml.Node, rel: str, problems: list[Problem], budget: _Budget | None = None, depth: int = 0) -> Any:
    budget = budget or _Budget()
    budget.values += 1
    if budget.values > MAX_VALUES:
        raise _TooLarge(m.TOO_MANY_VALUES.at(rel, node.start_mark.line + 1, limit=MAX_VALUES))
    if depth > MAX_DEPTH:
        raise _TooLarge(m.TOO_DEEP.at(rel, node.start_mark.line + 1, limit=MAX_DEPTH))
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key: Any = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(m.KEY_NOT_WORD.at(rel, key_node.start_mark.line + 1))
                continue
            key = str(key)
            if key in result:
                first = result.key_lines[key]
                problems.append(m.DUPLICATE_KEY.at(rel, key_node.start_mark.line + 1, key=key, first=first))
                continue
            result.key_lines[key] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, rel, problems, budget, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = YamlList()
        items.line = node.start_mark.line + 1
        items.item_lines = []
        for item in node.value:
            items.item_lines.append(item.start_mark.line + 1)
            items.append(_convert(item, rel, problems, budget, depth + 1))
        return items
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def _syntax_problem(rel: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    what = getattr(error, "problem", None) or str(error)
    if "'\\t'" in what or "\t" in what:
        return m.TAB_INDENT.at(rel, line)
    context = getattr(error, "context", None)
    detail = f"{context}, {what}" if context else what
    return m.YAML_SYNTAX.at(rel, line, detail=detail)


def _compose(text: str, rel: str) -> yaml.Node | None:
    """The node tree: libyaml's fast parser when it is there; the pure one words a syntax error."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.compose(text, Loader=loader)
        except yaml.YAMLError as exc:
            if "nesting depth" in str(exc):  # libyaml's own limit; the pure parser would recurse
                mark = getattr(exc, "problem_mark", None)
                raise YamlFileError([m.TOO_DEEP.at(rel, mark.line + 1 if mark else 1, limit=MAX_DEPTH)]) from None
            # else: say it with the pure loader's line and wording below
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(path: Path, rel: str) -> Any:
    """Parse one file. Raise YamlFileError with every problem found in it."""
    if path.is_symlink():
        raise YamlFileError([m.SYMLINK.at(rel, 1)])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlFileError([m.FILE_TOO_LARGE.at(rel, 1, size=size // 1000, limit=MAX_FILE_BYTES // 1000)])
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlFileError([m.UNREADABLE.at(rel, 1, reason=exc.strerror or type(exc).__name__)]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError([m.NOT_UTF8.at(rel, line)]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    invisible = find_invisible(text)
    if invisible:
        raise YamlFileError([m.CONTROL_CHARACTER.at(rel, line, char=char) for line, char in invisible])
    try:
        node = _compose(text, rel)
    except yaml.YAMLError as exc:
        raise YamlFileError([_syntax_problem(rel, exc)]) from None
    except RecursionError:
        raise YamlFileError([m.TOO_DEEP.at(rel, 1, limit=MAX_DEPTH)]) from None
    if node is None:
        raise YamlFileError([m.EMPTY_FILE.at(rel, 1)])
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        raise YamlFileError([m.NULL_FILE.at(rel, node.start_mark.line + 1, value=node.value or "~")])
    problems: list[Problem] = []
    try:
        data = _convert(node, rel, problems)
    except _TooLarge as exc:
        raise YamlFileError([exc.problem]) from None
    if problems:
        raise YamlFileError(problems)
    return data


def line_at(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest value along `loc` that exists in the tree (a key or list item)."""
    line = getattr(data, "line", 1)
    current = data
    for part in loc:
        if isinstance(current, YamlMap) and isinstance(part, str) and part in current:
            line = current.key_lines[part]
            current = current[part]
        elif isinstance(current, YamlList) and isinstance(part, int) and 0 <= part < len(current):
            line = current.item_lines[part]
            current = current[part]
        # any other part (a missing key, a union tag in a validation path) keeps the line found so far
    return line
