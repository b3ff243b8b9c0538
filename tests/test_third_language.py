"""Adding a site language is an entry in the language table plus its texts, pages and UI strings
(issue 13): a copy of the project gains German the way an editor adds it (tests/support.py), and the
copy's own tools check it, render its pages and build its site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from .conftest import read_page
from .support import MARKER, run_in_copy

# what the copy's tools make of German, printed as JSON: the package that ran, the generated pages,
# the page settings of the German site and its language switch as the header shows it
RENDER = """
import json, sys
from pathlib import Path
from types import SimpleNamespace

import jinja2

import build_tools
from build_tools import offline, site_config
from build_tools.languages import SITE_LANGUAGES
from build_tools.load import load_manual
from build_tools.render import Renderer

root = Path(sys.argv[1])
manual = load_manual(root).manual
extra = site_config.extra(manual, "de")
switch = jinja2.Environment().from_string((root / "overrides/partials/alternate.html").read_text(encoding="utf-8"))
menu = switch.render(
    config=SimpleNamespace(extra=SimpleNamespace(manual={"alternate": extra["manual"]["alternate"]})),
    page=SimpleNamespace(url="steg/identifiering/"),
)
print(json.dumps({
    "package": build_tools.__file__,
    "site_languages": SITE_LANGUAGES,
    "pages": {page.path: page.content for page in Renderer(manual, "de").pages()},
    "lang": extra["manual"]["lang"],
    "service_worker": extra["manual"]["service_worker"],
    "menu": menu,
    "start_page": offline.start_page(),
}))
"""


def test_the_copy_runs_its_own_tools(shared_third_language_project: Path) -> None:
    root = shared_third_language_project
    result = run_in_copy(root, "-c", "import build_tools; print(build_tools.__file__)")
    assert Path(result.stdout.strip()).is_relative_to(root), result.stdout + result.stderr
    assert not Path(result.stdout.strip()).is_relative_to(Path(__file__).parent.parent)


def test_a_third_language_passes_the_check(shared_third_language_project: Path) -> None:
    root = shared_third_language_project
    result = run_in_copy(root, "-m", "build_tools", "check", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "problem" not in result.stdout


def test_a_missing_german_text_is_named_by_file_and_line(third_language_project: Path) -> None:
    root = third_language_project
    step = root / "steps" / "01-identifiering.yml"
    lines = step.read_text(encoding="utf-8").splitlines(keepends=True)
    number, line = next((i, line) for i, line in enumerate(lines, 1) if line.startswith("summary:"))
    lines[number - 1] = re.sub(r", de: [^}]*", "", line)
    assert "de:" not in lines[number - 1] and "en:" in lines[number - 1]
    step.write_text("".join(lines), encoding="utf-8")
    result = run_in_copy(root, "-m", "build_tools", "check", "--root", str(root))
    assert result.returncode == 1, result.stdout + result.stderr
    reported = [line for line in result.stdout.splitlines() if "German translation (de)" in line]
    assert [line.split(": ")[0] for line in reported] == [f"steps/01-identifiering.yml:{number}"], result.stdout


def test_a_missing_german_page_is_named(third_language_project: Path) -> None:
    root = third_language_project
    page = next((root / "content" / "de").rglob("*.md"))
    page.unlink()
    result = run_in_copy(root, "-m", "build_tools", "check", "--root", str(root))
    assert result.returncode == 1
    assert f"content/de/{page.name}:1: " in result.stdout and "missing German page" in result.stdout, result.stdout


def test_german_pages_render_with_the_language_menu(shared_third_language_project: Path) -> None:
    root = shared_third_language_project
    result = run_in_copy(root, "-c", RENDER, str(root))
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert Path(made["package"]).is_relative_to(root)
    assert made["site_languages"] == ["sv", "en", "de"]
    assert made["lang"] == "de"
    assert made["service_worker"] == "../sw.js"  # the root of the whole site, one folder up from de/
    step = made["pages"]["steg/identifiering.md"]
    assert f"{MARKER} Identification" in step  # the German texts, not a fallback to Swedish or English
    cited = made["pages"]["steg/inledande-stod.md"]  # cites Utlänningslagen 5 kap. 15 § 2 st.
    assert "ch. 5 s. 15 para. 2" in cited and "kap." not in cited  # the table's citation style for German

    menu = made["menu"]
    assert "<details" in menu and "<summary" in menu  # more than two languages: a menu, not a link
    links = re.findall(r'<a [^>]*href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</a>', menu)
    assert [(lang, name) for _, lang, _, name in links] == [("sv", "Svenska"), ("en", "English"), ("de", "Deutsch")]
    # from /de/steg/identifiering/: the same page in each language, on the same site
    assert [href for href, *_ in links] == [
        "../../../steg/identifiering/",
        "../../../en/steg/identifiering/",
        "../../../de/steg/identifiering/",
    ]
    assert all(not re.match(r"^[a-z]+:|^//", href) for href, *_ in links)
    assert re.search(r'lang="de"[^>]*aria-current="page"', menu)
    assert menu.count('aria-current="page"') == 1

    assert '<a href="de/index.html">de/index.html</a>' in made["start_page"]


def test_a_third_language_is_generated_and_built(shared_third_language_project: Path) -> None:
    root = shared_third_language_project
    result = run_in_copy(root, "-m", "build_tools", "generate", "--root", str(root), "--out", "generated")
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((root / "generated" / "de" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "de" and config["site_name"].startswith(MARKER)
    assert {"lang": "de"}.items() <= next(e["search"] for e in config["plugins"] if "search" in e).items()

    result = run_in_copy(root, "-m", "build_tools", "build", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    home = read_page(root / "site" / "de" / "index.html")
    assert '<html class="no-js" lang="de">' in home and f"{MARKER} Manual" in home
    assert home.count('class="manual-language-menu__link"') == 3  # the header's menu of the three languages
    step = read_page(root / "site" / "de" / "steg" / "identifiering" / "index.html")
    assert f"{MARKER} Identification" in step
    index = json.loads((root / "site" / "de" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"] and any(MARKER in doc["text"] for doc in index["docs"])
    worker = (root / "site" / "sw.js").read_text(encoding="utf-8")
    assert '"de/steg/identifiering/"' in worker  # the web app keeps the German pages offline too
