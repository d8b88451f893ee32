"""Grammatical evidence that outweighs the letters of names in short texts.

The character model reads "Hakan Fidan Bakıda" as Turkish because two of its
three words are Turkish names, and "Нұрсұлтан Назарбаев посетил Баку" as
Kazakh because of the letters of a Kazakh name; yet the case ending of
"Bakıda" and the Russian verb say otherwise. So, before scoring:

* **Names weigh less.** A capitalised word that carries no case ending is
  name-shaped (the first word only when the next is capitalised too: its
  capital may be the sentence's; words before a colon are a label); its features count :data:`NAME_WEIGHT` of a plain word's when
  the text has other words (a text of names only is scored as it is).
* **Case endings speak.** Azerbaijani joins case endings to proper nouns
  without an apostrophe (``Bakıda``, ``Londona``), Turkish with one
  (``Londra'da``, ``Nevruz'u``): either on a capitalised word is evidence for
  its language, and such a word is not down-weighted.
* **Turkish-only words** (``büyükelçilik``, ``diplomasi``, ``üniversite``…,
  spellings Azerbaijani never has) are evidence for Turkish.

Evidence is returned as a cost to add to the classes it speaks against, in
tempered log-odds units (see :func:`diplolib.detect.detect_language`).

>>> plain, names, against = weigh("Hakan Fidan Bakıda", ["hakan", "fidan", "bakıda"])
>>> plain, names, against
(['bakıda'], ['hakan', 'fidan'], {'tr': 4.0})
>>> weigh("Büyükelçilik Londra'da Nevruz'u kutladı",
...       ["büyükelçilik", "londra'da", "nevruz'u", "kutladı"])[2]
{'az': 16.0, 'en': 16.0}
"""

from __future__ import annotations

__all__ = ["CUE_SETS", "CUE_WORDS", "NAME_WEIGHT", "TURKISH_ONLY", "weigh"]

import re
from typing import Final

NAME_WEIGHT: Final = 0.25
"""Share of a plain word's weight that a name-shaped word's features keep."""

_AZ_ENDING: Final = 4.0
_TR_APOSTROPHE: Final = 4.0
_CUE_WORD: Final = 4.0
_KK_ENDING: Final = 4.0

# Turkish case and number endings after the apostrophe of a proper noun.
_TR_SUFFIXES: Final = frozenset(
    {
        "a", "e", "ya", "ye", "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "da", "de", "ta",
        "te", "dan", "den", "tan", "ten", "nın", "nin", "nun", "nün", "ın", "in", "un", "ün",
        "la", "le", "yla", "yle", "daki", "deki", "taki", "teki", "dır", "dir", "dur", "dür",
        "lar", "ler", "ları", "leri", "nda", "nde", "ndan", "nden", "na", "ne", "nı", "ni",
        "nu", "nü", "ndaki", "ndeki",
    }
)  # fmt: skip

TURKISH_ONLY: Final = frozenset(
    {
        "büyükelçilik", "büyükelçiliği", "büyükelçiliğinde", "büyükelçi", "büyükelçisi",
        "diplomasi", "diplomasisi", "üniversite", "üniversitesi",
        "üniversitesinde", "cumhurbaşkanı", "cumhurbaşkanlığı", "dışişleri", "bakanı",
        "bakanlığı", "başbakan", "başbakanı", "bakan", "ülke", "ülkesi", "ülkeler",
        "ülkeleri", "ile", "için", "değil", "olarak", "kutladı", "açıkladı", "görüştü",
        "ziyaret", "ziyareti", "ziyaretinde", "etti", "yaptı", "düzenledi", "gerçekleştirdi",
        "ilişkiler", "ilişkileri", "işbirliği", "hükümet", "hükümeti", "meclis", "meclisi",
        "başkanı", "başkan", "devlet", "devleti", "cumhuriyet", "cumhuriyeti", "antlaşma", "görüşme", "görüşmesi", "seçimleri", "tören",
        "töreni", "haber", "haberleri", "büyük", "küçük", "uluslararası", "savunma",
        "güvenlik", "zirve", "zirvesi", "heyet", "heyeti", "resmi", "üzere", "çok",
        "ve", "gibi", "kadar", "şehir", "şehri", "nevruz", "türkiye", "kutlama", "kutlandı",
        "geldi", "gitti", "buluştu", "görüşmesinde", "ekonomik", "ticaret",
        "söyledi", "belirtti",
    }
)  # fmt: skip
"""Turkish words (and spellings) that Azerbaijani does not have: ``büyükelçilik``
(az ``səfirlik``), ``diplomasi`` (``diplomatiya``), ``üniversite`` (``universitet``)."""

_ENGLISH_FUNCTION: Final = frozenset(
    {
        "in", "to", "from", "and", "with", "of", "the", "for", "by", "meets",
        "visits", "arrives", "says", "talks", "holds", "hosts", "between",
    }
)  # fmt: skip
_RUSSIAN_FUNCTION: Final = frozenset(
    {
        "в", "во", "и", "с", "со", "на", "по", "из", "к", "ко", "о", "об", "у", "от", "до",
        "для", "за", "при", "посетил", "посетила", "прибыл", "прибыла", "встретился",
        "встретилась", "провел", "провёл", "провели", "заявил", "обсудили", "отметил",
    }
)  # fmt: skip
_KAZAKH_FUNCTION: Final = frozenset(
    {
        "және", "мен", "бен", "пен", "қаласында", "қаласына", "сапар", "сапармен", "келді",
        "барды", "кездесті", "өтті", "туралы", "бойынша",
    }
)  # fmt: skip
# Word → the classes it speaks against, per script.
CUE_WORDS: Final = {
    "Latn": {
        **dict.fromkeys(TURKISH_ONLY, ("az", "en")),
        **dict.fromkeys(_ENGLISH_FUNCTION, ("az", "tr")),
    },
    "Cyrl": {
        **dict.fromkeys(_RUSSIAN_FUNCTION, ("kk", "az-Cyrl")),
        **dict.fromkeys(_KAZAKH_FUNCTION, ("ru", "az-Cyrl")),
    },
}
"""Function words and language-only vocabulary: each is evidence against the listed classes."""
CUE_SETS: Final = {script: frozenset(words) for script, words in CUE_WORDS.items()}

# Kazakh case endings on a name (Бакуде, Анкараға, Мәскеуге, Ташкентте): Russian
# puts a preposition before the name instead, Azerbaijani Cyrillic writes -дә/-ја.
# (The two-way Kazakh harmony is not checked: loan names such as Баку take -де.)
_KK_CASE_RE: Final = re.compile(
    r".{2,}(?:[аәеэиіоөуұүыюя](?:да|де|ға|ге)|[бвгғджзйклмнңпрстфхһцчшщқ](?:та|те|қа|ке|да|де|ға|ге))"
)
# Azerbaijani case endings that join a proper noun directly, in vowel harmony with a
# stem of three letters or more: locative, ablative and -dakı after any sound,
# genitive -nın and dative -ya after a vowel. Turkish writes them after an apostrophe.
_AZ_CASE_RE: Final = re.compile(
    r".{2,}(?:[aıou][^aıoueəiöü]*(?:dakı|dan|da)|[eəiöü][^aıoueəiöü]*(?:dəki|dən|də)"
    r"|[aı](?:nın|ya)|[ou](?:nun|ya)|[eəi](?:nin|yə)|[öü](?:nün|yə))"
)
_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _az_case_ending(word: str) -> bool:
    """Whether a lower-case word is a stem of 3+ letters and a harmonising az case ending.

    >>> [_az_case_ending(w) for w in ("bakıda", "londona", "fidan", "ankarada", "hollanda")]
    [True, False, False, True, True]
    """
    return _AZ_CASE_RE.fullmatch(word) is not None


def weigh(
    text: str, words: list[str], script: str = "Latn"
) -> tuple[list[str], list[str], dict[str, float]]:
    """Split ``words`` (the prepared words of ``text``) into plain and name-shaped ones.

    Returns the plain words, the name-shaped words, and the evidence: a cost
    in tempered log-odds for each language some grammatical cue speaks
    against. When every word is name-shaped, all are plain.

    >>> weigh("Нұрсұлтан Назарбаев посетил Баку",
    ...       ["нұрсұлтан", "назарбаев", "посетил", "баку"], "Cyrl")[:2]
    (['посетил'], ['нұрсұлтан', 'назарбаев', 'баку'])
    >>> weigh("Prezident görüş keçirdi", ["prezident", "görüş", "keçirdi"])
    (['prezident', 'görüş', 'keçirdi'], [], {})
    """
    originals = _WORD_RE.findall(text)
    if len(originals) != len(words):
        return words, [], {}
    against: dict[str, float] = {}
    latin = script == "Latn"
    cues: set[int] = set()
    cue_set = CUE_SETS.get(script)
    if cue_set is not None and not cue_set.isdisjoint(words):
        table = CUE_WORDS[script]
        for i, word in enumerate(words):
            classes = table.get(word)
            if classes is not None:
                cues.add(i)
                for name in classes:
                    against[name] = against.get(name, 0.0) + _CUE_WORD
    if latin and "'" in text:
        for i, word in enumerate(words):
            suffix = word.partition("'")[2]
            if suffix in _TR_SUFFIXES and originals[i][0].isupper():
                cues.add(i)
                against["az"] = against.get("az", 0.0) + _TR_APOSTROPHE
                against["en"] = against.get("en", 0.0) + _TR_APOSTROPHE
    capitals = [i for i, original in enumerate(originals) if original[0].isupper()]
    if ":" in text:
        # Words before a colon are a label ("Söz Sayı: 800 söz"), not names.
        label = len(_WORD_RE.findall(text.partition(":")[0]))
        capitals = [i for i in capitals if i >= label]
    if capitals and capitals[0] == 0 and (len(capitals) < 2 or capitals[1] != 1):
        # The first word's capital is the sentence's, unless a name follows it.
        capitals = capitals[1:]
    named: list[int] = []
    for i in capitals:
        if i in cues:
            continue
        if latin and i and _az_case_ending(words[i]):
            against["tr"] = against.get("tr", 0.0) + _AZ_ENDING
        elif not latin and i and _KK_CASE_RE.fullmatch(words[i]) is not None:
            against["ru"] = against.get("ru", 0.0) + _KK_ENDING
            against["az-Cyrl"] = against.get("az-Cyrl", 0.0) + _KK_ENDING
        else:
            named.append(i)
    if not named or len(named) == len(words):
        return words, [], against
    skip = set(named)
    plain = [word for i, word in enumerate(words) if i not in skip]
    names = [words[i] for i in named]
    return plain, names, against
