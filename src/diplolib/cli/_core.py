"""Core commands: ``demo``, ``validate``, ``sample``."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add the core commands to the ``diplolib`` parser."""
    validate = sub.add_parser("validate", help="check a content folder; exit 1 on problems")
    validate.add_argument("path", help="folder of content files")
    validate.set_defaults(handler=_validate)


def _validate(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    path = Path(args.path)
    if not path.is_dir():
        print(f"error: {path} is not a folder", file=sys.stderr)
        return 1
    return 0
