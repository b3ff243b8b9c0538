"""`manual new exercise <id>`: a skeleton that passes `manual check`, for the editor to fill in."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from .model import SLUG_PATTERN
from .render import TEMPLATES
from .schema import SCHEMA_LINE_PREFIX, schema_reference


class ScaffoldError(Exception):
    pass


def new_exercise(root: Path, exercise_id: str) -> Path:
    if not re.match(SLUG_PATTERN, exercise_id):
        raise ScaffoldError(
            f"'{exercise_id}' is not a valid id: use lowercase letters a-z, digits and '-' (e.g. tvangsarbete-bygge)"
        )
    rel = f"case_exercises/{exercise_id}.yml"
    path = root / rel
    if path.exists():
        raise ScaffoldError(f"{rel} already exists; choose another id or edit that file")
    # YAML, not HTML: nothing to escape, and the id is a plain slug
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, keep_trailing_newline=True)
    text = env.get_template("new-exercise.yml.j2").render(
        id=exercise_id, schema_line=SCHEMA_LINE_PREFIX + schema_reference(rel, "exercise")
    )
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
