"""No module outside ``languages`` and ``az/`` compares a language code to a literal.

What a language does lives in its :class:`~diplolib.LanguageSpec`; a branch on
``lang == "az"`` elsewhere would be a place a newly registered language misses.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "diplolib"
ALLOWED = {SRC / "languages.py"}
ALLOWED_DIRS = {SRC / "az"}

# Every code the detector or the registry knows: a comparison to any of them is a
# language branch, whether the language is built in or not.
CODES = frozenset(
    {"en", "az", "tr", "ru", "kk", "eng", "aze", "azj", "en_GB", "en-GB", "az-Latn", "az_AZ"}
)


def _literals(node: ast.expr) -> list[str]:
    """The string literals ``node`` is or holds (a tuple, list or set of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for element in node.elts for s in _literals(element)]
    return []


def language_comparisons(tree: ast.AST) -> list[tuple[int, str]]:
    """``(line, code)`` for every comparison of something with a language-code literal.

    ``==``, ``!=``, ``in`` and ``not in`` count, on either side, and so do
    ``match`` cases on a code.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
                if not isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn):
                    continue
                for side in (left, right):
                    found.extend((node.lineno, s) for s in _literals(side) if s in CODES)
        elif isinstance(node, ast.MatchValue):
            found.extend((node.lineno, s) for s in _literals(node.value) if s in CODES)
    return found


def _modules() -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*.py")
        if path not in ALLOWED and not any(d in path.parents for d in ALLOWED_DIRS)
    )


def test_the_scan_sees_modules() -> None:
    names = {p.name for p in _modules()}
    assert {"i18n.py", "text.py", "dates.py", "names.py", "po.py", "publish.py"} <= names
    assert "languages.py" not in names
    assert not any("az" in p.relative_to(SRC).parts[:-1] for p in _modules())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('if lang == "az": pass', [(1, "az")]),
        ('x = "en" != code', [(1, "en")]),
        ('ok = lang in ("en", "az")', [(1, "en"), (1, "az")]),
        ('ok = key not in {"ru"}', [(1, "ru")]),
        ('y = "az-Latn" if target == "az" else target', [(1, "az")]),
        ('match lang:\n    case "az":\n        pass', [(2, "az")]),
        ('if kind == "article": pass', []),
        ('names = {"en": 1, "az": 2}', []),  # data, not a branch
        ('f(lang="az")', []),
        ("if a < 'az': pass", []),
    ],
)
def test_the_scan_finds_comparisons_and_only_them(
    source: str, expected: list[tuple[int, str]]
) -> None:
    assert language_comparisons(ast.parse(source)) == expected


def test_no_literal_language_comparisons_outside_languages_and_az() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{line}: compares a language code to {code!r}"
        for path in _modules()
        for line, code in language_comparisons(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == [], "\n".join(offenders)
