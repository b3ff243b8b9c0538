"""The searchable sections of the manual, made from the model without building the site.

The pages are the ones the site shows: the Renderer's pages (from the model) plus the hand-written
pages of the language's docs dir. They are cut at their headings, with the anchors Python-Markdown
gives them in the site, so a result links to the same section as the site's own search.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import markdown

from .. import layout
from ..generate import base_config, markdown_extensions
from ..markup import split_front_matter
from ..model import Manual
from ..render import GLOSSARY_PATH, Renderer, ui_strings
from ..site_config import handwritten_pages
from .language import TAG

SITES = layout.SITES
HEADING = re.compile(r'<h([1-6])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
SPACE = re.compile(r"\s+")
SPACE_BEFORE_PUNCTUATION = re.compile(r" ([,.;:)])")
# what the site's search leaves out too (Material skips elements marked data-search-exclude)
EXCLUDED = re.compile(r"<(\w+)[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", re.DOTALL)


# Lists that only cite rank below the section that explains, when both match: the legal references
# of a step name the laws its text explains (its heading is the UI string `legal`)
CITING_WEIGHT = 0.5


def citing_weight(url: str, title: str, lang: str) -> float:
    """The weight of a section by what it is: 1, or less for a list that only cites (a step's legal
    references, an entry of the glossary, whose one line names a term the steps explain)."""
    if "#" not in url:
        return 1.0
    glossary = SITES[lang] + relative_url(GLOSSARY_PATH)
    cites = _plain(title) == ui_strings()["legal"][lang] or url.startswith(
        (glossary + "#", relative_url(GLOSSARY_PATH) + "#")
    )
    return CITING_WEIGHT if cites else 1.0


@dataclass(frozen=True)
class SearchSection:
    title: str
    url: str
    text: str
    page_title: str
    lang: str
    boost: float = 1.0  # the page's `search: boost` front matter, as in the site's search


def relative_url(path: str) -> str:
    """`steg/identifiering.md` -> `steg/identifiering/`: the URL inside one language's site."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_url(path: str, lang: str) -> str:
    """The URL from the root of the whole site: `en/steg/identifiering/` in English."""
    return SITES[lang] + relative_url(path)


def _plain(fragment: str) -> str:
    text = SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)  # '<a>betänketid</a>,' -> 'betänketid,'


def _markdown_converter(root: Path, lang: str) -> markdown.Markdown:
    """Python-Markdown with the site's extensions and options, as the engine renders the pages."""
    extensions = markdown_extensions(base_config(root), lang)
    return markdown.Markdown(extensions=[name for name, _ in extensions], extension_configs=dict(extensions))


def page_sections(source: str, url: str, lang: str, converter: markdown.Markdown) -> list[SearchSection]:
    meta, body = split_front_matter(source)
    search = meta.get("search") or {}
    if search.get("exclude"):
        return []
    converted = EXCLUDED.sub("", PERMALINK.sub("", converter.reset().convert(body)))
    headings = list(HEADING.finditer(converted))
    if not headings:
        return []
    page_title = _plain(headings[0].group(3))
    sections = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(converted)
        anchor = "" if index == 0 else "#" + heading.group(2)
        title = _plain(heading.group(3))
        text = _plain(converted[heading.end() : end])
        boost = float(search.get("boost", 1)) * citing_weight(url + anchor, title, lang)
        sections.append(SearchSection(title, url + anchor, text, page_title, lang, boost))
    return sections


def manual_sections(manual: Manual, root: Path, lang: str) -> list[SearchSection]:
    """Every section of every page of the site in `lang`."""
    converter = _markdown_converter(root, lang)
    sources = [(page.path, page.content) for page in Renderer(manual, lang).pages()]
    generated = {path for path, _ in sources}
    docs_dir = root / layout.PAGES / lang
    if docs_dir.is_dir():
        sources += [
            (path, (docs_dir / path).read_text(encoding="utf-8"))
            for path in handwritten_pages(docs_dir)
            if path not in generated
        ]
    return [
        section for path, source in sources for section in page_sections(source, page_url(path, lang), lang, converter)
    ]
