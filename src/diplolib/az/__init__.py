"""Azerbaijani text: casing, collation, look-alike letters, case suffixes, numbers, romanisation, stems.

Everything here knows the Azerbaijani alphabet (32 letters, ``x`` after ``h``,
dotless ``ı`` before dotted ``i``) and its rules, which Python's ``str`` methods
and ``sorted`` do not.

>>> from diplolib import az
>>> az.upper("inkişaf"), az.lower("ILIQ")
('İNKİŞAF', 'ılıq')
>>> sorted(["Xaçmaz", "Həsən", "İsmayıllı", "Ilısu"], key=az.sort_key)
['Həsən', 'Xaçmaz', 'Ilısu', 'İsmayıllı']
>>> az.inflect("Şamaxı", "locative"), az.inflect("BMT", "dative")
('Şamaxıda', 'BMT-yə')
>>> az.ordinal_numeral(2024), az.ordinal_to_words(9)
('2024-cü', 'doqquzuncu')
>>> az.romanize("Naxçıvan, Qəbələ")
'Nakhchivan, Gabala'
>>> az.normalize("Әliyev")
'Əliyev'
>>> az.stem("Naxçıvanda"), az.stem("TÜRKSOY-un")
('naxçıvan', 'türksoy')
"""

from __future__ import annotations

from ._alphabet import ALPHABET, BACK_VOWELS, FRONT_VOWELS, UPPER_ALPHABET, VOWELS
from ._casing import casefold, lower, title, upper
from ._collate import SortKey, sort_key
from ._forms import FORMS_FILE, FormsTable
from ._inflect import (
    KNOWN_ABBREVIATIONS,
    NO_ALTERNATION,
    POSSESSIVE_HEADS,
    Case,
    inflect,
    spoken_form,
)
from ._normalize import (
    Lookalike,
    NormalizationReport,
    Normalizer,
    find_lookalikes,
    normalize,
    normalize_with_report,
    require_latin,
)
from ._numbers import (
    MAX_NUMBER,
    from_roman,
    number_to_words,
    ordinal_numeral,
    ordinal_suffix,
    ordinal_to_words,
    to_roman,
)
from ._romanize import gazetteer, romanize
from ._rules import RULES, AzerbaijaniRules
from ._stem import KNOWN_STEMS, Stemmer, stem

__all__ = [
    "ALPHABET",
    "AzerbaijaniRules",
    "BACK_VOWELS",
    "Case",
    "FORMS_FILE",
    "FRONT_VOWELS",
    "FormsTable",
    "KNOWN_ABBREVIATIONS",
    "KNOWN_STEMS",
    "Lookalike",
    "MAX_NUMBER",
    "NO_ALTERNATION",
    "NormalizationReport",
    "POSSESSIVE_HEADS",
    "RULES",
    "Normalizer",
    "SortKey",
    "Stemmer",
    "UPPER_ALPHABET",
    "VOWELS",
    "casefold",
    "find_lookalikes",
    "from_roman",
    "gazetteer",
    "inflect",
    "lower",
    "normalize",
    "normalize_with_report",
    "number_to_words",
    "ordinal_numeral",
    "ordinal_suffix",
    "ordinal_to_words",
    "require_latin",
    "romanize",
    "sort_key",
    "stem",
    "spoken_form",
    "title",
    "to_roman",
    "upper",
]
