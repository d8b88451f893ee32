"""Content models: articles, events and entities (people, organisations, places).

All models are frozen pydantic v2 models that reject unknown keys. Text meant for
readers is :class:`~diplolib.text.LocalizedText`; references to other items are
plain ids that :class:`~diplolib.library.ContentLibrary` checks when it loads a
folder. Dates that history only gives in part ("in 2009", "in March 2017") are
:class:`PartialDate` values.

>>> from diplolib import Place
>>> baku = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"}, country="azerbaijan")
>>> baku.name.get("az")
'Bakı'
>>> baku.model_dump_json()
'{"id":"baku","wikidata":null,"external_ids":{},"inflections":{},"translation_sources":{},"type":"place","name":{"en":"Baku","az":"Bakı"},"kind":"city","country":"azerbaijan"}'
"""

from __future__ import annotations

__all__ = [
    "Article",
    "Byline",
    "ContentItem",
    "Dateline",
    "Entity",
    "EntityBase",
    "Event",
    "EventKind",
    "ForeignSource",
    "Item",
    "OrganizationKind",
    "Organization",
    "Participant",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Position",
    "Section",
    "TranslationSources",
    "TranslationStatus",
    "content_type",
    "content_types",
    "export_json_schemas",
    "item_adapter",
    "register_content_type",
    "unregister_content_type",
    "validate_item_json",
]

import datetime as dt
import json
import re
import threading
import typing
from collections.abc import Callable, Iterator, Mapping
from functools import total_ordering
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, Literal, Self, TypeVar, cast

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    HttpUrl,
    TypeAdapter,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from .content_types import ContentType, Reference, field_values
from .errors import ArgumentTypeError, ContentError, ContentTypeError, UnsupportedLanguageError
from .languages import (
    SUPPORTED_LANGUAGES,
    Lang,
    language_spec,
    normalize_language,
    watch_languages,
)
from .text import FAST_JSON_SCHEMA, LocalizedText, json_is_settled

_ID_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,118}[a-z0-9])?")
_SLUG_RE: Final = re.compile(r"[\w](?:[\w-]{0,198}[\w])?", re.UNICODE)
_PARTIAL_RE: Final = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise PydanticCustomError(
            "diplolib_id",
            "invalid id {value}: use 1-120 lowercase ASCII letters, digits, '.', '_' or '-', "
            "starting and ending with a letter or digit (e.g. 'heydar-aliyev')",
            {"value": repr(value[:80])},
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
"""An item id: lowercase ASCII, digits and ``.-_``, e.g. ``"heydar-aliyev"``."""


def _check_slug(value: str) -> str:
    if not _SLUG_RE.fullmatch(value) or "--" in value or value != value.lower():
        raise PydanticCustomError(
            "diplolib_slug",
            "invalid slug {value}: use lowercase letters, digits and single hyphens, "
            "no spaces (e.g. 'azerbaijan-strategic-partner')",
            {"value": repr(value[:80])},
        )
    return value


@total_ordering
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Its JSON form is ISO 8601 cut to the known precision: ``"2009"``,
    ``"2017-03"``, ``"2017-03-02"``. Partial dates order by their first day,
    and a less precise date sorts before a more precise one on the same day.

    >>> PartialDate.parse("2017-03")
    PartialDate('2017-03')
    >>> PartialDate(2017, 3, 2).precision
    'day'
    >>> PartialDate(2009) < PartialDate(2009, 1, 1) < PartialDate(2010)
    True
    >>> PartialDate(2017, 2, 30)
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: invalid partial date 2017-02-30: day is out of range for month
    """

    __slots__ = ("day", "month", "year")

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        for name, part in (("year", year), ("month", month), ("day", day)):
            if part is not None and (not isinstance(part, int) or isinstance(part, bool)):
                raise ArgumentTypeError(
                    f"PartialDate {name} must be an int, not {type(part).__name__}"
                )
        if day is not None and month is None:
            raise ContentError("invalid partial date: a day needs a month")
        if not 1 <= year <= 9999:
            raise ContentError(f"invalid partial date: year {year} is outside 1-9999")
        if month is not None and not 1 <= month <= 12:
            raise ContentError(
                f"invalid partial date {year:04d}-{month:02d}: month must be in 1..12"
            )
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError as exc:
            shown = "-".join(f"{p:02d}" for p in (year, month, day) if p is not None)
            raise ContentError(f"invalid partial date {shown}: {exc}") from None
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate.parse("2009").year
        2009
        >>> PartialDate.parse("March 2017")
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: invalid partial date 'March 2017': expected 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
        """
        match = _PARTIAL_RE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise ContentError(
                f"invalid partial date {value!r}: expected 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"
            )
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        return cls(int(match["y"]), month, day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A day-precise partial date from a :class:`datetime.date`.

        >>> PartialDate.from_date(dt.date(2017, 3, 2))
        PartialDate('2017-03-02')
        """
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """``"year"``, ``"month"`` or ``"day"``.

        >>> PartialDate(2009).precision
        'year'
        """
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        """The earliest calendar day the value covers.

        >>> PartialDate(2017, 3).first_day()
        datetime.date(2017, 3, 1)
        """
        return dt.date(self.year, self.month or 1, self.day or 1)

    def to_date(self) -> dt.date:
        """The exact date; raises ``ValueError`` unless the precision is ``"day"``.

        >>> PartialDate(2017, 3, 2).to_date()
        datetime.date(2017, 3, 2)
        """
        if self.day is None:
            raise ContentError(f"partial date {self} is not precise to the day")
        return self.first_day()

    def isoformat(self) -> str:
        """The ISO 8601 text cut to the known precision.

        >>> PartialDate(2017, 3).isoformat()
        '2017-03'
        """
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def _key(self) -> tuple[dt.date, int]:
        return (self.first_day(), {"year": 0, "month": 1, "day": 2}[self.precision])

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return (self.year, self.month, self.day) == (other.year, other.month, other.day)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self._key() < other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __setattr__(self, name: str, value: object) -> None:
        # Builtin on purpose: assignment to a read-only attribute raises AttributeError.
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (PartialDate, (self.year, self.month, self.day))

    @classmethod
    def _coerce(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ContentError("expected a date or 'YYYY[-MM[-DD]]', got a datetime")
        if isinstance(value, dt.date):
            return cls.from_date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            return cls.parse(value)
        raise ContentError(
            f"expected 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {type(value).__name__}"
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._coerce,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda v: v.isoformat(), when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "title": "PartialDate",
            "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "examples": ["2009", "2017-03", "2017-03-02"],
        }


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        ser_json_timedelta="iso8601",
        # Build validators on first use, not at import: `import diplolib` stays cheap.
        defer_build=True,
    )


class _RegisteredLanguage:
    """Pydantic hooks for a language-code field: any registered language, any spelling.

    Validation and the JSON schema both read the language registry when they run,
    so a language registered by the host application is accepted and listed.
    """

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _language_code, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"enum": list(SUPPORTED_LANGUAGES), "type": "string"}


def _language_code(value: object) -> Lang:
    if value in SUPPORTED_LANGUAGES:  # already a registered code: the common case
        return value  # type: ignore[return-value]  # the view holds only str codes
    try:
        return normalize_language(value)
    except UnsupportedLanguageError as exc:
        raise PydanticCustomError("language", "{error}", {"error": str(exc)}) from None


LanguageCode = Annotated[Lang, _RegisteredLanguage]
"""A model field holding a registered language's code (normalised on input)."""

Slugs = Annotated[
    dict[LanguageCode, Annotated[str, AfterValidator(_check_slug)]], Field(min_length=1)
]


def _lang_keys(value: object) -> object:
    if isinstance(value, Mapping):
        return {normalize_language(k): v for k, v in value.items()}
    return value


def _no_entries() -> Any:
    """An empty-dict field default, made afresh for each instance.

    pydantic would deep-copy a shared ``{}`` for every instance; the JSON schemas
    still show ``"default": {}``.
    """
    return Field(default_factory=dict, json_schema_extra={"default": {}})


_FIELD_PATH = r"^[a-z_]+(\[[0-9]{1,4}\])?(\.[a-z_]+(\[[0-9]{1,4}\])?)*$"
_SOURCE_HASH = r"^[0-9a-f]{16}$"

TranslationSources = dict[
    LanguageCode,
    dict[
        Annotated[str, Field(pattern=_FIELD_PATH, max_length=80)],
        Annotated[str, Field(pattern=_SOURCE_HASH)],
    ],
]
"""Per target language, the hash of the source text each field's translation was made from.

``{"az": {"title": "3f2a…", "body[3]": "…"}}``: the ``az`` title was translated
from a source text with that hash (the first 16 hex digits of its SHA-256; see
:func:`diplolib.po.source_hash`). A translation whose recorded hash differs from
the current source's is *stale*. :func:`diplolib.po.import_po` keeps it up to date.
"""


class ContentItem(_Model):
    """The base of every content model: an ``id``, a ``type`` tag and translation records.

    A subclass declares its ``type`` as a one-value ``Literal``, the fields
    ``id`` and ``translation_sources``, and its facts as the ``content`` class
    attribute (a :class:`~diplolib.content_types.ContentType`); after
    :func:`register_content_type` the library loads it, PO files carry its
    text, and the preview and JSON-LD show it.

    >>> from diplolib import load_sample_library
    >>> osce = load_sample_library().get("osce")
    >>> isinstance(osce, ContentItem), type(osce).content.folder
    (True, 'organizations')
    """

    content: ClassVar[ContentType]

    if TYPE_CHECKING:
        # Declared by every subclass (in its own field order, which its JSON keeps).
        id: str
        type: str
        translation_sources: TranslationSources

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate a JSON document; the common case goes through the JSON fast path.

        Same result and same errors as pydantic's own method (see :func:`validate_item_json`).
        """
        if not options or all(value is None for value in options.values()):
            item = _validate_json_fast(cls, json_data)
            if item is not _DECLINED:
                return cast(Self, item)
        return super().model_validate_json(json_data, **options)

    def text_fields(self) -> dict[str, LocalizedText]:
        """Every localized field by path (``title``, ``lead``, ``body[0]``, ``tags[1]`` …).

        The paths follow the patterns of ``content.text_fields``, in that order.

        >>> list(Article(id="a", slug={"en": "a"}, section={"id": "s", "name": {"en": "S"}},
        ...     title={"en": "T"}, body=[{"en": "P"}], published="2017-03-02T00:00:00Z",
        ...     original_language="en").text_fields())
        ['title', 'lead', 'body[0]', 'section.name']
        """
        fields: dict[str, LocalizedText] = {}
        for pattern in type(self).content.text_fields:
            for path, value in field_values(self, pattern):
                if isinstance(value, LocalizedText):
                    fields[path] = value
        return fields

    def references(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Every reference to another item: ``(path, id, allowed kinds)``, absent ones left out.

        >>> [r for r in Place(id="qax", kind="district", name={"az": "Qax"},
        ...                   country="azerbaijan").references()]
        [('country', 'azerbaijan', ('place',))]
        """
        found: list[tuple[str, str, tuple[str, ...]]] = []
        for reference in type(self).content.references:
            kinds = reference.kinds
            found.extend(
                (path, value, kinds)
                for path, value in field_values(self, reference.path)
                if value is not None
            )
        return iter(found)

    def fallback_fields(self, lang: str) -> list[str]:
        """Paths of the fields that would be served in another language for ``lang``.

        Explicitly empty fields are not fallbacks; fields empty in every language are skipped.

        >>> a = Article(id="a", slug={"en": "a"}, section={"id": "s", "name": {"en": "S", "az": "S"}},
        ...     title={"en": "T", "az": "Başlıq"}, lead={"en": "Lead"}, published="2017-03-02T00:00:00Z",
        ...     original_language="en")
        >>> a.fallback_fields("az")
        ['lead']
        """
        return [path for path, text in self.text_fields().items() if text.resolve(lang).is_fallback]

    def title_in(self, lang: str | None = None) -> str:
        """The item's title (its ``content.title`` field) in ``lang``, with fallback; ``""`` if none.

        >>> Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"}).title_in("az")
        'Bakı'
        """
        return self.title_text().get(lang) or ""

    def title_text(self) -> LocalizedText:
        """The localized text of the item's ``content.title`` field (empty when absent).

        >>> Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"}).title_text().get("en")
        'Baku'
        """
        title = type(self).content.title
        if title.isidentifier():  # the usual case: a plain field (this runs for every link)
            value = getattr(self, title)
            return value if isinstance(value, LocalizedText) else LocalizedText()
        for _, found in field_values(self, title):
            if isinstance(found, LocalizedText):
                return found
        return LocalizedText()

    def schema_org_type(self) -> str:
        """The schema.org type of the item's JSON-LD (``content.schema_type`` unless refined).

        >>> Place(id="baku", kind="city", name={"en": "Baku"}).schema_org_type()
        'City'
        """
        return type(self).content.schema_type


# ---------------------------------------------------------------------------
# Entities


def _name_in(name: LocalizedText, lang: str | None) -> str:
    """An entity's name in ``lang``: English missing → romanised from Azerbaijani.

    An Azerbaijani name is never guessed from English: the English form is shown.
    """
    resolved = name.resolve(lang)
    if resolved.value is None:
        return ""
    if resolved.is_fallback and resolved.lang in language_spec(resolved.requested).romanize_from:
        return language_spec(resolved.lang).text_rules.romanize(resolved.value)
    return resolved.value


class EntityBase(ContentItem):
    """Fields every entity shares: an id, external ids and override forms.

    ``inflections`` holds irregular Azerbaijani case forms of the entity's name
    (``{"genitive": "..."}``) for the grammar helpers to use instead of the rules.

    >>> Place(id="baku", kind="city", name={"az": "Bakı"}, wikidata="Q9248").wikidata
    'Q9248'
    """

    id: Id
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]{0,11}$")] | None = None
    external_ids: dict[str, str] = _no_entries()
    inflections: dict[
        Literal["genitive", "dative", "accusative", "locative", "ablative", "instrumental"],
        str,
    ] = _no_entries()
    translation_sources: TranslationSources = _no_entries()


class Position(_Model):
    """An office a person held: localized title, organisation, place and period.

    >>> p = Position(title={"en": "President", "az": "Prezident"}, country="azerbaijan", start="2003-10")
    >>> p.is_current()
    True
    """

    title: LocalizedText
    organization: Id | None = None
    country: Id | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Position:
        if self.start and self.end and self.end < self.start:
            raise ContentError(f"position ends ({self.end}) before it starts ({self.start})")
        return self

    def is_current(self, on: dt.date | None = None) -> bool:
        """Whether the position is held on ``on`` (default: today).

        >>> Position(title={"en": "Ambassador"}, start="2012", end="2019").is_current(dt.date(2017, 3, 2))
        True
        """
        day = PartialDate.from_date(on or dt.date.today())
        if self.start is not None and self.start.first_day() > day.first_day():
            return False
        return not (self.end is not None and self.end < day)


class Person(EntityBase):
    """A person, with name parts per language.

    ``given``, ``family`` and ``patronymic`` are localized separately because
    Azerbaijani and English spell them differently (Əliyev / Aliyev).

    >>> p = Person(id="ilham-aliyev", given={"en": "Ilham", "az": "İlham"},
    ...            family={"en": "Aliyev", "az": "Əliyev"}, patronymic={"az": "Heydər oğlu"})
    >>> p.display_name("az")
    'İlham Əliyev'
    """

    content: ClassVar[ContentType] = ContentType(
        kind="person",
        folder="people",
        schema_type="Person",
        title="given",
        text_fields=("given", "family", "patronymic", "positions[].title"),
        references=(
            Reference("positions[].organization", ("organization",)),
            Reference("positions[].country", ("place",)),
        ),
        limits={"given": 80, "family": 80, "patronymic": 80, "positions[].title": 250},
        descriptions={
            "given": "given name",
            "family": "family name",
            "positions[].title": "title of a position held",
        },
        name_fields=frozenset({"given", "family", "patronymic", "positions[].title"}),
        label="People",
    )

    type: Literal["person"] = "person"
    given: LocalizedText
    family: LocalizedText = LocalizedText()
    patronymic: LocalizedText = LocalizedText()
    gender: Literal["female", "male"] | None = None
    positions: tuple[Position, ...] = ()

    @model_validator(mode="after")
    def _has_name(self) -> Person:
        if not self.given.languages() and not self.family.languages():
            raise ContentError("a person needs a given or a family name in at least one language")
        return self

    def display_name(self, lang: str | None = None) -> str:
        """Given name and family name in ``lang``, each part falling back on its own.

        The same as :func:`diplolib.format_name` with the ``full`` style: an
        English name missing from the data is romanised from the Azerbaijani
        one; an Azerbaijani one is never guessed (the English form is shown).

        >>> Person(id="x", given={"en": "Beybit"}, family={"en": "Isabayev"}).display_name("az")
        'Beybit Isabayev'
        >>> Person(id="v", given={"az": "Vaqif"}, family={"az": "Əmirov"}).display_name("en")
        'Vagif Amirov'
        """
        from .names import format_name

        return format_name(self, lang=lang)

    def title_in(self, lang: str | None = None) -> str:
        """The person's :meth:`display_name`: given and family name, each with fallback.

        >>> Person(id="v", given={"az": "Vaqif"}, family={"az": "Əmirov"}).title_in("az")
        'Vaqif Əmirov'
        """
        return self.display_name(lang)

    def current_position(self, on: dt.date | None = None) -> Position | None:
        """The most recently started position held on ``on`` (default: today), if any.

        >>> p = Person(id="x", given={"en": "A"}, positions=[
        ...     {"title": {"en": "Minister"}, "start": "2004", "end": "2020"},
        ...     {"title": {"en": "Ambassador"}, "start": "2012"}])
        >>> p.current_position(dt.date(2017, 3, 2)).title.get("en")
        'Ambassador'
        """
        held = [p for p in self.positions if p.is_current(on)]
        if not held:
            return None
        return max(held, key=lambda p: p.start or PartialDate(1))


OrganizationKind = Literal[
    "international",
    "intergovernmental",
    "parliamentary",
    "government",
    "ministry",
    "embassy",
    "media",
    "company",
    "ngo",
    "other",
]


class Organization(EntityBase):
    """An organisation, with localized name, abbreviations and aliases.

    >>> osce = Organization(id="osce", kind="intergovernmental",
    ...     name={"en": "Organization for Security and Co-operation in Europe",
    ...           "az": "Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatı"},
    ...     abbreviation={"en": "OSCE", "az": "ATƏT"})
    >>> osce.display_name("az", short=True)
    'ATƏT'
    """

    content: ClassVar[ContentType] = ContentType(
        kind="organization",
        folder="organizations",
        schema_type="Organization",
        title="name",
        text_fields=("name", "abbreviation", "aliases[]"),
        references=(Reference("country", ("place",)),),
        limits={"name": 200, "abbreviation": 20, "aliases[]": 200},
        descriptions={"aliases[]": "other name"},
        name_fields=frozenset({"name", "abbreviation", "aliases[]"}),
        label="Organizations",
    )

    type: Literal["organization"] = "organization"
    name: LocalizedText
    abbreviation: LocalizedText = LocalizedText()
    aliases: tuple[LocalizedText, ...] = ()
    kind: OrganizationKind = "other"
    country: Id | None = None

    def display_name(self, lang: str | None = None, *, short: bool = False) -> str:
        """The name in ``lang``; with ``short=True`` the abbreviation when there is one.

        >>> Organization(id="oic", name={"en": "Organisation of Islamic Cooperation"},
        ...              abbreviation={"en": "OIC"}).display_name("en")
        'Organisation of Islamic Cooperation'
        """
        if short:
            abbreviation = _name_in(self.abbreviation, lang)
            if abbreviation:
                return abbreviation
        return _name_in(self.name, lang)

    def schema_org_type(self) -> str:
        """``Organization``, or the schema.org subtype its ``kind`` names.

        >>> Organization(id="mfa", kind="ministry", name={"en": "MFA"}).schema_org_type()
        'GovernmentOrganization'
        """
        return _ORG_TYPES.get(self.kind, "Organization")


PlaceKind = Literal["country", "city", "region", "district", "village", "other"]

_PLACE_TYPES: Final = {"country": "Country", "city": "City", "region": "AdministrativeArea"}
_ORG_TYPES: Final = {
    "government": "GovernmentOrganization",
    "ministry": "GovernmentOrganization",
    "embassy": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
    "company": "Corporation",
    "ngo": "NGO",
}


class Place(EntityBase):
    """A country, city, region or other place, with a localized name.

    >>> Place(id="nakhchivan", kind="city", name={"en": "Nakhchivan", "az": "Naxçıvan"}).display_name("az")
    'Naxçıvan'
    """

    content: ClassVar[ContentType] = ContentType(
        kind="place",
        folder="places",
        schema_type="Place",
        title="name",
        text_fields=("name",),
        references=(Reference("country", ("place",)),),
        limits={"name": 120},
        name_fields=frozenset({"name"}),
        label="Places",
    )

    type: Literal["place"] = "place"
    name: LocalizedText
    kind: PlaceKind
    country: Id | None = None

    def display_name(self, lang: str | None = None) -> str:
        """The place name in ``lang`` with fallback.

        >>> Place(id="astana", kind="city", name={"en": "Astana"}).display_name("az")
        'Astana'
        >>> Place(id="qax", kind="district", name={"az": "Qax"}).display_name("en")
        'Gakh'
        """
        return _name_in(self.name, lang)

    def schema_org_type(self) -> str:
        """``Place``, or ``Country``, ``City``, ``AdministrativeArea`` by its ``kind``.

        >>> Place(id="qax", kind="district", name={"az": "Qax"}).schema_org_type()
        'Place'
        """
        return _PLACE_TYPES.get(self.kind, "Place")


Entity = Annotated[Person | Organization | Place, Field(discriminator="type")]
"""Any entity; the ``type`` key (``person``, ``organization``, ``place``) selects the model."""


# ---------------------------------------------------------------------------
# Events

EventKind = Literal[
    "summit",
    "official-visit",
    "state-visit",
    "forum",
    "conference",
    "meeting",
    "signing",
    "election",
    "anniversary",
    "exhibition",
    "other",
]


class Participant(_Model):
    """An entity taking part in an event, with an optional localized role.

    >>> Participant(entity="nursultan-nazarbayev", role={"en": "host"}).entity
    'nursultan-nazarbayev'
    """

    entity: Id
    role: LocalizedText = LocalizedText()


class Event(ContentItem):
    """Something that happened (or will): a summit, a visit, an anniversary.

    ``start`` and ``end`` are partial dates, so "the 2009 Nakhchivan summit" is
    ``start="2009"`` until someone knows the day.

    >>> e = Event(id="nakhchivan-summit-2009", kind="summit", start="2009-10-03",
    ...           name={"en": "Nakhchivan Summit", "az": "Naxçıvan Zirvəsi"}, place="nakhchivan")
    >>> e.start.precision
    'day'
    """

    content: ClassVar[ContentType] = ContentType(
        kind="event",
        folder="events",
        schema_type="Event",
        title="name",
        text_fields=("name", "description", "participants[].role"),
        references=(
            Reference("place", ("place",)),
            Reference("participants[].entity", ("person", "organization", "place")),
        ),
        limits={"name": 200, "participants[].role": 120},
        descriptions={"participants[].role": "participant's role"},
        label="Events",
    )

    type: Literal["event"] = "event"
    id: Id
    name: LocalizedText
    description: LocalizedText = LocalizedText()
    kind: EventKind = "other"
    start: PartialDate
    end: PartialDate | None = None
    place: Id | None = None
    participants: tuple[Participant, ...] = ()
    translation_sources: TranslationSources = _no_entries()

    @model_validator(mode="after")
    def _ordered(self) -> Event:
        if self.end is not None and self.end < self.start:
            raise ContentError(f"event ends ({self.end}) before it starts ({self.start})")
        return self


# ---------------------------------------------------------------------------
# Articles


class Section(_Model):
    """The portal section an article belongs to, e.g. "Diplomatic Chapter".

    >>> Section(id="diplomatic-chapter", name={"en": "Diplomatic Chapter"}).id
    'diplomatic-chapter'
    """

    id: Id
    name: LocalizedText


class Byline(_Model):
    """An author of an article and the role shown with the name.

    >>> Byline(person="beybit-isabayev", role={"en": "Ambassador"}).person
    'beybit-isabayev'
    """

    person: Id
    role: LocalizedText = LocalizedText()


class Dateline(_Model):
    """Where and when a story was filed: "Baku, 2 March 2017".

    >>> Dateline(place="baku", date="2017-03-02").date
    datetime.date(2017, 3, 2)
    """

    place: Id
    date: dt.date


class ForeignSource(_Model):
    """Where a "Foreign press" item was first published.

    >>> s = ForeignSource(publication={"en": "The Washington Post"},
    ...     url="https://www.washingtonpost.com/", published="2018-04-11")
    >>> s.published
    PartialDate('2018-04-11')
    """

    publication: LocalizedText
    url: HttpUrl
    published: PartialDate
    author: str | None = None


TranslationStatus = Literal["original", "translated", "machine", "partial", "missing"]
"""How a language version came to be: ``original`` (written in it), ``translated``
(by a person), ``machine`` (machine translation, unreviewed), ``partial`` or ``missing``."""


class Article(ContentItem):
    """A news or opinion article, in one or both languages.

    ``body`` is a list of paragraphs, each a :class:`LocalizedText`, so a
    translation is aligned paragraph by paragraph. ``source`` marks a
    "Foreign press" item republished from another publication.

    >>> a = Article(id="a1", slug={"en": "print-test"},
    ...     section={"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
    ...     title={"en": "Title"},
    ...     published="2017-03-02T10:00:00+04:00", original_language="en")
    >>> a.translations["az"]
    'missing'
    """

    content: ClassVar[ContentType] = ContentType(
        kind="article",
        folder="articles",
        schema_type="NewsArticle",
        title="title",
        text_fields=(
            "title",
            "lead",
            "body[]",
            "tags[]",
            "section.name",
            "authors[].role",
            "source.publication",
        ),
        references=(
            Reference("authors[].person", ("person", "organization")),
            Reference("dateline.place", ("place",)),
            Reference("mentions[]", ("person", "organization", "place")),
            Reference("events[]", ("event",)),
            Reference("related[]", ("article",)),
        ),
        limits={
            "title": 200,
            "lead": 600,
            "section.name": 80,
            "tags[]": 60,
            "authors[].role": 250,
            "source.publication": 120,
        },
        descriptions={
            "lead": "lead (standfirst)",
            "body[]": "body paragraph",
            "tags[]": "tag",
            "section.name": "section name",
            "authors[].role": "author's role in the byline",
            "source.publication": "name of the original publication",
        },
        name_fields=frozenset({"source.publication"}),
        label="Articles",
    )

    type: Literal["article"] = "article"
    id: Id
    slug: Slugs
    section: Section
    title: LocalizedText
    lead: LocalizedText = LocalizedText()
    body: tuple[LocalizedText, ...] = ()
    authors: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    published: AwareDatetime
    updated: AwareDatetime | None = None
    original_language: LanguageCode
    translations: dict[LanguageCode, TranslationStatus] = _no_entries()
    tags: tuple[LocalizedText, ...] = ()
    mentions: tuple[Id, ...] = ()
    events: tuple[Id, ...] = ()
    related: tuple[Id, ...] = ()
    source: ForeignSource | None = None
    comment_count: Annotated[int, Field(ge=0)] = 0
    translation_sources: TranslationSources = _no_entries()

    @model_validator(mode="before")
    @classmethod
    def _normalize_keys(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            data = dict(data)
            for key in ("slug", "translations"):
                if key in data:
                    data[key] = _lang_keys(data[key])
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Article:
        if not self.title.get(self.original_language, fallback=False):
            raise ContentError(
                f"title has no text in the original language {self.original_language!r}"
            )
        statuses = dict(self.translations)
        for lang in SUPPORTED_LANGUAGES:
            if lang == self.original_language:
                if statuses.get(lang, "original") != "original":
                    raise ContentError(
                        f"translations[{lang!r}] is {statuses[lang]!r} but {lang!r} is the "
                        "original language"
                    )
                statuses[lang] = "original"
            elif lang not in statuses:
                statuses[lang] = (
                    "translated"
                    if lang in self.slug and self.title.get(lang, fallback=False)
                    else "missing"
                )
        object.__setattr__(self, "translations", statuses)
        if self.id in self.related:
            raise ContentError(f"article {self.id!r} lists itself as related")
        return self


Item = Annotated[Article | Event | Person | Organization | Place, Field(discriminator="type")]
"""Any document of a content library; the ``type`` key selects the model."""


# ---------------------------------------------------------------------------
# The content type registry

C = TypeVar("C", bound=type[ContentItem])

_REGISTRY: dict[str, type[ContentItem]] = {}
_BUILT_IN: Final = ("article", "event", "person", "organization", "place")
_LOCK: Final = threading.Lock()
_ADAPTER: list[TypeAdapter[Any]] = []  # the loader for the current registry, built on first use
_TYPES: list[tuple[type[ContentItem], ...]] = []  # content_types(), kept until the next change
# JSON fast-path validators by model class or item adapter (see _validate_json_fast)
_FAST: dict[object, tuple[SchemaValidator, SchemaValidator] | None] = {}


def _tag_of(model: type[ContentItem]) -> str | None:
    """The one value of the model's ``type: Literal[...]`` field, or None."""
    info = model.model_fields.get("type")
    if info is None or typing.get_origin(info.annotation) is not Literal:
        return None
    values = typing.get_args(info.annotation)
    return values[0] if len(values) == 1 and values[0] == info.default else None


def _check_model(model: type[ContentItem]) -> ContentType:
    name = getattr(model, "__name__", repr(model))
    if not (isinstance(model, type) and issubclass(model, ContentItem)):
        raise ContentTypeError(f"{name} is not a subclass of diplolib.models.ContentItem")
    spec = model.__dict__.get("content")
    if not isinstance(spec, ContentType):
        raise ContentTypeError(
            f"{name} declares no content type: give it a class attribute "
            "`content: ClassVar[ContentType] = ContentType(...)`"
        )
    if _tag_of(model) != spec.kind:
        raise ContentTypeError(
            f"{name} needs the field `type: Literal[{spec.kind!r}] = {spec.kind!r}` "
            f"matching its content kind {spec.kind!r}"
        )
    fields = model.model_fields
    for needed in ("id", "translation_sources"):
        if needed not in fields:
            raise ContentTypeError(f"{name} has no {needed!r} field; every content item needs one")
    patterns = [*spec.text_fields, spec.title, *(r.path for r in spec.references)]
    for pattern in patterns:
        head = pattern.split(".", 1)[0].removesuffix("[]")
        if head not in fields:
            raise ContentTypeError(
                f"{name}: the field pattern {pattern!r} names no field {head!r} "
                f"(fields: {', '.join(fields)})"
            )
    return spec


def register_content_type(model: C) -> C:
    """Add a content model to the registry; return it (so it also works as a decorator).

    The model must subclass :class:`ContentItem` and declare its facts as the
    ``content`` class attribute. From then on :class:`~diplolib.library.ContentLibrary`
    loads documents with its ``type`` tag from any folder (and saves them to
    ``content.folder``), checks its references, and content PO exchange,
    JSON-LD and the preview handle it. Registering the same class again does
    nothing; another class with a registered kind or folder is refused.

    >>> from typing import ClassVar, Literal
    >>> from diplolib.content_types import ContentType
    >>> from diplolib.models import TranslationSources
    >>> class Note(ContentItem):
    ...     content: ClassVar[ContentType] = ContentType(
    ...         kind="note", folder="notes", schema_type="CreativeWork",
    ...         title="text", text_fields=("text",))
    ...     type: Literal["note"] = "note"
    ...     id: str
    ...     text: LocalizedText
    ...     translation_sources: TranslationSources = {}
    >>> register_content_type(Note) is Note
    True
    >>> content_type("note") is Note
    True
    >>> unregister_content_type("note")
    >>> "note" in [m.content.kind for m in content_types()]
    False
    """
    spec = _check_model(model)
    with _LOCK:
        known = _REGISTRY.get(spec.kind)
        if known is model:
            return model
        if known is not None:
            raise ContentTypeError(
                f"content type {spec.kind!r} is registered already (by {known.__name__})"
            )
        for other in _REGISTRY.values():
            if other.content.folder == spec.folder:
                raise ContentTypeError(
                    f"folder {spec.folder!r} is used by content type {other.content.kind!r}"
                )
        _REGISTRY[spec.kind] = model
        _ADAPTER.clear()
        _TYPES.clear()
        _FAST.clear()
    return model


def unregister_content_type(kind: str) -> None:
    """Remove a registered content type (the built-in ones stay).

    >>> unregister_content_type("article")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentTypeError: 'article' is a built-in content type; it cannot be removed
    """
    if kind in _BUILT_IN:
        raise ContentTypeError(f"{kind!r} is a built-in content type; it cannot be removed")
    with _LOCK:
        if _REGISTRY.pop(kind, None) is None:
            raise ContentTypeError(_unknown_kind(kind))
        _ADAPTER.clear()
        _TYPES.clear()
        _FAST.clear()


def _unknown_kind(kind: object) -> str:
    return f"unknown content type {kind!r}; registered: {', '.join(map(repr, _REGISTRY))}"


def content_types() -> tuple[type[ContentItem], ...]:
    """Every registered content model: the built-in ones first, in registration order.

    >>> [m.content.kind for m in content_types()]
    ['article', 'event', 'person', 'organization', 'place']
    """
    try:
        return _TYPES[0]
    except IndexError:  # changed since the last call (or never asked for)
        pass
    with _LOCK:
        if not _TYPES:
            _TYPES.append(tuple(_REGISTRY.values()))
        return _TYPES[0]


def content_type(kind: str) -> type[ContentItem]:
    """The model registered for the ``type`` tag ``kind``.

    >>> content_type("place").content.folder
    'places'
    >>> content_type("interview")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentTypeError: unknown content type 'interview'; registered: 'article', 'event', 'person', 'organization', 'place'
    """
    model = _REGISTRY.get(kind)
    if model is None:
        raise ContentTypeError(_unknown_kind(kind))
    return model


def item_adapter() -> TypeAdapter[Any]:
    """A pydantic adapter validating a document of any registered type (by its ``type`` key).

    >>> item_adapter().validate_python({"type": "place", "id": "baku", "kind": "city",
    ...                                 "name": {"en": "Baku"}}).name.get("en")
    'Baku'
    """
    try:
        return _ADAPTER[0]
    except IndexError:  # the registry changed since the last call (or never asked for)
        pass
    with _LOCK:
        if not _ADAPTER:
            models = tuple(_REGISTRY.values())
            union = models[0] if len(models) == 1 else typing.Union[models]  # noqa: UP007
            tagged: Any = Annotated[union, Field(discriminator="type")]
            _ADAPTER.append(TypeAdapter(tagged))
        return _ADAPTER[0]


for _model in (Article, Event, Person, Organization, Place):
    register_content_type(_model)


def validate_item_json(data: str | bytes | bytearray) -> Item:
    """Validate a JSON document of any registered type: ``item_adapter().validate_json(data)``, faster.

    The result, and the error for a bad document, are those of
    :func:`item_adapter`. Most documents are validated by pydantic-core alone (the
    JSON fast path): the text checks written in Python (NFC, look-alike letters,
    language keys in any spelling, hooks) are confirmed afterwards by one scan of
    the document's bytes; a document the fast path cannot vouch for is validated
    again in full. :meth:`ContentItem.model_validate_json` works the same way.

    >>> raw = '{"type": "place", "id": "baku", "kind": "city", "name": {"az": "Bakı"}}'
    >>> validate_item_json(raw.encode()).name
    LocalizedText(az='Bakı')
    >>> validate_item_json('{"type": "place", "id": "baku", "kind": "city", "name": {"az": "B\u04d9k\u0131"}}')
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for tagged-union[...]
    place.name
      az: look-alike letter 'ә' (U+04D9 CYRILLIC SMALL LETTER SCHWA) at position 1; ...
    """
    adapter = item_adapter()
    item = _validate_json_fast(adapter, data)
    if item is _DECLINED:
        item = adapter.validate_json(data)
    return cast(Item, item)


# ---------------------------------------------------------------------------
# The JSON fast path
#
# A stand-in of a content model's core schema that pydantic-core runs without Python code
# for the common case: LocalizedText as a plain typed dict (text.fast_json_schema), ids and
# ASCII slugs as patterns, language codes as literals, no key-normalising model validator.
# It accepts only documents the full schema accepts too, with the same result, except for
# what the Python text checks would change or reject; json_is_settled() rules that out. When
# it cannot, a second stand-in that keeps LocalizedText's own validator (and replaces only
# the rest) validates the document. Anything either declines, including every invalid
# document, is validated again by the full schema, which gives the result and the errors.

_DECLINED: Final = object()
_ID_PATTERN: Final = f"^(?:{_ID_RE.pattern})$"
# ASCII slugs: _check_slug accepts each of them and no other ASCII one; other slugs take
# the full validation.
_ASCII_SLUG: Final = r"^[a-z0-9_]+(?:-[a-z0-9_]+)*$"

_Swap = Callable[[dict[str, Any], bool], Any]


def _str_constraints(pattern: str, **more: int) -> _Swap:
    def swap(schema: dict[str, Any], texts: bool) -> Any:
        inner = schema.get("schema")
        if not isinstance(inner, dict) or inner.get("type") != "str" or "pattern" in inner:
            return None
        return {**inner, "pattern": pattern, **more}

    return swap


def _fast_swaps() -> list[tuple[object, _Swap]]:
    """The Python validators the stand-in schema replaces, each with its replacement."""
    return [
        (_check_id, _str_constraints(_ID_PATTERN)),
        (_check_slug, _str_constraints(_ASCII_SLUG, max_length=200)),
        (
            _language_code,
            lambda schema, texts: core_schema.literal_schema(list(SUPPORTED_LANGUAGES)),
        ),
        # keys in any spelling: the literal codes above take only the registered ones
        (
            Article._normalize_keys.__func__,
            lambda schema, texts: _stand_in(schema["schema"], texts),
        ),
    ]


def _stand_in(schema: Any, texts: bool) -> Any:
    """A copy of the core schema ``schema`` with the fast replacements made.

    ``texts``: LocalizedText's (and any type's that names a fast schema) too.
    """
    if isinstance(schema, list):
        return [_stand_in(item, texts) for item in schema]
    if not isinstance(schema, dict):
        return schema
    metadata = schema.get("metadata")
    if texts and isinstance(metadata, dict) and callable(metadata.get(FAST_JSON_SCHEMA)):
        return metadata[FAST_JSON_SCHEMA]()
    kind = schema.get("type")
    if isinstance(kind, str) and kind.startswith("function-"):
        function = schema.get("function")
        function = function.get("function") if isinstance(function, dict) else function
        function = getattr(function, "__func__", function)
        for known, swap in _fast_swaps():
            if function is known:
                replaced = swap(schema, texts)
                if replaced is not None:
                    return replaced
    return {key: _stand_in(value, texts) for key, value in schema.items()}


def _build_fast(
    source: type[BaseModel] | TypeAdapter[Any],
) -> tuple[SchemaValidator, SchemaValidator] | None:
    """The stand-in validators of ``source``: all in pydantic-core, and with Python text checks."""
    try:
        if isinstance(source, TypeAdapter):
            schema = source.core_schema
        else:
            if not source.__pydantic_complete__:  # models build their schema on first use
                source.model_rebuild()
            schema = source.__pydantic_core_schema__
        return SchemaValidator(_stand_in(schema, True)), SchemaValidator(_stand_in(schema, False))
    except Exception:  # a schema the stand-in cannot follow: always validate in full
        return None


def _validate_json_fast(
    source: type[BaseModel] | TypeAdapter[Any], data: str | bytes | bytearray
) -> Any:
    """What validating ``data`` with ``source`` would give, or _DECLINED when not sure.

    The stand-in without Python text checks is used when the byte scan vouches for the
    document's text; otherwise the one with LocalizedText's own validator (still without
    the model's key-normalising validator and the Python id checks).
    """
    try:
        validators = _FAST[source]
    except KeyError:
        validators = _FAST[source] = _build_fast(source)
    if validators is None:
        return _DECLINED
    core_only, with_texts = validators
    try:
        if isinstance(data, str):
            # validating caches the str's UTF-8 form, which makes encoding it a copy
            item = core_only.validate_json(data)
            if json_is_settled(data.encode()):
                return item
        elif json_is_settled(data):
            return core_only.validate_json(data)
        return with_texts.validate_json(data)
    except Exception:  # an invalid document, or any surprise: the full validation reports
        return _DECLINED


watch_languages(_FAST.clear)


def export_json_schemas(directory: str | Path) -> list[Path]:
    """Write the JSON Schema of every registered content model into ``directory``; return the files.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sorted(p.name for p in export_json_schemas(tmp))
    ['article.schema.json', 'event.schema.json', 'item.schema.json', 'organization.schema.json', 'person.schema.json', 'place.schema.json']
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    schemas: dict[str, dict[str, Any]] = {
        model.content.kind: model.model_json_schema() for model in content_types()
    }
    schemas["item"] = item_adapter().json_schema()
    written = []
    for name, schema in schemas.items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
