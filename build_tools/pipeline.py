"""Load and check the content once: the single entry point for the CLI and the MkDocs hook."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .causes import fold
from .checks import CheckOptions, run_checks
from .checks.hedges import check_page_hedges
from .checks.pages import check_page_mirror
from .load import load_manual
from .model import Manual
from .problems import Problem, errors
from .schema import check_schema_lines

REVIEW_MAX_AGE_ENV = "MANUAL_REVIEW_MAX_AGE_DAYS"


class ContentError(Exception):
    """The content breaks the rules; `problems` says where."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


@dataclass(frozen=True)
class CheckedManual:
    manual: Manual
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def default_options(today: date | None = None, review_max_age_days: int | None = None) -> CheckOptions:
    if review_max_age_days is None:
        review_max_age_days = int(os.environ.get(REVIEW_MAX_AGE_ENV, "365"))
    return CheckOptions(today=today or date.today(), review_max_age_days=review_max_age_days)


def check(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    result = load_manual(root)
    problems = (
        result.problems
        + run_checks(result.manual, options or default_options())
        + check_page_mirror(root)
        + check_page_hedges(root)
        + check_schema_lines(root)
    )
    return CheckedManual(result.manual, fold(problems, result.lost, result.manual, set(result.problems)))


def load_checked(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    checked = check(root, options)
    if not checked.ok:
        raise ContentError(checked.problems)
    return checked
