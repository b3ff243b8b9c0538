"""How fast and how good search is: run `.venv/bin/python benchmarks/search.py` from the repository.

Prints the time to build the `manual search` index, the median and 95th percentile time of a query
(in process, and a whole `manual search` command), how the two stemmers rank the gate queries of
tests/search_queries.yml, and in Chromium the time from the last keystroke to the results on the page.
"""

from __future__ import annotations

import functools
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


def main() -> None:
    for stemmer in ("whoosh", "snowball"):
        index_build(stemmer)
        ranking(stemmer)
    query_times()
    browser_times()


if __name__ == "__main__":
    main()
