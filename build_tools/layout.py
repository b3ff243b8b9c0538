"""Where things live in the repository: every folder and file name the tools read, written once.

The checks, the loader, the build, search, `manual serve` and the change notes all take their lists
from here, so a new content folder cannot be forgotten by one of them.
"""

from __future__ import annotations

from .languages import LANGUAGE_TABLE, SITE_LANGUAGES

STEPS = "steps"
SHARED = f"{STEPS}/shared"
EXERCISES = "case_exercises"
AID = "decision_aid"
PAGES = "content"  # hand-written pages, one folder per site language
OVERRIDES = "overrides"  # the theme's templates, styles and scripts of this site
SCHEMAS = "schemas"
HOOKS = "hooks"

DATA_FOLDERS = (STEPS, EXERCISES, AID)  # the YAML content
CONTENT_FOLDERS = (*DATA_FOLDERS, PAGES)  # everything an editor writes


def site_config(code: str) -> str:
    """The site configuration of one site language: the first language's is the plain mkdocs.yml."""
    return "mkdocs.yml" if code == SITE_LANGUAGES[0] else f"mkdocs.{code}.yml"


# (site configuration, URL prefix of the language's pages) per site language; the first owns the root
SITES: dict[str, tuple[str, str]] = {
    language.code: (site_config(language.code), language.url_prefix or "")
    for language in LANGUAGE_TABLE
    if language.site
}
SITE_CONFIGS = tuple(config for config, _ in SITES.values())
# what a build needs besides the content: site configuration, hooks, theme overrides, hand-written pages
SITE_SOURCES = (*SITE_CONFIGS, HOOKS, OVERRIDES, PAGES)
# what a check reads: the content, the theme overrides (a page must not replace them) and the schemas
CHECKED = (*CONTENT_FOLDERS, OVERRIDES, SCHEMAS)
