"""Bad input never runs code in the pages: the check refuses it, and rendering is safe without the check."""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from playwright.sync_api import Page
from pydantic import BaseModel

from build_tools import engine, generate, layout, pipeline
from build_tools.load import load_manual
from build_tools.render import Renderer

from .conftest import FIXTURES, REPO, _QuietHandler, copy_repo
from .players import watch

LANGS = ("sv", "en")


def payload(marker: str) -> str:
    """Every way we know to get code into a page through a text field."""
    return (
        f'</title><script>window.__xss="{marker}"</script> <img src=x onerror="window.__xss=\'{marker}\'"> '
        f"<svg onload=alert('{marker}')></svg> [link-{marker}](javascript:alert('{marker}')) "
        f"[tab-{marker}](java\tscript:alert(1)) [attr-{marker}](#){{: onclick=\"alert('{marker}')\" }} "
        f"&lt;script&gt;entity-{marker}"
    )


def _is_free_text(info: Any) -> bool:
    # ids, slugs and web addresses are validated by pattern: only free text can carry a payload
    return info.annotation in (str, str | None, list[str]) and not any(
        getattr(meta, "pattern", None) for meta in info.metadata
    )


def poisoned(node: Any, path: str = "") -> Any:
    """A copy of the model in which every free text field holds a payload naming the field."""
    if isinstance(node, BaseModel):
        update = {}
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            where = f"{path}.{name}"
            if _is_free_text(info) and isinstance(value, str):
                update[name] = payload(where)
            elif _is_free_text(info) and isinstance(value, list):
                update[name] = [payload(f"{where}[{i}]") for i in range(len(value))]
            else:
                update[name] = poisoned(value, where)
        return node.model_copy(update=update)
    if isinstance(node, list):
        return [poisoned(item, f"{path}[{i}]") for i, item in enumerate(node)]
    if isinstance(node, dict):
        return {key: poisoned(value, f"{path}.{key}") for key, value in node.items()}
    return node


# an event handler or a script link inside a tag (in text every < is escaped, so "<" starts a tag)
CODE_IN_TAG = re.compile(r"<[a-z][^<>]*(\son[a-z]+\s*=|(href|src)=\"[^\"]*script:)", re.I)
# ... or a tag that only the content could have made
RAW_MARKUP = re.compile(r"<(script|img|svg|iframe)\b|" + CODE_IN_TAG.pattern, re.I)


def _markdown_of_the_site() -> markdown.Markdown:
    extensions = generate.markdown_extensions(generate.base_config(REPO), "sv")
    return markdown.Markdown(extensions=[name for name, _ in extensions], extension_configs=dict(extensions))


def build_without_the_check(root: Path) -> None:
    """Every language's site from content the check refuses, as if the check had been skipped; the
    engine's own link warnings (about the javascript: links) must not stop the build either."""
    manual = pipeline.check(root).manual
    for lang in layout.SITES:
        source = generate.generate_language(root, manual, lang, root / layout.GENERATED / lang)
        config = yaml.safe_load(source.config_file.read_text(encoding="utf-8"))
        source.config_file.write_text(yaml.safe_dump({**config, "strict": False}, allow_unicode=True), encoding="utf-8")
        engine.build(source.config_file, root / "site" / source.url_prefix)
        engine.finish(root / "site" / source.url_prefix, manual, lang, root)


# the data of the branching player and of the debrief across groups
DATA_ISLAND = re.compile(
    r'<script (?=[^>]*type="application/json")(?=[^>]*class="(?:branching-graph|manual-sessions__data)")[^>]*>'
    r"[^<]*</script>"
)


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_field_is_escaped_when_rendered(lang: str) -> None:
    manual = load_manual(FIXTURES / "minimal").manual
    bad = type(manual)(
        **{
            name: tuple(poisoned(list(value), name)) if isinstance(value, tuple) else value
            for name in manual.__dataclass_fields__
            for value in [getattr(manual, name)]
        }
    )
    renderer = Renderer(bad, lang)
    md = _markdown_of_the_site()
    rendered = 0
    for page in renderer.pages():
        # the graphs as JSON: tojson escapes < > &, so the island holds no '<' and cannot be closed early
        content = DATA_ISLAND.sub("", page.content)
        assert not re.search(r"<(script|img|svg)\b", content), page.path
        html = DATA_ISLAND.sub("", md.reset().convert(page.content))
        # a table cell's label is its heading's plain text, quoted and escaped by the serialiser: text, not a tag
        html = re.sub(r' data-label="[^"<>]*"', "", html)
        assert not RAW_MARKUP.search(html), (page.path, RAW_MARKUP.search(html).group(0))
        rendered += html.count("entity-")
    assert rendered > 20, "the payloads did not reach the pages: the test no longer tests anything"
    nav = yaml.safe_dump(renderer.nav([]), allow_unicode=True)
    assert "entity-" in nav and not re.search(r"<(script|img|svg)\b", nav)


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "text {: onclick=alert(1) }",
        "[x](#){: onmouseover=alert(1) }",
    ],
)
def test_markdown_links_and_attributes_cannot_run_code(text: str) -> None:
    html = _markdown_of_the_site().convert(text)
    assert not CODE_IN_TAG.search(html) and '="data:' not in html, html


@pytest.mark.parametrize(
    "text",
    [
        "![x](https://remote.example/x.png)",
        "![x](//remote.example/x.png)",
        "![x](/\\remote.example/x.png)",
        "![x][r]\n\n[r]: https://remote.example/x.png",
        'text\n{: style="background: url(https://remote.example/x.png)" }',
    ],
)
def test_nothing_in_markdown_fetches_from_another_host(text: str) -> None:
    html = _markdown_of_the_site().convert(text)
    assert "remote.example" not in html, html


def test_safe_links_survive() -> None:
    html = _markdown_of_the_site().convert("[a](https://example.se) [b](mailto:a@example.se) [c](tel:112) [d](../x/)")
    for href in ("https://example.se", "mailto:a@example.se", "tel:112", "../x/"):
        assert f'href="{href}"' in html


# ----- in Chromium: a site built from poisoned content, bypassing the check ---------------------

POISONED_FIELDS = {
    "steps/03-inledande-stod.yml": lambda d: (
        d.update(title=_both("step-title"), summary=_both("step-summary")),
        d["actors"][0]["tasks"][0].update(text=_both("task")),
        d["time_limits"][0].update(what=_both("limit")),
        d["legal"][0].update(about=_both("legal-about")),
    ),
    "steps/actors.yml": lambda d: d[0].update(name=_both("actor-name"), description=_both("actor-description")),
    "steps/shared/contacts.yml": lambda d: d[0].update(name=_both("emergency-name"), phone=payload("phone")),
    "steps/shared/sources.yml": lambda d: d[0].update(title=payload("source-title")),
    "steps/shared/laws.yml": lambda d: d[0].update(short=payload("law-short")),
}


def _both(marker: str) -> dict[str, str]:
    return {"sv": payload(f"{marker}-sv"), "en": payload(f"{marker}-en")}


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_repo(tmp_path_factory.mktemp("poisoned") / "repo", FIXTURES / "minimal")
    for rel, poison in POISONED_FIELDS.items():
        data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
        poison(data)
        (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert not pipeline.check(root).ok, "the check must refuse this content"
    build_without_the_check(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


INJECTED = "img[src='x'], svg[onload], a[href^='javascript' i], [onclick], [onerror], [onload], [onmouseover]"
POISONED_PAGES = [
    f"{prefix}{path}"
    for prefix in ("/", "/en/")
    for path in ("", "steg/inledande-stod/", "aktorer/socialtjansten/", "vem-gor-vad/")
]


@pytest.mark.parametrize("path", POISONED_PAGES)
def test_no_payload_runs_or_becomes_markup(page: Page, poisoned_site: str, path: str) -> None:
    events = watch(page)
    page.goto(poisoned_site + path, wait_until="networkidle")
    assert page.evaluate("window.__xss") is None
    assert page.locator(INJECTED).count() == 0
    assert "entity-" in page.locator("body").inner_text(), "the payloads are not on this page"
    assert events == []


def test_no_payload_runs_from_search_results(page: Page, poisoned_site: str) -> None:
    events = watch(page)
    page.goto(poisoned_site + "/steg/inledande-stod/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("link", delay=20)  # a word of every payload
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() > 0
    assert page.evaluate("window.__xss") is None
    assert page.locator(INJECTED).count() == 0
    assert events == []


# ----- in Chromium: every payload of the markup table, and nothing leaves the origin ------------

REMOTE = "https://remote.example"
# what the markup table of tests/test_checks.py tries, each reaching for another host
REMOTE_PAYLOADS = (
    f"![inline]({REMOTE}/inline.png)",
    f"![by reference][r]\n\n[r]: {REMOTE}/reference.png",
    "![slashes](//remote.example/slashes.png) ![backslash](/\\remote.example/backslash.png)",
    f'<img src="{REMOTE}/img.png" srcset="{REMOTE}/srcset.png 2x">',
    f'<iframe src="{REMOTE}/frame"></iframe>',
    f'<meta http-equiv="refresh" content="0;url={REMOTE}/refresh">',
    f'<link rel="prefetch" href="{REMOTE}/prefetch"><link rel="stylesheet" href="{REMOTE}/style.css">',
    f'<script src="{REMOTE}/script.js"></script><script src="x.js"></script>',
    f"<style>@import url({REMOTE}/import.css); body {{ background: url({REMOTE}/bg.png) }}</style>",
    f'<base href="{REMOTE}/"><img src="relative.png">',
    f'<object data="{REMOTE}/object"></object><embed src="{REMOTE}/embed"><video poster="{REMOTE}/poster.png"></video>',
    f'<svg><image href="{REMOTE}/svg.png"/></svg>',
    f'<form action="{REMOTE}/form"><input type="image" src="{REMOTE}/input.png"></form>',
    f'Text {{: style="background: url({REMOTE}/attr.png)" }}',
    f"[hidden]({REMOTE}/link){{: hidden }}",
)


def remote_payload(marker: str) -> str:
    return "\n\n".join((*REMOTE_PAYLOADS, f"entity-{marker}", payload(marker)))


def _remote_both(marker: str) -> dict[str, str]:
    return {"sv": remote_payload(f"{marker}-sv"), "en": remote_payload(f"{marker}-en")}


REMOTE_FIELDS = {
    "steps/03-inledande-stod.yml": lambda d: (
        d.update(summary=_remote_both("step-summary")),
        d["actors"][0]["tasks"][0].update(text=_remote_both("task")),
    ),
    "case_exercises/prov.yml": lambda d: d["nodes"]["borja"].update(text=_remote_both("exercise")),
}


def _handwritten(marker: str) -> str:
    title = f"</title><script>window.__xss='{marker}'</script><meta http-equiv=refresh content='0;url={REMOTE}/t'>"
    description = f'"><meta http-equiv="refresh" content="0;url={REMOTE}/description">'
    return f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n---\n\n# Extra\n\n" + (
        remote_payload(marker) + "\n"
    )


@pytest.fixture(scope="module")
def remote_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_repo(tmp_path_factory.mktemp("remote") / "repo", FIXTURES / "minimal")
    for rel, poison in REMOTE_FIELDS.items():
        data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
        poison(data)
        (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in LANGS:
        (root / "content" / lang).mkdir(parents=True, exist_ok=True)
        (root / "content" / lang / "extra.md").write_text(_handwritten(f"page-{lang}"), encoding="utf-8")
    assert not pipeline.check(root).ok, "the check must refuse this content"
    build_without_the_check(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


REMOTE_PAGES = [
    f"{prefix}{path}"
    for prefix in ("/", "/en/")
    for path in ("", "extra/", "steg/inledande-stod/", "aktorer/socialtjansten/", "ovningar/prov/", "utskrift/")
]


@pytest.mark.parametrize("path", REMOTE_PAGES)
def test_no_payload_makes_a_request_to_another_host(page: Page, remote_site: str, path: str) -> None:
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.on("framenavigated", lambda frame: requests.append(frame.url))
    events = watch(page)
    page.goto(remote_site + path, wait_until="networkidle")
    page.wait_for_timeout(1500)  # a meta refresh of 0 s, lazy images, fonts
    assert page.url.startswith(remote_site), page.url
    if path not in ("/", "/en/"):  # the start pages show the title in the nav only
        assert "entity-" in page.locator("body").inner_text(), "the payloads are not on this page"
    assert page.evaluate("window.__xss") is None
    # nothing the payloads tried became an element (the site's own policy <meta> and search form aside)
    injected = "iframe, object, embed, base, meta[http-equiv]:not([http-equiv='Content-Security-Policy']), form[action]"
    assert page.locator(injected + ", svg image, link[href*='remote']").count() == 0
    elsewhere = [url for url in requests if not url.startswith((remote_site, "data:", "blob:", "about:"))]
    assert elsewhere == []
    assert not [e for e in events if "CSP violation" not in e], events


class _Elements(HTMLParser):
    """The elements of a page as a browser parses them: (tag, attributes), and the text of <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.inline_scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in = tag if tag in ("title", "script") else None
        if tag == "script":
            self.inline_scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.inline_scripts[-1] += data


@pytest.mark.parametrize("lang", LANGS)
def test_front_matter_title_and_description_are_escaped(remote_site: str, lang: str) -> None:
    """The title reaches every page's navigation and the page's <title>, the description a <meta>:
    both arrive as text, never as elements."""
    import urllib.request

    prefix = "/" if lang == "sv" else "/en/"
    title = f"</title><script>window.__xss='page-{lang}'</script>"
    for path in ("", "extra/"):
        with urllib.request.urlopen(remote_site + prefix + path) as response:
            parsed = _Elements()
            parsed.feed(response.read().decode("utf-8"))
        equivs = [attrs.get("http-equiv") for tag, attrs in parsed.elements if tag == "meta" and "http-equiv" in attrs]
        assert equivs == ["Content-Security-Policy"], equivs  # the site's own policy, nothing from the page
        assert not [code for code in parsed.inline_scripts if "__xss" in code]
        if path == "extra/":
            assert parsed.title.startswith(title), parsed.title  # shown as written, as text
            description = next(
                a["content"] for t, a in parsed.elements if t == "meta" and a.get("name") == "description"
            )
            assert "refresh" in (description or "")  # the description is an attribute value, as written
