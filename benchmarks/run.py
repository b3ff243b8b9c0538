"""Speed and weight of the manual, measured against the budgets of issue 7. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/run.py [--scale 10] [--no-lighthouse]

For the real content and for generated content `--scale` times larger: full build time, rebuild time
after changing one step. For the start page, a step page and an exercise page: bytes of HTML, CSS and
JS (uncompressed and as transferred with gzip, as any static host serves them), compared with an empty
page of a bare Material site with the same theme settings, built and measured in the same run; and
Lighthouse 12 scores (mobile and desktop) from a local install driving Debian's chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.build import build_into, copy_project  # noqa: E402
from build_tools.load import load_manual  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LIGHTHOUSE_VERSION = "12.8"
LIGHTHOUSE_DIR = ROOT / "benchmarks" / ".lighthouse"
BUDGET = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
WEIGHT_BUDGET = 1.2
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as a production web server does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (
            path.is_file()
            and path.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
            and self.path.endswith(("/", path.suffix))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def timed_build(root: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    build_into(root, out)
    return time.perf_counter() - started


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full: anchors and aliases would hide how large the content is."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


def content_bytes(root: Path) -> int:
    """Size of the content as data (YAML re-serialised the same way for both), not of its formatting."""
    return sum(
        len(dump(yaml.safe_load(p.read_text(encoding="utf-8"))).encode())
        for d in ("steps", "case_exercises", "decision_aid")
        for p in (root / d).rglob("*.yml")
    )


def scale_content(root: Path, factor: int) -> None:
    """Make the content `factor` times larger: copies of every actor (with all their tasks), exercise and term."""
    actors_file = root / "steps" / "actors.yml"
    actors = yaml.safe_load(actors_file.read_text(encoding="utf-8"))
    copies = {a["id"]: [f"{a['id']}-{k}" for k in range(2, factor + 1)] for a in actors}
    scaled = list(actors)
    for actor in actors:
        for k, copy_id in enumerate(copies[actor["id"]], start=2):
            scaled.append(
                {**actor, "id": copy_id, "name": {lang: f"{text} {k}" for lang, text in actor["name"].items()}}
            )
    actors_file.write_text(dump(scaled), encoding="utf-8")
    for step_file in sorted((root / "steps").glob("[0-9][0-9]-*.yml")):
        step = yaml.safe_load(step_file.read_text(encoding="utf-8"))
        step["actors"] = step["actors"] + [
            {**entry, "actor": copy_id} for entry in step["actors"] for copy_id in copies[entry["actor"]]
        ]
        rounds = range(2, factor + 1)
        step["sections"] = step.get("sections", []) + [
            {**section, "title": {lang: f"{text} {k}" for lang, text in section["title"].items()}}
            for k in rounds
            for section in step.get("sections", [])
        ]
        step["rights"] = step.get("rights", []) + [
            {**right, "id": f"{right['id']}-{k}"} if "id" in right else right
            for k in rounds
            for right in step.get("rights", [])
        ]
        step["time_limits"] = step.get("time_limits", []) + [
            {**limit, "id": f"{limit['id']}-{k}"} for k in rounds for limit in step.get("time_limits", [])
        ]
        step_file.write_text(dump(step), encoding="utf-8")
    for exercise_file in sorted((root / "case_exercises").glob("*.yml")):
        exercise = yaml.safe_load(exercise_file.read_text(encoding="utf-8"))
        for k in range(2, factor + 1):
            copy = {**exercise, "id": f"{exercise['id']}-{k}"}
            (root / "case_exercises" / f"{copy['id']}.yml").write_text(dump(copy), encoding="utf-8")
    # shared facts: copies with new ids (contacts stay: the emergency ones are on every page)
    for name in ("glossary", "laws", "regions", "sources", "signs"):
        shared_file = root / "steps" / "shared" / f"{name}.yml"
        if shared_file.is_file():
            entries = yaml.safe_load(shared_file.read_text(encoding="utf-8"))
            more = [{**e, "id": f"{e['id']}-{k}"} for k in range(2, factor + 1) for e in entries]
            shared_file.write_text(dump(entries + more), encoding="utf-8")


def bare_material(target: Path) -> Path:
    """A bare Material site with our theme settings and one empty page: the weight baseline."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    (target / "docs").mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# Tom sida\n", encoding="utf-8")
    bare = {"site_name": config["site_name"], "theme": theme, "plugins": [{"search": {"lang": ["sv", "en"]}}]}
    (target / "mkdocs.yml").write_text(dump(bare), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(target / "mkdocs.yml"), "-d", str(target / "site")],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target / "site"


def page_weight(url: str) -> dict[str, dict[str, int]]:
    """Bytes per kind (html, css, js, other) of everything one page load fetches: raw and transferred."""
    from playwright.sync_api import sync_playwright

    kinds = {"document": "html", "stylesheet": "css", "script": "js"}
    totals: dict[str, dict[str, int]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        for response in responses:
            kind = kinds.get(response.request.resource_type, "other")
            try:
                raw = len(response.body())
            except Exception:  # redirects and aborted loads have no body
                continue
            sent = response.request.sizes()["responseBodySize"]
            entry = totals.setdefault(kind, {"raw": 0, "transferred": 0})
            entry["raw"] += raw
            entry["transferred"] += sent
        browser.close()
    return totals


def ensure_lighthouse() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(LIGHTHOUSE_DIR),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return binary


def lighthouse(binary: Path, url: str, preset: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        command = [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_FLAGS),
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: category["score"] for name, category in categories.items()}


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="build timings are the median of this many runs")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    failures: list[str] = []

    print(f"# Manualen benchmarks, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="manual-bench-") as work_dir:
        work = Path(work_dir)
        real = copy_project(work / "real", ROOT, ROOT)
        big = copy_project(work / "big", ROOT, ROOT)
        scale_content(big, args.scale)

        print("\n## Build time (both languages, median of", args.runs, "runs)")
        full = statistics.median(timed_build(real, work / "real-site") for _ in range(args.runs))
        step_file = next((real / "steps").glob("01-*.yml"))
        rebuilds = []
        for run in range(args.runs):
            step_file.write_text(
                step_file.read_text(encoding="utf-8") + f"\n# benchmark edit {run}\n", encoding="utf-8"
            )
            rebuilds.append(timed_build(real, work / "real-site"))
        rebuild = statistics.median(rebuilds)
        big_time = statistics.median(timed_build(big, work / "big-site") for _ in range(args.runs))
        factor = content_bytes(big) / content_bytes(real)
        pages = len(list((work / "real-site").rglob("*.html")))
        big_pages = len(list((work / "big-site").rglob("*.html")))
        print(f"real content:   {content_bytes(real) / 1024:.0f} KiB YAML, {pages} pages, full build {full:.2f} s")
        print(f"one step changed: rebuild {rebuild:.2f} s")
        print(
            f"x{args.scale} content:  {content_bytes(big) / 1024:.0f} KiB YAML ({factor:.1f}x), {big_pages} pages, "
            f"full build {big_time:.2f} s ({big_time / full:.1f}x the time)"
        )
        if big_time / full > factor:
            failures.append(f"build time grows faster than content ({big_time / full:.1f}x time for {factor:.1f}x)")

        manual = load_manual(ROOT).manual
        targets = {"start page": "", "step page": f"steg/{manual.steps[0].id}/"}
        exercise_pages = sorted((work / "real-site" / "ovningar").glob("*/index.html"))
        if exercise_pages:
            targets["exercise page"] = f"ovningar/{exercise_pages[0].parent.name}/"
        else:
            print("(no exercise page in this build: not measured)")

        bare_site = bare_material(work / "bare")
        print("\n## Page weight (uncompressed / transferred with gzip)")
        with serve(bare_site) as bare_url:
            bare = page_weight(bare_url + "/")
        bare_total = sum(bare.get(k, {}).get("raw", 0) for k in ("html", "css", "js"))
        print(
            f"{'bare Material, empty page':28} "
            + "  ".join(
                f"{k}: {kb(bare.get(k, {}).get('raw', 0))} / {kb(bare.get(k, {}).get('transferred', 0))}"
                for k in ("html", "css", "js")
            )
            + f"  total {kb(bare_total)}"
        )
        with serve(work / "real-site") as url:
            for name, path in targets.items():
                weight = page_weight(f"{url}/{path}")
                total = sum(weight.get(k, {}).get("raw", 0) for k in ("html", "css", "js"))
                ratio = total / bare_total
                print(
                    f"{name + ' (' + (path or '/') + ')':28} "
                    + "  ".join(
                        f"{k}: {kb(weight.get(k, {}).get('raw', 0))} / {kb(weight.get(k, {}).get('transferred', 0))}"
                        for k in ("html", "css", "js")
                    )
                    + f"  total {kb(total)} = {ratio:.2f}x bare"
                )
                if ratio > WEIGHT_BUDGET:
                    failures.append(f"{name} weighs {ratio:.2f}x an empty Material page (budget {WEIGHT_BUDGET}x)")

            if not args.no_lighthouse:
                print(f"\n## Lighthouse {LIGHTHOUSE_VERSION} (performance, accessibility, best practices, SEO)")
                binary = ensure_lighthouse()
                for name, path in targets.items():
                    for preset in ("mobile", "desktop"):
                        scores = lighthouse(binary, f"{url}/{path}", preset)
                        print(f"{name:14} {preset:8} " + "  ".join(f"{k}: {v:.2f}" for k, v in scores.items()))
                        for category, minimum in BUDGET.items():
                            if scores[category] < minimum:
                                failures.append(f"{name} {preset} {category} {scores[category]:.2f} < {minimum}")

    print("\n## Budgets")
    print("all within budget" if not failures else "\n".join(f"OVER BUDGET: {f}" for f in failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
