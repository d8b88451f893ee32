"""Azerbaijani Latin → customary English spelling, with a gazetteer of established forms.

English texts spell Azerbaijani names by custom, not by dropping diacritics:
``ə→a x→kh q→g c→j ç→ch ş→sh ğ→gh ı→i ö→o ü→u j→zh`` (``İ``/``I`` → ``I``).
Two context rules follow English usage: the surname ending ``-zadə`` is ``-zade``
(Rasulzade, Huseynzade) and the title ``bəy`` is ``bey`` (Hasan bey Zardabi).

Many names have an established English form the rules cannot produce
(``Bakı`` → Baku, ``Qarabağ`` → Karabakh, ``Azərbaycan`` → Azerbaijan,
``Üzeyir Hacıbəyli`` → Uzeyir Hajibeyli). They come from a gazetteer shipped in
``diplolib/data/az_gazetteer.json`` (cities, districts and regions of Azerbaijan,
landmarks, countries and capitals, people, institutions), whose sources are
named in the file. Gazetteer entries match whole words and phrases, ignoring
case; inflected forms (``Bakıda``) are transliterated by the rules. A common
noun of the gazetteer's ``common_nouns`` right after a name is put in English
where English writes it so (``Laçın dəhlizi`` → Lachin corridor, ``Kür çayı`` →
Kura River, ``Bakı–Tbilisi–Qars dəmir yolu`` → Baku–Tbilisi–Kars railway);
elsewhere it is transliterated like any word.

Which words are Azerbaijani (the word-level heuristic):

1. a word with a letter outside the Azerbaijani alphabet (``w``, ``é``, Cyrillic…)
   is foreign and left as it is;
2. a word with a letter only Azerbaijani uses (``ə ç ş ğ ı ö ü İ``) is Azerbaijani,
   unless it has a spelling Azerbaijani never uses (``ch th ck ph wh gh zh``:
   ``Zürich``) or is a word of a gazetteer English form (``Türkiye``);
3. any other word is plain ASCII. With ``assume_az=False`` it is left alone;
   with ``assume_az=None`` it is treated as below when the text as a whole reads
   as Azerbaijani (more words with Azerbaijani letters than English function
   words such as ``the``, ``and``, ``in``) and left alone otherwise.
   By default it is treated as Azerbaijani (``Quba`` → Guba) unless it looks
   English: it has an English spelling pattern (``th sh ch kh zh gh ph wh ck ou
   ee oo ea``, ``qu`` before a vowel, ends in ``-tion``/``-ic``/``-ce``/``-cy``/``-ct``),
   it is one of a short list of English words, it is a word of a gazetteer
   English form (``Caspian``), its only letter that would change is ``j``
   (Azerbaijani rarely writes ``j``; romanised names often do: ``Ganja``), or it
   is in capitals and :func:`~diplolib.az.inflect` would take it for an
   abbreviation (``COP``, ``CNN``, ``SOCAR``).

So romanising already-romanised text changes nothing, and English words in
Azerbaijani text survive.
"""

from __future__ import annotations

__all__ = ["gazetteer", "romanize"]

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from diplolib._resources import data_dir

from ..errors import ArgumentTypeError
from ._alphabet import AZ_ONLY_LETTERS
from ._casing import casefold, upper
from ._inflect import KNOWN_ABBREVIATIONS, abbreviation_key, is_pronounceable
from ._normalize import normalize

_LOWER_MAP: Final = {
    "ə": "a", "x": "kh", "q": "g", "c": "j", "ç": "ch", "ş": "sh", "ğ": "gh",
    "ı": "i", "ö": "o", "ü": "u", "j": "zh",
}  # fmt: skip
_UPPER_MAP: Final = {
    "Ə": "A", "X": "Kh", "Q": "G", "C": "J", "Ç": "Ch", "Ş": "Sh", "Ğ": "Gh",
    "I": "I", "İ": "I", "Ö": "O", "Ü": "U", "J": "Zh",
}  # fmt: skip
_AZ_LETTERS: Final = frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ")
_CHANGING: Final = frozenset("cjqxCJQX")
_ENGLISH_PATTERN: Final = re.compile(
    r"th|sh|ch|kh|zh|gh|ph|wh|ck|ou|ee|oo|ea|qu[aeiouy]|(?:tion|ic|ics|ce|cy|ct|cts)$"
)
# English words with c, j, q or x that the patterns above miss.
_ENGLISH_WORDS: Final = frozenset(
    {
        "academy", "across", "act", "alex", "art", "axis", "box", "cabin", "cabinet", "camp",
        "campaign", "campus", "canal", "cancel", "capital", "car", "carbon", "card", "care",
        "career", "cargo", "carpet", "case", "cause", "center", "centre", "cinema", "circle",
        "city", "civic", "civil", "class", "classic", "clean", "climate", "clinic", "club",
        "co", "coal", "coast", "coastal", "code", "cold", "college", "color", "colour", "come",
        "commission", "committee", "common", "community", "compact", "company", "complete",
        "complex", "concert", "conference", "congress", "consul", "contact", "context",
        "control", "cook", "copy", "core", "corridor", "cost", "count", "covid", "create",
        "credit", "crisis", "critical", "cross", "crude", "cultural", "culture", "cup", "cyber",
        "democratic", "direct", "economic", "exhibition", "exit", "expert", "expo", "export",
        "exports", "extra", "fax", "fix", "flexible", "fox", "index", "iraq", "jazz", "max",
        "mexico", "mix", "next", "object", "oxygen", "project", "qatar", "quiz", "relax",
        "republic", "select", "six", "tax", "taxi", "texas", "text", "xbox",
    }
)  # fmt: skip
# English function words: their presence marks a text as English (assume_az=None).
_ENGLISH_FUNCTION_WORDS: Final = frozenset(
    {
        "the", "a", "an", "and", "or", "of", "in", "to", "for", "with", "from", "by", "into",
        "about", "after", "over", "under", "between", "is", "are", "was", "were", "will",
        "has", "have", "had", "be", "been", "this", "that", "these", "its", "his", "her",
        "their", "our", "s", "not", "as", "against", "during", "amid", "says", "said",
    }
)  # fmt: skip
# Spellings Azerbaijani never uses, even in words with its own letters (Zürich).
_FOREIGN_PATTERN: Final = re.compile(r"ch|th|ck|ph|wh|gh|zh")
_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_SEPARATOR_RE: Final = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]]:
    path = data_dir() / "az_gazetteer.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, str] = {}
    for section, names in raw.items():
        if section.startswith("_") or section == _COMMON_NOUNS:
            continue
        entries.update(names)
    return entries, _index(entries)


_COMMON_NOUNS: Final = "common_nouns"


@lru_cache(maxsize=1)
def _common_nouns() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    """The gazetteer's common nouns that end names (``dəhlizi`` → corridor), indexed."""
    raw = json.loads((data_dir() / "az_gazetteer.json").read_text(encoding="utf-8"))
    return _index(raw.get(_COMMON_NOUNS, {}))


def _split(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = [m.group() for m in _WORD_RE.finditer(phrase)]
    seps = [_SEPARATOR_RE.sub(" ", s) for s in _WORD_RE.split(phrase)[1:-1]]
    return tuple(casefold(w) for w in words), tuple(seps)


def _index(
    entries: Mapping[str, str],
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
    for source, english in entries.items():
        words, seps = _split(source)
        index.setdefault(words[0], []).append((words, seps, english))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    entries, _ = _load()
    found = {w.lower() for english in entries.values() for w in _WORD_RE.findall(english)}
    return frozenset(found) | _ENGLISH_WORDS


def gazetteer() -> Mapping[str, str]:
    """The shipped gazetteer: Azerbaijani spelling → established English form (read-only).

    >>> g = gazetteer()
    >>> g["Qarabağ"], g["Üzeyir Hacıbəyli"], g["Xəzər dənizi"]
    ('Karabakh', 'Uzeyir Hajibeyli', 'Caspian Sea')
    """
    return MappingProxyType(_load()[0])


def _spelled_as_abbreviation(word: str) -> bool:
    """Whether a plain ASCII word in capitals is kept as an abbreviation when romanising.

    Stricter than :func:`~diplolib.az.inflect`'s guess, which hyphenates any short
    unknown word in capitals: here a word in capitals (``QUBADA``, ``XACMAZ``) is
    romanised unless it is a known abbreviation, has three letters or fewer, or
    cannot be said as a word.

    >>> [_spelled_as_abbreviation(w) for w in ("SOCAR", "CNN", "COP", "QUBADA", "QAXDA")]
    [True, True, True, False, False]
    """
    folded = word.lower()
    return (
        abbreviation_key(folded) in KNOWN_ABBREVIATIONS
        or len(word) <= 3
        or not is_pronounceable(folded)
    )


def _is_az_word(word: str, assume_az: bool) -> bool:
    if any(char not in _AZ_LETTERS for char in word):
        return False
    small = word.lower()
    if small in _english_words():
        return False  # Türkiye, Erdoğan: English forms that keep a Turkish letter
    if any(char in AZ_ONLY_LETTERS for char in word):
        return _FOREIGN_PATTERN.search(small) is None
    if not assume_az or not any(char in _CHANGING for char in word):
        return False
    if word.isupper() and _spelled_as_abbreviation(word):
        return False  # COP, CNN, SOCAR: an abbreviation keeps its letters
    if _ENGLISH_PATTERN.search(small):
        return False
    return any(char in "cqx" for char in small)


def _reads_as_azerbaijani(words: list[str]) -> bool:
    """Whether a text of ``words`` is Azerbaijani rather than English quoting Azerbaijani.

    Azerbaijani when its small-letter words with Azerbaijani letters (``və``,
    ``dənizi``, ``-cü``) outnumber its English function words, or when it has no
    English function word and at least as many words with Azerbaijani letters as
    without (``Cəfərov Qazaxda``; not ``Xi Jinping visits Bakı``).
    """
    marked = small_marked = plain = english = 0
    for word in words:
        if AZ_ONLY_LETTERS.isdisjoint(word):
            plain += 1
            if word.lower() in _ENGLISH_FUNCTION_WORDS:
                english += 1
        elif _is_az_word(word, False):
            marked += 1
            small_marked += word.islower()
    if small_marked > english:
        return True
    return english == 0 and marked > 0 and marked >= plain


def _transliterate(word: str) -> str:
    small = casefold(word)
    if small == "bəy":
        return _apply_case(word, "bey")
    if small.endswith("zadə"):
        word = word[:-1] + ("E" if word[-1] == "Ə" else "e")
    shouting = len(word) > 1 and word.isupper()
    out: list[str] = []
    for char in word:
        if char in _LOWER_MAP:
            out.append(_LOWER_MAP[char])
        elif char in _UPPER_MAP:
            mapped = _UPPER_MAP[char]
            out.append(mapped.upper() if shouting else mapped)
        else:
            out.append(char)
    return "".join(out)


def _apply_case(source: str, english: str) -> str:
    if len(source) > 1 and source.isupper():
        return english.upper()
    if source.islower():
        return english.lower()
    if source[:1].isupper() and english[:1].islower():
        return upper(english[:1]) + english[1:]
    return english


def romanize(
    text: str,
    *,
    assume_az: bool | None = True,
    names: Mapping[str, str] | None = None,
    use_gazetteer: bool = True,
) -> str:
    """Spell Azerbaijani text the customary English way; leave other text alone.

    ``names`` adds entries (Azerbaijani → English) that take precedence over the
    shipped gazetteer, for people whose own spelling differs; ``use_gazetteer=False``
    applies the rules alone. ``assume_az=False`` romanises only words with letters
    specific to Azerbaijani (use it on English text that may quote Azerbaijani
    names); ``assume_az=None`` decides from the text: ``True`` when it reads as
    Azerbaijani, ``False`` when it reads as English. Case, digits and
    punctuation are kept.

    >>> romanize("Şirvan, Xırdalan, Qax")
    'Shirvan, Khirdalan, Gakh'
    >>> romanize("Cəfərov və Hacıyev")
    'Jafarov va Hajiyev'
    >>> romanize("Bakı, Qarabağ, Heydər Əliyev Mərkəzi")
    'Baku, Karabakh, Heydar Aliyev Center'
    >>> romanize("Kür çayı və Laçın dəhlizi")
    'Kura River va Lachin corridor'
    >>> romanize("ŞƏKİ")
    'SHAKI'
    >>> romanize("Congress of the Caspian states in Gəncə")
    'Congress of the Caspian states in Ganja'
    >>> romanize("Elçin", names={"Elçin": "Elchin"})
    'Elchin'
    >>> romanize("Qax, Quba və Qusar", assume_az=None), romanize("Quba and Qax", assume_az=None)
    ('Gakh, Guba va Gusar', 'Quba and Qax')
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"romanize() takes a str, not {type(text).__name__}")
    text = normalize(text)
    index = _load()[1] if use_gazetteer else {}
    if names is not None:
        if not isinstance(names, Mapping):
            raise ArgumentTypeError(
                f"names must be a mapping of Azerbaijani to English, not {names!r:.60}"
            )
        for key, value in names.items():
            if not isinstance(key, str) or not isinstance(value, str) or not key.strip():
                raise ArgumentTypeError(
                    f"names entries must map a non-empty str to a str, got {key!r:.40}: {value!r:.40}"
                )
    if names:
        index = {**index}
        for key, candidates in _index(names).items():
            index[key] = sorted([*candidates, *index.get(key, [])], key=lambda c: -len(c[0]))
    nouns = _common_nouns() if use_gazetteer else {}
    matches = list(_WORD_RE.finditer(text))
    if assume_az is None:
        assume_az = _reads_as_azerbaijani([m.group() for m in matches])
    folded = [casefold(m.group()) for m in matches]
    out: list[str] = []
    position = 0
    i = 0
    while i < len(matches):
        match = matches[i]
        out.append(text[position : match.start()])
        if i and matches[i - 1].group()[:1].isupper() and text[position : match.start()] == " ":
            # A common noun right after a name: Laçın dəhlizi → Lachin corridor.
            noun = _match_phrase(text, matches, folded, i, nouns, assume_az)
            if noun is not None:
                english, count = noun
                if match.group()[:1].isupper():
                    english = upper(english[:1]) + english[1:]
                out.append(english)
                position = matches[i + count - 1].end()
                i += count
                continue
        replaced = _match_phrase(text, matches, folded, i, index, assume_az)
        if replaced is not None:
            english, count = replaced
            last = matches[i + count - 1]
            out.append(_apply_case(text[match.start() : last.end()], english))
            position = last.end()
            i += count
            continue
        word = match.group()
        out.append(_transliterate(word) if _is_az_word(word, assume_az) else word)
        position = match.end()
        i += 1
    out.append(text[position:])
    return "".join(out)


def _match_phrase(
    text: str,
    matches: list[re.Match[str]],
    folded: list[str],
    start: int,
    index: Mapping[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]],
    assume_az: bool,
) -> tuple[str, int] | None:
    for words, seps, english in index.get(folded[start], ()):
        end = start + len(words)
        if end > len(matches) or tuple(folded[start:end]) != words:
            continue
        gaps = tuple(
            _SEPARATOR_RE.sub(" ", text[matches[k].end() : matches[k + 1].start()])
            for k in range(start, end - 1)
        )
        if gaps != seps:
            continue
        source = text[matches[start].start() : matches[end - 1].end()]
        if not assume_az and not any(char in AZ_ONLY_LETTERS for char in source):
            continue
        return english, len(words)
    return None
