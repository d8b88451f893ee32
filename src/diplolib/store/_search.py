"""Full-text search in the store, fed by :mod:`diplolib.search`'s analyzer.

Every localized field of an item (as :func:`diplolib.search.search_fields` lists
them) is one row of ``search_fields`` per language: its analyzed terms and the
name keys of its capitalised words. SQLite matches them with an FTS5 table over
those two columns (``unicode61 remove_diacritics 0``: the terms are already
folded and stemmed); PostgreSQL with a GIN index over
``array_to_tsvector`` of the same terms (name keys as ``#key``; the generated
column ``lexemes``), which takes the
lexemes as they are, without a parser that might split or fold them again.

The index finds the candidate items: every item one of the query's clauses
matches. They are ranked by :class:`diplolib.search.Index` itself, with the
collection statistics BM25 needs (items in view, average weighted length) read
from ``search_lengths``, so both databases rank exactly as the in-memory index
does. The rows are written and deleted in the transaction of the item's write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any, Final

import sqlalchemy as sa

from .._query import to_micros
from ..errors import InvalidArgumentError
from ..languages import SUPPORTED_LANGUAGES, Lang, normalize_language
from ..models import Article, Item, item_adapter
from ..search import (
    Analyzer,
    Index,
    QueryClause,
    SearchHit,
    entity_names,
    name_keys,
    parse_query,
)
from . import _schema as s
from ._kinds import ENTITY_KINDS, KINDS

_BATCH: Final = 500
_ALL: Final = "*"  # search_lengths.reader for a search in every language
_NAMES_KEY: Final = "names"
# What PostgreSQL's generated, GIN-indexed column search_fields.lexemes holds.
PG_LEXEMES: Final = (
    "array_to_tsvector(array_remove(string_to_array(terms || ' ' || keys, ' '), ''))"
)


def _parse(document: str) -> Item:
    item: Item = item_adapter().validate_json(document.removeprefix("\ufeff"))
    return item


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
        """Index ``ids`` afresh; everything, when the names the stemmer keeps have changed."""
        fingerprint, analyzer = self.analyzer(conn)
        state = s.search_state
        stored = conn.execute(sa.select(state.c.value).where(state.c.key == _NAMES_KEY)).scalar()
        wanted = sorted(set(ids))
        if stored != fingerprint:
            wanted = list(conn.execute(sa.select(s.items.c.id).order_by(s.items.c.id)).scalars())
            conn.execute(sa.delete(state).where(state.c.key == _NAMES_KEY))
            conn.execute(sa.insert(state).values(key=_NAMES_KEY, value=fingerprint))
        delete_rows(conn, wanted)
        next_id = int(conn.execute(sa.select(sa.func.max(s.search_fields.c.id))).scalar() or 0) + 1
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            docs = conn.execute(
                sa.select(s.items.c.document).where(s.items.c.id.in_(chunk)).order_by(s.items.c.id)
            ).scalars()
            field_rows: list[dict[str, Any]] = []
            length_rows: list[dict[str, Any]] = []
            for document in docs:
                item = _parse(document)
                next_id = _item_rows(item, analyzer, next_id, field_rows, length_rows)
            if field_rows and conn.dialect.name != "sqlite":
                # PostgreSQL numbers the rows itself: concurrent writers of other items
                # would take the same numbers (SQLite has one writer at a time).
                for row in field_rows:
                    del row["id"]
            if field_rows:
                conn.execute(sa.insert(s.search_fields), field_rows)
                if conn.dialect.name == "sqlite":
                    conn.execute(
                        sa.text(
                            "INSERT INTO search_fts(rowid, terms, keys) VALUES (:id, :terms, :keys)"
                        ),
                        field_rows,
                    )
            if length_rows:
                conn.execute(sa.insert(s.search_lengths), length_rows)
                deltas: dict[str, tuple[int, float]] = {}
                for row in length_rows:
                    count, summed = deltas.get(row["reader"], (0, 0.0))
                    deltas[row["reader"]] = (count + 1, summed + row["length"])
                _bump(conn, deltas)

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
        candidates: set[str] = set()
        for code in SUPPORTED_LANGUAGES:
            candidates.update(_matching(conn, analyzer, clauses, code))
        if not candidates:
            return []
        ids = sorted(candidates)
        items: list[Item] = []
        for start in range(0, len(ids), _BATCH):
            docs = conn.execute(
                sa.select(s.items.c.document)
                .where(s.items.c.id.in_(ids[start : start + _BATCH]))
                .order_by(s.items.c.id)
            ).scalars()
            items.extend(_parse(d) for d in docs)
        totals = s.search_totals
        found = conn.execute(
            sa.select(totals.c.documents, totals.c.length).where(
                totals.c.reader == (reader or _ALL)
            )
        ).first()
        total, summed = found if found is not None else (0, 0.0)
        index = Index(items, analyzer=analyzer)
        total = int(total or 0)
        index._collection[reader] = (total, float(summed or 0.0) / total if total else 0.0)
        hits = index.search(query, lang=reader, limit=len(items))
        hits.sort(key=lambda hit: (-hit.score, hit.item.id))
        out: list[SearchHit] = []
        for hit in hits:
            if cursor is not None and (-hit.score, hit.item.id) <= (-cursor.score, cursor.item.id):
                continue
            if not _kept(hit.item, wanted_kinds, section, since, until):
                continue
            out.append(hit)
            if len(out) == limit:
                break
        return out


def delete_rows(conn: sa.Connection, ids: Sequence[str]) -> None:
    """Remove the search rows of ``ids`` (the item rows stay)."""
    fields = s.search_fields
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start : start + _BATCH])
        if conn.dialect.name == "sqlite":
            conn.execute(
                sa.text(
                    "DELETE FROM search_fts WHERE rowid IN "
                    "(SELECT id FROM search_fields WHERE item_id IN :ids)"
                ).bindparams(sa.bindparam("ids", expanding=True)),
                {"ids": chunk},
            )
        conn.execute(sa.delete(fields).where(fields.c.item_id.in_(chunk)))
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


def _kept(
    item: Item,
    kinds: frozenset[str] | None,
    section: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> bool:
    if kinds is not None and item.type not in kinds:
        return False
    if section is None and since is None and until is None:
        return True
    if not isinstance(item, Article):
        return False
    if section is not None and item.section.id != section:
        return False
    published = to_micros(item.published)
    if since is not None and published < to_micros(since):
        return False
    return until is None or published < to_micros(until)


def _item_rows(
    item: Item,
    analyzer: Analyzer,
    next_id: int,
    field_rows: list[dict[str, Any]],
    length_rows: list[dict[str, Any]],
) -> int:
    """Append the search rows of one item, analyzed exactly as :class:`Index` analyzes it."""
    single = Index([item], analyzer=analyzer)
    for field in single._fields:
        terms = [t.term for t in field.tokens if t.term]
        if not terms:
            continue
        keys: set[str] = set()
        for token in field.tokens:
            word = field.text[token.start : token.end]
            if word[:1].isupper():  # a capitalised word, as Index keys names
                keys.update(name_keys(word))
        field_rows.append(
            {
                "id": next_id,
                "item_id": item.id,
                "lang": field.lang,
                "terms": " ".join(terms),
                "keys": " ".join(f"#{k}" for k in sorted(keys)),
            }
        )
        next_id += 1
    for reader, (per_item, _) in single._lengths.items():
        if 0 in per_item:
            length_rows.append(
                {"item_id": item.id, "reader": reader or _ALL, "length": float(per_item[0])}
            )
    return next_id


def _fts(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _ts(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _word_options(
    analyzer: Analyzer, word: str, prefix: bool, lang: Lang
) -> list[tuple[str, str, bool]]:
    """(column, text, prefix) alternatives that match ``word`` in a ``lang`` field.

    A superset of what :class:`Index` matches: the term (or, for a prefix, every term
    that starts with the folded word or its stem), and the word's name keys.
    """
    stem = analyzer.stem(word, lang)
    options: list[tuple[str, str, bool]] = []
    if prefix:
        for start in {analyzer.fold(word, lang), stem}:
            if start:
                options.append(("terms", start, True))
        return options
    if stem:
        options.append(("terms", stem, False))
    options.extend(("keys", key, False) for key in name_keys(word))
    return options


def _matching(
    conn: sa.Connection, analyzer: Analyzer, clauses: Sequence[QueryClause], lang: Lang
) -> set[str]:
    """Ids of items with a ``lang`` field that one of the clauses may match."""
    clause_parts: list[list[list[tuple[str, str, bool]]]] = []
    for clause in clauses:
        words: list[list[tuple[str, str, bool]]] = []
        for offset, word in enumerate(clause.words):
            last = offset == len(clause.words) - 1
            options = _word_options(analyzer, word, clause.prefix and last, lang)
            if not options:
                break
            words.append(options)
        else:
            clause_parts.append(words)
    if not clause_parts:
        return set()
    if conn.dialect.name == "sqlite":

        def fts_option(column: str, text: str, prefix: bool) -> str:
            return f"{column}:{_fts(text)}" + ("*" if prefix else "")

        expression = " OR ".join(
            "("
            + " AND ".join(
                "(" + " OR ".join(fts_option(*o) for o in options) + ")" for options in words
            )
            + ")"
            for words in clause_parts
        )
        rows = conn.execute(
            sa.text(
                "SELECT DISTINCT f.item_id FROM search_fts JOIN search_fields AS f "
                "ON f.id = search_fts.rowid WHERE search_fts MATCH :q AND f.lang = :lang"
            ),
            {"q": expression, "lang": lang},
        ).scalars()
        return set(rows)

    def ts_option(column: str, text: str, prefix: bool) -> str:
        lexeme = _ts(text if column == "terms" else f"#{text}")
        return lexeme + (":*" if prefix else "")

    expression = " | ".join(
        "("
        + " & ".join("(" + " | ".join(ts_option(*o) for o in options) + ")" for options in words)
        + ")"
        for words in clause_parts
    )
    rows = conn.execute(
        sa.text(
            "SELECT DISTINCT item_id FROM search_fields WHERE lang = :lang "
            "AND lexemes @@ CAST(:q AS tsquery)"
        ),
        {"q": expression, "lang": lang},
    ).scalars()
    return set(rows)
