"""The documentation site builds with ``mkdocs build --strict`` and lists every page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def nav_pages(nav: list[object]) -> set[str]:
    pages: set[str] = set()
    for entry in nav:
        if isinstance(entry, str):
            pages.add(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                pages |= nav_pages(value) if isinstance(value, list) else {str(value)}
    return pages


def test_every_page_is_in_the_nav() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*.md")}
    assert nav_pages(config["nav"]) == pages


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    reference = (tmp_path / "reference" / "index.html").read_text(encoding="utf-8")
    # docstring examples are shown as code, and every public module is documented
    assert 'class="gp"' in reference
    for module in ("diplolib.publish", "diplolib.jinja", "diplolib.models", "diplolib.i18n"):
        assert f'id="{module}"' in reference, module
    assert (tmp_path / "publishing" / "index.html").is_file()
    # the docstrings' Sphinx roles are rendered as cross-references, never shown raw
    for role in (":class:`", ":func:`", ":data:`", ":meth:`", ":mod:`", ":exc:`"):
        assert role not in reference, role
    assert 'href="#diplolib.languages.Lang"><code>Lang</code></a>' in reference
    assert 'href="#diplolib.text.LocalizedText"><code>LocalizedText</code></a>' in reference
    assert "<code>contextvars.ContextVar</code>" in reference  # outside diplolib: plain code
    for module in ("diplolib.web", "diplolib.django", "diplolib.sitemaps", "diplolib.clock"):
        assert f'id="{module}"' in reference, module
