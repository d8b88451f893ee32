"""Azerbaijani collation: a sort key that orders text as an Azerbaijani dictionary does.

The key has the three levels of the Unicode Collation Algorithm, compared in turn:

1. **primary** – the letters, in the order of the Azerbaijani alphabet
   (``a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z``, then ``w``
   as CLDR places it); case and foreign accents are ignored at this level;
2. **secondary** – foreign accents (``e`` < ``é`` < ``è``), in CLDR's order;
3. **tertiary** – case, lower before upper.

The key is one string: the three levels, then the original text, joined by NUL
(which no weight uses, so a shorter level sorts first as it should). Two keys are
equal only for equal strings, so the order is total, and comparing keys is a
single string comparison. Characters outside the alphabet get CLDR's broad
order: white space, punctuation, symbols, digits, letters; after the Latin letters
come other Latin letters, then Cyrillic (CLDR's Azerbaijani tailoring puts Cyrillic
right after Latin), then every other script by code point.

Each level is built with :meth:`str.translate` from tables that fill themselves
on first sight of a character, so building a key runs mostly in C.
"""

from __future__ import annotations

__all__ = ["SortKey", "sort_key"]

import threading
import unicodedata
from functools import lru_cache
from typing import Final

from ..errors import ArgumentTypeError
from ._alphabet import ALPHABET, UPPER_ALPHABET

SortKey = str
"""The value :func:`sort_key` returns: the primary, secondary and tertiary levels and the text."""

# Primary weights, in CLDR's group order. An alphabet letter weighs one character
# (U+0100 onwards); anything else weighs a group character and a value character. The
# groups before the letters use characters below U+0100 and those after them characters
# from U+0200, so no weight is a prefix of another and string order is weight order.
_G_SPACE, _G_PUNCT, _G_SYMBOL, _G_DIGIT = "\x01", "\x02", "\x03", "\x04"
_G_LATIN, _G_CYRILLIC, _G_OTHER = "\u0200", "\u0201", "\u0202"
_LETTER_BASE: Final = 0x100
_COMMON: Final = "\x01"  # secondary weight of a letter with no accent
_LOWER: Final = "\x01"
_UPPER: Final = "\x02"
_EXPANDED_LOWER: Final = "\x03"  # æ sorts after ae
_EXPANDED_UPPER: Final = "\x04"

_LETTERS: Final = ALPHABET + "w"
_CAPITALS: Final = UPPER_ALPHABET + "W"

# CLDR root order of the white space, punctuation and symbols met in news text.
_PUNCT_ORDER: Final = (
    "\t\n\r\v\f \u2009\xa0\u202f_-–—,;:!?.…·'‘’‚‹›\"“”„«»()[]{}§¶@*/\\&#%†‡•′″`^°©®+<=>|~$£€₼№™"
)
# CLDR root order of the most common accents (combining marks).
_MARK_ORDER: Final = (
    "\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0338\u0327\u0328\u0304"
)
# Latin letters with no canonical decomposition: base letter(s) plus a secondary mark.
_SPECIAL_LATIN: Final[dict[str, tuple[str, str]]] = {
    "ø": ("o", "\u0338"),
    "ł": ("l", "\u0338"),
    "đ": ("d", "\u0335"),
    "ħ": ("h", "\u0335"),
    "ŧ": ("t", "\u0335"),
    "æ": ("ae", ""),
    "œ": ("oe", ""),
    "ß": ("ss", ""),
}
# A cache entry per distinct character; past this size new characters are computed, not stored.
_CACHE_LIMIT: Final = 20_000


def _mark_weight(mark: str) -> str:
    rank = _MARK_ORDER.find(mark)
    return chr(0x10 + rank) if rank >= 0 else chr(0x100 + ord(mark))


def _value(code: int, offset: int) -> str:
    return chr(min(code + offset, 0x10FFFF))


@lru_cache(maxsize=4096)
def _weigh(char: str) -> tuple[str, str, str]:
    """(primary, secondary, tertiary) weights of one NFC character."""
    rank = _LETTERS.find(char)
    if rank >= 0:
        return chr(_LETTER_BASE + rank), _COMMON, _LOWER
    rank = _CAPITALS.find(char)
    if rank >= 0:
        return chr(_LETTER_BASE + rank), _COMMON, _UPPER
    rank = _PUNCT_ORDER.find(char)
    if rank >= 0:
        group = _G_SPACE if char.isspace() else _G_PUNCT
        return group + chr(0x20 + rank), _COMMON, _LOWER
    category = unicodedata.category(char)
    if char.isspace():
        return _G_SPACE + _value(ord(char), 0x100), _COMMON, _LOWER
    if category.startswith("M"):
        return "", _mark_weight(char), ""
    if category in ("Cc", "Cf"):
        return "", "", ""  # controls and format characters (ZWJ, soft hyphen) are ignorable
    if category == "Nd":
        digit = unicodedata.decimal(char)
        return _G_DIGIT + chr(0x30 + digit), _COMMON, _LOWER if char.isascii() else _UPPER
    if category.startswith("P"):
        return _G_PUNCT + _value(ord(char), 0x100), _COMMON, _LOWER
    if category.startswith("L"):
        return _weigh_letter(char)
    return _G_SYMBOL + _value(ord(char), 0x100), _COMMON, _LOWER


def _weigh_letter(char: str) -> tuple[str, str, str]:
    small = char.lower() if len(char.lower()) == 1 else char
    case = _UPPER if small != char else _LOWER
    special = _SPECIAL_LATIN.get(small)
    if special is not None:
        base, mark = special
        if len(base) > 1:
            primary = "".join(_weigh(letter)[0] for letter in base)
            tertiary = (_EXPANDED_UPPER if case == _UPPER else _EXPANDED_LOWER) * len(base)
            return primary, _COMMON * len(base), tertiary
        return _weigh(base)[0], _COMMON + _mark_weight(mark), case
    decomposed = unicodedata.normalize("NFD", small)
    base, marks = decomposed[0], decomposed[1:]
    if marks:
        # ḉ is ç with an accent: fold the first mark back in when that makes an alphabet letter.
        composed = unicodedata.normalize("NFC", base + marks[0])
        if len(composed) == 1 and composed in _LETTERS:
            base, marks = composed, marks[1:]
        if base in _LETTERS or not base.isalpha():
            primary = _weigh(base)[0]
        else:
            primary = _script_primary(base)
        return primary, _COMMON + "".join(_mark_weight(m) for m in marks), case
    return _script_primary(small), _COMMON, case


def _script_primary(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        group = _G_LATIN
    elif name.startswith("CYRILLIC"):
        group = _G_CYRILLIC
    else:
        group = _G_OTHER
    return group + _value(ord(char), 0x20)


# str.translate tables, one per level, filled on first sight of a character. Plain dicts
# keep translate fast; sort_key adds what a text needs before translating it.
_PRIMARY: Final[dict[int, str]] = {}
_SECONDARY: Final[dict[int, str]] = {}
_TERTIARY: Final[dict[int, str]] = {}
_KNOWN: Final[set[str]] = set()
_LEARN_LOCK: Final = threading.Lock()


def _learn(chars: set[str]) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """Add ``chars`` to the tables; past the cache limit, return extended copies instead."""
    entries = [(ord(char), _weigh(char)) for char in chars]
    with _LEARN_LOCK:
        if len(_KNOWN) + len(chars) <= _CACHE_LIMIT:
            for code, (primary, secondary, tertiary) in entries:
                _PRIMARY[code] = primary
                _SECONDARY[code] = secondary
                _TERTIARY[code] = tertiary
            _KNOWN.update(chars)
            return _PRIMARY, _SECONDARY, _TERTIARY
        tables = (dict(_PRIMARY), dict(_SECONDARY), dict(_TERTIARY))
    for code, weights in entries:
        for table, weight in zip(tables, weights, strict=True):
            table[code] = weight
    return tables


_PLAIN: Final = frozenset(_LETTERS + _CAPITALS + _PUNCT_ORDER + "0123456789")
_learn(set(_PLAIN))


def sort_key(text: str) -> SortKey:
    """A key that sorts text in Azerbaijani alphabetical order; use it with ``sorted``.

    >>> sorted(["xalq", "hava", "iki", "ılıq", "qala", "kitab", "əl", "ev"], key=sort_key)
    ['ev', 'əl', 'hava', 'xalq', 'ılıq', 'iki', 'kitab', 'qala']
    >>> sorted(["Ilham", "İlham", "ilham", "ılham"], key=sort_key)
    ['ılham', 'Ilham', 'ilham', 'İlham']
    >>> sorted(["xalq", "hava", "iki", "ılıq"])  # code point order is wrong
    ['hava', 'iki', 'xalq', 'ılıq']

    Decomposed input sorts as its composed form (``sort_key`` applies NFC first).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"sort_key() takes a str, not {type(text).__name__}")
    nfc = text
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        nfc = unicodedata.normalize("NFC", text)
    chars = set(nfc)
    if chars <= _PLAIN:
        # Letters of the alphabet, digits, spaces and common punctuation: one primary
        # weight each and no accent, so the secondary level is all "common".
        second = _COMMON * len(nfc)
        return "\0".join((nfc.translate(_PRIMARY), second, nfc.translate(_TERTIARY), text))
    primary, secondary, tertiary = _PRIMARY, _SECONDARY, _TERTIARY
    unknown = chars.difference(_KNOWN)
    if unknown:
        primary, secondary, tertiary = _learn(unknown)
    levels = (nfc.translate(primary), nfc.translate(secondary), nfc.translate(tertiary), text)
    return "\0".join(levels)
