"""Localized values: one piece of text in each registered language, with honest fallback.

A :class:`LocalizedText` holds at most one value per language and tells three
states apart:

* **absent** – no value was given (``missing()`` lists it, fallback may serve
  another language);
* **explicitly empty** – the value is ``""`` on purpose (for example an article
  with no lead in one language); it is served as ``""`` and never falls back;
* **present** – a non-empty string.

Input is NFC-normalised and stripped of surrounding whitespace, so a value of
only whitespace is explicitly empty. Fallback is decided per field, never per
item: an article whose ``az`` title exists but whose ``az`` lead does not gets
the Azerbaijani title and the English lead, and :meth:`LocalizedText.resolve`
says which is which.

>>> from diplolib import LocalizedText
>>> title = LocalizedText(en="Foreign press", az="Xarici mətbuat")
>>> title.get("az")
'Xarici mətbuat'
>>> lead = LocalizedText(en="Baku, 2 March 2017")
>>> r = lead.resolve("az")
>>> r.value, r.lang, r.is_fallback
('Baku, 2 March 2017', 'en', True)
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_FALLBACKS",
    "LocalizedText",
    "Resolved",
    "TextValidator",
    "find_confusables",
    "register_text_validator",
]

import operator
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ._deprecation import renamed
from .errors import (
    ArgumentTypeError,
    ContentError,
    InvalidArgumentError,
    MissingTranslationError,
    UnsupportedLanguageError,
)
from .languages import (
    SUPPORTED_LANGUAGES,
    Lang,
    TextRules,
    fallback_chain,
    language_spec,
    normalize_language,
    resolve_language,
    watch_languages,
)


class _DefaultFallbacks(Mapping[Lang, tuple[Lang, ...]]):
    """A live view: each registered language's fallbacks, from its :class:`LanguageSpec`."""

    def __getitem__(self, lang: Lang) -> tuple[Lang, ...]:
        if lang not in SUPPORTED_LANGUAGES:
            # Builtin on purpose: the Mapping protocol (get(), in) relies on KeyError.
            raise KeyError(lang)
        return fallback_chain(lang)[1:]

    def __iter__(self) -> Iterator[Lang]:
        return iter(SUPPORTED_LANGUAGES)

    def __len__(self) -> int:
        return len(SUPPORTED_LANGUAGES)

    def __repr__(self) -> str:
        return repr(dict(self))


DEFAULT_FALLBACKS: Final[Mapping[Lang, tuple[Lang, ...]]] = _DefaultFallbacks()
"""Default per-language fallback order, read from each language's specification.

Built in, Azerbaijani falls back to English and vice versa:

>>> DEFAULT_FALLBACKS
{'en': ('az',), 'az': ('en',)}
"""

TextValidator = Callable[[Lang, str], str]
"""A validation hook: takes ``(lang, value)`` and returns the (possibly changed) value,
or raises ``ValueError`` with a message for editors."""

_validators: list[TextValidator] = []
_validators_lock = threading.Lock()


def register_text_validator(hook: TextValidator) -> Callable[[], None]:
    """Run ``hook`` on every value of every :class:`LocalizedText` that is validated.

    The hook gets ``(lang, value)`` for each present, non-empty value and returns
    the value to keep (it may normalise it) or raises ``ValueError``. Returns a
    function that unregisters the hook. For a check on one model only, pass hooks
    in the pydantic validation context instead:
    ``Model.model_validate(data, context={"text_validators": [hook]})``.

    >>> def no_shouting(lang, value):
    ...     if value.isupper():
    ...         raise ValueError("value is all capitals")
    ...     return value
    >>> remove = register_text_validator(no_shouting)
    >>> try:
    ...     LocalizedText.validate({"en": "PRINT"})
    ... except ValueError as exc:
    ...     print(exc)
    en: value is all capitals
    >>> remove()
    """
    with _validators_lock:
        _validators.append(hook)

    def remove() -> None:
        with _validators_lock:
            if hook in _validators:
                _validators.remove(hook)

    return remove


def find_confusables(text: str) -> list[tuple[int, str, str, str]]:
    """Deprecated: use :func:`diplolib.az.find_lookalikes` (one name for look-alike letters).

    Returns the look-alikes :func:`diplolib.az.normalize` replaces as
    ``(index, char, replacement, name)``, as before.

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", DeprecationWarning)
    ...     find_confusables("B\u04d9k\u0131")
    [(1, 'ә', 'ə', 'CYRILLIC SMALL LETTER SCHWA')]
    """
    from .az import find_lookalikes  # loaded on first use; keeps ``import diplolib`` light

    renamed("diplolib.text.find_confusables()", "diplolib.az.find_lookalikes()")
    return [
        (found.position, found.char, found.replacement, found.name)
        for found in find_lookalikes(text)
        if found.kind == "lookalike"
    ]


# The languages whose JSON values the validation fast path takes, in canonical order,
# each with the pre-filter that says whether a value needs its rules' full check (None
# when the rules check nothing). Built on first use; dropped when the registry changes.
_FastPath = tuple[frozenset[str], tuple[tuple[Lang, Callable[[str], bool] | None], ...]]
_fast: _FastPath | None = None


def _fast_path() -> _FastPath:
    global _fast
    fast = _fast
    if fast is None:
        order = []
        for lang in SUPPORTED_LANGUAGES:
            rules = language_spec(lang).text_rules
            checks = type(rules).check is not TextRules.check
            order.append((lang, rules.needs_check if checks else None))
        fast = _fast = (frozenset(SUPPORTED_LANGUAGES), tuple(order))
    return fast


def _languages_changed() -> None:
    global _fast
    _fast = None
    _scan.clear()


watch_languages(_languages_changed)


def _check_language_rules(lang: Lang, value: str) -> str:
    """The built-in check: the language's own rules (Azerbaijani rejects look-alike letters)."""
    return language_spec(lang).text_rules.check(value)


def _clean(value: object, lang: Lang) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{lang}: value must be a str, not {type(value).__name__}")
    return _nfc_strip(value)


def _nfc_strip(value: str) -> str:
    """NFC-compose and strip; ASCII and already-composed text skip the normalisation."""
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value.strip()


@dataclass(frozen=True, slots=True)
class Resolved:
    """The outcome of :meth:`LocalizedText.resolve`.

    ``value`` is the text served (``None`` when no language had one), ``lang``
    the language it is in, ``requested`` the language asked for, and
    ``is_fallback`` whether another language had to stand in.

    >>> LocalizedText(az="Çap et").resolve("en")
    Resolved(value='Çap et', lang='az', requested='en', is_fallback=True)
    """

    value: str | None
    lang: Lang | None
    requested: Lang
    is_fallback: bool


class LocalizedText:
    """Text in any registered languages (English, Azerbaijani…); a pydantic field type and a plain value.

    Build it with keywords or a mapping whose keys are language codes in any
    accepted spelling. ``None`` means absent; ``""`` means explicitly empty.

    >>> t = LocalizedText({"en-GB": " Print ", "az_AZ": "Çap et"})
    >>> t
    LocalizedText(en='Print', az='Çap et')
    >>> t.to_dict()
    {'en': 'Print', 'az': 'Çap et'}
    >>> LocalizedText(en="Lead", az="").get("az")
    ''
    """

    __slots__ = ("_hash", "_values")

    _values: dict[Lang, str]
    _hash: int | None

    fallbacks: ClassVar[Mapping[Lang, tuple[Lang, ...]]] = DEFAULT_FALLBACKS

    def __init__(
        self,
        values: Mapping[str, str | None] | None = None,
        /,
        *,
        en: str | None = None,
        az: str | None = None,
        **more: str | None,
    ) -> None:
        collected: dict[Lang, str] = {}
        if values is not None:
            if not isinstance(values, Mapping):
                raise ArgumentTypeError(
                    f"LocalizedText takes a mapping of language to text, not "
                    f"{type(values).__name__}; e.g. {{'en': '...', 'az': '...'}}"
                )
            for key, value in values.items():
                lang = normalize_language(key)
                if lang in collected:
                    raise InvalidArgumentError(f"language {lang!r} given twice (as {key!r})")
                if value is not None:
                    collected[lang] = _clean(value, lang)
        for key, value in (("en", en), ("az", az), *more.items()):
            if value is None:
                continue
            lang = normalize_language(key)
            if lang in collected:
                raise InvalidArgumentError(f"language {lang!r} given twice")
            collected[lang] = _clean(value, lang)
        # Keep a canonical order so equal values print and serialise the same way.
        object.__setattr__(
            self, "_values", {k: collected[k] for k in SUPPORTED_LANGUAGES if k in collected}
        )
        object.__setattr__(self, "_hash", None)

    # -- access ---------------------------------------------------------------

    def _chain(self, requested: Lang, fallback: bool | Sequence[str]) -> Iterator[Lang]:
        yield requested
        if fallback is True:
            yield from self.fallbacks.get(requested, ())
        elif fallback is not False:
            if isinstance(fallback, str):
                raise ArgumentTypeError(
                    "fallback must be True, False or a sequence of language codes"
                )
            for code in fallback:
                yield normalize_language(code)

    def resolve(
        self, lang: str | None = None, *, fallback: bool | Sequence[str] = True
    ) -> Resolved:
        """Find the value to serve for ``lang`` (default: the current language).

        ``fallback=True`` follows :data:`DEFAULT_FALLBACKS`; a sequence of codes
        gives an explicit order; ``False`` turns fallback off. An explicitly
        empty value is served as it is and does not fall back.

        >>> t = LocalizedText(en="Related articles")
        >>> t.resolve("az")
        Resolved(value='Related articles', lang='en', requested='az', is_fallback=True)
        >>> t.resolve("az", fallback=False).value is None
        True
        """
        requested = resolve_language(lang)
        for candidate in self._chain(requested, fallback):
            value = self._values.get(candidate)
            if value is not None:
                return Resolved(value, candidate, requested, candidate != requested)
        return Resolved(None, None, requested, False)

    def first(self, langs: Sequence[Lang]) -> tuple[str, Lang] | tuple[None, None]:
        """The first value present in one of ``langs`` and its language, or ``(None, None)``.

        A lighter :meth:`resolve` for code that already holds a fallback chain of
        registered codes (such as :func:`~diplolib.languages.fallback_chain`):
        nothing is normalised and no :class:`Resolved` is built.

        >>> LocalizedText(en="Baku").first(("az", "en"))
        ('Baku', 'en')
        >>> LocalizedText(en="Baku").first(("az",))
        (None, None)
        """
        values = self._values
        for lang in langs:
            value = values.get(lang)
            if value is not None:
                return value, lang
        return None, None

    def get(
        self,
        lang: str | None = None,
        *,
        fallback: bool | Sequence[str] = True,
        default: str | None = None,
    ) -> str | None:
        """Return the value for ``lang`` with fallback, or ``default`` when there is none.

        >>> t = LocalizedText(en="World Cities", az="Dünya şəhərləri")
        >>> t.get("az-AZ")
        'Dünya şəhərləri'
        >>> LocalizedText(en="Print").get("az", fallback=False, default="?")
        '?'
        """
        value = self.resolve(lang, fallback=fallback).value
        return default if value is None else value

    def require(self, lang: str | None = None, *, field: str | None = None) -> str:
        """Return the value in exactly ``lang``; raise if it is absent (no fallback).

        >>> LocalizedText(en="Print", az="Çap et").require("az")
        'Çap et'
        """
        requested = resolve_language(lang)
        value = self._values.get(requested)
        if value is None:
            present = ", ".join(repr(k) for k in self._values) or "none"
            name = f"field {field!r}" if field else "text"
            raise MissingTranslationError(f"{name} has no {requested!r} value (present: {present})")
        return value

    def missing(self) -> tuple[Lang, ...]:
        """Languages with no value (explicitly empty values are not missing).

        >>> LocalizedText(en="Print").missing()
        ('az',)
        """
        return tuple(lang for lang in SUPPORTED_LANGUAGES if lang not in self._values)

    def is_empty(self, lang: str) -> bool:
        """Whether ``lang`` holds an explicitly empty value.

        >>> LocalizedText(en="x", az="").is_empty("az")
        True
        """
        return self._values.get(normalize_language(lang)) == ""

    def languages(self) -> tuple[Lang, ...]:
        """Languages that hold a value (empty ones included), in canonical order.

        >>> LocalizedText(az="Bakı").languages()
        ('az',)
        """
        return tuple(self._values)

    def to_dict(self) -> dict[Lang, str]:
        """The JSON shape: ``{"en": ..., "az": ...}`` with absent languages left out.

        >>> LocalizedText(az="Bakı", en="Baku").to_dict()
        {'en': 'Baku', 'az': 'Bakı'}
        """
        return dict(self._values)

    def replace(self, **values: str | None) -> LocalizedText:
        """A copy with some languages set (``None`` makes a language absent).

        >>> LocalizedText(en="Baku").replace(az="Bakı")
        LocalizedText(en='Baku', az='Bakı')
        """
        merged: dict[str, str | None] = dict(self._values.items())
        for key, value in values.items():
            merged[normalize_language(key)] = value
        return LocalizedText(merged)

    def map(self, func: Callable[[Lang, str], str]) -> LocalizedText:
        """Apply ``func(lang, value)`` to every present value and return the result.

        >>> LocalizedText(en="baku").map(lambda lang, v: v.title())
        LocalizedText(en='Baku')
        """
        return LocalizedText({lang: func(lang, value) for lang, value in self._values.items()})

    # -- value semantics ---------------------------------------------------------

    def __str__(self) -> str:
        return self.get() or ""

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"LocalizedText({inner})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalizedText):
            return self._values == other._values
        return NotImplemented

    def __hash__(self) -> int:
        # A text built by pydantic-core on the JSON fast path has no _hash slot set yet.
        cached: int | None = getattr(self, "_hash", None)
        if cached is None:
            cached = hash(tuple(self._values.items()))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __setattr__(self, name: str, value: object) -> None:
        # Builtin on purpose: assignment to a read-only attribute raises AttributeError.
        raise AttributeError("LocalizedText is immutable; use replace()")

    def __contains__(self, lang: object) -> bool:
        try:
            return normalize_language(lang) in self._values
        except UnsupportedLanguageError:
            return False

    def __iter__(self) -> Iterator[tuple[Lang, str]]:
        return iter(self._values.items())

    def __len__(self) -> int:
        return len(self._values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LocalizedText, (self._values,))

    # -- validation ----------------------------------------------------------------

    @classmethod
    def validate(
        cls,
        value: object,
        *,
        validators: Iterable[TextValidator] = (),
        normalize_az: bool | TextValidator = False,
    ) -> LocalizedText:
        """Build a :class:`LocalizedText` from untrusted input and run the validation hooks.

        Accepts a ``LocalizedText`` or a mapping of language code to ``str``/``None``.
        Hooks run in this order: the Azerbaijani normaliser (when asked for), the
        registered hooks, ``validators``, then the built-in check.

        Built-in check (strict, always on): the language's own
        :meth:`~diplolib.text_rules.TextRules.check`. An ``az`` value may not contain
        look-alike letters (Cyrillic ә or turned ǝ for ə, Cyrillic letters inside
        Latin words; see :func:`diplolib.az.find_lookalikes`).

        >>> LocalizedText.validate({"az": "B\u04d9k\u0131"})
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: az: look-alike letter 'ә' (U+04D9 CYRILLIC SMALL LETTER SCHWA) ...

        ``normalize_az=True`` replaces them instead (:func:`diplolib.az.normalize`);
        pass a :class:`diplolib.az.Normalizer` to also keep a report of each change.
        In a pydantic model the same switch is the validation context key
        ``"normalize_az"``.

        >>> LocalizedText.validate({"az": "G\u04d9nc\u04d9"}, normalize_az=True)
        LocalizedText(az='Gəncə')
        """
        if isinstance(value, LocalizedText):
            text = value
        elif isinstance(value, Mapping):
            try:
                text = cls(value)
            except TypeError as exc:
                raise ContentError(str(exc)) from None
        elif isinstance(value, str):
            raise ContentError(
                "expected an object of language to text like {'en': '...', 'az': '...'}, "
                f"got a bare string {value[:40]!r}"
            )
        else:
            raise ContentError(
                "expected an object of language to text like {'en': '...', 'az': '...'}, "
                f"got {type(value).__name__}"
            )
        hooks: list[TextValidator] = []
        if normalize_az is True:
            from .az import Normalizer  # loaded on first use; keeps ``import diplolib`` light

            hooks.append(Normalizer())
        elif callable(normalize_az):
            hooks.append(normalize_az)
        elif normalize_az is not False:
            raise ArgumentTypeError(
                "normalize_az must be True, False or a diplolib.az.Normalizer, "
                f"not {type(normalize_az).__name__}"
            )
        with _validators_lock:
            hooks.extend(_validators)
        hooks.extend(validators)
        hooks.append(_check_language_rules)
        changed: dict[str, str | None] = {}
        for lang, current in text:
            if not current:
                continue
            new = current
            for hook in hooks:
                try:
                    new = hook(lang, new)
                except ValueError as exc:
                    raise ContentError(f"{lang}: {exc}") from None
            if new != current:
                changed[lang] = new
        return text.replace(**changed) if changed else text

    @classmethod
    def _pydantic_validate(cls, value: object, info: ValidationInfo) -> LocalizedText:
        context = info.context if isinstance(info.context, Mapping) else {}
        extra = context.get("text_validators", ())
        normalize_az = context.get("normalize_az", False)
        keys, order = _fast_path()
        if (
            not extra
            and not normalize_az
            and not _validators
            and type(value) is dict
            and value.keys() <= keys
        ):
            # Hot path for the common JSON shape: plain keys, str values, no hooks, no
            # value the language's rules must look at. It does exactly what validate()
            # does; anything unusual takes the full path below.
            values: dict[Lang, str] = {}
            for lang, needs_check in order:
                item = value.get(lang)
                if item is None:
                    continue
                if type(item) is not str:
                    break
                item = _nfc_strip(item)
                if needs_check is not None and needs_check(item):
                    break
                values[lang] = item
            else:
                text = object.__new__(cls)
                object.__setattr__(text, "_values", values)
                object.__setattr__(text, "_hash", None)
                return text
        try:
            return cls.validate(value, validators=extra, normalize_az=normalize_az)
        except UnsupportedLanguageError as exc:
            raise PydanticCustomError(
                "localized_text_language", "{error}", {"error": str(exc)}
            ) from None
        except ValueError as exc:
            raise PydanticCustomError("localized_text", "{error}", {"error": str(exc)}) from None

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(
            cls._pydantic_validate,
            # the schema that stands in for this one on the JSON fast path of diplolib.models
            metadata={FAST_JSON_SCHEMA: fast_json_schema},
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize,
                when_used="always",
                return_schema=core_schema.dict_schema(
                    core_schema.str_schema(), core_schema.str_schema()
                ),
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "object",
            "title": "LocalizedText",
            "description": "Text per language; an absent key means no value, '' means explicitly empty.",
            "properties": {lang: {"type": "string"} for lang in SUPPORTED_LANGUAGES},
            "additionalProperties": False,
        }


def _serialize(value: LocalizedText) -> dict[Lang, str]:
    return value._values


# -- the JSON fast path ------------------------------------------------------------------
#
# Loading an archive validates thousands of documents whose text is ordinary: registered
# codes as keys, strings as values, nothing a language's rules object to. diplolib.models
# validates such a document in pydantic-core alone, with fast_json_schema() in place of
# LocalizedText's own validator, when json_is_settled() tells that the full validation would
# give the same result. When it cannot tell, LocalizedText's own validator runs; when the
# document is invalid, the full validation runs and gives its error.

FAST_JSON_SCHEMA: Final = "diplolib_fast_json_schema"
"""The core-schema metadata key under which a type names its stand-in for the JSON fast path."""

# pydantic-core builds a LocalizedText itself with fast_json_schema() (a "root model"): it
# stores the values under the name ``root`` and hands over a set of field names that a
# LocalizedText has no use for. These descriptors take both without running Python code.
setattr(LocalizedText, "root", LocalizedText.__dict__["_values"])  # noqa: B010  # the _values slot
_discard: Callable[[object, object], Any] = operator.is_  # two arguments, no effect, C speed
setattr(LocalizedText, "__pydantic_fields_set__", property(None, _discard))  # noqa: B010


def fast_json_schema() -> core_schema.CoreSchema:
    """The core schema of a :class:`LocalizedText` that pydantic-core checks without Python code.

    It takes only the common JSON shape, an object of registered codes (as they
    are) to strings, which it strips; it does not normalise or check the text. It
    is one half of the JSON fast path of :mod:`diplolib.models`: a result is kept
    only when :func:`json_is_settled` or :meth:`LocalizedText.validate` confirms
    that the full validation would give the same.

    >>> from pydantic_core import SchemaValidator
    >>> SchemaValidator(fast_json_schema()).validate_json('{"az": " Bakı ", "en": "Baku"}')
    LocalizedText(en='Baku', az='Bakı')
    """
    string = core_schema.str_schema(strip_whitespace=True)
    fields = {
        lang: core_schema.typed_dict_field(string, required=False) for lang in SUPPORTED_LANGUAGES
    }
    return core_schema.model_schema(
        LocalizedText,
        core_schema.typed_dict_schema(fields, extra_behavior="forbid"),
        root_model=True,
    )


# The scan reads UTF-8 bytes. Besides ASCII, ordinary English and Azerbaijani text uses
# characters below U+0300 (two bytes, lead byte C2-CB: ç ö ü ğ ı ş ə « ») and in
# U+2000-U+2FFF (lead byte E2: – “ ” … € ₼ №); the scan knows each of those. A lead byte of
# anything else (combining marks, Greek, Cyrillic, other scripts, ...), a control character
# or a \u escape sends the document to the exact check instead.
_SCANNED: Final = (range(0x80, 0x300), range(0x2000, 0x3000))
_CONTROLS: Final = bytes(b for b in range(0x20) if b not in b"\t\n\r")
_UNKNOWN: Final = _CONTROLS + bytes([0xC0, 0xC1, *range(0xCC, 0xE2), *range(0xE3, 0x100)])
# Blocks of U+2000-U+2FFF (by their second UTF-8 byte) that hold common punctuation and
# signs: a character there that validation would change is matched exactly; elsewhere in
# U+2000-U+2FFF its whole block of 64 characters goes to the exact check.
_COMMON_E2_BLOCKS: Final = frozenset({0x80, 0x82, 0x84})
# Lead bytes of the common letters below U+0300 (Latin-1, Latin Extended-A, Ə, ə): the scan
# deletes them, so a character there that validation would change is known by its
# continuation byte alone. Other lead bytes (C7, C8, CA, CB) are kept with it.
_COMMON_LEADS: Final = frozenset({0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC9})
# (bytes the scan deletes, pattern of what flags a document), or None when the registered
# languages check something the scan does not know. Built on first use.
_scan: list[tuple[bytes, re.Pattern[bytes]] | None] = []


def _changed_by_validation(char: str, checks: Sequence[Callable[[str], bool]]) -> bool:
    """Whether NFC, stripping or a language's check could change or reject text holding ``char``."""
    return (
        unicodedata.normalize("NFC", char) != char
        or unicodedata.combining(char) != 0  # may reorder or compose with its neighbours
        or any(check(char) for check in checks)
    )


def _build_scan() -> tuple[bytes, re.Pattern[bytes]] | None:
    from .az import AzerbaijaniRules  # loaded on first use; keeps ``import diplolib`` light

    checks = []
    for lang, needs_check in _fast_path()[1]:
        if needs_check is None:
            continue
        rules = type(language_spec(lang).text_rules)
        if (
            rules.check is not AzerbaijaniRules.check
            or rules.needs_check is not AzerbaijaniRules.needs_check
        ):
            return None  # a check of unknown reach: every document takes the exact check
        checks.append(needs_check)
    # Each character validation may change or reject leaves a signature in what the scan
    # keeps: below U+0300 its continuation byte (with its lead byte unless that is a common
    # one), above its E2 lead with its block (and, in the common blocks, its last) byte.
    signatures = set()
    for block in _SCANNED:
        for code in block:
            char = chr(code)
            if _changed_by_validation(char, checks):
                encoded = char.encode()
                if len(encoded) == 2:
                    signatures.add(encoded[1:] if encoded[0] in _COMMON_LEADS else encoded)
                else:
                    signatures.add(encoded if encoded[1] in _COMMON_E2_BLOCKS else encoded[:2])
    kept = {*_UNKNOWN, ord("\\"), *(byte for signature in signatures for byte in signature)}
    delete = bytes(byte for byte in range(256) if byte not in kept)
    signatures.update(bytes([byte]) for byte in _UNKNOWN)
    return delete, re.compile(_alternatives(signatures))


def _alternatives(strings: set[bytes]) -> bytes:
    """A regular expression matching any of ``strings``, as a trie (one try per position)."""
    if b"" in strings:
        return b""  # a shorter string already matches
    heads: dict[int, set[bytes]] = {}
    for string in strings:
        heads.setdefault(string[0], set()).add(string[1:])
    single = sorted(head for head, tails in heads.items() if tails == {b""})
    parts = [b"[" + b"".join(re.escape(bytes([head])) for head in single) + b"]"] if single else []
    for head, tails in sorted(heads.items()):
        if tails != {b""}:
            parts.append(re.escape(bytes([head])) + b"(?:" + _alternatives(tails) + b")")
    return b"|".join(parts)


def json_is_settled(data: bytes | bytearray) -> bool:
    """Whether validating the strings of the JSON document ``data`` as text would change none.

    True means that every string in ``data``, taken as a :class:`LocalizedText`
    value, is already NFC-normalised, is stripped the same way by pydantic-core and
    by Python, and passes every registered language's check unchanged. False means
    only that this scan cannot tell (a rare character, a ``\\u`` escape, a
    registered validation hook...): the caller then validates the texts in full.
    The scan is one pass of :meth:`bytes.translate` over the document.

    >>> json_is_settled('{"en": "“Baku”", "az": "Bakı – Xəzər «inci»"}'.encode())
    True
    >>> json_is_settled('{"az": "B\u04d9k\u0131"}'.encode())  # Cyrillic schwa
    False
    >>> json_is_settled(b'{"en": "Caf\\\\u00e9"}')  # an escape
    False
    """
    if _validators:
        return False
    if not _scan:
        _scan.append(_build_scan())
    scan = _scan[0]
    if scan is None:
        return False
    delete, flags = scan
    kept = data.translate(None, delete)
    if not kept:
        return True
    if flags.search(kept):
        return False
    if b"\\" in kept:  # escapes: all but \uXXXX stand for an ASCII character that changes nothing
        at = data.find(b"\\")
        while at >= 0:
            if data[at + 1 : at + 2] == b"u":
                return False
            at = data.find(b"\\", at + 2)
    return True
