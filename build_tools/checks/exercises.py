"""Branching exercises: a graph that starts somewhere, where every node leads to an end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as m
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
        problems.append(m.START_MISSING.at(path, exercise.line_of("start"), node=exercise.start))
    for node_id, node in nodes.items():
        line = node.origin.line if node.origin else 1
        if node.end and node.choices:
            problems.append(m.END_WITH_CHOICES.at(path, line, node=node_id))
        elif not node.end and not node.choices:
            problems.append(m.DEAD_END.at(path, line, node=node_id))
        if node.end and node.outcome is None:
            problems.append(m.END_WITHOUT_OUTCOME.at(path, line, node=node_id))
        for choice in node.choices:
            if choice.next not in nodes:
                problems.append(m.NEXT_MISSING.at(path, choice.line_of("next"), node=node_id, next=choice.next))
        if node.step is not None and node.step not in manual.step_by_id:
            problems.append(m.UNKNOWN_REFERENCE.at(path, node.line_of("step"), what="step", value=node.step))
        for index, actor in enumerate(node.actors):
            if actor not in manual.actor_by_id:
                problems.append(m.UNKNOWN_REFERENCE.at(path, node.line_of("actors", index), what="actor", value=actor))
    if exercise.start not in nodes:
        return problems
    edges = {node_id: [c.next for c in node.choices if c.next in nodes] for node_id, node in nodes.items()}
    from_start = reachable(exercise.start, edges)
    finishing = can_reach_end([node_id for node_id, node in nodes.items() if node.end], edges)
    for node_id, node in nodes.items():
        line = node.origin.line if node.origin else 1
        if node_id not in from_start:
            problems.append(m.UNREACHABLE_NODE.at(path, line, node=node_id, start=exercise.start))
        elif node_id not in finishing:
            problems.append(m.NO_WAY_OUT.at(path, line, node=node_id))
    return problems


def check_exercises(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [problem for exercise in manual.exercises for problem in check_graph(exercise, manual)]
