"""Load the repository's YAML into the typed model, collecting every problem on the way."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import layout
from . import messages as m
from .languages import TRANSLATED_SHEET_LANGUAGES
from .model import (
    STEP_NUMBERS,
    Actor,
    Contact,
    DecisionAid,
    Exercise,
    GlossaryTerm,
    Law,
    Manual,
    Origin,
    PendingChange,
    Region,
    SheetSource,
    SheetTranslation,
    Sign,
    Source,
    Step,
)
from .problems import Problem
from .yamlsource import YamlFileError, YamlList, YamlMap, line_at, read_yaml

STEP_FILE = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.yml$")
ACTORS_FILE = "steps/actors.yml"
SHARED_FILES: dict[str, type[BaseModel]] = {
    "laws": Law,
    "contacts": Contact,
    "regions": Region,
    "glossary": GlossaryTerm,
    "sources": Source,
    "signs": Sign,
    "changes": PendingChange,
}
REQUIRED_FILES = (ACTORS_FILE,)
# the information sheets for the person: the lättläst Swedish, then one file per translated language
SHEETS_FILE = "steps/shared/sheets.yml"
SHEET_TRANSLATIONS_FOLDER = "steps/shared/sheets"
AID_FOLDER = layout.AID
FIRST_CONTACT_FILE = f"{AID_FOLDER}/first-contact.yml"


# the kind of id each list file defines, as references name it (Problem.refers_to)
KIND_OF_LIST: dict[str, str] = {"actors": "actor", **{name: name.rstrip("s") for name in SHARED_FILES}}
KIND_OF_LIST["glossary"] = "glossary-term"
# a step file defines the step and the ids of its rights and time limits
STEP_KINDS = frozenset({"step", "right", "time-limit"})
ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?\s*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Lost:
    """Definitions that a file would give but cannot, because it (or one entry of it) did not load.

    `ids` None: every id of the kinds (the whole file is unreadable). References to a lost id are
    not problems of their own: the problem in this file is the one to fix.
    """

    path: str
    kinds: frozenset[str]
    ids: frozenset[str] | None
    what: str  # how the notice names what is lost, e.g. "the actors", "step 'identifiering'"


@dataclass(frozen=True)
class LoadResult:
    manual: Manual
    problems: list[Problem]
    lost: tuple[Lost, ...] = ()


def _with_origins(data: Any, rel: str, line: int | None = None) -> Any:
    """Copy the YAML tree into plain values, giving every mapping an Origin for the model."""
    if isinstance(data, YamlMap):
        item_lines = {k: v.item_lines for k, v in data.items() if isinstance(v, YamlList)}
        converted: dict[str, Any] = {key: _with_origins(value, rel, data.key_lines[key]) for key, value in data.items()}
        converted["__origin__"] = Origin(rel, line or data.line, data.key_lines, item_lines)
        return converted
    if isinstance(data, YamlList):
        return [_with_origins(item, rel, item_line) for item, item_line in zip(data, data.item_lines, strict=False)]
    return data


def _field_name(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        elif part.startswith(("function-", "list[", "dict[", "str", "int")):
            continue
        else:
            text += ("." if text else "") + part
    return text or "the file"


_TYPE_WORDS = {
    "string_type": "a text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "float_type": "a number",
}
_DATE_ERRORS = ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact")


def _problem(error: Any, model: type[BaseModel], rel: str, line: int) -> Problem:
    """Pydantic's validation error, said in the editor's words."""
    loc = tuple(error["loc"])
    kind = error["type"]
    name = _field_name(loc)
    ctx = error.get("ctx", {})
    if kind == "missing":
        return m.MISSING_FIELD.at(rel, line, field=name)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(model, loc[:-1])
        guess = difflib.get_close_matches(key, known, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed: {', '.join(sorted(known))}"
        return m.UNKNOWN_KEY.at(rel, line, field=name, hint=hint)
    if kind in _TYPE_WORDS:
        return m.WRONG_TYPE.at(rel, line, field=name, expected=_TYPE_WORDS[kind])
    if kind in ("model_type", "model_attributes_type"):
        if ctx.get("class_name") == "Localized":
            return m.NOT_LOCALIZED.at(rel, line, field=name)
        return m.NOT_MAPPING.at(rel, line, field=name)
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "a-z0-9" in pattern and "A-Z" not in pattern:
            return m.INVALID_ID.at(rel, line, field=name, value=error["input"])
        if "https" in pattern:
            return m.INVALID_URL.at(rel, line, field=name, value=error["input"])
        return m.INVALID_FORMAT.at(rel, line, field=name, value=error["input"])
    if kind in ("greater_than_equal", "greater_than"):
        return m.TOO_SMALL.at(rel, line, field=name, limit=ctx.get("ge", ctx.get("gt")), value=error["input"])
    if kind == "too_short":
        return m.EMPTY_LIST.at(rel, line, field=name)
    if kind in _DATE_ERRORS:
        return m.INVALID_DATE.at(rel, line, field=name, value=error["input"])
    if kind == "literal_error":
        return m.NOT_ALLOWED.at(rel, line, field=name, expected=ctx["expected"], value=error["input"])
    return m.INVALID_VALUE.at(rel, line, field=name, detail=error["msg"])


def _known_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The keys allowed at `loc` inside `model`, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            # a dict key such as a node id: descend into the dict's value type
            continue
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "origin"]
    return []


def _inner_model(annotation: Any) -> Any:
    for candidate in getattr(annotation, "__args__", ()) or (annotation,):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        found = _inner_model(candidate) if getattr(candidate, "__args__", None) else None
        if found is not None:
            return found
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _validate(model: type[BaseModel], raw: Any, rel: str) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(_with_origins(raw, rel)), []
    except ValidationError as exc:
        found = exc.errors(include_url=False)
        # a misspelt key ('ownr') also makes the real one ('owner') missing: say only the first
        misspelt = {
            (tuple(e["loc"][:-1]), guess)
            for e in found
            if e["type"] == "extra_forbidden"
            for guess in difflib.get_close_matches(str(e["loc"][-1]), _known_keys(model, tuple(e["loc"][:-1])), n=1)
        }
        return None, [
            _problem(error, model, rel, line_at(raw, tuple(error["loc"])))
            for error in found
            if not (error["type"] == "missing" and (tuple(error["loc"][:-1]), str(error["loc"][-1])) in misspelt)
        ]


def _read(root: Path, path: Path, problems: list[Problem]) -> Any:
    rel = path.relative_to(root).as_posix()
    try:
        return read_yaml(path, rel)
    except YamlFileError as exc:
        problems.extend(exc.problems)
        return None


def _load_list(
    root: Path, path: Path, model: type[BaseModel], problems: list[Problem], lost: list[Lost], kind: str
) -> tuple:
    rel = path.relative_to(root).as_posix()
    raw = _read(root, path, problems)
    plural = f"the {kind.replace('-', ' ')}s"
    if raw is None:
        lost.append(Lost(rel, frozenset({kind}), None, plural))
        return ()
    if not isinstance(raw, YamlList):
        problems.append(m.FILE_NOT_LIST.at(rel, getattr(raw, "line", 1)))
        lost.append(Lost(rel, frozenset({kind}), None, plural))
        return ()
    items = []
    for entry in raw:
        value, found = _validate(model, entry, rel)
        problems.extend(found)
        if value is not None:
            items.append(value)
        elif isinstance(entry, YamlMap) and isinstance(entry.get("id"), str):
            lost.append(Lost(rel, frozenset({kind}), frozenset({entry["id"]}), f"{kind} '{entry['id']}'"))
    return tuple(items)


def _ids_written_in(path: Path) -> frozenset[str]:
    """Every `id:` of a file that cannot be read as YAML, found line by line."""
    try:
        return frozenset(ID_LINE.findall(path.read_bytes().decode("utf-8", errors="replace")))
    except OSError:
        return frozenset()


def _load_one(root: Path, path: Path, model: type[BaseModel], problems: list[Problem]) -> Any:
    rel = path.relative_to(root).as_posix()
    raw = _read(root, path, problems)
    if raw is None:
        return None
    if not isinstance(raw, YamlMap):
        problems.append(m.FILE_NOT_MAPPING.at(rel, getattr(raw, "line", 1)))
        return None
    value, found = _validate(model, raw, rel)
    problems.extend(found)
    return value


def _load_steps(root: Path, problems: list[Problem], lost: list[Lost]) -> tuple[Step, ...]:
    steps = []
    for path in sorted((root / "steps").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if rel == ACTORS_FILE:
            continue
        match = STEP_FILE.match(path.name)
        if not match:
            problems.append(m.STEP_FILE_NAME.at(rel, 1))
            continue
        step = _load_one(root, path, Step, problems)
        if step is None:
            ids = _ids_written_in(path) | {match.group(2)}
            lost.append(Lost(rel, STEP_KINDS, ids, f"step '{match.group(2)}' (with its rights and time limits)"))
            lost.append(Lost(rel, frozenset({"step-number"}), frozenset({str(int(match.group(1)))}), "its number"))
            continue
        if int(match.group(1)) != step.number and step.number in STEP_NUMBERS:  # else: out of range, said once
            problems.append(
                m.FILE_NUMBER_MISMATCH.at(rel, step.line_of("number"), file_number=match.group(1), number=step.number)
            )
        if match.group(2) != step.id:
            problems.append(m.FILE_ID_MISMATCH.at(rel, step.line_of("id"), file_id=match.group(2), id=step.id))
        steps.append(step)
    return tuple(sorted(steps, key=lambda s: s.number))


def _stray_files(root: Path, problems: list[Problem]) -> None:
    """YAML in a place where nothing reads it is almost always a mistake."""
    known = {f"steps/shared/{name}.yml" for name in SHARED_FILES} | {SHEETS_FILE} | set(sheet_translation_files())
    for folder in (layout.SHARED, layout.EXERCISES, AID_FOLDER):
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_dir() or path.suffix not in (".yml", ".yaml"):
                continue
            nested = path.parent != root / folder
            if folder == "steps/shared" and rel not in known:
                problems.append(m.SHARED_FILE_NAME.at(rel, 1, known=", ".join(sorted(known))))
            elif folder == "case_exercises" and (nested or path.suffix == ".yaml"):
                problems.append(m.EXERCISE_FILE_NAME.at(rel, 1))
            elif folder == AID_FOLDER and rel != FIRST_CONTACT_FILE:
                problems.append(m.AID_FILE_NAME.at(rel, 1, expected=FIRST_CONTACT_FILE))
    for path in sorted((root / "steps").glob("*.yaml")):
        problems.append(m.YAML_EXTENSION.at(path.relative_to(root).as_posix(), 1))
    for subdir in sorted((root / "steps").iterdir()) if (root / "steps").is_dir() else []:
        if subdir.is_dir() and subdir.name != "shared":
            for path in sorted(subdir.rglob("*.yml")):
                problems.append(m.STEP_IN_SUBFOLDER.at(path.relative_to(root).as_posix(), 1))


def sheet_translation_files() -> list[str]:
    return [f"{SHEET_TRANSLATIONS_FOLDER}/{language.code}.yml" for language in TRANSLATED_SHEET_LANGUAGES]


def _load_sheets(root: Path, problems: list[Problem]) -> tuple[SheetSource | None, tuple[SheetTranslation, ...]]:
    if not (root / SHEETS_FILE).is_file():
        return None, ()
    source = _load_one(root, root / SHEETS_FILE, SheetSource, problems)
    translations = tuple(
        translation
        for rel in sheet_translation_files()
        if (root / rel).is_file() and (translation := _load_one(root, root / rel, SheetTranslation, problems))
    )
    return source, translations


def load_manual(root: Path) -> LoadResult:
    """Read every content file under `root` into one Manual."""
    problems: list[Problem] = []
    lost: list[Lost] = []
    for rel in REQUIRED_FILES:
        if not (root / rel).is_file():
            problems.append(m.REQUIRED_FILE.at(rel, 1))
    if (root / ACTORS_FILE).is_file():
        actors = _load_list(root, root / ACTORS_FILE, Actor, problems, lost, "actor")
    else:
        actors = ()
        lost.append(Lost(ACTORS_FILE, frozenset({"actor"}), None, "the actors"))
    steps = _load_steps(root, problems, lost) if (root / "steps").is_dir() else ()
    if not any(STEP_FILE.match(path.name) for path in (root / "steps").glob("*.yml")):
        lost.append(Lost("steps", STEP_KINDS, None, "the steps"))
    shared = {
        name: _load_list(root, root / "steps" / "shared" / f"{name}.yml", model, problems, lost, KIND_OF_LIST[name])
        if (root / "steps" / "shared" / f"{name}.yml").is_file()
        else ()
        for name, model in SHARED_FILES.items()
    }
    exercises = tuple(
        exercise
        for path in sorted((root / "case_exercises").glob("*.yml"))
        if (exercise := _load_one(root, path, Exercise, problems)) is not None
    )
    for exercise in exercises:
        expected = Path(exercise.path).stem
        if exercise.id != expected:
            problems.append(
                m.FILE_ID_MISMATCH.at(exercise.path, exercise.line_of("id"), file_id=expected, id=exercise.id)
            )
    aid_file = root / FIRST_CONTACT_FILE
    first_contact = _load_one(root, aid_file, DecisionAid, problems) if aid_file.is_file() else None
    sheets, sheet_translations = _load_sheets(root, problems)
    _stray_files(root, problems)
    decision_aids = (first_contact,) if first_contact is not None else ()
    manual = Manual(
        actors=actors,
        steps=steps,
        exercises=exercises,
        decision_aids=decision_aids,
        sheets=sheets,
        sheet_translations=sheet_translations,
        **shared,
    )
    return LoadResult(manual, problems, tuple(lost))
