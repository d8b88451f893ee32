"""Azerbaijani text rules, as the language registry reaches them.

:class:`AzerbaijaniRules` gathers the rules of this package behind the
:class:`~diplolib.text_rules.TextRules` interface, so the rest of diplolib asks
the ``az`` language specification for casing, collation, case suffixes, the
formal year and the look-alike check instead of naming Azerbaijani itself.

>>> from diplolib.languages import language_spec
>>> rules = language_spec("az").text_rules
>>> rules.upper("istiqlal"), rules.inflect("Bakı", "locative"), rules.ordinal(25)
('İSTİQLAL', 'Bakıda', '25-ci')
"""

from __future__ import annotations

__all__ = ["RULES", "AzerbaijaniRules"]

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import ClassVar, Final

from ..errors import ContentError
from ..text_rules import TextRules
from ._casing import lower, upper
from ._collate import sort_key
from ._forms import FormsTable
from ._inflect import Case, inflect
from ._normalize import (
    find_lookalikes,
    may_have_lookalikes,
    repairs,
    require_latin,
    word_at,
)
from ._numbers import ordinal_numeral, ordinal_suffix
from ._romanize import romanize

_VOWELS: Final = "aıoueəiöü"


@lru_cache(maxsize=64)
def _year_suffix(year: int) -> str:
    return ordinal_suffix(year)


def _possessive_3sg(word: str) -> str:
    """Third-person possessive (izafət): ``Prezident`` → ``Prezidenti``.

    A title already ending in a vowel is taken to carry the suffix
    (``Baş katibi``, ``naziri``) and is returned unchanged.
    """
    folded = lower(word)
    if not folded or folded[-1] in _VOWELS:
        return word
    vowels = [c for c in folded if c in _VOWELS]
    last = vowels[-1] if vowels else "e"
    suffix = {"a": "ı", "ı": "ı", "o": "u", "u": "u"}.get(last, "ü" if last in "öü" else "i")
    return word + (suffix.upper() if word.isupper() and len(word) > 1 else suffix)


# Titles of the highest offices keep their capital inside a phrase, as Azerbaijani
# spelling rules have it for the state's highest positions ("Azərbaycan Prezidenti",
# "BMT-nin Baş katibi"); any other title is a common noun, in small letters once it
# no longer opens the phrase ("Azərbaycan xarici işlər naziri").
_CAPITALISED_TITLES: Final = ("prezident", "vitse-prezident", "birinci vitse-prezident",
                              "baş nazir", "baş katib")  # fmt: skip


def _in_sentence_title(title: str) -> str:
    """``title`` as it is written after another word (see :data:`_CAPITALISED_TITLES`).

    >>> _in_sentence_title("Xarici işlər naziri"), _in_sentence_title("Prezident")
    ('xarici işlər naziri', 'Prezident')
    >>> _in_sentence_title("İqtisadiyyat naziri"), _in_sentence_title("NATO Baş katibi")
    ('iqtisadiyyat naziri', 'NATO Baş katibi')
    >>> _in_sentence_title("Milli Məclisin sədri")
    'Milli Məclisin sədri'
    """
    first = title.split(" ", 1)[0]
    folded = lower(title)
    if folded.startswith(_CAPITALISED_TITLES):
        return title
    if len(first) > 1 and first.isupper():
        return title  # an abbreviation: NATO Baş katibi
    words = title.split()
    if len(words) > 1 and words[1][:1].isupper():
        return title  # opens with a proper name: Milli Məclisin sədri
    return lower(title[:1]) + title[1:]


class AzerbaijaniRules(TextRules):
    """The ``az`` language's :class:`~diplolib.text_rules.TextRules`.

    >>> rules = AzerbaijaniRules()
    >>> rules.title_of("Prezident", "Azərbaycan"), rules.year_suffix(2017)
    ('Azərbaycan Prezidenti', '-ci il')
    """

    cases: tuple[str, ...] = tuple(case.value for case in Case)
    case_hints: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"possessive": "use 'genitive' for Azerbaijani"}
    )
    initials_glue: str = ""  # press style: "İ.Əliyev"
    decimal_comma: bool = True
    inflects_placeholders: bool = True
    list_fixes: ClassVar[Mapping[tuple[str, str], str]] = MappingProxyType(
        {("or", "end"): "{0} yaxud {1}"}
    )
    """CLDR's "or" list puts a comma before the last "yaxud" ("A, B, yaxud C").
    Azerbaijani punctuation sets no comma before a single, unrepeated coordinating
    conjunction (və, yaxud, və ya) between the last two members, as CLDR's own
    two-item pattern and its "and" list already do."""

    def upper(self, text: str) -> str:
        """Upper-case with dotted İ: ``inkişaf`` → ``İNKİŞAF``.

        >>> AzerbaijaniRules().upper("inkişaf")
        'İNKİŞAF'
        """
        return upper(text)

    def lower(self, text: str) -> str:
        """Lower-case with dotless ı: ``ILIQ`` → ``ılıq``.

        >>> AzerbaijaniRules().lower("ILIQ")
        'ılıq'
        """
        return lower(text)

    def sort_key(self, text: str) -> object:
        """The Azerbaijani alphabetical order (``x`` after ``h``, ``ı`` before ``i``).

        >>> sorted(["Xaçmaz", "Həsən"], key=AzerbaijaniRules().sort_key)
        ['Həsən', 'Xaçmaz']
        """
        return sort_key(text)

    def inflect(self, text: str, case: str) -> str:
        """A case suffix with vowel harmony (:func:`diplolib.az.inflect`).

        >>> AzerbaijaniRules().inflect("ATƏT", "genitive")
        'ATƏT-in'
        """
        return inflect(text, case)

    def inflect_name(
        self, name: str, case: str, override: str | None = None, *, table: object = None
    ) -> str:
        """A person's name in ``case``: the last word (the family name) takes the suffix.

        ``override`` (the person's own form for the case) may hold the whole name's
        form or just the last word's; ``table`` is the library's
        :class:`~diplolib.az.FormsTable` of established forms. A short-style name glued to its initial
        (``İ.Əliyev``) inflects the surname; a name ending in an initial takes the
        suffix as an abbreviation.

        >>> rules = AzerbaijaniRules()
        >>> rules.inflect_name("İlham Əliyev", "genitive"), rules.inflect_name("İ.Əliyev", "dative")
        ('İlham Əliyevin', 'İ.Əliyevə')
        """
        if case == "nominative":
            return name
        forms = table if isinstance(table, FormsTable) else None
        head, space, last = name.rpartition(" ")
        glued, dot, surname = last.rpartition(".")
        if surname:
            head, space, last = head + space + glued + dot, "", surname
        if override:
            return head + space + override.rsplit(" ", 1)[-1]
        if last.endswith("."):
            letters = last.replace(".", "")
            inflected = inflect(letters, case, abbreviation=True, table=forms)
            ending = inflected[len(letters) :]
            return (
                head + space + last + (ending if ending.startswith("-") else f" {ending.strip()}")
            )
        return head + space + inflect(last, case, table=forms)

    def title_of(self, title: str, owner: str) -> str:
        """``Azərbaycan Prezidenti``: the owner first, the title's last word possessive.

        A title that no longer opens the phrase is a common noun in small letters
        (``Azərbaycan xarici işlər naziri``), except the state's highest offices.

        >>> AzerbaijaniRules().title_of("Baş katib", "ATƏT")
        'ATƏT Baş katibi'
        >>> AzerbaijaniRules().title_of("Xarici işlər naziri", "Azərbaycan")
        'Azərbaycan xarici işlər naziri'
        """
        head, space, last = _in_sentence_title(title).rpartition(" ")
        return f"{owner} {head}{space}{_possessive_3sg(last)}"

    def ordinal(self, number: int) -> str:
        """``25-ci``, ``100-cü``.

        >>> AzerbaijaniRules().ordinal(9)
        '9-cu'
        """
        return ordinal_numeral(number)

    def year_suffix(self, year: int, *, plural: bool = False) -> str | None:
        """What follows a year in the formal style: ``-ci il`` (``-ci illər`` for a span).

        >>> AzerbaijaniRules().year_suffix(2010, plural=True)
        '-cu illər'
        """
        return f"-{_year_suffix(year)} {'illər' if plural else 'il'}"

    def needs_check(self, value: str) -> bool:
        """Whether ``value`` holds a character that can fail :meth:`check`.

        >>> AzerbaijaniRules().needs_check("Bakı"), AzerbaijaniRules().needs_check("B\u04d9k\u0131")
        (False, True)
        """
        return may_have_lookalikes(value)

    def check(self, value: str) -> str:
        """Reject look-alike letters and Latin words with Cyrillic letters in them.

        >>> AzerbaijaniRules().check("B\u04d9k\u0131")
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: look-alike letter 'ә' (U+04D9 CYRILLIC SMALL LETTER SCHWA) at position 1; Azerbaijani text must use 'ə' (U+0259); validate with normalize_az=True to replace look-alikes instead
        """
        if not self.needs_check(value):
            return value
        findings = find_lookalikes(value)
        mixed = [f for f in findings if f.kind == "mixed"]
        if mixed:
            index, char = mixed[0].position, mixed[0].char
            more = f" (and {len(mixed) - 1} more)" if len(mixed) > 1 else ""
            raise ContentError(
                f"word {word_at(value, index)!r} mixes Latin and Cyrillic letters: {char!r} "
                f"(U+{ord(char):04X} {mixed[0].name}) at position {index}{more} has no Latin "
                "look-alike, so normalize_az cannot fix it; retype the word in Latin letters"
            )
        found = [f for f in findings if f.kind == "lookalike"]
        if found:
            index, char, replacement, name = found[0][:4]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            code = "+".join(f"U+{ord(c):04X}" for c in char)
            raise ContentError(
                f"look-alike letter {char!r} ({code} {name}) at position {index}{more}; "
                f"Azerbaijani text must use {replacement!r} (U+{ord(replacement):04X}); "
                "validate with normalize_az=True to replace look-alikes instead"
            )
        return value

    def check_script(self, value: str) -> str:
        """Azerbaijani content is Latin script (:func:`diplolib.az.require_latin`).

        >>> AzerbaijaniRules().check_script("Баку")
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: Azerbaijani text must be in Latin script; found CYRILLIC letter 'Б' in 'Баку' at position 0
        """
        return require_latin("az", value)

    def repair(self, value: str) -> tuple[str, tuple[tuple[str, str, int], ...]]:
        """Replace look-alike letters (:func:`diplolib.az.normalize_with_report`).

        >>> AzerbaijaniRules().repair("Gәncә")
        ('Gəncə', (('ә', 'ə', 1), ('ә', 'ə', 4)))
        """
        return repairs(value)

    def romanize(self, text: str, *, mixed: bool = False) -> str:
        """English spellings of Azerbaijani text (:func:`diplolib.az.romanize`).

        ``mixed=True`` romanises only the Azerbaijani words of English text.

        >>> AzerbaijaniRules().romanize("Qəbələ"), AzerbaijaniRules().romanize("Summit in Gəncə", mixed=True)
        ('Gabala', 'Summit in Ganja')
        """
        return romanize(text, assume_az=None) if mixed else romanize(text)


RULES: Final = AzerbaijaniRules()
"""The rules the ``az`` language specification uses."""
