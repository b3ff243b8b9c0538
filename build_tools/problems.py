"""Problems found in the content: what is wrong, in which file, on which line."""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""

    def format(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


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
