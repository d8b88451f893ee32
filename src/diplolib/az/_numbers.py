"""Numbers in Azerbaijani: cardinals and ordinals in words, numeric ordinals, Roman numerals.

A numeric ordinal is written with a hyphen and a suffix that follows the vowel
harmony of the *last spoken word* of the number: ``5-ci`` (beş), ``6-cı`` (altı),
``9-cu`` (doqquz), ``3-cü`` (üç), ``2024-cü`` (iki min iyirmi dörd). ICU's
``5'inci`` is Turkish style and wrong for Azerbaijani.

Numbers are spelled up to 10**18 − 1 (the scale words are min, milyon, milyard,
trilyon and kvadrilyon); larger ones raise ``ValueError``.
"""

from __future__ import annotations

__all__ = [
    "MAX_NUMBER",
    "from_roman",
    "number_to_words",
    "ordinal_numeral",
    "ordinal_suffix",
    "ordinal_to_words",
    "to_roman",
]

import re
from typing import Final

from ..errors import ArgumentTypeError, InvalidArgumentError
from ._alphabet import HIGH_VOWEL, VOWELS, last_vowel

MAX_NUMBER: Final = 10**18 - 1
"""The largest number these functions spell (kvadrilyon is the largest scale word)."""

_ONES: Final = ("", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")
_TENS: Final = ("", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan")
_SCALES: Final = (
    (10**15, "kvadrilyon"),
    (10**12, "trilyon"),
    (10**9, "milyard"),
    (10**6, "milyon"),
)


def _check(n: object, func: str, *, negative: bool = False) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(f"{func}() takes an int, not {type(n).__name__}")
    low = -MAX_NUMBER if negative else 0
    if not low <= n <= MAX_NUMBER:
        raise InvalidArgumentError(
            f"{func}() got {n}; accepted: integers from {low} to {MAX_NUMBER} (10**18 - 1)"
        )
    return n


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        if hundreds > 1:
            words.append(_ONES[hundreds])
        words.append("yüz")
    tens, ones = divmod(rest, 10)
    if tens:
        words.append(_TENS[tens])
    if ones:
        words.append(_ONES[ones])
    return words


def _words(n: int) -> list[str]:
    if n == 0:
        return ["sıfır"]
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            words.extend([*_below_thousand(count), name])
    thousands, n = divmod(n, 1000)
    if thousands:
        # 1000 is "min", never "bir min"; 2000 is "iki min".
        words.extend([*(_below_thousand(thousands) if thousands > 1 else []), "min"])
    words.extend(_below_thousand(n))
    return words


def number_to_words(n: int) -> str:
    """Spell ``n`` in Azerbaijani words.

    >>> number_to_words(2024)
    'iki min iyirmi dörd'
    >>> number_to_words(1_000_000)
    'bir milyon'
    >>> number_to_words(-15)
    'mənfi on beş'
    """
    n = _check(n, "number_to_words", negative=True)
    words = " ".join(_words(abs(n)))
    return f"mənfi {words}" if n < 0 else words


def _last_word(n: int) -> str:
    return _words(n)[-1]


def ordinal_suffix(n: int) -> str:
    """The numeric ordinal suffix of ``n`` (without the hyphen): ``ci``, ``cı``, ``cu`` or ``cü``.

    It follows the harmony of the last word of the number read aloud.

    >>> [f"{n}-{ordinal_suffix(n)}" for n in (5, 6, 9, 3, 40, 2024)]
    ['5-ci', '6-cı', '9-cu', '3-cü', '40-cı', '2024-cü']
    """
    n = _check(n, "ordinal_suffix")
    vowel = last_vowel(_last_word(n))
    assert vowel is not None
    return "c" + HIGH_VOWEL[vowel]


def ordinal_numeral(n: int) -> str:
    """``n`` as a numeric ordinal: the digits, a hyphen and :func:`ordinal_suffix`.

    >>> ordinal_numeral(25), ordinal_numeral(100), ordinal_numeral(1000)
    ('25-ci', '100-cü', '1000-ci')
    """
    return f"{_check(n, 'ordinal_numeral')}-{ordinal_suffix(n)}"


def ordinal_to_words(n: int) -> str:
    """Spell the ordinal of ``n`` in words (beşinci, altıncı, doqquzuncu …).

    >>> ordinal_to_words(1), ordinal_to_words(6), ordinal_to_words(9), ordinal_to_words(3)
    ('birinci', 'altıncı', 'doqquzuncu', 'üçüncü')
    >>> ordinal_to_words(25)
    'iyirmi beşinci'
    """
    n = _check(n, "ordinal_to_words")
    words = _words(n)
    last = words[-1]
    vowel = last_vowel(last)
    assert vowel is not None
    high = HIGH_VOWEL[vowel]
    suffix = f"nc{high}" if last[-1] in VOWELS else f"{high}nc{high}"
    words[-1] = last + suffix
    return " ".join(words)


_ROMAN: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_RE: Final = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def to_roman(n: int) -> str:
    """``n`` (1–3999) in Roman numerals, as for summits and centuries (``XXI əsr``).

    >>> to_roman(9), to_roman(21), to_roman(2024)
    ('IX', 'XXI', 'MMXXIV')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(f"to_roman() takes an int, not {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise InvalidArgumentError(f"to_roman() got {n}; accepted: integers from 1 to 3999")
    out: list[str] = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def from_roman(numeral: str) -> int:
    """The value of a Roman numeral in canonical form (upper or lower case).

    >>> from_roman("XXI"), from_roman("ix")
    (21, 9)
    """
    if not isinstance(numeral, str):
        raise ArgumentTypeError(f"from_roman() takes a str, not {type(numeral).__name__}")
    text = numeral.strip().upper()
    if not text or _ROMAN_RE.fullmatch(text) is None:
        raise InvalidArgumentError(
            f"not a Roman numeral: {numeral!r}; accepted: canonical numerals from I to MMMCMXCIX"
        )
    total = 0
    index = 0
    for value, symbol in _ROMAN:
        while text.startswith(symbol, index):
            total += value
            index += len(symbol)
    return total
