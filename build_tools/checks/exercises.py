"""Branching exercises: a graph that starts somewhere, where every node leads to an end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..graph import can_reach_end, reachable
from ..model import Exercise, Manual
from ..problems import Problem

if TYPE_CHECKING:
    from . import CheckOptions


def check_graph(exercise: Exercise, manual: Manual) -> list[Problem]:
    problems: list[Problem] = []
    path = exercise.path
    nodes = exercise.nodes
    if exercise.start not in nodes:
        problems.append(Problem(path, exercise.line_of("start"), f"start node '{exercise.start}' does not exist"))
    for node_id, node in nodes.items():
        line = node.origin.line if node.origin else 1
        if node.end and node.choices:
            problems.append(Problem(path, line, f"node '{node_id}' is an end but also has choices"))
        elif not node.end and not node.choices:
            problems.append(Problem(path, line, f"node '{node_id}' has no choices and is not an end (end: true)"))
        if node.end and node.outcome is None:
            problems.append(Problem(path, line, f"end node '{node_id}' has no 'outcome'"))
        for choice in node.choices:
            if choice.next not in nodes:
                problems.append(
                    Problem(
                        path,
                        choice.line_of("next"),
                        f"choice in node '{node_id}' leads to node '{choice.next}', which does not exist",
                    )
                )
        if node.step is not None and node.step not in manual.step_by_id:
            problems.append(Problem(path, node.line_of("step"), f"step '{node.step}' does not exist"))
        for index, actor in enumerate(node.actors):
            if actor not in manual.actor_by_id:
                problems.append(Problem(path, node.line_of("actors", index), f"actor '{actor}' does not exist"))
    if exercise.start not in nodes:
        return problems
    edges = {node_id: [c.next for c in node.choices if c.next in nodes] for node_id, node in nodes.items()}
    from_start = reachable(exercise.start, edges)
    finishing = can_reach_end([node_id for node_id, node in nodes.items() if node.end], edges)
    for node_id, node in nodes.items():
        line = node.origin.line if node.origin else 1
        if node_id not in from_start:
            problems.append(
                Problem(path, line, f"node '{node_id}' cannot be reached from the start node '{exercise.start}'")
            )
        elif node_id not in finishing:
            problems.append(
                Problem(path, line, f"no end can be reached from node '{node_id}' (a loop with no way out)")
            )
    return problems


def check_exercises(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [problem for exercise in manual.exercises for problem in check_graph(exercise, manual)]
