"""Branching content as pages: case exercises and the first-contact decision aid.

A branching graph (a start node and `ExerciseNode`s whose choices lead to other nodes) is rendered
as a readable document, one card per node (templates/branching.j2). Its structure goes into the page
as JSON for the player in overrides/assets/manual/branching.js; the texts stay in the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import AidNode, Exercise, ExerciseNode, Manual, Step

# what the player writes into a session file and the debrief across groups reads
SESSION_FORMAT = "manualen-session/1"
# pages next to the exercises (ovningar/<name>/): the index and the debrief across groups
SESSIONS_PAGE = "genomgang"
RESERVED_EXERCISE_IDS = ("index", SESSIONS_PAGE)

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
    "player_export_csv",
    "player_print_cards",
    "player_print_key",
    "player_print_debrief",
    "player_tools_present",
    "player_tools_session",
    "player_tools_print",
    "player_present",
    "player_present_on",
    "player_present_off",
    "player_present_exit",
    "player_notes",
    "player_notes_on",
    "player_notes_off",
    "player_presenter",
    "player_keys",
    "player_fullscreen",
    "player_votes",
    "player_votes_title",
    "player_votes_hint",
    "player_vote_first",
    "player_vote_second",
    "player_vote_for",
    "player_vote_count",
    "player_votes_saved",
    "player_votes_compare",
    "player_option",
    "player_chosen",
    "player_recommended",
    "player_tried",
    "player_confirm_restart",
    "player_confirm_yes",
    "player_cancel",
    "player_resume_title",
    "player_resume_text",
    "player_resume_continue",
    "player_resume_new",
    "player_new_round",
    "player_group",
    "player_group_hint",
    "player_date",
    "player_time",
    "player_planned",
    "player_time_per_situation",
    "player_not_finished",
    "player_reached",
    "player_summary",
    "presenter_title",
    "presenter_waiting",
    "presenter_following",
    "presenter_elapsed",
    "presenter_in_situation",
    "presenter_next",
    "presenter_choose",
    "presenter_last_choice",
    "presenter_end",
    "sessions_over",
    "facilitator_notes",
    "discussion_questions",
    "feedback",
    "minutes",
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


# ... and those of the debrief across groups (templates/sessions.md.j2, assets/manual/sessions.js)
SESSIONS_LABELS = (
    "sessions_choose",
    "sessions_clear",
    "sessions_loaded",
    "sessions_none_loaded",
    "sessions_error_read",
    "sessions_error_format",
    "sessions_error_unknown",
    "sessions_error_mismatch",
    "sessions_error_twice",
    "sessions_groups",
    "sessions_group_unnamed",
    "sessions_finished",
    "sessions_unfinished",
    "sessions_reached",
    "sessions_took",
    "sessions_votes",
    "sessions_weak_none",
    "sessions_weak_took",
    "sessions_planned",
    "sessions_average",
    "sessions_over",
    "sessions_not_reached",
    "player_situation",
    "player_planned",
    "minutes",
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
    duration_minutes: int | None = None,
) -> dict[str, Any]:
    """What the player needs besides the document: the graph, where to keep progress, its labels,
    and the planned times (the whole session and each part) for the presenter view and the session file."""
    return {
        "id": graph_id,
        "kind": kind,
        "storage_key": f"manualen.{kind}.{graph_id}",
        "start": start,
        "duration_minutes": duration_minutes,
        "session_format": SESSION_FORMAT,
        "step_order": [step.id for step in steps_covered(nodes, manual)],
        "nodes": {
            node_id: {
                "step": node.step,
                "actors": node.actors,
                "end": node.end,
                "minutes": node.minutes,
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


def sessions_payload(exercises: Iterable[Exercise], labels: Mapping[str, str]) -> dict[str, Any]:
    """The structure of every exercise for the debrief across groups: which choice leads where, which
    are weak, the planned minutes and the card numbers (the texts are in the page)."""
    return {
        "format": SESSION_FORMAT,
        "exercises": {
            exercise.id: {
                "start": exercise.start,
                "duration_minutes": exercise.duration_minutes,
                "order": card_order(exercise.start, exercise.nodes),
                "nodes": {
                    node_id: {
                        "end": node.end,
                        "minutes": node.minutes,
                        "choices": [{"next": choice.next, "weak": choice.weak} for choice in node.choices],
                    }
                    for node_id, node in exercise.nodes.items()
                },
            }
            for exercise in exercises
        },
        "labels": dict(labels),
    }
