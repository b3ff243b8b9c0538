"""Every problem `manual check` can report, with a stable code.

CONTRIBUTING.md explains each code (what it means, how to fix it); a test keeps the two in step,
so a new message here needs a row there.
"""

from __future__ import annotations

from .problems import Message, Severity

# the language of these messages (and of the names they quote, e.g. a reviewer's role): the tool's own,
# not a choice among the site languages
MESSAGE_LANGUAGE = "en"

# reading a file
NOT_UTF8 = Message("not-utf8", "the file is not UTF-8 text; save it as UTF-8")
EMPTY_FILE = Message("empty-file", "the file is empty")
YAML_SYNTAX = Message("yaml-syntax", "YAML syntax error: {detail}")
TAB_INDENT = Message("tab-indent", "a tab character is used for indentation; YAML needs spaces")
DUPLICATE_KEY = Message("duplicate-key", "duplicate key '{key}' (first used on line {first})")
KEY_NOT_WORD = Message("key-not-word", "a key must be a plain word")
NULL_FILE = Message("null-file", "the file holds only '{value}' (nothing); write its content, or delete the file")
FILE_TOO_LARGE = Message("file-too-large", "the file is {size} kB; a content file may be at most {limit} kB")
TOO_DEEP = Message("too-deep", "the values are nested more than {limit} levels deep")
TOO_MANY_VALUES = Message(
    "too-many-values", "the file expands to more than {limit} values (YAML aliases '*…' repeat what '&…' names)"
)
CONTROL_CHARACTER = Message(
    "control-character",
    "the text contains the invisible character {char}, which can hide or reorder what readers see; delete it",
)
SYMLINK = Message("symlink", "a symbolic link is not allowed here; put the file itself in its place")
UNREADABLE = Message("unreadable", "the file cannot be read ({reason})")

# files and folders
REQUIRED_FILE = Message("required-file", "required file is missing")
FILE_NOT_LIST = Message("file-not-list", "this file must be a list of entries ('- id: …')")
FILE_NOT_MAPPING = Message("file-not-mapping", "this file must be a mapping of keys to values")
STEP_FILE_NAME = Message(
    "step-file-name", "unexpected file: a step file is named NN-<id>.yml (e.g. 01-identifiering.yml)"
)
STEP_IN_SUBFOLDER = Message("step-in-subfolder", "unexpected file: steps are steps/NN-<id>.yml")
SHARED_FILE_NAME = Message("shared-file-name", "unexpected file: steps/shared holds only {known}")
EXERCISE_FILE_NAME = Message("exercise-file-name", "unexpected file: exercises are case_exercises/<id>.yml")
AID_FILE_NAME = Message("aid-file-name", "unexpected file: the decision aid is {expected}")
YAML_EXTENSION = Message("yaml-extension", "unexpected file: use the ending .yml")
FILE_NUMBER_MISMATCH = Message("file-number-mismatch", "the file name says step {file_number} but 'number' is {number}")
FILE_ID_MISMATCH = Message("file-id-mismatch", "the file name says '{file_id}' but 'id' is '{id}'")
CONTENT_FILE_KIND = Message(
    "content-file-kind", "unexpected file in content/: only pages (.md) and images ({kinds}) may be published"
)
SHADOWS_THEME = Message(
    "shadows-theme", "this file would replace the site's own '{asset}' on every page; give it another name or place"
)
FRONT_MATTER_KEY = Message("front-matter-key", "front matter key '{key}' is not allowed here (allowed: {allowed})")
FRONT_MATTER_VALUE = Message(
    "front-matter-value", "front matter '{key}' must be plain text without markup or the characters < > & \""
)
PAGE_MISSING_IN_LANGUAGE = Message(
    "page-missing-in-language",
    "missing {language} page: {counterpart} has no counterpart (the site languages mirror each other page for page)",
)
SCHEMA_LINE_MISSING = Message(
    "schema-line-missing",
    "the first line should be '{expected}' (it lets your editor check the file as you type)",
    Severity.WARNING,
)
SCHEMA_LINE_WRONG = Message(
    "schema-line-wrong", "the schema line points at '{found}' but this file needs '{expected}'", Severity.WARNING
)

# fields and values
MISSING_FIELD = Message("missing-field", "missing required field '{field}'")
UNKNOWN_KEY = Message("unknown-key", "unknown key '{field}' ({hint})")
WRONG_TYPE = Message("wrong-type", "'{field}' must be {expected}")
NOT_MAPPING = Message("not-mapping", "'{field}' must be a mapping of keys to values")
NOT_LOCALIZED = Message("not-localized", "'{field}' must be a text in both languages: {{sv: …, en: …}}")
INVALID_ID = Message("invalid-id", "'{field}' must be an id of lowercase letters a-z, digits and '-' (got '{value}')")
INVALID_URL = Message("invalid-url", "'{field}' must be a web address starting with https:// (got '{value}')")
INVALID_FORMAT = Message("invalid-format", "'{field}' has an invalid format (got '{value}')")
TOO_SMALL = Message("too-small", "'{field}' must be at least {limit} (got {value})")
EMPTY_LIST = Message("empty-list", "'{field}' must not be empty")
INVALID_DATE = Message("invalid-date", "'{field}' must be a valid date written YYYY-MM-DD (got '{value}')")
NOT_ALLOWED = Message("not-allowed", "'{field}' must be one of {expected} (got '{value}')")
INVALID_VALUE = Message("invalid-value", "'{field}': {detail}")
MISSING_TRANSLATION = Message("missing-translation", "missing {language}")
RAW_HTML = Message("raw-html", "text contains raw HTML '{markup}'; write Markdown instead")
UNSAFE_LINK = Message(
    "unsafe-link", "text contains a link to '{target}'; links start with https://, http://, mailto: or tel:"
)
REMOTE_IMAGE = Message(
    "remote-image", "text shows an image from another site '{target}'; the manual loads nothing from other hosts"
)
ATTRIBUTE_LIST = Message(
    "attribute-list", "text contains the attribute list '{markup}'; texts cannot set HTML attributes"
)
TEXT_LINK_NOT_FOUND = Message(
    "text-link-not-found",
    "text links to '{target}', which leads to no page of the site from {page}, where the text is shown; "
    "link to a page the build makes, relative to that page (e.g. '../steg/identifiering.md')",
)
TEXT_ANCHOR_NOT_FOUND = Message(
    "text-anchor-not-found", "text links to '{target}', but {page} has no section '#{anchor}'"
)
TEXT_LINK_FROM_ROOT = Message(
    "text-link-from-root",
    "text links to '{target}' from the root of the site, which breaks in the offline edition; "
    "write the link relative to the page (e.g. '../tecken.md')",
)
EDITORS_DOUBT_IN_PUBLIC_TEXT = Message(
    "editors-doubt-in-public-text",
    "public text shows an editor's doubt ('{phrase}'): state the fact plainly, or leave it out and put the doubt "
    "in 'editors_note:' (never shown on the site)",
)
EDITORS_NOTE = Message("editors-note", "editors' note: {text}", Severity.NOTE)

RENDER_FAILED = Message(
    "render-failed", "the pages cannot be made from this content ({detail}); the build would stop here"
)

# ids and references
DUPLICATE_ID = Message("duplicate-id", "duplicate {kind} id '{id}' (also at {other})")
DUPLICATE_TIME_LIMIT = Message("duplicate-time-limit", "duplicate time limit id '{id}'")
UNKNOWN_REFERENCE = Message("unknown-reference", "{what} '{value}' does not exist{hint}")
REFERENCES_UNDEFINED = Message(
    "references-undefined",
    "{count} references to {kind} '{value}', which is defined nowhere (first at {first}){hint}",
)
REFERENCES_WAIT = Message(
    "references-wait",
    "{what} could not be loaded: {count} reference(s) elsewhere are not checked until this is fixed",
    Severity.NOTE,
)
SOURCE_NOT_LOCATABLE = Message("source-not-locatable", "a source needs a 'url' or a 'document'")
REVIEW_IN_FUTURE = Message("review-in-future", "last_reviewed {date} is in the future")
REVIEW_OVERDUE = Message(
    "review-overdue",
    "review overdue: last reviewed {date}, the next review was due {due} ({reviewer}): please review the content",
    Severity.WARNING,
)
NEXT_REVIEW_NOT_AFTER = Message("next-review-not-after-last", "next_review {due} must come after last_reviewed {date}")
CHANGE_IN_FUTURE = Message("change-in-future", "the change note is dated {date}, which is in the future")
CHANGE_WITHOUT_NOTE = Message(
    "change-without-note",
    "this file changed since {base}, but no new note for readers was added under 'changes:'; "
    "add one: '- date: {today}' and 'note: {{sv: …, en: …}}' on the step, actor or exercise it changes",
)

# legal references: each is read against a consolidated text, dated, and cites the law in force
LEGAL_UNCHECKED = Message(
    "legal-unchecked",
    "the reference to '{law}' has no 'checked:' date; read it against the law's consolidated text and write "
    "'checked: YYYY-MM-DD'",
)
LEGAL_CHECK_OLD = Message(
    "legal-check-old",
    "the reference to '{law}' was checked {date}, more than {days} days ago: read it again against the law in force",
    Severity.WARNING,
)
LEGAL_CHECK_IN_FUTURE = Message("legal-check-in-future", "the reference to '{law}' is checked {date}, in the future")
LEGAL_NO_TEXT = Message(
    "legal-no-text",
    "the reference to '{law}' names no text it was checked against: give the law a 'consolidated:' source in "
    "steps/shared/laws.yml, or the reference an 'against:' source",
)
REPEALED_CITED = Message(
    "repealed-cited",
    "'{law}' was repealed on {date}: cite the act in force, or write 'history: true' when the text states it as "
    "history",
)
SOL_WITHOUT_PROVISION = Message(
    "sol-without-provision",
    "a reference to the Social Services Act (sol, SFS 2025:400) needs both 'chapter:' and 'section:'",
)

# decided or proposed changes in the law (steps/shared/changes.yml)
CHANGE_WITHOUT_SOURCE = Message(
    "change-without-source", "the change '{id}' has no 'sources:'; name the bill, inquiry or law it comes from"
)
CHANGE_DECIDED_WITHOUT_DATE = Message(
    "change-decided-without-date", "the change '{id}' is decided but has no 'date:' (the date it comes into force)"
)
CHANGE_IN_FORCE = Message(
    "change-in-force",
    "the change '{id}' came into force on {date}: write it into the steps and remove it from changes.yml",
    Severity.WARNING,
)

# contacts and the regional coordinators: a reader dials what the page shows
NUMBERS_DIFFER = Message(
    "numbers-differ",
    "'international' ({international}) is not the same number as 'phone' ({phone}); write the one number twice",
)
SWITCHBOARD_WITHOUT_ROUTE = Message(
    "switchboard-without-route",
    "a switchboard needs 'route:' saying whom to ask for; without it a reader takes it for the coordinators' line",
)
CHECKED_IN_FUTURE = Message("checked-in-future", "checked {date} is in the future")
REGION_WITHOUT_CONTACT = Message(
    "region-without-contact",
    "region '{id}' has no contact with a phone, e-mail or web page: add the coordinators' own contact, "
    "or a route to them (for example the support line, stodtelefon)",
)
REGION_CONTACT_UNDATED = Message(
    "region-contact-undated",
    "contact '{id}' is shown for a region without '{key}:'; a region's contacts say when they were checked "
    "('checked: YYYY-MM-DD') and against which source ('sources: [...]')",
)

# the steps of the process
NO_STEPS = Message("no-steps", "no step files found (steps/NN-<id>.yml)")
STEPS_MISSING = Message("steps-missing", "the process must have steps 1 to 6; missing: {missing}")
STEP_NUMBER_RANGE = Message("step-number-range", "step number {number} is not between 1 and 6")
STEP_NUMBER_REUSED = Message("step-number-reused", "step number {number} is also used by {other}")
OWNER_NOT_ACTOR = Message("owner-not-actor", "owner '{owner}' is not an actor in steps/actors.yml")
OWNER_WITHOUT_TASKS = Message(
    "owner-without-tasks", "owner '{owner}' has no tasks in this step; add it under 'actors:' with its tasks"
)
ACTOR_NOT_ACTOR = Message("actor-not-actor", "actor '{actor}' is not an actor in steps/actors.yml")
ACTOR_TWICE = Message("actor-twice", "actor '{actor}' is listed twice in this step")
IN_BRIEF_NOT_IN_STEP = Message("in-brief-not-in-step", "in_brief names '{actor}', who has no tasks in this step")

# branching graphs: case exercises and the decision aid
START_MISSING = Message("start-missing", "start node '{node}' does not exist")
END_WITH_CHOICES = Message("end-with-choices", "node '{node}' is an end but also has choices")
DEAD_END = Message("dead-end", "node '{node}' has no choices and is not an end (end: true)")
END_WITHOUT_OUTCOME = Message("end-without-outcome", "end node '{node}' has no 'outcome'")
NEXT_MISSING = Message("next-missing", "choice in node '{node}' leads to node '{next}', which does not exist{hint}")
UNREACHABLE_NODE = Message("unreachable-node", "node '{node}' cannot be reached from the start node '{start}'")
EXERCISE_ID_RESERVED = Message(
    "exercise-id-reserved", "the id '{id}' is the address of another page (ovningar/{id}/); choose another id"
)
NO_WAY_OUT = Message("no-way-out", "no end can be reached from node '{node}' (a loop with no way out)")

# the first-contact decision aid
AID_ROLE_UNKNOWN = Message("aid-role-unknown", "for_role names '{role}', which is not one of the aid's roles ({known})")
AID_TOO_LONG = Message(
    "aid-too-long", "node '{node}' is reached only after {answers} answers; an outcome must take at most {limit}"
)

AID_TOO_MANY_PATHS = Message(
    "aid-too-many-paths",
    "the decision aid has more than {limit} different paths through its questions (answers that loop back?); "
    "keep it a short tree",
)
# the information sheets for the person (steps/shared/sheets.yml and sheets/<code>.yml)
SHEET_LANGUAGE_MISSING = Message(
    "sheet-language-missing",
    "no sheets in {language}: add {file}, with every sheet not yet translated listed under 'missing:'",
)
SHEET_LANGUAGE_MISMATCH = Message("sheet-language-mismatch", "'language' is '{found}' but the file is for '{expected}'")
SHEET_TEXT_MISSING = Message(
    "sheet-text-missing",
    "sheet '{sheet}' has no {language} text for '{text}': translate it, or list the sheet under 'missing:'",
)
SHEET_TRANSLATION_OUTDATED = Message(
    "sheet-translation-outdated",
    "the {language} translation of '{text}' is out of date: its Swedish source has changed; "
    "update the translation, then set 'source: \"{version}\"'",
    Severity.WARNING,
)
SHEET_NUMBER_IN_TEXT = Message(
    "sheet-number-in-text",
    "a sheet text writes the number '{digits}'; numbers come from steps/: write {{days:<time limit id>}} "
    "or {{phone:<contact id>}}",
)
SHEET_PLACEHOLDER = Message(
    "sheet-placeholder", "'{placeholder}' is not a time limit with 'days' or a contact with 'phone'"
)
SHEET_PLACEHOLDERS_DIFFER = Message(
    "sheet-placeholders-differ", "the {language} text for '{text}' has the facts {found}, the Swedish has {expected}"
)
SHEET_WITHOUT_NOTICE = Message(
    "sheet-without-notice",
    "a translation no qualified translator has reviewed needs 'notice:', in its language, saying so",
)

ALL_MESSAGES: tuple[Message, ...] = tuple(value for value in globals().values() if isinstance(value, Message))
