"""The rules of the process itself: six steps, each with an owner who acts in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import messages as m
from ..model import STEP_NUMBERS, Manual
from ..problems import Problem

if TYPE_CHECKING:
    from . import CheckOptions


def check_steps(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[int, str] = {}
    for step in manual.steps:
        if step.number not in STEP_NUMBERS:
            problems.append(m.STEP_NUMBER_RANGE.at(step.path, step.line_of("number"), number=step.number))
        elif step.number in seen and Path(step.path).name[:2] == f"{step.number:02d}":  # else the file name says it
            problems.append(
                m.STEP_NUMBER_REUSED.at(step.path, step.line_of("number"), number=step.number, other=seen[step.number])
            )
        else:
            seen[step.number] = step.path
        for index, owner in enumerate(step.owner):
            line = step.line_of("owner", index)
            if owner not in manual.actor_by_id:
                problems.append(m.OWNER_NOT_ACTOR.ref(step.path, line, ("actor", owner), owner=owner))
            elif not step.tasks_of(owner):
                problems.append(m.OWNER_WITHOUT_TASKS.at(step.path, line, owner=owner))
        for index, entry in enumerate(step.actors):
            if entry.actor not in manual.actor_by_id:
                line = entry.line_of("actor")
                problems.append(m.ACTOR_NOT_ACTOR.ref(step.path, line, ("actor", entry.actor), actor=entry.actor))
            elif entry.actor in {e.actor for e in step.actors[:index]}:
                problems.append(m.ACTOR_TWICE.at(step.path, entry.line_of("actor"), actor=entry.actor))
        actors = {entry.actor for entry in step.actors}
        for actor in step.in_brief:
            if actor not in actors:
                problems.append(m.IN_BRIEF_NOT_IN_STEP.at(step.path, step.line_of("in_brief"), actor=actor))
    # a file named for a missing number whose 'number' says otherwise is reported on that file instead
    named = {int(Path(step.path).name[:2]) for step in manual.steps if Path(step.path).name[:2].isdigit()}
    missing = [n for n in STEP_NUMBERS if n not in seen and n not in named]
    reused = any(problem.code == m.STEP_NUMBER_REUSED.code for problem in problems)
    if manual.steps and missing and not reused:  # a number used twice is why another one is missing
        shown = ", ".join(map(str, missing))
        problems.append(m.STEPS_MISSING.ref("steps", 1, ("step-number", shown), missing=shown))
    elif not manual.steps:
        problems.append(m.NO_STEPS.at("steps", 1))
    return problems
