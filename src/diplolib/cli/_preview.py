"""The ``preview`` command: a static bilingual site of a content library."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    """Add the ``preview`` command to the ``diplolib`` parser."""
    preview = sub.add_parser(
        "preview",
        help="write a static bilingual preview site (pages, timeline, translation view)",
        description=(
            "Render every article, event and entity of a content library in English and "
            "Azerbaijani as static HTML, with a side-by-side translation view per article. "
            "Needs Jinja2: pip install 'diplolib[jinja]'."
        ),
    )
    preview.add_argument("--out", required=True, help="folder to write the site into")
    preview.add_argument("--library", help="content folder (default: the bundled sample library)")
    preview.add_argument("--store", metavar="URL", help="a content store instead of a folder")
    preview.add_argument(
        "--templates",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of templates overriding the shipped ones (repeatable; first wins)",
    )
    preview.add_argument(
        "--base-url",
        default="",
        help="absolute site URL for canonical, hreflang and JSON-LD links (default: relative)",
    )
    preview.set_defaults(handler=_preview)


def _preview(args: argparse.Namespace) -> int:
    try:
        import jinja2  # noqa: F401
    except ImportError:
        print(
            "error: diplolib preview needs Jinja2: pip install 'diplolib[jinja]'", file=sys.stderr
        )
        return 1
    from ..errors import DiplolibError
    from ..library import ContentLibrary, load_sample_library
    from ..preview import build_preview

    try:
        if args.store is not None:
            from ._store import open_from_args

            library = open_from_args(args.store)
        else:
            library = (
                load_sample_library() if args.library is None else ContentLibrary.load(args.library)
            )
        files = build_preview(library, args.out, templates=args.templates, base_url=args.base_url)
    except (DiplolibError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} files into {args.out}")
    return 0
