"""Numbers, percentages, ordinals and lists in English and Azerbaijani.

Azerbaijani groups digits with ``.`` and writes the decimal comma (``12.500,75``);
English writes ``12,500.75``. Numeric ordinals follow each language's rule: English
``21st``, ``112th``; Azerbaijani a hyphen and the suffix of the last spoken word
(``25-ci``, ``6-cı``, ``9-cu``, ``3-cü``), not ICU's Turkish-style ``5'inci``.

>>> format_number(12500.75, lang="az"), format_number(12500.75, lang="en")
('12.500,75', '12,500.75')
>>> format_ordinal(25, lang="az"), format_ordinal(25, lang="en")
('25-ci', '25th')
"""

from __future__ import annotations

__all__ = [
    "MAX_ORDINAL",
    "LIST_STYLES",
    "format_number",
    "format_percent",
    "format_ordinal",
    "format_list",
]

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal, get_args

from .dates import babel_locale
from .errors import ArgumentTypeError, InvalidArgumentError
from .languages import language_spec, resolve_language, watch_languages

if TYPE_CHECKING:
    from babel import Locale

Number = int | float | Decimal

MAX_ORDINAL: Final = 10**18 - 1
"""The largest number :func:`format_ordinal` accepts (Azerbaijani number words end at kvadrilyon)."""

ListStyle = Literal["and", "or"]
LIST_STYLES: Final[tuple[str, ...]] = get_args(ListStyle)


def _check_number(value: object, func: str) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise ArgumentTypeError(
            f"{func}() takes an int, float or Decimal, not {type(value).__name__} ({value!r:.60})"
        )
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    is_nan = (
        value.is_nan()
        if isinstance(value, Decimal)
        else isinstance(value, float) and math.isnan(value)
    )
    if is_nan:  # infinities are fine: CLDR prints them as ∞
        raise InvalidArgumentError(f"{func}() takes a finite number or an infinity, got {value!r}")
    return value


def _unsigned_if_zero(number: Number, places: int) -> Number:
    """``-0.0001`` shown with 0–3 decimals is 0, not "-0": drop the sign of a rounded zero."""
    if isinstance(number, int) or number >= 0:
        return number
    rounded = Decimal(repr(number) if isinstance(number, float) else number).quantize(
        _QUANTA[places], ROUND_HALF_EVEN
    )
    return 0 if rounded == 0 else number


def _check_decimals(decimals: object) -> int | None:
    if decimals is None:
        return None
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 20:
        raise InvalidArgumentError(
            f"decimals must be None or an int from 0 to 20, got {decimals!r}"
        )
    return decimals


@lru_cache(maxsize=8)
def _symbols(locale: Locale) -> tuple[str, str, str]:
    symbols = locale.number_symbols["latn"]
    return (symbols["group"], symbols["decimal"], symbols["minusSign"])


def format_number(value: Number, *, decimals: int | None = None, lang: str | None = None) -> str:
    """Format a number with the language's grouping and decimal signs.

    Without ``decimals`` up to three fraction digits are shown (CLDR's
    ``#,##0.###``); with ``decimals`` exactly that many. Integers of any size
    are accepted.

    >>> format_number(1234567, lang="az"), format_number(1234567, lang="en")
    ('1.234.567', '1,234,567')
    >>> format_number(2.5, decimals=2, lang="az")
    '2,50'
    >>> format_number("12")
    Traceback (most recent call last):
    ...
    diplolib.errors.ArgumentTypeError: format_number() takes an int, float or Decimal, not str ('12')
    """
    number = _check_number(value, "format_number")
    places = _check_decimals(decimals)
    locale = babel_locale(lang)
    if type(number) is int and not places:
        group, _, minus = _symbols(locale)
        text = f"{abs(number):,}"
        if group != ",":
            text = text.replace(",", group)
        return minus + text if number < 0 else text
    if isinstance(number, float) and math.isfinite(number) and abs(number) < 1e15:
        return _format_float(number, places, locale)
    from babel.numbers import format_decimal

    pattern = None if places is None else "#,##0" + ("." + "0" * places if places else "")
    number = _unsigned_if_zero(number, 3 if places is None else places)
    with localcontext() as context:
        # babel rounds in the current decimal context (28 digits by default),
        # which fails for values past about 10**25; give it room for any value.
        context.prec = 400
        result: str = format_decimal(number, format=pattern, locale=locale)
    return result


_QUANTA: Final = [Decimal(1).scaleb(-places) for places in range(21)]


def _format_float(number: float, places: int | None, locale: Locale) -> str:
    """CLDR ``#,##0.###`` (or fixed ``places``) for an ordinary float, as babel does it.

    Like babel, it rounds the shortest decimal form of the float (``repr``) half
    to even; the tests check it against babel.
    """
    group, decimal_sign, minus = _symbols(locale)
    value = Decimal(repr(number)).quantize(
        _QUANTA[3 if places is None else places], ROUND_HALF_EVEN
    )
    if value == 0:
        value = value.copy_abs()  # no "-0" for a negative number that rounds to zero
    text = f"{value:,f}"
    if places is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-"):
        text = minus + text[1:]
    return text.translate({ord(","): group, ord("."): decimal_sign})


def format_percent(value: Number, *, decimals: int = 0, lang: str | None = None) -> str:
    """Format a ratio as a percentage (``0.256`` → ``26%``), CLDR's pattern per language.

    >>> format_percent(0.256, lang="az"), format_percent(0.256, decimals=1, lang="az")
    ('26%', '25,6%')
    >>> format_percent(12.5, lang="en")
    '1,250%'
    """
    number = _check_number(value, "format_percent")
    places = _check_decimals(decimals)
    from babel.numbers import format_percent as babel_format_percent

    pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
    # A negative ratio that rounds to 0 % is shown as 0 %, as format_number does.
    if (
        _unsigned_if_zero(
            Decimal(repr(number) if isinstance(number, float) else number) * 100, places or 0
        )
        == 0
    ):
        number = 0
    with localcontext() as context:
        context.prec = 400  # room for any magnitude, as in format_number
        result: str = babel_format_percent(
            number, format=pattern, locale=babel_locale(resolve_language(lang))
        )
    return result


def _check_ordinal(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(
            f"format_ordinal() takes an int from 0 to {MAX_ORDINAL} (10**18 - 1), not "
            f"{type(n).__name__} ({n!r:.60})"
        )
    if not 0 <= n <= MAX_ORDINAL:
        raise InvalidArgumentError(
            f"format_ordinal() got {n}; accepted: integers from 0 to {MAX_ORDINAL} (10**18 - 1)"
        )
    return n


def format_ordinal(n: int, *, lang: str | None = None) -> str:
    """A numeric ordinal: English ``1st 2nd 3rd 11th 21st 112th``; Azerbaijani ``1-ci 6-cı 9-cu 3-cü``.

    The digits are not grouped (``1000th``, ``1000-ci``), as ordinals are
    written in running text. Accepted: integers from 0 to 10**18 - 1.

    >>> [format_ordinal(n, lang="en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 101, 111, 112)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '101st', '111th', '112th']
    >>> [format_ordinal(n, lang="az") for n in (1, 2, 3, 6, 9, 10, 25, 40, 100)]
    ['1-ci', '2-ci', '3-cü', '6-cı', '9-cu', '10-cu', '25-ci', '40-cı', '100-cü']
    >>> format_ordinal(-1, lang="en")
    Traceback (most recent call last):
    ...
    diplolib.errors.InvalidArgumentError: format_ordinal() got -1; accepted: integers from 0 to 999999999999999999 (10**18 - 1)
    """
    number = _check_ordinal(n)
    return language_spec(lang).text_rules.ordinal(number)


@lru_cache(maxsize=16)
def _list_patterns(lang: str, en_style: str, style: str) -> tuple[str, str, str, str]:
    locale = babel_locale(lang, en_style=en_style)
    patterns = locale.list_patterns["standard" if style == "and" else "or"]
    found = {part: str(patterns[part]) for part in ("2", "start", "middle", "end")}
    # The language's corrections to CLDR (Azerbaijani: no comma before "yaxud").
    for (fixed_style, part), text in language_spec(lang).text_rules.list_fixes.items():
        if fixed_style == style:
            found[part] = text
    return (found["2"], found["start"], found["middle"], found["end"])


watch_languages(_list_patterns.cache_clear)


def format_list(
    items: Iterable[str],
    style: ListStyle = "and",
    *,
    lang: str | None = None,
    en_style: str | None = None,
) -> str:
    """Join items with the language's conjunction: ``A, B and C`` / ``A, B və C``.

    ``style`` is ``"and"`` or ``"or"`` (Azerbaijani ``yaxud``, CLDR's word; no
    comma before it). English follows the date style: the portal's ``dmy`` style
    writes no serial comma (``A, B and C``); ``en_style="us"`` adds it
    (``A, B, and C``).

    >>> format_list(["Baku", "Astana", "Ankara"], lang="en")
    'Baku, Astana and Ankara'
    >>> format_list(["Bakı", "Astana", "Ankara"], lang="az")
    'Bakı, Astana və Ankara'
    >>> format_list(["Bakı", "Astana", "Ankara"], "or", lang="az")
    'Bakı, Astana yaxud Ankara'
    >>> format_list(["Baku", "Astana", "Ankara"], lang="en", en_style="us")
    'Baku, Astana, and Ankara'
    """
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise ArgumentTypeError(
            f"format_list() takes an iterable of str (a list, tuple …), not {type(items).__name__} "
            f"({items!r:.60})"
        )
    values = list(items)
    for index, item in enumerate(values):
        if not isinstance(item, str):
            raise ArgumentTypeError(
                f"format_list() items must be str; item {index} is {type(item).__name__} ({item!r:.60})"
            )
    if style not in LIST_STYLES:
        raise InvalidArgumentError(f"unknown list style {style!r}; accepted: 'and', 'or'")
    code = resolve_language(lang)
    from .dates import en_style_of as _style

    two, start, middle, end = _list_patterns(code, _style(en_style), style)
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    if len(values) == 2:
        return two.format(*values)
    text = end.format(values[-2], values[-1])
    for value in reversed(values[1:-2]):
        text = middle.format(value, text)
    return start.format(values[0], text)
