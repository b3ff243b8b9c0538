"""The typed model of the manual: one class per kind of thing an editor writes in YAML.

Each YAML mapping becomes a frozen model that remembers where it was written (`origin`), so
checks can name the file and line of any value without knowing YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, create_model
from pydantic.json_schema import SkipJsonSchema

from .languages import BY_CODE, SITE_LANGUAGES

LANGUAGES = SITE_LANGUAGES


@dataclass(frozen=True)
class Origin:
    """Where a mapping was written: file, line, and the line of each of its keys."""

    path: str
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)

    def line_of(self, key: str, index: int | None = None) -> int:
        if index is not None and index < len(self.item_lines.get(key, [])):
            return self.item_lines[key][index]
        return self.key_lines.get(key, self.line)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _as_text(value: Any) -> Any:
    # `section: 15` and `section: 1 a` are both written naturally; keep sections as text
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _without_origin(value: Any) -> Any:
    # a YAML mapping used as a dict (not a model) must not carry the loader's origin marker
    return {k: v for k, v in value.items() if k != "__origin__"} if isinstance(value, dict) else value


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Audience = Literal["all", "children", "adults"]
# what kind of responsibility a step's owner has; the owner box and tags are worded from it
OwnerRole = Literal["leads", "shared", "coordinates", "acts_on_suspicion"]
# json_schema_input_type: what an editor may write, for the JSON Schemas (`manual schema`)
OneOrMoreSlugs = Annotated[
    list[Slug], BeforeValidator(_as_list, json_schema_input_type=Slug | list[Slug]), Field(min_length=1)
]
SectionText = Annotated[str, StringConstraints(pattern=r"^\d+( ?[a-z])?$")]
SectionNumber = Annotated[SectionText, BeforeValidator(_as_text, json_schema_input_type=int | SectionText)]


class Node(BaseModel):
    """Base of every mapping written in YAML: no unknown keys, immutable, knows its origin."""

    # defer_build: a model's validator is made when it is first used, not on import; the kinds only ever
    # validated inside a file's model (a task, a reference) are then never built on their own
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True, defer_build=True
    )

    origin: SkipJsonSchema[Origin | None] = Field(default=None, alias="__origin__", exclude=True, repr=False)
    # doubts, source conflicts and editorial reasoning: listed by `manual check --notes`, never rendered
    editors_note: str | None = Field(
        default=None, description="For editors only: never shown on the site; listed by `manual check --notes`."
    )

    def line_of(self, key: str, index: int | None = None) -> int:
        return self.origin.line_of(key, index) if self.origin else 1

    @property
    def path(self) -> str:
        return self.origin.path if self.origin else "<memory>"

    @property
    def line(self) -> int:
        """The line where this mapping starts."""
        return self.origin.line if self.origin else 1


def _site_languages_phrase() -> str:
    """'Swedish and English' (the site languages, in the table's order, named in English)."""
    names = [BY_CODE[code].name_en for code in SITE_LANGUAGES]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _site_mapping_example() -> str:
    return "{" + ", ".join(f"{code}: …" for code in SITE_LANGUAGES) + "}"


class _LocalizedText(Node):
    """What every localized text can do; its fields (one per site language) come from the language table."""

    # every language is optional here so that the check can name the missing one; the editors'
    # schema asks for all of them, so their editor marks a missing translation while they type
    model_config = ConfigDict(json_schema_extra={"required": list(SITE_LANGUAGES)})

    def get(self, lang: str) -> str:
        """The text in `lang`; where it is missing, the first site language that has one."""
        own: str | None = getattr(self, lang, None) if lang in SITE_LANGUAGES else None
        return own or next((text for code in SITE_LANGUAGES if (text := getattr(self, code))), "")


class _LocalizedWords(Node):
    def words(self, lang: str) -> list[str]:
        found: list[str] = getattr(self, lang, [])
        return found


if TYPE_CHECKING:
    # for the type checker: a field per site language, read as `text.sv`, `text.en`, `getattr(text, code)`

    class Localized(_LocalizedText):
        def __getattr__(self, lang: str) -> str | None: ...

    class LocalizedList(_LocalizedWords):
        def __getattr__(self, lang: str) -> list[str]: ...

else:
    Localized = create_model(
        "Localized",
        __base__=_LocalizedText,
        __module__=__name__,
        __doc__=f"A text in {_site_languages_phrase()}: `{_site_mapping_example()}`. Markdown allowed, no raw HTML.",
        **{code: (str | None, None) for code in SITE_LANGUAGES},
    )
    LocalizedList = create_model(
        "LocalizedList",
        __base__=_LocalizedWords,
        __module__=__name__,
        __doc__="Lists of words per language, e.g. search synonyms.",
        **{code: (list[str], []) for code in SITE_LANGUAGES},
    )


class LegalRef(Node):
    """A provision cited in the steps. `checked` is required: the check names a missing date by its line
    (a model-level requirement would drop the whole step), the editors' schema asks for it while they type."""

    model_config = ConfigDict(json_schema_extra={"required": ["law", "checked"]})

    law: Slug
    chapter: int | None = None
    section: SectionNumber | None = None
    paragraph: int | None = None
    point: int | None = None
    about: Localized | None = None
    # when this reference was last read against a consolidated text, and which (default: the law's)
    checked: date | None = None
    against: SourceId | None = None
    # a citation of a repealed act, stated as history (e.g. "before 1 July 2025 …")
    history: bool = False


class Task(Node):
    text: Localized
    audience: Audience = "all"
    legal: list[LegalRef] = []
    sources: list[SourceId] = []
    note: Localized | None = None


class StepActor(Node):
    actor: Slug
    tasks: list[Task] = Field(min_length=1)


class TimeLimit(Node):
    id: Slug
    what: Localized
    duration: Localized
    days: Annotated[int, Field(ge=0)] | None = None
    applies: list[Slug] = []
    decides: list[Slug] = []
    legal: list[LegalRef] = []
    note: Localized | None = None
    sources: list[SourceId] = []


class Right(Localized):
    """One of the person's rights in a step; an `id` lets the decision aid refer to it."""

    id: Slug | None = None


class Section(Node):
    title: Localized
    body: Localized


class ChangeNote(Node):
    """A change to a page, told to its readers in both languages (`changes:` on a step, actor or exercise)."""

    date: date
    note: Localized


ReviewerId = Literal["redaktion", "socialtjanst", "rattsvasende", "migration", "halso-och-sjukvard", "stod"]


# the process has six steps, numbered 1–6 (a file per step in steps/)
STEP_NUMBERS = range(1, 7)


class Step(Node):
    number: int
    id: Slug
    title: Localized
    owner: OneOrMoreSlugs
    owner_role: OwnerRole
    owner_note: Localized | None = None
    summary: Localized
    time_frame: Localized | None = None
    actors: list[StepActor] = Field(min_length=1)
    children: Localized | None = None
    adults: Localized | None = None
    rights: list[Right] = []
    legal: list[LegalRef] = []
    time_limits: list[TimeLimit] = []
    sections: list[Section] = []
    contacts: list[Slug] = []
    sources: list[SourceId] = Field(min_length=1)
    last_reviewed: date
    # one hand-written line for the start page's step-by-step
    tagline: Localized | None = Field(default=None, description="One short line on the start page.")
    # what each actor does in the step, in a few words, for the who-does-what matrix
    in_brief: Annotated[dict[Slug, Localized], BeforeValidator(_without_origin)] = Field(
        default={}, description="Per actor id: a few words on what the actor does in this step (the matrix)."
    )
    next_review: date | None = None
    reviewer: ReviewerId
    changes: list[ChangeNote] = []

    def tasks_of(self, actor_id: str) -> list[Task]:
        return [task for entry in self.actors if entry.actor == actor_id for task in entry.tasks]


class Actor(Node):
    id: Slug
    name: Localized
    description: Localized
    contacts: list[Slug] = []
    sources: list[SourceId] = Field(min_length=1)
    last_reviewed: date
    next_review: date | None = None
    reviewer: ReviewerId
    changes: list[ChangeNote] = []


class Law(Node):
    id: Slug
    name: Localized
    short: str | None = None
    sfs: str | None = None
    url: Url
    # the consolidated text that references are read against, and when the act ceased to apply
    consolidated: SourceId | None = None
    repealed: date | None = None


ChangeStatus = Literal["proposed", "decided"]
Date = date  # a field below is called `date`


class PendingChange(Node):
    """A decided or proposed change in the law that affects the manual (steps/shared/changes.yml)."""

    id: Slug
    title: Localized
    what: Localized
    # proposed: an inquiry, a bill or a Council on Legislation referral; decided: adopted, not yet in force
    status: ChangeStatus
    # decided: the date in force; proposed: the proposed date in force, if any
    date: Date | None = None
    proposed_in: Localized | None = None
    steps: list[Slug] = Field(min_length=1)
    sources: list[SourceId] = []


class Contact(Node):
    id: Slug
    name: Localized
    phone: str | None = None  # as shown; the `tel:` link is derived from it, never written separately
    international: str | None = None  # the same number as dialled from abroad (shown, never dialled)
    email: str | None = None
    hours: Localized | None = None
    description: Localized | None = None
    # a switchboard is not the coordinators' own line: it is shown labelled, with what to ask for
    switchboard: bool = False
    # how this contact leads to the regional coordinators (what to ask for, who refers you on)
    route: Localized | None = None
    actor: Slug | None = None
    url: Url | None = None
    emergency: bool = False
    # when the details were last checked against `sources`: shown as "Kontrollerad …" on the regions page
    checked: date | None = None
    sources: list[SourceId] = []

    @property
    def tel_uri(self) -> str:
        """The `tel:` link of the number shown (`phone`), so a link never dials another number than it shows."""
        return "tel:" + self.dialled(self.phone or "")

    @staticmethod
    def dialled(number: str) -> str:
        """A number as written ("020-39 00 00", "+46 20 390 000", "114 14") in the form a phone dials.

        Swedish numbers with a trunk 0 get the country code, so the link works from a foreign phone too;
        short numbers (112, 114 14) stay as they are.
        """
        digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        if digits.startswith("00"):
            return "+" + digits[2:]
        if digits.startswith("0"):
            return "+46" + digits[1:]
        return digits


class Region(Node):
    id: Slug
    name: Localized
    counties: list[str] = Field(min_length=1)
    hosts: list[str] = []
    # the coordinators' own contacts, or a route to them (a labelled switchboard, the support line)
    contacts: list[Slug] = []
    note: Localized | None = None
    sources: list[SourceId] = []  # for the counties, the host municipalities and the note


class GlossaryTerm(Node):
    id: Slug
    term: str
    expansion: Localized | None = None
    definition: Localized
    synonyms: LocalizedList | None = None
    steps: list[Slug] = []
    actors: list[Slug] = []


class Source(Node):
    id: SourceId
    title: str
    url: Url | None = None
    document: str | None = None  # a source needs a url or a document: checks/references.py


# The kinds of exploitation the signs checklist is grouped by, in the order the page shows them.
SignKind = Literal["general", "sexual", "labour", "begging", "crime", "child", "risk"]


class Sign(Node):
    id: Slug
    text: Localized
    audience: Audience = "all"
    kind: SignKind = "general"
    # every sign names where it comes from: the checklist is what professionals act on
    sources: list[SourceId] = Field(min_length=1)


class Choice(Node):
    label: Localized
    next: Slug
    feedback: Localized
    weak: bool = False


class ExerciseNode(Node):
    title: Localized | None = None
    text: Localized
    step: Slug | None = None
    actors: list[Slug] = []
    facilitator: Localized | None = None
    questions: list[Localized] = []
    minutes: Annotated[int, Field(ge=1)] | None = None
    choices: list[Choice] = []
    end: bool = False
    outcome: Localized | None = None


class Exercise(Node):
    id: Slug
    title: Localized
    summary: Localized | None = None
    target_group: Localized | None = None
    duration_minutes: Annotated[int, Field(ge=1)] | None = None
    start: Slug
    debrief: Localized | None = None
    questions: list[Localized] = []
    nodes: Annotated[dict[Slug, ExerciseNode], BeforeValidator(_without_origin)] = Field(min_length=1)
    changes: list[ChangeNote] = []


class AidChoice(Node):
    label: Localized
    next: Slug


class ActionCard(Node):
    """What to do at the end of the decision aid: references into the model, plus short action sentences."""

    summary: Localized
    do_now: list[Localized] = Field(min_length=1)
    call: list[Slug] = []  # contact ids
    rights: list[Slug] = []  # ids of rights in the steps
    time_limits: list[Slug] = []  # ids of time limits in the steps
    steps: list[Slug] = []
    actors: list[Slug] = []
    avoid: list[Localized] = []
    # "Jag är …": a line or two for readers in one role (ids of the aid's `roles`), shown when chosen
    for_role: Annotated[dict[Slug, Localized], BeforeValidator(_without_origin)] = Field(
        default={}, description="Per role id (the aid's roles): a line for a reader in that role."
    )

    sheets: list[Slug] = []  # ids of the information sheets for the person (steps/shared/sheets.yml)


class AidRole(Node):
    """A role the reader may choose in the aid ("Jag är …"); roles without lines change nothing."""

    id: Slug
    label: Localized


class AidNode(Node):
    """A question with answers that lead on, or an end with an action card (same graph rules as exercises)."""

    title: Localized
    text: Localized | None = None
    choices: list[AidChoice] = []
    end: bool = False
    outcome: ActionCard | None = None


class DecisionAid(Node):
    id: Slug
    title: Localized
    summary: Localized | None = None
    roles: list[AidRole] = []
    start: Slug
    nodes: Annotated[dict[Slug, AidNode], BeforeValidator(_without_origin)] = Field(min_length=1)


class SheetText(Node):
    """One text of the information sheets for the person, in lättläst Swedish: short sentences, common
    words, one message per sentence. Numbers are never written: `{days:<time-limit id>}` and
    `{phone:<contact id>}` are filled in from steps/."""

    text: str
    right: Slug | None = None  # the right (an `id` under a step's rights) this text tells the person about


class SheetSection(Node):
    heading: Slug  # a text id
    items: list[Slug] = Field(min_length=1)  # text ids


class SheetCall(Node):
    """A number to call: the contact's phone, name and hours come from contacts.yml; `when` says when to call."""

    contact: Slug
    when: Slug  # a text id


class Sheet(Node):
    """One "Vad händer nu?" sheet: what happens now, for one kind of person."""

    id: Slug
    label: Localized  # how the professional finds it, in the site's languages
    audience: Audience
    title: Slug  # text ids from here on
    lead: Slug
    sections: list[SheetSection] = Field(min_length=1)
    call_heading: Slug
    call: list[SheetCall] = []
    write_in: list[Slug] = []  # lines left blank for the professional to fill in (a name, a number)


class SheetSource(Node):
    """steps/shared/sheets.yml: the texts in lättläst Swedish, and the sheets made of them."""

    texts: Annotated[dict[Slug, SheetText], BeforeValidator(_without_origin)] = Field(min_length=1)
    sheets: list[Sheet] = Field(min_length=1)


class TranslatedText(Node):
    text: str
    # the version of the Swedish it translates (a hash, named by `manual check` when the Swedish changes)
    source: str


class TranslatedContact(Node):
    name: TranslatedText | None = None
    hours: TranslatedText | None = None


class SheetTranslation(Node):
    """steps/shared/sheets/<code>.yml: the sheets in one language, and who made the translation."""

    language: str
    produced_by: Localized  # who or what made it: {sv: maskinöversättning (AI), en: machine translation (AI)}
    reviewed: bool = False  # has a qualified translator reviewed it?
    reviewed_by: str | None = None
    # in the language: that a qualified translator has not reviewed it (shown on every unreviewed sheet)
    notice: str | None = None
    missing: list[Slug] = []  # sheets not (yet) in this language: listed, so a gap is never silent
    texts: Annotated[dict[Slug, TranslatedText], BeforeValidator(_without_origin)] = {}
    contacts: Annotated[dict[Slug, TranslatedContact], BeforeValidator(_without_origin)] = {}


@dataclass(frozen=True)
class Manual:
    """All content of the repository, loaded once."""

    actors: tuple[Actor, ...] = ()
    steps: tuple[Step, ...] = ()
    laws: tuple[Law, ...] = ()
    contacts: tuple[Contact, ...] = ()
    regions: tuple[Region, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    sources: tuple[Source, ...] = ()
    signs: tuple[Sign, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    decision_aids: tuple[DecisionAid, ...] = ()
    changes: tuple[PendingChange, ...] = ()
    sheets: SheetSource | None = None
    sheet_translations: tuple[SheetTranslation, ...] = ()

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    @cached_property
    def law_by_id(self) -> dict[str, Law]:
        return {law.id: law for law in self.laws}

    @cached_property
    def contact_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.contacts}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def right_by_id(self) -> dict[str, tuple[Step, Right]]:
        return {right.id: (step, right) for step in self.steps for right in step.rights if right.id}

    @cached_property
    def time_limit_by_id(self) -> dict[str, tuple[Step, TimeLimit]]:
        return {limit.id: (step, limit) for step in self.steps for limit in step.time_limits}

    def changes_of(self, step_id: str) -> list[PendingChange]:
        """The pending legal changes that affect a step, in the order of steps/shared/changes.yml."""
        return [change for change in self.changes if step_id in change.steps]

    def steps_of(self, actor_id: str) -> list[Step]:
        return [step for step in self.steps if any(entry.actor == actor_id for entry in step.actors)]
