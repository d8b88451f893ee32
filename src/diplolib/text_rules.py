"""Text rules: how a language cases, sorts, inflects and writes ordinals and titles.

A :class:`~diplolib.languages.LanguageSpec` carries one :class:`TextRules`
object; every formatter asks it instead of naming a language. The base class is
plain ``str`` behaviour; :class:`EnglishRules` adds the English possessive and
ordinals, and the Azerbaijani rules live in :mod:`diplolib.az`
(``diplolib.az.AzerbaijaniRules``). A host application that registers a language
subclasses :class:`TextRules` for whatever its language does differently.

This module sits below :mod:`diplolib.languages` and :mod:`diplolib.az`, so
both can use it without importing each other.

>>> EnglishRules().ordinal(21), TextRules().upper("baku")
('21st', 'BAKU')
"""

from __future__ import annotations

__all__ = ["EnglishRules", "TextRules"]

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from .errors import LanguageRegistryError


class TextRules:
    """A language's text rules: casing, collation, case inflection and a few conventions.

    The base class is plain ``str`` behaviour and names only the nominative
    case; a language with its own rules subclasses it (Azerbaijani's live in
    :mod:`diplolib.az`). Every method has a working default, so a host app
    overrides only what its language needs.

    >>> rules = TextRules()
    >>> rules.upper("baku"), rules.lower("BAKU"), rules.inflect("Baku", "nominative")
    ('BAKU', 'baku', 'Baku')
    >>> sorted(["b", "A", "a"], key=rules.sort_key)
    ['A', 'a', 'b']
    """

    cases: tuple[str, ...] = ("nominative",)
    """Grammatical cases :meth:`inflect` (and ``format_name(case=...)``) accept."""

    case_hints: ClassVar[Mapping[str, str]] = MappingProxyType({})
    """Advice for a case name the language does not use (``possessive`` → ``genitive``)."""

    initials_glue: str = " "
    """What joins initials to a family name in the ``short`` name style (``I. Aliyev``)."""

    decimal_comma: bool = False
    """Whether numbers in UI strings are written with a decimal comma."""

    inflects_placeholders: bool = False
    """Whether ``{name:genitive}`` in a UI string inflects the value with :meth:`inflect`."""

    list_fixes: ClassVar[Mapping[tuple[str, str], str]] = MappingProxyType({})
    """Corrections to CLDR's list patterns: ``(style, part) → pattern``, e.g.
    ``("or", "end") → "{0} yaxud {1}"``."""

    def upper(self, text: str) -> str:
        """Upper-case ``text``.

        >>> TextRules().upper("ilham")
        'ILHAM'
        """
        return text.upper()

    def lower(self, text: str) -> str:
        """Lower-case ``text``.

        >>> TextRules().lower("ILHAM")
        'ilham'
        """
        return text.lower()

    def sort_key(self, text: str) -> object:
        """A key that sorts ``text`` in the language's alphabetical order.

        >>> sorted(["beta", "Alpha"], key=TextRules().sort_key)
        ['Alpha', 'beta']
        """
        return (text.casefold(), text)

    def inflect(self, text: str, case: str) -> str:
        """``text`` in grammatical ``case`` (one of :attr:`cases`).

        >>> TextRules().inflect("Baku", "genitive")
        Traceback (most recent call last):
        ...
        diplolib.errors.LanguageRegistryError: unknown case 'genitive'; accepted: 'nominative'
        """
        if case == "nominative" and case in self.cases:
            return text
        accepted = ", ".join(repr(c) for c in self.cases)
        raise LanguageRegistryError(f"unknown case {case!r}; accepted: {accepted}")

    def inflect_name(
        self, name: str, case: str, override: str | None = None, *, table: object = None
    ) -> str:
        """A person's written name in ``case``; ``override`` is an editor's own form.

        ``table`` is the library's table of established forms for the language's
        rules (:class:`diplolib.az.FormsTable` for Azerbaijani), or None.

        >>> TextRules().inflect_name("Ilham Aliyev", "nominative")
        'Ilham Aliyev'
        """
        if case == "nominative" or not override:
            return self.inflect(name, case)
        return override

    def title_of(self, title: str, owner: str) -> str:
        """A position title with the organisation or country it belongs to.

        >>> TextRules().title_of("President", "Azerbaijan")
        'President, Azerbaijan'
        """
        return f"{title}, {owner}"

    def ordinal(self, number: int) -> str:
        """A number written as an ordinal (``21st``); the base class has no rule.

        >>> TextRules().ordinal(3)
        Traceback (most recent call last):
        ...
        diplolib.errors.LanguageRegistryError: this language's TextRules define no ordinal(); subclass TextRules to add one
        """
        raise LanguageRegistryError(
            "this language's TextRules define no ordinal(); subclass TextRules to add one"
        )

    def year_suffix(self, year: int, *, plural: bool = False) -> str | None:
        """What the ``formal`` date style writes after a year (``plural``: a span of years).

        None (the default) writes the year plainly; Azerbaijani gives ``-ci il``.

        >>> TextRules().year_suffix(2017) is None
        True
        """
        return None

    def check(self, value: str) -> str:
        """The built-in validation of a value in this language (strict; raise ``ValueError``).

        >>> TextRules().check("Baku")
        'Baku'
        """
        return value

    def needs_check(self, value: str) -> bool:
        """Whether :meth:`check` must look at ``value`` (a fast pre-filter for validation).

        The default says yes whenever a subclass overrides :meth:`check`.

        >>> TextRules().needs_check("Baku")
        False
        """
        return type(self).check is not TextRules.check

    def check_script(self, value: str) -> str:
        """Reject a value written in a script the language does not use (raise ``ValueError``).

        >>> TextRules().check_script("Baku")
        'Baku'
        """
        return value

    def repair(self, value: str) -> tuple[str, tuple[tuple[str, str, int], ...]]:
        """Fix characters the language's text must not hold; say what changed.

        Returns the text and each change as ``(char, replacement, position)``.
        Content PO import runs it on every translation (Azerbaijani replaces
        look-alike letters); the base class changes nothing.

        >>> TextRules().repair("Baku")
        ('Baku', ())
        """
        return value, ()

    def romanize(self, text: str, *, mixed: bool = False) -> str:
        """``text`` in Latin letters, as English-language pages spell it.

        ``mixed=True`` romanises only this language's words inside other text.
        The base class leaves text as it is.

        >>> TextRules().romanize("Baku")
        'Baku'
        """
        return text


class EnglishRules(TextRules):
    """English: ``str`` casing, the possessive ``'s`` and ``-st``/``-nd``/``-rd``/``-th`` ordinals.

    >>> rules = EnglishRules()
    >>> rules.inflect("Aliyev", "possessive"), rules.ordinal(22), rules.title_of("President", "Azerbaijan")
    ("Aliyev's", '22nd', 'President of Azerbaijan')
    """

    cases: tuple[str, ...] = ("nominative", "possessive")

    def inflect(self, text: str, case: str) -> str:
        """``text`` in ``case``: the possessive adds ``'s`` (``Jones's`` too).

        >>> EnglishRules().inflect("Jones", "possessive")
        "Jones's"
        """
        if case == "possessive":
            return text + "'s"
        return super().inflect(text, case)

    def inflect_name(
        self, name: str, case: str, override: str | None = None, *, table: object = None
    ) -> str:
        """A name in ``case``; English overrides are not used (the possessive is regular).

        >>> EnglishRules().inflect_name("Ilham Aliyev", "possessive")
        "Ilham Aliyev's"
        """
        return self.inflect(name, case)

    def title_of(self, title: str, owner: str) -> str:
        """``President of Azerbaijan``.

        >>> EnglishRules().title_of("Secretary General", "the OSCE")
        'Secretary General of the OSCE'
        """
        return f"{title} of {owner}"

    def ordinal(self, number: int) -> str:
        """``1st``, ``2nd``, ``3rd``, ``11th``, ``21st``.

        >>> [EnglishRules().ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 111, 112)]
        ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '111th', '112th']
        """
        if 11 <= number % 100 <= 13:
            return f"{number}th"
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
