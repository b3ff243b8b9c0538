"""Load the repository's YAML into the typed model, collecting every problem on the way."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .model import (
    Actor,
    Contact,
    Exercise,
    GlossaryTerm,
    Law,
    Manual,
    Origin,
    Region,
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
}
REQUIRED_FILES = (ACTORS_FILE,)


@dataclass(frozen=True)
class LoadResult:
    manual: Manual
    problems: list[Problem]


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


def _message(error: dict[str, Any], model: type[BaseModel]) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    name = _field_name(loc)
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(model, loc[:-1])
        guess = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else f" (allowed: {', '.join(sorted(known))})"
        return f"unknown key '{name}'{hint}"
    if kind in _TYPE_WORDS:
        return f"'{name}' must be {_TYPE_WORDS[kind]}"
    if kind == "model_type" or kind == "model_attributes_type":
        if error.get("ctx", {}).get("class_name") == "Localized":
            return f"'{name}' must be a text in both languages: {{sv: …, en: …}}"
        return f"'{name}' must be a mapping of keys to values"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern and "A-Z" not in pattern:
            return f"'{name}' must be an id of lowercase letters a-z, digits and '-' (got '{error['input']}')"
        if "https" in pattern:
            return f"'{name}' must be a web address starting with https:// (got '{error['input']}')"
        return f"'{name}' has an invalid format (got '{error['input']}')"
    if kind == "too_short":
        return f"'{name}' must not be empty"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"'{name}' must be a valid date written YYYY-MM-DD (got '{error['input']}')"
    if kind == "literal_error":
        return f"'{name}' must be one of {error['ctx']['expected']} (got '{error['input']}')"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if name == "the file":
        return error["msg"]
    return f"'{name}': {error['msg']}"


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
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            problems.append(Problem(rel, line_at(raw, loc), _message(error, model)))
        return None, problems


def _read(root: Path, path: Path, problems: list[Problem]) -> Any:
    rel = path.relative_to(root).as_posix()
    try:
        return read_yaml(path, rel)
    except YamlFileError as exc:
        problems.extend(exc.problems)
        return None


def _load_list(root: Path, path: Path, model: type[BaseModel], problems: list[Problem]) -> tuple:
    rel = path.relative_to(root).as_posix()
    raw = _read(root, path, problems)
    if raw is None:
        return ()
    if not isinstance(raw, YamlList):
        problems.append(Problem(rel, getattr(raw, "line", 1), "this file must be a list of entries ('- id: …')"))
        return ()
    items = []
    for entry in raw:
        value, found = _validate(model, entry, rel)
        problems.extend(found)
        if value is not None:
            items.append(value)
    return tuple(items)


def _load_one(root: Path, path: Path, model: type[BaseModel], problems: list[Problem]) -> Any:
    rel = path.relative_to(root).as_posix()
    raw = _read(root, path, problems)
    if raw is None:
        return None
    if not isinstance(raw, YamlMap):
        problems.append(Problem(rel, getattr(raw, "line", 1), "this file must be a mapping of keys to values"))
        return None
    value, found = _validate(model, raw, rel)
    problems.extend(found)
    return value


def _load_steps(root: Path, problems: list[Problem]) -> tuple[Step, ...]:
    steps = []
    for path in sorted((root / "steps").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if rel == ACTORS_FILE:
            continue
        match = STEP_FILE.match(path.name)
        if not match:
            problems.append(
                Problem(rel, 1, "unexpected file: a step file is named NN-<id>.yml (e.g. 01-identifiering.yml)")
            )
            continue
        step = _load_one(root, path, Step, problems)
        if step is None:
            continue
        if int(match.group(1)) != step.number:
            problems.append(
                Problem(
                    rel,
                    step.line_of("number"),
                    f"the file name says step {match.group(1)} but 'number' is {step.number}",
                )
            )
        if match.group(2) != step.id:
            problems.append(
                Problem(rel, step.line_of("id"), f"the file name says '{match.group(2)}' but 'id' is '{step.id}'")
            )
        steps.append(step)
    return tuple(sorted(steps, key=lambda s: s.number))


def _stray_files(root: Path, problems: list[Problem]) -> None:
    """YAML in a place where nothing reads it is almost always a mistake."""
    known = {f"steps/shared/{name}.yml" for name in SHARED_FILES}
    for folder in ("steps/shared", "case_exercises"):
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_dir() or path.suffix not in (".yml", ".yaml"):
                continue
            nested = path.parent != root / folder
            if folder == "steps/shared" and rel not in known:
                problems.append(Problem(rel, 1, f"unexpected file: steps/shared holds only {', '.join(sorted(known))}"))
            elif folder == "case_exercises" and (nested or path.suffix == ".yaml"):
                problems.append(Problem(rel, 1, "unexpected file: exercises are case_exercises/<id>.yml"))
    for path in sorted((root / "steps").glob("*.yaml")):
        problems.append(Problem(path.relative_to(root).as_posix(), 1, "unexpected file: use the ending .yml"))
    for subdir in sorted((root / "steps").iterdir()) if (root / "steps").is_dir() else []:
        if subdir.is_dir() and subdir.name != "shared":
            for path in sorted(subdir.rglob("*.yml")):
                problems.append(
                    Problem(path.relative_to(root).as_posix(), 1, "unexpected file: steps are steps/NN-<id>.yml")
                )


def load_manual(root: Path) -> LoadResult:
    """Read every content file under `root` into one Manual."""
    problems: list[Problem] = []
    for rel in REQUIRED_FILES:
        if not (root / rel).is_file():
            problems.append(Problem(rel, 1, "required file is missing"))
    actors = _load_list(root, root / ACTORS_FILE, Actor, problems) if (root / ACTORS_FILE).is_file() else ()
    steps = _load_steps(root, problems) if (root / "steps").is_dir() else ()
    shared = {
        name: _load_list(root, root / "steps" / "shared" / f"{name}.yml", model, problems)
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
                Problem(
                    exercise.path,
                    exercise.line_of("id"),
                    f"the file name says '{expected}' but 'id' is '{exercise.id}'",
                )
            )
    _stray_files(root, problems)
    manual = Manual(actors=actors, steps=steps, exercises=exercises, **shared)
    return LoadResult(manual, problems)
