"""Checks: pure functions from the loaded Manual to a list of problems. Nothing is printed here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..model import Manual
from ..problems import Problem
from . import contacts, exercises, hedges, legal, markup, references, sheets, steps, translations


@dataclass(frozen=True)
class CheckOptions:
    today: date
    review_max_age_days: int = 365


Check = Callable[[Manual, CheckOptions], list[Problem]]

ALL_CHECKS: tuple[Check, ...] = (
    steps.check_steps,
    references.check_unique_ids,
    references.check_references,
    references.check_review_dates,
    references.check_sources_locatable,
    legal.check_legal_refs,
    legal.check_changes,
    contacts.check_contacts,
    contacts.check_region_contacts,
    translations.check_translations,
    exercises.check_exercises,
    exercises.check_decision_aids,
    markup.check_markup,
    hedges.check_hedges,
    sheets.check_sheets,
)


def run_checks(manual: Manual, options: CheckOptions) -> list[Problem]:
    found: list[Problem] = []
    for check in ALL_CHECKS:
        found.extend(check(manual, options))
    return found
