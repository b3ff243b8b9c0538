"""Generate, then build: the site source is the engine's whole input, and the engine is replaceable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from build_tools import build, generate, layout, pipeline
from build_tools.languages import SITE_LANGUAGES
from build_tools.load import load_manual
from build_tools.render import Renderer, step_path, ui_strings
from build_tools.site_config import handwritten_pages

from .conftest import FIXTURES, REPO, read_page


def test_generate_writes_each_languages_pages_navigation_and_configuration(minimal_repo: Path) -> None:
    for lang in SITE_LANGUAGES:  # a hand-written page in each language (the sites mirror each other)
        (minimal_repo / layout.PAGES / lang).mkdir(parents=True, exist_ok=True)
        (minimal_repo / layout.PAGES / lang / "om.md").write_text(f"---\ntitle: Om\n---\n# Om ({lang})\n", "utf-8")
    out = minimal_repo / "generated"
    sources = generate.generate(minimal_repo, out)
    manual = load_manual(minimal_repo).manual

    assert [source.lang for source in sources] == list(SITE_LANGUAGES)
    for source in sources:
        config = yaml.safe_load(source.config_file.read_text(encoding="utf-8"))
        assert config["site_name"] == ui_strings()["site_title"][source.lang]
        assert config["theme"]["language"] == source.lang
        plugins = {name: options for entry in config["plugins"] for name, options in entry.items()}
        assert plugins["search"]["lang"] == source.lang and plugins["offline"]["enabled"] is False
        assert config["docs_dir"] == generate.DOCS and "hooks" not in config
        handwritten = handwritten_pages(minimal_repo / layout.PAGES / source.lang)
        assert "om.md" in handwritten
        assert config["nav"] == Renderer(manual, source.lang).nav(handwritten), "the navigation is in the configuration"
        for page in Renderer(manual, source.lang).pages():
            assert (source.docs_dir / page.path).read_text(encoding="utf-8") == page.content, page.path
        assert source.url_prefix == layout.SITES[source.lang]
        page = (source.docs_dir / "om.md").read_text(encoding="utf-8")
        assert page.startswith("---\ntitle: Om\n---\n") and page.endswith(f"# Om ({source.lang})\n")


def test_one_build_loads_checks_and_renders_the_content_once(
    minimal_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check makes every page to find template errors; the build writes those same pages."""
    checks: list[Path] = []
    check = pipeline._check
    monkeypatch.setattr(pipeline, "_last_check", None)
    monkeypatch.setattr(pipeline, "_check", lambda root, options: checks.append(root) or check(root, options))
    rendered: list[str] = []
    pages = Renderer.pages
    monkeypatch.setattr(Renderer, "pages", lambda self: rendered.append(self.lang) or pages(self))
    build.build_site(minimal_repo)
    assert checks == [minimal_repo]
    assert rendered == list(layout.SITES)
    assert all((minimal_repo / "site" / prefix / "index.html").is_file() for prefix in layout.SITES.values())


def test_on_one_core_the_languages_are_built_in_turn_into_the_same_site(
    minimal_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two cores the languages are built side by side, each in its own process; on one, here in
    turn. Either way each language lands under its own prefix and no build removes another's pages."""

    def pages(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}

    monkeypatch.setattr(build.os, "sched_getaffinity", lambda pid: {0, 1})
    with build.language_workers() as workers:
        assert workers is not None
    side_by_side = pages(build.build_site(minimal_repo))
    monkeypatch.setattr(build.os, "sched_getaffinity", lambda pid: {0})
    with build.language_workers() as workers:
        assert workers is None
    in_turn = pages(build.build_site(minimal_repo))
    assert in_turn == side_by_side
    assert {path.split("/")[0] for path in in_turn} >= {
        prefix.rstrip("/") for prefix in layout.SITES.values() if prefix
    }
    assert "index.html" in in_turn and all(f"{prefix}index.html" in in_turn for prefix in layout.SITES.values())


def test_the_base_configuration_is_refused_clearly_when_it_is_not_a_mapping(minimal_repo: Path) -> None:
    (minimal_repo / layout.BASE_CONFIG).write_text("- a list\n", encoding="utf-8")
    with pytest.raises(generate.ConfigError, match=r"^mkdocs\.yml: must be a mapping"):
        generate.generate(minimal_repo, minimal_repo / "generated")


@pytest.mark.build
def test_the_generated_source_builds_with_properdocs(tmp_path: Path) -> None:
    """The engine boundary: the fork of MkDocs builds the generated source as it is, with no hook."""
    root = build.copy_project(tmp_path / "repo", REPO, FIXTURES / "minimal")
    out = tmp_path / "generated"
    generated = subprocess.run(
        [sys.executable, "-m", "build_tools", "generate", "--root", str(root), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    manual = load_manual(root).manual
    for lang, prefix in layout.SITES.items():
        site = tmp_path / "site" / prefix
        built = subprocess.run(
            [sys.executable, "-m", "properdocs", "build", "-f", str(out / lang / "mkdocs.yml"), "-d", str(site)],
            capture_output=True,
            text=True,
            env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"},
        )
        assert built.returncode == 0, built.stderr[-3000:]
        home = read_page(site / "index.html")
        assert re.search(r'<meta content="[^"]*ProperDocs[^"]*" name="generator"', home), "ProperDocs built it"
        assert f'<html class="no-js" lang="{lang}">' in home
        step = manual.steps[0]
        page = read_page(site / step_path(step).removesuffix(".md") / "index.html")
        assert step.title.get(lang) in page and 'class="manual-jump"' in page


def test_only_the_engine_adapter_may_import_the_engine() -> None:
    """ruff's banned-api refuses `mkdocs` and `material` imports outside build_tools/engine/ (make lint)."""
    ruff = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert set(ruff["flake8-tidy-imports"]["banned-api"]) == {"mkdocs", "material"}
    assert {path for path, rules in ruff["per-file-ignores"].items() if "TID251" in rules} == {"build_tools/engine/*"}
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251", "build_tools", "tests", "benchmarks"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert lint.returncode == 0, lint.stdout
    engine_names = re.compile(r"""["'](?:mkdocs|material)["']""")
    for path in (REPO / "build_tools").rglob("*.py"):
        if "engine" not in path.relative_to(REPO / "build_tools").parts:
            assert not engine_names.search(path.read_text(encoding="utf-8")), f"{path} names the engine's package"


def test_every_ui_string_has_a_text_in_each_site_language_and_in_no_other() -> None:
    """A language added to the table needs every string of build_tools/templates/strings.yml; a code
    that is no site language (a typo) is no translation either."""
    for key, texts in ui_strings().items():
        assert isinstance(texts, dict) and set(texts) == set(SITE_LANGUAGES), key
        assert all(isinstance(text, str) and text.strip() for text in texts.values()), key
