"""Pages generated from the model with the Jinja templates in build_tools/templates/."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

import jinja2
import markupsafe
import yaml

from . import branching, jump_links, sheets, usercache
from .changes import all_notes, newest_first
from .languages import BY_CODE
from .legal import citations, provision_url
from .model import (
    Actor,
    Contact,
    Exercise,
    GlossaryTerm,
    Law,
    LegalRef,
    Localized,
    Manual,
    SignKind,
    Step,
    StepActor,
)
from .review import DEFAULT_INTERVAL_DAYS, REVIEWERS, next_review

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    content: str


def step_path(step: Step) -> str:
    return f"steg/{step.id}.md"


def actor_path(actor: Actor) -> str:
    return f"aktorer/{actor.id}.md"


def law_path(law: Law) -> str:
    return f"lagar/{law.id}.md"


def exercise_path(exercise: Exercise) -> str:
    return f"ovningar/{exercise.id}.md"


MATRIX_PATH = "vem-gor-vad.md"
EXERCISES_PATH = "ovningar/index.md"
# the debrief across groups, next to the exercises (an exercise may not take its name: checks/exercises.py)
SESSIONS_PATH = f"ovningar/{branching.SESSIONS_PAGE}.md"
ACTORS_INDEX_PATH = "aktorer/index.md"
INDEX_PATH = "index.md"
LAWS_INDEX_PATH = "lagar/index.md"
TIME_LIMITS_PATH = "tidsfrister.md"
RIGHTS_PATH = "rattigheter.md"
SIGNS_PATH = "tecken.md"
GLOSSARY_PATH = "ordlista.md"
CONTACTS_PATH = "kontakt.md"
REGIONS_PATH = "regionkoordinatorer.md"
PRINT_PATH = "utskrift.md"
SIGN_KINDS: tuple[str, ...] = get_args(SignKind)
HEADING = re.compile(r"^(#{1,5}) ", re.M)
CHANGES_PATH = "andringar.md"
# decided or proposed changes in the law (steps/shared/changes.yml); "andringar" is the content's history
PENDING_CHANGES_PATH = "kommande-andringar.md"
PENDING_CHANGES_ANCHOR = "kommande-andringar"
AID_PATH = "vad-gor-jag-nu.md"
LOCAL_CONTACTS_PATH = "mina-kontakter.md"
# the reader's own local contacts (assets/manual/local-contacts.js reads the same names)
LOCAL_KINDS = ("socialjouren", "socialkontoret", "polis", "tolk")
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_literal(text: str) -> str:
    """Text shown exactly as written (e.g. a commit summary): Markdown syntax is escaped."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", text)


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    # libyaml's loader when it is there (the pure one takes a tenth of a second for this file)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"), Loader=loader)


# how a site language cites a provision (the language table's `citation_style`): BrB 4 kap. 1 a § 2 st. 3 p.
# in Swedish, BrB ch. 4 s. 1 a para. 2 point 3 in English
CITATION_STYLES: dict[str, dict[str, str]] = {
    "sv": {"chapter": "{} kap.", "section": "{} §", "paragraph": "{} st.", "point": "{} p."},
    "en": {"chapter": "ch. {}", "section": "s. {}", "paragraph": "para. {}", "point": "point {}"},
}


def citation_style(lang: str) -> str:
    """The citation style of a site language, from the language table."""
    style = BY_CODE[lang].citation_style if lang in BY_CODE else None
    if style not in CITATION_STYLES:
        known = ", ".join(CITATION_STYLES)
        raise ValueError(f"site language {lang!r}: citation_style {style!r} is not one of {known} (languages.py)")
    return str(style)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the whole process, and on disk for the next one: every Renderer (one per
    language and per check) would otherwise parse and compile each template again, and a fresh
    `manual check` spends a third of a second doing so. Jinja compares the source's checksum, so an edited
    template is compiled afresh; the key also names the template's path, Jinja's version and the settings
    that shape the compiled code. A folder that cannot be read or written only means compiling again."""

    def __init__(self, folder: Path | None) -> None:
        self._code: dict[str, bytes] = {}
        self._folder = folder

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        settings = (
            jinja2.__version__,
            environment.block_start_string,
            environment.block_end_string,
            environment.variable_start_string,
            environment.variable_end_string,
            environment.comment_start_string,
            environment.comment_end_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.newline_sequence,
            environment.keep_trailing_newline,
            environment.optimized,
            environment.autoescape,
            environment.is_async,
            sorted(environment.extensions),
            sorted(environment.filters),
            sorted(environment.tests),
        )
        bucket = jinja2.bccache.Bucket(
            environment, self.get_cache_key(f"{name}|{settings!r}", filename), self.get_source_checksum(source)
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None:
            code = usercache.read(self._folder, bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # a wrong version or checksum leaves the bucket empty

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        usercache.write(self._folder, bucket.key, code)


COMPILED_TEMPLATES = _CompiledTemplates(usercache.cache_folder("templates"))


class Renderer:
    """Renders the pages of one language; every page knows its own path for relative links."""

    def __init__(self, manual: Manual, lang: str, review_interval_days: int = DEFAULT_INTERVAL_DAYS):
        self.manual = manual
        self.lang = lang
        self.citation_style = citation_style(lang)
        self.review_interval_days = review_interval_days
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=COMPILED_TEMPLATES,
        )
        self.env.filters["t"] = self.text
        self.env.filters["markdown_literal"] = markdown_literal
        self.env.globals.update(
            ui=self.ui,
            cite=self.cite,
            law_url=self.law_url,
            manual=manual,
            lang=lang,
            step_path=step_path,
            actor_path=actor_path,
            matrix_path=MATRIX_PATH,
            law_path=law_path,
            laws_index_path=LAWS_INDEX_PATH,
            time_limits_path=TIME_LIMITS_PATH,
            rights_path=RIGHTS_PATH,
            signs_path=SIGNS_PATH,
            glossary_path=GLOSSARY_PATH,
            contacts_path=CONTACTS_PATH,
            regions_path=REGIONS_PATH,
            print_path=PRINT_PATH,
            changes_path=CHANGES_PATH,
            pending_changes_path=PENDING_CHANGES_PATH,
            pending_changes_anchor=PENDING_CHANGES_ANCHOR,
            aid_path=AID_PATH,
            local_contacts_path=LOCAL_CONTACTS_PATH,
            next_review=lambda node: next_review(node, review_interval_days),
            reviewer_name=lambda node: REVIEWERS[node.reviewer].name(lang),
            newest_first=newest_first,
            all_notes=lambda: all_notes(manual),
            exercise_by_id={exercise.id: exercise for exercise in manual.exercises},
            actor_names=self.actor_names,
            ordered_actors=self.ordered_actors,
            step_contacts=self.step_contacts,
            glossary_terms=self.glossary_terms,
            lookup=lookup,
            exercise_path=exercise_path,
            sessions_path=SESSIONS_PATH,
            card_order=branching.card_order,
            alphabet=SWEDISH_ALPHABET,
            initial=initial_letter,
            sheets_index_path=sheets.INDEX_PATH,
            easy_read_path=sheets.EASY_READ_PATH,
            sheet_path=sheets.sheet_path,
            steps_covered=branching.steps_covered,
        )
        self.citations = citations(manual)
        self._links: dict[tuple[str, str], str] = {}

    def text(self, value: Localized | None) -> str:
        return value.get(self.lang) if value is not None else ""

    def nav_title(self, value: Localized) -> str:
        """A title for MkDocs' navigation, which the theme inserts as HTML without escaping it."""
        return html.escape(self.text(value), quote=False)

    def ui(self, key: str) -> str:
        return ui_strings()[key][self.lang]

    def actor_names(self, ids: list[str]) -> str:
        names = [self.text(self.manual.actor_by_id[i].name) for i in ids if i in self.manual.actor_by_id]
        if len(names) < 2:
            return "".join(names)
        return ", ".join(names[:-1]) + f" {self.ui('and')} " + names[-1]

    def cite(self, ref: LegalRef) -> str:
        """A legal reference as people write it: 'BrB 4 kap. 1 a §' / 'BrB ch. 4 s. 1 a'."""
        law = self.manual.law_by_id.get(ref.law)
        name = (law.short or self.text(law.name)) if law else ref.law
        style = CITATION_STYLES[self.citation_style]
        parts = [name]
        for part in ("chapter", "section", "paragraph", "point"):
            if (value := getattr(ref, part)) is not None:
                parts.append(style[part].format(value))
        return " ".join(parts)

    def law_url(self, ref: LegalRef) -> str:
        law = self.manual.law_by_id.get(ref.law)
        return provision_url(law, ref) if law else ""

    def ordered_actors(self, step: Step) -> list[StepActor]:
        """The step's actors, those who lead it first."""
        return sorted(
            step.actors, key=lambda e: step.owner.index(e.actor) if e.actor in step.owner else len(step.owner)
        )

    def step_contacts(self, step: Step) -> list[Contact]:
        return lookup(self.manual.contact_by_id, step.contacts)

    def glossary_terms(self, step: Step) -> list[GlossaryTerm]:
        return [term for term in self.sorted_glossary() if step.id in term.steps]

    def sorted_glossary(self) -> list[GlossaryTerm]:
        return sorted(self.manual.glossary, key=lambda term: swedish_sort_key(term.term))

    def sorted_laws(self) -> list[Law]:
        return sorted(self.manual.laws, key=lambda law: swedish_sort_key(self.text(law.name)))

    def render(self, template: str, page_path: str, **context: Any) -> GeneratedPage:
        start = posixpath.dirname(page_path) or "."

        def link(target: str) -> str:
            # the same few hundred links are made from the same folders on every page (relpath asks
            # the system for the working folder twice on each call)
            if (made := self._links.get((target, start))) is None:
                made = self._links[(target, start)] = posixpath.relpath(target, start)
            return made

        content = self.env.get_template(template).render(link=link, page_path=page_path, **context)
        return GeneratedPage(page_path, content)

    def pages(self) -> list[GeneratedPage]:
        manual = self.manual
        pages = [
            self.render("index.md.j2", INDEX_PATH),
            self.render("matrix.md.j2", MATRIX_PATH, actors=self.sorted_actors()),
            self.render("actors.md.j2", ACTORS_INDEX_PATH, actors=self.sorted_actors()),
            self.render("time_limits.md.j2", TIME_LIMITS_PATH),
            self.render("rights.md.j2", RIGHTS_PATH),
            self.render("signs.md.j2", SIGNS_PATH, kinds=SIGN_KINDS),
            self.render("glossary.md.j2", GLOSSARY_PATH, terms=self.sorted_glossary()),
            self.render("contacts.md.j2", CONTACTS_PATH),
            self.render("regions.md.j2", REGIONS_PATH),
            self.render("local_contacts.md.j2", LOCAL_CONTACTS_PATH, local_kinds=LOCAL_KINDS),
            self.render("laws.md.j2", LAWS_INDEX_PATH, laws=self.sorted_laws(), citations=self.citations),
            self.render("pending_changes.md.j2", PENDING_CHANGES_PATH),
            self.print_page(),
            self.render("changes.md.j2", CHANGES_PATH),
        ]
        steps = list(manual.steps)
        for index, step in enumerate(steps):
            pages.append(
                self.render(
                    "step.md.j2",
                    step_path(step),
                    step=step,
                    previous=steps[index - 1] if index > 0 else None,
                    next=steps[index + 1] if index + 1 < len(steps) else None,
                    jump_links_marker=markupsafe.Markup(jump_links.marker(html.escape(self.ui("jump_links")))),
                )
            )
        for actor in manual.actors:
            pages.append(
                self.render(
                    "actor.md.j2",
                    actor_path(actor),
                    actor=actor,
                    steps=manual.steps_of(actor.id),
                    contacts=lookup(manual.contact_by_id, actor.contacts),
                )
            )
        for law in manual.laws:
            pages.append(self.render("law.md.j2", law_path(law), law=law, citations=self.citations[law.id]))
        pages.extend(self.exercise_pages())
        pages.extend(self.aid_pages())
        pages.extend(self.sheet_pages())
        return pages

    def sheet_pages(self) -> list[GeneratedPage]:
        """The information sheets for the person: an index, the lättläst page, one page per sheet and language."""
        if self.manual.sheets is None:
            return []
        all_sheets = self.manual.sheets.sheets
        sides = sheets.sheet_languages(self.manual)
        source = next(side for side in sides if side.language is sheets.SHEET_SOURCE)
        pages = [
            self.render("sheets.md.j2", sheets.INDEX_PATH, sheets=all_sheets, sides=sides),
            self.render("easy_read.md.j2", sheets.EASY_READ_PATH, sheets=all_sheets, source=source),
        ]
        for sheet in all_sheets:
            for side in sides:
                if side.has(sheet):
                    path = sheets.sheet_path(sheet, side.language)
                    pages.append(self.render("sheet.md.j2", path, sheet=sheet, side=side, source_side=source))
        return pages

    def aid_pages(self) -> list[GeneratedPage]:
        labels = {key: self.ui(key) for key in branching.AID_LABELS}
        return [
            self.render(
                "decision_aid.md.j2",
                AID_PATH,
                aid=aid,
                payload=branching.aid_payload(aid.id, aid.start, aid.nodes, labels, [role.id for role in aid.roles]),
            )
            for aid in self.manual.decision_aids
        ]

    def exercise_pages(self) -> list[GeneratedPage]:
        exercises = self.manual.exercises
        if not exercises:
            return []
        labels = {key: self.ui(key) for key in branching.PLAYER_LABELS}
        pages = [self.render("exercises.md.j2", EXERCISES_PATH, exercises=exercises)]
        session_labels = {key: self.ui(key) for key in branching.SESSIONS_LABELS}
        pages.append(
            self.render(
                "sessions.md.j2",
                SESSIONS_PATH,
                exercises=exercises,
                payload=branching.sessions_payload(exercises, session_labels),
            )
        )
        for exercise in exercises:
            payload = branching.graph_payload(
                "exercise", exercise.id, exercise.start, exercise.nodes, self.manual, labels, exercise.duration_minutes
            )
            pages.append(self.render("exercise.md.j2", exercise_path(exercise), exercise=exercise, payload=payload))
        return pages

    def print_page(self) -> GeneratedPage:
        """The whole manual on one page: the steps, the actors, then the reference pages one heading level down."""
        parts = [
            self.render("time_limits.md.j2", PRINT_PATH),
            self.render("signs.md.j2", PRINT_PATH, kinds=SIGN_KINDS),
            self.render("contacts.md.j2", PRINT_PATH),
            self.render("regions.md.j2", PRINT_PATH),
            self.render("glossary.md.j2", PRINT_PATH, terms=self.sorted_glossary()),
        ]
        demoted = [markupsafe.Markup(HEADING.sub(r"#\1 ", part.content)) for part in parts]
        return self.render("print.md.j2", PRINT_PATH, actors=self.sorted_actors(), parts=demoted)

    def nav(self, handwritten: list[str]) -> list[Any]:
        """The site navigation: generated sections first, then the hand-written pages."""
        manual = self.manual
        return [  # a fixed size: lists that grow with the content are reached from their index pages
            *({self.ui("aid_nav"): AID_PATH} for _ in manual.decision_aids),
            {
                self.ui("process"): [INDEX_PATH]
                + [{f"{step.number}. {self.nav_title(step.title)}": step_path(step)} for step in manual.steps]
            },
            {self.ui("actors"): ACTORS_INDEX_PATH},
            {self.ui("matrix_title"): MATRIX_PATH},
            {
                self.ui("quick_reference"): [
                    {self.ui("signs_title"): SIGNS_PATH},
                    {self.ui("time_limits"): TIME_LIMITS_PATH},
                    {self.ui("rights"): RIGHTS_PATH},
                    *({self.ui("sheets_title"): sheets.INDEX_PATH} for _ in [self.manual.sheets] if _),
                    {self.ui("glossary_title"): GLOSSARY_PATH},
                ]
            },
            {
                self.ui("contacts"): [
                    {self.ui("contacts_nav"): CONTACTS_PATH},
                    {self.ui("regions_title"): REGIONS_PATH},
                    {self.ui("local_nav"): LOCAL_CONTACTS_PATH},
                ]
            },
            {self.ui("laws_title"): LAWS_INDEX_PATH},
            {self.ui("pending_changes_title"): PENDING_CHANGES_PATH},
            *self.exercise_nav(),
            {self.ui("print_title"): PRINT_PATH},
            *handwritten,
            {self.ui("changes_title"): CHANGES_PATH},
        ]

    def exercise_nav(self) -> list[Any]:
        """The exercise index only: the nav is repeated in every page, so lists that grow with the
        content (actors, laws, exercises) are reached from their index pages."""
        return [{self.ui("exercises"): EXERCISES_PATH}] if self.manual.exercises else []

    def sorted_actors(self) -> list[Actor]:
        return sorted(self.manual.actors, key=lambda a: self.text(a.name).casefold())


def lookup(by_id: dict[str, Any], ids: list[str]) -> list[Any]:
    """The things named by `ids`, in that order (the checks have made sure they exist)."""
    return [by_id[i] for i in ids if i in by_id]


# Swedish alphabet order: å, ä, ö come after z (and "{|}" are the characters after "z")
_SWEDISH_LAST_LETTERS = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


SWEDISH_ALPHABET = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")


def initial_letter(text: str) -> str:
    """The letter a term is filed under in the A–Ö index ('#' for a digit or a sign)."""
    letter = text.strip()[:1].upper()
    return letter if letter in SWEDISH_ALPHABET else "#"


def swedish_sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH_LAST_LETTERS)


def emergency_contacts(manual: Manual) -> list[Contact]:
    return [contact for contact in manual.contacts if contact.emergency]
