"""Problems found in the content: what is wrong, in which file, on which line."""

from __future__ import annotations

import string
from dataclasses import dataclass
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

    @property
    def pattern(self) -> str:
        """The template as an editor reads it in CONTRIBUTING.md: every value shown as '…'."""
        parts = string.Formatter().parse(self.template)
        return "".join(literal + ("…" if name is not None else "") for literal, name, _, _ in parts)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
