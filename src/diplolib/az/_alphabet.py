"""The Azerbaijani Latin alphabet and the letter classes the other modules share."""

from __future__ import annotations

from typing import Final

ALPHABET: Final = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
"""The 32 lowercase letters in alphabetical order (x after h, ı before i, q after k)."""

UPPER_ALPHABET: Final = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
"""The 32 capital letters in alphabetical order; ``I`` pairs with ``ı``, ``İ`` with ``i``."""

BACK_VOWELS: Final = frozenset("aıou")
FRONT_VOWELS: Final = frozenset("eəiöü")
VOWELS: Final = BACK_VOWELS | FRONT_VOWELS

# Letters that only Azerbaijani (among en/az) writes: their presence marks a word as Azerbaijani.
AZ_ONLY_LETTERS: Final = frozenset("əçşğıöüƏÇŞĞIÖÜİ") - frozenset("I")

# Four-way harmony: the high vowel that follows each vowel.
HIGH_VOWEL: Final = {
    "a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü",
}  # fmt: skip

# Foreign vowels met in names, mapped to the Azerbaijani vowel that governs harmony.
FOREIGN_VOWELS: Final = {
    "á": "a", "à": "a", "â": "a", "ä": "ə", "ã": "a", "å": "a",
    "é": "e", "è": "e", "ê": "e", "ë": "e",
    "í": "i", "ì": "i", "î": "i", "ï": "i",
    "ó": "o", "ò": "o", "ô": "o", "õ": "o", "ø": "ö",
    "ú": "u", "ù": "u", "û": "u",
}  # fmt: skip


def last_vowel(word: str) -> str | None:
    """The last vowel of a lower-case word (foreign accented vowels folded), or ``None``.

    >>> last_vowel("lerik"), last_vowel("şamaxı"), last_vowel("brn")
    ('i', 'ı', None)
    """
    for char in reversed(word):
        if char in VOWELS:
            return char
        folded = FOREIGN_VOWELS.get(char)
        if folded is not None:
            return folded
    return None
