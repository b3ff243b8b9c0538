"""The rules of the process itself: six steps, each with an owner who acts in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Manual
from ..problems import Problem

if TYPE_CHECKING:
    from . import CheckOptions

STEP_NUMBERS = range(1, 7)


def check_steps(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[int, str] = {}
    for step in manual.steps:
        if step.number not in STEP_NUMBERS:
            problems.append(
                Problem(step.path, step.line_of("number"), f"step number {step.number} is not between 1 and 6")
            )
        elif step.number in seen:
            problems.append(
                Problem(
                    step.path, step.line_of("number"), f"step number {step.number} is also used by {seen[step.number]}"
                )
            )
        else:
            seen[step.number] = step.path
        for index, owner in enumerate(step.owner):
            line = step.line_of("owner", index)
            if owner not in manual.actor_by_id:
                problems.append(Problem(step.path, line, f"owner '{owner}' is not an actor in steps/actors.yml"))
            elif not step.tasks_of(owner):
                problems.append(
                    Problem(
                        step.path,
                        line,
                        f"owner '{owner}' has no tasks in this step; add it under 'actors:' with its tasks",
                    )
                )
        for index, entry in enumerate(step.actors):
            if entry.actor not in manual.actor_by_id:
                problems.append(
                    Problem(
                        step.path, entry.line_of("actor"), f"actor '{entry.actor}' is not an actor in steps/actors.yml"
                    )
                )
            elif entry.actor in {e.actor for e in step.actors[:index]}:
                problems.append(
                    Problem(step.path, entry.line_of("actor"), f"actor '{entry.actor}' is listed twice in this step")
                )
    missing = [n for n in STEP_NUMBERS if n not in seen]
    if manual.steps and missing:
        problems.append(
            Problem("steps", 1, f"the process must have steps 1 to 6; missing: {', '.join(map(str, missing))}")
        )
    elif not manual.steps:
        problems.append(Problem("steps", 1, "no step files found (steps/NN-<id>.yml)"))
    return problems
