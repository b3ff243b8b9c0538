"""Every kind of bad input gives exit 1 and a clear `path:line: message`, never a traceback."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from build_tools import messages, model, pipeline
from build_tools.checks import CheckOptions
from build_tools.checks.hedges import editors_notes
from build_tools.checks.walk import all_nodes
from build_tools.cli import main
from build_tools.model import Manual, Node

from .conftest import FIXTURES, LANGS, REPO, copy_repo, read_page

STEP1 = "steps/01-identifiering.yml"
STEP2 = "steps/02-akut-skydd.yml"
STEP3 = "steps/03-inledande-stod.yml"
ACTORS = "steps/actors.yml"
EXERCISE = "case_exercises/prov.yml"
SOURCES = "steps/shared/sources.yml"
AID = "decision_aid/first-contact.yml"
CONTACTS = "steps/shared/contacts.yml"
REGIONS = "steps/shared/regions.yml"
LAWS = "steps/shared/laws.yml"
CHANGES = "steps/shared/changes.yml"
TIME_LIMIT_REF = "paragraph: 2, checked: 2026-11-01}"
SOL_LAW = "- id: sol\n  name: {sv: Socialtjänstlag, en: Social Services Act}\n  url: https://lagen.nu/2025:400\n"
SOCIALJOUREN_PHONE = 'phone: "08-000 00 00"'


def regions_file(contacts: str) -> bytes:
    """A regions file with one region listing `contacts` (a YAML list, e.g. "[socialjouren]")."""
    lines = ["# yaml-language-server: $schema=../../schemas/regions.schema.json", "- id: vast"]
    lines += ["  name: {sv: Region Väst, en: Region West}", "  counties: [Hallands län]", f"  contacts: {contacts}"]
    return ("\n".join(lines) + "\n").encode()


def aid_chain(questions: int) -> bytes:
    """A decision aid whose only outcome takes `questions` answers."""
    lines = ["# yaml-language-server: $schema=../schemas/decision-aid.schema.json", "id: first-contact"]
    lines += ["title: {sv: Fråga, en: Question}", "start: q1", "nodes:"]
    for number in range(1, questions + 1):
        target = f"q{number + 1}" if number < questions else "slut"
        lines += [f"  q{number}:", "    title: {sv: Fråga, en: Question}", "    choices:"]
        lines += [f"      - {{label: {{sv: Ja, en: 'Yes'}}, next: {target}}}"]
    lines += ["  slut:", "    title: {sv: Slut, en: End}", "    end: true", "    outcome:"]
    lines += ["      summary: {sv: Gör så., en: Do this.}", "      do_now: [{sv: Ring., en: Call.}]"]
    return ("\n".join(lines) + "\n").encode()


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


def combine(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for change in changes:
            change(root)

    return apply


def remove_steps(root: Path) -> None:
    for path in (root / "steps").glob("[0-9][0-9]-*.yml"):
        path.unlink()


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    expected: str  # the start of the expected line: "path:line: message"
    exit_code: int = 1  # 0 for a warning


CASES = [
    Case(
        "page in one language only",
        write("content/sv/extra.md", b"# Extra\n"),
        "content/en/extra.md:1: missing English page: content/sv/extra.md has no counterpart",
    ),
    Case(
        "owner role not one of the kinds",
        replace(STEP1, "owner_role: acts_on_suspicion", "owner_role: leder"),
        f"{STEP1}:20: 'owner_role' must be one of",
    ),
    Case(
        "editors' doubt in a public text",
        replace(STEP1, "De första dagarna.", "De första dagarna (inte kontrollerat)."),
        f"{STEP1}:7: public text shows an editor's doubt ('inte kontrollerat')",
    ),
    Case(
        "editors' doubt in a hand-written page",
        lambda root: (
            write("content/en/extra.md", b"# Extra\n\nThe number has not been verified.\n")(root),
            write("content/sv/extra.md", b"# Extra\n\nNumret.\n")(root),
        ),
        "content/en/extra.md:3: public text shows an editor's doubt ('not been verified')",
    ),
    Case(
        "an editors' note is listed, not an error",
        replace(STEP1, "time_frame:", 'editors_note: "Kolla tidsramen."\ntime_frame:'),
        f"{STEP1}:7: notice: editors' note: Kolla tidsramen.",
        exit_code=0,
    ),
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
    Case(
        "step number reused",
        replace(STEP2, "number: 2", "number: 1"),
        f"{STEP2}:2: the file name says step 02 but 'number' is 1",
    ),
    Case(
        "step number reused by a file named for it",
        lambda root: (
            replace(STEP2, "number: 2", "number: 1")(root),
            (root / STEP2).rename(root / "steps/01-akut-skydd.yml"),
        ),
        f"{STEP1}:2: step number 1 is also used by steps/01-akut-skydd.yml",
    ),
    Case(
        "step missing", lambda root: (root / STEP3).unlink(), "steps:1: the process must have steps 1 to 6; missing: 3"
    ),
    Case(
        "duplicate actor id",
        replace(ACTORS, "- id: migrationsverket", "- id: polismyndigheten"),
        f"{ACTORS}:15: duplicate actor id 'polismyndigheten'",
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


CASES += [
    Case(
        "a key that is not a word",
        replace(STEP1, "number: 1\n", "number: 1\n[a, b]: 2\n"),
        f"{STEP1}:3: a key must be a plain word",
    ),
    Case(
        "required file missing",
        lambda root: (root / ACTORS).unlink(),
        f"{ACTORS}:1: required file is missing",
    ),
    Case(
        "list file written as a mapping",
        write(SOURCES, b"id: test-source\ntitle: A test source\n"),
        f"{SOURCES}:1: this file must be a list of entries",
    ),
    Case("step file written as a list", write(STEP1, b"- number: 1\n"), f"{STEP1}:1: this file must be a mapping"),
    Case(
        "step in a subfolder",
        write("steps/extra/07-extra.yml", b"number: 7\n"),
        "steps/extra/07-extra.yml:1: unexpected file: steps are steps/NN-<id>.yml",
    ),
    Case(
        "exercise in a subfolder",
        write("case_exercises/gamla/prov2.yml", b"id: prov2\n"),
        "case_exercises/gamla/prov2.yml:1: unexpected file: exercises are case_exercises/<id>.yml",
    ),
    Case(
        "ending .yaml",
        write("steps/07-extra.yaml", b"number: 7\n"),
        "steps/07-extra.yaml:1: unexpected file: use the ending .yml",
    ),
    Case(
        "file number and step number differ",
        lambda root: (root / STEP1).rename(root / "steps/07-identifiering.yml"),
        "steps/07-identifiering.yml:2: the file name says step 07 but 'number' is 1",
    ),
    Case(
        "exercise id that is the address of another page",
        lambda root: (
            replace(EXERCISE, "id: prov", "id: genomgang")(root),
            (root / EXERCISE).rename(root / "case_exercises/genomgang.yml"),
        ),
        "case_exercises/genomgang.yml:2: the id 'genomgang' is the address of another page (ovningar/genomgang/)",
    ),
    Case(
        "exercise file name and id differ",
        replace(EXERCISE, "id: prov", "id: annat"),
        f"{EXERCISE}:2: the file name says 'prov' but 'id' is 'annat'",
    ),
    Case(
        "a list item that should be a mapping",
        replace(
            STEP1,
            "  - actor: polismyndigheten\n    tasks:\n      - text: {sv: Polisen gör något i steg 1., "
            "en: The police do something in step 1.}",
            "  - polismyndigheten",
        ),
        f"{STEP1}:14: 'actors[2]' must be a mapping of keys to values",
    ),
    Case(
        "invalid id",
        replace(STEP1, "id: identifiering", "id: Identifiering"),
        f"{STEP1}:3: 'id' must be an id of lowercase letters",
    ),
    Case(
        "invalid web address",
        replace(SOURCES, "url: https://example.org/source", "url: example.org/source"),
        f"{SOURCES}:4: 'url' must be a web address starting with https://",
    ),
    Case(
        "invalid section",
        replace(STEP3, "section: 15, checked", "section: 15 §, checked"),
        f"{STEP3}:26: 'legal[1].section' has an invalid format (got '15 §')",
    ),
    Case(
        "value not among the allowed",
        replace(STEP1, "audience: children", "audience: barn"),
        f"{STEP1}:13: 'actors[1].tasks[2].audience' must be one of 'all', 'children' or 'adults' (got 'barn')",
    ),
    Case("infinite number", replace(STEP1, "number: 1", "number: .inf"), f"{STEP1}:2: 'number': Input should be"),
    Case(
        "unknown key in a nested mapping",
        replace(STEP1, "        audience: children", "        audiense: children"),
        f"{STEP1}:13: unknown key 'actors[1].tasks[2].audiense' (did you mean 'audience'?)",
    ),
    Case(
        "missing Swedish",
        replace(STEP1, "{sv: Identifiering, en: Identification}", "{en: Identification}"),
        f"{STEP1}:4: missing Swedish text (sv)",
    ),
    Case(
        "raw HTML: script",
        replace(STEP1, "{sv: Syftet med steg 1.,", '{sv: "Syftet <script>alert(1)</script>",'),
        f"{STEP1}:6: text contains raw HTML '<script>'",
    ),
    Case(
        "raw HTML: event handler",
        replace(STEP1, "en: Social services do something in step 1.", 'en: "<img src=x onerror=alert(1)>"'),
        f"{STEP1}:11: text contains raw HTML '<img src=x onerror=alert(1)>'",
    ),
    Case(
        "raw HTML: svg onload in an actor's name",
        replace(ACTORS, "{sv: Socialtjänsten,", '{sv: "<svg onload=alert(1)>",'),
        f"{ACTORS}:3: text contains raw HTML '<svg onload=alert(1)>'",
    ),
    Case(
        "raw HTML in a plain text (a source title)",
        replace(SOURCES, "title: A test source", "title: A <b>test</b> source"),
        f"{SOURCES}:3: text contains raw HTML '<b>'",
    ),
    Case(
        "javascript: link",
        replace(STEP1, "{sv: De första dagarna.,", '{sv: "[Klicka](javascript:alert(1))",'),
        f"{STEP1}:7: text contains a link to 'javascript:alert(1'",
    ),
    Case(
        "attribute list with an event handler",
        replace(STEP1, "{sv: Skyddsbedömning samma dag.,", '{sv: "Skyddsbedömning {: onclick=alert(1) }",'),
        f"{STEP1}:12: text contains the attribute list '{{: onclick=alert(1) }}'",
    ),
    Case(
        "image from another site",
        replace(STEP1, "{sv: De första dagarna.,", '{sv: "![logga](https://example.com/spår.png)",'),
        f"{STEP1}:7: text shows an image from another site 'https://example.com/spår.png'",
    ),
    Case(
        "duplicate time limit id",
        replace(
            STEP3,
            "legal:\n  - {law",
            "  - id: betanketid\n    what: {sv: X, en: X}\n    duration: {sv: 1 dag, en: 1 day}\nlegal:\n  - {law",
        ),
        f"{STEP3}:25: duplicate time limit id 'betanketid'",
    ),
    Case(
        "source without url or document",
        replace(SOURCES, "  url: https://example.org/source\n", ""),
        f"{SOURCES}:2: a source needs a 'url' or a 'document'",
    ),
    Case(
        "unknown contact",
        replace(STEP1, "contacts: [nodnummer-112]", "contacts: [nodnummer-113]"),
        f"{STEP1}:17: contact (steps/shared/contacts.yml) 'nodnummer-113' does not exist",
    ),
    Case(
        "review date in the future",
        replace(STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2999-01-01"),
        f"{STEP1}:19: last_reviewed 2999-01-01 is in the future",
    ),
    Case(
        "review long ago (a warning)",
        replace(STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2020-01-01"),
        f"{STEP1}:19: warning: review overdue: last reviewed 2020-01-01, the next review was due 2020-12-31 "
        "(The social services group)",
        exit_code=0,
    ),
    Case(
        "next review before the last (an error)",
        replace(STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01\nnext_review: 2026-10-01"),
        f"{STEP1}:20: next_review 2026-10-01 must come after last_reviewed 2026-11-01",
    ),
    Case(
        "next review given and overdue (a warning)",
        replace(STEP1, "last_reviewed: 2026-11-01", "last_reviewed: 2026-11-01\nnext_review: 2026-11-15"),
        f"{STEP1}:19: warning: review overdue: last reviewed 2026-11-01, the next review was due 2026-11-15",
        exit_code=0,
    ),
    Case(
        "unknown reviewing role",
        replace(STEP1, "reviewer: socialtjanst", "reviewer: socialtjansten"),
        f"{STEP1}:21: 'reviewer' must be one of 'redaktion', 'socialtjanst',",
    ),
    Case(
        "a change note dated in the future",
        replace(STEP1, "- date: 2026-11-20", "- date: 2999-11-20"),
        f"{STEP1}:27: the change note is dated 2999-11-20, which is in the future",
    ),
    Case(
        "a change note without English",
        replace(STEP1, '      en: "The page was published."\n', ""),
        f"{STEP1}:24: missing English translation (en)",
    ),
    Case("no step files", remove_steps, "steps:1: no step files found"),
    Case(
        "in_brief names an actor without tasks in the step",
        replace(
            STEP1, "owner_role: acts_on_suspicion", "owner_role: acts_on_suspicion\nin_brief:\n  tullen: {sv: X, en: X}"
        ),
        f"{STEP1}:21: in_brief names 'tullen', who has no tasks in this step",
    ),
    Case(
        "actor listed twice",
        replace(STEP1, "  - actor: polismyndigheten", "  - actor: socialtjansten"),
        f"{STEP1}:14: actor 'socialtjansten' is listed twice in this step",
    ),
    Case(
        "exercise: unknown actor",
        replace(EXERCISE, "actors: [socialtjansten]", "actors: [tullen]"),
        f"{EXERCISE}:9: actor 'tullen' does not exist",
    ),
    Case(
        "exercise: end with choices",
        replace(
            EXERCISE,
            "    end: true\n    outcome: {sv: Personen",
            "    end: true\n    choices:\n      - {label: {sv: A, en: A}, next: borja, feedback: {sv: B, en: B}}\n"
            "    outcome: {sv: Personen",
        ),
        f"{EXERCISE}:18: node 'bra-slut' is an end but also has choices",
    ),
    Case(
        "exercise: end without outcome",
        replace(EXERCISE, "    outcome: {sv: Personen fick stöd., en: The person got support.}\n", ""),
        f"{EXERCISE}:18: end node 'bra-slut' has no 'outcome'",
    ),
    Case(
        "schema line missing (a warning)",
        replace(ACTORS, "# yaml-language-server: $schema=../schemas/actors.schema.json\n", ""),
        f"{ACTORS}:1: warning: the first line should be '# yaml-language-server: $schema=../schemas/actors.schema",
        exit_code=0,
    ),
    Case(
        "schema line points at the wrong schema (a warning)",
        replace(EXERCISE, "exercise.schema.json", "step.schema.json"),
        f"{EXERCISE}:1: warning: the schema line points at '../schemas/step.schema.json'",
        exit_code=0,
    ),
]


CASES += [
    Case(
        "aid: unknown contact in an outcome",
        replace(AID, "call: [nodnummer-112]", "call: [nodnummer-113]"),
        f"{AID}:20: contact (steps/shared/contacts.yml) 'nodnummer-113' does not exist",
    ),
    Case(
        "aid: unknown right in an outcome",
        replace(AID, "rights: [skydd]", "rights: [skyd]"),
        f"{AID}:21: right (an 'id' under a step's rights) 'skyd' does not exist",
    ),
    Case(
        "aid: unknown time limit in an outcome",
        replace(AID, "time_limits: [betanketid]", "time_limits: [betanketiden]"),
        f"{AID}:22: time limit 'betanketiden' does not exist",
    ),
    Case(
        "aid: unknown step in an outcome",
        replace(AID, "steps: [akut-skydd]", "steps: [akut]"),
        f"{AID}:23: step 'akut' does not exist",
    ),
    Case(
        "aid: a role line for a role the aid does not have",
        replace(
            AID,
            "actors: [polismyndigheten]",
            "actors: [polismyndigheten]\n      for_role:\n        polis: {sv: X, en: X}",
        ),
        f"{AID}:25: for_role names 'polis', which is not one of the aid's roles (none)",
    ),
    Case(
        "aid: unknown actor in an outcome",
        replace(AID, "actors: [polismyndigheten]", "actors: [polisen]"),
        f"{AID}:24: actor 'polisen' does not exist",
    ),
    Case(
        "aid: an answer leads nowhere",
        replace(AID, "next: radgor", "next: radgora"),
        f"{AID}:12: choice in node 'fara' leads to node 'radgora', which does not exist",
    ),
    Case(
        "aid: a path that ends without an action card",
        replace(AID, "    title: {sv: Rådgör, en: Seek advice}\n    end: true\n", "    title: {sv: R, en: R}\n"),
        f"{AID}:27: node 'radgor' has no choices and is not an end",
    ),
    Case(
        "aid: more than six answers to an outcome",
        write(AID, aid_chain(7)),
        f"{AID}:36: node 'slut' is reached only after 7 answers; an outcome must take at most 6",
    ),
    Case(
        "aid: a second file in decision_aid",
        write("decision_aid/forsta-kontakt.yml", b"id: forsta-kontakt\n"),
        "decision_aid/forsta-kontakt.yml:1: unexpected file: the decision aid is decision_aid/first-contact.yml",
    ),
    Case(
        "duplicate right id",
        replace(STEP2, "  - id: skydd\n", "  - id: skydd\n    sv: A.\n    en: A.\n  - id: skydd\n"),
        f"{STEP2}:24: duplicate right id 'skydd' (also at {STEP2}:21)",
    ),
    Case(
        "contact: the number from abroad is another number",
        replace(CONTACTS, SOCIALJOUREN_PHONE, SOCIALJOUREN_PHONE + '\n  international: "+46 8 000 00 01"'),
        f"{CONTACTS}:9: 'international' (+46 8 000 00 01) is not the same number as 'phone' (08-000 00 00)",
    ),
    Case(
        "contact: a switchboard that does not say whom to ask for",
        replace(CONTACTS, SOCIALJOUREN_PHONE, SOCIALJOUREN_PHONE + "\n  switchboard: true"),
        f"{CONTACTS}:9: a switchboard needs 'route:' saying whom to ask for",
    ),
    Case(
        "contact: checked in the future",
        replace(CONTACTS, SOCIALJOUREN_PHONE, SOCIALJOUREN_PHONE + "\n  checked: 2999-12-31\n  sources: [test-source]"),
        f"{CONTACTS}:9: checked 2999-12-31 is in the future",
    ),
    Case(
        "region: no contact a reader can use",
        write(REGIONS, regions_file("[]")),
        f"{REGIONS}:5: region 'vast' has no contact with a phone, e-mail or web page",
    ),
    Case(
        "region: a contact without the date it was checked",
        write(REGIONS, regions_file("[socialjouren]")),
        f"{CONTACTS}:6: contact 'socialjouren' is shown for a region without 'checked:'",
    ),
    Case(
        "region: a contact without its source",
        combine(
            write(REGIONS, regions_file("[socialjouren]")),
            replace(CONTACTS, SOCIALJOUREN_PHONE, SOCIALJOUREN_PHONE + "\n  checked: 2026-11-30"),
        ),
        f"{CONTACTS}:6: contact 'socialjouren' is shown for a region without 'sources:'",
    ),
]


CONTACTS = "steps/shared/contacts.yml"


def alias_bomb() -> bytes:
    """A few lines that expand to a billion values through aliases."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    return ("\n".join(lines) + "\n").encode()


def aid_ladder(levels: int, loops: bool = False) -> bytes:
    """A decision aid in which every question leads to both questions of the next level: 2**levels paths.

    With `loops`, every second question can also go back to the first one."""
    lines = ["# yaml-language-server: $schema=../schemas/decision-aid.schema.json", "id: first-contact"]
    lines += ["title: {sv: Fråga, en: Question}", "start: a1", "nodes:"]
    for level in range(1, levels + 1):
        targets = [f"a{level + 1}", f"b{level + 1}"] if level < levels else ["slut"]
        for side in "ab" if level > 1 else "a":
            back = ["a1"] if loops and side == "b" else []
            lines += [f"  {side}{level}:", "    title: {sv: Fråga, en: Question}", "    choices:"]
            lines += [f"      - {{label: {{sv: Ja, en: 'Yes'}}, next: {target}}}" for target in targets + back]
    lines += ["  slut:", "    title: {sv: Slut, en: End}", "    end: true", "    outcome:"]
    lines += ["      summary: {sv: Gör så., en: Do this.}", "      do_now: [{sv: Ring., en: Call.}]"]
    return ("\n".join(lines) + "\n").encode()


def symlink(rel: str, target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).symlink_to(target)

    return apply


def symlink_loop(root: Path) -> None:
    (root / "case_exercises/a.yml").symlink_to("b.yml")
    (root / "case_exercises/b.yml").symlink_to("a.yml")


CASES += [
    Case("YAML alias bomb", write(STEP1, alias_bomb()), f"{STEP1}:1: the file expands to more than 200000 values"),
    Case(
        "deep nesting",
        write(STEP1, b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
        f"{STEP1}:1: the values are nested more than 40 levels deep",
    ),
    Case(
        "nesting just over the limit",
        write(STEP1, b"a: " + b"[" * 45 + b"]" * 45 + b"\n"),
        f"{STEP1}:1: the values are nested more than 40 levels deep",
    ),
    Case(
        "a huge file",
        write(STEP1, b"# " + b"x" * 2_100_000 + b"\n"),
        f"{STEP1}:1: the file is 2100 kB; a content file may be at most 2000 kB",
    ),
    Case(
        "a file that is only null",
        write("steps/shared/signs.yml", b"null\n"),
        "steps/shared/signs.yml:1: the file holds only 'null' (nothing)",
    ),
    Case(
        "a file that is only ~",
        write(EXERCISE, b"# yaml-language-server: $schema=../schemas/exercise.schema.json\n~\n"),
        f"{EXERCISE}:2: the file holds only '~' (nothing)",
    ),
    Case(
        "a bidirectional override in a text",
        replace(ACTORS, "Social services", "Social \u202eservices"),
        f"{ACTORS}:3: the text contains the invisible character U+202E, which can hide or reorder",
    ),
    Case(
        "a terminal escape in a text (never echoed raw)",
        replace(STEP1, "De första dagarna.", "De första\x1b[2J dagarna."),
        f"{STEP1}:7: the text contains the invisible character U+001B",
    ),
    Case(
        "negative days",
        replace(STEP3, "days: 30", "days: -3"),
        f"{STEP3}:21: 'time_limits[1].days' must be at least 0 (got -3)",
    ),
    Case(
        "negative minutes",
        replace(EXERCISE, "id: prov\n", "id: prov\nduration_minutes: -5\n"),
        f"{EXERCISE}:3: 'duration_minutes' must be at least 1 (got -5)",
    ),
    Case(
        "a link to a page that does not exist, in a text",
        replace(EXERCISE, "{sv: En situation.,", '{sv: "Se [kontakt](../saknas.md).",'),
        f"{EXERCISE}:7: text links to '../saknas.md', which leads to no page of the site from ovningar/prov.md",
    ),
    Case(
        "a link to a section that does not exist, in a text",
        replace(EXERCISE, "{sv: En situation.,", '{sv: "Se [steg 1](../steg/identifiering.md#finns-inte).",'),
        f"{EXERCISE}:7: text links to '../steg/identifiering.md#finns-inte', but steg/identifiering.md has no "
        "section '#finns-inte'",
    ),
    Case(
        "a link from the root of the site, in a text",
        replace(EXERCISE, "{sv: En situation.,", '{sv: "Se [tecken](/tecken/).",'),
        f"{EXERCISE}:7: text links to '/tecken/' from the root of the site",
    ),
    Case(
        "an image by reference from another site",
        replace(STEP1, "{sv: De första dagarna.,", '{sv: "![logga][l]\\n\\n[l]: https://example.com/l.png",'),
        f"{STEP1}:7: text shows an image from another site 'https://example.com/l.png'",
    ),
    Case(
        "an image from another site written /\\host",
        replace(STEP1, "{sv: De första dagarna.,", '{sv: "![logga](/\\\\example.com/l.png)",'),
        f"{STEP1}:7: text shows an image from another site '/\\example.com/l.png'",
    ),
    Case(
        "an attribute list that hides a text",
        replace(STEP1, "{sv: De första dagarna.,", '{sv: "Viktigt {: hidden }",'),
        f"{STEP1}:7: text contains the attribute list '{{: hidden }}'",
    ),
    Case(
        "a symbolic link instead of a file",
        symlink("case_exercises/lank.yml", "prov.yml"),
        "case_exercises/lank.yml:1: a symbolic link is not allowed here",
    ),
    Case(
        "a symbolic link loop",
        symlink_loop,
        "case_exercises/a.yml:1: a symbolic link is not allowed here",
    ),
    Case(
        "a folder named like a file",
        lambda root: (root / "case_exercises/mapp.yml").mkdir(),
        "case_exercises/mapp.yml:1: the file cannot be read",
    ),
    Case(
        "aid: very many paths",
        write(AID, aid_ladder(30)),
        f"{AID}:301: node 'slut' is reached only after 30 answers; an outcome must take at most 6",
    ),
    Case(
        "aid: very many paths with loops",
        write(AID, aid_ladder(18, loops=True)),
        f"{AID}:4: the decision aid has more than 50000 different paths",
    ),
]


def page(rel: str, content: bytes) -> Callable[[Path], None]:
    """A hand-written page in both languages (the sites mirror each other), the Swedish one as given."""

    def apply(root: Path) -> None:
        write(f"content/sv/{rel}", content)(root)
        write(f"content/en/{rel}", b"# Page\n\nText.\n")(root)

    return apply


# ----- the information sheets for the person: a small set written into the minimal fixture -----------

SHEETS = "steps/shared/sheets.yml"
SHEET_RO = "steps/shared/sheets/ro.yml"
SHEET_TITLE = "Vad händer nu?"
SHEET_LINE = "Betänketiden är {days:betanketid} dagar."


def sheet_files(
    swedish: str = SHEET_LINE,
    ro_text: str = "Perioada de reflecție este de {days:betanketid} zile.",
    ro_source: str | None = None,
    ro_language: str = "ro",
    ro_notice: bool = True,
    ro_texts: tuple[str, ...] = ("titel", "rad"),
    skip: tuple[str, ...] = (),
) -> Callable[[Path], None]:
    """steps/shared/sheets.yml with one sheet of two texts (line 4: the text 'rad'), and a translation in
    every sheet language whose versions match; the Romanian one can be broken."""
    from build_tools.languages import TRANSLATED_SHEET_LANGUAGES
    from build_tools.sheets import version

    source = [
        "# yaml-language-server: $schema=../../schemas/sheets.schema.json",
        "texts:",
        f"  titel: {{text: {SHEET_TITLE!r}}}",
        f"  rad: {{text: {swedish!r}}}",
        "sheets:",
        "  - id: prov",
        "    label: {sv: Prov, en: Test}",
        "    audience: all",
        "    title: titel",
        "    lead: titel",
        "    sections:",
        "      - {heading: titel, items: [rad]}",
        "    call_heading: titel",
    ]

    def apply(root: Path) -> None:
        write(SHEETS, ("\n".join(source) + "\n").encode())(root)
        for language in TRANSLATED_SHEET_LANGUAGES:
            if language.code in skip:
                continue
            ro = language.code == "ro"
            lines = [
                "# yaml-language-server: $schema=../../../schemas/sheet-translation.schema.json",
                f"language: {ro_language if ro else language.code}",
                "produced_by: {sv: maskinöversättning (AI), en: machine translation (AI)}",
                "reviewed: false",
            ]
            if not ro or ro_notice:
                lines.append("notice: Machine translation.")
            lines.append("texts:")
            texts = {"titel": ("Ce se întâmplă acum?", version(SHEET_TITLE)), "rad": (ro_text, version(swedish))}
            for text_id in ro_texts if ro else ("titel", "rad"):
                text, current = texts[text_id]
                if ro and text_id == "rad" and ro_source is not None:
                    current = ro_source
                if not ro and text_id == "rad":
                    text = " ".join(re.findall(r"\{[^}]+\}", swedish)) or "x"  # the same facts as the Swedish
                lines.append(f"  {text_id}: {{text: {text!r}, source: {current!r}}}")
            write(f"steps/shared/sheets/{language.code}.yml", ("\n".join(lines) + "\n").encode())(root)

    return apply


CASES += [
    Case(
        "page: raw HTML",
        page("extra.md", b'# Extra\n\nText.\n\n<div onclick="alert(1)">x</div>\n'),
        "content/sv/extra.md:5: text contains raw HTML '<div onclick=\"alert(1)\">'",
    ),
    Case(
        "page: a frame from another host",
        page("extra.md", b'# Extra\n\n<iframe src="https://example.com/"></iframe>\n'),
        "content/sv/extra.md:3: text contains raw HTML '<iframe src=\"https://example.com/\">'",
    ),
    Case(
        "page: a script next to it",
        page("extra.md", b'# Extra\n\n<script src="x.js"></script>\n'),
        "content/sv/extra.md:3: text contains raw HTML '<script src=\"x.js\">'",
    ),
    Case(
        "page: an image from another host",
        page("extra.md", b"# Extra\n\n![x](https://example.com/x.png)\n"),
        "content/sv/extra.md:3: text shows an image from another site 'https://example.com/x.png'",
    ),
    Case(
        "page: an attribute list",
        page("extra.md", b'# Extra\n\nText\n{: onclick="alert(1)" }\n'),
        "content/sv/extra.md:4: text contains the attribute list",
    ),
    Case(
        "page: markup in the front-matter title",
        page("extra.md", b'---\ntitle: "<img src=x onerror=alert(1)>"\n---\n# Extra\n'),
        "content/sv/extra.md:2: front matter 'title' must be plain text without markup",
    ),
    Case(
        "page: a front-matter key that changes the build",
        page("extra.md", b"---\ntemplate: ../../etc/x.html\n---\n# Extra\n"),
        "content/sv/extra.md:2: front matter key 'template' is not allowed here",
    ),
    Case(
        "page: a script file in content",
        write("content/sv/x.js", b"alert(1)\n"),
        "content/sv/x.js:1: unexpected file in content/: only pages (.md) and images",
    ),
    Case(
        "page: a file that replaces the theme's script",
        write("content/sv/assets/manual/search-setup.js", b"alert(1)\n"),
        "content/sv/assets/manual/search-setup.js:1: this file would replace the site's own",
    ),
    Case(
        "page: a symbolic link in content",
        lambda root: (
            (root / "content/sv/lank.md").symlink_to("/etc/hostname"),
            (root / "content/en/lank.md").symlink_to("/etc/hostname"),
        ),
        "content/en/lank.md:1: a symbolic link is not allowed here",
    ),
    Case(
        "page: an invisible character",
        page("extra.md", "# Extra\n\nText \u202e here.\n".encode()),
        "content/sv/extra.md:3: the text contains the invisible character U+202E",
    ),
]


STEP1_WITH_ITS_IDS = "step 'identifiering' (with its rights and time limits)"


def wait(rel: str, line: int, what: str, count: int) -> str:
    """The notice after a root cause: what the broken file defines, and how many references wait for it."""
    waiting = f"{count} reference(s) elsewhere are not checked until this is fixed"
    return f"{rel}:{line}: notice: {what} could not be loaded: {waiting}"


# One fault, one message: every line a case prints after its first, in order. A case not listed
# prints exactly one line. A reference to what a broken file defines is not a problem of its own.
THEN: dict[str, tuple[str, ...]] = {
    "owner role not one of the kinds": (wait(STEP1, 20, STEP1_WITH_ITS_IDS, 1),),
    "unknown reviewing role": (wait(STEP1, 21, STEP1_WITH_ITS_IDS, 1),),
    "owner removed": (wait(STEP1, 2, STEP1_WITH_ITS_IDS, 1),),
    "owner empty list": (wait(STEP1, 5, STEP1_WITH_ITS_IDS, 1),),
    "owner null": (wait(STEP1, 5, STEP1_WITH_ITS_IDS, 1),),
    "step missing": (f"{AID}:22: time limit 'betanketid' does not exist",),
    "duplicate actor id": (f"{STEP3}:23: actor 'migrationsverket' does not exist",),
    "missing title": (wait(STEP1, 2, STEP1_WITH_ITS_IDS, 1),),
    "unknown key": (wait(STEP1, 5, STEP1_WITH_ITS_IDS, 1),),
    "YAML syntax error": (wait(STEP1, 6, STEP1_WITH_ITS_IDS, 1),),
    "tab indentation": (wait(STEP1, 9, STEP1_WITH_ITS_IDS, 1),),
    "empty file": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "only a comment": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "not UTF-8": (wait(STEP1, 3, STEP1_WITH_ITS_IDS, 1),),
    "text not localized": (wait(STEP1, 4, STEP1_WITH_ITS_IDS, 1),),
    "invalid date": (wait(STEP1, 19, STEP1_WITH_ITS_IDS, 1),),
    "duplicate key": (wait(STEP1, 3, STEP1_WITH_ITS_IDS, 1),),
    "wrong type": (wait(STEP1, 2, STEP1_WITH_ITS_IDS, 1),),
    "file name and id differ": (f"{EXERCISE}:8: step 'identifiering' does not exist",),
    "a key that is not a word": (wait(STEP1, 3, STEP1_WITH_ITS_IDS, 1),),
    "required file missing": (wait(ACTORS, 1, "the actors", 24),),
    "list file written as a mapping": (wait(SOURCES, 1, "the sources", 13),),
    "step file written as a list": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "a list item that should be a mapping": (wait(STEP1, 14, STEP1_WITH_ITS_IDS, 1),),
    "invalid id": (wait(STEP1, 3, STEP1_WITH_ITS_IDS, 1),),
    "invalid web address": (wait(SOURCES, 4, "source 'test-source'", 13),),
    "invalid section": (wait(STEP3, 26, "step 'inledande-stod' (with its rights and time limits)", 1),),
    "value not among the allowed": (wait(STEP1, 13, STEP1_WITH_ITS_IDS, 1),),
    "infinite number": (wait(STEP1, 2, STEP1_WITH_ITS_IDS, 1),),
    "unknown key in a nested mapping": (wait(STEP1, 13, STEP1_WITH_ITS_IDS, 1),),
    "no step files": (wait("steps", 1, "the steps", 5),),
    "YAML alias bomb": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "deep nesting": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "nesting just over the limit": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "a huge file": (wait(STEP1, 1, STEP1_WITH_ITS_IDS, 1),),
    "a bidirectional override in a text": (wait(ACTORS, 3, "the actors", 24),),
    "a terminal escape in a text (never echoed raw)": (wait(STEP1, 7, STEP1_WITH_ITS_IDS, 1),),
    "negative days": (wait(STEP3, 21, "step 'inledande-stod' (with its rights and time limits)", 1),),
    "a symbolic link loop": (
        "case_exercises/b.yml:1: a symbolic link is not allowed here; put the file itself in its place",
    ),
    "legal reference with no text it was read against": (
        f"{STEP3}:26: the reference to 'utlanningslagen' names no text it was checked against: give the law a "
        "'consolidated:' source in steps/shared/laws.yml, or the reference an 'against:' source",
    ),
    "citation of a repealed act not marked as history": (
        f"{STEP3}:26: 'utlanningslagen' was repealed on 2025-07-01: cite the act in force, or write "
        "'history: true' when the text states it as history",
    ),
    "page: a symbolic link in content": (
        "content/sv/lank.md:1: a symbolic link is not allowed here; put the file itself in its place",
    ),
}


CASES += [
    Case(
        "an actor's id misspelt where it is defined",
        replace(ACTORS, "- id: socialtjansten", "- id: socialtjanstn"),
        f"{ACTORS}:2: 13 references to actor 'socialtjansten', which is defined nowhere (first at {EXERCISE}:9); "
        "did you mean 'socialtjanstn' (defined here)?",
    ),
    Case(
        "a misspelt reference says what it may mean",
        replace(STEP1, "contacts: [nodnummer-112]", "contacts: [nodnummer-12]"),
        f"{STEP1}:17: contact (steps/shared/contacts.yml) 'nodnummer-12' does not exist; did you mean 'nodnummer-112'?",
    ),
]


CASES += [
    Case(
        "legal reference without a check date",
        replace(STEP3, TIME_LIMIT_REF, "paragraph: 2}"),
        f"{STEP3}:24: the reference to 'utlanningslagen' has no 'checked:' date",
    ),
    Case(
        "legal reference checked long ago (a warning)",
        replace(STEP3, TIME_LIMIT_REF, "paragraph: 2, checked: 2020-01-01}"),
        f"{STEP3}:24: warning: the reference to 'utlanningslagen' was checked 2020-01-01, more than",
        exit_code=0,
    ),
    Case(
        "legal reference checked in the future",
        replace(STEP3, TIME_LIMIT_REF, "paragraph: 2, checked: 2999-01-01}"),
        f"{STEP3}:24: the reference to 'utlanningslagen' is checked 2999-01-01, in the future",
    ),
    Case(
        "legal reference checked against an unknown source",
        replace(STEP3, TIME_LIMIT_REF, "paragraph: 2, checked: 2026-11-01, against: prop-okand}"),
        f"{STEP3}:24: source (steps/shared/sources.yml) 'prop-okand' does not exist",
    ),
    Case(
        "law with an unknown consolidated text",
        replace(LAWS, "consolidated: test-source", "consolidated: sfs-okand"),
        f"{LAWS}:7: source (steps/shared/sources.yml) 'sfs-okand' does not exist",
    ),
    Case(
        "legal reference with no text it was read against",
        replace(LAWS, "  consolidated: test-source\n", ""),
        f"{STEP3}:24: the reference to 'utlanningslagen' names no text it was checked against",
    ),
    Case(
        "citation of a repealed act not marked as history",
        replace(LAWS, "consolidated: test-source", "consolidated: test-source\n  repealed: 2025-07-01"),
        f"{STEP3}:24: 'utlanningslagen' was repealed on 2025-07-01: cite the act in force",
    ),
    Case(
        "Social Services Act cited without a section",
        combine(
            replace(LAWS, "- id: utlanningslagen", SOL_LAW + "  consolidated: test-source\n- id: utlanningslagen"),
            replace(STEP3, TIME_LIMIT_REF, TIME_LIMIT_REF + ", {law: sol, chapter: 20, checked: 2026-11-01}"),
        ),
        f"{STEP3}:24: a reference to the Social Services Act (sol, SFS 2025:400) needs both 'chapter:' and 'section:'",
    ),
    Case(
        "pending change: unknown step",
        replace(CHANGES, "steps: [akut-skydd]", "steps: [akut]"),
        f"{CHANGES}:8: step 'akut' does not exist",
    ),
    Case(
        "pending change: no source",
        replace(CHANGES, "  sources: [test-source]\n", ""),
        f"{CHANGES}:2: the change 'ny-lag' has no 'sources:'",
    ),
    Case(
        "pending change: decided without a date",
        replace(CHANGES, "status: proposed\n  date: 2099-07-01", "status: decided"),
        f"{CHANGES}:5: the change 'ny-lag' is decided but has no 'date:'",
    ),
    Case(
        "pending change: decided and already in force (a warning)",
        replace(CHANGES, "status: proposed\n  date: 2099-07-01", "status: decided\n  date: 2025-07-01"),
        f"{CHANGES}:6: warning: the change 'ny-lag' came into force on 2025-07-01",
        exit_code=0,
    ),
    Case(
        "pending change: status not one of the kinds",
        replace(CHANGES, "status: proposed", "status: planned"),
        f"{CHANGES}:5: 'status' must be one of",
    ),
    Case(
        "sheets: a listed language without a file",
        sheet_files(skip=("ro",)),
        f"{SHEETS}:1: no sheets in Romanian: add {SHEET_RO}",
    ),
    Case(
        "sheets: a translation file for another language",
        sheet_files(ro_language="hu"),
        f"{SHEET_RO}:2: 'language' is 'hu' but the file is for 'ro'",
    ),
    Case(
        "sheets: a text missing in a language",
        sheet_files(ro_texts=("titel",)),
        f"{SHEET_RO}:6: sheet 'prov' has no Romanian text for 'rad'",
    ),
    Case(
        "sheets: a translation of an older Swedish text (a warning)",
        sheet_files(ro_source="0000000000"),
        f"{SHEET_RO}:8: warning: the Romanian translation of 'rad' is out of date",
        exit_code=0,
    ),
    Case(
        "sheets: a number written in a text",
        sheet_files(swedish="Betänketiden är 30 dagar.", ro_text="Perioada este de zile."),
        f"{SHEETS}:4: a sheet text writes the number '30'",
    ),
    Case(
        "sheets: a card names a sheet that does not exist",
        lambda root: (
            sheet_files()(root),
            replace(
                AID,
                "      summary: {sv: Ring., en: Call.}",
                "      summary: {sv: Ring., en: Call.}\n      sheets: [provv]",
            )(root),
        ),
        f"{AID}:16: sheet 'provv' does not exist; did you mean 'prov'?",
    ),
    Case(
        "sheets: a fact that is not in the steps",
        sheet_files(swedish="Betänketiden är {days:okand} dagar.", ro_text="{days:okand}"),
        f"{SHEETS}:4: '{{days:okand}}' is not a time limit with 'days' or a contact with 'phone'",
    ),
    Case(
        "sheets: a translation without the Swedish fact",
        sheet_files(ro_text="Perioada de reflecție este de treizeci de zile."),
        f"{SHEET_RO}:8: the Romanian text for 'rad' has the facts none, the Swedish has ['{{days:betanketid}}']",
    ),
    Case(
        "sheets: an unreviewed translation without notice",
        sheet_files(ro_notice=False),
        f"{SHEET_RO}:4: a translation no qualified translator has reviewed needs 'notice:'",
    ),
]


def test_fixture_is_valid(minimal_repo: Path) -> None:
    checked = pipeline.check(minimal_repo)
    assert checked.problems == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_file_and_line(case: Case, minimal_repo: Path, capsys) -> None:
    case.breaks(minimal_repo)
    assert main(["check", "--notes", "--root", str(minimal_repo)]) == case.exit_code
    lines = capsys.readouterr().out.replace(str(minimal_repo), "").splitlines()
    assert all(":" in line and line.split(":")[1].isdigit() for line in lines), lines
    assert "Traceback" not in "\n".join(lines)
    # the root cause first, then exactly the lines listed for the case: no cascade
    assert lines and lines[0].startswith(case.expected), "\n".join(lines)
    assert lines[1:] == list(THEN.get(case.name, ())), "\n".join(lines)
    assert len(lines) <= 3


def test_every_listed_case_exists() -> None:
    assert set(THEN) <= {case.name for case in CASES}


# one kind of problem in each of several files, including one that cannot even be parsed
IN_ONE_RUN = (
    "YAML syntax error",
    "unknown owner in a list",
    "invalid section",
    "raw HTML: svg onload in an actor's name",
    "raw HTML in a plain text (a source title)",
    "exercise: next missing",
    "ending .yaml",
)


def test_all_problems_are_reported_in_one_run(minimal_repo: Path, capsys) -> None:
    cases = [case for case in CASES if case.name in IN_ONE_RUN]
    assert len(cases) == len(IN_ONE_RUN)
    for case in cases:
        case.breaks(minimal_repo)
    assert main(["check", "--root", str(minimal_repo)]) == 1
    lines = capsys.readouterr().out.splitlines()
    for case in cases:
        assert any(line.startswith(case.expected) for line in lines), (case.name, lines)


def test_the_table_covers_every_message(tmp_path: Path) -> None:
    produced: set[str] = set()
    for index, case in enumerate(CASES):
        root = copy_repo(tmp_path / str(index), FIXTURES / "minimal")
        case.breaks(root)
        checked = pipeline.check(root)
        listed = checked.problems + editors_notes(checked.manual)
        then = THEN.get(case.name, ())
        produced |= {p.code for p in listed if p.format().startswith(case.expected) or p.format() in then}
    # render-failed: no content that passes every other check is known to break a template;
    # test_a_template_error_is_a_problem_not_a_traceback makes one on purpose
    # change-without-note needs a git base: tests/test_changes.py makes it
    untested_here = {"render-failed", "change-without-note"}
    missing = sorted({message.code for message in messages.ALL_MESSAGES} - produced - untested_here)
    assert missing == [], "add a case to CASES for each of these messages"
    assert len({case.name for case in CASES}) == len(CASES) >= 60


def test_old_review_is_a_warning_not_an_error(minimal_repo: Path) -> None:
    checked = pipeline.check(minimal_repo, CheckOptions(today=date(2028, 1, 1), review_max_age_days=365))
    assert checked.ok
    assert any("the next review was due 2027-11-01" in p.message for p in checked.problems)


def _legal_problems(root: Path, today: date, days: int = 365) -> list[str]:
    checked = pipeline.check(root, CheckOptions(today=today, review_max_age_days=days))
    return [p.format() for p in checked.problems if p.code.startswith(("legal-", "repealed-", "sol-"))]


def test_a_check_date_ages_against_the_injected_day_and_window(minimal_repo: Path) -> None:
    # the fixture's references were checked 2026-11-01
    assert _legal_problems(minimal_repo, date(2027, 11, 1)) == []
    old = _legal_problems(minimal_repo, date(2027, 11, 2))
    assert len(old) == 2 and all("warning: the reference to 'utlanningslagen' was checked 2026-11-01" in p for p in old)
    assert _legal_problems(minimal_repo, date(2027, 11, 2), days=800) == []
    future = _legal_problems(minimal_repo, date(2026, 10, 31))
    assert len(future) == 2 and all("is checked 2026-11-01, in the future" in p for p in future)


def test_an_act_repealed_later_than_today_may_still_be_cited(minimal_repo: Path) -> None:
    replace(LAWS, "consolidated: test-source", "consolidated: test-source\n  repealed: 2027-01-01")(minimal_repo)
    assert _legal_problems(minimal_repo, date(2026, 12, 31)) == []
    repealed = _legal_problems(minimal_repo, date(2027, 1, 1))
    assert [p.split(": ", 1)[0] for p in repealed] == [f"{STEP3}:24", f"{STEP3}:26"]
    assert all("was repealed on 2027-01-01" in p for p in repealed)


def test_a_repealed_act_cited_as_history_is_accepted(minimal_repo: Path) -> None:
    replace(LAWS, "consolidated: test-source", "consolidated: test-source\n  repealed: 2025-07-01")(minimal_repo)
    replace(STEP3, TIME_LIMIT_REF, "paragraph: 2, checked: 2026-11-01, history: true}")(minimal_repo)
    problems = _legal_problems(minimal_repo, date(2026, 12, 1))
    assert problems == [
        f"{STEP3}:26: 'utlanningslagen' was repealed on 2025-07-01: cite the act in force, "
        "or write 'history: true' when the text states it as history"
    ]


def test_a_reference_read_against_another_text_needs_no_consolidated_text(minimal_repo: Path) -> None:
    replace(LAWS, "  consolidated: test-source\n", "")(minimal_repo)
    replace(STEP3, TIME_LIMIT_REF, "paragraph: 2, checked: 2026-11-01, against: test-source}")(minimal_repo)
    problems = _legal_problems(minimal_repo, date(2026, 12, 1))
    assert [p.split(": ", 1)[0] for p in problems] == [f"{STEP3}:26"]


def test_a_proposed_change_has_no_date_requirement(minimal_repo: Path) -> None:
    replace(CHANGES, "  date: 2099-07-01\n", "")(minimal_repo)
    checked = pipeline.check(minimal_repo, CheckOptions(today=date(2026, 12, 1)))
    assert [p for p in checked.problems if p.code.startswith("change-")] == []


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


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_what_the_build_refuses_the_check_refuses_first(case: Case, minimal_repo: Path, capsys) -> None:
    """`manual check` and `manual build` on the same broken content: never a traceback, and never
    a build that stops on content the check let through."""
    case.breaks(minimal_repo)
    checked = main(["check", "--root", str(minimal_repo)])
    capsys.readouterr()
    built = main(["build", "--root", str(minimal_repo)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert built == (0 if checked == 0 else 1), out.out + out.err
    assert not list(minimal_repo.glob(".site-*")), "a build leaves no debris"


def test_a_template_error_is_a_problem_not_a_traceback(minimal_repo: Path) -> None:
    manual = pipeline.check(minimal_repo).manual
    exercise = manual.exercises[0]
    node_id, node = next(iter(exercise.nodes.items()))
    broken_node = node.model_copy(update={"step": "finns-inte"})  # what the checks would refuse
    broken = exercise.model_copy(update={"nodes": {**exercise.nodes, node_id: broken_node}})
    problems, pages = pipeline.check_rendering(dataclasses.replace(manual, exercises=(broken,)), minimal_repo)
    assert [p.code for p in problems] == ["render-failed"] and pages == {}
    assert problems[0].path.startswith("build_tools/templates/") and problems[0].line > 1
    assert "finns-inte" in problems[0].message


def test_a_bad_review_age_setting_is_said_in_words(minimal_repo: Path, monkeypatch, capsys) -> None:
    for value in ("ett år", "0", "-5"):
        monkeypatch.setenv(pipeline.REVIEW_MAX_AGE_ENV, value)
        assert main(["check", "--root", str(minimal_repo)]) == 2
        assert pipeline.REVIEW_MAX_AGE_ENV in capsys.readouterr().err
        assert main(["build", "--root", str(minimal_repo)]) == 2
        assert pipeline.REVIEW_MAX_AGE_ENV in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--review-max-age", "0", "--root", str(minimal_repo)])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("limit", ["0", "-1", "tio"])
def test_search_refuses_a_limit_below_one(limit: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--limit", limit, "betänketid"])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_messages_never_echo_invisible_characters() -> None:
    problem = messages.INVALID_VALUE.at("steps/x.yml", 3, field="title", detail="a\x1b[2Jb\u202ec")
    assert "\x1b" not in problem.format() and "\u202e" not in problem.format()
    assert "U+001B" in problem.format() and "U+202E" in problem.format_github()


def test_an_interrupted_build_leaves_debris_that_the_next_build_removes(minimal_repo: Path) -> None:
    from build_tools.build import build_site

    (minimal_repo / ".site-build-abc123" / "en").mkdir(parents=True)
    (minimal_repo / ".site-old-xyz").mkdir()
    build_site(minimal_repo)
    assert (minimal_repo / "site" / "index.html").is_file()
    assert not list(minimal_repo.glob(".site-build-*")) and not list(minimal_repo.glob(".site-old-*"))


def test_the_quick_ids_of_every_generated_page_are_ids_the_page_really_has() -> None:
    """The link check looks an anchor up among the ids written in a page and its plain headings first,
    and converts the page only for one it does not find there: so those quick ids must all be real."""
    from build_tools.checks.links import likely_ids, section_ids
    from build_tools.render import Renderer

    manual = pipeline.check(REPO).manual
    for lang in LANGS:
        for generated in Renderer(manual, lang).pages():
            false_ids = likely_ids(generated.content) - section_ids(generated.content)
            assert not false_ids, (lang, generated.path, false_ids)


def test_a_text_may_link_to_a_page_and_section_the_build_makes(minimal_repo: Path, capsys) -> None:
    """A link that leads to a generated page and to one of its sections passes the check, and the
    strict build agrees (MkDocs checks links and anchors)."""
    from build_tools.checks.links import section_ids
    from build_tools.render import Renderer

    manual = pipeline.check(minimal_repo).manual
    step_page = next(p for p in Renderer(manual, "sv").pages() if p.path == "steg/identifiering.md")
    anchor = sorted(section_ids(step_page.content) - {"__skip"})[0]
    link = f"../steg/identifiering.md#{anchor}"
    replace(EXERCISE, "{sv: En situation.,", f'{{sv: "Se [steg 1]({link}) och [tecknen](../tecken.md).",')(minimal_repo)
    assert main(["check", "--root", str(minimal_repo)]) == 0, capsys.readouterr().out
    assert main(["build", "--root", str(minimal_repo)]) == 0, capsys.readouterr()
    page = read_page(minimal_repo / "site/ovningar/prov/index.html")
    assert f'href="../../steg/identifiering/#{anchor}"' in page


def _node_types(annotation: object) -> set[type]:
    """The Node classes a field's type can hold (inside lists, dicts, unions and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, Node):
        return {annotation}
    return {found for argument in typing.get_args(annotation) for found in _node_types(argument)}


def test_every_kind_of_content_is_walked_by_the_checks() -> None:
    """The checks that apply everywhere (translations, markup, links) reach a node only through the walk;
    a kind of content the manual holds but the walk misses would escape them without a word."""
    reachable: set[type] = set()
    waiting = {
        kind for field in dataclasses.fields(Manual) for kind in _node_types(typing.get_type_hints(Manual)[field.name])
    }
    while waiting:
        kind = waiting.pop()
        reachable.add(kind)
        waiting |= {found for info in kind.model_fields.values() for found in _node_types(info.annotation)} - reachable
    defined = {
        kind
        for kind in vars(model).values()
        # not the bases: Node, and the text types' shared methods (their fields come from the language table)
        if isinstance(kind, type) and issubclass(kind, Node) and kind is not Node and not kind.__name__.startswith("_")
    }
    assert defined - reachable == set(), "a kind of content the manual does not hold: load it into Manual"
    manual = pipeline.check(REPO).manual
    walked = {id(node) for node in all_nodes(manual)}
    for field in dataclasses.fields(manual):
        value = getattr(manual, field.name)
        items = value if isinstance(value, tuple) else (value,)
        assert items and all(id(item) in walked for item in items if item is not None), field.name
