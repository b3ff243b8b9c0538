"""Site-wide values the theme templates need, derived from the model (never typed twice)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .languages import BY_CODE, SITE_LANGUAGES
from .model import Manual
from .render import AID_PATH, CONTACTS_PATH, GLOSSARY_PATH, emergency_contacts, step_path, ui_strings
from .sheets import EASY_READ_PATH

LANGUAGE_NAMES = {code: BY_CODE[code].name for code in SITE_LANGUAGES}
# where the other language's copy of the current page lives, relative to this site's root
OTHER_LANGUAGE_PREFIX = {"sv": "en/", "en": "../"}


@dataclass(frozen=True)
class OtherLanguage:
    """The other language of the manual, for the language switch (overrides/partials/alternate.html).

    Deliberately not a list: Material's header shows the switch for any truthy `extra.alternate`, but
    only emits `<link rel="alternate" hreflang>` for an iterable one, and those relative links are
    invalid hreflang (Lighthouse SEO) and make Material reroute clicks through sitemap.xml.
    """

    name: str
    lang: str
    link: str


# The theme's inline scripts that contain no template code are the same on every page; the CSP
# allows exactly those by hash. The one that varies per page is moved into a file by
# overrides/partials/javascripts/base.html.
THEME_SCRIPTS = ("material", "templates/partials/javascripts")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CSP_DIRECTIVES = (
    "default-src 'self'",
    "img-src 'self' data:",
    # style attributes only (Markdown's aligned table cells); no <style> elements from elsewhere
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


@cache
def theme_script_hashes() -> tuple[str, ...]:
    package, folder = THEME_SCRIPTS
    scripts = [
        match.group(1)
        for partial in sorted(resources.files(package).joinpath(folder).iterdir(), key=lambda p: p.name)
        if partial.name.endswith(".html")
        for match in INLINE_SCRIPT.finditer(partial.read_text(encoding="utf-8"))
        if "{{" not in match.group(1) and "{%" not in match.group(1)
    ]
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
        for script in scripts
    )


def content_security_policy(offline: bool = False) -> str:
    """The page's CSP. The offline edition must allow inline scripts: its web-worker shim (iframe-worker)
    writes an inline bootstrap that names the worker's file path, which depends on where the zip is
    unpacked, so no hash can be known at build time."""
    scripts = ("'unsafe-inline'",) if offline else theme_script_hashes()
    return "; ".join((*CSP_DIRECTIVES, " ".join(("script-src 'self'", *scripts))))


def other_language(lang: str) -> str:
    return "en" if lang == "sv" else "sv"


def handwritten_pages(docs_dir: Path) -> list[str]:
    """Markdown pages written by hand, in a stable order, for the navigation."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).parts[0].startswith(("assets", "."))
    )


def extra(manual: Manual, lang: str, offline: bool = False) -> dict[str, Any]:
    other = other_language(lang)
    return {
        "alternate": OtherLanguage(LANGUAGE_NAMES[other], other, OTHER_LANGUAGE_PREFIX[lang]),
        "manual": {
            "lang": lang,
            "search_label": ui_strings()["search_label"][lang],
            "content_security_policy": content_security_policy(offline),
            "emergency_label": ui_strings()["emergency_label"][lang],
            # the decision aid, linked from every page; the offline edition has plain .html addresses
            "aid": {
                "label": ui_strings()["aid_nav"][lang],
                "href": AID_PATH.removesuffix(".md") + (".html" if offline else "/"),
                "source": AID_PATH,
            }
            if manual.decision_aids
            else None,
            # the header's "Lättläst": the information sheets in lättläst Swedish
            "easy_read": {
                "label": ui_strings()["easy_read_nav"][lang],
                "href": page_href(EASY_READ_PATH, offline),
                "source": EASY_READ_PATH,
            }
            if manual.sheets
            else None,
            "search_help": search_help(manual, lang, offline),
            "emergency": [
                {
                    "name": c.name.get(lang),
                    "phone": c.phone,
                    "tel": c.tel_uri,
                    "hours": c.hours.get(lang) if c.hours else "",
                }
                for c in emergency_contacts(manual)
            ],
        },
    }


def page_href(path: str, offline: bool) -> str:
    """`ordlista.md` -> `ordlista/`, or `ordlista.html` in the offline edition (plain .html links)."""
    return path.removesuffix(".md") + (".html" if offline else "/")


def search_help(manual: Manual, lang: str, offline: bool) -> dict[str, Any]:
    """What the search panel offers when a search finds nothing: ways on, never an empty panel."""
    strings = ui_strings()
    ways = [(strings["glossary_title"][lang], GLOSSARY_PATH), (strings["contacts"][lang], CONTACTS_PATH)]
    if manual.decision_aids:
        ways.insert(0, (strings["aid_nav"][lang], AID_PATH))
    return {
        "did_you_mean": strings["search_did_you_mean"][lang],
        "ways_on": strings["search_ways_on"][lang],
        "steps_label": strings["search_steps"][lang],
        "links": [{"label": label, "href": page_href(path, offline)} for label, path in ways],
        "steps": [
            {"label": f"{step.number}. {step.title.get(lang)}", "href": page_href(step_path(step), offline)}
            for step in manual.steps
        ],
    }
