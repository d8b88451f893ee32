"""``diplolib catalog …``: translator tooling for gettext catalogs.

Sub-commands: ``extract``, ``init LANG``, ``update``, ``compile``, ``check``
and ``stats``. Settings come from ``[tool.babel.*]`` in the project's
``pyproject.toml`` (``--project DIR``, default: the current folder);
``--library`` checks or counts diplolib's own catalogs instead. Messages are shown in the
language of ``--ui-lang``, else of the ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/
``LANG`` environment, else English.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from typing import Any

from ..errors import CatalogError
from ..languages import DEFAULT_LANGUAGE, Lang, normalize_language, use_language


def register(sub: Any) -> None:
    """Add the ``catalog`` command group to the ``diplolib`` parser."""
    catalog = sub.add_parser(
        "catalog",
        help="extract, update, compile, check and count gettext catalogs",
        description="Translator tooling for gettext catalogs (built on babel and polib).",
    )
    catalog.add_argument(
        "--project",
        metavar="DIR",
        default=".",
        help="project folder whose pyproject.toml has [tool.babel] settings (default: .)",
    )
    catalog.add_argument(
        "--library",
        action="store_true",
        help="work on diplolib's own catalogs (check and stats only)",
    )
    catalog.add_argument(
        "--ui-lang", metavar="LANG", help="language of this command's messages (en or az)"
    )
    commands = catalog.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)

    extract = commands.add_parser("extract", help="regenerate the .pot template from the sources")
    extract.add_argument("--output", metavar="FILE", help="write the template here instead")
    extract.set_defaults(handler=_extract)

    init = commands.add_parser("init", help="create the catalog of a new language")
    init.add_argument("lang", metavar="LANG", help="language code, e.g. az")
    init.add_argument("--force", action="store_true", help="replace an existing catalog")
    init.set_defaults(handler=_init)

    update = commands.add_parser("update", help="merge the template into every catalog")
    update.add_argument(
        "--no-fuzzy-matching", action="store_true", help="do not guess translations of new msgids"
    )
    update.add_argument(
        "--ignore-obsolete", action="store_true", help="drop entries no longer in the template"
    )
    update.set_defaults(handler=_update)

    compile_ = commands.add_parser("compile", help="write .mo files (fuzzy entries left out)")
    compile_.add_argument("--output-dir", metavar="DIR", help="write under DIR/<lang>/LC_MESSAGES")
    compile_.set_defaults(handler=_compile)

    check = commands.add_parser("check", help="report problems per file and entry")
    check.add_argument("files", nargs="*", metavar="FILE", help="check these .po files only")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--allow-identical",
        action="append",
        default=[],
        metavar="WORD",
        help="a name or abbreviation az may keep unchanged (repeatable)",
    )
    check.set_defaults(handler=_check)

    stats = commands.add_parser("stats", help="translated/fuzzy/untranslated counts per language")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(handler=_stats)


def _ui_language(args: argparse.Namespace, environ: Mapping[str, str]) -> Lang:
    candidates = [args.ui_lang] if args.ui_lang else []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            candidates.extend(value.split(":"))
    for candidate in candidates:
        try:
            return normalize_language(candidate)
        except ValueError:
            if candidate == args.ui_lang:
                raise
    return DEFAULT_LANGUAGE


def _run(args: argparse.Namespace, action: Any) -> int:
    from contextlib import ExitStack

    from .._catalog_tools import load_config
    from ..i18n import get_chain, gettext, without_catalogs

    try:
        lang = _ui_language(args, os.environ)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        stack.enter_context(use_language(lang))
        try:
            get_chain(lang)
        except CatalogError as exc:
            # The tool must keep working on the very catalogs that are broken.
            stack.enter_context(without_catalogs())
            print(f"warning: UI messages are untranslated: {exc}", file=sys.stderr)
        library = getattr(args, "library", False)
        command = getattr(args, "catalog_command", None)
        if library and command not in {"check", "stats"}:
            print(
                gettext(
                    "error: --library works with 'check' and 'stats' only; the installed "
                    "package's catalogs are not edited in place"
                ),
                file=sys.stderr,
            )
            return 2
        try:
            config = load_config(None if library else args.project)
            code: int = action(config)
        except CatalogError as exc:
            print(gettext("error: {problem}", problem=str(exc)), file=sys.stderr)
            return 1
    return code


def _extract(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .._catalog_tools import extract_messages, write_catalog
    from ..i18n import gettext

    def action(config: Any) -> int:
        catalog = extract_messages(config)
        target = Path(args.output) if args.output else config.pot_file
        write_catalog(catalog, target, width=config.width)
        print(
            gettext("extracted {count} messages into {file}", count=len(catalog), file=str(target))
        )
        return 0

    return _run(args, action)


def _init(args: argparse.Namespace) -> int:
    from .._catalog_tools import init_catalog
    from ..i18n import gettext

    def action(config: Any) -> int:
        path = init_catalog(config, args.lang, force=args.force)
        print(gettext("created {file}", file=str(path)))
        return 0

    return _run(args, action)


def _update(args: argparse.Namespace) -> int:
    from .._catalog_tools import update_catalogs
    from ..i18n import gettext

    def action(config: Any) -> int:
        for path in update_catalogs(
            config,
            no_fuzzy_matching=args.no_fuzzy_matching,
            ignore_obsolete=args.ignore_obsolete,
        ):
            print(gettext("updated {file}", file=str(path)))
        return 0

    return _run(args, action)


def _compile(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .._catalog_tools import compile_catalogs
    from ..i18n import gettext

    def action(config: Any) -> int:
        output = Path(args.output_dir) if args.output_dir else None
        for path in compile_catalogs(config, output):
            print(gettext("compiled {file}", file=str(path)))
        return 0

    return _run(args, action)


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .._catalog_tools import check_catalogs, folder_language
    from ..i18n import N_, gettext, ngettext

    def action(config: Any) -> int:
        files = None
        if args.files:
            files = []
            for name in args.files:
                path = Path(name)
                lang = folder_language(path)
                if lang is None:
                    raise CatalogError(
                        gettext(
                            "cannot tell the language of this file: put it in a folder "
                            "named after its language (en or az), e.g. az/LC_MESSAGES/"
                        ),
                        file=name,
                    )
                files.append((lang, path))
        report = check_catalogs(config, files, allowed_identical=args.allow_identical)
        failed = report.failed(strict=args.strict)
        if args.format == "json":
            payload = {
                "ok": not failed,
                "strict": args.strict,
                "errors": report.count("error"),
                "warnings": report.count("warning"),
                "files": [
                    {"file": file, "problems": [finding.as_dict() for finding in found]}
                    for file, found in report.files.items()
                ],
            }
            print(json.dumps(payload, ensure_ascii=False, indent=2))
            return 1 if failed else 0
        labels = {"error": gettext("error"), "warning": gettext("warning")}
        for file, found in report.files.items():
            if not found:
                print(gettext("{file}: no problems", file=file))
                continue
            print(f"{file}:")
            for finding in found:
                where = f"{finding.line}: " if finding.line is not None else ""
                subject = f" {finding.msgid!r}" if finding.msgid is not None else ""
                print(
                    f"  {where}{labels[finding.severity]} [{finding.code}]{subject}: "
                    f"{finding.message}"
                )
        print(
            ngettext(
                "{n} file checked",
                "{n} files checked",
                len(report.files),
                zero=N_("No catalog files found"),
            )
            + " · "
            + ngettext("{n} error", "{n} errors", report.count("error"), zero=N_("no errors"))
            + " · "
            + ngettext(
                "{n} warning",
                "{n} warnings",
                report.count("warning"),
                zero=N_("no warnings"),
            )
        )
        return 1 if failed else 0

    return _run(args, action)


def _stats(args: argparse.Namespace) -> int:
    from .._catalog_tools import catalog_stats
    from ..i18n import gettext

    def action(config: Any) -> int:
        stats = catalog_stats(config)
        if args.format == "json":
            print(json.dumps([s.as_dict() for s in stats], ensure_ascii=False, indent=2))
            return 0
        header = [
            gettext("Language"),
            gettext("Translated"),
            gettext("Fuzzy"),
            gettext("Untranslated"),
            gettext("Total"),
        ]
        rows = [
            [
                s.lang,
                f"{s.translated} ({s.percent(s.translated):.1f}%)",
                f"{s.fuzzy} ({s.percent(s.fuzzy):.1f}%)",
                f"{s.untranslated} ({s.percent(s.untranslated):.1f}%)",
                str(s.total),
            ]
            for s in stats
        ]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, ["-" * w for w in widths], *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        return 0

    return _run(args, action)
