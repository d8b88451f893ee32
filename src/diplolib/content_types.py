"""The facts about a content type that the library, PO exchange, publishing and preview read.

Every content model (:class:`~diplolib.models.Article`, ``Event``, ``Person`` …)
declares one :class:`ContentType` as its ``content`` class attribute: the
``type`` tag of its files, the folder they live in, its schema.org type, which
field is its title, its localized text fields, its references to other items
and the length limits translators see. Field paths are written as patterns:
``body[]`` is every paragraph (``body[0]``, ``body[1]`` …), ``authors[].role``
the role of every byline, ``source.publication`` a field of a nested model.

A host application adds a content type by subclassing
:class:`~diplolib.models.ContentItem` and calling
:func:`~diplolib.models.register_content_type`.

>>> spec = ContentType(kind="note", folder="notes", schema_type="CreativeWork",
...     title="title", text_fields=("title", "body[]"), limits={"title": 120})
>>> spec.limit("body[3]"), spec.limit("title")
(None, 120)
>>> generic_path("authors[2].role")
'authors[].role'
"""

from __future__ import annotations

__all__ = ["ContentType", "Reference", "field_values", "generic_path"]

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final

from .errors import ContentTypeError

_INDEX_RE: Final = re.compile(r"\[[0-9]+\]")
_PATTERN_RE: Final = re.compile(r"[a-z_]+(?:\[\])?(?:\.[a-z_]+(?:\[\])?)*")
_KIND_RE: Final = re.compile(r"[a-z][a-z0-9_-]{0,39}")


def generic_path(path: str) -> str:
    """The pattern a concrete field path belongs to: every index becomes ``[]``.

    >>> generic_path("body[3]"), generic_path("positions[0].title"), generic_path("lead")
    ('body[]', 'positions[].title', 'lead')
    """
    return _INDEX_RE.sub("[]", path)


def field_values(model: Any, pattern: str) -> Iterator[tuple[str, Any]]:
    """Every concrete ``(path, value)`` of ``model`` that ``pattern`` covers, in order.

    A ``None`` on the way (an optional nested model that is absent) covers
    nothing; a ``None`` at the end is yielded as it is.

    >>> from diplolib import load_sample_library
    >>> article = load_sample_library().get("kazakhstan-azerbaijan-strategic-partner")
    >>> [path for path, _ in field_values(article, "body[]")][:3]
    ['body[0]', 'body[1]', 'body[2]']
    >>> [(path, ref) for path, ref in field_values(article, "dateline.place")]
    [('dateline.place', 'baku')]
    """
    return iter(_walk(model, _steps(pattern), ""))


@lru_cache(maxsize=1024)
def _steps(pattern: str) -> tuple[tuple[str, bool], ...]:
    """``"authors[].role"`` → ``(("authors", True), ("role", False))``, parsed once."""
    return tuple((part.removesuffix("[]"), part.endswith("[]")) for part in pattern.split("."))


def _walk(model: Any, steps: tuple[tuple[str, bool], ...], prefix: str) -> list[tuple[str, Any]]:
    # Runs for every reference of every item a library loads: lists, no generators.
    (name, many), rest = steps[0], steps[1:]
    value = getattr(model, name)
    path = prefix + name
    parts = [(f"{path}[{i}]", v) for i, v in enumerate(value)] if many else [(path, value)]
    if not rest:
        return parts
    found: list[tuple[str, Any]] = []
    for inner, part in parts:
        if part is not None:
            found.extend(_walk(part, rest, inner + "."))
    return found


@dataclass(frozen=True, slots=True)
class Reference:
    """A field holding the id of another item, and the kinds (``type`` tags) it may name.

    ``schema_property`` is the schema.org property the referenced item is
    linked under in JSON-LD (None: not linked).

    >>> Reference("interviewee", ("person",), schema_property="about").kinds
    ('person',)
    """

    path: str
    kinds: tuple[str, ...]
    schema_property: str | None = None

    def __post_init__(self) -> None:
        if not _PATTERN_RE.fullmatch(self.path):
            raise ContentTypeError(
                f"reference path {self.path!r} is not a field pattern like 'place' or "
                "'participants[].entity'"
            )
        if not self.kinds:
            raise ContentTypeError(f"reference {self.path!r} names no allowed kind")


@dataclass(frozen=True, slots=True)
class ContentType:
    """The class-level facts of one content model; see the module docs.

    ``kind`` is the ``type`` tag of the model's files; ``folder`` the folder
    :meth:`~diplolib.library.ContentLibrary.save` writes them to;
    ``schema_type`` the schema.org type of its JSON-LD; ``title`` the path of
    the field that names an item (shown to translators and in page titles);
    ``text_fields`` the patterns of its localized fields in reading order;
    ``references`` its links to other items; ``limits`` the most characters a
    translation of a field may have, by pattern; ``descriptions`` what
    translators are told a field is, by pattern; ``name_fields`` the patterns
    holding names (a translation identical to the source is normal there);
    ``label`` the heading of the type's group on index pages.

    >>> ContentType(kind="note", folder="notes", schema_type="CreativeWork",
    ...             title="title", text_fields=("title",)).label
    'Notes'
    >>> ContentType(kind="Note", folder="notes", schema_type="Thing", title="t", text_fields=("t",))
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentTypeError: content type kind 'Note' must be 1-40 lowercase ASCII letters, digits, '_' or '-', starting with a letter
    """

    kind: str
    folder: str
    schema_type: str
    title: str
    text_fields: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    limits: Mapping[str, int] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    name_fields: frozenset[str] = frozenset()
    label: str = ""

    def __post_init__(self) -> None:
        if not _KIND_RE.fullmatch(self.kind):
            raise ContentTypeError(
                f"content type kind {self.kind!r} must be 1-40 lowercase ASCII letters, "
                "digits, '_' or '-', starting with a letter"
            )
        if not _KIND_RE.fullmatch(self.folder):
            raise ContentTypeError(
                f"content type folder {self.folder!r} is not a simple folder name"
            )
        for pattern in (*self.text_fields, *self.limits, *self.descriptions, *self.name_fields):
            if not _PATTERN_RE.fullmatch(pattern):
                raise ContentTypeError(
                    f"field pattern {pattern!r} of {self.kind!r} is not like 'title', "
                    "'body[]' or 'authors[].role'"
                )
        unknown = sorted((set(self.limits) | set(self.name_fields)) - set(self.text_fields))
        if unknown:
            raise ContentTypeError(
                f"{self.kind!r} gives limits or name flags for {', '.join(map(repr, unknown))}, "
                f"which are not among its text fields ({', '.join(self.text_fields)})"
            )
        object.__setattr__(self, "limits", MappingProxyType(dict(self.limits)))
        object.__setattr__(self, "descriptions", MappingProxyType(dict(self.descriptions)))
        object.__setattr__(self, "name_fields", frozenset(self.name_fields))
        if not self.label:
            object.__setattr__(self, "label", self.folder.replace("_", " ").capitalize())

    def limit(self, path: str) -> int | None:
        """The length limit of the field at ``path`` (concrete or pattern), or None.

        >>> from diplolib import Organization
        >>> Organization.content.limit("abbreviation"), Organization.content.limit("aliases[2]")
        (20, 200)
        """
        return self.limits.get(generic_path(path))

    def description(self, path: str) -> str:
        """What translators are told the field at ``path`` is (its pattern when undescribed).

        >>> from diplolib import Article
        >>> Article.content.description("authors[1].role")
        "author's role in the byline"
        """
        pattern = generic_path(path)
        return self.descriptions.get(pattern, pattern.replace("[]", ""))

    def is_name(self, path: str) -> bool:
        """Whether the field at ``path`` holds a name (often spelled alike in every language).

        >>> from diplolib import Article, Place
        >>> Article.content.is_name("source.publication"), Place.content.is_name("name")
        (True, True)
        """
        return generic_path(path) in self.name_fields
