"""Bilingual search: the analyzer a full-text index needs, and an in-memory index.

:func:`analyze` turns a text into the tokens an index should hold for it, one
per word and in order, so that every form of a word gives the same token:

* **Azerbaijani** (``az``): NFC and look-alike letters fixed
  (:func:`diplolib.az.normalize`), Azerbaijani case folding (``İ`` → ``i``,
  ``I`` → ``ı``), words split at spaces and punctuation with a hyphenated ending
  kept on its word (``TÜRKSOY-un``, ``2009-cu``, ``TDT-nin`` are one word each; a
  hyphenated compound such as ``Azərbaycan-Türkiyə`` is two), then the stemmer
  :func:`diplolib.az.stem`, which strips case, plural, possessive, copula and the
  verb endings of news prose and keeps derivation.
* **English** (``en``): NFC, lower case, the possessive ``'s`` dropped, and the
  Snowball English ("Porter2") stemmer from ``snowballstemmer``.

The tokens are plain words joined by nothing but spaces, so a store puts them in
a full-text column as they are: SQLite FTS5 with ``tokenize='unicode61
remove_diacritics 0'`` over ``" ".join(tokens)``, or PostgreSQL
``to_tsvector('simple', ...)`` over the same string with a GIN index. Queries go
through the same analyzer.

**Names across spellings.** ``Julfa`` should find ``Culfada``, and ``Ağdərənin``
should find ``Aghdara``. Each capitalised word also gets a *name key*
(:func:`name_keys`): its romanised form (:func:`diplolib.az.romanize`, with the
gazetteer) folded to a spelling skeleton (``kh`` = ``x`` = ``k``, ``y`` = ``i``,
``q`` = ``g``, ``e`` = ``a``, doubled letters single), once for the word and once
for its Azerbaijani stem. A query word matches a document word when their terms
are equal or their name keys meet. :class:`Index` stores the keys at index time
(``names="index"``, the default) or derives them from its vocabulary on the first
query (``names="query"``); ``bench/bench_search.py`` measures both.

>>> analyze("TÜRKSOY-un Astanadakı zirvə görüşündə", "az")
['türksoy', 'astana', 'zirvə', 'görüş']
>>> analyze("Bölgə bölgəsində", "az")  # a stem is an index key, not always a dictionary form
['bölg', 'bölg']
>>> analyze("The ministers met in Baku's old city", "en")
['the', 'minist', 'met', 'in', 'baku', 'old', 'citi']
>>> from diplolib import load_sample_library
>>> hits = search_library(load_sample_library(), "strateji tərəfdaş", lang="az")
>>> hits[0].item.id, hits[0].lang, hits[0].is_fallback
('kazakhstan-azerbaijan-strategic-partner', 'az', False)
"""

from __future__ import annotations

__all__ = [
    "Analyzer",
    "BM25_B",
    "BM25_K1",
    "FIELD_WEIGHTS",
    "Index",
    "QueryClause",
    "SearchHit",
    "Token",
    "analyze",
    "entity_names",
    "highlight",
    "name_keys",
    "parse_query",
    "search_fields",
    "search_library",
]

import html
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from . import az
from .errors import ArgumentTypeError, InvalidArgumentError
from .languages import SUPPORTED_LANGUAGES, Lang, normalize_language
from .text import DEFAULT_FALLBACKS, LocalizedText

if TYPE_CHECKING:
    from .library import ContentLibrary


class Token(NamedTuple):
    """One analysed word: its index ``term``, and where its word is in the analysed text.

    ``start``/``end`` index the text after NFC and look-alike normalisation (the
    text :meth:`Analyzer.tokens` also returns), which is what snippets show.

    >>> Analyzer().tokens("Bakıda görüş", "az")[1][0]
    Token(term='bakı', start=0, end=6)
    """

    term: str
    start: int
    end: int


# A word: letters and digits, with hyphens or apostrophes inside it.
_WORD_RE: Final = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
_JOINERS_RE: Final = re.compile(r"[-‐‑'’]")
_APOSTROPHES: Final = "'’"
_PLAIN = "\x00-\x7fəçşğıöüƏÇŞĞİÖÜ–—‘’“”«»…№°€"
_PLAIN_AZ: Final = re.compile(f"[^{_PLAIN}]")
# A run of non-space characters with one outside that set: a look-alike is judged by
# the letters of its word, and a combining mark joins the letter before it.
_ODD_RUN: Final = re.compile(f"\\S*[^{_PLAIN}\\s]\\S*")


def _split_word(word: str, start: int, hyphen_tail: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the words in one hyphenated run: one when the last part is an ending."""
    parts = list(_JOINERS_RE.finditer(word))
    if not parts:
        return [(start, start + len(word))]
    last = parts[-1]
    if hyphen_tail(word[last.end() :]):
        head = word[: last.start()]
        if _JOINERS_RE.search(head) is None:
            return [(start, start + len(word))]
        inner = _split_word(head, start, lambda _: False)
        first, _ = inner[-1]
        return [*inner[:-1], (first, start + len(word))]
    spans: list[tuple[int, int]] = []
    position = 0
    for match in parts:
        if match.start() > position:
            spans.append((start + position, start + match.start()))
        position = match.end()
    spans.append((start + position, start + len(word)))
    return spans


class _Tokenizer:
    """Words of a text, stemmed; a hyphen or apostrophe splits a word unless ``tail`` says
    that what follows it belongs to the word (an ending, a clitic)."""

    stem: Callable[[str], str]

    def tail(self, part: str) -> bool:
        raise NotImplementedError

    def normalize(self, text: str) -> str:
        return unicodedata.normalize("NFC", text)

    def fold(self, word: str) -> str:
        return word.casefold()

    def __call__(self, text: str) -> list[Token]:
        stem = self.stem
        out: list[Token] = []
        for match in _WORD_RE.finditer(text):
            word = match.group()
            if word.isalnum():  # no hyphen or apostrophe inside
                out.append(Token(stem(word), match.start(), match.end()))
                continue
            for start, end in _split_word(word, match.start(), self.tail):
                out.append(Token(stem(text[start:end]), start, end))
        return out

    def terms(self, text: str) -> list[str]:
        """The terms alone: what :meth:`__call__` gives, without the spans, faster."""
        stem = self.stem
        out: list[str] = []
        for word in _WORD_RE.findall(text):
            if word.isalnum():
                out.append(stem(word))
            else:
                out.extend(stem(word[a:b]) for a, b in _split_word(word, 0, self.tail))
        return out


class _AzTokens(_Tokenizer):
    """Azerbaijani: look-alikes fixed, words kept with hyphenated endings, stems."""

    def __init__(self, stemmer: az.Stemmer) -> None:
        self.stem = stemmer.stem

    def tail(self, part: str) -> bool:
        return az.Stemmer.is_ending(az.casefold(part))

    def normalize(self, text: str) -> str:
        # Look-alike letters and combining marks are all outside this set; text made of
        # it alone is already normal, and most text is (the scan is the slow part).
        if _PLAIN_AZ.search(text) is None:
            return text
        return _ODD_RUN.sub(lambda m: az.normalize(m.group()), text)

    def fold(self, word: str) -> str:
        return az.casefold(word)


# What may follow an apostrophe in an English word: Xi's, don't, we'll, they're.
_EN_CLITICS: Final = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})


class _EnTokens(_Tokenizer):
    """English: lower case, possessive ``'s`` off, Snowball English stems."""

    def __init__(self) -> None:
        import snowballstemmer

        self._stemmer = snowballstemmer.stemmer("english")
        self.stem = lru_cache(maxsize=65536)(self._stem)

    def tail(self, part: str) -> bool:
        return part.casefold() in _EN_CLITICS

    def _stem(self, word: str) -> str:
        # İ in an English text is a Turkish or Azerbaijani name's: fold it to i, not to
        # i + a combining dot; keep letters, digits and apostrophes only.
        folded = word.replace("İ", "i").casefold()
        if not folded.isalnum():
            folded = "".join(c for c in folded if c.isalnum() or c in _APOSTROPHES)
        for apostrophe in _APOSTROPHES:
            if folded.endswith(apostrophe + "s"):
                folded = folded[:-2]
        # an index token holds letters and digits only: don't → dont
        stemmed: str = self._stemmer.stemWord(folded.replace("’", "").replace("'", ""))
        return stemmed


class Analyzer:
    """Turns text into index tokens, per language; the same one must index and query.

    ``known`` adds words the Azerbaijani stemmer never cuts (see
    :class:`diplolib.az.Stemmer`): :class:`Index` passes the names of the
    library's people, organisations and places.

    >>> a = Analyzer(known=["Qala"])
    >>> a.analyze("Qalada", "az"), analyze("Qalada", "az")
    (['qala'], ['qala'])
    >>> a.analyze("Nakhchivan's talks", "en")
    ['nakhchivan', 'talk']
    """

    def __init__(self, known: Iterable[str] = (), *, use_gazetteer: bool = True) -> None:
        stemmer = az.Stemmer(known, use_gazetteer=use_gazetteer)
        # The one place that dispatches on the language: a tokenizer per code.
        self._by_lang: dict[str, _Tokenizer] = {
            "az": _AzTokens(stemmer),
            "en": _EnTokens(),
        }
        self._stemmer = stemmer

    def _for(self, lang: str) -> _Tokenizer:
        return self._by_lang[normalize_language(lang)]

    @property
    def known_stems(self) -> frozenset[str]:
        """The words the Azerbaijani stemmer keeps whole: built-in, gazetteer and ``known``.

        Only words that begin with one of them (all but its last letter) can stem
        differently when it comes or goes, which lets an index re-analyse just those.

        >>> sorted(Analyzer(known=["Sarıca"]).known_stems - Analyzer().known_stems)
        ['sarıca']
        """
        return self._stemmer.known

    def tokens(self, text: str, lang: str) -> tuple[str, list[Token]]:
        """The normalised text and its tokens with their places in it.

        >>> text, tokens = Analyzer().tokens("Gu\u0308n gu\u0308nü", "az")
        >>> text, [t.term for t in tokens]
        ('Gün günü', ['gün', 'gün'])
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"analyze() takes a str, not {type(text).__name__}")
        tokenizer = self._for(lang)
        normal = tokenizer.normalize(text)
        return normal, tokenizer(normal)

    def analyze(self, text: str, lang: str) -> list[str]:
        """The index tokens of ``text`` in ``lang``, one per word, in order.

        >>> Analyzer().analyze("Prezident İlham Əliyev Bakıda görüşlər keçirib", "az")
        ['prezident', 'ilham', 'əliyev', 'bakı', 'görüş', 'keçir']
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"analyze() takes a str, not {type(text).__name__}")
        tokenizer = self._for(lang)
        return tokenizer.terms(tokenizer.normalize(text))

    def stem(self, word: str, lang: str) -> str:
        """The index term of one word (no tokenisation).

        >>> Analyzer().stem("Ağdərəyə", "az"), Analyzer().stem("presidents", "en")
        ('ağdər', 'presid')
        """
        return self._for(lang).stem(word)

    def fold(self, text: str, lang: str) -> str:
        """``text`` normalised and case-folded as ``lang`` folds it, not stemmed.

        >>> Analyzer().fold("BAKI*", "az")
        'bakı*'
        """
        tokenizer = self._for(lang)
        return tokenizer.fold(tokenizer.normalize(text))


@lru_cache(maxsize=1)
def _default_analyzer() -> Analyzer:
    return Analyzer()


def analyze(text: str, lang: str) -> list[str]:
    """The tokens a search index holds for ``text`` in ``lang``: one per word, in order.

    >>> analyze("TÜRKSOY-un, 2009-cu ildə TDT-nin", "az")
    ['türksoy', '2009', 'il', 'tdt']
    >>> analyze("İSMAYILLI rayonunda", "az") == analyze("İsmayıllı rayonu", "az")
    True
    >>> analyze("tərəfdaşlıq tərəfdaş bərabərlik bərabər", "az")
    ['tərəfdaşlıq', 'tərəfdaş', 'bərabərlik', 'bərabər']
    >>> analyze("Negotiations continued", "en")
    ['negoti', 'continu']
    """
    return _default_analyzer().analyze(text, lang)


# -- names across spellings -------------------------------------------------------------

_SKELETON_PAIRS: Final = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("zh", "j"))
_SKELETON_LETTERS: Final = str.maketrans({"x": "k", "q": "g", "y": "i", "e": "a", "w": "v"})


def _skeleton(word: str) -> str:
    ascii_only = "".join(
        c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c)
    )
    for pair, single in _SKELETON_PAIRS:
        ascii_only = ascii_only.replace(pair, single)
    ascii_only = ascii_only.translate(_SKELETON_LETTERS)
    out: list[str] = []
    for char in ascii_only:
        if char.isalnum() and (not out or out[-1] != char):
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=65536)
def _name_keys(word: str) -> tuple[str, ...]:
    folded = az.casefold(word)
    stemmed = az.stem(folded)
    keys = {_skeleton(az.romanize(folded)), _skeleton(az.romanize(stemmed))}
    if stemmed.endswith("q"):  # a stem reads a final ğ as q: Qarabağ is in the gazetteer
        keys.add(_skeleton(az.romanize(stemmed[:-1] + "ğ")))
    keys.discard("")
    return tuple(sorted(keys))


def name_keys(word: str) -> tuple[str, ...]:
    """Spelling-skeleton keys of a name: equal keys mean "the same name, spelt another way".

    >>> set(name_keys("Julfa")) & set(name_keys("Culfada"))
    {'julfa'}
    >>> set(name_keys("Aghdara")) & set(name_keys("Ağdərənin"))
    {'agdar'}
    >>> set(name_keys("Saatly")) & set(name_keys("Saatlıya"))
    {'satli'}
    """
    if not isinstance(word, str):
        raise ArgumentTypeError(f"name_keys() takes a str, not {type(word).__name__}")
    return _name_keys(word)


def _is_name(word: str) -> bool:
    return word[:1].isupper()


# -- the index ---------------------------------------------------------------------------

FieldName = Literal["title", "lead", "body"]

FIELD_WEIGHTS: Final[Mapping[str, float]] = {"title": 3.0, "lead": 2.0, "body": 1.0}
"""How much a word counts in each field for ranking (BM25 over weighted term counts)."""

BM25_K1: Final = 1.2
"""BM25's term-frequency saturation: how quickly more occurrences stop adding to a score."""
BM25_B: Final = 0.75
"""BM25's length normalisation: how much a longer item's occurrences count for less."""
_SNIPPET_WORDS: Final = 12


def _person_name(item: Any) -> LocalizedText:
    values: dict[str, str] = {}
    for lang in SUPPORTED_LANGUAGES:
        parts = [
            text.get(lang, fallback=False) for text in (item.given, item.patronymic, item.family)
        ]
        joined = " ".join(p for p in parts if p)
        if joined:
            values[lang] = joined
    return LocalizedText(values)


def search_fields(item: Any) -> list[tuple[FieldName, LocalizedText]]:
    """The fields of a library item that search indexes, each with its ranking field name.

    Articles give their title, lead and body paragraphs; events their name and
    description; people, organisations and places their names. A store that indexes
    items uses these, so that it ranks like :class:`Index`.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> [name for name, _ in search_fields(lib.get("gabala-turkic-council-summit-2013"))]
    ['title', 'lead', 'body']
    >>> search_fields(lib.get("baku"))
    [('title', LocalizedText(en='Baku', az='Bakı'))]
    """
    kind = getattr(item, "type", None)
    extract = _FIELD_EXTRACTORS.get(kind) if isinstance(kind, str) else None
    if extract is None:
        return []
    return extract(item)


_FIELD_EXTRACTORS: Final[dict[str, Callable[[Any], list[tuple[FieldName, LocalizedText]]]]] = {
    "article": lambda a: [("title", a.title), ("lead", a.lead), *(("body", p) for p in a.body)],
    "event": lambda e: [("title", e.name), ("lead", e.description)],
    "person": lambda p: [("title", _person_name(p))],
    "organization": lambda o: [("title", o.name), ("title", o.abbreviation)],
    "place": lambda p: [("title", p.name)],
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result.

    ``lang`` is the language of the text the query matched (``None`` when it
    matched none, which :class:`Index` never returns), ``is_fallback`` whether that
    text stands in for the requested language, and ``snippet`` an HTML-escaped
    excerpt of the best-matching field with the matched words in ``<mark>``.

    >>> from diplolib import load_sample_library
    >>> hit = search_library(load_sample_library(), "Qəbələ", lang="en")[1]
    >>> hit.item.id, hit.lang, hit.is_fallback
    ('gabala-turkic-council-summit-2013', 'az', True)
    >>> hit.snippet[:46]
    'Avqustun 16-da <mark>Qəbələdə</mark> Türkdilli'
    """

    item: Any
    score: float
    lang: Lang | None
    is_fallback: bool
    snippet: str
    field: str


class _Field(NamedTuple):
    item: int
    name: FieldName
    lang: Lang
    text: str
    tokens: list[Token]


class QueryClause(NamedTuple):
    """One part of a query: a word (``words`` of one), a phrase (several), maybe a prefix.

    ``prefix`` marks that the last word is a prefix (``Bakı*``). Words are as typed; each
    backend analyzes them in the language of the text it matches.

    >>> QueryClause(("strateji", "tərəfdaş"), False).words
    ('strateji', 'tərəfdaş')
    """

    words: tuple[str, ...]
    prefix: bool


_QUERY_RE: Final = re.compile(r'"([^"]*)"?|(\S+)')


def _parts(word: str) -> tuple[str, ...]:
    """A query word, or the words of a hyphenated compound (``Azərbaycan-Türkiyə``).

    A word whose last part is an ending (``TÜRKSOY-un``) or the English ``'s`` stays whole.
    """
    pieces = _JOINERS_RE.split(word)
    if len(pieces) == 1:
        return (word,)
    tail = az.casefold(pieces[-1])
    if tail == "s" or az.Stemmer.is_ending(tail):
        return (word,)
    return tuple(p for p in pieces if p)


def parse_query(query: str) -> list[QueryClause]:
    """Split a search query into clauses, every one of which a hit must match.

    Words in ``"quotes"`` form a phrase, a word ending in ``*`` is a prefix, a
    hyphenated compound is a phrase of its words (``TÜRKSOY-un`` stays one word), and
    punctuation separates words.

    >>> parse_query('TÜRKSOY "zirvə görüşü" Bakı* Azərbaycan-Türkiyə')
    [QueryClause(words=('TÜRKSOY',), prefix=False), QueryClause(words=('zirvə', 'görüşü'), prefix=False), QueryClause(words=('Bakı',), prefix=True), QueryClause(words=('Azərbaycan', 'Türkiyə'), prefix=False)]
    >>> parse_query(' , "" ')
    []
    """
    if not isinstance(query, str):
        raise ArgumentTypeError(f"parse_query() takes a str, not {type(query).__name__}")
    clauses: list[QueryClause] = []
    for match in _QUERY_RE.finditer(query):
        if match.group(1) is not None:
            words = tuple(
                part for m in _WORD_RE.finditer(match.group(1)) for part in _parts(m.group())
            )
            if words:
                clauses.append(QueryClause(words, False))
            continue
        raw = match.group(2)
        found = list(_WORD_RE.finditer(raw))
        for number, word in enumerate(found):
            last = number == len(found) - 1
            clauses.append(QueryClause(_parts(word.group()), last and raw.endswith("*")))
    return clauses


class Index:
    """An in-memory full-text index over library items, in every language they have.

    Ranking is BM25 over term counts weighted by field (:data:`FIELD_WEIGHTS`:
    title above lead above body). Every query word must match (in the same
    field for a phrase in quotes); ``word*`` matches every term that starts with
    the word or its stem. With ``lang`` a search sees each field as a reader of
    that language does: in ``lang``, or, when missing, in its fallback
    language (the hit says so). ``names`` chooses where name keys are made:
    ``"index"`` (stored with each capitalised word) or ``"query"`` (from the
    vocabulary when first needed).

    >>> from diplolib import load_sample_library
    >>> index = Index(load_sample_library())
    >>> [hit.item.id for hit in index.search('"strateji tərəfdaşıdır"', lang="az")]
    ['kazakhstan-azerbaijan-strategic-partner']
    >>> index.search('"strategic partner"', lang="en")[0].snippet
    'Azerbaijan is an important <mark>strategic</mark> <mark>partner</mark> of Kazakhstan in the Caucasus region'
    >>> [hit.snippet for hit in index.search("Bakı*", lang="az")][1:]
    ['…və Türkmənistan dövlət başçılarını <mark>Bakıda</mark> qarşılayıb. Liderlər Xəzər dənizində təhlükəsizlik sahəsində əməkdaşlıq…', 'Qazaxıstanın <mark>Bakıdakı</mark> səfiri qarşılıqlı etimada əsaslanan münasibətlərdən və onları formalaşdıran zirvə görüşlərindən…']
    """

    def __init__(
        self,
        items: Iterable[Any] | ContentLibrary,
        *,
        names: Literal["index", "query"] = "index",
        analyzer: Analyzer | None = None,
    ) -> None:
        if names not in ("index", "query"):
            raise InvalidArgumentError(f"names must be 'index' or 'query', not {names!r}")
        items = list(items)
        if analyzer is None:
            analyzer = Analyzer(known=entity_names(items))
        self.analyzer = analyzer
        self._names = names
        self._items = items
        self._fields: list[_Field] = []
        # term or name key → field number → positions
        self._postings: dict[tuple[Lang, str], dict[int, list[int]]] = {}
        self._keys: dict[str, dict[int, list[int]]] = {}
        self._vocabulary_keys: dict[str, set[tuple[Lang, str]]] | None = None
        # (item, reader language) → [(field number, is fallback)]
        self._views: dict[Lang | None, dict[int, list[tuple[int, bool]]]] = {}
        # Collection statistics from outside (a store ranks a few candidate items of many):
        # reader language → (items in view, their average weighted length).
        self._collection: dict[Lang | None, tuple[int, float]] = {}
        for number, item in enumerate(items):
            self._add(number, item)
        self._lengths = self._view_lengths()

    def _add(self, number: int, item: Any) -> None:
        for name, text in search_fields(item):
            field_ids: dict[Lang, int] = {}
            for lang, value in text:
                if not value:
                    continue
                normal, tokens = self.analyzer.tokens(value, lang)
                field_id = len(self._fields)
                self._fields.append(_Field(number, name, lang, normal, tokens))
                field_ids[lang] = field_id
                for position, token in enumerate(tokens):
                    postings = self._postings.setdefault((lang, token.term), {})
                    postings.setdefault(field_id, []).append(position)
                    if self._names == "index" and _is_name(normal[token.start : token.end]):
                        for key in name_keys(normal[token.start : token.end]):
                            self._keys.setdefault(key, {}).setdefault(field_id, []).append(position)
                self._views.setdefault(None, {}).setdefault(number, []).append((field_id, False))
            for reader in SUPPORTED_LANGUAGES:
                chain = (reader, *DEFAULT_FALLBACKS.get(reader, ()))
                for lang in chain:
                    if lang in field_ids:
                        view = self._views.setdefault(reader, {}).setdefault(number, [])
                        view.append((field_ids[lang], lang != reader))
                        break

    def _view_lengths(self) -> dict[Lang | None, tuple[dict[int, float], float]]:
        lengths: dict[Lang | None, tuple[dict[int, float], float]] = {}
        for reader, view in self._views.items():
            per_item = {
                item: sum(
                    FIELD_WEIGHTS[self._fields[f].name] * len(self._fields[f].tokens)
                    for f, _ in fields
                )
                for item, fields in view.items()
            }
            average = sum(per_item.values()) / len(per_item) if per_item else 0.0
            lengths[reader] = (per_item, average)
        return lengths

    def __len__(self) -> int:
        """The number of items indexed.

        >>> from diplolib import load_sample_library
        >>> len(Index(load_sample_library())) == len(load_sample_library())
        True
        """
        return len(self._items)

    # -- matching ---------------------------------------------------------------------

    def _query_keys(self, word: str) -> dict[int, list[int]]:
        """Positions per field of the words whose name keys meet ``word``'s."""
        found: dict[int, list[int]] = {}
        if self._names == "index":
            for key in name_keys(word):
                for field_id, positions in self._keys.get(key, {}).items():
                    found.setdefault(field_id, []).extend(positions)
            return found
        vocabulary = self._vocabulary()
        for key in name_keys(word):
            for term in vocabulary.get(key, ()):
                for field_id, positions in self._postings.get(term, {}).items():
                    found.setdefault(field_id, []).extend(positions)
        return found

    def _vocabulary(self) -> dict[str, set[tuple[Lang, str]]]:
        if self._vocabulary_keys is None:
            keys: dict[str, set[tuple[Lang, str]]] = {}
            for lang, term in self._postings:
                for key in name_keys(term):
                    keys.setdefault(key, set()).add((lang, term))
            self._vocabulary_keys = keys
        return self._vocabulary_keys

    def _word_postings(self, word: str, prefix: bool) -> dict[int, set[int]]:
        """Field number → positions where ``word`` matches, in any language."""
        found: dict[int, set[int]] = {}
        for lang in SUPPORTED_LANGUAGES:
            term = self.analyzer.stem(word, lang)
            if prefix:
                start = self.analyzer.fold(word, lang)
                terms = [
                    key
                    for key in self._postings
                    if key[0] == lang and (key[1].startswith(start) or key[1].startswith(term))
                ]
            else:
                terms = [(lang, term)]
            for key in terms:
                for field_id, positions in self._postings.get(key, {}).items():
                    if self._fields[field_id].lang == lang:
                        found.setdefault(field_id, set()).update(positions)
        if not prefix:
            for field_id, positions in self._query_keys(word).items():
                found.setdefault(field_id, set()).update(positions)
        return found

    def _clause_postings(self, clause: QueryClause) -> dict[int, set[int]]:
        """Field number → positions where the clause matches (its last word's, for phrases)."""
        if len(clause.words) == 1:
            return self._word_postings(clause.words[0], clause.prefix)
        current: dict[int, set[int]] | None = None
        for offset, word in enumerate(clause.words):
            last = offset == len(clause.words) - 1
            postings = self._word_postings(word, clause.prefix and last)
            if current is None:
                current = postings
                continue
            joined: dict[int, set[int]] = {}
            for field_id, positions in current.items():
                following = postings.get(field_id)
                if following:
                    kept = {p + 1 for p in positions} & following
                    if kept:
                        joined[field_id] = kept
            current = joined
        return current or {}

    def search(self, query: str, *, lang: str | None = None, limit: int = 10) -> list[SearchHit]:
        """The best ``limit`` hits for ``query``, best first (ties by library order).

        >>> from diplolib import load_sample_library
        >>> index = Index(load_sample_library())
        >>> hit = index.search("Qazaxıstan tərəfdaşı", lang="az")[0]
        >>> hit.item.id, hit.field
        ('kazakhstan-azerbaijan-strategic-partner', 'body')
        >>> index.search("")
        []
        """
        if not isinstance(query, str):
            raise ArgumentTypeError(f"search() takes a str query, not {type(query).__name__}")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise InvalidArgumentError(f"limit must be a positive int, not {limit!r}")
        reader: Lang | None = None if lang is None else normalize_language(lang)
        clauses = parse_query(query)
        if not clauses:
            return []
        view = self._views.get(reader, {})
        lengths, average = self._lengths.get(reader, ({}, 0.0))
        visible: dict[int, tuple[int, bool]] = {}
        for item, fields in view.items():
            for field_id, fallback in fields:
                visible[field_id] = (item, fallback)
        total = len(view)
        if reader in self._collection:
            total, average = self._collection[reader]
        scores: dict[int, float] = {}
        matched: dict[int, dict[int, set[int]]] = {}
        for number, clause in enumerate(clauses):
            postings = self._clause_postings(clause)
            per_item: dict[int, float] = {}
            for field_id, positions in postings.items():
                seen = visible.get(field_id)
                if seen is None:
                    continue
                item = seen[0]
                weight = FIELD_WEIGHTS[self._fields[field_id].name]
                per_item[item] = per_item.get(item, 0.0) + weight * len(positions)
                width = len(clause.words)
                marks = matched.setdefault(item, {}).setdefault(field_id, set())
                for position in positions:
                    marks.update(range(position - width + 1, position + 1))
            idf = math.log(1 + (total - len(per_item) + 0.5) / (len(per_item) + 0.5))
            for item, tf in per_item.items():
                norm = 1 - BM25_B + BM25_B * (lengths.get(item, 0.0) / average if average else 1.0)
                gain = idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * norm)
                if number == 0:
                    scores[item] = gain
                elif item in scores:
                    scores[item] += gain
            if number > 0:
                for item in list(scores):
                    if item not in per_item:
                        del scores[item]
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
        return [self._hit(item, score, matched[item], visible, reader) for item, score in ranked]

    def _hit(
        self,
        item: int,
        score: float,
        marks: dict[int, set[int]],
        visible: Mapping[int, tuple[int, bool]],
        reader: Lang | None,
    ) -> SearchHit:
        order = {"lead": 0, "body": 1, "title": 2}
        best = min(
            marks,
            key=lambda f: (-len(marks[f]), order[self._fields[f].name], f),
        )
        field = self._fields[best]
        fallback = visible[best][1] if reader is not None else False
        return SearchHit(
            item=self._items[item],
            score=round(score, 6),
            lang=field.lang,
            is_fallback=fallback,
            snippet=_snippet(field, marks[best]),
            field=field.name,
        )


def _snippet(field: _Field, positions: set[int]) -> str:
    """An escaped excerpt of ``field`` around its first match, matches in ``<mark>``."""
    return highlight(field.text, field.tokens, positions)


def highlight(text: str, tokens: Sequence[Token], positions: Iterable[int]) -> str:
    """An HTML-escaped excerpt of an analysed ``text`` around its first marked word.

    ``tokens`` are the text's tokens (:meth:`Analyzer.tokens` gives both), and
    ``positions`` the numbers of the tokens to put in ``<mark>``. The excerpt is about
    a dozen words, with ``…`` where it cuts the text; search hits' snippets are made
    this way.

    >>> text, tokens = Analyzer().tokens("Prezident <b>Bakıda</b> səfirləri qəbul edib.", "az")
    >>> highlight(text, tokens, [2])
    'Prezident &lt;b&gt;<mark>Bakıda</mark>&lt;/b&gt; səfirləri qəbul edib.'
    >>> highlight(text, tokens, [])
    ''
    """
    marked = set(positions)
    if not marked or not tokens:
        return ""
    first = min(marked)
    start = max(0, first - _SNIPPET_WORDS // 3)
    end = min(len(tokens), start + _SNIPPET_WORDS)
    start = max(0, min(start, end - _SNIPPET_WORDS))
    begin = 0 if start == 0 else tokens[start].start
    finish = len(text) if end == len(tokens) else tokens[end - 1].end
    out: list[str] = ["…" if start > 0 else ""]
    position = begin
    for number in range(start, end):
        token = tokens[number]
        if number in marked:
            out.append(html.escape(text[position : token.start]))
            out.append("<mark>" + html.escape(text[token.start : token.end]) + "</mark>")
            position = token.end
    out.append(html.escape(text[position:finish]))
    if end < len(tokens):
        out.append("…")
    return "".join(out).strip()


def entity_names(items: Sequence[Any]) -> list[str]:
    """Names of the people, organisations and places among ``items``: the stemmer keeps them.

    :class:`Index` passes them to its :class:`Analyzer` as ``known``; a store does too.

    >>> from diplolib import load_sample_library
    >>> "Qəbələ" in entity_names(list(load_sample_library()))
    True
    """
    names: list[str] = []
    for item in items:
        if getattr(item, "type", None) in ("person", "organization", "place"):
            for _, text in search_fields(item):
                names.extend(value for _, value in text if value)
    return names


def search_library(
    library: ContentLibrary | Iterable[Any],
    query: str,
    *,
    lang: str | None = None,
    limit: int = 10,
) -> list[SearchHit]:
    """Search a library once (build an :class:`Index` to search it many times).

    >>> from diplolib import load_sample_library
    >>> hits = search_library(load_sample_library(), "Gabala", lang="en")
    >>> [(hit.item.id, hit.lang) for hit in hits]
    [('gabala', 'en'), ('gabala-turkic-council-summit-2013', 'az'), ('kazakhstan-azerbaijan-strategic-partner', 'en')]
    """
    return Index(library).search(query, lang=lang, limit=limit)
