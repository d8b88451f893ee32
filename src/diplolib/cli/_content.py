"""The ``content`` commands: translate library content through PO files.

``diplolib content export`` writes a PO catalog of a library's text,
``content import`` checks a translated catalog and writes it back (all or
nothing), ``content status`` reports coverage per item and language.

>>> from diplolib.cli import main
>>> main(["content", "status", "--library", "no/such/folder"])
1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..library import ContentLibrary
    from ..models import Item


def register(sub: Any) -> None:
    """Add the ``content`` command group to the ``diplolib`` parser."""
    content = sub.add_parser(
        "content", help="translate library content through PO files (export, import, status)"
    )
    commands = content.add_subparsers(dest="content_command", metavar="COMMAND")
    content.set_defaults(handler=lambda args: _usage(content))

    export = commands.add_parser(
        "export",
        help="write a PO catalog of the library's text for translators",
        description=(
            "One entry per localized field or paragraph. When FILE exists it is merged: "
            "translations it holds are kept, changed sources get '#|' and 'fuzzy', "
            "vanished ones become obsolete."
        ),
    )
    _source(export)
    export.add_argument("--source", default="en", help="language of the msgids (default en)")
    export.add_argument("--target", default="az", help="language of the translations (default az)")
    export.add_argument("-o", "--output", metavar="FILE", help="PO file to write (default stdout)")
    export.add_argument(
        "--id", action="append", dest="ids", metavar="ID", help="export this item (repeatable)"
    )
    export.add_argument("--section", help="export the articles of this section only")
    export.add_argument(
        "--since",
        metavar="DATE",
        help="only articles published or updated, and events starting, on or after DATE (YYYY-MM-DD)",
    )
    export.set_defaults(handler=_export)

    imp = commands.add_parser(
        "import",
        help="check a translated PO file and write it into the library (all or nothing)",
    )
    _source(imp)
    imp.add_argument("file", help="the translated PO file")
    imp.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.add_argument(
        "--force",
        action="store_true",
        help="apply entries whose library translation changed after the export (conflicts)",
    )
    imp.set_defaults(handler=_import)

    status = commands.add_parser(
        "status", help="translation coverage per item and language; exit 1 under --min"
    )
    _source(status)
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument(
        "--min",
        type=float,
        metavar="PERCENT",
        help="exit 1 when the overall translated share is below PERCENT",
    )
    status.add_argument(
        "--source",
        default="en",
        help="source language of events and entities (articles use their original; default en)",
    )
    status.set_defaults(handler=_status)


def _source(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--library", help="content folder")
    group.add_argument("--store", metavar="URL", help="content store (SQLite file or SQL URL)")


def _load(args: argparse.Namespace) -> ContentLibrary:
    from ..library import ContentLibrary

    if args.store is None:
        return ContentLibrary.load(args.library)
    from ._store import open_from_args

    store = open_from_args(args.store)
    try:
        library: ContentLibrary = store.snapshot()[0]
    finally:
        store.close()
    return library


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _error(message: object) -> int:
    from ..i18n import gettext

    print(gettext("error: {message}", message=str(message)), file=sys.stderr)
    return 1


def _select(
    library: ContentLibrary, ids: list[str] | None, section: str | None, since: dt.date | None
) -> list[Item]:
    from ..errors import UnknownReferenceError
    from ..models import Article, Event

    items: list[Item]
    if ids:
        items = [library.get(item_id) for item_id in dict.fromkeys(ids)]
    else:
        items = list(library.items())
    if section is not None:
        sections = {a.section.id for a in library.articles()}
        if section not in sections:
            known = ", ".join(sorted(sections))
            raise UnknownReferenceError(f"no section {section!r} (sections: {known})")
        items = [i for i in items if isinstance(i, Article) and i.section.id == section]
    if since is not None:

        def recent(item: Item) -> bool:
            if isinstance(item, Article):
                latest = max(item.published, item.updated or item.published)
                return latest.date() >= since
            if isinstance(item, Event):
                return item.start.first_day() >= since
            return False

        items = [i for i in items if recent(i)]
    return items


def _export(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError
    from ..i18n import gettext
    from ..po import export_po

    since: dt.date | None = None
    if args.since is not None:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            return _error(
                gettext("--since needs a date like 2017-03-02, got {value}", value=args.since)
            )
    output = Path(args.output) if args.output else None
    try:
        library = _load(args)
        items = _select(library, args.ids, args.section, since)
        previous = output if output is not None and output.exists() else None
        po = export_po(
            items,
            args.source,
            args.target,
            previous=previous,
            library=library,
            references=library.file_of,
        )
    except DiplolibError as exc:
        return _error(exc)
    text = str(po) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            _write_text(output, text)
        except (OSError, DiplolibError) as exc:
            return _error(f"{output}: {getattr(exc, 'strerror', None) or exc}")
    current = [e for e in po if not e.obsolete]
    print(
        gettext(
            "{file}: {total} entries ({translated} translated, {fuzzy} fuzzy, "
            "{untranslated} untranslated, {obsolete} obsolete)",
            file=str(output) if output is not None else "stdout",
            total=len(current),
            translated=len(po.translated_entries()),
            fuzzy=len(po.fuzzy_entries()),
            untranslated=len(po.untranslated_entries()),
            obsolete=len(po.obsolete_entries()),
        ),
        file=sys.stderr,
    )
    return 0


def _write_text(path: Path, text: str) -> None:
    from .._atomic import write_all

    path.parent.mkdir(parents=True, exist_ok=True)
    write_all({path: text})


def _import(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError
    from ..i18n import gettext
    from ..po import import_po

    try:
        if args.store is None:
            report = import_po(args.library, args.file, dry_run=args.dry_run, force=args.force)
        else:
            from ._store import open_from_args

            store = open_from_args(args.store)
            try:
                report = store.import_po(args.file, dry_run=args.dry_run, force=args.force)
            finally:
                store.close()
    except DiplolibError as exc:
        return _error(exc)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0 if report.ok else 1
    for title, results in (
        (gettext("Rejected"), report.rejected),
        (gettext("Stale (the source changed after the export)"), report.stale),
        (gettext("Look-alike letters replaced"), report.normalized),
        (gettext("Warnings"), report.warnings),
    ):
        if results:
            print(f"{title}:")
            for result in results:
                print(f"  {result}")
    print(report.summary())
    if not report.ok:
        print(gettext("Nothing was changed: fix the rejected entries and import again."))
        return 1
    if args.dry_run:
        print(gettext("Dry run: nothing was written."))
    elif report.committed:
        print(
            gettext(
                "Wrote {count} content files.",
                count=len(report.changed_files),
            )
        )
    else:
        print(gettext("Nothing to change."))
    return 0


def _status(args: argparse.Namespace) -> int:
    from ..errors import DiplolibError
    from ..i18n import gettext
    from ..numbers import format_percent
    from ..po import translation_status

    if args.min is not None and not 0 <= args.min <= 100:
        return _error(gettext("--min must be between 0 and 100, got {value}", value=args.min))
    try:
        rows = translation_status(_load(args), source_lang=args.source)
    except DiplolibError as exc:
        return _error(exc)
    total = sum(r.total for r in rows)
    done = sum(r.translated for r in rows)
    percent = 100.0 * done / total if total else 100.0
    below = args.min is not None and percent < args.min
    if args.json:
        data = {
            "items": [r.as_dict() for r in rows],
            "total": total,
            "translated": done,
            "stale": sum(r.stale for r in rows),
            "missing": sum(r.missing for r in rows),
            "fallback": sum(r.fallback for r in rows),
            "percent": round(percent, 1),
            "min": args.min,
            "ok": not below,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 1 if below else 0
    headers = [
        gettext("item"),
        gettext("type"),
        gettext("language"),
        gettext("fields"),
        gettext("translated"),
        gettext("stale"),
        gettext("missing"),
        gettext("fallback"),
        "%",
    ]
    table = [
        [
            r.item_id,
            r.item_type,
            f"{r.source_lang}→{r.lang}",
            str(r.total),
            str(r.translated),
            str(r.stale),
            str(r.missing),
            str(r.fallback),
            f"{r.percent:.1f}",
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in [headers, *table]) for i in range(len(headers))]
    for row in [headers, *table]:
        cells = [
            cell.ljust(width) if i < 3 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    shown = format_percent(percent / 100, decimals=1)
    print(
        gettext(
            "Overall: {percent} translated ({done} of {total} fields; {stale} stale, "
            "{missing} missing)",
            percent=shown,
            done=done,
            total=total,
            stale=sum(r.stale for r in rows),
            missing=sum(r.missing for r in rows),
        )
    )
    if below:
        required = format_percent(args.min / 100, decimals=1)
        print(gettext("Below the required {min}.", min=required), file=sys.stderr)
        return 1
    return 0
