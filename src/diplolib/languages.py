"""Languages: the language registry, code normalisation, negotiation and the current language.

diplolib ships two content languages, English (``en``) and Azerbaijani in Latin
script (``az``); a host application registers more with :func:`register_language`.
Each language is one :class:`LanguageSpec` (CLDR locale, script, plural forms,
names, fallback chain, text rules), and every module reads it from here: no
other module spells out a language. Applications pass language codes in many
spellings; they are normalised here, in one place, and nowhere else.

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
    "BUILTIN_LANGUAGES",
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "BuiltinLang",
    "EnglishRules",
    "Lang",
    "LanguageName",
    "LanguageSpec",
    "TextRules",
    "carry_context",
    "fallback_chain",
    "get_language",
    "language_name",
    "language_spec",
    "negotiate_language",
    "normalize_lang",
    "normalize_language",
    "register_language",
    "registered_language",
    "resolve_lang",
    "resolve_language",
    "supported_languages",
    "unregister_language",
    "use_language",
    "watch_languages",
]

import contextvars
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Final, Literal, ParamSpec, TypeAlias, TypeVar, overload

from ._deprecation import renamed
from .errors import ArgumentTypeError, LanguageRegistryError, UnsupportedLanguageError
from .text_rules import EnglishRules, TextRules

Lang: TypeAlias = str
"""A normalised code of a registered language (``"en"``, ``"az"``, or one a host app registered).

Functions that return a ``Lang`` only ever return a code :func:`normalize_language`
accepts. The type is ``str`` so that languages registered at run time are
first-class; :data:`BuiltinLang` names the two built-in codes as a ``Literal``.
"""

BuiltinLang = Literal["en", "az"]
"""The languages diplolib ships with."""

BUILTIN_LANGUAGES: Final[tuple[BuiltinLang, ...]] = ("en", "az")
"""The built-in languages, in their default display order."""

DEFAULT_LANGUAGE: Final[Lang] = "en"
"""The language used when neither the caller nor the context names one.

It is also the language of diplolib's source strings and cannot be unregistered.
"""

MAX_CODE_LENGTH: Final = 64
MAX_ACCEPT_LANGUAGE_LENGTH: Final = 500

# language[-script][-region][-variants...][.encoding][@modifier], '-' or '_' separated.
_CODE_RE: Final = re.compile(
    r"(?P<lang>[A-Za-z]{2,3})"
    r"(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:[-_][A-Za-z0-9]{5,8})*"
    r"(?:\.[A-Za-z0-9-]{1,20})?"
    r"(?:@[A-Za-z0-9]{1,20})?"
)
_SPEC_CODE_RE: Final = re.compile(r"[a-z]{2,3}")
_SCRIPT_RE: Final = re.compile(r"[A-Z][a-z]{3}")


def _azerbaijani_rules() -> TextRules:
    from .az import RULES  # the Azerbaijani toolkit loads on first use, not with diplolib

    return RULES


# ---------------------------------------------------------------------------
# Language specifications


@dataclass(frozen=True, slots=True)
class LanguageName:
    """A language's name in one language: standalone (a menu) and inside a sentence.

    >>> LanguageName("İngilis dili", "ingilis dili").in_sentence
    'ingilis dili'
    """

    standalone: str
    in_sentence: str


@dataclass(frozen=True, kw_only=True, eq=False)
class LanguageSpec:
    """Everything diplolib knows about one content language.

    * ``code``: the normalised code (ISO 639-1 or -3, lower case), e.g. ``"ru"``;
    * ``locale``: the Babel/CLDR locale the formatters use (``"ru"``, ``"en_GB"``);
    * ``scripts``: the ISO 15924 scripts its content is written in (``("Cyrl",)``);
      a tag naming another script (``az-Cyrl``) is not this language;
    * ``plural_forms``: the gettext ``Plural-Forms`` header (``nplurals=…; plural=…;``);
    * ``names``: the language's own name in languages keyed by code, each a
      :class:`LanguageName`; it should hold at least its own code (the endonym);
    * ``fallbacks``: languages whose content stands in, in order, when a value is absent;
    * ``aliases``: other codes meaning it (``"rus"``); ``catalog_folders``: extra
      ``locales/`` folder names tried for its catalogs (the code and locale always are);
    * ``detect_label``: the code :mod:`diplolib.detect` uses for it (``None``: the code);
    * ``slug_style``: ``"ascii"`` (letters folded to ASCII), ``"romanize"``
      (other languages' words romanised first, as English pages do) or ``"unicode"``
      (letters kept: Cyrillic slugs stay Cyrillic);
    * ``romanize_from``: languages whose names are romanised, not shown as written,
      when this language falls back to them;
    * ``rules``: its :class:`TextRules` (or a no-argument callable returning them,
      called on first use);
    * ``locale_styles``: other CLDR locales for a date style (English: ``{"dmy": "en_GB"}``);
    * ``other_names``: other languages' names in this language (``{"en": LanguageName("Английский",
      "английский")}``), for languages registered before it.

    >>> ru = LanguageSpec(code="ru", locale="ru", scripts=("Cyrl",),
    ...     plural_forms="nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    ...     names={"ru": LanguageName("Русский", "русский"), "en": LanguageName("Russian", "Russian")})
    >>> ru.nplurals, ru.script, ru.name_in("en"), ru.name_in("az")
    (3, 'Cyrl', 'Russian', 'Русский')
    """

    code: str
    locale: str
    scripts: tuple[str, ...]
    plural_forms: str
    names: Mapping[str, LanguageName]
    fallbacks: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    aliases: tuple[str, ...] = ()
    catalog_folders: tuple[str, ...] = ()
    detect_label: str | None = None
    slug_style: Literal["ascii", "romanize", "unicode"] = "unicode"
    romanize_from: tuple[str, ...] = ()
    rules: TextRules | Callable[[], TextRules] = field(default_factory=TextRules)
    locale_styles: Mapping[str, str] = field(default_factory=dict)
    other_names: Mapping[str, LanguageName] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or _SPEC_CODE_RE.fullmatch(self.code) is None:
            raise LanguageRegistryError(
                f"LanguageSpec code {self.code!r} is not a language code; "
                "accepted: 2 or 3 lower-case letters such as 'ru'"
            )
        if not self.scripts or any(
            not isinstance(s, str) or _SCRIPT_RE.fullmatch(s) is None for s in self.scripts
        ):
            raise LanguageRegistryError(
                f"LanguageSpec {self.code!r}: scripts {self.scripts!r} must be ISO 15924 "
                "codes such as ('Latn',) or ('Cyrl',)"
            )
        from ._gettext.plural import PluralFormsError, parse_plural_forms

        try:
            parse_plural_forms(self.plural_forms)
        except (PluralFormsError, TypeError) as exc:
            raise LanguageRegistryError(
                f"LanguageSpec {self.code!r}: plural_forms is not a usable Plural-Forms "
                f"header ({exc})"
            ) from None
        if self.slug_style not in ("ascii", "romanize", "unicode"):
            raise LanguageRegistryError(
                f"LanguageSpec {self.code!r}: slug_style {self.slug_style!r}; "
                "accepted: 'ascii', 'romanize', 'unicode'"
            )
        for name in (*self.names.values(), *self.other_names.values()):
            if not isinstance(name, LanguageName):
                raise LanguageRegistryError(
                    f"LanguageSpec {self.code!r}: names must map codes to LanguageName, "
                    f"not {type(name).__name__}"
                )

    @property
    def nplurals(self) -> int:
        """The number of plural forms, from :attr:`plural_forms`.

        >>> language_spec("az").nplurals
        2
        """
        from ._gettext.plural import parse_plural_forms

        return parse_plural_forms(self.plural_forms).nplurals

    @property
    def script(self) -> str:
        """The script content in this language is written in (the first of :attr:`scripts`).

        >>> language_spec("az").script
        'Latn'
        """
        return self.scripts[0]

    @property
    def label(self) -> str:
        """The language's code in :mod:`diplolib.detect` (``az-Latn`` for Azerbaijani).

        >>> language_spec("az").label, language_spec("en").label
        ('az-Latn', 'en')
        """
        return self.detect_label or self.code

    @property
    def locale_folders(self) -> tuple[str, ...]:
        """Folder names under ``locales/`` that hold this language's catalogs.

        >>> language_spec("az").locale_folders
        ('az', 'az_AZ', 'az_Latn', 'az_Latn_AZ')
        """
        return tuple(dict.fromkeys((self.code, self.locale, *self.catalog_folders)))

    @cached_property
    def text_rules(self) -> TextRules:
        """The language's :class:`TextRules` (built on first use).

        >>> language_spec("az").text_rules.upper("istiqlal")
        'İSTİQLAL'
        """
        rules = self.rules
        return rules if isinstance(rules, TextRules) else rules()

    def name_in(self, lang: str, *, in_sentence: bool = False) -> str:
        """The language's name in ``lang``; its own name (endonym) when nobody gave one.

        The name comes from :attr:`names`, else from ``lang``'s own
        :attr:`other_names` (a registered language can name the built-in ones).

        >>> az = language_spec("az")
        >>> az.name_in("en"), az.name_in("az"), az.name_in("az", in_sentence=True)
        ('Azerbaijani', 'Azərbaycan dili', 'Azərbaycan dili')
        """
        name = self.names.get(lang)
        if name is None:
            other = _registry.get(lang)
            name = other.other_names.get(self.code) if other is not None else None
        name = name or self.names.get(self.code)
        if name is None:
            name = next(iter(self.names.values()), LanguageName(self.code, self.code))
        return name.in_sentence if in_sentence else name.standalone

    def __repr__(self) -> str:
        return f"LanguageSpec(code={self.code!r}, locale={self.locale!r}, scripts={self.scripts!r})"


_ENGLISH: Final = LanguageSpec(
    code="en",
    locale="en",
    scripts=("Latn",),
    plural_forms="nplurals=2; plural=(n != 1);",
    names={
        "en": LanguageName("English", "English"),
        "az": LanguageName("İngilis dili", "ingilis dili"),
    },
    fallbacks=("az",),
    aliases=("eng",),
    catalog_folders=("en_US", "en_GB"),
    slug_style="romanize",
    romanize_from=("az",),
    rules=EnglishRules(),
    locale_styles={"dmy": "en_GB"},
)
_AZERBAIJANI: Final = LanguageSpec(
    code="az",
    locale="az",
    scripts=("Latn",),
    plural_forms="nplurals=2; plural=(n != 1);",
    names={
        "en": LanguageName("Azerbaijani", "Azerbaijani"),
        "az": LanguageName("Azərbaycan dili", "Azərbaycan dili"),
    },
    fallbacks=("en",),
    aliases=("aze", "azj"),
    catalog_folders=("az_AZ", "az_Latn", "az_Latn_AZ"),
    detect_label="az-Latn",
    slug_style="ascii",
    rules=_azerbaijani_rules,
)

_registry_lock = threading.RLock()
_registry: dict[str, LanguageSpec] = {"en": _ENGLISH, "az": _AZERBAIJANI}
_aliases: dict[str, str] = {}
_listeners: list[Callable[[], None]] = []


def _rebuild_aliases() -> None:
    table: dict[str, str] = {}
    for spec in _registry.values():
        table[spec.code] = spec.code
        for alias in spec.aliases:
            table[alias.lower()] = spec.code
    _aliases.clear()
    _aliases.update(table)


_rebuild_aliases()


class _SupportedLanguages(Sequence[Lang]):
    """A live, read-only view of the registered languages' codes, in registration order."""

    __slots__ = ()

    @overload
    def __getitem__(self, index: int) -> Lang: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Lang]: ...
    def __getitem__(self, index: int | slice) -> Lang | Sequence[Lang]:
        return tuple(_registry)[index]

    def __len__(self) -> int:
        return len(_registry)

    def __iter__(self) -> Iterator[Lang]:
        return iter(tuple(_registry))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and value in _registry

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(_registry) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(_registry))

    def __repr__(self) -> str:
        return repr(tuple(_registry))


SUPPORTED_LANGUAGES: Final[Sequence[Lang]] = _SupportedLanguages()
"""The registered languages, in their display order: a live view (``('en', 'az')`` built in).

>>> SUPPORTED_LANGUAGES
('en', 'az')
"""


def supported_languages() -> tuple[Lang, ...]:
    """The codes of the registered languages, in display order (a snapshot).

    >>> supported_languages()
    ('en', 'az')
    """
    return tuple(_registry)


def _accepted() -> str:
    codes = ", ".join(repr(code) for code in _registry)
    return f"{codes} (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')"


def watch_languages(callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback()`` whenever a language is registered or unregistered.

    Modules that cache per-language data (catalog chains, locales) use it to
    start over. Returns a function that stops watching.

    >>> calls = []
    >>> stop = watch_languages(lambda: calls.append(1))
    >>> stop()
    >>> calls
    []
    """
    with _registry_lock:
        _listeners.append(callback)

    def stop() -> None:
        with _registry_lock:
            if callback in _listeners:
                _listeners.remove(callback)

    return stop


def _changed() -> None:
    _rebuild_aliases()
    for callback in list(_listeners):
        callback()


def register_language(spec: LanguageSpec, *, replace: bool = False) -> LanguageSpec:
    """Add a content language (or, with ``replace=True``, replace one's specification).

    Every module reads the registry: models accept the language, formatters use
    its CLDR locale, catalogs and content PO files use its plural forms, the
    publishers write its pages. See :func:`registered_language` for a
    registration that undoes itself.

    >>> de = LanguageSpec(code="de", locale="de", scripts=("Latn",),
    ...     plural_forms="nplurals=2; plural=(n != 1);",
    ...     names={"de": LanguageName("Deutsch", "Deutsch")})
    >>> register_language(de)
    LanguageSpec(code='de', locale='de', scripts=('Latn',))
    >>> normalize_language("de-AT"), supported_languages()
    ('de', ('en', 'az', 'de'))
    >>> unregister_language("de")
    LanguageSpec(code='de', locale='de', scripts=('Latn',))
    >>> register_language(language_spec("az"))
    Traceback (most recent call last):
    ...
    diplolib.errors.LanguageRegistryError: language 'az' is already registered; pass replace=True to replace its specification
    """
    if not isinstance(spec, LanguageSpec):
        raise LanguageRegistryError(
            f"register_language() takes a LanguageSpec, not {type(spec).__name__}"
        )
    with _registry_lock:
        if spec.code in _registry and not replace:
            raise LanguageRegistryError(
                f"language {spec.code!r} is already registered; "
                "pass replace=True to replace its specification"
            )
        for alias in (spec.code, *spec.aliases):
            owner = _aliases.get(alias.lower())
            if owner is not None and owner != spec.code:
                raise LanguageRegistryError(
                    f"code or alias {alias!r} of {spec.code!r} already means {owner!r}"
                )
        _registry[spec.code] = spec
        _changed()
    return spec


def unregister_language(code: str) -> LanguageSpec:
    """Remove a registered language and return its specification.

    The default language (``en``, the language of the source strings) cannot be removed.

    >>> unregister_language("en")
    Traceback (most recent call last):
    ...
    diplolib.errors.LanguageRegistryError: 'en' is the default language and cannot be unregistered
    """
    with _registry_lock:
        lang = normalize_language(code)
        if lang == DEFAULT_LANGUAGE:
            raise LanguageRegistryError(
                f"{lang!r} is the default language and cannot be unregistered"
            )
        spec = _registry.pop(lang)
        _changed()
    return spec


@contextmanager
def registered_language(spec: LanguageSpec) -> Iterator[LanguageSpec]:
    """Register ``spec`` inside a ``with`` block; the registry is restored on exit.

    A specification it replaced comes back, in its old place.

    >>> kk = LanguageSpec(code="kk", locale="kk", scripts=("Cyrl",),
    ...     plural_forms="nplurals=2; plural=(n != 1);",
    ...     names={"kk": LanguageName("Қазақ тілі", "қазақ тілі")})
    >>> with registered_language(kk):
    ...     print(normalize_language("kk-KZ"), supported_languages())
    kk ('en', 'az', 'kk')
    >>> supported_languages()
    ('en', 'az')
    """
    with _registry_lock:
        before = dict(_registry)
        register_language(spec, replace=True)
    try:
        yield spec
    finally:
        with _registry_lock:
            _registry.clear()
            _registry.update(before)
            _changed()


def language_spec(lang: str | None = None) -> LanguageSpec:
    """The :class:`LanguageSpec` of ``lang`` in any accepted spelling (default: the current language).

    >>> language_spec("az-AZ").locale, language_spec("en").fallbacks
    ('az', ('az',))
    """
    code = resolve_language(lang)
    try:
        return _registry[code]
    except KeyError:  # unregistered meanwhile (another thread, or a stale current language)
        raise _reject(lang) from None


def fallback_chain(lang: str | None = None, *, ui: bool = False) -> tuple[Lang, ...]:
    """The languages consulted for ``lang``, in order: itself, then its fallbacks.

    This one chain serves content fields (:class:`~diplolib.LocalizedText`) and
    UI strings. UI strings stop at the default language, since their source text
    (the msgid) is already in it. Unregistered fallbacks are skipped.

    >>> fallback_chain("az"), fallback_chain("en"), fallback_chain("en", ui=True)
    (('az', 'en'), ('en', 'az'), ('en',))
    """
    spec = language_spec(lang)
    chain: list[Lang] = [spec.code]
    for code in spec.fallbacks:
        if ui and chain[-1] == DEFAULT_LANGUAGE:
            break
        if code in _registry and code not in chain:
            chain.append(code)
    if ui and DEFAULT_LANGUAGE in chain:
        del chain[chain.index(DEFAULT_LANGUAGE) + 1 :]
    return tuple(chain)


def language_name(code: str, lang: str | None = None, *, in_sentence: bool = False) -> str:
    """The name of language ``code`` in language ``lang`` (default: the current language).

    ``in_sentence=True`` gives the form used inside a sentence (Azerbaijani writes
    language names in lower case there).

    >>> language_name("en", "az"), language_name("en", "az", in_sentence=True)
    ('İngilis dili', 'ingilis dili')
    >>> language_name("az", "en")
    'Azerbaijani'
    """
    return language_spec(code).name_in(resolve_language(lang), in_sentence=in_sentence)


_current: contextvars.ContextVar[Lang | None] = contextvars.ContextVar(
    "diplolib_language", default=None
)


def _reject(value: object, why: str = "") -> UnsupportedLanguageError:
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    detail = f" ({why})" if why else ""
    return UnsupportedLanguageError(
        f"unsupported language {shown}{detail}; accepted: {_accepted()}"
    )


def normalize_language(value: object) -> Lang:
    """Return the :data:`Lang` for a language code in any common spelling.

    Accepts BCP 47 tags and POSIX locale names: ``az``, ``AZ``, ``az-AZ``,
    ``az_Latn_AZ``, ``az-Latn``, ``en-GB``, ``en_US.UTF-8``, and the ISO 639-2
    codes ``aze``/``eng``. Anything else raises
    :class:`~diplolib.errors.UnsupportedLanguageError` naming the value and what
    is accepted. A tag naming a script the language is not written in
    (``az-Cyrl``, ``az-Arab``) is rejected: diplolib's ``az`` is the Latin-script language.

    >>> normalize_language("az_Latn_AZ")
    'az'
    >>> normalize_language("EN-gb")
    'en'
    >>> normalize_language("az-Cyrl")
    Traceback (most recent call last):
    ...
    diplolib.errors.UnsupportedLanguageError: unsupported language 'az-Cyrl' (diplolib's 'az' content is Latin script); accepted: 'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')
    """
    if not isinstance(value, str):
        raise UnsupportedLanguageError(
            f"language code must be a str, not {type(value).__name__}; accepted: {_accepted()}"
        )
    # Length is checked before any parsing so hostile input costs O(1).
    if len(value) > MAX_CODE_LENGTH:
        raise UnsupportedLanguageError(
            f"language code is {len(value)} characters long (limit {MAX_CODE_LENGTH}); "
            f"accepted: {_accepted()}"
        )
    code = value.strip()
    if not code:
        raise _reject(value, "empty")
    fast = _aliases.get(code.lower())
    if fast is not None:
        return fast
    match = _CODE_RE.fullmatch(code)
    if match is None:
        raise _reject(value, "not a language code")
    lang = _aliases.get(match["lang"].lower())
    if lang is None:
        raise _reject(value)
    script = match["script"]
    if script is not None:
        spec = _registry[lang]
        if script.title() not in spec.scripts:
            written = " or ".join(_SCRIPT_NAMES.get(s, s) for s in spec.scripts)
            raise _reject(value, f"diplolib's {lang!r} content is {written} script")
    return lang


_SCRIPT_NAMES: Final = {"Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Grek": "Greek"}


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
    fallback = normalize_language(default)
    if not accept_language:
        return fallback
    if not isinstance(accept_language, str):
        raise ArgumentTypeError(
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
            ranked.append((quality, index, normalize_language(tag)))
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


def resolve_language(lang: str | None) -> Lang:
    """Normalise an explicit ``lang=`` argument, or take the current language when it is None.

    This is the one place every ``lang=`` keyword in diplolib goes through.

    >>> resolve_language(None)
    'en'
    >>> resolve_language("az_AZ")
    'az'
    """
    if lang is None:
        current = _current.get()
        return DEFAULT_LANGUAGE if current is None else current
    if type(lang) is str and lang in _registry:  # already normalised: the common case
        return lang
    return normalize_language(lang)


def normalize_lang(value: object) -> Lang:
    """Deprecated name of :func:`normalize_language`; warns and returns the same.

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     normalize_lang("az-AZ")
    'az'
    """
    renamed("normalize_lang()", "normalize_language()")
    return normalize_language(value)


def resolve_lang(lang: str | None) -> Lang:
    """Deprecated name of :func:`resolve_language`; warns and returns the same.

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     resolve_lang(None)
    'en'
    """
    renamed("resolve_lang()", "resolve_language()")
    return resolve_language(lang)


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
    code = normalize_language(lang)
    token = _current.set(code)
    try:
        yield code
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
