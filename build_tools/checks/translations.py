"""Every text exists in every site language (the language table's `site` languages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as m
from ..languages import BY_CODE, FIRST_SITE_LANGUAGE
from ..model import LANGUAGES, Localized, Manual
from ..problems import Problem
from .walk import all_nodes

if TYPE_CHECKING:
    from . import CheckOptions

# "Swedish text (sv)" for the language the content is written in first, "English translation (en)" for the others
LANGUAGE_NAMES = {
    lang: f"{BY_CODE[lang].name_en} {'text' if lang == FIRST_SITE_LANGUAGE else 'translation'} ({lang})"
    for lang in LANGUAGES
}


def check_translations(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [
        m.MISSING_TRANSLATION.at(node.path, node.origin.line if node.origin else 1, language=LANGUAGE_NAMES[lang])
        for node in all_nodes(manual)
        if isinstance(node, Localized)
        for lang in LANGUAGES
        if not getattr(node, lang)
    ]
