"""The Content-Security-Policy: no inline code runs, yet the site's own scripts (search, navigation) work."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route

from build_tools.load import load_manual

from .conftest import REPO, read_page
from .players import watch

MANUAL = load_manual(REPO).manual
CSP_META = re.compile(r'<meta content="([^"]+)" http-equiv="Content-Security-Policy">')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def policy_of(markup: str) -> dict[str, list[str]]:
    match = CSP_META.search(markup)
    assert match, "no Content-Security-Policy"
    return {name: values for name, *values in (d.split() for d in match.group(1).replace("&#39;", "'").split(";"))}


def test_every_page_has_a_policy_before_any_script_and_allows_only_known_inline_scripts(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        markup = read_page(path)
        policy = policy_of(markup)
        assert markup.index("Content-Security-Policy") < markup.index("<script"), path
        assert policy["default-src"] == ["'self'"]
        # nothing is framed, no form posts to another host, no <base> moves the links elsewhere
        assert policy["frame-src"] == ["'none'"] and policy["child-src"] == ["'none'"], path
        assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"], path
        assert policy["worker-src"] == ["'self'"], path  # the search worker, from the site's own files
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        allowed = set(policy["script-src"])
        for attributes, code in INLINE_SCRIPT.findall(markup):
            if 'type="application/json"' in attributes:
                continue  # data, never run
            digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
            assert f"'sha256-{digest}'" in allowed, f"{path}: an inline script the policy blocks: {code[:80]}"


PAGES = [
    "/",
    "/en/",
    f"/steg/{MANUAL.steps[0].id}/",
    f"/en/steg/{MANUAL.steps[-1].id}/",
    "/vem-gor-vad/",
    "/andringar/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_run_the_theme_without_policy_violations(page: Page, site_url: str, path: str) -> None:
    events = watch(page)
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("typeof window.__md_get") == "function"  # the scope script moved into a file
    assert page.evaluate("typeof window.document$") == "object"  # the theme's bundle ran
    assert events == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_search_returns_results_under_the_policy(page: Page, site_url: str, lang: str) -> None:
    events = watch(page)
    step = MANUAL.steps[1]
    page.goto(f"{site_url}{'/en' if lang == 'en' else ''}/steg/{step.id}/", wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(step.title.get(lang).split()[-1], delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() > 0
    assert events == []


def test_navigation_by_keyboard_works_under_the_policy(page: Page, site_url: str) -> None:
    events = watch(page)
    page.goto(f"{site_url}/steg/{MANUAL.steps[0].id}/", wait_until="networkidle")
    page.locator(".manual-steps-nav__next").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/steg/{MANUAL.steps[1].id}/")
    assert events == []


def test_the_policy_blocks_code_injected_into_a_page(page: Page, site_url: str, built_site: Path) -> None:
    """If markup ever slipped through, the policy alone would stop it from running."""
    markup = read_page(built_site / "index.html")
    injected = markup.replace(
        "</body>", '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"></body>'
    )

    def serve_injected(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=injected)

    page.route(f"{site_url}/injected/", serve_injected)
    events = watch(page)
    page.goto(f"{site_url}/injected/", wait_until="networkidle")
    assert page.evaluate("window.__xss") is None
    assert sum("CSP violation: script-src" in event for event in events) >= 2, events


@pytest.mark.parametrize("path", ["index.html", f"steg/{MANUAL.steps[0].id}/index.html", "en/index.html"])
def test_the_policy_holds_when_opened_from_a_file(page: Page, built_site: Path, path: str) -> None:
    events = watch(page)
    page.goto((built_site / path).as_uri(), wait_until="load")
    assert page.evaluate("typeof window.__md_get") == "function"
    assert page.evaluate("typeof window.document$") == "object"
    assert not [event for event in events if "CSP violation" in event or "Content Security Policy" in event]
    page.locator(".manual-emergency").wait_for()


def test_the_offline_policy_frames_only_its_own_search_shim() -> None:
    from build_tools.site_config import content_security_policy

    offline = dict(d.split(" ", 1) for d in content_security_policy(offline=True).split("; "))
    online = dict(d.split(" ", 1) for d in content_security_policy().split("; "))
    assert offline["frame-src"] == "'self'" and online["frame-src"] == "'none'"
    assert offline["form-action"] == online["form-action"] == "'self'"
    assert offline["base-uri"] == online["base-uri"] == "'self'"
