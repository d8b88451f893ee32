"""The ``search`` command: full-text search over a content library in memory, or a store.

>>> from diplolib.cli import main
>>> main(["search", "Qəbələ zirvə", "--lang", "az", "--limit", "1"])
gabala-turkic-council-summit-2013	az	title	...	Türk Şurasının üçüncü [zirvə] görüşü [Qəbələdə] keçirilib
0
>>> main(["search", "Gabala", "--lang", "en", "--json", "--limit", "1"])
{"id": "gabala", "type": "place", "score": ..., "lang": "en", "is_fallback": false, "field": "title", "snippet": "<mark>Gabala</mark>"}
0
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from typing import Any

_MARK_RE = re.compile(r"<mark>(.*?)</mark>")


def register(sub: Any) -> None:
    """Add the ``search`` command to the ``diplolib`` parser."""
    search = sub.add_parser(
        "search",
        help="search a content library (words in any form, names in either spelling)",
        description=(
            "Search the articles, events and entities of a content library. Words match in "
            'any grammatical form, "a phrase" in quotes matches as a phrase, word* matches '
            "the beginning of words, and a name spelt the English way finds its Azerbaijani "
            "spelling and back. Output columns: id, language of the match (* when it stands "
            "in for --lang), field, score, snippet with the matched words in [brackets]; "
            "--json writes one JSON object per hit, the snippet as HTML."
        ),
    )
    search.add_argument("query", help='what to look for, e.g. "TÜRKSOY zirvə" or Bakı*')
    search.add_argument(
        "--lang", help="the reader's language, e.g. az or en (default: search every language)"
    )
    search.add_argument("--library", help="content folder (default: the bundled sample library)")
    search.add_argument(
        "--store",
        metavar="URL",
        help="search a content store (a SQLite file or postgresql:// URL) through its index",
    )
    search.add_argument("--limit", type=int, default=10, help="most hits to show (default 10)")
    search.add_argument("--json", action="store_true", help="write one JSON object per hit")
    search.set_defaults(handler=_search)


def _plain(snippet: str) -> str:
    return html.unescape(_MARK_RE.sub(r"[\1]", snippet))


def _search(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError
    from ..library import ContentLibrary, load_sample_library
    from ..search import Index

    if args.limit < 1:
        print(f"error: --limit must be at least 1, got {args.limit}", file=sys.stderr)
        return 2
    if args.library is not None and args.store is not None:
        print("error: give --library or --store, not both", file=sys.stderr)
        return 2
    try:
        if args.store is not None:
            from ._store import open_from_args

            store = open_from_args(args.store)
            try:
                hits = store.search(args.query, lang=args.lang, limit=args.limit)
            finally:
                store.close()
        else:
            library = (
                load_sample_library() if args.library is None else ContentLibrary.load(args.library)
            )
            hits = Index(library).search(args.query, lang=args.lang, limit=args.limit)
    except (DiplolibError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for hit in hits:
        if args.json:
            record = {
                "id": hit.item.id,
                "type": hit.item.type,
                "score": hit.score,
                "lang": hit.lang,
                "is_fallback": hit.is_fallback,
                "field": hit.field,
                "snippet": hit.snippet,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            lang = f"{hit.lang}{'*' if hit.is_fallback else ''}"
            print(f"{hit.item.id}\t{lang}\t{hit.field}\t{hit.score:.3f}\t{_plain(hit.snippet)}")
    if not hits and not args.json:
        print("no hits", file=sys.stderr)
    return 0
