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
