"""Azerbaijani case suffixes: vowel harmony, buffer consonants, abbreviations, overrides.

The suffix agrees with the last vowel of the word (two-way ``a``/``ə``, four-way
``ı``/``i``/``u``/``ü``). After a vowel the genitive and accusative take ``n``, the
dative and instrumental ``y``. Locative and ablative are ``-da``/``-də`` and
``-dan``/``-dən`` after any sound: Azerbaijani spelling has no ``-ta`` form.

+--------------+------------------+--------------------+-------------------+
| case         | after consonant  | after vowel        | example           |
+==============+==================+====================+===================+
| genitive     | -ın -in -un -ün  | -nın -nin -nun -nün| Lerikin, Şamaxının|
| dative       | -a -ə            | -ya -yə            | Lerikə, Şamaxıya  |
| accusative   | -ı -i -u -ü      | -nı -ni -nu -nü    | Leriki, Şamaxını  |
| locative     | -da -də          | -da -də            | Lerikdə, Şamaxıda |
| ablative     | -dan -dən        | -dan -dən          | Lerikdən, Şamaxıdan|
| instrumental | -la -lə          | -yla -ylə          | Leriklə, Şamaxıyla|
+--------------+------------------+--------------------+-------------------+

Further rules, in the order :func:`inflect` applies them:

* **Overrides** win: a mapping of case to the full form, for irregular names.
* **Several words**: only the last word takes the suffix (``Heydər Əliyevin``).
  When the name is an izafət, a noun phrase whose last word is a possessed
  noun (``Azərbaycan Respublikası``, ``Naxçıvan Sazişi``, ``Xəzər dənizi``,
  ``dəmir yolu``), the pronominal ``n`` appears before the dative, locative
  and ablative: ``Respublikasına``, ``Sazişində``, ``dənizindən``, ``yoluna``
  (the genitive ``-nın`` and accusative ``-nı`` are the after-vowel forms).
  The last word is taken for possessed when it ends in a consonant and the
  high vowel that harmonises with it (``kəmər-i``, ``yol-u``, ``görüş-ü``,
  ``Respublika-s-ı``), and also

  - it is a head noun of institutions, agreements, events and places in
    :data:`POSSESSIVE_HEADS` (``Aeroportu``, ``Sazişi``, ``dənizi``), or has an
    ending only a possessed noun has: ``-sı``/``-si``/``-su``/``-sü`` after a
    vowel, ``-lığı``/``-liyi``…, ``-ları``/``-ləri``; or
  - it is in small letters (in a name, a possessed common noun: ``boru
    kəməri``, ``Zirvə görüşü``), is not a noun whose bare form ends that way
    (``qapı``, ``körpü``, ``ordu``, ``əfəndi``), and does not follow an
    adjective (``Milli ordu``).

  - it is capitalised, follows a capitalised word and ends in a consonant and
    ``-ı``/``-u``/``-ü`` (``Xalq Bankı``, ``Qarabağ Atı``, ``Dədə Qorqud
    Dastanı``), but not in ``-lı``/``-çı`` (``Cəfər Cabbarlı``).

  A capitalised last word in ``-i`` that is none of these (``Nizami Gəncəvi``,
  ``Xaqani Şirvani``) is a name, and so are bare nouns (``Qırmızı Körpü``) and a
  single word (``Şamaxıya``, ``Gəncəyə``), except that a surname or patronymic
  in ``-oğlu``/``-qızı`` is a possessed noun (``Əmiroğluna``, ``Yusifoğlunda``,
  ``Rəşid qızına``).
  ``possessive=`` overrides the guess.
* **Abbreviations** (mostly capitals: ``NATO``, ``BMT``, ``AzTV``) and **numbers**
  take a hyphen, and the suffix follows how the abbreviation is *spoken*
  (:func:`spoken_form`), not whether it has a vowel:

  - said as a word when its consonants and vowels make a word: three letters
    only as consonant-vowel-consonant (``TAP-ın``, ``DİM-in``, ``ŞƏT-in``);
    longer ones when every consonant cluster is one Azerbaijani words have
    (``NATO-nun``, ``UNESKO-ya``, ``AŞPA-da``, ``ANAMA-ya``, ``TÜRKSOY-un``);
  - otherwise spelled letter by letter, and the suffix follows the *name of
    the last letter* (be, ce, de, te, ve, xe, ye, el, em, en, er, es, ef,
    ka, qe…; a vowel is named by itself): ``ARB-nin`` (a-er-be), ``ANS-in``
    (…es), ``İTV-yə`` (…ve), ``KTMT-nin``, ``BMT-yə``, ``BDU-nun`` (…u);
  - forms that usage has fixed against the rule are listed, each with where
    it is attested, in ``data/az_forms.json`` (``ABŞ-ın``, ``İƏT-in``), and an
    editor's :class:`~diplolib.az.FormsTable` can settle more.

  In a mixed-case abbreviation only the part from its last capital after a
  small letter counts (``AzTV``: ``TV``, te-ve, so ``AzTV-yə``). A capital
  ``I`` in an abbreviation that has no ``İ`` is a foreign ``i`` (``API-yə``,
  ``FIFA-ya``). A number follows its last spoken word: ``2024-ün`` (dörd),
  ``G20-nin`` (iyirmi), ``COP29-un`` (doqquz). With a hyphenated form the
  instrumental is the separate postposition: ``BMT ilə``.
* **Capitals**: a single word in capitals is an abbreviation (with a hyphen),
  known or not (``ANAMA-ya``, ``TƏBİB-in``), unless it is a word of a name of
  the shipped gazetteer (``BAKIDA``, ``ŞƏKİYƏ``), has a surname ending
  (``ƏLİYEVİN``, ``BAYRAMOVA``), a word an editor's table lists,
  longer than seven letters (``NAXÇIVANDA``), or initials with a surname
  (``İ.ƏLİYEVƏ``). Every word of a phrase in capitals that is not a known
  abbreviation (:data:`KNOWN_ABBREVIATIONS`) is an ordinary word, and so is a
  common noun (``proper=False``): those take the suffix in capitals and
  without a hyphen (``AZƏRBAYCAN RESPUBLİKASINDA``). ``abbreviation=`` overrides
  the guess.
* **k/q alternation**: a final ``k``/``q`` after a vowel becomes ``y``/``ğ``
  before a vowel-initial suffix in words of more than one syllable
  (``çörəyə``, ``ayağa``, ``nazirliyi``) when the word is a common noun:
  ``proper=False``, or the last word of a name that is a common noun, that is
  a noun in ``-lıq``/``-lik``/``-luq``/``-lük`` (``Birləşmiş Krallığın``,
  ``Səfirliyin``) or a word in small letters after other words. One-syllable
  words (``tank``, ``park``, ``xalq``), words ending in a consonant cluster
  (``beynəlxalq``) and the loanwords in :data:`NO_ALTERNATION` keep the
  consonant, and true proper names never alternate (``Lerikə``, ``İraqa``,
  ``Sədərəkə``).
* **Overrides**: ``overrides=`` (an entity's ``inflections``) and then
  ``table=`` (the library-wide :class:`~diplolib.az.FormsTable` an editor keeps
  in the content folder) win over every rule.
"""

from __future__ import annotations

__all__ = [
    "KNOWN_ABBREVIATIONS",
    "NO_ALTERNATION",
    "POSSESSIVE_HEADS",
    "Case",
    "inflect",
    "spoken_form",
]

import json
import re
import unicodedata
from collections.abc import Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Final

from .._resources import data_dir
from ..errors import ArgumentTypeError, InvalidArgumentError
from ._alphabet import BACK_VOWELS, FOREIGN_VOWELS, HIGH_VOWEL, VOWELS, last_vowel
from ._casing import lower, upper
from ._forms import FormsTable
from ._numbers import MAX_NUMBER, number_to_words


class Case(StrEnum):
    """The grammatical cases :func:`inflect` knows; each is also accepted as its string.

    >>> Case("dative") is Case.DATIVE
    True
    >>> [c.value for c in Case]
    ['nominative', 'genitive', 'dative', 'accusative', 'locative', 'ablative', 'instrumental']
    """

    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    LOCATIVE = "locative"
    ABLATIVE = "ablative"
    INSTRUMENTAL = "instrumental"


_ACCEPTED = ", ".join(repr(c.value) for c in Case)

# How letters are named when an abbreviation is read letter by letter.
_LETTER_NAMES: Final = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "ef", "g": "ge", "ğ": "ğe",
    "h": "he", "x": "xe", "j": "je", "k": "ka", "q": "qe", "l": "el", "m": "em",
    "n": "en", "p": "pe", "r": "er", "s": "es", "ş": "şe", "t": "te", "v": "ve",
    "y": "ye", "z": "ze", "w": "ve",
}  # fmt: skip

NO_ALTERNATION: Final = frozenset(
    {
        # Arabic loans with a long final vowel keep k/q: ittifaqı, hüququ, iştirakı.
        "ittifaq", "əxlaq", "hüquq", "iştirak", "istehlak", "idrak", "iştiyaq",
        "təbrik", "şərik", "tədqiq", "təhqiq",
        # European loans in -ik keep k: fabriki, akademiki.
        "fabrik", "akademik", "texnik", "mexanik", "klassik", "romantik", "katolik",
    }
)  # fmt: skip
"""Common nouns of several syllables whose final k/q does not alternate (``proper=False``)."""

# Irregular common nouns: only the forms that differ from the rules.
_IRREGULAR: Final[Mapping[str, Mapping[Case, str]]] = {
    "su": {Case.GENITIVE: "suyun", Case.ACCUSATIVE: "suyu"},
}

POSSESSIVE_HEADS: Final = frozenset(
    {
        # Institutions, bodies and companies.
        "fondu", "mərkəzi", "universiteti", "institutu", "akademiyası", "təşkilatı", "muzeyi",
        "bankı", "şirkəti", "cəmiyyəti", "aparatı", "parlamenti", "hökuməti", "kabineti",
        "nazirliyi", "komitəsi", "agentliyi", "xidməti", "departamenti", "idarəsi", "şöbəsi",
        "palatası", "fakültəsi", "kafedrası", "şurası", "məclisi", "assambleyası", "komissiyası",
        "məhkəməsi", "respublikası", "qurumu", "ittifaqı", "birliyi", "federasiyası",
        "assosiasiyası", "korporasiyası", "holdinqi", "partiyası", "hərəkatı", "missiyası",
        "nümayəndəliyi", "səfirliyi", "qərargahı", "ordusu", "donanması", "kolleci", "liseyi",
        "məktəbi", "gimnaziyası", "konservatoriyası", "xəstəxanası", "klinikası",
        "kitabxanası", "teatrı", "filarmoniyası", "orkestri", "ansamblı", "klubu", "qrupu",
        "nəşriyyatı", "qəzeti", "jurnalı", "kanalı", "televiziyası", "radiosu", "portalı",
        "sektoru", "orqanı", "birjası", "laboratoriyası",
        # Offices and titles.
        "prezidenti", "naziri", "səfiri", "sədri", "katibi", "rəhbəri", "müavini", "direktoru",
        "rektoru", "konsulu",
        # Agreements, documents and programmes.
        "sazişi", "protokolu", "memorandumu", "bəyannaməsi", "bəyanatı", "müqaviləsi",
        "konvensiyası", "xartiyası", "razılaşması", "qətnaməsi", "sərəncamı", "fərmanı",
        "qanunu", "konstitusiyası", "proqramı", "layihəsi", "strategiyası", "konsepsiyası",
        "planı", "hesabatı",
        # Events.
        "görüşü", "sammiti", "zirvəsi", "toplantısı", "iclası", "sessiyası", "forumu",
        "konqresi", "konfransı", "dialoqu", "prosesi", "formatı", "sərgisi", "festivalı",
        "həftəsi", "günü", "bayramı", "müsabiqəsi", "olimpiadası", "oyunları", "çempionatı",
        "turniri", "kuboku", "mükafatı", "ordeni", "medalı",
        # Routes and works.
        "kəməri", "yolu", "dəhlizi", "xətti", "magistralı", "aeroportu", "limanı", "vağzalı",
        "stansiyası", "terminalı", "körpüsü", "tuneli", "metropoliteni", "anbarı",
        # Places.
        "prospekti", "küçəsi", "bulvarı", "xiyabanı", "meydanı", "parkı", "bağı", "stadionu",
        "sarayı", "zalı", "qalası", "qülləsi", "abidəsi", "kompleksi", "binası", "məscidi",
        "kilsəsi", "türbəsi", "məqbərəsi", "rayonu", "bölgəsi", "zonası", "şəhəri", "kəndi",
        "qəsəbəsi", "vilayəti", "əyaləti", "ştatı", "ərazisi", "dənizi", "gölü", "çayı",
        "dağı", "dağları", "silsiləsi", "vadisi", "düzü", "düzənliyi", "çölü", "səhrası",
        "meşəsi", "qoruğu", "bulağı", "şəlaləsi", "körfəzi", "boğazı", "adası", "yarımadası",
        "sahili", "yatağı",
    }
)  # fmt: skip
"""Possessed head nouns (third-person possessive forms) that end names of institutions,
agreements, events, routes and places; a name ending in one takes the pronominal ``n``
(``Naxçıvan Sazişinə``), whatever its capitals."""

# Nouns whose bare (unpossessed) form ends in a consonant and a harmonising high vowel.
_BARE_NOUNS: Final = frozenset(
    {
        "qapı", "körpü", "ordu", "yazı", "ölçü", "qorxu", "sürü", "örtü", "bölgü", "sevgi",
        "bilgi", "duyğu", "ütü", "quzu", "çəki", "quyu", "qayğı", "dəri", "süngü", "tülkü",
        "əfəndi", "dayı", "bacı", "əmi", "qazı", "alqı", "satqı", "ovçu", "gəmi",
    }
)  # fmt: skip
# Adjectives met in names: a noun right after one is not possessed (Milli ordu).
_ADJECTIVES: Final = frozenset(
    {
        "böyük", "kiçik", "yeni", "köhnə", "qədim", "gözəl", "ulu", "müqəddəs", "qırmızı",
        "ağ", "qara", "yaşıl", "mavi", "sarı", "boz", "uzun", "qısa", "hündür", "milli",
        "mərkəzi", "xarici", "daxili", "beynəlxalq", "ali", "orta", "şimali", "cənubi",
        "qərbi", "şərqi", "birləşmiş", "müstəqil", "azad", "müasir", "ilk", "son", "baş",
    }
)  # fmt: skip

# Surnames and patronymics ending in oğlu (son) or qızı (daughter), both possessed nouns.
_PATRONYMIC_RE: Final = re.compile(r"(?:oğlu|qızı)$")
# Endings of adjectives, surnames and agent nouns in -lı/-çı (Cabbarlı, Dəmirçi, Ovçu).
_NOT_POSSESSED_RE: Final = re.compile(r"(?:l[ıuü]|ç[ıuü])$")
_POSSESSIVE_RE: Final = re.compile(r"(?:[aıoueəiöü]s[ıiuü]|l(?:ığı|iyi|uğu|üyü)|l(?:arı|əri))$")


def abbreviation_key(word: str) -> str:
    """A spelling key for abbreviations: lower case, dotted and dotless i alike."""
    return lower(word).replace("ı", "i")


KNOWN_ABBREVIATIONS: Final = frozenset(
    abbreviation_key(word)
    for word in (
        # International organisations, in Azerbaijani and in their own spelling.
        "UNESKO", "UNESCO", "YUNESKO", "UNİSEF", "UNICEF", "YUNİSEF", "İSESKO", "İCESCO",
        "NATO", "ATƏT", "AŞPA", "AŞ", "Aİ", "ABŞ", "GUAM", "OPEK", "OPEC", "ASEAN", "BRİKS",
        "İRENA", "FAO", "UEFA", "FİFA", "NASA", "İKAO", "ICAO", "MAQATE", "İƏT", "ŞƏT",
        "TÜRKSOY", "TÜRKPA", "AİB", "AYİB", "İNTERPOL", "AVROPOL", "ESKAP", "KOP",
        # Azerbaijani bodies and companies.
        "SOCAR", "ADA", "AZAL", "ASAN", "AMEA", "AQTA", "ADU", "BDU", "ADİU", "UNEC",
        "AZƏRTAC", "AZƏRSU", "AZƏRİŞIQ", "AZƏRENERJİ", "ARDNF", "ADY", "APA", "ANS", "İTV",
        "AZTV", "DSMF", "DTX", "ƏMDK", "ADPU", "ATU", "BANM",
    )
)  # fmt: skip
"""Abbreviations that could pass for ordinary words written in capitals.

They are taken for abbreviations (with a hyphen) even inside a phrase in
capitals (``XƏBƏR NATO-da``). Matched ignoring case and the dot of ``i``; how
each is said is decided by :func:`spoken_form`, not by this list. An
abbreviation not listed here is still recognised by the rules in the module
documentation, and ``abbreviation=True`` settles any doubtful case.
"""

# Two consonants that may end a word (sərt, dörd, xalq, kənd, dost, mətn, hökm).
_FINAL_PAIRS: Final = frozenset(
    {
        "rt", "rd", "rk", "rq", "rs", "rz", "rx", "rf", "rm", "rc", "rç", "rb", "rş", "rp", "rn",
        "lt", "lq", "lk", "ls", "lm", "lf", "lç", "ld", "lh", "nd", "nt", "nc", "nq", "nk", "ns",
        "nş", "mp", "mb", "st", "şt", "xt", "ft", "kt", "ks", "sk", "xs", "sr", "br", "tn", "km",
        "hd", "bt", "qt", "ql", "yt", "yn", "yl", "yr", "ys", "yş",
    }
)  # fmt: skip
# Two consonants that may open a loanword (plan, prezident, strategiya, kvota).
_ONSETS: Final = frozenset(
    {
        "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "kv", "ql", "qr", "pl", "pr",
        "tr", "sp", "st", "sk", "sl", "sm", "sn", "sv", "şt", "şp", "xr", "vl",
    }
)  # fmt: skip
_ALL_VOWELS: Final = frozenset(VOWELS | set(FOREIGN_VOWELS))
_VOWEL_RUNS: Final = re.compile("[" + "".join(sorted(_ALL_VOWELS)) + "]+")


def _to_case(case: object) -> Case:
    if isinstance(case, Case):
        return case
    if isinstance(case, str):
        try:
            return Case(case.strip().lower())
        except ValueError:
            pass
    raise InvalidArgumentError(f"unknown case {case!r}; accepted: {_ACCEPTED}")


def _suffix(case: Case, vowel: str, after_vowel: bool, possessive: bool) -> str:
    two = "a" if vowel in BACK_VOWELS else "ə"
    four = HIGH_VOWEL[vowel]
    if case is Case.GENITIVE:
        return ("n" if after_vowel else "") + four + "n"
    if case is Case.ACCUSATIVE:
        return ("n" if after_vowel else "") + four
    if case is Case.DATIVE:
        if possessive:
            return "n" + two
        return ("y" if after_vowel else "") + two
    if case is Case.LOCATIVE:
        return ("n" if possessive else "") + "d" + two
    if case is Case.ABLATIVE:
        return ("n" if possessive else "") + "d" + two + "n"
    return ("y" if after_vowel else "") + "l" + two  # instrumental


def looks_like_abbreviation(token: str, head: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    capitals = sum(1 for c in letters if c.isupper())
    small = len(letters) - capitals
    if capitals <= small or (capitals < 2 and len(letters) > 1):
        return False
    if small:
        return True  # mostly capitals with small letters: AzTV, AzərTAC
    folded = lower("".join(letters))
    if last_vowel(folded) is None or abbreviation_key(folded) in KNOWN_ABBREVIATIONS:
        return True
    if abbreviation_key(folded) in _abbreviation_table():
        return True
    if _in_capitals(head) or "." in token:
        return False  # a phrase in capitals (AZƏRBAYCAN RESPUBLİKASI), initials (İ.ƏLİYEV)
    # A known name or a long word written in capitals (BAKI, NAXÇIVAN) is a word;
    # an unknown short one (ANAMA, TƏBİB) an abbreviation.
    return (
        len(letters) <= _LONGEST_UNKNOWN
        and abbreviation_key(folded) not in _known_words()
        and _SURNAME_RE.search(folded) is None
    )


_LONGEST_UNKNOWN: Final = 7
"""Letters an unknown word in capitals may have and still be taken for an abbreviation."""


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Words of the names in the shipped gazetteer (people, places, countries), which in
    capitals are words, not abbreviations (``BAKI``, ``ŞƏKİ``, ``ƏLİYEV``).

    Institutions are left out (their names hold abbreviations: ``ADA Universiteti``),
    and so is anything the gazetteer itself writes in capitals (``ARDNŞ``).
    """
    raw = json.loads((data_dir() / "az_gazetteer.json").read_text(encoding="utf-8"))
    words: set[str] = set()
    for section, names in raw.items():
        if section.startswith("_") or section in ("institutions", "common_nouns"):
            continue
        for name in names:
            for word in re.findall(r"[^\W\d_]+", name):
                if word[:1].isupper() and not (len(word) > 1 and word.isupper()):
                    words.add(abbreviation_key(word))
    return frozenset(words)


# Surname endings: a word in capitals with one is a name (ƏLİYEV, BAYRAMOVA, RƏSULZADƏ).
_SURNAME_RE: Final = re.compile(r"..(?:yev|yeva|ov|ova|zadə|oğlu|qızı)$")


@lru_cache(maxsize=1)
def _abbreviation_table() -> Mapping[str, str]:
    """Established spoken forms of abbreviations, from ``data/az_forms.json`` (see ``inflect``)."""
    raw = json.loads((data_dir() / "az_forms.json").read_text(encoding="utf-8"))
    return {
        abbreviation_key(token): entry["spoken"] for token, entry in raw["abbreviations"].items()
    }


def _in_capitals(head: str) -> bool:
    """Whether the words before the last one are written in capitals."""
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def is_pronounceable(folded: str) -> bool:
    """Whether the letters of an abbreviation can be said as one Azerbaijani word.

    Three letters or fewer are said as a word only in the shape
    consonant-vowel-consonant (``TAP``, ``DİM``, ``ŞƏT``); ``ARB``, ``ANS``, ``İTV``
    are spelled. A longer one is said as a word when every consonant cluster
    is one an Azerbaijani word (or an established loanword) can have: two
    consonants at most at the start and from the loanword onsets (``pr``,
    ``st``…), at most two at the end and from the endings words have
    (``-rt``, ``-st``, ``-nd``…), and inside a cluster that splits into such an
    ending and such an onset (``TÜRK-SOY``). Any vowel at all is needed.

    >>> [is_pronounceable(w) for w in ("tap", "arb", "anama", "adnsu", "aihm", "türksoy")]
    [True, False, True, False, False, True]
    """
    shape = "".join("V" if c in _ALL_VOWELS else "C" for c in folded)
    if "V" not in shape:
        return False
    if len(folded) <= 3:
        return shape == "CVC"
    lead, *middle, tail = _VOWEL_RUNS.split(folded)
    if len(lead) > 2 or (len(lead) == 2 and lead not in _ONSETS):
        return False
    if len(tail) > 2 or (len(tail) == 2 and tail not in _FINAL_PAIRS):
        return False
    return all(_splits(run) for run in middle)


def _splits(run: str) -> bool:
    """Whether a cluster between vowels is a word ending followed by a word onset."""
    if len(run) <= 2:
        return True
    for cut in range(1, len(run)):
        coda, onset = run[:cut], run[cut:]
        if (len(coda) < 2 or (len(coda) == 2 and coda in _FINAL_PAIRS)) and (
            len(onset) < 2 or (len(onset) == 2 and onset in _ONSETS)
        ):
            return True
    return False


def _looks_possessive(head: str, last: str) -> bool:
    """Whether ``last``, after the words ``head``, is a possessed noun (see the module docs)."""
    word = lower(last).rsplit("-", 1)[-1]
    if _PATRONYMIC_RE.search(word) is not None:
        return True  # Əmiroğlu, Rəhimqızı: the surname ends in oğlu/qızı, a possessed noun
    if not head.strip():
        return False  # a single word is a name: Şamaxıya, Gəncəyə
    if len(word) < 3 or word[-2] in VOWELS or not word[-2].isalpha():
        return False
    vowel = last_vowel(word[:-1])
    if vowel is None or HIGH_VOWEL[vowel] != word[-1]:
        return False
    if word in POSSESSIVE_HEADS or _POSSESSIVE_RE.search(word) is not None:
        return True
    if word in _BARE_NOUNS:
        return False
    previous = head.split()[-1] if head.split() else ""
    if not last[:1].islower():
        # A capitalised word after a capitalised word, in -ı/-u/-ü after a consonant, ends
        # a compound name (Xalq Bankı, Qarabağ Atı, Dədə Qorqud Dastanı). In -i it may be
        # a pen name (Nizami Gəncəvi, Xaqani Şirvani), and -lı/-çı words are adjectives
        # and surnames (Cəfər Cabbarlı), so those are names.
        return word[-1] != "i" and previous[:1].isupper() and _NOT_POSSESSED_RE.search(word) is None
    return lower(previous) not in _ADJECTIVES


# Noun-forming -lıq/-lik/-luq/-lük (Krallıq, Səfirlik, nazirlik): a common noun, whatever
# its capital, so its k/q softens even at the end of a name.
_COMMON_NOUN_RE: Final = re.compile(r"l[ıiuü][kq]$")


def _common_noun_ending(head: str, last: str) -> bool:
    """Whether the last word of a name is a common noun whose final k/q softens.

    True for a word in -lıq/-lik/-luq/-lük (``Birləşmiş Krallıq``, ``Səfirlik``) and
    for a word in small letters at the end of a name of several words (``Şərq
    bazarının``... ``Xəzər sahilboyu``), the way common nouns are written in names.
    """
    word = lower(last)
    if _COMMON_NOUN_RE.search(word) is not None:
        return True
    return bool(head.strip()) and last[:1].islower()


def _alternates(word: str) -> bool:
    if len(word) < 3 or word[-1] not in "kq" or word[-2] not in VOWELS:
        return False
    if sum(1 for c in word if c in VOWELS) < 2:
        return False
    stem = word.rsplit("-", 1)[-1]
    return stem not in NO_ALTERNATION


def inflect(
    word: str,
    case: Case | str,
    *,
    proper: bool = True,
    possessive: bool | None = None,
    abbreviation: bool | None = None,
    overrides: Mapping[Case | str, str] | None = None,
    table: FormsTable | None = None,
) -> str:
    """Put an Azerbaijani name or noun in a grammatical case.

    ``case`` is a :class:`Case` or one of ``"nominative"``, ``"genitive"``,
    ``"dative"``, ``"accusative"``, ``"locative"``, ``"ablative"``,
    ``"instrumental"``. ``proper=False`` treats ``word`` as a common noun
    (k/q alternation, irregular nouns). ``possessive`` and ``abbreviation``
    override the guesses described in the module documentation; ``overrides``
    maps a case to the full form to return (irregular names), and ``table``
    is an editor's :class:`~diplolib.az.FormsTable` of established forms.

    >>> inflect("Lerik", "dative"), inflect("Şamaxı", "dative")
    ('Lerikə', 'Şamaxıya')
    >>> inflect("Heydər Əliyev", "genitive")
    'Heydər Əliyevin'
    >>> inflect("Azərbaycan Respublikası", "locative")
    'Azərbaycan Respublikasında'
    >>> inflect("Naxçıvan Sazişi", "dative"), inflect("Bakı–Tbilisi–Qars dəmir yolu", "dative")
    ('Naxçıvan Sazişinə', 'Bakı–Tbilisi–Qars dəmir yoluna')
    >>> inflect("Nizami Gəncəvi", "dative"), inflect("Mərkəzi Asiya", "dative")
    ('Nizami Gəncəviyə', 'Mərkəzi Asiyaya')
    >>> inflect("UNESKO", "genitive"), inflect("KTMT", "genitive"), inflect("AŞPA", "locative")
    ('UNESKO-nun', 'KTMT-nin', 'AŞPA-da')
    >>> inflect("ABŞ", "genitive"), inflect("ATƏT", "genitive"), inflect("MDB", "genitive")
    ('ABŞ-ın', 'ATƏT-in', 'MDB-nin')
    >>> inflect("ARB", "genitive"), inflect("ANAMA", "dative"), inflect("Əmiroğlu", "dative")
    ('ARB-nin', 'ANAMA-ya', 'Əmiroğluna')
    >>> inflect("Birləşmiş Krallıq", "genitive"), inflect("Səfirlik", "genitive")
    ('Birləşmiş Krallığın', 'Səfirliyin')
    >>> inflect("çörək", "dative", proper=False), inflect("ayaq", "dative", proper=False)
    ('çörəyə', 'ayağa')
    >>> inflect("BAKI", "locative"), inflect("AZƏRBAYCAN RESPUBLİKASI", "dative")
    ('BAKIDA', 'AZƏRBAYCAN RESPUBLİKASINA')
    >>> inflect("Bakı", "vocative")
    Traceback (most recent call last):
    ...
    diplolib.errors.InvalidArgumentError: unknown case 'vocative'; accepted: 'nominative', 'genitive', 'dative', ...
    """
    if not isinstance(word, str):
        raise ArgumentTypeError(f"inflect() takes the word as a str, not {type(word).__name__}")
    target = _to_case(case)
    text = unicodedata.normalize("NFC", word).strip()
    if not text:
        raise InvalidArgumentError(
            "inflect() got an empty word; pass a name or noun such as 'Bakı'"
        )
    settled = _settled_form(text, target, overrides, table)
    if settled is not None:
        return settled
    head, space, last = text.rpartition(" ")
    prefix = head + space
    if last[-1].isdigit():
        return prefix + _inflect_number(last, target)
    if not last[-1].isalpha():
        raise InvalidArgumentError(
            f"cannot inflect {word!r}: it ends in {last[-1]!r}; pass the bare name, "
            "without punctuation or quotes, or give the form in overrides"
        )
    folded = lower(last)
    if abbreviation is None:
        is_abbreviation = proper and looks_like_abbreviation(last, head)
        if is_abbreviation and table is not None and table.is_word(last):
            is_abbreviation = table.spoken(last) is not None
    else:
        is_abbreviation = abbreviation
    if is_abbreviation or last_vowel(folded) is None:
        return prefix + _inflect_abbreviation(last, target, table)
    if not proper:
        irregular = _IRREGULAR.get(folded, {}).get(target)
        if irregular is not None:
            return prefix + _match_case(last, irregular)
    if possessive is None:
        possessive = _looks_possessive(head, last)
    elif possessive and folded[-1] not in "ıiuü":
        raise InvalidArgumentError(
            f"{last!r} cannot be a possessive form: it does not end in ı, i, u or ü"
        )
    vowel = last_vowel(folded)
    assert vowel is not None
    after_vowel = folded[-1] in VOWELS or folded[-1] in "áàâäãåéèêëíìîïóòôõøúùû"
    suffix = _suffix(target, vowel, after_vowel, possessive)
    stem = last
    softens = not proper or _common_noun_ending(head, last)
    if softens and not possessive and suffix[0] in VOWELS and _alternates(folded):
        soft = {"k": "y", "q": "ğ", "K": "Y", "Q": "Ğ"}
        stem = last[:-1] + soft[last[-1]]
    if last.isupper() and len(last) > 1:
        suffix = upper(suffix)
    return prefix + stem + suffix


def _settled_form(
    text: str,
    target: Case,
    overrides: Mapping[Case | str, str] | None,
    table: FormsTable | None,
) -> str | None:
    """The form fixed by the caller's overrides, the nominative, or the editor's table."""
    if overrides is not None:
        if not isinstance(overrides, Mapping):
            raise ArgumentTypeError(
                f"overrides must be a mapping of case to form, not {type(overrides).__name__}"
            )
        forms = {_to_case(key): value for key, value in overrides.items()}
        for key, value in forms.items():
            if not isinstance(value, str) or not value.strip():
                raise ArgumentTypeError(
                    f"overrides[{key.value!r}] must be a non-empty str (the inflected form), "
                    f"not {value!r:.60}"
                )
        if target in forms:
            return forms[target]
    if target is Case.NOMINATIVE:
        return text
    if table is not None:
        return table.form(text, target.value)
    return None


def _match_case(source: str, form: str) -> str:
    if source.isupper():
        return upper(form)
    if source[:1].isupper():
        return upper(form[:1]) + form[1:]
    return form


def _inflect_number(token: str, case: Case) -> str:
    digits = re.search(r"\d+$", token)
    assert digits is not None
    value = int(digits.group())
    if value > MAX_NUMBER:
        raise InvalidArgumentError(
            f"cannot inflect {token!r}: numbers above {MAX_NUMBER} are not spelled"
        )
    spoken = number_to_words(value).rsplit(" ", 1)[-1]
    return _hyphenated(token, spoken, case)


def _inflect_abbreviation(token: str, case: Case, table: FormsTable | None = None) -> str:
    return _hyphenated(token, spoken_form(token, table=table), case)


def spoken_form(token: str, *, table: FormsTable | None = None) -> str:
    """How an abbreviation is said, as far as its case suffix is concerned.

    An established form wins (an editor's ``table``, then the shipped list in
    ``data/az_forms.json``); otherwise an abbreviation that can be said as a
    word is that word, and an initialism is the name of its last letter.

    >>> spoken_form("NATO"), spoken_form("ARB"), spoken_form("KTMT"), spoken_form("ABŞ")
    ('nato', 'be', 'te', 'abş')
    >>> spoken_form("AzTV"), spoken_form("BDU")
    ('ve', 'u')
    """
    if table is not None:
        spoken = table.spoken(token)
        if spoken is not None:
            return spoken
    established = _abbreviation_table().get(abbreviation_key(token))
    if established is not None:
        return established
    letters = _abbreviation_letters(token)
    if not letters:
        raise InvalidArgumentError(
            f"cannot tell how {token!r} is pronounced; give its forms in overrides"
        )
    if is_pronounceable(letters):
        return letters  # said as a word
    last = letters[-1]
    spoken = _LETTER_NAMES.get(last, last)
    if last_vowel(spoken) is None:
        raise InvalidArgumentError(
            f"cannot tell how {token!r} is pronounced; give its forms in overrides"
        )
    return spoken


def _abbreviation_letters(token: str) -> str:
    """The lower-case letters of the part of an abbreviation that decides how it is read.

    That is the part from the last capital after a small letter (``AzTV`` → ``tv``),
    the whole token otherwise; a capital ``I`` is ``i`` when the token has no ``İ``.
    """
    start = 0
    for index in range(1, len(token)):
        if token[index].isupper() and token[index - 1].islower():
            start = index
    part = token[start:]
    if "I" in part and "İ" not in token:
        part = part.replace("I", "i")
    return "".join(c for c in lower(part) if c.isalpha())


def _hyphenated(token: str, spoken: str, case: Case) -> str:
    if case is Case.INSTRUMENTAL:
        return f"{token} ilə"
    vowel = last_vowel(spoken)
    if vowel is None:
        raise InvalidArgumentError(f"the spoken form {spoken!r} of {token!r} has no vowel")
    return f"{token}-{_suffix(case, vowel, spoken[-1] in _ALL_VOWELS, False)}"
