"""Where things live in the repository: every folder and file name the tools read, written once.

The checks, the loader, the build, search, `manual serve` and the change notes all take their lists
from here, so a new content folder cannot be forgotten by one of them.
"""

from __future__ import annotations

from .languages import LANGUAGE_TABLE

STEPS = "steps"
SHARED = f"{STEPS}/shared"
EXERCISES = "case_exercises"
AID = "decision_aid"
PAGES = "content"  # hand-written pages, one folder per site language
OVERRIDES = "overrides"  # the theme's templates, styles and scripts of this site
SCHEMAS = "schemas"
BASE_CONFIG = "mkdocs.yml"  # the engine's settings for every language; `manual generate` adds the rest
GENERATED = "build/source"  # where `manual generate` writes each language's complete site source

DATA_FOLDERS = (STEPS, EXERCISES, AID)  # the YAML content
CONTENT_FOLDERS = (*DATA_FOLDERS, PAGES)  # everything an editor writes


# the URL prefix of each site language's pages ("" or "en/"); the first language owns the root
SITES: dict[str, str] = {language.code: language.url_prefix or "" for language in LANGUAGE_TABLE if language.site}
# what a build needs besides the content: the base configuration, theme overrides, hand-written pages
SITE_SOURCES = (BASE_CONFIG, OVERRIDES, PAGES)
# what a check reads: the content, the theme overrides (a page must not replace them) and the schemas
CHECKED = (*CONTENT_FOLDERS, OVERRIDES, SCHEMAS)
