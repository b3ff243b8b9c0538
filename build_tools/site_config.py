"""Site-wide values the theme templates need, derived from the model (never typed twice)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from . import engine
from .languages import BY_CODE, FIRST_SITE_LANGUAGE, SITE_LANGUAGES
from .model import Manual
from .render import (
    AID_PATH,
    CONTACTS_PATH,
    GLOSSARY_PATH,
    emergency_contacts,
    step_path,
    ui_strings,
)
from .sheets import EASY_READ_PATH

LANGUAGE_NAMES = {code: BY_CODE[code].name for code in SITE_LANGUAGES}


def site_root(lang: str) -> str:
    """From a site language's root up to the root of the whole site: "" for the first, "../" for "en/"."""
    return "../" * (BY_CODE[lang].url_prefix or "").count("/")


def language_prefix(lang: str, other: str) -> str:
    """Where `other`'s copy of the current page lives, relative to `lang`'s root: "en/", "../"."""
    return site_root(lang) + (BY_CODE[other].url_prefix or "")


@dataclass(frozen=True)
class OtherLanguage:
    """A site language in the language switch: its name (in itself), its tag and its root from here."""

    name: str
    lang: str
    link: str


@dataclass(frozen=True)
class LanguageSwitch:
    """The language switch of the header (overrides/partials/alternate.html): a link to the other
    language when the site has two, a menu of every site language when it has more."""

    label: str  # what the menu is called ("Språk"), in this language
    current: OtherLanguage  # this page's language (its link: "", this language's own root)
    others: tuple[OtherLanguage, ...]
    languages: tuple[OtherLanguage, ...]  # every site language, in the table's order: what the menu lists
    menu: bool  # more than one other language: a menu instead of a link


def language_switch(lang: str) -> LanguageSwitch:
    def entry(code: str) -> OtherLanguage:
        return OtherLanguage(LANGUAGE_NAMES[code], BY_CODE[code].lang, language_prefix(lang, code))

    return LanguageSwitch(
        label=ui_strings()["language_menu"][lang],
        current=entry(lang),
        others=tuple(entry(code) for code in SITE_LANGUAGES if code != lang),
        languages=tuple(entry(code) for code in SITE_LANGUAGES),
        menu=len(SITE_LANGUAGES) > 2,
    )


# the theme shows its language switch for a true `extra.alternate`; it is `true`, not the list of
# languages, because the theme writes `<link rel="alternate" hreflang>` for a list, and those relative
# links are invalid hreflang (Lighthouse SEO) and make it reroute clicks through sitemap.xml. The
# switch reads `extra.manual.alternate`.
SHOW_LANGUAGE_SWITCH = True
CSP_DIRECTIVES = (
    "default-src 'self'",
    "img-src 'self' data:",
    # style attributes only (Markdown's aligned table cells); no <style> elements from elsewhere
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    # the search runs in a worker from the site's own files; nothing is framed
    "worker-src 'self'",
)
# the offline edition's search shim (iframe-worker) runs the worker in a hidden same-document frame
FRAMES = {False: ("frame-src 'none'", "child-src 'none'"), True: ("frame-src 'self'", "child-src 'self'")}


@cache
def theme_script_hashes() -> tuple[str, ...]:
    """The CSP's hashes of the theme's fixed inline scripts."""
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
        for script in engine.theme_inline_scripts()
    )


def content_security_policy(offline: bool = False) -> str:
    """The page's CSP. The offline edition must allow inline scripts: its web-worker shim (iframe-worker)
    writes an inline bootstrap that names the worker's file path, which depends on where the zip is
    unpacked, so no hash can be known at build time."""
    scripts = ("'unsafe-inline'",) if offline else theme_script_hashes()
    return "; ".join((*CSP_DIRECTIVES, *FRAMES[offline], " ".join(("script-src 'self'", *scripts))))


def handwritten_pages(docs_dir: Path) -> list[str]:
    """Markdown pages written by hand, in a stable order, for the navigation."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).parts[0].startswith(("assets", ".")) and not path.is_symlink()
    )


def content_date(manual: Manual) -> date | None:
    """The content's date: the newest review of a step or an actor (from the data, not the clock)."""
    days = [step.last_reviewed for step in manual.steps] + [actor.last_reviewed for actor in manual.actors]
    return max(days) if days else None


def site_href(target: str, offline: bool) -> str:
    """A link from the edition settings: a page of this site ('x.md#part') or an address as written."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
        return target
    path, _, fragment = target.partition("#")
    if offline:
        url = path.removesuffix(".md") + ".html"
    else:
        stem = path.removesuffix(".md")
        url = "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
    return url + (f"#{fragment}" if fragment else "")


def edition(settings: dict[str, Any] | None, manual: Manual, lang: str, offline: bool) -> dict[str, Any]:
    """What the header and footer say about this edition, from `extra.edition` in mkdocs.yml."""
    settings = settings or {}

    def localized(value: Any) -> str:
        if isinstance(value, dict):
            return str(value.get(lang) or value.get(FIRST_SITE_LANGUAGE) or "")
        return str(value or "")

    strings = ui_strings()
    day = content_date(manual)
    feedback = localized(settings.get("feedback"))
    return {
        "official": bool(settings.get("official")),
        "label": strings["edition_official" if settings.get("official") else "edition_unofficial"][lang],
        "maintainer": localized(settings.get("maintainer")),
        "feedback": site_href(feedback, offline) if feedback else "",
        "version": str(settings.get("version") or ""),
        "content_date": day.isoformat() if day else "",
    }


def extra(
    manual: Manual, lang: str, offline: bool = False, edition_settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "alternate": SHOW_LANGUAGE_SWITCH,
        "manual": {
            "alternate": language_switch(lang),
            "lang": lang,
            "offline": offline,
            "short_name": ui_strings()["app_short_name"][lang],
            # the service worker lives at the root of the first language's site, which holds the others
            "service_worker": site_root(lang) + "sw.js",
            "edition": edition(edition_settings, manual, lang, offline),
            "ui": {key: value[lang] for key, value in ui_strings().items() if key.startswith("site_ui_")},
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
            "regions": [
                {
                    "id": region.id,
                    "name": region.name.get(lang),
                    "counties": region.counties,
                    "contacts": [
                        {"name": c.name.get(lang), "phone": c.phone, "tel": c.tel_uri}
                        for c in (manual.contact_by_id[i] for i in region.contacts if i in manual.contact_by_id)
                        if c.phone
                    ],
                }
                for region in manual.regions
            ],
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
