"""Case mapping with the Azerbaijani dotted and dotless i.

Python's ``str.upper``/``str.lower`` follow the Unicode default mapping, which
pairs ``i`` with ``I`` and turns ``İ`` into two code points (``i`` + U+0307).
Azerbaijani pairs ``i`` with ``İ`` and ``ı`` with ``I``; everything else follows
the default mapping, so these functions are ``str`` methods with the two pairs
swapped first.

A combining dot above (U+0307) right after an i-letter (``i``, ``ı``, ``I``, ``İ``)
is the dot of an ``i`` written as two code points (``str.lower`` makes ``i`` +
U+0307 of ``İ``), or a second dot on a letter that already has one. All four
functions fold such a sequence into the one dotted letter, ``i`` or ``İ``, so
they never put out U+0307 after an i. A dot above any other letter is left alone.
"""

from __future__ import annotations

__all__ = ["casefold", "lower", "title", "upper"]

import re
import unicodedata

from ..errors import ArgumentTypeError

_DOT = "\u0307"
# An i-letter followed by one or more combining dots above: one dotted i.
_DOTTED_I_RE = re.compile("[iıIİ]\u0307+")


def _dotted_i(text: str, letter: str) -> str:
    """Replace every i-letter + U+0307 sequence in ``text`` with ``letter`` (``i`` or ``İ``)."""
    if _DOT not in text:
        return text
    return _DOTTED_I_RE.sub(letter, text)


def _require_str(text: object, func: str) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{func}() takes a str, not {type(text).__name__}")
    return text


def upper(text: str) -> str:
    """Upper-case ``text`` by Azerbaijani rules: ``i`` → ``İ`` and ``ı`` → ``I``.

    >>> upper("inkişaf")
    'İNKİŞAF'
    >>> upper("ılıq su")
    'ILIQ SU'
    >>> upper("i\u0307lham")  # str.lower's İ: i + combining dot above
    'İLHAM'
    >>> "inkişaf".upper()  # Python's default is wrong for Azerbaijani
    'INKIŞAF'
    """
    _require_str(text, "upper")
    # i + combining dot above (what str.lower makes of İ) is one letter, İ.
    text = _dotted_i(text, "İ")
    return text.replace("i", "İ").replace("ı", "I").upper()


def lower(text: str) -> str:
    """Lower-case ``text`` by Azerbaijani rules: ``İ`` → ``i`` and ``I`` → ``ı``.

    Never produces the combining dot U+0307 that ``str.lower`` leaves after ``i``,
    and drops one already there (``İ`` + U+0307 is still one ``i``).

    >>> lower("ILIQ")
    'ılıq'
    >>> lower("İLHAM ƏLİYEV")
    'ilham əliyev'
    >>> len("İ".lower()), len(lower("İ"))
    (2, 1)
    >>> lower("I\u0307LHAM"), lower("İ\u0307")
    ('ilham', 'i')
    """
    _require_str(text, "lower")
    text = _dotted_i(text, "i")
    return text.replace("İ", "i").replace("I", "ı").lower()


# The first letter or digit of a word: nothing word-like (letter, digit, apostrophe,
# combining mark) just before it.
_WORD_START_RE = re.compile(
    r"(?<![\w'’ʼ\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff])[^\W_]"
)


def title(text: str) -> str:
    """Capitalise the first letter of each word by Azerbaijani rules, lower-case the rest.

    A word is a run of letters, digits, marks and apostrophes: hyphenated names
    split at the hyphen and an apostrophe does not start a word. A suffix after a
    number and a hyphen stays lower case (``2-ci``).

    >>> title("xarici işlər naziri")
    'Xarici İşlər Naziri'
    >>> title("İSMAYILLI RAYONU")
    'İsmayıllı Rayonu'
    >>> title("qarabağ-zəngəzur")
    'Qarabağ-Zəngəzur'
    """
    _require_str(text, "title")
    small = lower(text)
    out: list[str] = []
    position = 0
    for match in _WORD_START_RE.finditer(small):
        start = match.start()
        if start >= 2 and small[start - 1] == "-" and small[start - 2].isdigit():
            continue  # the ordinal or case suffix of a number: 2-ci, 2024-cü
        head = small[start]
        out.append(small[position:start])
        out.append(_TITLE_HEAD.get(head) or head.title())
        position = start + 1
    out.append(small[position:])
    return "".join(out)


_TITLE_HEAD = {"i": "İ", "ı": "I"}


def casefold(text: str) -> str:
    """A caseless form for matching Azerbaijani text (NFC, then az-aware folding).

    ``casefold(a) == casefold(b)`` when ``a`` and ``b`` differ only in case,
    the dotted/dotless i pairs included.

    >>> casefold("İSMAYILLI") == casefold("İsmayıllı")
    True
    >>> casefold("Bakı") == casefold("BAKİ")
    False
    >>> casefold("STRAẞE")
    'strasse'
    >>> casefold("İ\u0307") == casefold("i\u0307") == casefold("İ") == "i"
    True
    """
    _require_str(text, "casefold")
    text = _dotted_i(unicodedata.normalize("NFC", text), "i")
    return text.replace("İ", "i").replace("I", "ı").casefold()
