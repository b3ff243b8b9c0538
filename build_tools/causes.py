"""One fault, one message: what breaks because of another problem is not reported again on its own.

A file that cannot be loaded takes its ids with it: every reference to them would fail, and an
editor would have to dig the real problem out from under dozens of lines. Here those references
are folded into one notice after the root cause ("3 references elsewhere … cannot be checked
until the file loads"); many references to the same id that exists nowhere become one problem,
shown where a similar id is defined (usually where it was changed or misspelt); and the root
causes come first.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

from . import messages as m
from .load import Lost
from .model import Manual, Node
from .problems import Problem, Severity

# the order in which problems are shown: a file that cannot be read before what it breaks
LOADING, RULES, REFERENCES, WARNINGS = range(4)


def definitions(manual: Manual) -> dict[str, dict[str, Node]]:
    """Every id a reference can name, by kind (the kinds of Problem.refers_to)."""
    rights = [right for step in manual.steps for right in step.rights if right.id]
    limits = [limit for step in manual.steps for limit in step.time_limits]
    kinds: dict[str, Iterable[Node]] = {
        "actor": manual.actors,
        "step": manual.steps,
        "law": manual.laws,
        "contact": manual.contacts,
        "source": manual.sources,
        "right": rights,
        "time-limit": limits,
    }
    return {kind: {node.id: node for node in nodes} for kind, nodes in kinds.items()}  # type: ignore[attr-defined]


def _covers(lost: Lost, ref: tuple[str, str]) -> bool:
    kind, value = ref
    if kind not in lost.kinds:
        return False
    if kind == "step-number":  # "1, 3": every missing number is explained by a broken file
        return lost.ids is None or all(number.strip() in lost.ids for number in value.split(","))
    return lost.ids is None or value in lost.ids


def fold(problems: list[Problem], lost: Iterable[Lost], manual: Manual, loading: set[Problem]) -> list[Problem]:
    """The problems with every consequence folded into its cause, root causes first."""
    lost = list(lost)
    broken_paths = {p.path for p in loading if p.severity is Severity.ERROR}
    waiting: dict[Lost, int] = defaultdict(int)
    dangling: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    kept: list[Problem] = []
    for problem in problems:
        if problem.refers_to is None:
            # a file that cannot be read: its schema line is the least of its problems
            if problem.code.startswith("schema-line") and problem.path in broken_paths:
                continue
            kept.append(problem)
            continue
        cause = next((item for item in lost if _covers(item, problem.refers_to)), None)
        if cause is not None:
            if problem.refers_to[0] != "step-number":
                waiting[cause] += 1
        elif problem.refers_to[0] == "step-number":
            kept.append(problem)
        else:
            dangling[problem.refers_to].append(problem)
    defined = definitions(manual)
    for (kind, value), refs in dangling.items():
        if len(refs) == 1:
            kept.append(refs[0])
            continue
        first = min(refs, key=lambda p: (p.path, p.line))
        where = f"{first.path}:{first.line}"
        guess = difflib.get_close_matches(value, list(defined.get(kind, {})), n=1)
        path, line, hint = first.path, first.line, ""
        if guess:
            node = defined[kind][guess[0]]
            path, line = node.path, node.line_of("id")
            hint = f"; did you mean '{guess[0]}' (defined here)?"
        kept.append(
            m.REFERENCES_UNDEFINED.ref(
                path,
                line,
                (kind, value),
                count=len(refs),
                kind=kind.replace("-", " "),
                value=value,
                first=where,
                hint=hint,
            )
        )
    by_path: dict[str, list[Lost]] = defaultdict(list)
    for item in waiting:
        by_path[item.path].append(item)
    for path, items in by_path.items():
        first_error = min((p.line for p in loading if p.path == path and p.severity is Severity.ERROR), default=1)
        count = sum(waiting[item] for item in items)
        what = " and ".join(dict.fromkeys(item.what for item in items if item.what != "its number"))
        notice = m.REFERENCES_WAIT.at(path, first_error, count=count, what=what or "what is")
        kept.append(notice)
        loading.add(notice)
    kept = list(dict.fromkeys(kept))
    ranks = {p: _rank(p, loading) for p in kept}
    for notice in (p for p in kept if p.code == m.REFERENCES_WAIT.code):  # right after its cause
        ranks[notice] = min((ranks[p] for p in kept if p.path == notice.path and p is not notice), default=LOADING)
    return sorted(kept, key=lambda p: (ranks[p], p.path, p.line, p.severity is not Severity.ERROR, p.message))


def _rank(problem: Problem, loading: set[Problem]) -> int:
    if problem.severity is Severity.WARNING:
        return WARNINGS
    if problem in loading:
        return LOADING
    if problem.refers_to is None or problem.refers_to[0] == "step-number":
        return RULES
    return REFERENCES
