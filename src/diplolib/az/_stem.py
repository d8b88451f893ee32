"""An Azerbaijani stemmer for search: inflectional endings off, derivation kept.

:func:`stem` runs :func:`~diplolib.az.inflect` backwards. It strips, from the end
of a word and one at a time, the endings inflection adds:

* **nominal**: plural ``-lar``/``-lər``; possessives (``-ın``, ``-ı``,
  ``-sı`` after a vowel, ``-ımız``, ``-ınız``); cases (``-ın``/``-nın``,
  ``-a``/``-ya``, ``-ı``/``-nı``, ``-da``, ``-dan``, ``-la``/``-yla``) including
  the pronominal ``n`` after a possessive (``-na``, ``-nda``, ``-ndan``); the
  relative ``-kı``/``-ki`` (``Astanadakı``); the copula ``-dır``/``-dir``/``-dur``/``-dür``;
* **verbal**, the forms news prose is written in: past ``-dı`` (``-dılar``,
  ``-dıq``), evidential ``-mış``, converb ``-ıb``/``-yıb``, future ``-acaq``/``-əcək``,
  present ``-ır``/``-yır``, infinitive ``-maq``/``-mək``, verbal noun ``-ması``/``-məsi``,
  necessity ``-malı``/``-məli``, converb ``-araq``/``-ərək`` and the participle
  ``-an``/``-ən`` after a passive ``l``/``n`` (``keçirilən``, ``imzalanan``).

An ending comes off only when

* its vowels agree with the last vowel left (vowel harmony), and its buffer
  consonant matches what is left: ``-nın``, ``-ya``, ``-sı``, ``-yır`` after a
  vowel, ``-ın``, ``-a``, ``-ı``, ``-ır`` after a consonant;
* what is left has at least three letters and a vowel, or is a known stem of two
  (``ad``, ``ev``, ``et``, ``ol``);
* the word is not already a **known stem**: a word of a name in the gazetteer
  (``Gəncə`` does not become ``gənc``), a word of the built-in lexicon (common
  words whose last letters look like endings: ``nazir``, ``müdir``, ``ilə``, and
  verb stems such as ``bildir``, ``keçir``), or one the caller adds (the
  :mod:`diplolib.search` index adds the names of the library's entities).

The **k/q alternation** is undone on what is left: a final ``ğ`` is read as
``q`` (``ayağ`` → ``ayaq``) and a final ``y`` after a front vowel in a word of
two or more syllables as ``k`` (``çörəy`` → ``çörək``, ``nazirliy`` → ``nazirlik``),
unless that form is a known stem (``Gədəbəy``, ``Göyçay``). The same reading is
applied to uninflected words, so every form of one word gives one stem, even
for a word whose dictionary form ends in ``ğ`` (``dağ``, ``dağda`` and ``dağı`` all
give ``daq``): a stem is an index key, not always a dictionary form.

Derivational suffixes are never stripped: ``tərəfdaşlıq`` and ``tərəfdaş``,
``bərabərlik`` and ``bərabər`` stay apart.

A word with a hyphenated ending (``TÜRKSOY-un``, ``2009-cu``, ``TDT-nin``) stems to
the stem of its part before the hyphen.
"""

from __future__ import annotations

__all__ = ["KNOWN_STEMS", "Stemmer", "stem"]

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from ..errors import ArgumentTypeError
from ._alphabet import BACK_VOWELS, FRONT_VOWELS, HIGH_VOWEL, VOWELS, last_vowel
from ._casing import casefold

# Templates: A is the two-way vowel (a/ə), I the four-way one (ı/i/u/ü), K the
# final k/q of -dıq, -acaq, -maq, -araq (q after a back vowel, k after a front one).
# The condition says what the stem must end in: V a vowel, C a consonant, * either,
# H a high vowel (the pronominal n follows a possessive: -sına, -ində), L a locative or
# genitive (-dakı, -nınkı), P a vowel and a passive l or n (the participle -an is
# stripped only there), D and M a consonant or the -la/-lə of a verb (the past -dı and
# the verbal noun -ma: etdi, başladı, bölmə, imzalama; not the noun in məscidi, foruma).
_NOMINAL: Final = (
    ("lAr", "*"),
    ("In", "C"), ("n", "V"), ("I", "C"), ("sI", "V"),
    ("ImIz", "C"), ("mIz", "V"), ("InIz", "C"), ("nIz", "V"),
    ("nIn", "V"), ("A", "C"), ("yA", "V"), ("nA", "H"), ("nI", "V"),
    ("dA", "*"), ("ndA", "H"), ("dAn", "*"), ("ndAn", "H"), ("lA", "C"), ("ylA", "V"),
    ("kI", "L"), ("dIr", "*"),
)  # fmt: skip
_VERBAL: Final = (
    ("dI", "D"), ("dIK", "D"), ("mIş", "*"), ("Ib", "C"), ("yIb", "V"),
    ("AcAK", "C"), ("yAcAK", "V"), ("Ir", "C"), ("yIr", "V"), ("mAK", "*"), ("mA", "M"),
    ("mAlI", "*"), ("ArAK", "C"), ("yArAK", "V"), ("An", "P"),
)  # fmt: skip
# The passive (-ıl after a consonant, -ın after l, -n after a vowel), stripped only from a
# verb stem, after another verbal ending: keçirildi → keçiril → keçir.
_PASSIVE: Final = (("Il", "C"), ("In", "l"), ("n", "V"))
# Endings a number or an abbreviation takes after a hyphen: the cases and the ordinal.
_ORDINAL: Final = ("cI", "IncI", "ncI")

KNOWN_STEMS: Final = frozenset(
    {
        # Function words and short words an ending would cut into another word.
        "və", "ilə", "da", "də", "ki", "bu", "o", "bir", "hər", "heç", "ya", "yaxud",
        "amma", "lakin", "ancaq", "həm", "isə", "bəzi", "digər", "başqa", "belə", "elə",
        "hansı", "necə", "niyə", "nə", "kimi", "qədər", "sonra", "əvvəl", "indi", "artıq",
        "daha", "ən", "çox", "az", "hələ", "yenə", "öncə", "həftə", "dünən", "bugün", "bəli", "xeyr", "əgər", "çünki",
        "üçün", "görə", "dair", "qarşı", "sarı", "doğru", "ona", "onu", "onun", "onlar", "biz",
        "siz", "mən", "sən", "özü", "öz", "hamı", "bütün", "ümumi", "il", "ay", "gün",
        "ana", "ata", "yol",
        # Stems of two letters (a shorter stem is kept only when it is known).
        "ad", "ev", "su", "iş", "üz", "əl", "ət", "ox", "ov", "un", "ağ", "öl", "aç", "iç",
        "uç", "ək", "ax", "at", "as", "ye", "şu",
        # Nouns whose last letters look like an ending.
        "nazir", "müdir", "vəzir", "səfir", "tədbir", "zəncir", "təsir", "dövr",
        "məhkəmə", "qazan", "mələk", "qala", "qara", "hava", "dava", "dünya", "sahə", "şöbə", "xəritə", "dəfə",
        "ölkə", "şəhər", "kənd", "mərkəz", "ərazi", "sənəd", "sənaye", "səviyyə",
        "imza", "təhsil", "mədəniyyət", "dövlət", "millət", "siyasət", "iqtisadiyyat",
        "ədalət", "hökumət", "ictimai", "təşkilat", "prezident", "parlament", "məclis",
        "sədr", "üzv", "iclas", "forum", "sammit", "zirvə", "görüş", "səfər", "danışıq",
        "tərəf", "tərəfdaş", "əlaqə", "münasibət", "əməkdaşlıq", "sülh", "təhlükəsizlik",
        "müstəqillik", "bayraq", "bayram", "tarix", "mədən", "meydan", "insan", "zaman",
        "dəniz", "liman", "aeroport", "festival", "konfrans", "sərgi", "layihə", "proqram",
        "qərar", "qanun", "fərman", "sərəncam", "bəyanat", "müqavilə", "saziş", "ittifaq",
        "alma", "ulduz", "yazı", "qapı", "ordu", "körpü", "gəmi", "sevgi", "bilgi",
        "səsvermə", "seçki", "hərbi", "milli", "xarici", "daxili", "beynəlxalq", "regional",
        "saray", "çay", "bəy", "tramvay", "hokkey", "xokkey", "kolley", "muzey", "jurnal",
        "ümid", "ömür", "gəlir", "gəlin", "dağ", "bağ", "yağ", "sağ", "sol", "orta",
        # Nouns in a vowel and -s, whose -ı reads as the possessive -sı after a vowel.
        "əsas", "proses", "kongres", "status", "bonus", "virus", "qəfəs", "səs", "nəfəs",
        "kurs", "pasport", "tennis", "ingilis", "fransız", "rus", "qafqaz",
        "korpus", "sinus", "kosinus", "məhbus", "paris", "tunis", "kipr", "ərəbistan",
        # Capitals and cities abroad that the gazetteer does not hold.
        "astana", "ankara", "tbilisi", "tehran", "kiyev", "minsk", "bişkek", "düşənbə",
        "vaşinqton", "london", "berlin", "roma", "brüssel", "vyana", "cenevrə",
        "pekin", "tokio", "dehli", "islamabad", "ər-riyad", "doha", "dubay", "qahirə",
        "praqa", "varşava", "budapeşt", "belqrad", "sofiya", "buxarest", "kişinyov", "riqa",
        "vilnüs", "tallin", "helsinki", "stokholm", "oslo", "kopenhagen", "madrid",
        "lissabon", "afina", "nyu-york", "ottava", "seul", "cakarta", "kabul", "bağdad",
        # Nouns in -k whose forms before a vowel (-yə, -yi) read as a buffer y, and nouns
        # in -d whose forms before a vowel (-də, -di) read as the locative or the past.
        "çörək", "ürək", "dəstək", "kömək", "gerçək", "örnək", "bəzək", "dilək", "istək",
        "çiçək", "külək", "köynək", "əmək", "ipək", "yemək", "ərzaq", "inək", "təşəbbüs",
        "sərhəd", "məqsəd", "həd", "cəsəd", "vahid", "şahid", "məbəd", "maddə", "müddət",
        "fond", "bənd", "qənd", "dərd", "ord", "məscid", "metod", "period", "zavod",
        "kod", "ordubad", "abad", "cihad", "forma", "firma", "norma", "reforma", "platforma",
        "sxema", "tema", "dilemma", "drama", "panorama", "ittihad", "iqtisad", "sovad", "fəsad", "əqid",
        # Nouns in -m after a consonant or -lam, -ləm, whose -a reads as the verbal noun -ma.
        "elm", "rəsm", "hökm", "cism", "həcm", "ism", "zülm", "islam", "salam", "kəlam",
        "qələm", "aləm", "ələm", "film", "alim", "təlim", "ritm", "alqoritm", "turizm",
        "terrorizm", "separatizm", "mexanizm", "orqanizm", "realizm", "kapitalizm",
        "ədəd", "tədqiqat", "vəd", "dəqiq", "mücərrəd", "müəyyən", "səməd", "əhməd",
        "məhəmməd", "mahmud", "davud", "fərhad", "səid", "rəşid", "vəhid",
        # Verb stems that end like a tense: causatives and passives in -ır, -dır, -ıl, -n.
        "bildir", "keçir", "göndər", "gətir", "yetir", "çatdır", "artır", "qaldır",
        "göstər", "götür", "yaxşılaşdır", "gücləndir", "genişləndir", "müəyyənləşdir",
        "dəyərləndir", "təqdir", "düşün", "çalış", "danış", "qarşıla",
        "imzala", "başla", "bağla", "yarat", "apar", "oxu", "yaz", "ver", "al", "et",
        "ol", "de", "gəl", "get", "gör", "bil", "qal", "sal", "çıx", "gir", "otur",
    }
)  # fmt: skip
"""Built-in stems :func:`stem` never cuts further (stored case-folded and with a final
``ğ`` read as ``q``); the gazetteer's names and a :class:`Stemmer`'s own words join them."""

# The stem left by an ending on a verb whose final t turns into d before a vowel,
# and one whose stem vowel gets a buffer y: edir, gedir, deyir.
_IRREGULAR: Final = {"ed": "et", "ged": "get", "dey": "de", "yarad": "yarat"}
_WORD_LETTERS: Final = re.compile(r"[^\W\d_]+")
_SEPARATORS: Final = "-‐‑'’"
_MARKS: Final = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _harmonise(template: str, vowel: str) -> str:
    """Spell a suffix template after a stem whose last vowel is ``vowel``."""
    out: list[str] = []
    previous = vowel
    for char in template:
        if char == "A":
            previous = "a" if previous in BACK_VOWELS else "ə"
            out.append(previous)
        elif char == "I":
            previous = HIGH_VOWEL[previous]
            out.append(previous)
        elif char == "K":
            out.append("q" if previous in BACK_VOWELS else "k")
        else:
            if char in VOWELS:
                previous = char
            out.append(char)
    return "".join(out)


# Kinds of ending: nominal, verbal, and the passive (verbal, and only after a verbal one).
_NOUN, _VERB, _PASS = 0, 1, 2


def _expand(
    templates: Iterable[tuple[str, str]], kind: int = _NOUN
) -> dict[str, set[tuple[str, str, int]]]:
    """Concrete suffix → the (condition, last vowel of the stem, kind) it is valid with."""
    table: dict[str, set[tuple[str, str, int]]] = {}
    for template, condition in templates:
        for vowel in sorted(VOWELS):
            table.setdefault(_harmonise(template, vowel), set()).add((condition, vowel, kind))
    return table


def _merge(
    *tables: dict[str, set[tuple[str, str, int]]],
) -> dict[str, dict[str, tuple[tuple[str, int], ...]]]:
    """Concrete suffix → last vowel of the stem → the (condition, kind) readings."""
    merged: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for table in tables:
        for suffix, entries in table.items():
            for condition, vowel, kind in entries:
                merged.setdefault(suffix, {}).setdefault(vowel, []).append((condition, kind))
    # Verbal readings first, so that a stem reached through a verb ending stays verbal.
    return {
        suffix: {v: tuple(sorted(set(r), key=lambda x: (-x[1], x[0]))) for v, r in by.items()}
        for suffix, by in merged.items()
    }


_SUFFIXES: Final = _merge(_expand(_NOMINAL), _expand(_VERBAL, _VERB), _expand(_PASSIVE, _PASS))
# Last letter → the lengths of the endings that end in it, longest first.
_LENGTHS: Final = {
    last: tuple(sorted({len(s) for s in _SUFFIXES if s[-1] == last}, reverse=True))
    for last in {s[-1] for s in _SUFFIXES}
}
# Endings that may follow a hyphen: a case chain or an ordinal (harmony ignored:
# after an abbreviation it follows the letters' names, not the written vowels).
_TAIL_PARTS: Final = frozenset(_expand((*_NOMINAL, *((t, "*") for t in _ORDINAL))))
_TAIL_MAX: Final = max(len(s) for s in _TAIL_PARTS)


@lru_cache(maxsize=4096)
def _is_tail(tail: str) -> bool:
    """Whether ``tail`` is a chain of endings, as after ``TÜRKSOY-`` or ``2009-``."""
    if not tail:
        return True
    return any(
        tail[:length] in _TAIL_PARTS and _is_tail(tail[length:])
        for length in range(min(_TAIL_MAX, len(tail)), 0, -1)
    )


def _syllables(word: str) -> int:
    return sum(1 for char in word if char in VOWELS)


def _fits(remainder: str, condition: str) -> bool:
    last = remainder[-1]
    if condition == "*":
        return True
    if condition == "V":
        return last in VOWELS
    if condition == "C":
        return last not in VOWELS
    if condition == "H":
        return last in "ıiuü"
    if condition == "l":
        return last == "l"
    if condition in "DM":
        return last not in VOWELS or remainder.endswith(("la", "lə"))
    if condition == "L":
        return remainder.endswith(("da", "də", "ın", "in", "un", "ün"))
    return last in "ln" and len(remainder) > 1 and remainder[-2] in VOWELS  # P


def _canon(word: str) -> str:
    """Read a final ``ğ`` as ``q`` (the alternation's dictionary form)."""
    return word[:-1] + "q" if word.endswith("ğ") else word


def _fold_known(words: Iterable[str]) -> frozenset[str]:
    """Case-folded known stems from names: a one-word name, or a longer name's first word.

    The other words of a longer name are mostly common nouns, often possessed or
    plural (``Azərbaycan Respublikası``, ``Müstəqil Dövlətlər Birliyi``): a known
    stem there would stop ``Respublikasının`` at ``respublikası`` while
    ``respublika`` goes on. A first word that looks possessed or plural is skipped
    too (``Nazirlər Kabineti``).
    """
    folded: set[str] = set()
    for phrase in words:
        found = _WORD_LETTERS.findall(casefold(phrase))
        if len(found) == 1 or (
            found and found[0][-1] not in "ıiuü" and not found[0].endswith(("lar", "lər"))
        ):
            folded.add(_canon(found[0]))
    return frozenset(folded)


@lru_cache(maxsize=1)
def _gazetteer_stems() -> frozenset[str]:
    from ._romanize import gazetteer

    return _fold_known(gazetteer())


class Stemmer:
    """An Azerbaijani stemmer with its own known stems on top of the built-in ones.

    ``known`` are words (or phrases, split into words) never cut further, for
    names of the content being indexed: a shop name ``Ana`` or a village ``Qala``.
    Stems are cached per stemmer.

    >>> Stemmer().stem("Şəkidə")
    'şəki'
    >>> Stemmer(known=["Bakıda Kitab"]).stem("bakıdanın"), Stemmer().stem("Bakıdanın")
    ('bakıda', 'bakı')
    """

    def __init__(self, known: Iterable[str] = (), *, use_gazetteer: bool = True) -> None:
        if isinstance(known, str):
            raise ArgumentTypeError("known must be an iterable of words, not a single str")
        extra = _fold_known(known)
        base = KNOWN_STEMS | (_gazetteer_stems() if use_gazetteer else frozenset())
        self._known: frozenset[str] = base | extra
        self.stem = lru_cache(maxsize=65536)(self._stem)  # type: ignore[method-assign]

    @property
    def known(self) -> frozenset[str]:
        """The known stems, case-folded.

        >>> "gəncə" in Stemmer().known, "gəncə" in Stemmer(use_gazetteer=False).known
        (True, False)
        """
        return self._known

    @staticmethod
    def is_ending(tail: str) -> bool:
        """Whether ``tail`` (case-folded) is a chain of endings a hyphen may take.

        ``TÜRKSOY-un``, ``2009-cu``, ``BMT-nin`` are one word; ``Azərbaycan-Türkiyə`` two.

        >>> Stemmer.is_ending("un"), Stemmer.is_ending("cu"), Stemmer.is_ending("türkiyə")
        (True, True, False)
        """
        return _is_tail(tail)

    def stem(self, word: str) -> str:
        """The stem of one word (case-folded first).

        >>> Stemmer().stem("TÜRKSOY-un"), Stemmer().stem("çörəyi")
        ('türksoy', 'çörək')
        """
        return self._stem(word)  # pragma: no cover - replaced per instance by a cached copy

    def _stem(self, word: str) -> str:
        if not isinstance(word, str):
            raise ArgumentTypeError(f"stem() takes a str, not {type(word).__name__}")
        folded = casefold(word)
        if not folded.isalnum():
            folded = _MARKS.sub("", folded)  # a stray combining mark is no part of a stem
        for separator in _SEPARATORS:
            if separator in folded:
                head, _, tail = folded.rpartition(separator)
                if head and _is_tail(tail):
                    return self._stem(head)
        return self._strip(folded)

    def _strip(self, word: str) -> str:
        word = self._alternate(_canon(word))
        known = self._known
        verbal = False
        while word not in known:
            cut = self._cut(word, verbal)
            if cut is None:
                break
            word, verbal = cut
        return _IRREGULAR.get(word, word)

    def _alternate(self, word: str) -> str:
        """Read a final front vowel + ``y`` of a word of two or more syllables as ``k``.

        Only ``k`` turns into ``y``, and only after a front vowel; after a back vowel
        ``q`` turns into ``ğ`` (``ayağa``), so ``saray`` and ``-maya`` keep their ``y``.
        """
        if (
            len(word) > 2
            and word[-1] == "y"
            and word[-2] in FRONT_VOWELS
            and word not in self._known
            and _syllables(word) >= 2
        ):
            return word[:-1] + "k"
        return word

    def _cut(self, word: str, verbal: bool) -> tuple[str, bool] | None:
        """The word with its last ending off and whether that ending was verbal, or ``None``.

        Once a verbal ending is off only verbal ones (and the passive) may follow: a
        verb stem takes no case (``yollandı`` keeps its ``-la``). Several endings may
        fit (``-ya`` after a vowel, or ``-a`` after a ``y`` that was a ``k``): a known
        stem wins, then the alternation after the suffixes that produce it (``-lıq``,
        ``-dıq``, ``-acaq``, ``-maq``), then a possessive ``-sı`` before a stem in a
        vowel and ``s``, then the longest ending.
        """
        known = self._known
        found: list[tuple[str, bool]] = []
        longest = len(word) - 2
        for length in _LENGTHS.get(word[-1], ()):
            if length > longest:
                continue
            entries = _SUFFIXES.get(word[-length:])
            if entries is None:
                continue
            remainder = word[:-length]
            vowel = last_vowel(remainder)
            if vowel is None:
                continue
            # A known stem takes the past, the verbal noun and -kı whatever its last
            # letter (dedi, yemə, sonrakı); buffer consonants are never waived.
            is_known = remainder in known or remainder in _IRREGULAR
            for condition, kind in entries.get(vowel, ()):
                if (kind == _VERB or (kind == _NOUN) != verbal) and (
                    (is_known and condition in "DML") or _fits(remainder, condition)
                ):
                    found.append((remainder, kind != _NOUN))
                    break
        if not found:
            return None
        readings = [(self._alternate(_canon(r)), r, kind) for r, kind in found]
        for reading, raw, kind in readings:
            if reading in known or raw in _IRREGULAR:
                return reading, kind
        readings = [r for r in readings if len(r[0]) > 2]
        if not readings:
            return None
        for reading, raw, kind in readings:
            if raw.endswith("y") and _ALTERNATING.search(raw):
                return reading, kind
        for reading, raw, kind in readings:
            if _POSSESSED.search(raw):
                return reading, kind  # ölkəsi-n, olması-n: the possessive -sı before a vowel-s stem
        return readings[0][0], readings[0][2]


_ALTERNATING: Final = re.compile(r"(?:[ld][iü]|əcə|mə)y$")
_POSSESSED: Final = re.compile(r"[aıoueəiöü]s[ıiuü]$")


@lru_cache(maxsize=1)
def _default() -> Stemmer:
    return Stemmer()


def stem(word: str) -> str:
    """The search stem of an Azerbaijani word: inflectional endings off, k/q restored.

    >>> [stem(w) for w in ["Culfada", "Saatlıya", "Şamaxının", "Ağdərənin", "Ağdərə"]]
    ['culfa', 'saatlı', 'şamaxı', 'ağdər', 'ağdər']
    >>> stem("TÜRKSOY-un"), stem("2009-cu"), stem("TDT-nin")
    ('türksoy', '2009', 'tdt')
    >>> stem("nazirliyi"), stem("ayağa"), stem("keçirilən"), stem("keçirildi")
    ('nazirlik', 'ayaq', 'keçir', 'keçir')
    >>> stem("tərəfdaşlığı"), stem("tərəfdaş"), stem("bərabərliyi"), stem("bərabər")
    ('tərəfdaşlıq', 'tərəfdaş', 'bərabərlik', 'bərabər')
    """
    return _default().stem(word)
