"""Problems found in the content: what is wrong, in which file, on which line."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "notice"  # GitHub's name for an annotation that only informs


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""
    # for a reference that points nowhere: (kind of id, the id), so one lost definition is reported once
    refers_to: tuple[str, str] | None = field(default=None, compare=False)

    def format(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity}: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command: the problem shows up on the line in the pull request."""
        return f"::{self.severity} file={_github_property(self.path)},line={self.line}::{_github_data(self.message)}"


def _github_data(text: str) -> str:
    # the escaping of GitHub's @actions/core toolkit
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class Message:
    """One kind of problem: a stable code, explained in CONTRIBUTING.md, and the text it prints."""

    code: str
    template: str
    severity: Severity = Severity.ERROR

    def at(self, path: str, line: int, **values: object) -> Problem:
        return Problem(path, line, self.template.format(**values), self.severity, self.code)

    def ref(self, path: str, line: int, refers_to: tuple[str, str], **values: object) -> Problem:
        """A problem about a reference to an id: refers_to is (kind of id, the id), e.g. ("actor", "polisen")."""
        problem = self.at(path, line, **values)
        return Problem(problem.path, problem.line, problem.message, problem.severity, problem.code, refers_to)

    @property
    def pattern(self) -> str:
        """The template as an editor reads it in CONTRIBUTING.md: every value shown as '…'."""
        parts = string.Formatter().parse(self.template)
        return "".join(literal + ("…" if name is not None else "") for literal, name, _, _ in parts)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
