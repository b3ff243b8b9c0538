"""Pages generated from the model with the Jinja templates in build_tools/templates/."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

from .history import ContentHistory
from .model import Actor, Contact, LegalRef, Localized, Manual, Step

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    content: str


def step_path(step: Step) -> str:
    return f"steg/{step.id}.md"


def actor_path(actor: Actor) -> str:
    return f"aktorer/{actor.id}.md"


MATRIX_PATH = "vem-gor-vad.md"
INDEX_PATH = "index.md"
CHANGES_PATH = "andringar.md"
MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_literal(text: str) -> str:
    """Text shown exactly as written (e.g. a commit summary): Markdown syntax is escaped."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", text)


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"))


class Renderer:
    """Renders the pages of one language; every page knows its own path for relative links."""

    def __init__(self, manual: Manual, lang: str, history: ContentHistory | None = None):
        self.manual = manual
        self.lang = lang
        self.history = history or ContentHistory()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["t"] = self.text
        self.env.filters["markdown_literal"] = markdown_literal
        self.env.globals.update(
            ui=self.ui,
            cite=self.cite,
            law_url=self.law_url,
            manual=manual,
            lang=lang,
            step_path=step_path,
            actor_path=actor_path,
            matrix_path=MATRIX_PATH,
            changes_path=CHANGES_PATH,
            history=self.history,
            step_of_file=self.step_of_file,
            actor_names=self.actor_names,
        )

    def text(self, value: Localized | None) -> str:
        return value.get(self.lang) if value is not None else ""

    def nav_title(self, value: Localized) -> str:
        """A title for MkDocs' navigation, which the theme inserts as HTML without escaping it."""
        return html.escape(self.text(value), quote=False)

    def step_of_file(self, path: str) -> Step | None:
        return next((step for step in self.manual.steps if step.path == path), None)

    def ui(self, key: str) -> str:
        return ui_strings()[key][self.lang]

    def actor_names(self, ids: list[str]) -> str:
        names = [self.text(self.manual.actor_by_id[i].name) for i in ids if i in self.manual.actor_by_id]
        if len(names) < 2:
            return "".join(names)
        return ", ".join(names[:-1]) + f" {self.ui('and')} " + names[-1]

    def cite(self, ref: LegalRef) -> str:
        """A legal reference as people write it: 'BrB 4 kap. 1 a §' / 'BrB ch. 4 s. 1 a'."""
        law = self.manual.law_by_id.get(ref.law)
        name = (law.short or self.text(law.name)) if law else ref.law
        parts = [name]
        if self.lang == "sv":
            if ref.chapter is not None:
                parts.append(f"{ref.chapter} kap.")
            if ref.section is not None:
                parts.append(f"{ref.section} §")
            if ref.paragraph is not None:
                parts.append(f"{ref.paragraph} st.")
            if ref.point is not None:
                parts.append(f"{ref.point} p.")
        else:
            if ref.chapter is not None:
                parts.append(f"ch. {ref.chapter}")
            if ref.section is not None:
                parts.append(f"s. {ref.section}")
            if ref.paragraph is not None:
                parts.append(f"para. {ref.paragraph}")
            if ref.point is not None:
                parts.append(f"point {ref.point}")
        return " ".join(parts)

    def law_url(self, ref: LegalRef) -> str:
        law = self.manual.law_by_id.get(ref.law)
        return law.url if law else ""

    def render(self, template: str, page_path: str, **context: Any) -> GeneratedPage:
        def link(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(page_path) or ".")

        content = self.env.get_template(template).render(link=link, page_path=page_path, **context)
        return GeneratedPage(page_path, content)

    def pages(self) -> list[GeneratedPage]:
        manual = self.manual
        pages = [
            self.render("index.md.j2", INDEX_PATH),
            self.render("matrix.md.j2", MATRIX_PATH, actors=self.sorted_actors()),
            self.render("changes.md.j2", CHANGES_PATH),
        ]
        steps = list(manual.steps)
        for index, step in enumerate(steps):
            pages.append(
                self.render(
                    "step.md.j2",
                    step_path(step),
                    step=step,
                    last_changed=self.history.last_changed_of(step.path),
                    previous=steps[index - 1] if index > 0 else None,
                    next=steps[index + 1] if index + 1 < len(steps) else None,
                    contacts=[manual.contact_by_id[c] for c in step.contacts if c in manual.contact_by_id],
                    ordered_actors=sorted(
                        step.actors,
                        key=lambda e: step.owner.index(e.actor) if e.actor in step.owner else len(step.owner),
                    ),
                )
            )
        for actor in manual.actors:
            pages.append(
                self.render(
                    "actor.md.j2",
                    actor_path(actor),
                    actor=actor,
                    steps=manual.steps_of(actor.id),
                    contacts=[manual.contact_by_id[c] for c in actor.contacts if c in manual.contact_by_id],
                )
            )
        return pages

    def nav(self, handwritten: list[str]) -> list[Any]:
        """The site navigation: generated sections first, then the hand-written pages."""
        manual = self.manual
        return [
            {
                self.ui("process"): [INDEX_PATH]
                + [{f"{step.number}. {self.nav_title(step.title)}": step_path(step)} for step in manual.steps]
            },
            {self.ui("actors"): [{self.nav_title(a.name): actor_path(a)} for a in self.sorted_actors()]},
            {self.ui("matrix_title"): MATRIX_PATH},
            *handwritten,
            {self.ui("changes_title"): CHANGES_PATH},
        ]

    def sorted_actors(self) -> list[Actor]:
        return sorted(self.manual.actors, key=lambda a: self.text(a.name).casefold())


def emergency_contacts(manual: Manual) -> list[Contact]:
    return [contact for contact in manual.contacts if contact.emergency]
