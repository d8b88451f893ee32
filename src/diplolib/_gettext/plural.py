"""Plural-Forms headers: parse, validate and evaluate them without ``eval``.

A ``.po`` header such as ``nplurals=2; plural=(n != 1);`` carries a C
expression written by a translator. It is parsed here by a small precedence
parser that knows only the tokens gettext allows (``n``, decimal numbers,
arithmetic, comparison and logical operators, ``?:`` and parentheses), with
bounded length and nesting. Evaluation follows GNU libintl: ``n`` and every
intermediate value are unsigned 64-bit integers.

A rule is validated when it is loaded: it is evaluated for n = 0…1000, and a
division by zero or a result outside ``[0, nplurals)`` rejects it. Those
results are kept in a table, so choosing the form for a usual count is a list
lookup.

>>> rule = parse_plural_forms("nplurals=2; plural=(n != 1);")
>>> rule.nplurals, rule.index(1), rule.index(5)
(2, 0, 1)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from ..errors import DiplolibError

__all__ = [
    "DEFAULT_PLURAL_FORMS",
    "MAX_EXPRESSION_LENGTH",
    "MAX_NESTING",
    "MAX_NPLURALS",
    "PluralFormsError",
    "PluralRule",
    "parse_plural_forms",
]

_log = logging.getLogger("diplolib.i18n")

DEFAULT_PLURAL_FORMS: Final = "nplurals=2; plural=(n != 1);"
"""What gettext assumes when a catalog has no Plural-Forms header (English-like)."""

MAX_EXPRESSION_LENGTH: Final = 512
"""Longest accepted ``plural=`` expression, in characters."""

MAX_NESTING: Final = 32
"""Deepest accepted nesting of parentheses, operators and ``?:``."""

MAX_NPLURALS: Final = 6
"""Most plural forms accepted; CLDR languages need at most six."""

_TABLE_SIZE: Final = 1001
_MASK: Final = (1 << 64) - 1

_HEADER_RE: Final = re.compile(
    r"\s*nplurals\s*=\s*(?P<n>[0-9]{1,3})\s*;\s*plural\s*=\s*(?P<expr>[^;]*?)\s*;?\s*"
)
_TOKEN_RE: Final = re.compile(
    r"\s*(?:(?P<num>[0-9]+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))"
)
_BINARY: Final[dict[str, int]] = {
    "||": 1,
    "&&": 2,
    "==": 3,
    "!=": 3,
    "<": 4,
    ">": 4,
    "<=": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
}

Node = tuple[object, ...]
"""A parsed expression: ``("n",)``, ``("num", v)``, ``("!", x)``, ``(op, a, b)``, ``("?", c, a, b)``."""


class PluralFormsError(DiplolibError, ValueError):
    """A Plural-Forms header is malformed or unsafe; the loader turns it into a CatalogError.

    >>> parse_plural_forms("nplurals=2; plural=n/0;")
    Traceback (most recent call last):
    ...
    diplolib._gettext.plural.PluralFormsError: plural expression 'n/0' divides by zero for n=0
    """


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = self._tokenize(text)
        self.pos = 0

    @staticmethod
    def _tokenize(text: str) -> list[str]:
        tokens: list[str] = []
        pos = 0
        end = len(text.rstrip())
        while pos < end:
            match = _TOKEN_RE.match(text, pos)
            if match is None:
                bad = text[pos:].lstrip()[:1]
                raise PluralFormsError(
                    f"unexpected character {bad!r} in plural expression {text!r}; "
                    "allowed: n, digits, ( ) ? : ! && || == != < <= > >= + - * / %"
                )
            token = match.group(match.lastgroup or "op")
            if match.lastgroup == "name" and token != "n":
                raise PluralFormsError(
                    f"unknown name {token!r} in plural expression {text!r}; only 'n' is allowed"
                )
            if match.lastgroup == "num" and len(token) > 9:
                raise PluralFormsError(f"number {token[:20]!r} in plural expression is too long")
            tokens.append(token)
            pos = match.end()
        return tokens

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise PluralFormsError("plural expression ends too early")
        self.pos += 1
        return token

    def expect(self, token: str) -> None:
        got = self.peek()
        if got != token:
            raise PluralFormsError(f"expected {token!r} in plural expression, found {got!r}")
        self.pos += 1

    def parse(self) -> Node:
        node = self.ternary(0)
        if self.peek() is not None:
            raise PluralFormsError(f"unexpected {self.peek()!r} in plural expression")
        return node

    def ternary(self, depth: int) -> Node:
        # ``depth`` counts real nesting (parentheses, ``!``, ``?:`` branches);
        # the precedence levels below add a fixed number of frames per level.
        if depth > MAX_NESTING:
            raise PluralFormsError(f"plural expression nests deeper than {MAX_NESTING} levels")
        cond = self.binary(1, depth)
        if self.peek() != "?":
            return cond
        self.pos += 1
        then = self.ternary(depth + 1)
        self.expect(":")
        other = self.ternary(depth + 1)
        return ("?", cond, then, other)

    def binary(self, level: int, depth: int) -> Node:
        if level > 6:
            return self.unary(depth)
        left = self.binary(level + 1, depth)
        while (op := self.peek()) is not None and _BINARY.get(op) == level:
            self.pos += 1
            right = self.binary(level + 1, depth)
            left = (op, left, right)
        return left

    def unary(self, depth: int) -> Node:
        token = self.take()
        if token == "!":
            if depth + 1 > MAX_NESTING:
                raise PluralFormsError(f"plural expression nests deeper than {MAX_NESTING} levels")
            return ("!", self.unary(depth + 1))
        if token == "(":
            inner = self.ternary(depth + 1)
            self.expect(")")
            return inner
        if token == "n":
            return ("n",)
        if token.isdigit():
            return ("num", int(token))
        raise PluralFormsError(f"unexpected {token!r} in plural expression")


def _evaluate(node: Node, n: int) -> int:
    kind = node[0]
    if kind == "n":
        return n
    if kind == "num":
        return node[1]  # type: ignore[return-value]
    if kind == "!":
        return 0 if _evaluate(node[1], n) else 1  # type: ignore[arg-type]
    if kind == "?":
        branch = node[2] if _evaluate(node[1], n) else node[3]  # type: ignore[arg-type]
        return _evaluate(branch, n)  # type: ignore[arg-type]
    a = _evaluate(node[1], n)  # type: ignore[arg-type]
    if kind == "&&":
        return 1 if a and _evaluate(node[2], n) else 0  # type: ignore[arg-type]
    if kind == "||":
        return 1 if a or _evaluate(node[2], n) else 0  # type: ignore[arg-type]
    b = _evaluate(node[2], n)  # type: ignore[arg-type]
    return _BINARY_OPS[kind](a, b)  # type: ignore[index]


def _div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError
    return a // b


def _mod(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError
    return a % b


_BINARY_OPS: Final[dict[str, Callable[[int, int], int]]] = {
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b),
    "+": lambda a, b: (a + b) & _MASK,
    "-": lambda a, b: (a - b) & _MASK,
    "*": lambda a, b: (a * b) & _MASK,
    "/": _div,
    "%": _mod,
}


@dataclass(frozen=True, slots=True)
class PluralRule:
    """A validated plural rule: ``nplurals`` and the form index for any count.

    >>> rule = parse_plural_forms("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);")
    >>> [rule.index(n) for n in (1, 3, 5, 22, 1_000_002)]
    [0, 1, 2, 1, 1]
    """

    nplurals: int
    expression: str
    _tree: Node = field(repr=False, compare=False)
    _table: bytes = field(repr=False, compare=False)

    def index(self, n: int) -> int:
        """Return the plural form index for the count ``n`` (a negative count uses ``-n``).

        Never raises: a count beyond the validated range whose evaluation divides
        by zero or lands outside ``[0, nplurals)`` gets the last form, and a
        warning is logged.

        >>> parse_plural_forms("nplurals=1; plural=0;").index(10**30)
        0
        """
        if 0 <= n < _TABLE_SIZE:
            return self._table[n]
        # Arithmetic results wrap at 64 bits as in libintl, but the count itself is
        # kept whole so that rules looking at the last digits stay right for huge n.
        count = -n if n < 0 else n
        if count < _TABLE_SIZE:
            return self._table[count]
        try:
            value = _evaluate(self._tree, count)
        except ZeroDivisionError:
            value = -1
        if 0 <= value < self.nplurals:
            return value
        _log.warning(
            "plural expression %r gives no valid form for n=%d; using the last form",
            self.expression,
            count,
        )
        return self.nplurals - 1


@lru_cache(maxsize=64)
def parse_plural_forms(header: str) -> PluralRule:
    """Parse and validate a ``Plural-Forms`` header value.

    Raises :class:`PluralFormsError` (a ``ValueError``) naming the problem when
    the header is malformed, too long or too deeply nested, uses anything but
    the allowed tokens, divides by zero or yields an index outside
    ``[0, nplurals)`` for some n in 0…1000.

    >>> parse_plural_forms("nplurals=2; plural=(n != 1);").index(0)
    1
    >>> parse_plural_forms("nplurals=2; plural=__import__('os');")
    Traceback (most recent call last):
    ...
    diplolib._gettext.plural.PluralFormsError: unknown name '__import__' in plural expression "__import__('os')"; only 'n' is allowed
    """
    if len(header) > MAX_EXPRESSION_LENGTH + 40:
        raise PluralFormsError(
            f"Plural-Forms header is {len(header)} characters long "
            f"(limit {MAX_EXPRESSION_LENGTH + 40})"
        )
    match = _HEADER_RE.fullmatch(header)
    if match is None:
        raise PluralFormsError(
            f"malformed Plural-Forms header {header!r}; expected e.g. {DEFAULT_PLURAL_FORMS!r}"
        )
    nplurals = int(match["n"])
    if not 1 <= nplurals <= MAX_NPLURALS:
        raise PluralFormsError(f"nplurals={nplurals} is outside 1…{MAX_NPLURALS}")
    expression = match["expr"]
    if not expression:
        raise PluralFormsError("Plural-Forms header has an empty plural= expression")
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise PluralFormsError(
            f"plural expression is {len(expression)} characters long "
            f"(limit {MAX_EXPRESSION_LENGTH})"
        )
    tree = _Parser(expression).parse()
    table = bytearray(_TABLE_SIZE)
    for n in range(_TABLE_SIZE):
        try:
            value = _evaluate(tree, n)
        except ZeroDivisionError:
            raise PluralFormsError(
                f"plural expression {expression!r} divides by zero for n={n}"
            ) from None
        if not 0 <= value < nplurals:
            raise PluralFormsError(
                f"plural expression {expression!r} gives {value} for n={n}, "
                f"outside 0…{nplurals - 1} (nplurals={nplurals})"
            )
        table[n] = value
    return PluralRule(nplurals, expression, tree, bytes(table))
