"""Branching content as a graph: which nodes can be reached, and from which an end can be reached."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping


def reachable(start: str, edges: Mapping[str, Iterable[str]]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def can_reach_end(ends: Iterable[str], edges: Mapping[str, Iterable[str]]) -> set[str]:
    """Nodes from which at least one end node can be reached."""
    reverse: dict[str, list[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            reverse.setdefault(target, []).append(source)
    result: set[str] = set()
    for end in ends:
        result |= reachable(end, reverse)
    return result


def all_paths(start: str, edges: Mapping[str, list[str]], ends: set[str]) -> list[list[int]]:
    """Every path from start to an end as the list of choice indices taken, visiting no node twice."""
    paths: list[list[int]] = []

    def walk(node: str, taken: list[int], visited: frozenset[str]) -> None:
        if node in ends:
            paths.append(taken)
            return
        for index, target in enumerate(edges.get(node, [])):
            if target not in visited:
                walk(target, [*taken, index], visited | {target})

    walk(start, [], frozenset({start}))
    return paths


class TooManyPaths(Exception):
    """More distinct paths than anyone could check by hand, let alone answer: the graph is too large."""


MAX_PATHS = 50_000


def longest_to_ends(start: str, edges: Mapping[str, list[str]], ends: set[str]) -> dict[str, int]:
    """For every end that can be reached: the most steps any path from the start takes to it, no node twice.

    Without loops this is one pass in topological order; with loops the paths are walked, and more
    than MAX_PATHS of them raise TooManyPaths instead of running for ever.
    """
    order = _topological(start, edges)
    if order is not None:
        longest: dict[str, int] = {start: 0}
        for node in order:
            if node in ends and node != start:
                continue
            for target in edges.get(node, []):
                longest[target] = max(longest.get(target, -1), longest[node] + 1)
        return {node: length for node, length in longest.items() if node in ends}
    result: dict[str, int] = {}
    count = 0

    def walk(node: str, length: int, visited: frozenset[str]) -> None:
        nonlocal count
        if node in ends:
            count += 1
            if count > MAX_PATHS:
                raise TooManyPaths
            result[node] = max(result.get(node, 0), length)
            return
        for target in edges.get(node, []):
            if target not in visited:
                walk(target, length + 1, visited | {target})

    walk(start, 0, frozenset({start}))
    return result


def _topological(start: str, edges: Mapping[str, list[str]]) -> list[str] | None:
    """The nodes reachable from start in an order where every edge points forward, or None if there is a loop."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[tuple[str, int]] = [(start, 0)]
    state[start] = 1
    while stack:
        node, index = stack[-1]
        targets = edges.get(node, [])
        if index < len(targets):
            stack[-1] = (node, index + 1)
            target = targets[index]
            if state.get(target) == 1:
                return None
            if target not in state:
                state[target] = 1
                stack.append((target, 0))
        else:
            stack.pop()
            state[node] = 2
            order.append(node)
    return order[::-1]
