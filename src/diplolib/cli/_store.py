"""The ``store`` commands: a content store in a SQL database (SQLite or PostgreSQL).

``diplolib store init|upgrade|import|export|stats`` manage a store; the
``--store URL`` option of ``validate``, ``preview`` and ``content …`` reads
(and writes) a store instead of a folder. ``URL`` is a SQLite file path or a
SQLAlchemy URL; the ``DIPLOLIB_STORE`` environment variable is the default.

>>> from diplolib.cli import main
>>> main(["store", "stats", "--store", "no/such/folder/content.db"])
1
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

ENV = "DIPLOLIB_STORE"


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """Add ``--store URL`` (default: the ``DIPLOLIB_STORE`` environment variable).

    >>> parser = argparse.ArgumentParser()
    >>> add_store_option(parser)
    >>> parser.parse_args(["--store", "content.db"]).store
    'content.db'
    """
    parser.add_argument(
        "--store",
        metavar="URL",
        default=os.environ.get(ENV) or None,
        required=required and not os.environ.get(ENV),
        help=f"content store: SQLite file or SQLAlchemy URL (default: ${ENV})",
    )


def progress_bar(label: str, stream: Any = None) -> Callable[[int, int], None] | None:
    """A progress callback drawing a bar on a terminal; None when output is not a terminal.

    >>> import io
    >>> progress_bar("import", io.StringIO()) is None
    True
    """
    out = sys.stderr if stream is None else stream
    if not out.isatty():
        return None
    width = 30

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * width)
        out.write(f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}")
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def register(sub: Any) -> None:
    """Add the ``store`` command group to the ``diplolib`` parser."""
    store = sub.add_parser(
        "store",
        help="content in a SQL database: init, upgrade, import, export, stats",
        description=(
            "A content store holds the library in SQLite (a file path) or PostgreSQL "
            "(postgresql://…, needs diplolib[postgres]). Needs diplolib[store]."
        ),
    )
    commands = store.add_subparsers(dest="store_command", metavar="COMMAND")
    store.set_defaults(handler=lambda args: _usage(store))

    init = commands.add_parser("init", help="create a store (the newest schema)")
    add_store_option(init, required=True)
    init.set_defaults(handler=_init)

    upgrade = commands.add_parser("upgrade", help="bring a store's schema up to date")
    add_store_option(upgrade, required=True)
    upgrade.add_argument("--revision", default="head", help="target revision (default: newest)")
    upgrade.set_defaults(handler=_upgrade)

    imp = commands.add_parser(
        "import",
        help="import a content folder (checked; unchanged items are not rewritten)",
    )
    add_store_option(imp, required=True)
    imp.add_argument("folder", help="content folder")
    imp.add_argument("--prune", action="store_true", help="delete items no longer in the folder")
    imp.set_defaults(handler=_import)

    export = commands.add_parser("export", help="write every item as a content file")
    add_store_option(export, required=True)
    export.add_argument("folder", help="folder to write into")
    export.set_defaults(handler=_export)

    stats = commands.add_parser("stats", help="items per type, schema revision, coverage")
    add_store_option(stats, required=True)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=_stats)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _fail(message: object) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def open_from_args(url: str, *, create: bool = False) -> Any:
    """Open the store named on the command line (a clear error without SQLAlchemy).

    >>> open_from_args("sqlite://", create=True).stats()["article"]
    0
    """
    try:
        from ..store import open_store
    except ImportError as exc:
        from ..errors import StoreError

        raise StoreError(
            f"the content store needs SQLAlchemy and Alembic: pip install 'diplolib[store]' ({exc})"
        ) from exc
    return open_store(url, create=create)


def _init(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError

    try:
        store = open_from_args(args.store, create=True)
    except DiplolibError as exc:
        return _fail(exc)
    print(f"{store.url}: ready ({len(store)} items)")
    store.close()
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError

    try:
        from ..store import upgrade

        revision = upgrade(args.store, args.revision)
    except (DiplolibError, ImportError) as exc:
        return _fail(exc)
    except Exception as exc:  # Alembic reports unknown revisions with its own errors
        return _fail(f"cannot upgrade {args.store}: {exc}")
    print(f"{args.store}: schema at revision {revision}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError, LibraryError

    try:
        store = open_from_args(args.store, create=True)
    except DiplolibError as exc:
        return _fail(exc)
    try:
        report = store.import_folder(args.folder, prune=args.prune, progress=progress_bar("import"))
    except LibraryError as exc:
        print(exc, file=sys.stderr)
        return 1
    except DiplolibError as exc:
        return _fail(exc)
    finally:
        store.close()
    print(f"{args.folder} → {store.url}: {report.summary()}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError

    try:
        store = open_from_args(args.store)
        try:
            files = store.export_folder(args.folder, progress=progress_bar("export"))
        finally:
            store.close()
    except (DiplolibError, OSError) as exc:
        return _fail(exc)
    print(f"wrote {len(files)} files to {args.folder}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError
    from ..languages import SUPPORTED_LANGUAGES
    from ..store import HEAD_REVISION

    try:
        store = open_from_args(args.store)
        try:
            counts = store.stats()
            coverage = {lang: store.coverage(lang) for lang in SUPPORTED_LANGUAGES}
        finally:
            store.close()
    except DiplolibError as exc:
        return _fail(exc)
    if args.json:
        data = {"revision": HEAD_REVISION, "items": counts, "coverage": coverage}
        print(json.dumps(data, indent=2))
        return 0
    print(f"{store.url} (schema revision {HEAD_REVISION})")
    for kind, count in counts.items():
        print(f"  {kind:<13} {count:>9}")
    for lang, share in coverage.items():
        print(f"  coverage {lang:<4} {share:>8.1%}")
    return 0
