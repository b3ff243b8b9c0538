"""Legal references: where each law is cited in the manual, and links to the exact provision."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from .model import Law, LegalRef, Manual, Step, Task, TimeLimit

# lagen.nu links to a provision as #K<chapter>P<section>S<stycke>N<punkt>, e.g. #K4P1a
# ("Hur man länkar till lagen.nu", lagen.nu/om/lankning)
LAGEN_NU = "lagen.nu"


def provision_url(law: Law, ref: LegalRef) -> str:
    """The law's public text; on lagen.nu, scrolled to the cited provision."""
    if urlparse(law.url).hostname != LAGEN_NU or urlparse(law.url).fragment or ref.section is None:
        return law.url
    fragment = ""
    if ref.chapter is not None:
        fragment += f"K{ref.chapter}"
    fragment += "P" + ref.section.replace(" ", "")
    if ref.paragraph is not None:
        fragment += f"S{ref.paragraph}"
        if ref.point is not None:  # a point is only addressable inside its stycke
            fragment += f"N{ref.point}"
    return f"{law.url}#{fragment}"


@dataclass(frozen=True)
class Citation:
    """One place in the manual that cites a law: a step's legal list, an actor's task or a time limit.

    A task or time limit that cites several provisions of one law is one place with several refs.
    """

    refs: tuple[LegalRef, ...]
    step: Step
    actor_id: str | None = None
    task: Task | None = None
    time_limit: TimeLimit | None = None


def _by_law(refs: list[LegalRef]) -> dict[str, tuple[LegalRef, ...]]:
    grouped: dict[str, list[LegalRef]] = {}
    for ref in refs:
        grouped.setdefault(ref.law, []).append(ref)
    return {law: tuple(law_refs) for law, law_refs in grouped.items()}


def citations(manual: Manual) -> dict[str, list[Citation]]:
    """Every citation, by law id, in the order of the step pages."""
    found: dict[str, list[Citation]] = {law.id: [] for law in manual.laws}
    for step in manual.steps:
        for limit in step.time_limits:
            for law, refs in _by_law(limit.legal).items():
                found.setdefault(law, []).append(Citation(refs, step, time_limit=limit))
        for entry in step.actors:
            for task in entry.tasks:
                for law, refs in _by_law(task.legal).items():
                    found.setdefault(law, []).append(Citation(refs, step, actor_id=entry.actor, task=task))
        for ref in step.legal:
            found.setdefault(ref.law, []).append(Citation((ref,), step))
    return found
