"""Branching graphs (case exercises, the decision aid): a start, and every node leads to an end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .. import messages as m
from ..branching import RESERVED_EXERCISE_IDS
from ..graph import MAX_PATHS, TooManyPaths, can_reach_end, longest_to_ends, reachable
from ..model import AidNode, DecisionAid, Exercise, ExerciseNode, Manual
from ..problems import Problem
from .references import did_you_mean, missing

if TYPE_CHECKING:
    from . import CheckOptions

# a professional at a first contact must reach an action card in at most this many answers
MAX_AID_ANSWERS = 6


def check_graph(graph: Exercise | DecisionAid, nodes: Mapping[str, ExerciseNode | AidNode]) -> list[Problem]:
    """The graph rules shared by every branching graph: a start, no dead ends, every node reachable and finishing."""
    problems: list[Problem] = []
    path = graph.path
    if graph.start not in nodes:
        problems.append(m.START_MISSING.at(path, graph.line_of("start"), node=graph.start))
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
                hint = did_you_mean(choice.next, nodes)
                line = choice.line_of("next")
                problems.append(m.NEXT_MISSING.at(path, line, node=node_id, next=choice.next, hint=hint))
    if graph.start not in nodes or problems:
        # reachability on a graph with a broken choice would only repeat that problem node by node
        return problems
    edges = graph_edges(nodes)
    from_start = reachable(graph.start, edges)
    finishing = can_reach_end([node_id for node_id, node in nodes.items() if node.end], edges)
    for node_id, node in nodes.items():
        line = node.origin.line if node.origin else 1
        if node_id not in from_start:
            problems.append(m.UNREACHABLE_NODE.at(path, line, node=node_id, start=graph.start))
        elif node_id not in finishing and (node.end or node.choices):  # a dead end is reported as such
            problems.append(m.NO_WAY_OUT.at(path, line, node=node_id))
    return problems


def graph_edges(nodes: Mapping[str, ExerciseNode | AidNode]) -> dict[str, list[str]]:
    return {node_id: [c.next for c in node.choices if c.next in nodes] for node_id, node in nodes.items()}


def longest_answers(start: str, nodes: Mapping[str, ExerciseNode | AidNode]) -> dict[str, int]:
    """For every end node: the most answers any path from the start takes to reach it (TooManyPaths if countless)."""
    ends = {node_id for node_id, node in nodes.items() if node.end}
    return longest_to_ends(start, graph_edges(nodes), ends)


def check_exercise(exercise: Exercise, manual: Manual) -> list[Problem]:
    problems = check_graph(exercise, exercise.nodes)
    if exercise.id in RESERVED_EXERCISE_IDS:
        problems.append(m.EXERCISE_ID_RESERVED.at(exercise.path, exercise.line_of("id"), id=exercise.id))
    for node in exercise.nodes.values():
        problems += missing(node, "step", node.step, manual.step_by_id, "step", "step")
        problems += missing(node, "actors", node.actors, manual.actor_by_id, "actor", "actor")
    return problems


def check_decision_aid(aid: DecisionAid, manual: Manual) -> list[Problem]:
    """The graph rules, at most six answers to any outcome, and every reference of an action card exists."""
    problems = check_graph(aid, aid.nodes)
    if not problems:  # the paths are only meaningful in a sound graph
        try:
            longest = longest_answers(aid.start, aid.nodes)
        except TooManyPaths:
            longest = {}
            problems.append(m.AID_TOO_MANY_PATHS.at(aid.path, aid.line_of("start"), limit=MAX_PATHS))
        for node_id, answers in longest.items():
            if answers > MAX_AID_ANSWERS:
                line = aid.nodes[node_id].line_of("end")
                problems.append(m.AID_TOO_LONG.at(aid.path, line, node=node_id, answers=answers, limit=MAX_AID_ANSWERS))
    for node in aid.nodes.values():
        card = node.outcome
        if card is None:
            continue
        problems += missing(
            card, "call", card.call, manual.contact_by_id, "contact (steps/shared/contacts.yml)", "contact"
        )
        problems += missing(
            card, "rights", card.rights, manual.right_by_id, "right (an 'id' under a step's rights)", "right"
        )
        problems += missing(card, "time_limits", card.time_limits, manual.time_limit_by_id, "time limit", "time-limit")
        problems += missing(card, "steps", card.steps, manual.step_by_id, "step", "step")
        problems += missing(card, "actors", card.actors, manual.actor_by_id, "actor", "actor")
        roles = [role.id for role in aid.roles]
        for role in card.for_role:
            if role not in roles:
                known = ", ".join(roles) or "none"
                problems.append(m.AID_ROLE_UNKNOWN.at(aid.path, card.line_of("for_role"), role=role, known=known))
    return problems


def check_exercises(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [problem for exercise in manual.exercises for problem in check_exercise(exercise, manual)]


def check_decision_aids(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [problem for aid in manual.decision_aids for problem in check_decision_aid(aid, manual)]
