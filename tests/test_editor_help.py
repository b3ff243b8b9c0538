"""Help for editors: schemas, the schema line, `manual new exercise`, GitHub annotations, CONTRIBUTING.md."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_tools import messages, pipeline
from build_tools.cli import main
from build_tools.layout import DATA_FOLDERS
from build_tools.problems import Problem, Severity
from build_tools.schema import KINDS, SCHEMA_DIR, kind_of, schema_file, write_schemas

from .conftest import REPO

CONTENT_FILES = sorted(
    path.relative_to(REPO).as_posix() for folder in DATA_FOLDERS for path in (REPO / folder).rglob("*.yml")
)
STEP1 = "steps/01-identifiering.yml"


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    generated = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / SCHEMA_DIR).iterdir()}
    committed = {path.name: path.read_text(encoding="utf-8") for path in (REPO / SCHEMA_DIR).iterdir()}
    assert committed == generated, "the schemas are stale: run `.venv/bin/manual schema` and commit schemas/"
    assert sorted(generated) == sorted(f"{kind}.schema.json" for kind in KINDS)


def _as_json(value: object) -> object:
    # what an editor's YAML plugin sees: YAML 1.2 has no date type, so dates are text
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("rel", CONTENT_FILES)
def test_every_content_file_is_valid_for_its_schema(rel: str) -> None:
    kind = kind_of(rel)
    assert kind is not None, f"{rel} is not a kind of content file the schemas know"
    schema = json.loads((REPO / schema_file(kind)).read_text(encoding="utf-8"))
    data = _as_json(yaml.safe_load((REPO / rel).read_text(encoding="utf-8")))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_refuses_what_the_check_refuses() -> None:
    schema = json.loads((REPO / schema_file("step")).read_text(encoding="utf-8"))
    step = _as_json(yaml.safe_load((REPO / STEP1).read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(step)
    without_id = {key: value for key, value in step.items() if key != "id"}
    untranslated = {**step, "title": {"sv": step["title"]["sv"]}}
    for broken in ({**step, "ownr": "x"}, {**step, "owner": "Not A Slug"}, without_id, untranslated):
        assert not validator.is_valid(broken)


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("", "warning: the first line should be '# yaml-language-server: $schema=../schemas/step.schema.json'"),
        (
            "# yaml-language-server: $schema=../schemas/exercise.schema.json\n",
            "warning: the schema line points at '../schemas/exercise.schema.json' "
            "but this file needs '../schemas/step.schema.json'",
        ),
    ],
    ids=["missing", "wrong schema"],
)
def test_a_missing_or_wrong_schema_line_is_a_warning(minimal_repo: Path, capsys, first_line: str, expected: str):
    path = minimal_repo / STEP1
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(first_line + "".join(lines[1:]), encoding="utf-8")
    assert main(["check", "--root", str(minimal_repo)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{STEP1}:1: {expected}") for line in lines), lines


def test_new_exercise_passes_the_check_and_builds_a_graph(minimal_repo: Path, capsys) -> None:
    assert main(["new", "exercise", "ny-ovning", "--root", str(minimal_repo)]) == 0
    assert "case_exercises/ny-ovning.yml" in capsys.readouterr().out
    checked = pipeline.check(minimal_repo)
    assert checked.problems == []
    exercise = next(e for e in checked.manual.exercises if e.id == "ny-ovning")
    assert any(node.end for node in exercise.nodes.values())
    assert any(choice.weak for node in exercise.nodes.values() for choice in node.choices)


def test_new_exercise_refuses_an_existing_file(minimal_repo: Path, capsys) -> None:
    existing = minimal_repo / "case_exercises" / "prov.yml"
    before = existing.read_text(encoding="utf-8")
    assert main(["new", "exercise", "prov", "--root", str(minimal_repo)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("bad_id", ["Stor-Bokstav", "med mellanslag", "åäö", "slutar-med-streck-", "../utanfor", ""])
def test_new_exercise_refuses_an_invalid_id(minimal_repo: Path, capsys, bad_id: str) -> None:
    before = sorted(p.name for p in (minimal_repo / "case_exercises").iterdir())
    assert main(["new", "exercise", bad_id, "--root", str(minimal_repo)]) == 1
    assert "not a valid id" in capsys.readouterr().err
    assert sorted(p.name for p in (minimal_repo / "case_exercises").iterdir()) == before


def test_github_format_annotates_errors_and_warnings(minimal_repo: Path, capsys) -> None:
    step = minimal_repo / STEP1
    step.write_text(step.read_text(encoding="utf-8").replace("owner: socialtjansten", "owner: polisen"), "utf-8")
    assert main(["check", "--root", str(minimal_repo), "--format", "github", "--review-max-age", "1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"::error file={STEP1},line=5::owner 'polisen' is not an actor in steps/actors.yml" in lines
    assert any(
        re.fullmatch(r"::warning file=steps/actors\.yml,line=\d+::review overdue: last reviewed .*", line)
        for line in lines
    )
    assert all(re.fullmatch(r"::(error|warning) file=[^,:]+,line=\d+::.+", line) for line in lines), lines


def test_github_format_exits_like_text_format_when_there_are_only_warnings(minimal_repo: Path, capsys) -> None:
    for output in ("text", "github"):
        assert main(["check", "--root", str(minimal_repo), "--format", output, "--review-max-age", "1"]) == 0
    out = capsys.readouterr().out
    assert "::warning file=" in out and ": warning: review overdue: last reviewed" in out


def test_github_annotations_escape_what_would_end_the_command() -> None:
    problem = Problem("a,b:c%.yml", 3, "100% sure\nsecond line", Severity.ERROR)
    assert problem.format_github() == "::error file=a%2Cb%3Ac%25.yml,line=3::100%25 sure%0Asecond line"


# ----- every message is explained in CONTRIBUTING.md ---------------------------------------------

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
# a row of the message table: | `code` | `message as printed, values as …` | meaning | fix |
TABLE_ROW = re.compile(r"^\| `([a-z0-9-]+)` \| `(.+?)` \|", re.M)


def test_message_codes_are_unique() -> None:
    codes = [message.code for message in messages.ALL_MESSAGES]
    assert len(codes) == len(set(codes))


def test_every_message_is_explained_in_contributing() -> None:
    documented = dict(TABLE_ROW.findall(CONTRIBUTING))
    expected = {message.code: message.pattern for message in messages.ALL_MESSAGES}
    assert sorted(set(expected) - set(documented)) == [], "codes missing in CONTRIBUTING.md"
    assert sorted(set(documented) - set(expected)) == [], "CONTRIBUTING.md explains codes that no longer exist"
    assert {code: documented[code] for code in expected} == expected, "a message's text differs from CONTRIBUTING.md"


def test_problems_are_made_only_from_the_message_catalogue() -> None:
    """A Problem(...) written by hand would be a message CONTRIBUTING.md cannot explain."""
    direct = []
    for path in sorted((REPO / "build_tools").rglob("*.py")):
        if path.name == "problems.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Problem":
                direct.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert direct == [], "use a Message from build_tools/messages.py: " + ", ".join(direct)


def test_commands_in_contributing_exist(capsys) -> None:
    for command in sorted(set(re.findall(r"`(?:\.venv/bin/)?manual ([a-z]+)", CONTRIBUTING))):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0, command
    capsys.readouterr()


# ----- pre-commit and the pull-request workflow --------------------------------------------------


def test_the_content_passes_yamllint() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", str(REPO / ".yamllint.yml"), *DATA_FOLDERS],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout


def test_the_workflow_runs_the_one_gate_and_keeps_the_preview() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as true
    steps = workflow["jobs"]["gate"]["steps"]
    runs = [step["run"].strip() for step in steps if "run" in step]
    # the workflow runs the gate and nothing else that checks: what passes locally passes in CI
    assert ".ci/run" in runs
    assert not any(
        word in run for run in runs for word in ("pytest", "manual ", "ruff", "mypy", "make lint", "make test")
    )
    assert next(step for step in steps if step.get("run", "").strip() == ".ci/run")["env"]["CI"] == "true"
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the target branch is there to compare with
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)
    assert next(s for s in steps if "upload-artifact" in s.get("uses", ""))["with"]["path"] == "site/"


def test_the_gate_checks_with_annotations_lints_tests_and_builds() -> None:
    gate = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("make install", "manual check --format", "make lint", "make test", "manual build"):
        assert command in gate
    assert "format=github" in gate  # annotations on the pull request's lines
    assert "export CI=true" in gate
    assert '--base "$base"' in gate and "origin/$GITHUB_BASE_REF" in gate  # notes for readers, against the target
    assert "manual codeowners --check" in gate
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for command in (
        "ruff check $(LINTED)",
        "ruff format --check $(LINTED)",
        "yamllint --strict",
        "mypy build_tools",
    ):
        assert command in lint
    test = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "pytest -n 3" in test and "$$status -ne 5" in test  # "no tests collected" fails, in words


def test_installs_come_from_the_lock_file() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements.lock" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    pins = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[name.lower().replace("_", "-")] = version
    assert "manualen" not in pins
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in wanted:
        name = re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock: run `make lock`"
    assert pins["mkdocs"].startswith("1.6.") and pins["mkdocs-material"].startswith("9.")
    assert "mkdocs==" + pins["mkdocs"] in project["dependencies"]
    assert "mkdocs-material==" + pins["mkdocs-material"] in project["dependencies"]
