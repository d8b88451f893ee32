"""UI strings through gettext: lookups, safe placeholders, lazy strings and host catalogs.

The library's own wording lives in the ``diplolib`` gettext domain
(``locales/<lang>/LC_MESSAGES/diplolib.po``); catalogs are compiled in memory
the first time a language is used and cached. Source strings are English.

* :func:`gettext`, :func:`ngettext`, :func:`pgettext`, :func:`npgettext`
  translate into ``lang=`` or, when it is omitted, the current
  :func:`~diplolib.languages.use_language` language.
* Parameters are keyword arguments filled into named ``{name}`` placeholders
  by a restricted formatter (no attribute/index access, bounded widths, no
  positional fields). A translation whose placeholders differ from its source
  is ignored (a warning is logged) and the next catalog or the source string
  is used instead. A missing parameter stays visible as ``{name}`` and is
  logged; rendering never raises because of a catalog.
* Counts: the plural form follows the language's Plural-Forms rule, and an
  optional ``zero=`` wording (itself a catalog entry, marked with :func:`N_`)
  replaces the count when it is 0.
* :func:`lazy_gettext` and friends return :class:`LazyString` values that
  translate when used, in the language current at that moment.
* :func:`add_catalog` / :func:`use_catalogs` layer a host application's own
  catalogs over the library's: the host's wording wins, then the library's,
  then the same for each language of
  :func:`~diplolib.languages.fallback_chain` (English for ``az``), then the
  source string.

>>> from diplolib import gettext, ngettext, use_language
>>> gettext("Print", lang="az")
'Çap et'
>>> with use_language("az"):
...     ngettext("{n} comment", "{n} comments", 5, n=5)
'5 şərh'
>>> ngettext("{n} comment", "{n} comments", 0, zero=N_("No comments"), lang="az")
'Şərh yoxdur'
"""

from __future__ import annotations

import logging
import operator
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, cast

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from . import languages as _languages
from ._gettext.catalogs import (
    LIBRARY_DOMAIN,
    Catalog,
    CatalogLayer,
    FallbackChain,
    check_language,
)
from ._gettext.template import TemplateError, parse_template, render
from ._resources import locales_dir
from .errors import ArgumentTypeError, CatalogError
from .languages import Lang

if TYPE_CHECKING:
    from babel.support import Translations

__all__ = [
    "LIBRARY_DOMAIN",
    "CatalogLayer",
    "FallbackChain",
    "LazyString",
    "N_",
    "add_catalog",
    "get_chain",
    "get_translations",
    "gettext",
    "lazy_gettext",
    "lazy_ngettext",
    "lazy_pgettext",
    "ngettext",
    "npgettext",
    "pgettext",
    "placeholder_inflection",
    "reload_catalogs",
    "remove_catalog",
    "use_catalogs",
]

_log = logging.getLogger("diplolib.i18n")

_DEFAULT: Final[Lang] = _languages.DEFAULT_LANGUAGE
# The current-language variable is read directly: this is the hot path of
# every UI string, and resolve_language(None) would only add a call around it.
_current_language = _languages._current


_lock = threading.RLock()
_library: CatalogLayer | None = None
_host_layers: tuple[CatalogLayer, ...] = ()  # highest priority first
_chains: dict[tuple[Lang, tuple[CatalogLayer, ...]], FallbackChain] = {}
_MAX_CHAINS: Final = 256
_MAX_ALIASES: Final = 32
# Layers of the innermost use_catalogs() block, and how many blocks are open in
# any thread or task: while none is, lookups skip the context variable.
_scope: ContextVar[tuple[CatalogLayer, ...]] = ContextVar("diplolib_catalogs", default=())
_scopes = 0
# Scope marker of without_catalogs(): serve source strings only.
_NO_CATALOGS: Final = cast(CatalogLayer, object())


# Hot path: for each language value seen (None, "az", "en", a few aliases), the
# translations that need no formatting, from the process-wide layers. Filled by
# _resolve(); cleared whenever layers change.
_plain: dict[object, dict[object, str]] = {}
_fast_chains: dict[object, FallbackChain] = {}
_get_current = _current_language.get
_generation = 0  # bumped whenever layers change

# How each language renders placeholders: (inflection or None, decimal comma).
_render_rules: dict[Lang | None, tuple[Callable[[str, str], str] | None, bool]] = {}

_warned: set[tuple[str, str]] = set()
_MAX_WARNED: Final = 1024


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction without translating it; returns it unchanged.

    Use it where a string is data (a section name in a table, a ``zero=``
    wording) and is translated later by :func:`gettext`.

    >>> N_("Foreign press")
    'Foreign press'
    """
    return message


def _library_layer() -> CatalogLayer:
    global _library
    layer = _library
    if layer is None:
        with _lock:
            layer = _library
            if layer is None:
                try:
                    directory = locales_dir()
                except FileNotFoundError as exc:
                    raise CatalogError(str(exc)) from None
                layer = _library = CatalogLayer(directory, LIBRARY_DOMAIN, eager=False)
    return layer


def _build_chain(lang: Lang, layers: tuple[CatalogLayer, ...]) -> FallbackChain:
    if _NO_CATALOGS in layers:
        return FallbackChain(lang, [])
    catalogs: list[Catalog] = []
    for code in _languages.fallback_chain(lang, ui=True):
        for layer in (*layers, _library_layer()):
            catalog = layer.catalog(code)
            if catalog is not None:
                catalogs.append(catalog)
    return FallbackChain(lang, catalogs)


def _chain(code: Lang, scoped: tuple[CatalogLayer, ...]) -> FallbackChain:
    key = (code, scoped)
    chain = _chains.get(key)
    if chain is None:
        with _lock:
            chain = _chains.get(key)
            if chain is None:
                if len(_chains) >= _MAX_CHAINS:
                    _chains.clear()  # many short-lived scoped layer sets: start over
                chain = _chains[key] = _build_chain(code, scoped + _host_layers)
    return chain


def _resolve(lang: object) -> FallbackChain:
    key = _get_current() if lang is None else lang
    if not _scopes:
        try:
            return _fast_chains[key]
        except (KeyError, TypeError):
            pass
    if key is None:
        code: Lang = _DEFAULT
    elif type(key) is str and key in _languages.SUPPORTED_LANGUAGES:
        code = key
    else:
        code = check_language(key)
    scoped = _scope.get()
    generation = _generation
    chain = _chain(code, scoped)
    if not scoped and _plain.get(key) is not chain.plain:
        with _lock:
            # Not if the layers changed meanwhile: this chain may be stale.
            if generation == _generation and (
                key is None or key == code or len(_plain) < _MAX_ALIASES
            ):
                _plain[key] = chain.plain
                _fast_chains[key] = chain
    return chain


def get_chain(lang: str | None = None) -> FallbackChain:
    """The :class:`FallbackChain` for ``lang`` (default: the current language).

    >>> [c.lang for c in get_chain("az").catalogs]
    ['az', 'en']
    """
    return _resolve(lang)


def _warn_once(source: str, what: str, message: str, *args: object) -> None:
    key = (source, what)
    if key in _warned:
        return
    if len(_warned) >= _MAX_WARNED:
        _warned.clear()
    _warned.add(key)
    _log.warning(message, *args)


def placeholder_inflection(lang: str | None = None) -> Callable[[str, str], str] | None:
    """How ``{name:genitive}`` placeholders inflect in ``lang``; None shows values as given.

    It is the language's :meth:`~diplolib.text_rules.TextRules.inflect` when its
    rules inflect placeholders (Azerbaijani's do).

    >>> placeholder_inflection("az")("Bakı", "locative"), placeholder_inflection("en") is None
    ('Bakıda', True)
    """
    rules = _languages.language_spec(lang).text_rules
    return rules.inflect if rules.inflects_placeholders else None


def _format(text: str, source: str, params: Mapping[str, object], lang: Lang | None = None) -> str:
    try:
        template = parse_template(text)
    except TemplateError as exc:
        # Translations were checked at load, so this is the source string itself.
        _warn_once(source, "template", "UI string %r is not a valid template: %s", source, exc)
        return text
    # Only languages whose rules inflect placeholders do (Azerbaijani): a case spec
    # elsewhere shows the value as given.
    try:
        inflect, decimal_comma = _render_rules[lang]  # lang is a chain's normalised code
    except KeyError:
        rules = _languages.language_spec(lang).text_rules
        inflect = rules.inflect if rules.inflects_placeholders else None
        decimal_comma = rules.decimal_comma
        if lang is not None:  # None means "the current language": not a fixed key
            _render_rules[lang] = (inflect, decimal_comma)
    result, missing = render(template, params, inflect, decimal_comma=decimal_comma)
    if missing:
        _warn_once(
            source,
            ",".join(missing),
            "UI string %r was rendered without parameter(s) %s",
            source,
            ", ".join(missing),
        )
    return result


def _check_message(message: object, func: str) -> None:
    if not isinstance(message, str):
        raise ArgumentTypeError(
            f"{func}() takes the message as a str, not {type(message).__name__} ({message!r:.40})"
        )


def _count(n: object) -> int:
    if type(n) is int:
        return n
    if not isinstance(n, bool):
        try:
            return operator.index(n)  # type: ignore[arg-type]
        except TypeError:
            pass
    shown = repr(n) if len(repr(n)) <= 40 else repr(n)[:37] + "..."
    raise ArgumentTypeError(f"the count n must be an integer, not {type(n).__name__} {shown}")


def gettext(message: str, /, *, lang: str | None = None, **params: object) -> str:
    """Translate ``message`` and fill its ``{name}`` placeholders from ``params``.

    >>> gettext("Main page", lang="az")
    'Ana səhifə'
    >>> gettext("Page {page} of {pages}", lang="az", page=2, pages=7)
    'Səhifə 2 / 7'
    """
    if not (params or _scopes):
        try:
            found = _plain[lang if lang is not None else _get_current()].get(message)
        except (KeyError, TypeError):  # first use of this language, or a bad lang
            found = None
        if found is not None:
            return found
    _check_message(message, "gettext")
    chain = _resolve(lang)
    text = chain.messages.get(message, message)
    if params or "{" in text or "}" in text:
        return _format(text, message, params, chain.lang)
    return text


def pgettext(context: str, message: str, /, *, lang: str | None = None, **params: object) -> str:
    """Translate ``message`` in a disambiguating ``context`` (gettext's ``msgctxt``).

    >>> pgettext("article part", "lead", lang="az")
    'giriş'
    """
    key = (context, message)
    if not (params or _scopes):
        try:
            found = _plain[lang if lang is not None else _get_current()].get(key)
        except (KeyError, TypeError):
            found = None
        if found is not None:
            return found
    _check_message(context, "pgettext")
    _check_message(message, "pgettext")
    chain = _resolve(lang)
    text = chain.messages.get(key, message)
    if params or "{" in text or "}" in text:
        return _format(text, message, params, chain.lang)
    return text


def _plural(
    chain: FallbackChain,
    context: str | None,
    singular: str,
    plural: str,
    n: int,
    zero: str | None,
    params: dict[str, object],
) -> str:
    _check_message(singular, "ngettext")
    _check_message(plural, "ngettext")
    params.setdefault("n", n)
    if zero is not None and n == 0:
        messages = chain.messages
        text = messages.get((context, zero), zero) if context is not None else zero
        if text is zero:
            text = messages.get(zero, zero)
        return _format(text, zero, params, chain.lang)
    hit = chain.plurals.get(singular if context is None else (context, singular))
    source = singular if n == 1 else plural
    text = source if hit is None else hit[0][hit[1].index(n)]
    return _format(text, source, params, chain.lang)


def ngettext(
    singular: str,
    plural: str,
    n: int,
    /,
    *,
    zero: str | None = None,
    lang: str | None = None,
    **params: object,
) -> str:
    """Translate a count: pick the plural form for ``n`` and fill the placeholders.

    ``n`` is also available to the template as ``{n}`` unless ``params`` sets
    it. With ``zero=``, a count of 0 uses that wording instead (looked up in the
    catalog like any message; mark it with :func:`N_` so it is extracted).
    Azerbaijani keeps the noun singular after a numeral.

    >>> ngettext("{n} comment", "{n} comments", 1, lang="az")
    '1 şərh'
    >>> ngettext("{n} comment", "{n} comments", 21)
    '21 comments'
    >>> ngettext("{n} comment", "{n} comments", 0, zero=N_("No comments"))
    'No comments'
    """
    return _plural(_resolve(lang), None, singular, plural, _count(n), zero, params)


def npgettext(
    context: str,
    singular: str,
    plural: str,
    n: int,
    /,
    *,
    zero: str | None = None,
    lang: str | None = None,
    **params: object,
) -> str:
    """:func:`ngettext` with a context; a ``zero=`` wording is looked up in the
    context first, then without it.

    >>> npgettext("article", "{n} view", "{n} views", 3)
    '3 views'
    >>> npgettext("article", "{n} view", "{n} views", 0, zero=N_("No views"), lang="az")
    'Baxış yoxdur'
    """
    return _plural(_resolve(lang), context, singular, plural, _count(n), zero, params)


def get_translations(lang: str | None = None) -> Translations:
    """A babel ``Translations`` for ``lang`` with the host layers and the library's catalogs.

    Hand it to a gettext-style API that produces plain text. Its plural
    function is diplolib's own evaluator of the catalog's ``Plural-Forms``, so
    it picks the same form as :func:`ngettext` for every count. Do not install
    it into a Jinja2 environment that renders HTML: Jinja2's newstyle gettext
    marks translations as safe markup, so translator markup would reach the
    page unescaped; :func:`diplolib.jinja.create_environment` escapes them (see
    ``docs/ui-strings.md``). Unknown languages raise
    :class:`~diplolib.errors.CatalogLanguageError`.

    >>> get_translations("az").gettext("Share")
    'Paylaş'
    >>> get_translations("az").ngettext("{n} comment", "{n} comments", 4)
    '{n} şərh'
    """
    return _resolve(lang).translations()


def _invalidate() -> None:
    global _generation
    _generation += 1
    _chains.clear()
    _plain.clear()
    _fast_chains.clear()


def _languages_changed() -> None:
    """A language was (un)registered: rebuild the library layer and every chain on next use."""
    global _library
    with _lock:
        _library = None
        _render_rules.clear()
        _invalidate()


_languages.watch_languages(_languages_changed)


def add_catalog(directory: str | Path, domain: str) -> CatalogLayer:
    """Layer a host application's catalogs over the library's, process-wide.

    ``directory`` uses the gettext layout ``<lang>/LC_MESSAGES/<domain>.po``
    (or ``.mo``). The files are read and checked now, so a broken catalog
    raises :class:`~diplolib.errors.CatalogError` here, not while a page
    renders. The most recently added layer wins. Returns the layer, for
    :func:`remove_catalog`.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "az" / "LC_MESSAGES").mkdir(parents=True)
    >>> _ = (root / "az" / "LC_MESSAGES" / "portal.po").write_text(
    ...     'msgid "Print"\\nmsgstr "Çap"\\n', encoding="utf-8")
    >>> layer = add_catalog(root, "portal")
    >>> gettext("Print", lang="az"), gettext("Share", lang="az")
    ('Çap', 'Paylaş')
    >>> remove_catalog(layer)
    >>> gettext("Print", lang="az")
    'Çap et'
    """
    global _host_layers
    layer = CatalogLayer(directory, domain)
    with _lock:
        _host_layers = (layer, *_host_layers)
        _invalidate()
    return layer


def remove_catalog(layer: CatalogLayer) -> None:
    """Remove a layer added with :func:`add_catalog` (unknown layers raise CatalogError).

    >>> remove_catalog(CatalogLayer(locales_dir(), "diplolib", eager=False))
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: CatalogLayer('.../locales', 'diplolib') was not added with add_catalog()
    """
    global _host_layers
    with _lock:
        # Matched by folder and domain, not identity: reload_catalogs() re-reads the
        # files into new layer objects, and the caller still holds the old one.
        key = (layer.directory, layer.domain)
        if not any((existing.directory, existing.domain) == key for existing in _host_layers):
            raise CatalogError(f"{layer!r} was not added with add_catalog()")
        _host_layers = tuple(
            existing for existing in _host_layers if (existing.directory, existing.domain) != key
        )
        _invalidate()


@contextmanager
def use_catalogs(
    *layers: CatalogLayer | tuple[str | Path, str],
) -> Iterator[tuple[CatalogLayer, ...]]:
    """Layer catalogs over everything else inside a ``with`` block (per thread and task).

    Each item is a :class:`CatalogLayer` or a ``(directory, domain)`` pair; the
    first wins. Useful for a multi-tenant app whose tenants word things
    differently, and for tests.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "az" / "LC_MESSAGES").mkdir(parents=True)
    >>> _ = (root / "az" / "LC_MESSAGES" / "tenant.po").write_text(
    ...     'msgid "Share"\\nmsgstr "Bölüş"\\n', encoding="utf-8")
    >>> with use_catalogs((root, "tenant")):
    ...     gettext("Share", lang="az")
    'Bölüş'
    >>> gettext("Share", lang="az")
    'Paylaş'
    """
    global _scopes
    loaded = tuple(
        layer if isinstance(layer, CatalogLayer) else CatalogLayer(*layer) for layer in layers
    )
    with _lock:
        _scopes += 1
    token = _scope.set(loaded + _scope.get())
    try:
        yield loaded
    finally:
        _scope.reset(token)
        with _lock:
            _scopes -= 1


@contextmanager
def without_catalogs() -> Iterator[None]:
    """Serve every UI string untranslated inside the block (used by tools that must
    keep working while the catalogs themselves are broken)."""
    global _scopes
    with _lock:
        _scopes += 1
    token = _scope.set((_NO_CATALOGS,))
    try:
        yield
    finally:
        _scope.reset(token)
        with _lock:
            _scopes -= 1


def reload_catalogs() -> None:
    """Forget every loaded catalog so the next lookup reads the files again.

    Host layers added with :func:`add_catalog` are re-read at once (errors
    surface here); the library's catalogs are re-read on next use.

    >>> reload_catalogs()
    >>> gettext("Print", lang="az")
    'Çap et'
    """
    global _library, _host_layers
    with _lock:
        _host_layers = tuple(CatalogLayer(layer.directory, layer.domain) for layer in _host_layers)
        _library = None
        _warned.clear()
        _invalidate()


class LazyString:
    """A UI string translated when it is used, in the language current at that moment.

    It behaves like a ``str`` in the ways templates and code use one:
    ``str()``, f-strings and ``format``, ``+``, ``len``, ``in``, indexing,
    comparison and hashing (both by the translated text, so it equals and
    hashes like the ``str`` it resolves to) and the ``str`` methods
    (``.upper()``, ``.split()``, …). In a pydantic model field typed
    ``LazyString`` it is validated as is and serialised as its text. It is not
    a ``str`` subclass: pass ``str(value)`` to APIs that insist on one (such as
    ``json.dumps``).

    Because equality and hashing follow the current language, a lazy string
    used as a dict key or set member must be used under one language.

    >>> from diplolib import use_language
    >>> title = lazy_gettext("Foreign press")
    >>> with use_language("az"):
    ...     print(f"<h2>{title}</h2>", title.upper(), title == "Xarici mətbuat")
    <h2>Xarici mətbuat</h2> XARICI MƏTBUAT True
    >>> str(title)
    'Foreign press'
    """

    __slots__ = ("_args", "_func", "_kwargs", "_source")

    def __init__(
        self,
        func: Callable[..., str],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
        source: str,
    ) -> None:
        self._func = func
        self._args = args
        self._kwargs = dict(kwargs)
        self._source = source

    @property
    def source(self) -> str:
        """The untranslated source string (the msgid).

        >>> lazy_gettext("Print").source
        'Print'
        """
        return self._source

    def __str__(self) -> str:
        return self._func(*self._args, **self._kwargs)

    def __repr__(self) -> str:
        return f"LazyString({self._source!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyString):
            return str(self) == str(other)
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other: object) -> bool:
        if isinstance(other, LazyString | str):
            return str(self) < str(other)
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, LazyString | str):
            return str(self) <= str(other)
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, LazyString | str):
            return str(self) > str(other)
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, LazyString | str):
            return str(self) >= str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __len__(self) -> int:
        return len(str(self))

    def __bool__(self) -> bool:
        return bool(str(self))

    def __iter__(self) -> Iterator[str]:
        return iter(str(self))

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, LazyString | str):
            raise ArgumentTypeError(f"'in <LazyString>' requires a str, not {type(item).__name__}")
        return str(item) in str(self)

    def __getitem__(self, index: SupportsIndex | slice) -> str:
        return str(self)[index]

    def __add__(self, other: object) -> str:
        if isinstance(other, LazyString | str):
            return str(self) + str(other)
        return NotImplemented

    def __radd__(self, other: object) -> str:
        if isinstance(other, LazyString | str):
            return str(other) + str(self)
        return NotImplemented

    def __mul__(self, count: SupportsIndex) -> str:
        return str(self) * count

    __rmul__ = __mul__

    def __getattr__(self, name: str) -> Any:
        # Only public str methods are forwarded: dunder lookups (copy, pickle,
        # __html__) must not trigger a translation.
        if name.startswith("_") or not hasattr(str, name):
            # Builtin on purpose: getattr()/hasattr() rely on AttributeError.
            raise AttributeError(f"'LazyString' object has no attribute {name!r}")
        return getattr(str(self), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyString, (self._func, self._args, self._kwargs, self._source))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.str_schema(),
            python_schema=core_schema.union_schema(
                [core_schema.is_instance_schema(cls), core_schema.str_schema()]
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, return_schema=core_schema.str_schema()
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string"}


def lazy_gettext(message: str, /, *, lang: str | None = None, **params: object) -> LazyString:
    """:func:`gettext`, deferred until the value is used.

    Typical for module-level constants (menu labels, section names) created
    before any language is chosen.

    >>> from diplolib import use_language
    >>> label = lazy_gettext("Read more")
    >>> with use_language("az"):
    ...     str(label)
    'Ətraflı'
    """
    kwargs = params if lang is None else {"lang": lang, **params}
    return LazyString(gettext, (message,), kwargs, message)


def lazy_pgettext(
    context: str, message: str, /, *, lang: str | None = None, **params: object
) -> LazyString:
    """:func:`pgettext`, deferred until the value is used.

    >>> str(lazy_pgettext("translation status", "Original", lang="az"))
    'Orijinal'
    """
    kwargs = params if lang is None else {"lang": lang, **params}
    return LazyString(pgettext, (context, message), kwargs, message)


def lazy_ngettext(
    singular: str,
    plural: str,
    n: int,
    /,
    *,
    zero: str | None = None,
    lang: str | None = None,
    **params: object,
) -> LazyString:
    """:func:`ngettext`, deferred until the value is used.

    >>> from diplolib import use_language
    >>> views = lazy_ngettext("{n} view", "{n} views", 0, zero=N_("No views"))
    >>> with use_language("az"):
    ...     str(views)
    'Baxış yoxdur'
    """
    _count(n)
    return LazyString(
        ngettext,
        (singular, plural, n),
        {"zero": zero, "lang": lang, **params},
        singular,
    )
