"""What our build costs on top of the engine: `manual build` against a bare Material build of the very
same generated pages (both languages), alternately in one run; and, with --against, `manual check`
against another checkout in the same run. Prints figures; asserts nothing.

    git worktree add --detach /tmp/manual-base <commit>
    .venv/bin/python benchmarks/engine.py [--runs 5] [--against /tmp/manual-base]

The bare build is Material alone: the generated pages and navigation of `manual generate`, Material's
own templates (no overrides), its search plugin and the Markdown extensions the pages need, no
minifier, none of our extensions, no check, no search keywords, no service worker, one language after
the other. `manual build` is everything: check, generate, the engine with our theme overrides, the
search keywords, the minifier and the service worker, the languages side by side when there are
cores for it. Each run is a fresh process, both languages in it; the pair is measured twice: with
the machine's cores, and on one core (where `manual build` builds one language after the other too).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.check import on_one_core, timed  # noqa: E402
from build_tools import layout  # noqa: E402
from build_tools.build import copy_project  # noqa: E402

# what the generated pages need to render at all (attribute lists, HTML blocks with Markdown, tables)
BARE_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
BARE_BUILD = (
    "import sys; from pathlib import Path; from build_tools import engine\n"
    "for config, site in zip(sys.argv[1::2], sys.argv[2::2]): engine.build(Path(config), Path(site))\n"
)


def bare_configs(generated: Path, bare: Path) -> list[Path]:
    """Each language's generated configuration reduced to Material alone, on the same pages."""
    configs = []
    for lang in layout.SITES:
        config = yaml.safe_load((generated / lang / "mkdocs.yml").read_text(encoding="utf-8"))
        reduced = {
            "site_name": config["site_name"],
            "docs_dir": str(generated / lang / "docs"),
            "use_directory_urls": True,
            "nav": config["nav"],
            "theme": {"name": "material", "language": lang, "font": False},
            "plugins": [{"search": {"lang": lang}}],
            "markdown_extensions": BARE_EXTENSIONS,
        }
        target = bare / lang / "mkdocs.yml"
        target.parent.mkdir(parents=True)
        target.write_text(yaml.safe_dump(reduced, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(target)
    return configs


def timed_bare(configs: list[Path], site: Path, one_core: bool = False) -> float:
    prefixes = layout.SITES.values()
    pairs = [str(part) for config, prefix in zip(configs, prefixes, strict=True) for part in (config, site / prefix)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", BARE_BUILD, *pairs],
        env=environment,
        check=True,
        capture_output=True,
        preexec_fn=on_one_core if one_core else None,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, help="also time `manual check` here and in this checkout")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each, alternately")
    with tempfile.TemporaryDirectory(prefix="manual-engine-") as work_dir:
        work = Path(work_dir)
        project = copy_project(work / "repo", ROOT, ROOT)
        timed(project, "generate", "--root", ".", "--out", str(work / "generated"))
        configs = bare_configs(work / "generated", work / "bare")
        for one_core in (False, True):
            times: dict[str, list[float]] = {"manual build": [], "bare Material": []}
            for _ in range(args.runs):
                times["manual build"].append(timed(project, "build", "--root", ".", one_core=one_core))
                times["bare Material"].append(timed_bare(configs, work / "bare-site", one_core))
            pages = len(list((work / "bare-site").rglob("*.html")))
            ours, bare = (statistics.median(times[label]) for label in ("manual build", "bare Material"))
            cores = "1 core" if one_core else f"{len(os.sched_getaffinity(0))} cores"
            print(
                f"{pages} pages, {cores}: manual build {ours:.2f} s, bare Material {bare:.2f} s (median); "
                f"ratio {ours / bare:.2f}"
            )
        if args.against:
            checks: dict[str, list[float]] = {"this tree": [], "baseline": []}
            for _ in range(args.runs):
                checks["this tree"].append(timed(ROOT, "check", "--root", "."))
                checks["baseline"].append(timed(args.against.resolve(), "check", "--root", "."))
            this, base = (statistics.median(checks[label]) for label in ("this tree", "baseline"))
            print(f"manual check: this tree {this:.2f} s, baseline {base:.2f} s (median); {base / this:.1f}x faster")


if __name__ == "__main__":
    main()
