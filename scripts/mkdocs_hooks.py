"""mkdocs hooks: show the ``>>>`` examples of docstrings as code in the API reference.

Docstrings carry runnable examples without Markdown fences (they are doctests).
Rendered as Markdown, ``>>>`` would become nested block quotes and list
displays like ``['a']`` would look like links. This adds a Markdown
preprocessor that fences each run of example lines (from a ``>>>`` line to the
next blank line) as ``pycon``, leaving fenced blocks in the pages alone.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>>( |$)")


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        indent: str | None = None
        for line in lines:
            if indent is not None:
                if line.strip():
                    out.append(line)
                    continue
                out.append(f"{indent}```")
                indent = None
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced and (prompt := _PROMPT.match(line)):
                indent = prompt.group(1)
                if out and out[-1].strip():
                    out.append("")
                out.extend([f"{indent}```pycon", line])
                continue
            out.append(line)
        if indent is not None:
            out.append(f"{indent}```")
        return out


class DoctestFences(Extension):
    """Fence bare ``>>>`` examples as ``pycon`` code blocks."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        # Before the fenced-code preprocessor (priority 25), so the new fences are parsed.
        md.preprocessors.register(_DoctestFences(md), "diplolib_doctest_fences", 27)


def on_config(config: Any) -> Any:
    """Add the extension for the pages and for mkdocstrings' docstring rendering."""
    config.markdown_extensions.append(DoctestFences())
    return config
