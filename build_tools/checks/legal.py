"""Legal references are dated, read against a known text and cite the law in force; pending changes are sound."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .. import messages as m
from ..model import LegalRef, Manual
from ..problems import Problem
from .walk import all_nodes

if TYPE_CHECKING:
    from . import CheckOptions

# the Social Services Act in force (SFS 2025:400): a citation names chapter and section
SOL = "sol"


def legal_refs(manual: Manual) -> list[LegalRef]:
    return [node for node in all_nodes(manual) if isinstance(node, LegalRef)]


def check_legal_refs(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    oldest_allowed = options.today - timedelta(days=options.review_max_age_days)
    laws = manual.law_by_id
    for ref in legal_refs(manual):
        law = laws.get(ref.law)
        here = ref.line_of("law")
        if ref.checked is None:
            problems.append(m.LEGAL_UNCHECKED.at(ref.path, here, law=ref.law))
        elif ref.checked > options.today:
            problems.append(m.LEGAL_CHECK_IN_FUTURE.at(ref.path, ref.line_of("checked"), law=ref.law, date=ref.checked))
        elif ref.checked < oldest_allowed:
            problems.append(
                m.LEGAL_CHECK_OLD.at(
                    ref.path, ref.line_of("checked"), law=ref.law, date=ref.checked, days=options.review_max_age_days
                )
            )
        if law is None:
            continue  # an unknown law: check_references names it
        if ref.against is None and law.consolidated is None:
            problems.append(m.LEGAL_NO_TEXT.at(ref.path, here, law=ref.law))
        if law.repealed is not None and law.repealed <= options.today and not ref.history:
            problems.append(m.REPEALED_CITED.at(ref.path, here, law=ref.law, date=law.repealed))
        if ref.law == SOL and (ref.chapter is None or ref.section is None):
            problems.append(m.SOL_WITHOUT_PROVISION.at(ref.path, here))
    return problems


def check_changes(manual: Manual, options: CheckOptions) -> list[Problem]:
    problems: list[Problem] = []
    for change in manual.changes:
        if not change.sources:
            problems.append(m.CHANGE_WITHOUT_SOURCE.at(change.path, change.line_of("id"), id=change.id))
        if change.status == "decided" and change.date is None:
            problems.append(m.CHANGE_DECIDED_WITHOUT_DATE.at(change.path, change.line_of("status"), id=change.id))
        if change.status == "decided" and change.date is not None and change.date <= options.today:
            problems.append(m.CHANGE_IN_FORCE.at(change.path, change.line_of("date"), id=change.id, date=change.date))
    return problems
