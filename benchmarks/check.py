"""How long `manual check` and `manual build` take on the real content, this tree against another checkout,
measured alternately in one run so both see the same machine. Prints figures; asserts nothing.

    git worktree add --detach /tmp/manual-base <commit>
    .venv/bin/python benchmarks/check.py --against /tmp/manual-base [--runs 5] [--no-build] [--cold-cache]

Each run is a fresh process (`python -m build_tools …`), as an editor or CI runs it: start-up and
imports count. Both trees are run with this virtual environment's Python and packages. What a run
keeps in the user's cache folder (compiled templates, the ids of linked pages) serves the next run, as
on an editor's machine;
`--cold-cache` gives each run an empty cache folder instead, as on a fresh CI machine.
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

ROOT = Path(__file__).resolve().parent.parent


def on_one_core() -> None:
    """For a child process: run on one of this machine's cores only (as on a one-core machine)."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def timed(tree: Path, *command: str, cold_cache: bool = False, one_core: bool = False) -> float:
    environment = {**os.environ, "PYTHONPATH": str(tree), "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="manual-bench-cache-") as cache:
        if cold_cache:
            environment["XDG_CACHE_HOME"] = cache
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "build_tools", *command],
            cwd=tree,
            env=environment,
            check=True,
            capture_output=True,
            preexec_fn=on_one_core if one_core else None,
        )
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other checkout (the baseline)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="time only `manual check`")
    parser.add_argument("--cold-cache", action="store_true", help="an empty cache folder for each run (as on CI)")
    args = parser.parse_args()
    commands = [("check", ("check", "--root", ".")), ("build", ("build", "--root", "."))]
    if args.no_build:
        commands = commands[:1]
    trees = {"this tree": ROOT, "baseline": args.against.resolve()}
    cache = "an empty cache folder for each run" if args.cold_cache else "the user's cache folder"
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs each, alternately, {cache}")
    for name, command in commands:
        times: dict[str, list[float]] = {label: [] for label in trees}
        for _ in range(args.runs):
            for label, tree in trees.items():
                times[label].append(timed(tree, *command, cold_cache=args.cold_cache))
        medians = {label: statistics.median(values) for label, values in times.items()}
        print(
            f"manual {name}: this tree {medians['this tree']:.2f} s, baseline {medians['baseline']:.2f} s "
            f"(median); baseline / this tree = {medians['baseline'] / medians['this tree']:.1f}"
        )


if __name__ == "__main__":
    main()
