"""Load and check the content once: the single entry point for the CLI and the MkDocs hook."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import layout
from . import messages as m
from .causes import fold
from .checks import CheckOptions, run_checks
from .checks.content_files import check_content_files
from .checks.hedges import check_page_hedges
from .checks.links import check_text_links
from .checks.pages import check_page_mirror
from .languages import SITE_LANGUAGES
from .load import load_manual
from .model import Manual
from .problems import Problem, errors
from .schema import check_schema_lines

if TYPE_CHECKING:
    from .render import GeneratedPage

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
    # every generated page of each site language, as the check made them: the build writes these
    pages: dict[str, list[GeneratedPage]] = field(default_factory=dict)

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


def _fingerprint(root: Path) -> str:
    """A digest of every file a check reads (names, kinds and bytes): equal digests, equal results."""
    from .render import TEMPLATES

    digest = hashlib.blake2b(digest_size=16)
    for folder in (*(root / name for name in layout.CHECKED), TEMPLATES):
        for current, dirs, files in os.walk(folder, followlinks=False):
            dirs.sort()
            for name in sorted(dirs + files):
                path = os.path.join(current, name)
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
                try:
                    info = os.lstat(path)
                    digest.update(f"{info.st_mode}:{info.st_size}\0".encode())
                    if name in files and not os.path.islink(path):
                        with open(path, "rb") as handle:
                            digest.update(handle.read())
                except OSError as exc:
                    digest.update(f"error:{exc.errno}\0".encode())
    return digest.hexdigest()


# the last check made in this process: a build checks once, although the CLI and each language's
# MkDocs run ask for it
_last_check: tuple[tuple[str, CheckOptions, str], CheckedManual] | None = None


def check(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    global _last_check
    options = options or default_options()
    key = (str(root.resolve()), options, _fingerprint(root))
    if _last_check is not None and _last_check[0] == key:
        checked = _last_check[1]
    else:
        checked = _check(root, options)
        _last_check = (key, checked)
    return CheckedManual(checked.manual, list(checked.problems), checked.pages)


def _check(root: Path, options: CheckOptions) -> CheckedManual:
    result = load_manual(root)
    problems = (
        result.problems
        + run_checks(result.manual, options)
        + check_page_mirror(root)
        + check_page_hedges(root)
        + check_content_files(root)
        + check_schema_lines(root)
    )
    pages: dict[str, list[GeneratedPage]] = {}
    if not errors(problems):  # what the build would refuse, the check refuses first
        rendering, pages = check_rendering(result.manual, root, options.review_max_age_days)
        problems += rendering
    return CheckedManual(result.manual, fold(problems, result.lost, result.manual, set(result.problems)), pages)


def check_rendering(
    manual: Manual, root: Path, review_max_age_days: int | None = None
) -> tuple[list[Problem], dict[str, list[GeneratedPage]]]:
    """Make every generated page in every site language, as the build will, and return them; a template
    error becomes a problem (and no pages), and so does a link in a text that leads nowhere from a page
    it is shown on."""
    import traceback

    import jinja2

    from .render import TEMPLATES, Renderer

    days = review_max_age_days or review_max_age_from_environment()
    generated: dict[str, list[GeneratedPage]] = {}
    for lang in SITE_LANGUAGES:
        try:
            generated[lang] = Renderer(manual, lang, days).pages()
        except (jinja2.TemplateError, LookupError, TypeError, ValueError, AttributeError) as exc:
            path, line = "build_tools/templates", 1
            for frame in reversed(traceback.extract_tb(exc.__traceback__)):
                if frame.filename.startswith(str(TEMPLATES)):
                    path = "build_tools/templates/" + Path(frame.filename).name
                    line = frame.lineno or 1
                    break
            return [m.RENDER_FAILED.at(path, line, detail=f"{type(exc).__name__}: {exc}")], {}
    texts = {lang: [(page.path, page.content) for page in made] for lang, made in generated.items()}
    return check_text_links(manual, root, texts), generated


def load_checked(root: Path, options: CheckOptions | None = None) -> CheckedManual:
    checked = check(root, options)
    if not checked.ok:
        raise ContentError(checked.problems)
    return checked
