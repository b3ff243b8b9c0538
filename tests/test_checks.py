"""Every kind of bad input gives exit 1 and a clear `path:line: message`, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools import pipeline
from build_tools.checks import CheckOptions
from build_tools.cli import main

STEP1 = "steps/01-identifiering.yml"
STEP2 = "steps/02-akut-skydd.yml"
STEP3 = "steps/03-inledande-stod.yml"
ACTORS = "steps/actors.yml"
EXERCISE = "case_exercises/prov.yml"


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(rel: str, content: bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)

    return apply


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    expected: str  # the start of the expected line: "path:line: message"


CASES = [
    Case("owner removed", replace(STEP1, "owner: socialtjansten\n", ""), f"{STEP1}:2: missing required field 'owner'"),
    Case(
        "owner empty list",
        replace(STEP1, "owner: socialtjansten", "owner: []"),
        f"{STEP1}:5: 'owner' must not be empty",
    ),
    Case("owner null", replace(STEP1, "owner: socialtjansten", "owner:"), f"{STEP1}:5: 'owner' must be a list"),
    Case(
        "unknown owner",
        replace(STEP1, "owner: socialtjansten", "owner: polisen"),
        f"{STEP1}:5: owner 'polisen' is not an actor in steps/actors.yml",
    ),
    Case(
        "unknown owner in a list",
        replace(STEP2, "owner: [socialtjansten, polismyndigheten]", "owner: [socialtjansten,\n  polis]"),
        f"{STEP2}:6: owner 'polis' is not an actor",
    ),
    Case(
        "owner without tasks",
        replace(STEP1, "owner: socialtjansten", "owner: migrationsverket"),
        f"{STEP1}:5: owner 'migrationsverket' has no tasks in this step",
    ),
    Case(
        "unknown actor",
        replace(STEP1, "  - actor: polismyndigheten", "  - actor: tullverket"),
        f"{STEP1}:14: actor 'tullverket' is not an actor in steps/actors.yml",
    ),
    Case(
        "step number out of range",
        replace(STEP1, "number: 1", "number: 7"),
        f"{STEP1}:2: step number 7 is not between 1 and 6",
    ),
    Case("step number reused", replace(STEP2, "number: 2", "number: 1"), f"{STEP2}:2: step number 1 is also used by"),
    Case(
        "step missing", lambda root: (root / STEP3).unlink(), "steps:1: the process must have steps 1 to 6; missing: 3"
    ),
    Case(
        "duplicate actor id",
        replace(ACTORS, "- id: migrationsverket", "- id: polismyndigheten"),
        f"{ACTORS}:13: duplicate actor id 'polismyndigheten'",
    ),
    Case(
        "missing title",
        replace(STEP1, "title: {sv: Identifiering, en: Identification}\n", ""),
        f"{STEP1}:2: missing required field 'title'",
    ),
    Case("unknown key", replace(STEP1, "owner:", "ownr:"), f"{STEP1}:5: unknown key 'ownr' (did you mean 'owner'?)"),
    Case("YAML syntax error", replace(STEP1, "summary: {sv:", "summary: {sv: [oops,"), f"{STEP1}:6: YAML syntax error"),
    Case(
        "tab indentation",
        replace(STEP1, "  - actor: socialtjansten", "\t- actor: socialtjansten"),
        f"{STEP1}:9: a tab character",
    ),
    Case("empty file", write(STEP1, b""), f"{STEP1}:1: the file is empty"),
    Case("only a comment", write(STEP1, b"# nothing here\n"), f"{STEP1}:1: the file is empty"),
    Case("not UTF-8", replace(STEP1, "", ""), ""),  # replaced below: latin-1 bytes
    Case(
        "missing English",
        replace(STEP1, "title: {sv: Identifiering, en: Identification}", "title: {sv: Identifiering}"),
        f"{STEP1}:4: missing English translation (en)",
    ),
    Case(
        "text not localized",
        replace(STEP1, "title: {sv: Identifiering, en: Identification}", "title: Identifiering"),
        f"{STEP1}:4: 'title' must be a text in both languages",
    ),
    Case(
        "invalid date",
        replace(STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2026-13-45"),
        f"{STEP1}:19: 'last_reviewed' must be a valid date",
    ),
    Case(
        "duplicate key",
        replace(STEP1, "number: 1\n", "number: 1\nnumber: 1\n"),
        f"{STEP1}:3: duplicate key 'number' (first used on line 2)",
    ),
    Case("wrong type", replace(STEP1, "number: 1", "number: ett"), f"{STEP1}:2: 'number' must be a whole number"),
    Case(
        "unknown law",
        replace(
            STEP3, "law: utlanningslagen, chapter: 5, section: 15, paragraph: 2", "law: utl, chapter: 5, section: 15"
        ),
        f"{STEP3}:24: law (steps/shared/laws.yml) 'utl' does not exist",
    ),
    Case(
        "unknown source",
        replace(ACTORS, "  sources: [test-source]\n  last_reviewed", "  sources: [nope]\n  last_reviewed"),
        f"{ACTORS}:6: source (steps/shared/sources.yml) 'nope' does not exist",
    ),
    Case(
        "file name and id differ",
        replace(STEP1, "id: identifiering", "id: upptackt"),
        f"{STEP1}:3: the file name says 'identifiering' but 'id' is 'upptackt'",
    ),
    Case(
        "step file misnamed",
        write("steps/identifiering.yml", b"number: 1\n"),
        "steps/identifiering.yml:1: unexpected file",
    ),
    Case(
        "file in the wrong folder",
        write("steps/shared/actors.yml", b"- id: x\n"),
        "steps/shared/actors.yml:1: unexpected file",
    ),
    Case(
        "exercise: next missing",
        replace(EXERCISE, "next: bra-slut", "next: saknas"),
        f"{EXERCISE}:12: choice in node 'borja' leads to node 'saknas', which does not exist",
    ),
    Case(
        "exercise: start missing",
        replace(EXERCISE, "start: borja", "start: inget"),
        f"{EXERCISE}:4: start node 'inget' does not exist",
    ),
    Case(
        "exercise: unreachable node",
        replace(EXERCISE, "next: daligt-slut", "next: bra-slut"),
        f"{EXERCISE}:22: node 'daligt-slut' cannot be reached",
    ),
    Case(
        "exercise: loop with no way out",
        replace(
            EXERCISE,
            "    end: true\n    outcome: {sv: Personen fick stöd., en: The person got support.}",
            "    choices:\n      - {label: {sv: Igen, en: Again}, next: bra-slut, feedback: {sv: Igen., en: Again.}}",
        ),
        f"{EXERCISE}:18: no end can be reached from node 'bra-slut' (a loop with no way out)",
    ),
    Case(
        "exercise: node without choices",
        replace(EXERCISE, "    end: true\n    outcome: {sv: Ingen", "    outcome: {sv: Ingen"),
        f"{EXERCISE}:22: node 'daligt-slut' has no choices and is not an end",
    ),
    Case(
        "exercise: unknown step",
        replace(EXERCISE, "step: identifiering", "step: upptackt"),
        f"{EXERCISE}:8: step 'upptackt' does not exist",
    ),
]
CASES[CASES.index(next(c for c in CASES if c.name == "not UTF-8"))] = Case(
    "not UTF-8",
    write(STEP1, "number: 1\nid: identifiering\ntitle: {sv: Identifiering med å, en: x}\n".encode("latin-1")),
    f"{STEP1}:3: the file is not UTF-8",
)


def test_fixture_is_valid(minimal_repo: Path) -> None:
    checked = pipeline.check(minimal_repo)
    assert checked.problems == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_file_and_line(case: Case, minimal_repo: Path, capsys) -> None:
    case.breaks(minimal_repo)
    assert main(["check", "--root", str(minimal_repo)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(case.expected) for line in lines), "\n".join(lines)
    assert all(":" in line and line.split(":")[1].isdigit() for line in lines), lines
    assert "Traceback" not in "\n".join(lines)


def test_all_problems_are_reported_in_one_run(minimal_repo: Path, capsys) -> None:
    replace(STEP1, "owner: socialtjansten", "owner: polisen")(minimal_repo)
    replace(STEP2, "title: {sv: Akut skydd, en: Acute protection}", "title: {sv: Akut skydd}")(minimal_repo)
    replace(EXERCISE, "next: bra-slut", "next: saknas")(minimal_repo)
    assert main(["check", "--root", str(minimal_repo)]) == 1
    out = capsys.readouterr().out
    assert f"{STEP1}:5:" in out and f"{STEP2}:4:" in out and f"{EXERCISE}:12:" in out


def test_old_review_is_a_warning_not_an_error(minimal_repo: Path) -> None:
    from datetime import date

    checked = pipeline.check(minimal_repo, CheckOptions(today=date(2028, 1, 1), review_max_age_days=365))
    assert checked.ok
    assert any("more than 365 days ago" in p.message for p in checked.problems)


def test_cli_runs_as_a_program_without_traceback(minimal_repo: Path) -> None:
    replace(STEP1, "owner: socialtjansten", "owner: polisen")(minimal_repo)
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--root", str(minimal_repo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{STEP1}:5: owner 'polisen'")
    assert "Traceback" not in result.stderr
