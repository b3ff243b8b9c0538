"""What a text may contain: Markdown, but no raw HTML, no script links, no HTML attributes, and
no images from other sites (the site requests nothing from other hosts).

`find_unsafe` is what the check reports; `SafeLinksExtension` is the second line of defence that
removes script links and event handlers from every rendered Markdown page, even if the check
were skipped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, Literal

import yaml
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"})

# an HTML tag or comment, but not an autolink like <https://…> or <name@example.se>
HTML_TAG = re.compile(r"<(?:!--.*?(?:-->|$)|[/!?]?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)[^>]*>?)", re.S)
# Markdown link targets: [text](target), [id]: target, <scheme:…>
LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)>\s]*)"  # inline link or image
    r"|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$"  # reference definition
    r"|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>",  # autolink
    re.M,
)
# a Markdown image whose address names a host: ![text](https://…) or ![text](//…)
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:[A-Za-z][A-Za-z0-9+.-]*:)?[/\\][/\\][^)>\s]*)")
# Python-Markdown's attr_list syntax: {: #id .class key=value } (the colon is optional)
ATTRIBUTE_LIST = re.compile(r"\{(:?)[ ]*([^}\n ][^}\n]*)\}")
ATTRIBUTE_TOKENS = re.compile(r"^(?:[#.]?[\w-]+(?:=\S+)?\s*)+$")
# a reference-style image ![text][label] or ![label], and the definitions of the labels
REFERENCE_IMAGE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")
REFERENCE_DEFINITION = re.compile(r"^\s*\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$", re.M)
SCRIPT_SCHEME = re.compile(r"(?:java|vb)script:")
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Unsafe:
    kind: Literal["html", "link", "attributes", "remote-image"]
    text: str


def link_scheme(target: str) -> str | None:
    """The scheme a browser would see (it ignores spaces and control characters), or None if relative."""
    cleaned = CONTROL_AND_SPACE.sub("", html.unescape(target)).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def is_safe_url(target: str) -> bool:
    scheme = link_scheme(target)
    return scheme is None or scheme in SAFE_SCHEMES


# every finding needs one of these: '<' (a tag, an autolink), ']' (a link, an image, a definition),
# '{' (an attribute list) or ':' (a script scheme), or '&' (an entity that may spell any of them)
MARKUP_CHARACTER = re.compile(r"[<\]{:&]")


def find_unsafe(text: str) -> list[Unsafe]:
    if not MARKUP_CHARACTER.search(text):
        return []  # most texts are plain sentences: nine in ten of the content's
    found = [Unsafe("html", match.group(0)) for match in HTML_TAG.finditer(text)]
    targets = [next(group for group in match.groups() if group is not None) for match in LINK_TARGET.finditer(text)]
    found += [Unsafe("link", target) for target in targets if not is_safe_url(target)]
    if not any(item.kind == "link" for item in found):
        # a script link hidden from the patterns above, e.g. split by a tab that browsers drop
        squeezed = CONTROL_AND_SPACE.sub("", html.unescape(text)).lower()
        found += [Unsafe("link", match.group(0)) for match in SCRIPT_SCHEME.finditer(squeezed)]
    found += [Unsafe("remote-image", match.group(1)) for match in REMOTE_IMAGE.finditer(text)]
    definitions = {label.strip().lower(): target for label, target in REFERENCE_DEFINITION.findall(text)}
    for match in REFERENCE_IMAGE.finditer(text):
        target = definitions.get((match.group(2) or match.group(1)).strip().lower(), "")
        if is_remote(target):
            found.append(Unsafe("remote-image", target))
    for match in ATTRIBUTE_LIST.finditer(text):
        inner = match.group(2).strip()
        # {: … } always; {#id}, {.class}, {key=value} and bare attribute names such as {hidden}
        if match.group(1) or "=" in inner or inner.startswith((".", "#", ":")) or ATTRIBUTE_TOKENS.match(inner):
            found.append(Unsafe("attributes", match.group(0)))
    return found


def without_closing_tags(found: list[Unsafe]) -> list[Unsafe]:
    """'<b>…</b>' is one problem, said at the opening tag."""
    opened = {item.text[1:].split(None, 1)[0].rstrip(">").lower() for item in found if item.kind == "html"}
    return [
        item
        for item in found
        if not (item.kind == "html" and item.text.startswith("</") and item.text[2:].rstrip(">").lower() in opened)
    ]


def is_remote(target: str) -> bool:
    """An address on another host: a scheme with //, or a path that browsers read as one (//host, /\\host)."""
    cleaned = CONTROL_AND_SPACE.sub("", html.unescape(target)).replace("\\", "/")
    return bool(re.match(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//", cleaned))


def internal_links(text: str) -> list[str]:
    """Link and image targets inside the site (a relative path, /path or #anchor): no scheme."""
    if "]" not in text and "<" not in text:
        return []  # each kind of LINK_TARGET needs one of them; most texts have no link at all
    targets = [next(group for group in match.groups() if group is not None) for match in LINK_TARGET.finditer(text)]
    return [target for target in targets if target and link_scheme(target) is None and not is_remote(target)]


def escape_html(text: str) -> str:
    """Raw HTML shown as text: the second line of defence for hand-written pages, whose markup the
    check refuses (a `<meta http-equiv=refresh>` would leave the site, and no CSP stops it)."""
    return HTML_TAG.sub(lambda match: html.escape(match.group(0)), text)


# YAML front matter: a block between two lines of three dashes at the very start of a page
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    """A page's front matter (a mapping, or empty when it has none or it is not a mapping) and its body."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, source
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, source
    if not isinstance(meta, dict):
        return {}, source
    return meta, source[match.end() :]


def escape_front_matter(meta: dict[str, object]) -> None:
    """Front-matter texts reach the theme's templates unescaped (the title into every page's navigation)."""
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = html.escape(value)


# attributes that make the browser fetch on its own (a link's href waits for a click)
FETCHING_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "xlink:href"})


def _fetches_elsewhere(name: str, value: str) -> bool:
    if name == "srcset":
        return any(is_remote(part.strip().split(" ")[0]) for part in value.split(",") if part.strip())
    return name in FETCHING_ATTRIBUTES and is_remote(value)


class _SafeLinks(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                lowered = name.lower()
                value = element.attrib[name]
                if (
                    lowered.startswith("on")
                    or lowered == "style"  # url(…) in a style would fetch from another host
                    or (lowered in URL_ATTRIBUTES and not is_safe_url(value))
                    or _fetches_elsewhere(lowered, value)
                ):
                    del element.attrib[name]


# Python-Markdown's placeholder for stashed raw HTML inside a text
STASH_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")


def header_label(cell: ET.Element) -> str:
    return " ".join(STASH_PLACEHOLDER.sub(" ", "".join(cell.itertext())).split())


class _TableLabels(Treeprocessor):
    """Gives every data cell its column's heading as `data-label`, so that on a phone the CSS can
    stack a table into labelled rows (one card per row) instead of letting it overflow."""

    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [header_label(cell) for cell in head if cell.tag in ("th", "td")]
            for row in table.iterfind("tbody/tr"):
                for index, cell in enumerate(c for c in row if c.tag in ("td", "th")):
                    if index < len(labels) and labels[index]:
                        cell.set("data-label", labels[index])


class SafeLinksExtension(Extension):
    """Drops event handlers, styles, script/data links and images from other hosts; labels table cells."""

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        # after attr_list (8) and after MkDocs resolves relative links (0), which needs every href
        md.treeprocessors.register(_SafeLinks(md), "manual_safe_links", -1)
        md.treeprocessors.register(_TableLabels(md), "manual_table_labels", -2)


def makeExtension(**kwargs: object) -> SafeLinksExtension:  # Python-Markdown's entry point
    return SafeLinksExtension(**kwargs)
