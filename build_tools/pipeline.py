"""Load and check the content once: the single entry point for the CLI and the MkDocs hook."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import messages as m
from .causes import fold
from .checks import CheckOptions, run_checks
from .checks.content_files import check_content_files
from .checks.hedges import check_page_hedges
from .checks.links import check_text_links
from .checks.pages import check_page_mirror
from .load import load_manual
from .model import Manual
from .problems import Problem, errors
from .schema import check_schema_lines

REVIEW_MAX_AGE_ENV = "MANUAL_REVIEW_MAX_AGE_DAYS"
TODAY_ENV = "MANUAL_TODAY"  # the day the check counts from (tests and `manual check --today`); default: today


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


class SettingError(Exception):
    """A setting from the environment that cannot be used; the message says which and why."""


def review_max_age_from_environment() -> int:
    text = os.environ.get(REVIEW_MAX_AGE_ENV, "").strip() or "365"
    try:
        days = int(text)
    except ValueError:
        raise SettingError(f"{REVIEW_MAX_AGE_ENV} must be a whole number of days (got '{text}')") from None
    if days < 1:
        raise SettingError(f"{REVIEW_MAX_AGE_ENV} must be at least 1 day (got {days})")
    return days


def today_from_environment() -> date:
    text = os.environ.get(TODAY_ENV, "").strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SettingError(f"{TODAY_ENV} must be a date written YYYY-MM-DD (got '{text}')") from None


def default_options(today: date | None = None, review_max_age_days: int | None = None) -> CheckOptions:
    if review_max_age_days is None:
        review_max_age_days = review_max_age_from_environment()
    return CheckOptions(today=today or today_from_environment(), review_max_age_days=review_max_age_days)


def check(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    result = load_manual(root)
    problems = (
        result.problems
        + run_checks(result.manual, options or default_options())
        + check_page_mirror(root)
        + check_page_hedges(root)
        + check_content_files(root)
        + check_schema_lines(root)
    )
    if not errors(problems):  # what the build would refuse, the check refuses first
        problems += check_rendering(result.manual, root)
    return CheckedManual(result.manual, fold(problems, result.lost, result.manual, set(result.problems)))


def check_rendering(manual: Manual, root: Path) -> list[Problem]:
    """Make every generated page in both languages, as the build will; a template error becomes a problem,
    and so does a link in a text that leads nowhere from a page it is shown on."""
    import traceback

    import jinja2

    from .render import TEMPLATES, Renderer

    generated: dict[str, list[tuple[str, str]]] = {}
    for lang in ("sv", "en"):
        try:
            generated[lang] = [(page.path, page.content) for page in Renderer(manual, lang).pages()]
        except (jinja2.TemplateError, LookupError, TypeError, ValueError, AttributeError) as exc:
            path, line = "build_tools/templates", 1
            for frame in reversed(traceback.extract_tb(exc.__traceback__)):
                if frame.filename.startswith(str(TEMPLATES)):
                    path = "build_tools/templates/" + Path(frame.filename).name
                    line = frame.lineno or 1
                    break
            return [m.RENDER_FAILED.at(path, line, detail=f"{type(exc).__name__}: {exc}")]
    return check_text_links(manual, root, generated)


def load_checked(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    checked = check(root, options)
    if not checked.ok:
        raise ContentError(checked.problems)
    return checked
