"""People's names in English and Azerbaijani: styles, titles, grammatical case.

:func:`format_name` writes a :class:`~diplolib.Person` in one of these styles:

========== ================================ ================================
style      English                          Azerbaijani
========== ================================ ================================
full       Ilham Aliyev                     İlham Əliyev
short      I. Aliyev                        İ.Əliyev (press style: no space)
formal     President Ilham Aliyev           Prezident İlham Əliyev
title_of   President of Azerbaijan Ilham …  Azərbaycan Prezidenti İlham …
official   Ilham Heydar oglu Aliyev        İlham Heydər oğlu Əliyev
sort       Aliyev, Ilham                    Əliyev, İlham
initials   I.A.                             İ.Ə.
========== ================================ ================================

``initials`` are the given and family names' first letters, each followed by a
full stop and no space, in both languages; the patronymic is left out as in
the ``full`` style.

A name part missing in the requested language is never silently invented:
English falls back on the romanised Azerbaijani form (``diplolib.az.romanize``)
and Azerbaijani on the English form as written; both are reported by
:func:`resolve_name` (``derived``), and ``strict=True`` refuses the second.
"""

from __future__ import annotations

__all__ = [
    "NAME_STYLES",
    "NameStyle",
    "AZ_CASES",
    "EN_CASES",
    "ResolvedName",
    "format_name",
    "resolve_name",
]

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, get_args

from .errors import ArgumentTypeError, InvalidArgumentError, MissingTranslationError
from .languages import (
    SUPPORTED_LANGUAGES,
    Lang,
    fallback_chain,
    language_name,
    language_spec,
    resolve_language,
)

if TYPE_CHECKING:
    # Type names only: models calls this module (Person.display_name), not the reverse.
    from .models import Person, Position
    from .reader import ContentReader
    from .text import LocalizedText

NameStyle = Literal["full", "short", "formal", "title_of", "official", "sort", "initials"]
NAME_STYLES: Final[tuple[str, ...]] = get_args(NameStyle)

AZ_CASES: Final = (
    "nominative",
    "genitive",
    "dative",
    "accusative",
    "locative",
    "ablative",
    "instrumental",
)
"""The cases accepted for Azerbaijani (``case=``)."""

EN_CASES: Final = ("nominative", "possessive")
"""The cases accepted for English (``case=``)."""

_CASELESS_STYLES: Final = ("sort", "initials")

Derivation = Literal["romanized", "fallback"]


@dataclass(frozen=True, slots=True)
class ResolvedName:
    """A formatted name and how it was obtained.

    ``derived`` is ``None`` when every part was given in ``lang``,
    ``"romanized"`` when an English part was romanised from Azerbaijani, and
    ``"fallback"`` when a part (or the title) is shown in the other language.

    >>> from diplolib import Person
    >>> p = Person(id="x", given={"az": "Vaqif"}, family={"az": "Əmirov"})
    >>> resolve_name(p, lang="en")
    ResolvedName(value='Vagif Amirov', lang='en', derived='romanized')
    """

    value: str
    lang: Lang
    derived: Derivation | None


class _Parts:
    """Name parts of one person in one language, with how they were obtained."""

    def __init__(self, lang: Lang, strict: bool) -> None:
        self.lang = lang
        self.spec = language_spec(lang)
        self.strict = strict
        self.derived: Derivation | None = None

    def _mark(self, how: Derivation) -> None:
        if self.derived != "fallback":
            self.derived = how

    def _other(self, text: LocalizedText) -> tuple[Lang | None, str]:
        """The first value in the language's fallback chain, and its language."""
        for other in fallback_chain(self.lang)[1:]:
            theirs = text.get(other, fallback=False)
            if theirs:
                return other, theirs
        return None, ""

    def part(self, text: LocalizedText, field: str, person: Person) -> str:
        own = text.get(self.lang, fallback=False)
        if own:
            return own
        other, theirs = self._other(text)
        if other is None:
            return ""
        if other in self.spec.romanize_from:
            self._mark("romanized")
            return language_spec(other).text_rules.romanize(theirs)
        if self.strict:
            raise MissingTranslationError(
                f"person {person.id!r} has no {self.spec.name_in('en')} {field} "
                f"({language_name(other, 'en')}: {theirs!r}); {self.spec.name_in('en')} "
                "spellings are never guessed: add it, or call without strict=True"
            )
        self._mark("fallback")
        return theirs

    def text(self, text: LocalizedText, field: str, owner: str) -> str:
        own = text.get(self.lang, fallback=False)
        if own:
            return own
        other, theirs = self._other(text)
        if other is None or self.strict:
            raise MissingTranslationError(
                f"{owner} has no {field} in {self.lang!r}"
                + (f" (only {other!r}: {theirs!r})" if theirs else "")
            )
        self._mark("fallback")
        return theirs


def _initial(word: str, lang: Lang) -> str:
    """``İlham`` → ``İ.``; ``Jean-Pierre`` → ``J.-P.``; an initial stays as it is."""
    if word.endswith("."):
        return word
    upper = language_spec(lang).text_rules.upper
    pieces = [p for p in word.split("-") if p]
    return "-".join(upper(p[0]) + "." for p in pieces)


def _initials(given: str, lang: Lang) -> str:
    return "".join(_initial(word, lang) for word in given.split())


def _check_case(case: object, code: Lang, style: str) -> str | None:
    if case is None:
        return None
    rules = language_spec(code).text_rules
    accepted = rules.cases
    value = getattr(case, "value", case)
    if isinstance(value, str):
        value = value.strip().lower()  # 'Genitive' is accepted, as diplolib.az.inflect does
    if value not in accepted:
        names = ", ".join(repr(c) for c in accepted)
        hint = rules.case_hints.get(value, "") if isinstance(value, str) else ""
        if not hint:
            for other in SUPPORTED_LANGUAGES:
                if other != code and value in language_spec(other).text_rules.cases:
                    hint = f"{language_name(other, 'en')} cases apply with lang={other!r}"
                    break
        hint = f" ({hint})" if hint else ""
        raise InvalidArgumentError(
            f"unknown case {case!r} for lang {code!r}{hint}; accepted: {names}"
        )
    if style in _CASELESS_STYLES and value != "nominative":
        raise InvalidArgumentError(
            f"style {style!r} does not take a grammatical case; got case={case!r}"
        )
    return str(value)


def _position_owner_name(
    position: Position, library: ContentReader | None, parts: _Parts, person: Person
) -> str:
    ref = position.organization or position.country
    if ref is None:
        return ""
    if library is None:
        raise InvalidArgumentError(
            f"style 'title_of' needs library= to look up {ref!r}, the organisation or "
            f"country of {person.id!r}'s position"
        )
    entity = library.get(ref)
    if entity.type == "organization":
        name = entity.abbreviation if entity.abbreviation.languages() else entity.name
        return parts.text(name, "name", f"organisation {entity.id!r}")
    if entity.type == "place":
        return parts.text(entity.name, "name", f"place {entity.id!r}")
    return ""


def resolve_name(
    person: Person,
    style: NameStyle = "full",
    *,
    lang: str | None = None,
    case: str | None = None,
    on: dt.date | None = None,
    library: ContentReader | None = None,
    strict: bool = False,
) -> ResolvedName:
    """Like :func:`format_name`, and also say whether any part was derived.

    >>> from diplolib import Person
    >>> p = Person(id="beybit-isabayev", given={"en": "Beybit"}, family={"en": "Isabayev"})
    >>> resolve_name(p, lang="az")
    ResolvedName(value='Beybit Isabayev', lang='az', derived='fallback')
    >>> resolve_name(p, lang="az", strict=True)
    Traceback (most recent call last):
    ...
    diplolib.errors.MissingTranslationError: person 'beybit-isabayev' has no Azerbaijani given name (English: 'Beybit'); Azerbaijani spellings are never guessed: add it, or call without strict=True
    """
    if getattr(person, "type", None) != "person":
        raise ArgumentTypeError(
            f"format_name() takes a Person, not {type(person).__name__} ({person!r:.60}); "
            "load one with ContentLibrary.get(id, Person) or build Person(...)"
        )
    if style not in NAME_STYLES:
        accepted = ", ".join(repr(s) for s in NAME_STYLES)
        raise InvalidArgumentError(f"unknown name style {style!r}; accepted: {accepted}")
    if on is not None and not isinstance(on, dt.date):
        raise ArgumentTypeError(f"format_name(): 'on' must be a datetime.date, not {on!r:.60}")
    code = resolve_language(lang)
    grammatical = _check_case(case, code, style)
    parts = _Parts(code, strict)
    given = parts.part(person.given, "given name", person)
    family = parts.part(person.family, "family name", person)
    full = " ".join(p for p in (given, family) if p)

    if style == "sort":
        value = f"{family}, {given}" if family and given else full
    elif style == "initials":
        value = _initials(given, code) + (_initial(family, code) if family else "")
    elif style == "short":
        if family and given:
            value = _initials(given, code) + language_spec(code).text_rules.initials_glue + family
        else:
            value = full
    elif style == "official":
        patronymic = parts.part(person.patronymic, "patronymic", person)
        value = " ".join(p for p in (given, patronymic, family) if p)
    else:
        value = full
        position = person.current_position(on)
        if style in ("formal", "title_of") and position is not None:
            title = parts.text(position.title, "position title", f"person {person.id!r}")
            owner = ""
            if style == "title_of":
                owner = _position_owner_name(position, library, parts, person)
                # A title that already names its country or organisation stays as it is.
                if owner and owner.casefold() in title.casefold():
                    owner = ""
                if owner:
                    title = language_spec(code).text_rules.title_of(title, owner)
            value = f"{title} {full}"
    if grammatical is not None and grammatical != "nominative":
        override = person.inflections.get(grammatical)  # type: ignore[call-overload]
        value = language_spec(code).text_rules.inflect_name(
            value,
            grammatical,
            str(override) if override else None,
            # The editor's forms table, from the content folder or the store it went into.
            table=None if library is None else library.az_forms,
        )
    return ResolvedName(value, code, parts.derived)


def format_name(
    person: Person,
    style: NameStyle = "full",
    *,
    lang: str | None = None,
    case: str | None = None,
    on: dt.date | None = None,
    library: ContentReader | None = None,
    strict: bool = False,
) -> str:
    """Write a person's name in ``style`` (see the module table), optionally in a case.

    ``formal`` and ``title_of`` put the title of the position held on ``on``
    (default: today) before the name; without one they give the full name.
    ``title_of`` adds the position's organisation (its abbreviation when it has
    one) or country, looked up in ``library``: ``President of Azerbaijan`` /
    ``Azərbaycan Prezidenti``.

    ``case`` puts the name's last word in an Azerbaijani case (``genitive``,
    ``dative``, ``accusative``, ``locative``, ``ablative``, ``instrumental``) via
    ``diplolib.az.inflect``, preferring the person's ``inflections`` overrides
    (the form of the last word, or of the whole name, whose last word is used).
    English accepts ``possessive``: ``Aliyev's``, and ``Jones's`` for names
    ending in s (the British newspaper style this portal follows).

    >>> from diplolib import Person
    >>> ilham = Person(id="ilham-aliyev", given={"en": "Ilham", "az": "İlham"},
    ...     family={"en": "Aliyev", "az": "Əliyev"}, patronymic={"az": "Heydər oğlu"},
    ...     positions=[{"title": {"en": "President", "az": "Prezident"},
    ...                 "country": "azerbaijan", "start": "2003-10-31"}])
    >>> format_name(ilham, lang="az"), format_name(ilham, "short", lang="az")
    ('İlham Əliyev', 'İ.Əliyev')
    >>> format_name(ilham, "short", lang="en"), format_name(ilham, "sort", lang="en")
    ('I. Aliyev', 'Aliyev, Ilham')
    >>> format_name(ilham, "formal", lang="az", case="genitive")
    'Prezident İlham Əliyevin'
    >>> format_name(ilham, "official", lang="az")
    'İlham Heydər oğlu Əliyev'
    >>> format_name(ilham, lang="en", case="possessive")
    "Ilham Aliyev's"
    >>> format_name(ilham, lang="az", case="vocative")
    Traceback (most recent call last):
    ...
    diplolib.errors.InvalidArgumentError: unknown case 'vocative' for lang 'az'; accepted: 'nominative', 'genitive', 'dative', 'accusative', 'locative', 'ablative', 'instrumental'
    """
    return resolve_name(
        person, style, lang=lang, case=case, on=on, library=library, strict=strict
    ).value
