"""Generate, then build: each site language's complete source, written from one load of the content.

For every site language `generate` writes a folder holding its pages (the hand-written ones, escaped,
and the ones made from the data), its navigation and its whole configuration, in the shape MkDocs
reads (and its fork ProperDocs, and Material's successor Zensical). The engine then only turns
Markdown into HTML: `build_tools.engine` runs it. Nothing in this module knows the engine.

    build/source/sv/mkdocs.yml   configuration: the base mkdocs.yml plus what the language needs
    build/source/sv/docs/        every page and file of the Swedish site
    build/source/en/...          the same for English, built into the site's en/ folder
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import layout, offline, pipeline, site_config, webapp
from .markup import escape_front_matter, escape_html, split_front_matter
from .model import Manual
from .render import GeneratedPage, Renderer, ui_strings

CONFIG_FILE = "mkdocs.yml"
DOCS = "docs"


class ConfigError(Exception):
    """The base configuration cannot be read or lacks what every language's configuration needs."""


@dataclass(frozen=True)
class SiteSource:
    """One site language's generated source, and where its site goes inside the whole site."""

    lang: str
    folder: Path
    url_prefix: str  # "" for the first language, "en/" for English

    @property
    def config_file(self) -> Path:
        return self.folder / CONFIG_FILE

    @property
    def docs_dir(self) -> Path:
        return self.folder / DOCS


def base_config(root: Path) -> dict[str, Any]:
    """The engine settings every language shares (mkdocs.yml): plain YAML, no engine tags."""
    path = root / layout.BASE_CONFIG
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{layout.BASE_CONFIG}: cannot be read: {exc}") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{layout.BASE_CONFIG}: must be a mapping of settings")
    return config


def _named(entries: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """A list of plugins or Markdown extensions (`name` or `{name: options}`) as (name, options)."""
    named = []
    for entry in entries:
        if isinstance(entry, dict):
            if len(entry) != 1 or not isinstance(next(iter(entry.values())) or {}, dict):
                raise ConfigError(f"{layout.BASE_CONFIG}: write each entry as `name` or `name: {{options}}`: {entry}")
            [(name, options)] = entry.items()
            named.append((name, dict(options or {})))
        else:
            named.append((str(entry), {}))
    return named


def markdown_extensions(config: dict[str, Any], lang: str) -> list[tuple[str, dict[str, Any]]]:
    """The Markdown extensions of one language's site, with their options."""
    extensions = _named(config.get("markdown_extensions") or [])
    for name, options in extensions:
        if name == "toc" and options.get("permalink"):
            options["permalink_title"] = ui_strings()["permalink_title"][lang]
    return extensions


def language_config(
    base: dict[str, Any], renderer: Renderer, handwritten: list[str], overrides: Path, offline_build: bool
) -> dict[str, Any]:
    """One language's whole configuration: the base settings plus its name, language, pages and navigation."""
    lang, manual = renderer.lang, renderer.manual
    strings = ui_strings()
    config = copy.deepcopy(base)
    config.update(
        site_name=strings["site_title"][lang],
        site_description=strings["site_description"][lang],
        docs_dir=DOCS,
        nav=renderer.nav(handwritten),
    )
    theme = dict(config.get("theme") or {})
    theme.update(language=lang, custom_dir=str(overrides.resolve()))
    config["theme"] = theme
    plugins = []
    for name, options in _named(config.get("plugins") or []):
        if name == "search":
            options["lang"] = lang
        if name == "offline":
            options["enabled"] = offline_build
        plugins.append({name: options})
    config["plugins"] = plugins
    config["markdown_extensions"] = [{name: options} for name, options in markdown_extensions(config, lang)]
    extra = dict(config.get("extra") or {})
    settings = site_config.extra(manual, lang, offline=offline_build, edition_settings=extra.get("edition"))
    extra.update(_plain(settings))
    if offline_build:  # our copy of the web-worker shim, so the theme adds no script from elsewhere
        extra["polyfills"] = [offline.SHIM_URL]
    config["extra"] = extra
    return config


def _plain(value: Any) -> Any:
    """Data classes as mappings, tuples as lists: what a YAML file can hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _copy_handwritten(source: Path, docs_dir: Path) -> None:
    """The hand-written pages and images; the check refuses markup in them, and here it becomes text
    as well (a second line of defence), in the Markdown and in the front matter."""
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        target = docs_dir / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copy2(path, target)
            continue
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        escape_front_matter(meta)
        head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" if meta else ""
        target.write_text(head + escape_html(body), encoding="utf-8")


def generate_language(
    root: Path,
    manual: Manual,
    lang: str,
    folder: Path,
    offline_build: bool = False,
    review_max_age: int | None = None,
    pages: list[GeneratedPage] | None = None,
) -> SiteSource:
    """Write one language's site source into `folder` (emptied first); `pages` are the generated pages
    if the check has made them already."""
    source = SiteSource(lang, folder, layout.SITES[lang])
    if folder.exists():
        shutil.rmtree(folder)
    source.docs_dir.mkdir(parents=True)
    handwritten_folder = root / layout.PAGES / lang
    handwritten = site_config.handwritten_pages(handwritten_folder) if handwritten_folder.is_dir() else []
    _copy_handwritten(handwritten_folder, source.docs_dir)
    renderer = Renderer(manual, lang, review_max_age or pipeline.review_max_age_from_environment())
    for page in renderer.pages() if pages is None else pages:
        target = source.docs_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    config = language_config(base_config(root), renderer, handwritten, root / layout.OVERRIDES, offline_build)
    if offline_build:
        shim = source.docs_dir / offline.SHIM_URL
        shim.parent.mkdir(parents=True, exist_ok=True)
        shim.write_text(offline.shim_script(root), encoding="utf-8")
    else:  # the installable web app; the offline zip opens from file:// instead
        short_name = config["extra"]["manual"]["short_name"]
        app = webapp.manifest(config["site_name"], short_name, config["site_description"], lang)
        (source.docs_dir / webapp.MANIFEST).write_text(app, encoding="utf-8")
    source.config_file.write_text(
        "# Generated by `manual generate` from mkdocs.yml and the content: edit those, not this file.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    return source


def generate(root: Path, out: Path, offline_build: bool = False) -> list[SiteSource]:
    """Every site language's source under `out/<code>/`, from one checked load of the content."""
    checked = pipeline.load_checked(root)
    return [
        generate_language(root, checked.manual, lang, out / lang, offline_build, pages=checked.pages.get(lang))
        for lang in layout.SITES
    ]
