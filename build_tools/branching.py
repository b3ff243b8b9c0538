"""Branching content as pages: case exercises and the first-contact decision aid.

A branching graph (a start node and `ExerciseNode`s whose choices lead to other nodes) is rendered
as a readable document, one card per node (templates/branching.j2). Its structure goes into the page
as JSON for the player in overrides/assets/manual/branching.js; the texts stay in the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import AidNode, ExerciseNode, Manual, Step

# UI labels the player needs at run time (keys of templates/strings.yml)
PLAYER_LABELS = (
    "player_situation",
    "player_your_choice",
    "player_what_now",
    "player_back",
    "player_restart",
    "player_restarted",
    "player_back_to",
    "player_facilitator",
    "player_facilitator_on",
    "player_facilitator_off",
    "player_export",
    "player_print",
    "player_debrief",
    "player_path",
    "player_weak_choices",
    "player_no_weak_choices",
    "player_steps",
    "player_actors",
    "player_takeaways",
    "player_questions",
    "weak_choice",
)
# ... and those only the decision aid needs
AID_LABELS = (
    "player_back",
    "player_restart",
    "player_back_to",
    "aid_question",
    "aid_result",
    "aid_your_answer",
    "aid_answers",
    "aid_change",
    "aid_change_label",
    "aid_changed",
    "aid_restarted",
    "aid_copy",
    "aid_copied",
    "aid_copy_manual",
    "aid_copy_text",
    "aid_print",
)


def card_order(start: str, nodes: Mapping[str, ExerciseNode | AidNode]) -> list[str]:
    """The order of the cards: the start node first, then the nodes as the author wrote them."""
    return [start, *(node_id for node_id in nodes if node_id != start)]


def steps_covered(nodes: Mapping[str, ExerciseNode], manual: Manual) -> list[Step]:
    """The steps of the process the nodes concern, in process order."""
    ids = {node.step for node in nodes.values()}
    return [step for step in manual.steps if step.id in ids]


def graph_payload(
    kind: str,
    graph_id: str,
    start: str,
    nodes: Mapping[str, ExerciseNode],
    manual: Manual,
    labels: Mapping[str, str],
) -> dict[str, Any]:
    """What the player needs besides the document: the graph, where to keep progress, its labels."""
    return {
        "id": graph_id,
        "kind": kind,
        "storage_key": f"manualen.{kind}.{graph_id}",
        "start": start,
        "step_order": [step.id for step in steps_covered(nodes, manual)],
        "nodes": {
            node_id: {
                "step": node.step,
                "actors": node.actors,
                "end": node.end,
                "choices": [{"next": choice.next, "weak": choice.weak} for choice in node.choices],
            }
            for node_id, node in nodes.items()
        },
        "labels": dict(labels),
    }


def aid_payload(graph_id: str, start: str, nodes: Mapping[str, AidNode], labels: Mapping[str, str]) -> dict[str, Any]:
    """The decision aid for the same player: no storage key, because nothing a professional answers is kept."""
    return {
        "id": graph_id,
        "kind": "decision-aid",
        "storage_key": None,
        "start": start,
        "nodes": {
            node_id: {"end": node.end, "choices": [{"next": choice.next} for choice in node.choices]}
            for node_id, node in nodes.items()
        },
        "labels": dict(labels),
    }
