"""Full-text search in the store, fed by :mod:`diplolib.search`'s analyzer and ranked in SQL.

Every item that search sees has a number in ``search_docs``. Its words are kept twice:

* ``search_postings``, the inverted index: one row per (reader, language, term, item)
  with the term's **weighted count** (title 3, lead 2, body 1, summed over the fields
  that reader sees) and the item's weighted length as that reader sees it. A reader
  of language *L* reads the rows ``reader = L``: the item's own *L* fields and the
  fields that stand in for missing ones (fallback); a search in every language reads
  the rows where ``reader = lang``. Name keys are rows too (term ``#key``), with the
  term of the word that bears them and all of that word's keys, so that a word which
  matches both by its term and by a name key, or by two keys, counts once, exactly as
  :class:`diplolib.search.Index` counts it.
* ``search_fields``: each field's tokens in order (terms, and the name keys at each
  position), for phrases, which need positions.

A query of words and prefixes is one SQL statement on either database: per clause
the weighted counts grouped by item, joined across clauses, scored with BM25 (the
collection statistics from ``search_totals``, each clause's document frequency
counted first) and ordered by score and item number, with the filters and the
cursor in the same statement. A single word on a first page reads only the best
postings of each weight, in length order. Phrases are matched on the stored tokens
of the fields that hold all their words. Only the page of hits is read back as
items, to build their snippets. So SQLite and PostgreSQL rank exactly as the
in-memory index does, and a query costs time in proportion to the postings it
reads, not to the size of the archive's documents. ``search_words`` (each word seen,
with its term) tells which items to index again when the names the stemmer keeps
change. Every row is written and deleted in the transaction of the item's write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import operator
from collections.abc import Iterable, Sequence
from typing import Any, Final, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from .._query import to_micros
from ..errors import InvalidArgumentError
from ..languages import SUPPORTED_LANGUAGES, Lang, normalize_language
from ..models import Item, validate_item_json
from ..search import (
    BM25_B,
    BM25_K1,
    FIELD_WEIGHTS,
    Analyzer,
    Index,
    QueryClause,
    SearchHit,
    entity_names,
    highlight,
    name_keys,
    parse_query,
    search_fields,
)
from . import _schema as s
from ._kinds import ENTITY_KINDS, KINDS

_BATCH: Final = 500
_ALL: Final = "*"  # search_lengths.reader for a search in every language
_NAMES_KEY: Final = "names"
_KNOWN_KEY: Final = "known"  # the stems the analyzer keeps whole, one a line
_TOP: Final = "\U0010ffff"  # above every character: the end of a prefix's range of terms
_EMPTY: Final = "_"  # a token without a term, in search_fields.terms (never a term itself)
# Two-word phrases have postings of their own: term "+first second" (either may be a
# "#key"). No term or key begins with "+", so a prefix's range of terms never meets them.
_PAIR: Final = "+"
# A word's postings list this long is read best-first instead of whole, when the word's
# other lists together have at most _PRUNE_REST rows.
_PRUNE_FROM: Final = 2000
_PRUNE_REST: Final = 20000
_EXPAND_MAX: Final = 32  # a prefix shared by more terms is read as a range
_FIRST_READ: Final = 32  # rows of each weight a query of several clauses reads first
_ROUNDING: Final = 5e-7  # half the last digit of a hit's rounded score


def _parse(document: str) -> Item:
    item: Item = validate_item_json(document.removeprefix("\ufeff").encode())
    return item


class _Stored(NamedTuple):
    """One field's stored tokens: a term and the name keys at each position."""

    number: int
    name: str
    lang: Lang
    weight: float
    terms: list[str]
    keys: dict[int, frozenset[str]]


class SearchIndex:
    """The store's search rows: writing them with items, and answering queries."""

    def __init__(self) -> None:
        # (digest of the entity rows, fingerprint of their names, the analyzer)
        self._analyzer: tuple[str, str, Analyzer] | None = None

    # -- the analyzer -------------------------------------------------------------

    def analyzer(self, conn: sa.Connection) -> tuple[str, Analyzer]:
        """The analyzer for the store's current entities, and a fingerprint of their names.

        The names of people, organisations and places guard their stems, as in
        :class:`Index`; they are read again only when an entity changed.
        """
        rows = conn.execute(
            sa.select(s.items.c.id, s.items.c.digest)
            .where(s.items.c.kind.in_(ENTITY_KINDS))
            .order_by(s.items.c.id)
        ).all()
        digest = hashlib.sha256("\n".join(f"{r.id} {r.digest}" for r in rows).encode()).hexdigest()
        cached = self._analyzer
        if cached is not None and cached[0] == digest:
            return cached[1], cached[2]
        entities: list[Item] = []
        for start in range(0, len(rows), _BATCH):
            ids = [r.id for r in rows[start : start + _BATCH]]
            docs = conn.execute(
                sa.select(s.items.c.document).where(s.items.c.id.in_(ids)).order_by(s.items.c.id)
            ).scalars()
            entities.extend(_parse(d) for d in docs)
        names = sorted(set(entity_names(entities)))
        fingerprint = hashlib.sha256("\n".join(names).encode()).hexdigest()
        analyzer = Analyzer(known=names)
        self._analyzer = (digest, fingerprint, analyzer)
        return fingerprint, analyzer

    def _current(self, conn: sa.Connection) -> Analyzer:
        """The analyzer the index was built with: the cached one while its names are current."""
        stored = conn.execute(
            sa.select(s.search_state.c.value).where(s.search_state.c.key == _NAMES_KEY)
        ).scalar()
        cached = self._analyzer
        if cached is not None and cached[1] == stored:
            return cached[2]
        return self.analyzer(conn)[1]

    # -- writing ------------------------------------------------------------------

    def refresh(self, conn: sa.Connection, ids: Iterable[str]) -> None:
        """Index ``ids`` afresh, and the items whose words stem otherwise when names changed.

        The names of the store's people, organisations and places are words the
        stemmer keeps whole. When they change, only words that begin with a stem that
        came or went can stem differently: the vocabulary (``search_words``) tells
        which of them do now, and the items that hold them are indexed again too.
        """
        state = s.search_state
        # Writers take turns (the store's write lock), so no two decide from the same names.
        stored = dict(
            conn.execute(
                sa.select(state.c.key, state.c.value).where(
                    state.c.key.in_([_NAMES_KEY, _KNOWN_KEY])
                )
            ).all()
        )
        fingerprint, analyzer = self.analyzer(conn)
        wanted = set(ids)
        if stored.get(_NAMES_KEY) != fingerprint:
            known = analyzer.known_stems
            before = stored.get(_KNOWN_KEY)
            if before is None:
                conn.execute(sa.delete(s.search_words))
                wanted = set(conn.execute(sa.select(s.items.c.id)).scalars())
            else:
                changed = known ^ frozenset(before.split("\n"))
                wanted |= _restemmed(conn, analyzer, changed)
            conn.execute(sa.delete(state).where(state.c.key.in_([_NAMES_KEY, _KNOWN_KEY])))
            conn.execute(
                sa.insert(state),
                [
                    {"key": _NAMES_KEY, "value": fingerprint},
                    {"key": _KNOWN_KEY, "value": "\n".join(sorted(known))},
                ],
            )
        self._index(conn, sorted(wanted), analyzer)

    def rebuild(self, conn: sa.Connection) -> int:
        """Index every item afresh, vocabulary included; returns the item count."""
        conn.execute(
            sa.delete(s.search_state).where(s.search_state.c.key.in_([_NAMES_KEY, _KNOWN_KEY]))
        )
        conn.execute(sa.delete(s.search_words))
        self.refresh(conn, [])
        return int(conn.execute(sa.select(sa.func.count()).select_from(s.items)).scalar() or 0)

    def _index(self, conn: sa.Connection, wanted: Sequence[str], analyzer: Analyzer) -> None:
        delete_rows(conn, wanted, keep_numbers=True)
        docs = s.search_docs
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            found = conn.execute(
                sa.select(s.items.c.id, s.items.c.document)
                .where(s.items.c.id.in_(chunk))
                .order_by(s.items.c.id)
            ).all()
            if not found:
                continue
            # An item keeps its number while it exists: equal scores stay in one order.
            numbers = dict(
                conn.execute(
                    sa.select(docs.c.item_id, docs.c.doc).where(docs.c.item_id.in_(chunk))
                ).all()
            )
            new = [{"item_id": item_id} for item_id, _ in found if item_id not in numbers]
            if new:
                added = conn.execute(
                    sa.insert(docs).returning(docs.c.doc, docs.c.item_id), new
                ).all()
                numbers.update((item_id, doc) for doc, item_id in added)
            rows = _Rows()
            for item_id, document in found:
                rows.add(_parse(document), numbers[item_id], analyzer)
            rows.write(conn)

    # -- searching ----------------------------------------------------------------

    def search(
        self,
        conn: sa.Connection,
        query: str,
        *,
        lang: str | None,
        kinds: Iterable[str] | None,
        section: str | None,
        since: dt.datetime | None,
        until: dt.datetime | None,
        limit: int,
        cursor: SearchHit | None,
    ) -> list[SearchHit]:
        """The hits for ``query`` (see :meth:`ContentStore.search`)."""
        if not isinstance(query, str):
            raise InvalidArgumentError(f"search() takes a str query, not {type(query).__name__}")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise InvalidArgumentError(f"limit must be a positive int, not {limit!r}")
        wanted_kinds = _kinds(kinds)
        reader: Lang | None = None if lang is None else normalize_language(lang)
        if cursor is not None and not isinstance(cursor, SearchHit):
            raise InvalidArgumentError(
                f"cursor must be the last SearchHit of the previous page, not {cursor!r}"
            )
        clauses = parse_query(query)
        if not clauses:
            return []
        analyzer = self._current(conn)
        totals = s.search_totals
        found = conn.execute(
            sa.select(totals.c.documents, totals.c.length).where(
                totals.c.reader == (reader or _ALL)
            )
        ).first()
        if found is None or not found[0]:
            return []
        total = int(found[0])
        plan = _Query(conn, analyzer, reader, total, float(found[1] or 0.0) / total)
        kept = _filters(wanted_kinds, section, since, until)
        per_clause = [plan.clause_options(clause) for clause in clauses]
        if all(options is not None for options in per_clause):
            read = [options for options in per_clause if options is not None]
            ranked = _ranked_in_sql(plan, clauses, read, kept, cursor, limit)
        else:
            ranked = _ranked_with_phrases(plan, clauses, kept, cursor, limit)
        if not ranked:
            return []
        return _hits(plan, clauses, ranked)


def _restemmed(conn: sa.Connection, analyzer: Analyzer, changed: Iterable[str]) -> set[str]:
    """Items holding a word whose term differs under ``analyzer``; the vocabulary follows.

    A stem the stemmer keeps whole only matters to words that begin with it (all but
    its last letter, which an ending may alter), so only those are stemmed again.
    """
    words = s.search_words.c
    old_terms: set[tuple[str, str]] = set()
    for stem in sorted(set(changed)):
        start = stem[:-1] if len(stem) > 1 else stem
        rows = conn.execute(
            sa.select(words.lang, words.word, words.term).where(
                words.word >= start, words.word < start + _TOP
            )
        ).all()
        for lang, word, term in rows:
            now = analyzer.stem(word, lang)
            if now != term:
                old_terms.add((lang, term))
                conn.execute(
                    sa.update(s.search_words)
                    .where(words.lang == lang, words.word == word)
                    .values(term=now)
                )
    affected: set[str] = set()
    p = s.search_postings.c
    for lang, term in sorted(old_terms):
        found = conn.execute(
            sa.select(s.search_docs.c.item_id)
            .join(s.search_postings, s.search_docs.c.doc == p.doc)
            .where(p.reader == lang, p.lang == lang, p.term == term, p.tok == "")
        ).scalars()
        affected.update(found)
    return affected


def _count_pair(
    counts: dict[tuple[str, str, str, str, str], float],
    reader: str,
    field: Any,
    position: int,
    keys: dict[int, set[str]],
    weight: float,
) -> None:
    """Count the pair of words ending at ``position`` (a two-word phrase) in ``counts``.

    A phrase word matches a position by its term or by one of the name keys there, so
    a pair of positions is written under every (term or key, term or key) it offers:
    the term pair in one row per item (tok and keyset empty), the others with both
    positions' terms (``tok``) and everything each offers (``keyset``, ``A:``/``B:``
    before each), so that a query counts each pair of positions once.
    """
    first, second = field.tokens[position - 1].term, field.tokens[position].term
    if first and second:
        posting = (reader, field.lang, f"{_PAIR}{first} {second}", "", "")
        counts[posting] = counts.get(posting, 0.0) + weight
    before = sorted(keys.get(position - 1, ()))
    after = sorted(keys.get(position, ()))
    if not before and not after:
        return
    left = ([first] if first else []) + ["#" + key for key in before]
    right = ([second] if second else []) + ["#" + key for key in after]
    tok = f"{first or _EMPTY} {second or _EMPTY}"
    keyset = " " + " ".join([*(f"A:{a}" for a in left), *(f"B:{b}" for b in right)]) + " "
    for a in left:
        for b in right:
            if a == first and b == second:
                continue  # the term pair's row
            posting = (reader, field.lang, f"{_PAIR}{a} {b}", tok, keyset)
            counts[posting] = counts.get(posting, 0.0) + weight


class _Rows:
    """The search rows of a batch of items, as :class:`Index` analyzes them."""

    def __init__(self) -> None:
        self.fields: list[dict[str, Any]] = []
        self.lengths: list[dict[str, Any]] = []
        self.postings: list[dict[str, Any]] = []
        self.words: dict[tuple[str, str], str] = {}  # (language, folded word) → term

    def add(self, item: Item, doc: int, analyzer: Analyzer) -> None:
        single = Index([item], analyzer=analyzer)
        at: dict[int, dict[int, set[str]]] = {}  # field → position → name keys
        for key, fields in single._keys.items():
            for field_id, positions in fields.items():
                for position in positions:
                    at.setdefault(field_id, {}).setdefault(position, set()).add(key)
        seen_as_fallback: dict[int, set[str]] = {}
        lengths: dict[str | None, float] = {}
        for reader, (per_item, _) in single._lengths.items():
            if 0 in per_item:
                lengths[reader] = float(per_item[0])
                self.lengths.append(
                    {"item_id": item.id, "reader": reader or _ALL, "length": lengths[reader]}
                )
        every = lengths.get(None, 0.0)
        counts: dict[tuple[str, str, str, str, str], float] = {}
        for reader in SUPPORTED_LANGUAGES:
            for field_id, fallback in single._views.get(reader, {}).get(0, []):
                field = single._fields[field_id]
                if fallback:
                    seen_as_fallback.setdefault(field_id, set()).add(reader)
                weight = FIELD_WEIGHTS[field.name]
                keys = at.get(field_id, {})
                for position, token in enumerate(field.tokens):
                    posting = (reader, field.lang, token.term, "", "")
                    counts[posting] = counts.get(posting, 0.0) + weight
                    found = keys.get(position)
                    if found:
                        keyset = " " + " ".join(sorted(found)) + " "
                        for key in found:
                            posting = (reader, field.lang, "#" + key, token.term, keyset)
                            counts[posting] = counts.get(posting, 0.0) + weight
                    if position:
                        _count_pair(counts, reader, field, position, keys, weight)
        for (reader, lang, term, tok, keyset), count in counts.items():
            if not term:
                continue
            self.postings.append(
                {
                    "reader": reader,
                    "lang": lang,
                    "term": term,
                    "doc": doc,
                    "tok": tok,
                    "keyset": keyset,
                    "weight": count,
                    "length": lengths.get(reader, 0.0),
                    "length_all": every,
                }
            )
        seen: set[tuple[str, str]] = set()
        for field in single._fields:
            for token in field.tokens:
                surface = (field.lang, field.text[token.start : token.end])
                if surface not in seen and token.term:
                    seen.add(surface)
                    self.words[field.lang, analyzer.fold(surface[1], field.lang)] = token.term
        for number, field in enumerate(single._fields):
            keys = at.get(number, {})
            self.fields.append(
                {
                    "doc": doc,
                    "number": number,
                    "item_id": item.id,
                    "lang": field.lang,
                    "field": field.name,
                    "fallback": " ".join(sorted(seen_as_fallback.get(number, ()))),
                    "terms": " ".join(t.term or _EMPTY for t in field.tokens),
                    "keys": " ".join(f"{p}:{','.join(sorted(k))}" for p, k in sorted(keys.items())),
                }
            )

    def write(self, conn: sa.Connection) -> None:
        if self.words:
            rows = [{"lang": k[0], "word": k[1], "term": v} for k, v in sorted(self.words.items())]
            insert: Any = (
                sqlite_insert(s.search_words)
                if conn.dialect.name == "sqlite"
                else postgresql_insert(s.search_words)
            )
            conn.execute(insert.on_conflict_do_nothing(), rows)
        if self.fields:
            _insert_many(conn, s.search_fields, self.fields)
        if self.postings:
            _insert_many(conn, s.search_postings, self.postings)
        if self.lengths:
            conn.execute(sa.insert(s.search_lengths), self.lengths)
            deltas: dict[str, tuple[int, float]] = {}
            for row in self.lengths:
                count, summed = deltas.get(row["reader"], (0, 0.0))
                deltas[row["reader"]] = (count + 1, summed + row["length"])
            _bump(conn, deltas)


def _insert_many(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``: ``COPY`` on PostgreSQL, the driver's ``executemany`` on SQLite.

    The search rows are many and plain; building SQLAlchemy's parameters for each took
    longer than the database took to insert them.
    """
    names = [column.name for column in table.columns]
    values = map(operator.itemgetter(*names), rows)
    if conn.dialect.name == "postgresql":
        # COPY: PostgreSQL's bulk load, in the transaction of the write like any insert.
        raw: Any = conn.connection.dbapi_connection
        copying = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(copying) as copy:
            for row in values:
                copy.write_row(row)
        return
    marks = ", ".join(["?"] * len(names))
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    conn.exec_driver_sql(statement, list(values))


def delete_rows(conn: sa.Connection, ids: Sequence[str], *, keep_numbers: bool = False) -> None:
    """Remove the search rows of ``ids`` (the item rows stay; their numbers too, if asked)."""
    docs = s.search_docs
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start : start + _BATCH])
        numbers = list(
            conn.execute(sa.select(docs.c.doc).where(docs.c.item_id.in_(chunk))).scalars()
        )
        if numbers:
            conn.execute(sa.delete(s.search_postings).where(s.search_postings.c.doc.in_(numbers)))
            conn.execute(sa.delete(s.search_fields).where(s.search_fields.c.doc.in_(numbers)))
            if not keep_numbers:
                conn.execute(sa.delete(docs).where(docs.c.doc.in_(numbers)))
        lengths = s.search_lengths
        gone = conn.execute(
            sa.select(lengths.c.reader, sa.func.count(), sa.func.sum(lengths.c.length))
            .where(lengths.c.item_id.in_(chunk))
            .group_by(lengths.c.reader)
        ).all()
        _bump(conn, {reader: (-int(n), -float(total or 0.0)) for reader, n, total in gone})
        conn.execute(sa.delete(lengths).where(lengths.c.item_id.in_(chunk)))


def _bump(conn: sa.Connection, deltas: dict[str, tuple[int, float]]) -> None:
    """Add to the per-reader item counts and length sums BM25 reads at query time."""
    totals = s.search_totals
    for reader, (count, length) in sorted(deltas.items()):
        done = conn.execute(
            sa.update(totals)
            .where(totals.c.reader == reader)
            .values(documents=totals.c.documents + count, length=totals.c.length + length)
        )
        if done.rowcount == 0:
            conn.execute(sa.insert(totals).values(reader=reader, documents=count, length=length))


# -- searching -----------------------------------------------------------------------


class _Option(NamedTuple):
    """One range of postings a query word reads: a term, a prefix's terms, or a name key."""

    reader: str
    lang: str
    term: str
    prefix: bool = False
    # A name key's rows of words whose term is the query word's stem are counted by the
    # term's row: a key option reads the rows whose word's term sorts below the stem, or
    # (``above``) those above it, each a range of the index.
    stem: str = ""
    above: bool = False
    earlier: tuple[str, ...] = ()  # keys the query word has before this one
    # A pair's options before this one: (first, second), each a term or "#key".
    earlier_pairs: tuple[tuple[str, str], ...] = ()

    @property
    def keyed(self) -> bool:
        """Whether the option reads rows of a name key (several rows per item may match)."""
        return "#" in self.term

    def matches(self, row: dict[str, Any]) -> bool:
        """Whether a postings row (as written) is one this option reads."""
        if row["reader"] != self.reader or row["lang"] != self.lang:
            return False
        term: str = row["term"]
        if self.prefix:
            return term.startswith(self.term) and term[:1] not in ("#", _PAIR)
        if term != self.term:
            return False
        if not self.keyed:
            return not row["tok"]
        keyset: str = row["keyset"]
        tok: str = row["tok"]
        side = tok > self.stem if self.above else tok < self.stem
        return (
            side
            and all(f" {k} " not in keyset for k in self.earlier)
            and not any(
                f" A:{a} " in keyset and f" B:{b} " in keyset for a, b in self.earlier_pairs
            )
        )


class _Query:
    """One query against one store: how each clause reads the postings, and the ranking."""

    def __init__(
        self,
        conn: sa.Connection,
        analyzer: Analyzer,
        reader: Lang | None,
        total: int,
        average: float,
    ) -> None:
        self.conn = conn
        self.analyzer = analyzer
        self.reader = reader
        self.total = total
        self.average = average
        p = s.search_postings.c
        self.length = p.length_all if reader is None else p.length
        self.find = sa.func.instr if conn.dialect.name == "sqlite" else sa.func.strpos
        self._stems: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        self._keys: dict[str, frozenset[str]] = {}
        self._expanded: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def starts(self, word: str, lang: str, prefix: bool) -> tuple[str, ...]:
        """The term a word must have in a ``lang`` field; for a prefix, what a term starts with."""
        found = self._stems.get((word, lang, prefix))
        if found is None:
            stem = self.analyzer.stem(word, lang)
            found = (
                tuple(sorted({self.analyzer.fold(word, lang), stem} - {""})) if prefix else (stem,)
            )
            self._stems[word, lang, prefix] = found
        return found

    def keys_of(self, word: str) -> frozenset[str]:
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = frozenset(name_keys(word))
        return found

    # -- what a word reads ----------------------------------------------------------

    def options(self, word: str, prefix: bool) -> list[_Option]:
        """The postings a word matches in any language: its term, a prefix's terms, its name keys.

        A reader reads its own rows (its language's fields and their stand-ins); a
        search in every language reads each language's own fields. A word that matches
        both by its term and by a name key, or by two keys, is matched by one row: the
        key rows of a word whose term matches are skipped, and of a word's keys only
        the first the query has counts.
        """
        options: list[_Option] = []
        keys = () if prefix else name_keys(word)
        for lang in SUPPORTED_LANGUAGES:
            reader = self.reader or lang
            starts = self.starts(word, lang, prefix)
            if prefix:
                terms = self.expand(reader, lang, starts)
                if terms is None:
                    options.extend(_Option(reader, lang, start, prefix=True) for start in starts)
                else:
                    options.extend(_Option(reader, lang, term) for term in terms)
                continue
            stem = starts[0]
            if stem:
                options.append(_Option(reader, lang, stem))
            for number, key in enumerate(keys):
                for above in (False, True) if stem else (True,):
                    options.append(
                        _Option(
                            reader, lang, "#" + key, stem=stem, above=above, earlier=keys[:number]
                        )
                    )
        return options

    def pair_options(self, clause: QueryClause) -> list[_Option] | None:
        """The postings of a two-word phrase's own rows; None when it has none to read.

        Each word matches a position by its term or one of its name keys, so the phrase
        reads every (term or key, term or key) pair's rows: the term pair's rows, then
        each other pair's, without the positions an earlier pair matched (their terms
        are the term pair: ``tok``; or they offer an earlier pair: ``keyset``).
        A prefix, or a word without a term in some language, is matched on the stored
        tokens instead (:meth:`phrase`).
        """
        if len(clause.words) != 2 or clause.prefix:
            return None
        first, second = clause.words
        options: list[_Option] = []
        for lang in SUPPORTED_LANGUAGES:
            reader = self.reader or lang
            one, two = self.starts(first, lang, False)[0], self.starts(second, lang, False)[0]
            if not one or not two:
                return None
            left = [one, *("#" + key for key in name_keys(first))]
            right = [two, *("#" + key for key in name_keys(second))]
            pairs = [(a, b) for a in left for b in right]
            stem = f"{one} {two}"
            options.append(_Option(reader, lang, f"{_PAIR}{stem}"))
            for number, (a, b) in enumerate(pairs[1:], 1):
                for above in (False, True):
                    options.append(
                        _Option(
                            reader,
                            lang,
                            f"{_PAIR}{a} {b}",
                            stem=stem,
                            above=above,
                            earlier_pairs=tuple(pairs[1:number]),
                        )
                    )
        return options

    def clause_options(self, clause: QueryClause) -> list[_Option] | None:
        """The postings a clause reads: a word's or prefix's, or a two-word phrase's own."""
        if len(clause.words) == 1:
            return self.options(clause.words[0], clause.prefix)
        return self.pair_options(clause)

    def expand(self, reader: str, lang: str, starts: Sequence[str]) -> list[str] | None:
        """The terms a reader's ``lang`` rows have that begin with one of ``starts``.

        A prefix that few terms share is read as those terms, so that a single word's
        best-first read applies to it; ``None`` when more than ``_EXPAND_MAX`` share it
        (the prefix's range is then read whole).
        """
        found: set[str] = set()
        for start in starts:
            key = (reader, lang, start)
            terms = self._expanded.get(key, ())
            if key not in self._expanded:
                rows = self.conn.execute(
                    sa.text(
                        "WITH RECURSIVE t(v, n) AS ("
                        "SELECT min(term), 1 FROM search_postings WHERE reader = :reader "
                        "AND lang = :lang AND term >= :low AND term < :high "
                        "UNION ALL SELECT (SELECT min(term) FROM search_postings "
                        "WHERE reader = :reader AND lang = :lang AND term > t.v "
                        "AND term < :high), n + 1 FROM t WHERE t.v IS NOT NULL AND n < :most"
                        ") SELECT v FROM t WHERE v IS NOT NULL"
                    ),
                    {
                        "reader": reader,
                        "lang": lang,
                        "low": start,
                        "high": start + _TOP,
                        "most": _EXPAND_MAX + 1,
                    },
                ).scalars()
                terms = self._expanded[key] = tuple(rows)
            found.update(terms)
            if len(terms) > _EXPAND_MAX or len(found) > _EXPAND_MAX:
                return None
        return sorted(found)

    def where(self, option: _Option) -> list[Any]:
        """The SQL conditions of one option's postings."""
        p = s.search_postings.c
        parts: list[Any] = [p.reader == option.reader, p.lang == option.lang]
        if option.prefix:
            parts += [p.term >= option.term, p.term < option.term + _TOP]
            return parts
        parts.append(p.term == option.term)
        if not option.keyed:
            parts.append(p.tok == "")
            return parts
        parts.append(p.tok > option.stem if option.above else p.tok < option.stem)
        parts.extend(self.find(p.keyset, f" {key} ") == 0 for key in option.earlier)
        parts.extend(
            sa.or_(self.find(p.keyset, f" A:{a} ") == 0, self.find(p.keyset, f" B:{b} ") == 0)
            for a, b in option.earlier_pairs
        )
        return parts

    def together(self, per_clause: Sequence[Sequence[_Option]], name: str) -> Any:
        """Per item that every clause matches: its length and each clause's weighted count (``tfN``).

        One aggregate over the tagged postings of all clauses, not a join of one
        aggregate per clause: a planner cannot estimate how many items an aggregate
        gives, and PostgreSQL joined two of 37,000 rows by nested loop (74 s).
        """
        p = s.search_postings.c
        rows = [
            sa.select(
                p.doc, p.weight, self.length.label("len"), sa.literal(number).label("part")
            ).where(*self.where(option))
            for number, options in enumerate(per_clause)
            for option in options
        ]
        union: Any = rows[0].subquery() if len(rows) == 1 else sa.union_all(*rows).subquery()
        columns = [union.c.doc.label("doc"), sa.func.max(union.c.len).label("len")]
        having = []
        for number in range(len(per_clause)):
            mine = union.c.part == number
            columns.append(
                sa.func.sum(sa.case((mine, union.c.weight), else_=0.0)).label(f"tf{number}")
            )
            having.append(sa.func.sum(sa.case((mine, 1), else_=0)) > 0)
        return sa.select(*columns).group_by(union.c.doc).having(*having).subquery(name)

    def size(self, option: _Option) -> int:
        """How many postings one option has (an index range count)."""
        statement = sa.select(sa.func.count()).select_from(s.search_postings)
        return int(self.conn.execute(statement.where(*self.where(option))).scalar() or 0)

    # -- scoring ----------------------------------------------------------------------

    def idf(self, found: int) -> float:
        return math.log(1 + (self.total - found + 0.5) / (found + 0.5))

    def gain(self, idf: Any, tf: Any, length: Any) -> Any:
        """BM25 of one clause, the same arithmetic in SQL (columns) and Python (numbers)."""
        norm = 1 - BM25_B + BM25_B * (length / self.average) if self.average else 1.0
        return idf * tf * (BM25_K1 + 1) / (tf + BM25_K1 * norm)

    # -- phrases ----------------------------------------------------------------------

    def phrase_docs(self, clause: QueryClause) -> dict[int, float]:
        """The items where each pair of a phrase's words occurs (in a field the reader sees).

        With their lengths. Each pair of neighbours is read from the pairs' own rows
        where it has them (a prefix and a word without a term have none: their words'
        rows are read instead), so few items are left for :meth:`positions` to judge.
        """
        groups: list[list[_Option]] = []
        last = len(clause.words) - 1
        covered: set[int] = set()
        for offset in range(last):
            prefix = clause.prefix and offset + 1 == last
            pair = self.pair_options(QueryClause(clause.words[offset : offset + 2], prefix))
            if pair is not None:
                groups.append(pair)
                covered.update((offset, offset + 1))
        for offset, word in enumerate(clause.words):
            if offset not in covered:
                options = self.options(word, clause.prefix and offset == last)
                if not options:
                    return {}
                groups.append(options)
        both = self.together(groups, "words")
        rows = self.conn.execute(sa.select(both.c.doc, both.c.len))
        return {int(doc): float(length) for doc, length in rows}

    def phrase(self, clause: QueryClause) -> tuple[dict[int, float], dict[int, float]]:
        """Per item, the weighted count of a phrase's matches and the item's length."""
        candidates = self.phrase_docs(clause)
        counts: dict[int, float] = {}
        numbers = sorted(candidates)
        having = self.having(clause)
        for start in range(0, len(numbers), _BATCH):
            for doc, stored in self.fields(numbers[start : start + _BATCH], having):
                positions = self.positions(stored, clause)
                if positions:
                    counts[doc] = counts.get(doc, 0.0) + stored.weight * len(positions)
        return counts, {doc: candidates[doc] for doc in counts}

    def stored(self, row: dict[str, Any]) -> _Stored | None:
        """A field row as written, if the reader sees that field."""
        return self._stored(
            row["number"], row["lang"], row["field"], row["fallback"], row["terms"], row["keys"]
        )

    def _stored(
        self, number: int, lang: str, name: str, fallback: str, terms: str, keys: str
    ) -> _Stored | None:
        if self.reader is not None and lang != self.reader and self.reader not in fallback.split():
            return None
        at: dict[int, frozenset[str]] = {}
        for part in keys.split():
            position, _, listed = part.partition(":")
            at[int(position)] = frozenset(listed.split(","))
        return _Stored(number, name, lang, FIELD_WEIGHTS[name], terms.split(" "), at)

    def having(self, clause: QueryClause) -> Any:
        """A cheap SQL test that a stored field may hold every word of ``clause``.

        Substring tests on the stored tokens (a word's term, a prefix at the start of
        a term, or one of its name keys) let the database skip the fields a phrase
        cannot match; :meth:`positions` decides on the rest.
        """
        f = s.search_fields.c
        terms = " " + f.terms + " "
        keys = " " + sa.func.replace(sa.func.replace(f["keys"], ":", " "), ",", " ") + " "
        words: list[Any] = []
        for offset, word in enumerate(clause.words):
            prefix = clause.prefix and offset == len(clause.words) - 1
            either: list[Any] = []
            for lang in SUPPORTED_LANGUAGES:
                for start in self.starts(word, lang, prefix):
                    if start:
                        needle = f" {start}" if prefix else f" {start} "
                        either.append(sa.and_(f.lang == lang, self.find(terms, needle) > 0))
            if not prefix:
                either.extend(self.find(keys, f" {key} ") > 0 for key in sorted(self.keys_of(word)))
            words.append(sa.or_(*either) if either else sa.false())
        return sa.and_(*words)

    def fields(self, docs: Sequence[int], having: Any = None) -> list[tuple[int, _Stored]]:
        """The stored fields of ``docs`` that the reader sees (and that pass ``having``)."""
        f = s.search_fields.c
        out: list[tuple[int, _Stored]] = []
        rows = self.conn.execute(
            sa.select(f.doc, f.number, f.lang, f.field, f.fallback, f.terms, f["keys"])
            .where(f.doc.in_(docs), *(() if having is None else (having,)))
            .order_by(f.doc, f.number)
        )
        for doc, number, lang, name, fallback, terms, keys in rows:
            stored = self._stored(number, lang, name, fallback, terms, keys)
            if stored is not None:
                out.append((doc, stored))
        return out

    def positions(self, field: _Stored, clause: QueryClause) -> set[int]:
        """Where ``clause`` matches in a stored field (its last word's positions), as Index does."""
        current: set[int] | None = None
        for offset, word in enumerate(clause.words):
            prefix = clause.prefix and offset == len(clause.words) - 1
            starts = self.starts(word, field.lang, prefix)
            if prefix:
                found = {
                    n
                    for n, term in enumerate(field.terms)
                    if term != _EMPTY and term.startswith(starts)
                }
            else:
                stem = starts[0]
                found = {n for n, term in enumerate(field.terms) if term == stem}
                keys = self.keys_of(word)
                found.update(n for n, at in field.keys.items() if not at.isdisjoint(keys))
            current = found if current is None else {n + 1 for n in current} & found
            if not current:
                return set()
        return current or set()


def _hits(
    plan: _Query, clauses: Sequence[QueryClause], ranked: Sequence[tuple[int, str, float]]
) -> list[SearchHit]:
    """The page's hits: where each item matched best, and its snippet, as the in-memory index says.

    The stored tokens tell which field has the most matched words; only that field is
    analysed again, for the offsets of its words.
    """
    order = {"lead": 0, "body": 1, "title": 2}
    ids = [item_id for _, item_id, _ in ranked]
    documents = dict(
        plan.conn.execute(
            sa.select(s.items.c.id, s.items.c.document).where(s.items.c.id.in_(ids))
        ).all()
    )
    marks: dict[int, dict[int, set[int]]] = {}
    fields: dict[tuple[int, int], _Stored] = {}
    for doc, field in plan.fields([doc for doc, _, _ in ranked]):
        fields[doc, field.number] = field
        for clause in clauses:
            width = len(clause.words)
            for position in plan.positions(field, clause):
                in_field = marks.setdefault(doc, {}).setdefault(field.number, set())
                in_field.update(range(position - width + 1, position + 1))
    hits: list[SearchHit] = []
    for doc, item_id, score in ranked:
        marked = marks[doc]
        best = min(
            marked,
            key=lambda n: (-len(marked[n]), order[fields[doc, n].name], n),
        )
        field = fields[doc, best]
        item = _parse(documents[item_id])
        value = _field_text(item, best)
        text, tokens = plan.analyzer.tokens(value, field.lang)
        hits.append(
            SearchHit(
                item=item,
                score=score,
                lang=field.lang,
                is_fallback=plan.reader is not None and field.lang != plan.reader,
                snippet=highlight(text, tokens, marked[best]),
                field=field.name,
            )
        )
    return hits


def _field_text(item: Item, number: int) -> str:
    """The text of an item's ``number``-th searched field, numbered as :class:`Index` does."""
    seen = 0
    for _, text in search_fields(item):
        for _, value in text:
            if not value:
                continue
            if seen == number:
                return value
            seen += 1
    return ""


def _ranked_in_sql(
    plan: _Query,
    clauses: Sequence[QueryClause],
    per_clause: Sequence[Sequence[_Option]],
    kept: list[Any],
    cursor: SearchHit | None,
    limit: int,
) -> list[tuple[int, str, float]]:
    """The page's (item number, id, score), best first, for clauses that have postings.

    Words, prefixes and two-word phrases (``per_clause``: what each reads). A single
    one on a first page without filters takes the best of each weight's postings in
    length order (:func:`_top_of_one_word`); anything else is counted, scored and
    ordered in one statement.
    """
    if not all(per_clause):
        return []
    if cursor is None and not kept and plan.reader is not None:
        if len(per_clause) == 1:
            best = _top_of_one_word(plan, per_clause[0], limit)
        else:
            best = _top_of_clauses(plan, per_clause, limit)
        if best is not None:
            return _with_ids(plan, best)
    idfs: list[float] = []
    for number, options in enumerate(per_clause):
        sub = plan.together([options], f"c{number}")
        found = int(plan.conn.execute(sa.select(sa.func.count()).select_from(sub)).scalar() or 0)
        if not found:
            return []
        idfs.append(plan.idf(found))
    every = plan.together(per_clause, "every")
    tfs = [every.c[f"tf{number}"] for number in range(len(per_clause))]
    joined: Any = every
    conditions = list(kept)
    if kept:
        joined = joined.join(s.search_docs, s.search_docs.c.doc == every.c.doc).join(
            s.items, s.items.c.id == s.search_docs.c.item_id
        )
    score: Any = None
    for idf, tf in zip(idfs, tfs, strict=True):
        gain = plan.gain(sa.literal(idf, sa.Float), tf, every.c.len)
        score = gain if score is None else score + gain
    if cursor is not None:
        after_doc, after_score, slack = _cursor_position(plan, clauses, idfs, cursor)
        tied = (
            score == after_score
            if not slack
            else sa.and_(score >= after_score - slack, score <= after_score + slack)
        )
        conditions.append(
            sa.or_(score < after_score - slack, sa.and_(tied, every.c.doc > after_doc))
        )
    statement = (
        sa.select(every.c.doc, every.c.len, *tfs)
        .select_from(joined)
        .where(*conditions)
        .order_by(score.desc(), every.c.doc)
        .limit(limit)
    )
    top: list[tuple[int, float]] = []
    for row in plan.conn.execute(statement):
        doc, length, *counts = row
        total: float | None = None
        for idf, tf in zip(idfs, counts, strict=True):
            gain = plan.gain(idf, float(tf), float(length))
            total = gain if total is None else total + gain
        top.append((int(doc), float(total or 0.0)))
    return _with_ids(plan, top)


class _Stream:
    """One clause's items, best first: its short lists read whole, its long list by weight.

    Applies when at most one of the clause's postings lists is large and that list is
    a term's (one row per item): an item found only there scores by its weight and
    length alone, and within one weight a shorter item scores higher, so each weight's
    rows read in length order (:class:`_Bucket`) come best first. The items of the short
    lists (name keys, fallbacks, a rare word) are scored exactly up front.
    """

    def __init__(
        self,
        plan: _Query,
        big: _Option | None,
        small: dict[int, list[float]],
        found: int,
        weights: Sequence[float],
    ) -> None:
        self.plan = plan
        self.big = big
        self.small = small  # item → [weighted count, length], exact
        self.idf = plan.idf(found)
        self.buckets = [_Bucket(plan, big, w, self.idf, small) for w in weights] if big else []

    @classmethod
    def open(cls, plan: _Query, options: Sequence[_Option], *, long: bool) -> _Stream | None:
        """The clause's stream, or None when its lists do not allow one.

        With ``long``, also None when no list is long: reading best first saves nothing.
        """
        if any(o.prefix for o in options):
            return None
        # Only a term's rows hold one row per item: counting them tells the long list.
        terms = [n for n, o in enumerate(options) if not o.keyed]
        sizes = dict.fromkeys(range(len(options)), 0)
        sizes.update((n, plan.size(options[n])) for n in terms)
        large = [n for n in terms if sizes[n] >= _PRUNE_FROM]
        if len(large) > 1 or (long and not large):
            return None
        big = options[large[0]] if large else None
        # The short lists in one statement: read whole, unless they are long together.
        p = s.search_postings.c
        reads = [
            sa.select(p.doc, p.weight, p.length).where(*plan.where(option))
            for number, option in enumerate(options)
            if option is not big and (option.keyed or sizes[number])
        ]
        small: dict[int, list[float]] = {}
        if reads:
            union: Any = reads[0] if len(reads) == 1 else sa.union_all(*reads)
            rows = plan.conn.execute(union.limit(_PRUNE_REST + 1)).all()
            if len(rows) > _PRUNE_REST:
                return None
            for doc, weight, length in rows:
                entry = small.setdefault(int(doc), [0.0, float(length)])
                entry[0] += float(weight)
        if big is None:
            return cls(plan, None, small, len(small), ())
        in_big = 0
        for doc, weight in _lookup(plan, big, sorted(small)):
            small[doc][0] += weight
            in_big += 1
        weights = plan.conn.execute(
            sa.text(
                "WITH RECURSIVE w(v) AS ("
                "SELECT max(weight) FROM search_postings "
                "WHERE reader = :reader AND lang = :lang AND term = :term AND tok = '' "
                "UNION ALL SELECT (SELECT max(weight) FROM search_postings "
                "WHERE reader = :reader AND lang = :lang AND term = :term AND tok = '' "
                "AND weight < w.v) "
                "FROM w WHERE w.v IS NOT NULL"
                ") SELECT v FROM w WHERE v IS NOT NULL"
            ),
            {"reader": big.reader, "lang": big.lang, "term": big.term},
        ).scalars()
        found = sizes[large[0]] + len(small) - in_big
        return cls(plan, big, small, found, [float(w) for w in weights])

    def bound(self) -> float | None:
        """The most an item not read yet can gain here; None when every item was read."""
        left = [b.frontier() for b in self.buckets if not b.done]
        return max(left) if left else None

    def counts(self, docs: Sequence[int]) -> dict[int, float]:
        """The weighted counts of items not among the short lists' (0 when absent)."""
        found = dict.fromkeys(docs, 0.0)
        if self.big is not None:
            found.update(_lookup(self.plan, self.big, docs))
        return found


def _lookup(plan: _Query, option: _Option, docs: Sequence[int]) -> list[tuple[int, float]]:
    """(item, weight) of a term's rows for ``docs`` (one row per item at most)."""
    p = s.search_postings.c
    out: list[tuple[int, float]] = []
    for start in range(0, len(docs), _BATCH):
        statement = sa.select(p.doc, p.weight).where(
            p.doc.in_(docs[start : start + _BATCH]), *plan.where(option)
        )
        out.extend((int(doc), float(weight)) for doc, weight in plan.conn.execute(statement))
    return out


def _ties_come_later(
    streams: Sequence[_Stream], most: Sequence[float], slack: float, doc: int
) -> bool:
    """Whether an item not met yet that ties with the ceiling must be numbered after ``doc``.

    Such an item gains the most some stream can still give, so in that stream it lies at
    the length last read in a weight whose last row gains that much, after that row
    (a weight's rows of one length come in item order).
    """
    for stream, bound in zip(streams, most, strict=True):
        near = [b for b in stream.buckets if not b.done and b.frontier() >= bound - slack]
        if all(b.after() >= doc for b in near):
            return True
    return False


def _top_of_one_word(
    plan: _Query, options: Sequence[_Option], limit: int
) -> list[tuple[int, float]] | None:
    """The best ``limit`` (item number, score) for one word, without reading all its postings.

    The word's :class:`_Stream`: the best ``limit`` of each weight, merged with the
    items of the short lists, are the best overall. ``None`` when no stream applies or
    the word has no long list (the full count is as quick then).
    """
    stream = _Stream.open(plan, options, long=True)
    if stream is None:
        return None
    candidates = [
        (-plan.gain(stream.idf, tf, length), doc) for doc, (tf, length) in stream.small.items()
    ]
    for bucket in stream.buckets:
        candidates.extend(bucket.take(limit))
    candidates.sort()
    if len(candidates) > limit:
        # Items that tie with the last one kept may wait further down another weight's list.
        last_gain, last_doc = candidates[limit - 1]
        for bucket in stream.buckets:
            candidates.extend(bucket.ties(last_gain, last_doc, limit))
        candidates.sort()
    return [(doc, -negated) for negated, doc in candidates[:limit]]


def _top_of_clauses(
    plan: _Query, per_clause: Sequence[Sequence[_Option]], limit: int
) -> list[tuple[int, float]] | None:
    """The best ``limit`` (item number, score) of items every clause matches, read best first.

    Each clause's :class:`_Stream` is read in rounds, best first; an item met in one
    stream has its counts in the others looked up, so every item met is scored exactly.
    An item not met yet scores at most the sum of what each stream can still give
    (:meth:`_Stream.bound`); reading stops once the page's last item scores more, or a
    stream has no item left (no unmet item matches it). A weight's rows are read on only
    while they could still reach the page. ``None`` when a clause has no stream.
    """
    streams: list[_Stream] = []
    for options in per_clause:
        stream = _Stream.open(plan, options, long=False)
        if stream is None:
            return None
        streams.append(stream)
    met = _Met(plan, streams)
    chunk = max(limit, _FIRST_READ)
    while True:
        ranked = met.scored()
        bounds = [stream.bound() for stream in streams]
        most = [bound for bound in bounds if bound is not None]
        if len(most) < len(bounds):
            break  # an item none of the streams gave so far misses a clause
        ceiling = sum(most)
        # Scores that differ by less than this are taken as possible ties: the gains of
        # distinct lengths and weights differ by far more, float sums by far less.
        slack = 1e-9 * (1.0 + ceiling)
        last: tuple[float, int] | None = None
        if len(ranked) >= limit:
            last = (-ranked[limit - 1][0], ranked[limit - 1][1])
            if last[0] > ceiling + slack or (
                last[0] >= ceiling - slack and _ties_come_later(streams, most, slack, last[1])
            ):
                break
        if not met.read_on(most, slack, last, chunk):
            break
        chunk = min(chunk * 2, 4096)
    return [(doc, -negated) for negated, doc in met.scored()[:limit]]


class _Met:
    """The items a query's streams gave so far, with what each clause counts for them."""

    def __init__(self, plan: _Query, streams: Sequence[_Stream]) -> None:
        self.plan = plan
        self.streams = streams
        self.counts: dict[int, list[float | None]] = {}  # None: not known yet
        self.lengths: dict[int, float] = {}
        self.scores: dict[int, float] = {}
        for number, stream in enumerate(streams):
            for doc, (tf, length) in stream.small.items():
                self.meet(doc, number, tf, length)

    def meet(self, doc: int, clause: int, tf: float, length: float) -> None:
        known = self.counts.get(doc)
        if known is None:
            known = self.counts[doc] = [None] * len(self.streams)
        known[clause] = tf
        self.lengths[doc] = length

    def scored(self) -> list[tuple[float, int]]:
        """(−score, item) of every item met that all clauses match, best first.

        Counts not known yet are looked up first.
        """
        for number, stream in enumerate(self.streams):
            missing = [d for d, known in self.counts.items() if known[number] is None]
            for doc, tf in stream.counts(missing).items():
                self.counts[doc][number] = tf
        for doc, known in self.counts.items():
            if doc in self.scores or not all(known):
                continue
            total = 0.0
            for stream, count in zip(self.streams, known, strict=True):
                total += self.plan.gain(stream.idf, float(count or 0.0), self.lengths[doc])
            self.scores[doc] = total
        return sorted((-score, doc) for doc, score in self.scores.items())

    def read_on(
        self,
        most: Sequence[float],
        slack: float,
        last: tuple[float, int] | None,
        chunk: int,
    ) -> bool:
        """Read ``chunk`` more rows of each weight that could still reach the page; any read?"""
        read = False
        ceiling = sum(most)
        for number, stream in enumerate(self.streams):
            others = ceiling - most[number]
            for bucket in stream.buckets:
                if bucket.done:
                    continue
                if last is not None:
                    reach = bucket.frontier() + others
                    if reach < last[0] - slack:
                        continue  # nothing further down this weight can reach the page
                    if reach <= last[0] + slack and bucket.after() >= last[1]:
                        continue  # at most ties, numbered after the page's last item
                for doc, length in bucket.read(chunk):
                    if doc not in stream.small:
                        self.meet(doc, number, bucket.weight, length)
                read = True
        return read


class _Bucket:
    """The postings of one term with one weight, read in length order (best first)."""

    def __init__(
        self, plan: _Query, option: _Option, weight: float, idf: float, skip: dict[int, Any]
    ) -> None:
        self.plan = plan
        self.option = option
        self.weight = weight
        self.idf = idf
        self.skip = skip
        self.last: tuple[float, int] | None = None  # (length, item) of the last row read
        self.done = False

    def _rows(self, limit: int, extra: list[Any]) -> list[tuple[int, float]]:
        p = s.search_postings.c
        statement = (
            sa.select(p.doc, p.length)
            .where(*self.plan.where(self.option), p.weight == self.weight, *extra)
            .order_by(p.length, p.doc)
            .limit(limit)
        )
        return [(int(doc), float(length)) for doc, length in self.plan.conn.execute(statement)]

    def frontier(self) -> float:
        """The most an unread item of this weight can gain (its last read row's gain)."""
        if self.last is None:
            return math.inf
        return float(self.plan.gain(self.idf, self.weight, self.last[0]))

    def after(self) -> int:
        """The number of the last item read (unread items of its length come after it)."""
        return -1 if self.last is None else self.last[1]

    def read(self, limit: int) -> list[tuple[int, float]]:
        """The next ``limit`` (item, length) of this weight, best first."""
        p = s.search_postings.c
        extra = [] if self.last is None else [sa.tuple_(p.length, p.doc) > self.last]
        rows = self._rows(limit, extra)
        self.done = len(rows) < limit
        if rows:
            self.last = (rows[-1][1], rows[-1][0])
        return rows

    def take(self, limit: int) -> list[tuple[float, int]]:
        """The bucket's best ``limit`` items not scored already, as (−score, item)."""
        out: list[tuple[float, int]] = []
        while len(out) < limit and not self.done:
            for doc, length in self.read(limit):
                if doc not in self.skip:
                    out.append((-self.plan.gain(self.idf, self.weight, length), doc))
        return out[:limit] if len(out) > limit else out

    def ties(self, gain: float, before: int, limit: int) -> list[tuple[float, int]]:
        """Unread items of this bucket with score ``-gain`` and a number below ``before``."""
        if self.done or self.last is None:
            return []
        length, doc = self.last
        if -self.plan.gain(self.idf, self.weight, length) != gain:
            return []
        p = s.search_postings.c
        rows = self._rows(limit, [p.length == length, p.doc > doc, p.doc < before])
        return [(gain, d) for d, _ in rows if d not in self.skip]


def _ranked_with_phrases(
    plan: _Query,
    clauses: Sequence[QueryClause],
    kept: list[Any],
    cursor: SearchHit | None,
    limit: int,
) -> list[tuple[int, str, float]]:
    """The page's (item number, id, score) for a query with a phrase: phrases on stored tokens."""
    per_clause: list[dict[int, float]] = []
    lengths: dict[int, float] = {}
    for number, clause in enumerate(clauses):
        if len(clause.words) > 1:
            counts, found_lengths = plan.phrase(clause)
        else:
            options = plan.options(clause.words[0], clause.prefix)
            if not options:
                return []
            sub = plan.together([options], f"c{number}")
            counts, found_lengths = {}, {}
            rows = plan.conn.execute(sa.select(sub.c.doc, sub.c.tf0, sub.c.len))
            for doc, tf, length in rows:
                counts[int(doc)] = float(tf)
                found_lengths[int(doc)] = float(length)
        if not counts:
            return []
        per_clause.append(counts)
        lengths.update(found_lengths)
    scores: dict[int, float] = {}
    for number, counts in enumerate(per_clause):
        idf = plan.idf(len(counts))
        for doc, tf in counts.items():
            gain = plan.gain(idf, tf, lengths[doc])
            if number == 0:
                scores[doc] = gain
            elif doc in scores:
                scores[doc] += gain
        if number:
            for doc in [d for d in scores if d not in counts]:
                del scores[doc]
    if kept:
        docs = s.search_docs
        numbers = sorted(scores)
        allowed: set[int] = set()
        for start in range(0, len(numbers), _BATCH):
            statement = (
                sa.select(docs.c.doc)
                .join(s.items, s.items.c.id == docs.c.item_id)
                .where(docs.c.doc.in_(numbers[start : start + _BATCH]), *kept)
            )
            allowed.update(int(d) for d in plan.conn.execute(statement).scalars())
        scores = {doc: score for doc, score in scores.items() if doc in allowed}
    ranked = sorted((-score, doc) for doc, score in scores.items())
    if cursor is not None:
        idfs = [plan.idf(len(counts)) for counts in per_clause]
        after_doc, after_score, slack = _cursor_position(plan, clauses, idfs, cursor)
        ranked = [
            (negated, doc)
            for negated, doc in ranked
            if -negated < after_score - slack
            or (abs(-negated - after_score) <= slack and doc > after_doc)
        ]
    return _with_ids(plan, [(doc, -negated) for negated, doc in ranked[:limit]])


def _cursor_position(
    plan: _Query, clauses: Sequence[QueryClause], idfs: Sequence[float], cursor: SearchHit
) -> tuple[int, float, float]:
    """Where the previous page ended: its last item's number, score now, and the slack.

    The score is that of the item as the hit holds it, under the collection's
    statistics now, so the next page follows on even when that item was edited or
    deleted since (or others were). A deleted item has no number any more: items that
    tie with it may come again rather than be lost. When the hit does not match its own
    query (an older analyzer), its rounded score stands in, within its rounding.
    """
    docs = s.search_docs
    found = plan.conn.execute(
        sa.select(docs.c.doc).where(docs.c.item_id == cursor.item.id)
    ).scalar()
    doc = -1 if found is None else int(found)
    rows = _Rows()
    rows.add(cursor.item, doc, plan.analyzer)
    length = next((r["length"] for r in rows.lengths if r["reader"] == (plan.reader or _ALL)), None)
    score: float | None = None
    for clause, idf in zip(clauses, idfs, strict=True):
        tf = 0.0
        if len(clause.words) > 1:
            for field in rows.fields:
                stored = plan.stored(field)
                if stored is not None:
                    tf += stored.weight * len(plan.positions(stored, clause))
        else:
            options = plan.options(clause.words[0], clause.prefix)
            tf = sum(r["weight"] for r in rows.postings if any(o.matches(r) for o in options))
        if not tf or length is None:
            return doc, cursor.score, _ROUNDING
        gain = plan.gain(idf, tf, length)
        score = gain if score is None else score + gain
    return doc, cursor.score if score is None else score, 0.0


def _with_ids(plan: _Query, top: Sequence[tuple[int, float]]) -> list[tuple[int, str, float]]:
    """(item number, id, rounded score) for ranked (item number, score) pairs."""
    if not top:
        return []
    docs = s.search_docs
    ids = dict(
        plan.conn.execute(
            sa.select(docs.c.doc, docs.c.item_id).where(docs.c.doc.in_([d for d, _ in top]))
        ).all()
    )
    return [(doc, ids[doc], round(score, 6)) for doc, score in top]


def _filters(
    kinds: frozenset[str] | None,
    section: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> list[Any]:
    """SQL conditions on ``items`` for the kinds, section and date range asked for."""
    items = s.items.c
    kept: list[Any] = []
    if kinds is not None:
        kept.append(items.kind.in_(sorted(kinds)))
    if section is None and since is None and until is None:
        return kept
    kept.append(items.kind == "article")
    if section is not None:
        kept.append(items.section == section)
    if since is not None:
        kept.append(items.published_us >= to_micros(since))
    if until is not None:
        kept.append(items.published_us < to_micros(until))
    return kept


def _kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    if kinds is None:
        return None
    if isinstance(kinds, str):
        kinds = (kinds,)
    found = frozenset(kinds)
    unknown = sorted(found - set(KINDS))
    if unknown:
        raise InvalidArgumentError(
            f"unknown item kind(s) {', '.join(map(repr, unknown))}; "
            f"kinds are {', '.join(sorted(KINDS))}"
        )
    return found
