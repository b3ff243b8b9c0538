"""MkDocs glue: refuse bad content before the build, then add the pages generated from it.

Holds no logic of its own; everything lives in build_tools, so a move away from MkDocs means
rewriting only this file.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # work from a checkout even without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from build_tools import offline, pipeline, site_config, webapp  # noqa: E402
from build_tools.markup import escape_front_matter, escape_html  # noqa: E402
from build_tools.render import Renderer  # noqa: E402
from build_tools.search.site_index import (  # noqa: E402
    WORKER,
    WORKER_NAME,
    enrich_search_index,
    write_words,
    write_worker,
)

log = logging.getLogger("mkdocs.hooks.manual")
_state: dict[str, object] = {}


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before Material's offline plugin, so it finds our local shim and adds no CDN script
def on_config(config):
    try:
        checked = pipeline.load_checked(ROOT)
    except pipeline.ContentError as exc:
        raise PluginError("the content has problems:\n" + str(exc)) from None
    except pipeline.SettingError as exc:
        raise PluginError(str(exc)) from None
    for problem in checked.problems:  # only warnings remain; they must not fail a strict build
        log.info(problem.format())
    lang = config.theme["language"]
    renderer = Renderer(checked.manual, lang, pipeline.review_max_age_from_environment())
    _state["renderer"] = renderer
    docs_dir = Path(config.docs_dir)
    handwritten = site_config.handwritten_pages(docs_dir)
    config.nav = renderer.nav(handwritten)
    offline_build = _offline(config)
    config.extra.update(
        site_config.extra(checked.manual, lang, offline=offline_build, edition_settings=config.extra.get("edition"))
    )
    if offline_build:
        try:
            _state["shim"] = offline.shim_script(ROOT)
        except offline.ShimMissing as exc:
            raise PluginError(str(exc)) from None
        config.extra["polyfills"] = [offline.SHIM_URL]
    else:
        _state.pop("shim", None)
    return config


def on_files(files: Files, config) -> Files:
    renderer = _state["renderer"]
    assert isinstance(renderer, Renderer)
    for page in renderer.pages():
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.content))
    if not _offline(config):  # the installable web app; the offline zip opens from file:// instead
        description = config.site_description or ""
        app = webapp.manifest(config.site_name, config.extra["manual"]["short_name"], description, renderer.lang)
        files.append(File.generated(config, webapp.MANIFEST, content=app))
    if "shim" in _state:
        shim = _state["shim"]
        assert isinstance(shim, str | bytes)
        files.append(File.generated(config, offline.SHIM_URL, content=shim))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Long pages (front matter `jump_links: true`) open with links to their sections."""
    if not page.meta.get("jump_links"):
        return html
    top = page.toc.items[0].children if page.toc.items else []
    sections = [(item.title, item.url) for item in top]
    label = _state["renderer"].ui("jump_links")  # type: ignore[attr-defined]
    return site_config.jump_links(html, sections, label)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Hand-written pages: the check refuses markup in them; if it was skipped, markup stays text."""
    if page.file.generated_by is not None:
        return markdown
    escape_front_matter(page.meta)
    return escape_html(markdown)


def on_post_build(config) -> None:
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.exists():  # written by the search plugin, whose on_post_build runs before hooks
        renderer = _state["renderer"]
        enrich_search_index(index_file, renderer.manual, renderer.lang)  # type: ignore[attr-defined]
        write_words(Path(config.site_dir))
        write_worker(Path(config.site_dir), ROOT / "overrides" / WORKER / WORKER_NAME)
