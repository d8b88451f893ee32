"""Core commands: ``demo``, ``validate``, ``sample``, ``schema``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..languages import BUILTIN_LANGUAGES

SEED_ARTICLE = "kazakhstan-azerbaijan-strategic-partner"


def register(sub: Any) -> None:
    """Add the core commands to the ``diplolib`` parser."""
    demo = sub.add_parser("demo", help="show the sample article page as the portal renders it")
    demo.add_argument("--lang", choices=[*BUILTIN_LANGUAGES, "both"], default="both")
    demo.add_argument(
        "--article",
        help="article id (default: the seed article, or else the library's newest article "
        "published in the most languages)",
    )
    demo.add_argument("--library", help="content folder (default: the bundled sample library)")
    demo.add_argument("--width", type=int, default=78, help="text width (default 78)")
    demo.set_defaults(handler=_demo)

    validate = sub.add_parser("validate", help="check a content folder; exit 1 on problems")
    # Every command takes the content folder as --library; the positional form is kept.
    validate.add_argument("path", nargs="?", help="folder of content files (same as --library)")
    validate.add_argument("--library", help="folder of content files")
    validate.add_argument("--store", metavar="URL", help="check a content store instead")
    validate.set_defaults(handler=_validate)

    sample = sub.add_parser("sample", help="write the bundled sample library as an editable folder")
    sample.add_argument("--out", required=True, help="folder to create (must be empty or absent)")
    sample.set_defaults(handler=_sample)

    schema = sub.add_parser("schema", help="write the JSON Schemas of the content models")
    schema.add_argument("--out", default="docs/schema", help="folder (default docs/schema)")
    schema.set_defaults(handler=_schema)


def _load(path: str | None) -> Any:
    from ..library import ContentLibrary, load_sample_library

    return load_sample_library() if path is None else ContentLibrary.load(path)


def _demo(args: argparse.Namespace) -> int:
    from .._demo import render_article
    from ..errors import DiplolibError
    from ..languages import Lang, normalize_language

    if not 20 <= args.width <= 400:
        print(f"error: --width must be between 20 and 400, got {args.width}", file=sys.stderr)
        return 2
    try:
        library = _load(args.library)
        both: list[Lang] = list(BUILTIN_LANGUAGES)
        langs: list[Lang] = both if args.lang == "both" else [normalize_language(args.lang)]
        article = args.article or _demo_article(library)
        pages = [render_article(library, article, lang, args.width) for lang in langs]
    except DiplolibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(("\n" + "═" * args.width + "\n\n").join(pages), end="")
    return 0


def _demo_article(library: Any) -> str:
    """The seed article when the library has it, else its newest most-translated article."""
    from ..errors import ContentError
    from ..publish import published_languages

    if SEED_ARTICLE in library:
        return SEED_ARTICLE
    articles = list(library.articles())  # newest first; max() keeps the first of equals
    if not articles:
        raise ContentError("the library has no articles to show")
    return str(max(articles, key=lambda a: len(published_languages(a))).id)


def _store(url: str) -> Any:
    from ._store import open_from_args

    store = open_from_args(url)
    try:
        return store.snapshot()[0]  # every item, checked as one library
    finally:
        store.close()


def _validate(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError, LibraryError
    from ..i18n import ngettext
    from ..library import ContentLibrary

    if args.path is not None and args.library is not None:
        print("error: give the content folder once: validate --library PATH", file=sys.stderr)
        return 2
    args.path = args.path if args.path is not None else args.library
    if (args.path is None) == (args.store is None):
        print("error: give a content folder or --store URL (one of them)", file=sys.stderr)
        return 2
    try:
        library = ContentLibrary.load(args.path) if args.store is None else _store(args.store)
    except LibraryError as exc:
        print(exc, file=sys.stderr)
        return 1
    except DiplolibError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    count = len(library)
    print(
        ngettext(
            "{path}: {n} item, all valid",
            "{path}: {n} items, all valid",
            count,
            n=count,
            path=args.path or args.store,
        )
    )
    return 0


def _sample(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..library import load_sample_library

    out = Path(args.out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"error: {out} exists and is not an empty folder", file=sys.stderr)
        return 1
    files = load_sample_library().save(out)
    print(f"wrote {len(files)} files to {out}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from ..models import export_json_schemas

    for path in export_json_schemas(args.out):
        print(path)
    return 0
