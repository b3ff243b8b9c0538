"""Every kind of bad input gives exit 1 and a clear `path:line: message`, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools import messages, pipeline
from build_tools.checks import CheckOptions
from build_tools.checks.hedges import editors_notes
from build_tools.cli import main

from .conftest import FIXTURES, copy_repo

STEP1 = "steps/01-identifiering.yml"
STEP2 = "steps/02-akut-skydd.yml"
STEP3 = "steps/03-inledande-stod.yml"
ACTORS = "steps/actors.yml"
EXERCISE = "case_exercises/prov.yml"
SOURCES = "steps/shared/sources.yml"
AID = "decision_aid/first-contact.yml"
CONTACTS = "steps/shared/contacts.yml"
REGIONS = "steps/shared/regions.yml"
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
        write("content/en/extra.md", b"# Extra\n\nThe number has not been verified.\n"),
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
        replace(STEP3, "section: 15, about", "section: 15 §, about"),
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
        f"{STEP1}:19: warning: last reviewed 2020-01-01, more than",
        exit_code=0,
    ),
    Case("no step files", remove_steps, "steps:1: no step files found"),
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
                    text = "{days:betanketid}" if "{days:betanketid}" in swedish else "x"
                lines.append(f"  {text_id}: {{text: {text!r}, source: {current!r}}}")
            write(f"steps/shared/sheets/{language.code}.yml", ("\n".join(lines) + "\n").encode())(root)

    return apply


CASES += [
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
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(case.expected) for line in lines), "\n".join(lines)
    assert all(":" in line and line.split(":")[1].isdigit() for line in lines), lines
    assert "Traceback" not in "\n".join(lines)


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
        produced |= {p.code for p in listed if p.format().startswith(case.expected)}
    missing = sorted({message.code for message in messages.ALL_MESSAGES} - produced)
    assert missing == [], "add a case to CASES for each of these messages"
    assert len({case.name for case in CASES}) == len(CASES) >= 60


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
