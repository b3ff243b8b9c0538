"""Problems found in the content: what is wrong, in which file, on which line."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from enum import StrEnum

# C0/C1 control characters (tab, newline and carriage return are YAML's own) and the Unicode
# characters that reorder or hide text (bidirectional overrides and isolates, zero-width marks)
# zero-width (non-)joiners (U+200C, U+200D) stay allowed: Persian, Dari and Arabic spelling needs them
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def escape_invisible(text: str) -> str:
    """The text with every invisible or control character shown as U+XXXX, safe for terminals and CI logs."""
    return INVISIBLE.sub(lambda match: f"U+{ord(match.group(0)):04X}", text)


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
        return escape_invisible(f"{self.path}:{self.line}: {prefix}{self.message}")

    def format_github(self) -> str:
        """A GitHub Actions workflow command: the problem shows up on the line in the pull request."""
        path, message = escape_invisible(self.path), escape_invisible(self.message)
        return f"::{self.severity} file={_github_property(path)},line={self.line}::{_github_data(message)}"


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
