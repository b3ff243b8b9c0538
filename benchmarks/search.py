"""How fast and how good search is: run `.venv/bin/python benchmarks/search.py` from the repository.

Prints the time to build the `manual search` index, the median and 95th percentile time of a query
(in process, and a whole `manual search` command), how the two stemmers rank the gate queries of
tests/search_queries.yml, and in Chromium the time from the last keystroke to the results on the page.

`--against DIR` (a checkout of another branch, e.g. `git worktree add --detach /tmp/main-base main`)
builds that checkout's site too and measures both sites side by side in one run: keystroke to
results on a 390 px phone viewport with the CPU throttled four times (Chromium DevTools protocol),
the gate in the search box, and the size of each language's search index, raw and gzipped.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_tools.build import build_into  # noqa: E402
from build_tools.search.engine import Searcher, Stemmer, build_index, open_index  # noqa: E402
from tests.search_gate import TOP, gate_queries, judge, top_pages  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
REPEATS = 5


def milliseconds(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   (n={len(ordered)})"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def index_build(stemmer: Stemmer) -> None:
    times = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            times.append(timed(lambda folder=folder: build_index(REPO, Path(folder) / "index", stemmer)))
    print(f"index build ({stemmer:8}) {milliseconds(times)}")


def ranking(stemmer: Stemmer) -> None:
    folder = open_index(REPO, stemmer)
    searchers = {lang: Searcher(folder, lang) for lang in ("sv", "en")}
    passed, reciprocal = 0, 0.0
    queries = gate_queries()
    for query in queries:
        urls = [hit.url for hit in searchers[query.lang].search(query.query)]
        passed += judge(query, top_pages(urls), urls[:TOP]) is None
        found = urls if query.section else [url.split("#")[0] for url in urls]
        rank = next((i for i, url in enumerate(found, 1) if url == query.target), None)
        reciprocal += 1 / rank if rank else 0
    mrr = reciprocal / len(queries)
    print(f"ranking     ({stemmer:8}) gate {passed}/{len(queries)} in the top {TOP}, MRR {mrr:.3f}")


def query_times() -> None:
    folder = open_index(REPO)
    searchers = {lang: Searcher(folder, lang) for lang in ("sv", "en")}
    times = [
        timed(lambda q=query: searchers[q.lang].search(q.query)) for _ in range(REPEATS) for query in gate_queries()
    ]
    print(f"query, in process        {milliseconds(times)}")
    command = [sys.executable, "-m", "build_tools", "search", "--json", "betänketid"]
    runs = [timed(lambda: subprocess.run(command, cwd=REPO, capture_output=True, check=True)) for _ in range(REPEATS)]
    print(f"`manual search` command  {milliseconds(runs)}")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


# measured in the page: from the last keydown to the first result list Material renders after it
INSTRUMENT = """() => {
  const box = document.querySelector("input[data-md-component=search-query]")
  const list = document.querySelector(".md-search-result__list")
  window.manualTiming = {}
  box.addEventListener("keydown", () => { window.manualTiming = {start: performance.now()} }, {capture: true})
  new MutationObserver(() => {
    if (window.manualTiming.start && !window.manualTiming.end && list.children.length)
      window.manualTiming.end = performance.now()
  }).observe(list, {childList: true})
}"""


def browser_times() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        started = time.perf_counter()
        build_into(REPO, site)
        print(f"site build (both languages, search index enriched) {time.perf_counter() - started:.1f} s")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            times, passed = [], 0
            queries = gate_queries()
            for lang in ("sv", "en"):
                page.goto(base + ("/en/" if lang == "en" else "/"), wait_until="networkidle")
                page.evaluate(INSTRUMENT)
                box = page.locator("input[data-md-component=search-query]")
                box.click()
                for query in (q for q in queries if q.lang == lang):
                    box.fill("")
                    box.press("End")
                    page.wait_for_selector(".md-search-result__list > li", state="detached")
                    box.fill(query.query[:-1])  # no search yet: Material searches on key events
                    box.press_sequentially(query.query[-1])
                    page.wait_for_function("() => window.manualTiming.end")
                    timing = page.evaluate("window.manualTiming")
                    times.append((timing["end"] - timing["start"]) / 1000)
                    groups = page.eval_on_selector_all(
                        ".md-search-result__list > li",
                        "items => items.map(i => [...i.querySelectorAll('a')].map(a => new URL(a.href)))"
                        ".map(urls => urls.map(u => u.pathname.slice(1) + (u.hash || '')))",
                    )[:TOP]
                    pages = [group[0].split("#")[0] for group in groups]
                    passed += judge(query, pages, [url for group in groups for url in group]) is None
            browser.close()
        server.shutdown()
    print(f"keystroke to results     {milliseconds(times)}")
    print(f"browser gate             {passed}/{len(queries)} in the top {TOP}")


PHONE = {"width": 390, "height": 844}
CPU_SLOWDOWN = 4
# from the last keydown to the first change Material makes to the result panel after it (the count
# and the list are rendered together), so that an empty result is timed as well
INSTRUMENT_PANEL = """() => {
  const box = document.querySelector("input[data-md-component=search-query]")
  const panel = document.querySelector(".md-search-result")
  window.manualTiming = {}
  box.addEventListener("keydown", () => { window.manualTiming = {start: performance.now()} }, {capture: true})
  new MutationObserver(() => {
    if (window.manualTiming.start && !window.manualTiming.end)
      window.manualTiming.end = performance.now()
  }).observe(panel, {childList: true, subtree: true, characterData: true})
}"""


def build_other(checkout: Path, target: Path) -> None:
    """Build another checkout's site with its own build code (run from its folder)."""
    code = (
        "import sys; from pathlib import Path; from build_tools.build import build_into; "
        "build_into(Path('.'), Path(sys.argv[1]))"
    )
    subprocess.run([sys.executable, "-c", code, str(target)], cwd=checkout, check=True, capture_output=True)


def index_sizes(site: Path) -> str:
    sizes = []
    for lang, prefix in (("sv", ""), ("en", "en/")):
        data = (site / prefix / "search" / "search_index.json").read_bytes()
        sizes.append(f"{lang} {len(data) / 1024:6.1f} KiB raw, {len(gzip.compress(data, 9)) / 1024:5.1f} KiB gzipped")
    words = site / "search" / "words.js"
    if words.exists():
        data = words.read_bytes()
        sizes.append(f"words.js {len(data) / 1024:.1f} / {len(gzip.compress(data, 9)) / 1024:.1f} KiB")
    return "; ".join(sizes)


def phone_times(site: Path, label: str) -> None:
    """Keystroke to results on a throttled phone, and the gate in the search box, for one built site."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    times, passed = [], 0
    queries = gate_queries()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
        for lang in ("sv", "en"):
            page = context.new_page()
            session = context.new_cdp_session(page)
            session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.goto(base + ("/en/" if lang == "en" else "/"), wait_until="networkidle")
            page.evaluate(INSTRUMENT_PANEL)
            page.locator('label.md-header__button[for="__search"]').click()
            box = page.locator("input[data-md-component=search-query]")
            for query in (q for q in queries if q.lang == lang):
                box.fill(query.query[:-1])  # no search yet: Material searches on key events
                page.evaluate("window.manualTiming = {}")
                box.press_sequentially(query.query[-1])
                page.wait_for_function("() => window.manualTiming.end", timeout=20_000)
                timing = page.evaluate("window.manualTiming")
                times.append((timing["end"] - timing["start"]) / 1000)
                page.wait_for_timeout(150)  # the panel settles
                groups = page.eval_on_selector_all(
                    ".md-search-result__list > li",
                    "items => items.map(i => [...i.querySelectorAll('a')].map(a => new URL(a.href)))"
                    ".map(urls => urls.map(u => u.pathname.slice(1) + (u.hash || '')))",
                )[:TOP]
                pages = [group[0].split("#")[0] for group in groups]
                passed += judge(query, pages, [url for group in groups for url in group]) is None
            page.close()
        browser.close()
    server.shutdown()
    print(f"{label:6} phone 390 px, CPU /{CPU_SLOWDOWN}: keystroke to results {milliseconds(times)}")
    print(f"{label:6} gate in the search box {passed}/{len(queries)} in the top {TOP}")
    print(f"{label:6} search index: {index_sizes(site)}")


def side_by_side(against: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ours", Path(folder) / "theirs"
        build_into(REPO, ours)
        build_other(against, theirs)
        for label, site in (("main", theirs), ("branch", ours)):
            phone_times(site, label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", type=Path, help="another checkout whose site to measure side by side")
    parser.add_argument("--browser-only", action="store_true", help="only the side-by-side browser figures")
    args = parser.parse_args()
    if not args.browser_only:
        for stemmer in ("whoosh", "snowball"):
            index_build(stemmer)
            ranking(stemmer)
        query_times()
        browser_times()
    if args.against:
        side_by_side(args.against)


if __name__ == "__main__":
    main()
