"""Site-wide values the theme templates need, derived from the model (never typed twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Manual
from .render import emergency_contacts, ui_strings

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}
# where the other language's copy of the current page lives, relative to this site's root
OTHER_LANGUAGE_PREFIX = {"sv": "en/", "en": "../"}


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
        "alternate": [{"name": LANGUAGE_NAMES[other], "lang": other, "link": OTHER_LANGUAGE_PREFIX[lang]}],
        "manual": {
            "lang": lang,
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
