"""The exception hierarchy of diplolib.

Every error the library raises on purpose derives from :class:`DiplolibError`.
Each subclass also derives from the builtin exception a caller would naturally
catch (``ValueError``, ``LookupError``, ``TypeError``), so code that does not
know diplolib still handles it correctly, and pydantic turns the ``ValueError``
ones into ordinary validation errors.

>>> from diplolib.errors import DiplolibError, UnsupportedLanguageError
>>> issubclass(UnsupportedLanguageError, ValueError)
True
>>> issubclass(UnsupportedLanguageError, DiplolibError)
True
"""

from __future__ import annotations

__all__ = [
    "ArgumentTypeError",
    "CatalogError",
    "CatalogLanguageError",
    "ConflictError",
    "ContentError",
    "ContentTypeError",
    "DetectionError",
    "DiplolibError",
    "InvalidArgumentError",
    "LanguageRegistryError",
    "LibraryError",
    "MissingTranslationError",
    "Problem",
    "ReferencedItemError",
    "StoreError",
    "TemplateRenderError",
    "UnknownReferenceError",
    "UnsupportedLanguageError",
]

from dataclasses import dataclass


class DiplolibError(Exception):
    """Base class of every error raised by diplolib.

    >>> try:
    ...     raise DiplolibError("something went wrong")
    ... except DiplolibError as exc:
    ...     print(exc)
    something went wrong
    """


class InvalidArgumentError(DiplolibError, ValueError):
    """A function got an argument value it does not accept (an unknown style, a bad number).

    The message names the value and what is accepted.

    >>> import datetime as dt
    >>> from diplolib import format_date
    >>> format_date(dt.date(2017, 3, 2), "bogus")
    Traceback (most recent call last):
    ...
    diplolib.errors.InvalidArgumentError: unknown date style 'bogus'; accepted: 'short', 'medium', 'long', 'full', 'formal'
    >>> issubclass(InvalidArgumentError, ValueError)
    True
    """


class ArgumentTypeError(DiplolibError, TypeError):
    """A function got an argument of a type it does not take.

    >>> from diplolib import slugify
    >>> slugify(42)
    Traceback (most recent call last):
    ...
    diplolib.errors.ArgumentTypeError: slugify() takes a str, not int
    >>> issubclass(ArgumentTypeError, TypeError)
    True
    """


class UnsupportedLanguageError(DiplolibError, ValueError):
    """A language code is not one diplolib supports (or is not a language code).

    >>> from diplolib import normalize_language
    >>> normalize_language("fr")
    Traceback (most recent call last):
    ...
    diplolib.errors.UnsupportedLanguageError: unsupported language 'fr'; accepted: 'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')
    """


class LanguageRegistryError(DiplolibError, ValueError):
    """A language specification is malformed, or a registration conflicts with the registry.

    >>> from diplolib import unregister_language
    >>> unregister_language("en")
    Traceback (most recent call last):
    ...
    diplolib.errors.LanguageRegistryError: 'en' is the default language and cannot be unregistered
    """


class MissingTranslationError(DiplolibError, LookupError):
    """A value was required in a language and is absent (strict access).

    >>> from diplolib import LocalizedText
    >>> LocalizedText(en="Print").require("az", field="print_label")
    Traceback (most recent call last):
    ...
    diplolib.errors.MissingTranslationError: field 'print_label' has no 'az' value (present: 'en')
    """


class ContentError(DiplolibError, ValueError):
    """Content (an article, event or entity) is invalid.

    >>> isinstance(ContentError("bad slug"), ValueError)
    True
    """


class UnknownReferenceError(ContentError, LookupError):
    """An id was asked for or referenced that the content library does not hold.

    >>> isinstance(UnknownReferenceError("no item 'x'"), LookupError)
    True
    """


class ContentTypeError(DiplolibError, ValueError):
    """A content type definition or registration is invalid (see :mod:`diplolib.content_types`).

    >>> isinstance(ContentTypeError("kind 'article' is registered already"), ValueError)
    True
    """


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while loading content: where it is and what is wrong.

    >>> print(Problem("articles/a.json", "title.az", "value is empty"))
    articles/a.json: title.az: value is empty
    """

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return f"{where}: {self.message}"


class LibraryError(ContentError):
    """A content folder could not be loaded; ``problems`` lists every problem found.

    >>> err = LibraryError([Problem("a.json", "id", "duplicate id 'x'")])
    >>> print(err)
    1 problem in the content library:
      a.json: id: duplicate id 'x'
    """

    MAX_SHOWN = 50
    """The message lists this many problems; ``problems`` always holds all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the content library:"]
        lines.extend(f"  {p}" for p in self.problems[: self.MAX_SHOWN])
        if count > self.MAX_SHOWN:
            lines.append(f"  ... and {count - self.MAX_SHOWN} more")
        super().__init__("\n".join(lines))


class CatalogError(DiplolibError, ValueError):
    """A message catalog (``.po``/``.mo``) is missing, malformed or unsafe.

    ``file`` and ``line`` say where, when known.

    >>> print(CatalogError("bad escape", file="az.po", line=12))
    az.po:12: bad escape
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(f"{where}{message}")


class CatalogLanguageError(CatalogError, UnsupportedLanguageError):
    """Catalogs were asked for in a language diplolib does not support.

    It is both a :class:`CatalogError` and an :class:`UnsupportedLanguageError`,
    so either ``except`` clause catches it.

    >>> from diplolib import get_translations
    >>> get_translations("fr")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogLanguageError: unsupported language 'fr'; accepted: 'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')
    """


class DetectionError(DiplolibError, ValueError):
    """Language detection was given input it cannot work on.

    >>> isinstance(DetectionError("bad input"), ValueError)
    True
    """


class TemplateRenderError(DiplolibError, RuntimeError):
    """A publishing template failed to compile or render (a missing filter, a bad tag).

    The message names the template, its file and line, and the cause.

    >>> isinstance(TemplateRenderError("template 'x.html', line 3: No filter named 'nope'."), RuntimeError)
    True
    """


class StoreError(DiplolibError, RuntimeError):
    """A content store cannot be opened or used (wrong schema revision, database busy …).

    >>> isinstance(StoreError("the database is busy"), RuntimeError)
    True
    """


class ConflictError(StoreError):
    """A write was based on an older version of an item than the store holds.

    ``item_id``, ``expected`` (the version the writer read) and ``actual`` (the
    version in the store) say which; read the item again and redo the change.

    >>> err = ConflictError("baku", expected=3, actual=4)
    >>> print(err)
    item 'baku' was changed by another writer: this write is based on version 3, the store holds version 4
    >>> (err.item_id, err.expected, err.actual)
    ('baku', 3, 4)
    """

    def __init__(self, item_id: str, *, expected: int, actual: int) -> None:
        self.item_id = item_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"item {item_id!r} was changed by another writer: this write is based on version "
            f"{expected}, the store holds version {actual}"
        )


class ReferencedItemError(ContentError):
    """An item cannot be deleted because other items reference it.

    ``referrers`` lists their ids; delete with ``cascade=True`` to remove them too.

    >>> err = ReferencedItemError("baku", ["caspian-summit-2010"])
    >>> print(err)
    cannot delete 'baku': referenced by 'caspian-summit-2010'; edit or delete those items first, or delete with cascade
    """

    def __init__(self, item_id: str, referrers: list[str]) -> None:
        self.item_id = item_id
        self.referrers = list(referrers)
        shown = ", ".join(repr(r) for r in self.referrers[:20])
        more = f" and {len(self.referrers) - 20} more" if len(self.referrers) > 20 else ""
        super().__init__(
            f"cannot delete {item_id!r}: referenced by {shown}{more}; edit or delete those "
            "items first, or delete with cascade"
        )
