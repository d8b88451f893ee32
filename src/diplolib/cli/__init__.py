"""The ``diplolib`` command line.

Each command group lives in its own private module with a ``register(subparsers)``
function; heavy imports happen inside the command handlers, so ``diplolib --help``
stays fast.

>>> main(["--version"])
diplolib 0.1.0
0
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__

# Modules that add sub-commands, in the order they appear in --help.
_COMMAND_MODULES = ("_core", "_catalog", "_detect", "_preview", "_content", "_search", "_store")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered.

    >>> "demo" in build_parser().format_help()
    True
    """
    parser = argparse.ArgumentParser(
        prog="diplolib",
        description="Bilingual English/Azerbaijani content tools.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(f".{name}", __name__).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code.

    >>> main(["validate", "/nonexistent/folder"])
    1
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"diplolib {__version__}")
        return 0
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        code: int = handler(args)
    except BrokenPipeError:
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
