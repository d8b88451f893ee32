"""Bounds for printf-style ``%(name)s`` translations, shared by the loader and ``catalog check``.

Jinja2's ``{% trans %}`` blocks produce msgids such as ``"%(user)s signed in"``
and fill the translation with ``translation % params``. A translation is
therefore a format string written by a translator, and two things in it cost
more than text: a width (``%(user)100000000s`` pads every render to a hundred
million characters) and a conversion without a name (``%s`` against a mapping
renders the whole parameter dict). :func:`printf_problem` says why such a
translation must not be used; the runtime loader drops it with a warning and
``diplolib catalog check`` reports it as an error.

>>> printf_problem("%(user)s daxil oldu", "%(user)s signed in")
>>> printf_problem("%(user)100000000s daxil oldu", "%(user)s signed in")
'printf width or precision 100000000 in %(user)100000000s is larger than 64'
>>> printf_problem("%s çıxdı", "%(user)s signed out")
"printf conversion %s has no name; the source's parameters are named (%(user)s)"
"""

from __future__ import annotations

__all__ = ["MAX_PRINTF_WIDTH", "PRINTF_RE", "is_printf_source", "printf_problem"]

import re
from typing import Final

MAX_PRINTF_WIDTH: Final = 64
"""Largest width or precision accepted in a printf-style translation (``%(n)5d`` is fine)."""

PRINTF_RE: Final = re.compile(
    r"%(?:\((?P<name>[^)]{1,64})\))?(?P<flags>[#0\-+ ]*+)(?P<width>\*|[0-9]++)?+"
    r"(?:\.(?P<precision>\*|[0-9]++))?+[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)
"""One printf conversion specification (Python's ``%`` operator syntax)."""


def is_printf_source(msgid: str, flags: frozenset[str] = frozenset()) -> bool:
    """True when ``msgid`` is filled printf-style: a ``python-format`` flag, ``%(`` or ``%%``.

    The last two are what :mod:`diplolib.jinja` goes by (Jinja2's ``{% trans %}`` output).

    >>> is_printf_source("%(user)s signed in"), is_printf_source("100% sure")
    (True, False)
    """
    return "python-format" in flags or "%(" in msgid or "%%" in msgid


def _cut(text: str) -> str:
    return text if len(text) <= 24 else text[:21] + "..."


def _named(text: str) -> list[str]:
    return [m["name"] for m in PRINTF_RE.finditer(text) if m["name"] is not None]


def printf_problem(translation: str, *sources: str) -> str | None:
    """Why ``translation`` must not fill the printf-style ``sources``, or None when it is safe.

    Refused: a width or precision above :data:`MAX_PRINTF_WIDTH` or given as ``*``,
    a conversion without a name while the sources name their parameters, and a
    name the sources do not have.

    >>> printf_problem("%(n)5d yeni", "%(n)d new")
    >>> printf_problem("%(who)s", "%(user)s")
    "printf placeholder %(who)s is not among the source's (%(user)s)"
    """
    names = {name for source in sources for name in _named(source)}
    shown = ", ".join(f"%({name})s" for name in sorted(names))
    for match in PRINTF_RE.finditer(translation):
        if match["conv"] == "%":
            continue
        for size in (match["width"], match["precision"]):
            if size is not None and (size == "*" or len(size) > 6 or int(size) > MAX_PRINTF_WIDTH):
                spec = _cut(match.group())
                if size == "*":
                    return f"printf width or precision '*' in {spec} takes no argument"
                return (
                    f"printf width or precision {_cut(size)} in {spec} is larger than "
                    f"{MAX_PRINTF_WIDTH}"
                )
        name = match["name"]
        if name is None and names:
            return (
                f"printf conversion {_cut(match.group())} has no name; the source's parameters "
                f"are named ({shown})"
            )
        if name is not None and name not in names:
            return f"printf placeholder {_cut(match.group())} is not among the source's ({shown or 'none'})"
    return None
