"""Site-wide values the theme templates need, derived from the model (never typed twice)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Manual
from .render import emergency_contacts, ui_strings

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
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


def other_language(lang: str) -> str:
    return "en" if lang == "sv" else "sv"


def handwritten_pages(docs_dir: Path) -> list[str]:
    """Markdown pages written by hand, in a stable order, for the navigation."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).parts[0].startswith(("assets", "."))
    )


def extra(manual: Manual, lang: str) -> dict[str, Any]:
    other = other_language(lang)
    return {
        "alternate": OtherLanguage(LANGUAGE_NAMES[other], other, OTHER_LANGUAGE_PREFIX[lang]),
        "manual": {
            "lang": lang,
            "search_label": ui_strings()["search_label"][lang],
            "emergency_label": ui_strings()["emergency_label"][lang],
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
