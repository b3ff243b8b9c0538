"""A copy of the project with a third site language, added the way an editor adds one (issue 13).

`make_third_language_project(target)` copies the code (build_tools, overrides, the base site
configuration), the hand-written pages and the minimal fixture's content into `target`, then adds
German as an editor would: an entry in the copied build_tools/languages.py (a text edit), a `de:`
text beside every `en:` text of the fixture's YAML and of the copied UI strings (text edits, the
German derived from the English with a marker), content/de/ pages, and the editors' schemas written
afresh (`manual schema`). Run the copy with PYTHONPATH=<target> so its build_tools shadows the
installed one (`run_in_copy` does, and says which package it ran).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from build_tools import layout

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MARKER = "(DE)"  # what the fixture's German texts are: the English, marked
CODE = "de"
LANGUAGE_ENTRY = (
    '    Language("de", "de", "Deutsch", "tyska", "German", site=True, url_prefix="de/", '
    'stemmer="german", citation_style="en"),\n'
)
# a value in a flow mapping: double-quoted, single-quoted or plain (a plain one holds no ',' or '}')
FLOW_VALUE = r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^,}\n]*'
FLOW_EN = re.compile(rf"(, en: )({FLOW_VALUE})(\}})")
BLOCK_EN = re.compile(r"^(?P<indent>[ ]*)(?P<dash>- )?en: (?P<value>.*)$", re.M)


def german(value: str) -> str:
    """The fixture's German for an English YAML value as written: the same text behind a marker."""
    value = value.strip()
    if value[:1] in "\"'":
        return value[0] + f"{MARKER} " + value[1:]
    if value[:1] in "|>":
        raise ValueError(f"a block scalar ({value}) needs a hand-written German text")
    return f"{MARKER} {value}"


def add_german_texts(text: str) -> str:
    """`de:` beside every `en:` of a YAML file, as an editor types it: in the flow mapping
    `{sv: …, en: …}` after the English, in a block mapping on the line after it."""
    text = FLOW_EN.sub(lambda match: f"{match[1]}{match[2]}, de: {german(match[2])}{match[3]}", text)

    def block(match: re.Match[str]) -> str:
        indent = match["indent"] + ("  " if match["dash"] else "")
        return f"{match[0]}\n{indent}de: {german(match['value'])}"

    return BLOCK_EN.sub(block, text)


def localized_without_german(value: object, where: str = "") -> list[str]:
    """Mappings with an English text but no German one: what the text edits missed (none, or the test says which)."""
    missing: list[str] = []
    if isinstance(value, dict):
        if "en" in value and CODE not in value:
            missing.append(where)
        for key, item in value.items():
            missing += localized_without_german(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            missing += localized_without_german(item, f"{where}/{index}")
    return missing


def add_language_entry(languages_py: Path) -> None:
    """The new row of LANGUAGE_TABLE, after the last site language (English), as an editor writes it."""
    source = languages_py.read_text(encoding="utf-8")
    anchor = '    Language(\n        "lattlast",'
    assert source.count(anchor) == 1, "the language table changed shape: update tests/support.py"
    languages_py.write_text(source.replace(anchor, LANGUAGE_ENTRY + anchor), encoding="utf-8")


def german_page(markdown: str) -> str:
    """A hand-written page in German: the English page, its title marked."""
    return re.sub(r"^# ", f"# {MARKER} ", markdown, count=1, flags=re.M)


def make_third_language_project(target: Path, content_from: Path = FIXTURES / "minimal") -> Path:
    """A copy of the project in `target` with German as a third site language."""
    target.mkdir(parents=True, exist_ok=True)
    for origin, names in (
        (REPO, ("build_tools", "pyproject.toml", *layout.SITE_SOURCES, layout.SCHEMAS)),
        (content_from, layout.DATA_FOLDERS),
    ):
        for name in names:
            source = origin / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif source.is_file():
                shutil.copy2(source, target / name)
    add_language_entry(target / "build_tools" / "languages.py")
    yaml_files = [
        *(path for folder in layout.DATA_FOLDERS for path in sorted((target / folder).rglob("*.yml"))),
        target / "build_tools" / "templates" / "strings.yml",
    ]
    for path in yaml_files:
        path.write_text(add_german_texts(path.read_text(encoding="utf-8")), encoding="utf-8")
        missed = localized_without_german(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert not missed, f"{path}: no German text at {missed}"
    pages = target / layout.PAGES
    for page in sorted((pages / "en").rglob("*.md")):
        german_file = pages / CODE / page.relative_to(pages / "en")
        german_file.parent.mkdir(parents=True, exist_ok=True)
        german_file.write_text(german_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    # the editors' schemas ask for every site language: written afresh, as `manual schema` does
    result = run_in_copy(target, "-m", "build_tools", "schema", "--root", str(target))
    assert result.returncode == 0, result.stderr
    return target


def run_in_copy(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python <args>` with the copy's build_tools first on the path (not the installed package)."""
    environment = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=root, env=environment, input=stdin, capture_output=True, text=True, timeout=600
    )
