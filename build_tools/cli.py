"""`manual`: check, build and serve the manual."""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import date
from pathlib import Path

from . import layout, pipeline
from .checks.hedges import editors_notes
from .languages import BY_CODE, FIRST_SITE_LANGUAGE, SITE_LANGUAGES
from .problems import errors


def _root(value: str | None) -> Path:
    return Path(value).resolve() if value else Path.cwd()


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1 (a clear usage error otherwise, never a traceback)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def _day(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def cmd_check(args: argparse.Namespace) -> int:
    try:
        options = pipeline.default_options(today=args.today, review_max_age_days=args.review_max_age)
    except pipeline.SettingError as exc:
        print(f"manual check: {exc}", file=sys.stderr)
        return 2
    root = _root(args.root)
    checked = pipeline.check(root, options)
    problems = list(checked.problems)
    if args.base:
        from .changes import GitError, check_change_notes

        try:
            problems += check_change_notes(root, args.base, options.today)
        except GitError as exc:
            print(f"manual check: cannot compare with '{args.base}': {exc}", file=sys.stderr)
            return 2
    notes = editors_notes(checked.manual)
    for problem in problems + (notes if args.notes else []):
        print(problem.format_github() if args.format == "github" else problem.format())
    if notes and not args.notes:
        print(f"{len(notes)} editors' note(s): list them with `manual check --notes`.", file=sys.stderr)
    failed = errors(problems)
    if failed:
        print(f"{len(failed)} problem(s) found.", file=sys.stderr)
        return 1
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    from .review import CODEOWNERS, codeowners, write_codeowners

    root = _root(args.root)
    checked = pipeline.check(root)
    if not checked.ok:
        print("manual codeowners: the content has problems; run `manual check`", file=sys.stderr)
        return 1
    if args.check:
        path = root / CODEOWNERS
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != codeowners(checked.manual):
            print(f"{CODEOWNERS} is out of date: run `manual codeowners`", file=sys.stderr)
            return 1
        return 0
    print(f"Wrote {write_codeowners(root, checked.manual).relative_to(root).as_posix()}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    root = _root(args.root)
    for path in write_schemas(root):
        print(f"Wrote {path.relative_to(root).as_posix()}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_exercise

    root = _root(args.root)
    try:
        path = new_exercise(root, args.id)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(root).as_posix()}: fill in the texts, then run `make check`.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from . import offline
    from .generate import ConfigError, generate

    root = _root(args.root)
    out = root / args.out
    try:
        sources = generate(root, out, offline_build=args.offline)
    except pipeline.ContentError as exc:
        print(exc, file=sys.stdout)
        print("Nothing was generated.", file=sys.stderr)
        return 1
    except (ConfigError, offline.ShimMissing) as exc:
        print(f"manual generate: {exc}", file=sys.stderr)
        return 1
    except pipeline.SettingError as exc:
        print(f"manual generate: {exc}", file=sys.stderr)
        return 2
    for source in sources:
        print(f"Wrote {source.folder}: {source.config_file.name} and {source.docs_dir.name}/ ({source.lang})")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildFailed, build_offline, build_site

    root = _root(args.root)
    try:
        site = build_offline(root, root / args.zip) if args.offline else build_site(root)
    except pipeline.ContentError as exc:
        print(exc, file=sys.stdout)
        print("The build was stopped; the previous site/ is unchanged.", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(f"The build failed: {exc}\nThe previous site/ is unchanged.", file=sys.stderr)
        return 1
    except pipeline.SettingError as exc:
        print(f"manual build: {exc}", file=sys.stderr)
        return 2
    print(f"Built {site}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(_root(args.root), args.host, args.port)


def cmd_search(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from .layout import SITES
    from .render import ui_strings
    from .search.engine import MARKS, find

    marks = MARKS["terminal"] if sys.stdout.isatty() and not args.json else MARKS["plain"]
    query = " ".join(args.query)
    if not query.strip():
        print("manual search: give at least one word to look for", file=sys.stderr)
        return 2
    found = find(_root(args.root), query, args.lang, args.limit, marks)
    hits = found.hits
    if args.json:
        print(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
    else:
        for rank, hit in enumerate(hits, 1):
            title = hit.title if hit.title == hit.page_title else f"{hit.title} – {hit.page_title}"
            print(f"{rank}. {title}\n   {hit.url}\n   {hit.snippet}\n")
    help_ = found.ways_on
    if found.did_you_mean:  # on stderr, so --json stays one JSON document
        print(f"{help_['did_you_mean']}: {' / '.join(found.did_you_mean)}?", file=sys.stderr)
    if not hits:
        print(ui_strings()["search_no_results"][args.lang], file=sys.stderr)
        prefix = SITES[args.lang]
        print(f"{help_['ways_on']}:", file=sys.stderr)
        for way in help_["links"] + help_["steps"]:
            print(f"  {way['label']}: {prefix}{way['href']}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manual", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate all content; exit 1 with path:line: message per problem")
    check.add_argument("--root", help="repository to check (default: the current directory)")
    check.add_argument(
        "--review-max-age",
        type=_positive,
        default=None,
        metavar="DAYS",
        help=f"warn when a review is older than this (default 365, or ${pipeline.REVIEW_MAX_AGE_ENV})",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: path:line: message (default); github: annotations for GitHub Actions",
    )
    check.add_argument(
        "--notes",
        action="store_true",
        help="also list every editors' note (editors_note: in the data, never shown on the site)",
    )
    check.add_argument(
        "--base",
        metavar="REF",
        help="also refuse content files changed since this git ref without a new note for readers (changes:)",
    )
    check.add_argument(
        "--today",
        type=_day,
        default=None,
        metavar="YYYY-MM-DD",
        help=f"count reviews and notes from this day (default: today, or ${pipeline.TODAY_ENV})",
    )
    check.set_defaults(func=cmd_check)

    codeowners = sub.add_parser("codeowners", help="write .github/CODEOWNERS from the reviewers of steps and actors")
    codeowners.add_argument("--root")
    codeowners.add_argument("--check", action="store_true", help="only say whether the file is up to date (exit 1)")
    codeowners.set_defaults(func=cmd_codeowners)

    schema = sub.add_parser("schema", help="write the JSON Schemas for editors into schemas/")
    schema.add_argument("--root")
    schema.set_defaults(func=cmd_schema)

    new = sub.add_parser("new", help="create a new content file from a skeleton that passes the check")
    new.add_argument("kind", choices=("exercise",), help="what to create")
    new.add_argument("id", help="the id, also the file name: lowercase letters a-z, digits and '-'")
    new.add_argument("--root")
    new.set_defaults(func=cmd_new)

    generate = sub.add_parser(
        "generate", help="check, then write each language's complete site source (pages, navigation, configuration)"
    )
    generate.add_argument("--root")
    generate.add_argument("--out", default=layout.GENERATED, help=f"where to write it (default {layout.GENERATED}/)")
    generate.add_argument("--offline", action="store_true", help="the source of the offline edition (needs `npm ci`)")
    generate.set_defaults(func=cmd_generate)

    build = sub.add_parser("build", help="check, generate, then build every language's site into site/")
    build.add_argument("--root")
    build.add_argument(
        "--offline",
        action="store_true",
        help="build the offline edition instead: a zip that works from file:// (needs `npm ci`)",
    )
    build.add_argument("--zip", default="dist/manualen-offline.zip", help="where --offline writes the zip")
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="build, serve site/ and rebuild when content changes")
    serve.add_argument("--root")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    search = sub.add_parser("search", help="search the manual: best sections first, with URL and snippet")
    search.add_argument("query", nargs="+", help="words to look for, e.g. betänketiden, LVU, 'god man'")
    search.add_argument(
        "--lang",
        choices=SITE_LANGUAGES,
        default=FIRST_SITE_LANGUAGE,
        help=f"search the pages of this site language (default {FIRST_SITE_LANGUAGE}, "
        f"{BY_CODE[FIRST_SITE_LANGUAGE].name_en})",
    )
    search.add_argument("--json", action="store_true", help="print a JSON array of {title, url, score, …}, best first")
    search.add_argument("--limit", type=_positive, default=10, help="at most this many results (default 10)")
    search.add_argument("--root")
    search.set_defaults(func=cmd_search)

    args = parser.parse_args(argv)
    # what the imports made lives as long as the process: the collector need not walk it again and
    # again while the content is loaded and rendered (a tenth of a second of `manual check`)
    gc.freeze()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
