"""Safe ``{name}`` placeholders for translator-controlled strings.

``str.format`` on a string from a ``.po`` file is unsafe: ``{user.__class__}``
walks attributes, ``{items[0]}`` indexes, ``{n:>99999999}`` allocates hundreds
of megabytes, and ``{0}``/``{}`` read positional arguments. This module parses
a template once into literal text and fields and accepts only:

* fields named by an ASCII identifier: ``{name}``;
* an optional format spec of the standard mini-language, with width at most
  :data:`MAX_WIDTH` and precision at most :data:`MAX_PRECISION`, and no nested
  fields: ``{share:.1%}``, ``{n:>3}``;
* a grammatical case instead of a format spec, for Azerbaijani translations
  that must inflect an inserted name: ``{name:genitive}`` (see
  :data:`GRAMMATICAL_CASES`). The caller supplies the inflection;
* ``{{`` and ``}}`` for literal braces.

Conversions (``!r``, ``!s``, ``!a``), attribute and index access, positional
and auto-numbered fields are rejected when the template is parsed.

>>> parse_template("Page {page} of {pages}").names == {"page", "pages"}
True
>>> parse_template("{user.__class__}")
Traceback (most recent call last):
...
diplolib._gettext.template.TemplateError: unsafe placeholder '{user.__class__}': field names must be plain identifiers like {name} (no attribute or index access)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from ..errors import DiplolibError

__all__ = [
    "GRAMMATICAL_CASES",
    "MAX_PRECISION",
    "MAX_WIDTH",
    "Template",
    "TemplateError",
    "parse_template",
    "placeholder_names",
    "render",
]

MAX_WIDTH: Final = 100
"""Largest field width a template may ask for."""

MAX_PRECISION: Final = 50
"""Largest precision a template may ask for."""

GRAMMATICAL_CASES: Final = frozenset(
    {"genitive", "dative", "accusative", "locative", "ablative", "instrumental"}
)
"""Case names a translation may put after a placeholder: ``{name:dative}``."""

Inflect = Callable[[str, str], str]

_TOKEN_RE: Final = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[{}]")
_NAME_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_SPEC_RE: Final = re.compile(
    r"(?:(?P<fill>[^{}])?(?P<align>[<>=^]))?"
    r"(?P<sign>[-+ ])?z?#?0?"
    r"(?P<width>[0-9]+)?"
    r"[,_]?"
    r"(?:\.(?P<precision>[0-9]+))?"
    r"[bcdeEfFgGnosxX%]?"
)


class TemplateError(DiplolibError, ValueError):
    """A template uses a placeholder form that is not allowed (or is malformed).

    >>> parse_template("{0}")
    Traceback (most recent call last):
    ...
    diplolib._gettext.template.TemplateError: unsafe placeholder '{0}': positional fields are not allowed; use a name like {count}
    """


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template: literal text and ``(name, spec)`` fields, in order.

    >>> parse_template("{n} comments").parts
    (('n', ''), ' comments')
    """

    parts: tuple[str | tuple[str, str], ...]
    names: frozenset[str]
    pattern: str = ""
    inflects: bool = False
    has_specs: bool = False

    @property
    def is_plain(self) -> bool:
        """True when the template has no fields (it may still contain ``{{``/``}}``).

        >>> parse_template("Print").is_plain
        True
        """
        return not self.names


def _check_field(token: str) -> tuple[str, str]:
    inner = token[1:-1]
    name, colon, spec = inner.partition(":")
    shown = token if len(token) <= 60 else token[:57] + "..."
    if "!" in name:
        raise TemplateError(f"unsafe placeholder {shown!r}: conversions like !r/!s are not allowed")
    if not name.strip():
        raise TemplateError(
            f"unsafe placeholder {shown!r}: auto-numbered fields are not allowed; "
            "use a name like {count}"
        )
    if name[:1].isdigit():
        raise TemplateError(
            f"unsafe placeholder {shown!r}: positional fields are not allowed; "
            "use a name like {count}"
        )
    if _NAME_RE.fullmatch(name) is None:
        raise TemplateError(
            f"unsafe placeholder {shown!r}: field names must be plain identifiers like "
            "{name} (no attribute or index access)"
        )
    if colon and spec in GRAMMATICAL_CASES:
        return name, spec
    if colon:
        match = _SPEC_RE.fullmatch(spec)
        if match is None:
            raise TemplateError(f"unsupported format spec in placeholder {shown!r}")
        width, precision = match["width"], match["precision"]
        # Lengths are checked before int(): a thousand-digit width must cost nothing.
        if width is not None and (len(width) > 3 or int(width) > MAX_WIDTH):
            raise TemplateError(
                f"placeholder {shown!r} asks for width {width[:12]}; the limit is {MAX_WIDTH}"
            )
        if precision is not None and (len(precision) > 3 or int(precision) > MAX_PRECISION):
            raise TemplateError(
                f"placeholder {shown!r} asks for precision {precision[:12]}; "
                f"the limit is {MAX_PRECISION}"
            )
    return name, spec


@lru_cache(maxsize=4096)
def parse_template(text: str) -> Template:
    """Parse ``text`` into a :class:`Template`, or raise :class:`TemplateError`.

    >>> parse_template("{{literal}} and {x:>5}").parts
    ('{literal} and ', ('x', '>5'))
    >>> parse_template("{n:>99999999}")
    Traceback (most recent call last):
    ...
    diplolib._gettext.template.TemplateError: placeholder '{n:>99999999}' asks for width 99999999; the limit is 100
    """
    parts: list[str | tuple[str, str]] = []
    names: set[str] = set()
    literal: list[str] = []
    pos = 0
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        literal.append(text[pos : match.start()])
        pos = match.end()
        if token == "{{":
            literal.append("{")
        elif token == "}}":
            literal.append("}")
        elif token == "{":
            raise TemplateError(f"unmatched '{{' at position {match.start()} in {text[:60]!r}")
        elif token == "}":
            raise TemplateError(
                f"single '}}' at position {match.start()} in {text[:60]!r}; write '}}}}'"
            )
        else:
            if literal:
                chunk = "".join(literal)
                if chunk:
                    parts.append(chunk)
                literal = []
            field = _check_field(token)
            parts.append(field)
            names.add(field[0])
    literal.append(text[pos:])
    chunk = "".join(literal)
    if chunk:
        parts.append(chunk)
    # The same template for str.format_map: safe now that every field has been checked.
    pattern = "".join(
        part.replace("{", "{{").replace("}", "}}")
        if isinstance(part, str)
        else "{" + part[0] + (":" + part[1] if part[1] else "") + "}"
        for part in parts
    )
    inflects = any(isinstance(p, tuple) and p[1] in GRAMMATICAL_CASES for p in parts)
    has_specs = any(isinstance(p, tuple) and p[1] for p in parts)
    return Template(tuple(parts), frozenset(names), pattern, inflects, has_specs)


def placeholder_names(text: str) -> frozenset[str] | None:
    """The set of field names in ``text``, or None when it is not a valid template.

    >>> sorted(placeholder_names("{a} and {b}") or ())
    ['a', 'b']
    >>> placeholder_names("{a.b}") is None
    True
    """
    try:
        return parse_template(text).names
    except TemplateError:
        return None


_SWAP_SEPARATORS: Final = str.maketrans(",.", ".,")


def _format_value(value: object, spec: str, decimal_comma: bool = False) -> str:
    if isinstance(value, str):
        return format(value, spec) if spec else value
    if isinstance(value, bool):
        return format(str(value), spec) if spec else str(value)
    if isinstance(value, int | float | Decimal):
        if not spec:
            return str(value)
        text = format(value, spec)
        # Python's format spec is English-only: a language that groups with '.' and
        # writes ',' for the decimal point (Azerbaijani: 12.500,75) swaps the two.
        return text.translate(_SWAP_SEPARATORS) if decimal_comma else text
    text = str(value)
    return format(text, spec) if spec else text


def render(
    template: Template,
    params: Mapping[str, object],
    inflect: Inflect | None = None,
    *,
    decimal_comma: bool = False,
) -> tuple[str, list[str]]:
    """Fill ``template`` from ``params``; return the text and the names that were missing.

    A missing name stays visible as ``{name}``. A value that does not fit its
    format spec (``{n:d}`` given a string) is shown without the spec. A field
    with a grammatical case (``{name:genitive}``) is passed through
    ``inflect(text, case)``; without ``inflect`` the value is shown as it is, and a
    ``None`` value counts as missing. ``decimal_comma`` renders number specs
    (``{x:,.2f}``, ``{share:.1%}``) with ``.`` grouping and ``,`` decimals.
    Nothing here raises for a bad value: the caller logs what is returned as missing.

    >>> render(parse_template("{n} comments, {x}"), {"n": 3})
    ('3 comments, {x}', ['x'])
    >>> render(parse_template("{n:d}"), {"n": "three"})
    ('three', [])
    >>> render(parse_template("{who:dative} məktub"), {"who": "Nazir"}, lambda w, c: w + "ə")
    ('Nazirə məktub', [])
    >>> render(parse_template("{x:,.2f} manat, {share:.1%}"), {"x": 12500.75, "share": 0.256},
    ...        decimal_comma=True)
    ('12.500,75 manat, 25,6%', [])
    """
    if not template.names:
        return "".join(template.parts), []  # type: ignore[arg-type]
    fast = not template.inflects and not (decimal_comma and template.has_specs)
    if fast and template.names <= params.keys():
        try:
            return template.pattern.format_map(params), []
        except Exception:
            pass  # a value that does not fit its spec: the careful loop below copes
    out: list[str] = []
    missing: list[str] = []
    for part in template.parts:
        if isinstance(part, str):
            out.append(part)
            continue
        name, spec = part
        if name not in params:
            missing.append(name)
            out.append("{" + name + (":" + spec if spec else "") + "}")
            continue
        value = params[name]
        if spec in GRAMMATICAL_CASES:
            if value is None:
                missing.append(name)
                out.append("{" + name + "}")
                continue
            text = str(value)
            try:
                out.append(inflect(text, spec) if inflect is not None and text else text)
            except Exception:
                out.append(text)  # a word the rules cannot inflect is shown as given
            continue
        try:
            out.append(_format_value(value, spec, decimal_comma))
        except Exception:
            # A value that does not fit the spec; whatever its type, rendering goes on.
            try:
                out.append(str(value))
            except Exception:
                out.append("{" + name + "}")
    return "".join(out), missing
