"""Every text exists in Swedish and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as m
from ..model import LANGUAGES, Localized, Manual
from ..problems import Problem
from .walk import all_nodes

if TYPE_CHECKING:
    from . import CheckOptions

LANGUAGE_NAMES = {"sv": "Swedish text (sv)", "en": "English translation (en)"}


def check_translations(manual: Manual, options: CheckOptions) -> list[Problem]:
    return [
        m.MISSING_TRANSLATION.at(node.path, node.origin.line if node.origin else 1, language=LANGUAGE_NAMES[lang])
        for node in all_nodes(manual)
        if isinstance(node, Localized)
        for lang in LANGUAGES
        if not getattr(node, lang)
    ]
