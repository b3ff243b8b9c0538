"""'På den här sidan': a page's links to its sections, right after its title (a Markdown extension).

A page asks for them with an empty `<nav class="manual-jump" aria-label="…" markdown></nav>`; after
the table of contents has given every heading its id, the nav is moved after the page's `<h1>` and
filled with a link to each `<h2>`. Shown on phones, where the theme's table of contents sits in the
menu (assets/manual/manual.css). Plain Python-Markdown: every engine that renders with it keeps it.
"""

from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

CLASS = "manual-jump"


def marker(label: str) -> str:
    """What a page's Markdown writes to get its jump links."""
    # navigation, not content: the site's search and `manual search` leave it out
    return f'<nav class="{CLASS}" aria-label="{label}" data-search-exclude markdown></nav>'


class _JumpLinks(Treeprocessor):
    def heading_text(self, heading: ET.Element) -> str:
        """The heading as plain text, as the table of contents names it (without the permalink's ¶)."""
        bare = copy.deepcopy(heading)
        for permalink in [child for child in bare if child.get("class") == "headerlink"]:
            bare.remove(permalink)
        return html.unescape(strip_tags(render_inner_html(bare, self.md)))

    def run(self, root: ET.Element) -> None:
        nav = next((element for element in root.iter("nav") if element.get("class") == CLASS), None)
        if nav is None:
            return
        root.remove(nav)
        sections = [(h2.get("id"), self.heading_text(h2)) for h2 in root.iter("h2") if h2.get("id")]
        if not sections:
            return
        title = ET.SubElement(nav, "h2", {"class": f"{CLASS}__title"})
        title.text = nav.get("aria-label")
        items = ET.SubElement(nav, "ul")
        for anchor, text in sections:
            link = ET.SubElement(ET.SubElement(items, "li"), "a", {"href": f"#{anchor}"})
            link.text = text
        heading = next((index for index, element in enumerate(root) if element.tag == "h1"), -1)
        root.insert(heading + 1, nav)


class JumpLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.treeprocessors.register(_JumpLinks(md), "manual_jump_links", 4)  # after the toc's ids (5)


def makeExtension(**kwargs: object) -> JumpLinksExtension:  # Python-Markdown's entry point
    return JumpLinksExtension(**kwargs)
