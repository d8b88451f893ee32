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
single string comparison. The text goes in as its UTF-8 bytes, one Latin-1
character each (byte order is code point order), so the key of text in the
alphabet, digits and common punctuation, whose weights are all below U+0100,
is a compact one-byte string that builds and compares fast. Characters outside the alphabet get CLDR's broad
order: white space, punctuation, symbols, digits, letters; after the Latin letters
come other Latin letters, then Cyrillic (CLDR's Azerbaijani tailoring puts Cyrillic
right after Latin), then every other script by code point.

Each level is built with :meth:`str.translate` from tables that fill themselves
on first sight of a character, so building a key runs mostly in C.
"""

from __future__ import annotations

__all__ = ["SortKey", "sort_key"]

import codecs
import threading
import unicodedata
from functools import lru_cache
from typing import Any, Final

from ..errors import ArgumentTypeError
from ._alphabet import ALPHABET, UPPER_ALPHABET

SortKey = str
"""The value :func:`sort_key` returns: the primary, secondary and tertiary levels and the text."""

# Primary weights, in CLDR's group order. The listed white space and punctuation
# (_PUNCT_ORDER), the digits and the letters of the alphabet weigh one character each,
# below U+0100; anything else weighs a group character and a value character. Every
# single weight and group character is distinct, so no weight is a prefix of another
# and string order is weight order:
#   listed space 0x01-  < other space 0x40+v < listed punctuation 0x41-
#   < other punctuation 0x9A+v < symbols 0x9B+v < digits 0x9C-0xA5
#   < letters 0xA6-0xC8 < other Latin 0xE0+v < Cyrillic 0xE1+v < other scripts 0xE2+v
_SPACE_BASE: Final = 0x01
_G_SPACE, _PUNCT_BASE = "\x40", 0x41
_G_PUNCT, _G_SYMBOL, _DIGIT_BASE = "\x9a", "\x9b", 0x9C
_G_LATIN, _G_CYRILLIC, _G_OTHER = "\xe0", "\xe1", "\xe2"
_LETTER_BASE: Final = 0xA6
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
_LISTED_SPACE: Final = "".join(c for c in _PUNCT_ORDER if c.isspace())
_LISTED_PUNCT: Final = "".join(c for c in _PUNCT_ORDER if not c.isspace())
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
    rank = _LISTED_SPACE.find(char)
    if rank >= 0:
        return chr(_SPACE_BASE + rank), _COMMON, _LOWER
    rank = _LISTED_PUNCT.find(char)
    if rank >= 0:
        return chr(_PUNCT_BASE + rank), _COMMON, _LOWER
    category = unicodedata.category(char)
    if char.isspace():
        return _G_SPACE + _value(ord(char), 0x100), _COMMON, _LOWER
    if category.startswith("M"):
        return "", _mark_weight(char), ""
    if category in ("Cc", "Cf"):
        return "", "", ""  # controls and format characters (ZWJ, soft hyphen) are ignorable
    if category == "Nd":
        digit = unicodedata.decimal(char)
        return chr(_DIGIT_BASE + digit), _COMMON, _LOWER if char.isascii() else _UPPER
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


def _plain_codec() -> tuple[Any, bytes, bytes]:  # codecs' encoding map type is private
    """A charmap encoding of the plain characters, and byte tables to their weights.

    Each plain character becomes one distinct byte (the encoding fails on any
    other character), and :meth:`bytes.translate` turns those bytes into the
    one-character primary and tertiary weights, all below U+0100: building the
    key of a plain text runs entirely in C. Byte 0 is NUL, as the compact
    encoding map requires; NUL is ignorable, so ``sort_key`` deletes it.
    """
    chars = ["\0", *sorted(_PLAIN)]
    assert len(chars) <= 256
    decoding = "".join(chars) + "\ufffe" * (256 - len(chars))
    primary, tertiary = bytearray(256), bytearray(256)
    for byte, char in enumerate(chars[1:], start=1):
        weights = _weigh(char)
        assert len(weights[0]) == len(weights[2]) == 1, char  # one weight character
        assert weights[1] == _COMMON, char  # and no accent
        primary[byte], tertiary[byte] = ord(weights[0]), ord(weights[2])
    return codecs.charmap_build(decoding), bytes(primary), bytes(tertiary)


_PLAIN_MAP, _PLAIN_PRIMARY, _PLAIN_TERTIARY = _plain_codec()


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
    try:
        # Text of plain characters only is already NFC (none of them combines or
        # decomposes), so it needs no normalisation check.
        raw = codecs.charmap_encode(text, "strict", _PLAIN_MAP)[0]
    except UnicodeEncodeError:
        pass  # a character beyond the plain ones: the general path below
    else:
        # Letters of the alphabet, digits, spaces and common punctuation: one-character
        # weights and no accent, so the secondary level is all "common".
        first = raw.translate(_PLAIN_PRIMARY, b"\0").decode("latin-1")
        third = raw.translate(_PLAIN_TERTIARY, b"\0").decode("latin-1")
        tie = text.encode("utf-8", "surrogatepass").decode("latin-1")
        return "\0".join((first, _COMMON * len(first), third, tie))
    nfc = text
    if not unicodedata.is_normalized("NFC", text):
        nfc = unicodedata.normalize("NFC", text)
    chars = set(nfc)
    primary, secondary, tertiary = _PRIMARY, _SECONDARY, _TERTIARY
    unknown = chars.difference(_KNOWN)
    if unknown:
        primary, secondary, tertiary = _learn(unknown)
    tie = text.encode("utf-8", "surrogatepass").decode("latin-1")
    levels = (nfc.translate(primary), nfc.translate(secondary), nfc.translate(tertiary), tie)
    return "\0".join(levels)
