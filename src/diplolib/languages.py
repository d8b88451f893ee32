"""Languages: the :data:`Lang` type, code normalisation, negotiation and the current language.

diplolib serves two content languages, English (``en``) and Azerbaijani in Latin
script (``az``). Applications pass language codes in many spellings; they are
normalised here, in one place, and nowhere else.

The *current language* lives in a :class:`contextvars.ContextVar`, so each
thread and each asyncio task sees its own value. ``asyncio.to_thread`` copies the
context into the worker thread, but ``loop.run_in_executor`` and a bare
``ThreadPoolExecutor.submit`` do not: the worker sees the default language.
Wrap the callable with :func:`carry_context` to take the caller's language along.

>>> from diplolib import get_language, use_language
>>> get_language()
'en'
>>> with use_language("az-AZ"):
...     get_language()
'az'
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "Lang",
    "carry_context",
    "get_language",
    "negotiate_language",
    "normalize_lang",
    "resolve_lang",
    "use_language",
]

import contextvars
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final, Literal, ParamSpec, TypeVar, cast

from .errors import UnsupportedLanguageError

Lang = Literal["en", "az"]
"""A content language diplolib supports."""

SUPPORTED_LANGUAGES: Final[tuple[Lang, ...]] = ("en", "az")
"""The supported languages, in their default display order."""

DEFAULT_LANGUAGE: Final[Lang] = "en"
"""The language used when neither the caller nor the context names one."""

MAX_CODE_LENGTH: Final = 64
MAX_ACCEPT_LANGUAGE_LENGTH: Final = 500

_ACCEPTED = "'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')"

# language[-script][-region][-variants...][.encoding][@modifier], '-' or '_' separated.
_CODE_RE: Final = re.compile(
    r"(?P<lang>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:[-_][A-Za-z0-9]{5,8})*"
    r"(?:\.[A-Za-z0-9-]{1,20})?"
    r"(?:@[A-Za-z0-9]{1,20})?"
)
_ALIASES: Final[dict[str, Lang]] = {"en": "en", "eng": "en", "az": "az", "aze": "az", "azj": "az"}
_SCRIPTS: Final[dict[Lang, str]] = {"en": "latn", "az": "latn"}

_current: contextvars.ContextVar[Lang | None] = contextvars.ContextVar(
    "diplolib_language", default=None
)


def _reject(value: object, why: str = "") -> UnsupportedLanguageError:
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    detail = f" ({why})" if why else ""
    return UnsupportedLanguageError(f"unsupported language {shown}{detail}; accepted: {_ACCEPTED}")


def normalize_lang(value: object) -> Lang:
    """Return the :data:`Lang` for a language code in any common spelling.

    Accepts BCP 47 tags and POSIX locale names: ``az``, ``AZ``, ``az-AZ``,
    ``az_Latn_AZ``, ``az-Latn``, ``en-GB``, ``en_US.UTF-8``, and the ISO 639-2
    codes ``aze``/``eng``. Anything else raises
    :class:`~diplolib.errors.UnsupportedLanguageError` naming the value and what
    is accepted. Azerbaijani in Cyrillic or Arabic script (``az-Cyrl``,
    ``az-Arab``) is rejected: diplolib's ``az`` is the Latin-script language.

    >>> normalize_lang("az_Latn_AZ")
    'az'
    >>> normalize_lang("EN-gb")
    'en'
    >>> normalize_lang("az-Cyrl")
    Traceback (most recent call last):
    ...
    diplolib.errors.UnsupportedLanguageError: unsupported language 'az-Cyrl' (diplolib's 'az' content is Latin script); accepted: 'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')
    """
    if not isinstance(value, str):
        raise UnsupportedLanguageError(
            f"language code must be a str, not {type(value).__name__}; accepted: {_ACCEPTED}"
        )
    # Length is checked before any parsing so hostile input costs O(1).
    if len(value) > MAX_CODE_LENGTH:
        raise UnsupportedLanguageError(
            f"language code is {len(value)} characters long (limit {MAX_CODE_LENGTH}); "
            f"accepted: {_ACCEPTED}"
        )
    code = value.strip()
    if not code:
        raise _reject(value, "empty")
    fast = _ALIASES.get(code.lower())
    if fast is not None:
        return fast
    match = _CODE_RE.fullmatch(code)
    if match is None:
        raise _reject(value, "not a language code")
    lang = _ALIASES.get(match["lang"].lower())
    if lang is None:
        raise _reject(value)
    script = match["script"]
    if script is not None and script.lower() != _SCRIPTS[lang]:
        raise _reject(value, f"diplolib's {lang!r} content is Latin script")
    return lang


def _truncate_header(header: str) -> str:
    if len(header) <= MAX_ACCEPT_LANGUAGE_LENGTH:
        return header
    head = header[:MAX_ACCEPT_LANGUAGE_LENGTH]
    # Keep only whole entries, as Django does since CVE-2023-23969.
    cut = head.rfind(",")
    return head[:cut] if cut > 0 else ""


def _parse_quality(params: list[str]) -> float | None:
    for param in params:
        key, _, raw = param.partition("=")
        if key.strip().lower() != "q":
            continue
        raw = raw.strip()
        if not re.fullmatch(r"(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)", raw):
            return None
        return float(raw)
    return 1.0


def negotiate_language(accept_language: str | None, default: str = DEFAULT_LANGUAGE) -> Lang:
    """Pick the best supported language for an HTTP ``Accept-Language`` header.

    Entries are ranked by their ``q`` value (ties keep header order); entries
    with ``q=0``, malformed entries and unsupported languages are skipped, and
    ``*`` stands for ``default``. Headers longer than 500 characters are cut at
    the last whole entry before parsing, so a hostile header costs bounded work.

    >>> negotiate_language("tr-TR,tr;q=0.9,az;q=0.8,en;q=0.5")
    'az'
    >>> negotiate_language("fr-FR, de;q=0.5", default="az")
    'az'
    >>> negotiate_language(None)
    'en'
    """
    fallback = normalize_lang(default)
    if not accept_language:
        return fallback
    if not isinstance(accept_language, str):
        raise TypeError(
            f"Accept-Language header must be a str, not {type(accept_language).__name__}"
        )
    ranked: list[tuple[float, int, Lang]] = []
    for index, entry in enumerate(_truncate_header(accept_language).split(",")):
        tag, *params = entry.split(";")
        tag = tag.strip()
        quality = _parse_quality(params)
        if not tag or quality is None or quality <= 0:
            continue
        if tag == "*":
            ranked.append((quality, index, fallback))
            continue
        try:
            ranked.append((quality, index, normalize_lang(tag)))
        except UnsupportedLanguageError:
            continue
    if not ranked:
        return fallback
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return ranked[0][2]


def get_language() -> Lang:
    """Return the current language: the innermost :func:`use_language`, else ``'en'``.

    >>> get_language()
    'en'
    """
    current = _current.get()
    return DEFAULT_LANGUAGE if current is None else current


def resolve_lang(lang: str | None) -> Lang:
    """Normalise an explicit ``lang=`` argument, or take the current language when it is None.

    This is the one place every ``lang=`` keyword in diplolib goes through.

    >>> resolve_lang(None)
    'en'
    >>> resolve_lang("az_AZ")
    'az'
    """
    if lang is None:
        current = _current.get()
        return DEFAULT_LANGUAGE if current is None else current
    if lang == "en" or lang == "az":
        return cast(Lang, lang)
    return normalize_lang(lang)


@contextmanager
def use_language(lang: str) -> Iterator[Lang]:
    """Make ``lang`` the current language inside a ``with`` block.

    Nesting works, and the previous language comes back on exit even when the
    block raises. The value is per thread and per asyncio task. Leaving the
    block never raises, even from another context (a generator closed in
    another thread or task); a generator that yields inside the block lends its
    language to its consumer while it is suspended (see ``docs/languages.md``
    for the pattern to use instead).

    >>> with use_language("az") as lang:
    ...     print(lang, get_language())
    az az
    >>> get_language()
    'en'
    """
    token = _current.set(normalize_lang(lang))
    try:
        yield cast(Lang, _current.get())
    finally:
        _leave(token)


def _leave(token: contextvars.Token[Lang | None]) -> None:
    """Undo one :func:`use_language`, whatever context the block is left from.

    A generator that yields inside ``with use_language(…)`` may be closed (or
    collected) from a copied context, another thread or another task. The
    language was set in the context the block was entered from; the context
    closing it never saw that value, so there is nothing to undo there, and
    leaving must not raise.
    """
    try:
        _current.reset(token)
    except ValueError:
        pass  # created in another context: this one was never changed
    except RuntimeError:  # pragma: no cover - a token is used once; reset twice is a bug
        pass


P = ParamSpec("P")
R = TypeVar("R")


def carry_context(func: Callable[P, R]) -> Callable[P, R]:
    """Bind ``func`` to a copy of the caller's context (current language included).

    Use it for ``loop.run_in_executor`` and ``ThreadPoolExecutor.submit``, which
    otherwise run ``func`` with the worker thread's own (default) context.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with use_language("az"), ThreadPoolExecutor(1) as pool:
    ...     plain = pool.submit(get_language).result()
    ...     carried = pool.submit(carry_context(get_language)).result()
    >>> plain, carried
    ('en', 'az')
    """
    context = contextvars.copy_context()

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        return context.copy().run(func, *args, **kwargs)

    run.__name__ = getattr(func, "__name__", "run")
    run.__doc__ = func.__doc__
    return run
