"""The SQL content store: the library's queries and validated writes on SQLAlchemy Core."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import heapq
import json
import math
import os
import tempfile
import threading
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, overload

import sqlalchemy as sa
from pydantic import ValidationError

from .._atomic import file_mode
from .._query import ArticleCursor, ArticleFilter, to_micros
from ..az import FORMS_FILE, FormsTable
from ..errors import (
    ConflictError,
    ContentError,
    LibraryError,
    Problem,
    ReferencedItemError,
    StoreError,
    UnknownReferenceError,
)
from ..languages import resolve_language
from ..library import (
    MAX_FILE_BYTES,
    RELATED_CANDIDATES,
    ContentLibrary,
    check_document,
    item_json,
)
from ..models import validate_item_json

if TYPE_CHECKING:
    from ..po import ImportReport
    from ..search import SearchHit
from ..models import Article, Event, Item, Organization, PartialDate, Person, Place
from . import _schema as s
from ._kinds import ENTITY_KINDS, KINDS, languages, references
from ._search import SearchIndex, delete_rows

T = TypeVar("T", Article, Event, Person, Organization, Place)

HEAD_REVISION: Final = "0007"
_WRITE_LOCK: Final = 0x646970_6C6F_6C6962  # PostgreSQL advisory lock key of store writes
"""The schema revision this version of diplolib reads and writes."""

_BATCH: Final = 500
_MIGRATIONS: Final = Path(__file__).parent / "_migrations"
Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs."""


# -- rows ------------------------------------------------------------------------


def _partial_key(value: PartialDate) -> str:
    rank = {"year": 0, "month": 1, "day": 2}[value.precision]
    return f"{value.first_day().isoformat()}:{rank}"


def _default_path(item: Item) -> str:
    return f"{KINDS[item.type].folder}/{item.id}.json"


def _parse(document: str) -> Item:
    item: Item = validate_item_json(document.removeprefix("\ufeff").encode())
    return item


@dataclass(slots=True)
class _Rows:
    items: list[dict[str, Any]] = field(default_factory=list)
    children: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {t.name: [] for t in s.CHILD_TABLES}
    )

    def add(self, item: Item, document: str, path: str, version: int) -> None:
        row: dict[str, Any] = {
            "id": item.id,
            "kind": item.type,
            "document": document,
            "path": path,
            "digest": hashlib.sha256(document.encode("utf-8")).hexdigest(),
            "version": version,
            "original_language": None,
            "section": None,
            "published_us": None,
            "start_key": None,
            "source_key": None,
            "text_total": 0,
        }
        child = self.children
        if isinstance(item, Article):
            texts = [t for t in item.text_fields().values() if t.languages()]
            row.update(
                original_language=item.original_language,
                section=item.section.id,
                published_us=to_micros(item.published),
                source_key=None if item.source is None else _partial_key(item.source.published),
                text_total=len(texts),
            )
            for lang in languages():
                child["item_languages"].append(
                    {
                        "item_id": item.id,
                        "lang": lang,
                        "status": item.translations.get(lang),
                        "present": sum(lang in t for t in texts),
                    }
                )
            for lang, slug in item.slug.items():
                child["slugs"].append({"item_id": item.id, "lang": lang, "slug": slug})
            for position, tag in enumerate(item.tags):
                for lang, value in tag:
                    if value:
                        child["tags"].append(
                            {"item_id": item.id, "position": position, "lang": lang, "tag": value}
                        )
        elif isinstance(item, Event):
            row["start_key"] = _partial_key(item.start)
        for ref in references(item):
            child["refs"].append(
                {"src": item.id, "role": ref.role, "position": ref.position, "dst": ref.target}
            )
        for lang, fields in item.translation_sources.items():
            for path_, digest in fields.items():
                child["translation_sources"].append(
                    {"item_id": item.id, "lang": lang, "field": path_, "hash": digest}
                )
        self.items.append(row)

    def write(self, conn: sa.Connection, replacing: frozenset[str] = frozenset()) -> None:
        """Insert the rows; items in ``replacing`` are updated in place (their children were
        deleted), so row locks other writers wait on stay with the row."""
        new = [row for row in self.items if row["id"] not in replacing]
        old = [{"key": row["id"], **row} for row in self.items if row["id"] in replacing]
        if new:
            conn.execute(sa.insert(s.items), new)
            added: dict[str, int] = {}
            for row in new:
                added[row["kind"]] = added.get(row["kind"], 0) + 1
            _count(conn, added)
        if old:
            # An item updated in place may change its kind.
            before = dict(
                conn.execute(
                    sa.select(s.items.c.id, s.items.c.kind).where(
                        s.items.c.id.in_([row["id"] for row in old])
                    )
                ).all()
            )
            moved: dict[str, int] = {}
            for row in old:
                if before.get(row["id"], row["kind"]) != row["kind"]:
                    moved[before[row["id"]]] = moved.get(before[row["id"]], 0) - 1
                    moved[row["kind"]] = moved.get(row["kind"], 0) + 1
            _count(conn, moved)
            values: dict[str, Any] = {c.name: sa.bindparam(c.name) for c in s.items.c}
            conn.execute(
                sa.update(s.items).where(s.items.c.id == sa.bindparam("key")).values(values),
                old,
            )
        for table in s.CHILD_TABLES:
            rows = self.children[table.name]
            if rows:
                conn.execute(sa.insert(table), rows)


def _delete_rows(conn: sa.Connection, ids: Sequence[str], *, keep_items: bool = False) -> None:
    delete_rows(conn, ids)
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start : start + _BATCH])
        for table in s.CHILD_TABLES:
            column = table.c.src if table is s.refs else table.c.item_id
            conn.execute(sa.delete(table).where(column.in_(chunk)))
        if not keep_items:
            gone = conn.execute(
                sa.select(s.items.c.kind, sa.func.count())
                .where(s.items.c.id.in_(chunk))
                .group_by(s.items.c.kind)
            ).all()
            conn.execute(sa.delete(s.items).where(s.items.c.id.in_(chunk)))
            _count(conn, {str(kind): -int(n) for kind, n in gone})


def _count(conn: sa.Connection, deltas: dict[str, int]) -> None:
    """Add to the per-kind item counts (``item_counts``), kinds in order (no lock cycles)."""
    counts = s.item_counts
    for kind, delta in sorted(deltas.items()):
        if not delta:
            continue
        done = conn.execute(
            sa.update(counts).where(counts.c.kind == kind).values(total=counts.c.total + delta)
        )
        if done.rowcount == 0:
            conn.execute(sa.insert(counts).values(kind=kind, total=delta))


# -- opening ---------------------------------------------------------------------


def store_url(target: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL for a store: a file path means SQLite, ``postgresql://`` psycopg 3.

    >>> store_url("content.db").startswith("sqlite:///") and store_url("content.db").endswith("content.db")
    True
    >>> store_url("postgresql://editor@db.example/portal")
    'postgresql+psycopg://editor@db.example/portal'
    """
    text = os.fspath(target)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if text.startswith(plain):
            return "postgresql+psycopg://" + text.removeprefix(plain)
    return text


def _engine(url: str, busy_timeout: float) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": busy_timeout})
        memory = url in {"sqlite://", "sqlite:///:memory:"}

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, record: Any) -> None:
            # Transactions are begun explicitly below, so writes can take the lock up front.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            if not memory:
                # Readers never block the writer and the writer never blocks readers.
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: sa.Connection) -> None:
            write = conn.get_execution_options().get("diplolib_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    try:
        return sa.create_engine(url, pool_pre_ping=True)
    except (ImportError, sa.exc.ArgumentError, sa.exc.NoSuchModuleError) as exc:
        raise StoreError(
            f"cannot open store {_safe(url)}: {exc}; PostgreSQL needs "
            "pip install 'diplolib[postgres]'"
        ) from exc


def _safe(url: str) -> str:
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return repr(url)


def _revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(target: str | os.PathLike[str], revision: str = "head") -> str:
    """Bring a store's schema to ``revision`` (default: the newest); returns the revision.

    A new or empty database gets the whole schema. Running it again changes nothing.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     upgrade(pathlib.Path(tmp) / "content.db")
    '0007'
    """
    url = store_url(target)
    engine = _engine(url, 30.0)
    try:
        _upgrade(engine, revision)
        _analyze(engine)  # the migrations may have filled tables
        with engine.connect() as conn:
            found = _revision(conn)
    finally:
        engine.dispose()
    return found or ""


def _analyze(engine: sa.Engine) -> None:
    """Planner statistics (and on PostgreSQL the visibility map) for what was just written."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
        return
    with engine.connect().execution_options(diplolib_write=True) as conn, conn.begin():
        conn.exec_driver_sql("ANALYZE")


def _upgrade(engine: sa.Engine, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.connect().execution_options(diplolib_write=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_store(
    target: str | os.PathLike[str], *, create: bool = True, busy_timeout: float = 30.0
) -> ContentStore:
    """Open the content store at ``target``: a SQLite file path or a SQLAlchemy URL.

    A missing SQLite file (or an empty database) gets the current schema when
    ``create`` is true. A database at an older schema revision is refused with
    the command that upgrades it. ``busy_timeout`` (seconds) is how long a
    SQLite writer waits for another one.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     store = open_store(pathlib.Path(tmp) / "content.db")
    ...     print(len(store))
    ...     store.close()
    0
    """
    url = store_url(target)
    if not create and url.startswith("sqlite:///") and not Path(url[10:]).exists():
        raise StoreError(f"no content store at {url[10:]} (create one with `diplolib store init`)")
    engine = _engine(url, busy_timeout)
    try:
        with engine.connect() as conn:
            found = _revision(conn)
            empty = found is None and not sa.inspect(conn).get_table_names()
        if found is None and empty and create:
            _upgrade(engine, "head")
        elif found is None:
            raise StoreError(
                f"{_safe(url)} is not a diplolib content store"
                + (" (it is empty; open it with create=True)" if empty else "")
            )
        elif found != HEAD_REVISION:
            raise StoreError(
                f"{_safe(url)} has schema revision {found!r}, this diplolib needs "
                f"{HEAD_REVISION!r}: run `diplolib store upgrade {_safe(url)}` first"
            )
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {_safe(url)}: {exc.orig}") from exc
    except BaseException:
        engine.dispose()
        raise
    return ContentStore(engine)


# -- the store -------------------------------------------------------------------


@dataclass(slots=True)
class SyncReport:
    """What :meth:`ContentStore.import_folder` changed.

    >>> SyncReport(added=["a"]).summary()
    '1 added, 0 updated, 0 unchanged, 0 deleted'
    """

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: how many items were added, updated, left alone and deleted.

        >>> SyncReport(updated=["a", "b"], unchanged=3).summary()
        '0 added, 2 updated, 3 unchanged, 0 deleted'
        """
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.deleted)} deleted"
        )


class ContentStore:
    """Content items in a SQL database, with the read API of :class:`~diplolib.ContentLibrary`.

    Open one with :func:`open_store`. Queries read only what they return;
    writes are checked as the folder loader checks files and run in a
    transaction, each item carrying a version for optimistic concurrency.
    A store is safe to share between the threads of one process; open one per
    process (after a fork, open a new one).

    >>> import tempfile, pathlib
    >>> from diplolib import load_sample_library
    >>> tmp = tempfile.TemporaryDirectory()
    >>> store = open_store(pathlib.Path(tmp.name) / "content.db")
    >>> report = store.import_library(load_sample_library())
    >>> store.get("baku").name.get("az")
    'Bakı'
    >>> store.close(); tmp.cleanup()
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._forms_lock = threading.Lock()
        self._forms: tuple[str | None, FormsTable] = (None, FormsTable())
        self._search = SearchIndex()

    @property
    def url(self) -> str:
        """The database URL, password hidden.

        >>> open_store("sqlite://").url
        'sqlite://'
        """
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (for an app's own queries or health checks).

        >>> open_store("sqlite://").engine.dialect.name
        'sqlite'
        """
        return self._engine

    def close(self) -> None:
        """Close every pooled connection.

        >>> open_store("sqlite://").close()
        """
        self._engine.dispose()

    def __enter__(self) -> ContentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ContentStore {self.url}>"

    # -- plumbing ----------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise self._busy(exc) from exc

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        try:
            with (
                self._engine.connect().execution_options(diplolib_write=True) as conn,
                conn.begin(),
            ):
                if conn.dialect.name == "postgresql":
                    # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: every write
                    # updates shared counters (item counts, search totals, the names the
                    # stemmer keeps) in one order, and readers are never blocked.
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK})")
                yield conn
        except sa.exc.OperationalError as exc:
            raise self._busy(exc) from exc

    def _busy(self, exc: sa.exc.OperationalError) -> StoreError:
        text = str(exc.orig)
        if "locked" in text or "busy" in text:
            return StoreError(
                f"the SQLite store {self.url} stayed locked by another writer longer than the "
                "busy timeout; retry, raise busy_timeout, or use PostgreSQL for many "
                f"concurrent writers ({text})"
            )
        return StoreError(f"store {self.url}: {text}")

    def _documents(self, conn: sa.Connection, ids: Iterable[str]) -> dict[str, Item]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Item] = {}
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            rows = conn.execute(
                sa.select(s.items.c.id, s.items.c.document).where(s.items.c.id.in_(chunk))
            )
            found.update((row.id, _parse(row.document)) for row in rows)
        return found

    def _ordered(self, conn: sa.Connection, ids: Sequence[str]) -> list[Any]:
        found = self._documents(conn, ids)
        return [found[i] for i in ids]

    def _unknown(self, conn: sa.Connection, item_id: str) -> UnknownReferenceError:
        prefix = str(item_id)[:3]
        nearby = conn.execute(
            sa.select(s.items.c.id)
            .where(s.items.c.id.startswith(prefix, autoescape=True))
            .limit(200)
        ).scalars()
        hint = difflib.get_close_matches(str(item_id), list(nearby), n=1)
        extra = f"; did you mean {hint[0]!r}?" if hint else ""
        return UnknownReferenceError(f"no item with id {item_id!r} in the store{extra}")

    # -- reads ---------------------------------------------------------------------

    @overload
    def get(self, item_id: str) -> Item: ...
    @overload
    def get(self, item_id: str, kind: type[T]) -> T: ...

    def get(self, item_id: str, kind: type[Any] | None = None) -> Any:
        """The item with ``item_id``; with ``kind``, also check its model.

        >>> from diplolib import Place
        >>> store = sample_store()
        >>> store.get("baku", Place).name.get("az")
        'Bakı'
        >>> store.get("bakuu")
        Traceback (most recent call last):
        ...
        diplolib.errors.UnknownReferenceError: no item with id 'bakuu' in the store; did you mean 'baku'?
        """
        with self._reading() as conn:
            document = conn.execute(
                sa.select(s.items.c.document).where(s.items.c.id == item_id)
            ).scalar()
            if document is None:
                raise self._unknown(conn, item_id)
        item = _parse(document)
        if kind is not None and not isinstance(item, kind):
            raise UnknownReferenceError(
                f"item {item_id!r} is a {item.type}, not a {kind.__name__.lower()}"
            )
        return item

    def get_versioned(self, item_id: str) -> tuple[Item, int]:
        """The item and its version, read together: the base for an :meth:`update`.

        >>> store = sample_store()
        >>> baku, version = store.get_versioned("baku")
        >>> store.update(baku.model_copy(update={"wikidata": "Q9248"}), version=version)
        2
        """
        with self._reading() as conn:
            row = conn.execute(
                sa.select(s.items.c.document, s.items.c.version).where(s.items.c.id == item_id)
            ).first()
            if row is None:
                raise self._unknown(conn, item_id)
        return _parse(row.document), int(row.version)

    def version_of(self, item_id: str) -> int:
        """The item's current version (1 when added, one more after each update).

        >>> sample_store().version_of("baku")
        1
        """
        with self._reading() as conn:
            version = conn.execute(
                sa.select(s.items.c.version).where(s.items.c.id == item_id)
            ).scalar()
            if version is None:
                raise self._unknown(conn, item_id)
        return int(version)

    def file_of(self, item_id: str) -> str | None:
        """The content file of an item (relative to a folder), as it is exported; None if absent.

        >>> sample_store().file_of("baku")
        'places/baku.json'
        """
        with self._reading() as conn:
            path = conn.execute(sa.select(s.items.c.path).where(s.items.c.id == item_id)).scalar()
        return None if path is None else str(path)

    def __contains__(self, item_id: object) -> bool:
        if not isinstance(item_id, str):
            return False
        with self._reading() as conn:
            found = conn.execute(sa.select(s.items.c.id).where(s.items.c.id == item_id)).first()
        return found is not None

    def __len__(self) -> int:
        with self._reading() as conn:
            total = conn.execute(sa.select(sa.func.sum(s.item_counts.c.total))).scalar()
        return int(total or 0)

    def __iter__(self) -> Iterator[Item]:
        return self._scan(sa.true(), [s.items.c.kind, s.items.c.id])

    def _scan(self, where: Any, order: list[Any], limit: int | None = None) -> Iterator[Any]:
        """Stream documents matching ``where`` in ``order`` (keyset batches, no held connection)."""
        columns = [c.element if isinstance(c, sa.UnaryExpression) else c for c in order]
        descending = [isinstance(c, sa.UnaryExpression) for c in order]
        last: tuple[Any, ...] | None = None
        remaining = limit
        while remaining is None or remaining > 0:
            stmt = sa.select(s.items.c.document, *columns).where(where).order_by(*order)
            if last is not None:
                stmt = stmt.where(_after(columns, descending, last))
            size = _BATCH if remaining is None else min(_BATCH, remaining)
            with self._reading() as conn:
                rows = conn.execute(stmt.limit(size)).all()
            for row in rows:
                yield _parse(row[0])
            if len(rows) < size:
                return
            last = tuple(rows[-1][1:])
            if remaining is not None:
                remaining -= len(rows)

    def articles(
        self,
        *,
        section: str | None = None,
        lang: str | None = None,
        fallback: bool = True,
        tag: str | None = None,
        entity: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        after: ArticleCursor | None = None,
        limit: int | None = None,
    ) -> Iterator[Article]:
        """Articles, newest first, filtered and paged as :meth:`ContentLibrary.articles` does.

        ``lang`` with ``fallback=False`` keeps articles available in that
        language; ``tag`` matches a tag's text in any language; ``entity`` keeps
        articles mentioning it; ``since`` (inclusive) and ``until`` (exclusive)
        bound the publication time; ``after`` (an :class:`ArticleCursor`) and
        ``limit`` page through the results.

        >>> store = sample_store()
        >>> page = list(store.articles(limit=2))
        >>> [a.id for a in store.articles(after=ArticleCursor.of(page[-1]), limit=1)]
        ['kazakhstan-azerbaijan-strategic-partner']
        """
        query = ArticleFilter.build(
            section=section,
            lang=lang,
            fallback=fallback,
            tag=tag,
            entity=entity,
            since=since,
            until=until,
            after=after,
            limit=limit,
        )
        i = s.items.c
        where: list[Any] = [i.kind == "article"]
        if query.section is not None:
            where.append(i.section == query.section)
        if query.lang is not None and not query.fallback:
            where.append(
                sa.exists().where(
                    s.item_languages.c.item_id == i.id,
                    s.item_languages.c.lang == query.lang,
                    s.item_languages.c.status != "missing",
                )
            )
        if query.tag is not None:
            where.append(sa.exists().where(s.tags.c.item_id == i.id, s.tags.c.tag == query.tag))
        if query.entity is not None:
            where.append(
                sa.exists().where(
                    s.refs.c.src == i.id, s.refs.c.role == "mentions", s.refs.c.dst == query.entity
                )
            )
        if query.since is not None:
            where.append(i.published_us >= to_micros(query.since))
        if query.until is not None:
            where.append(i.published_us < to_micros(query.until))
        if query.after is not None:
            where.append(
                _after(
                    [i.published_us, i.id],
                    [True, True],
                    (to_micros(query.after.published), query.after.id),
                )
            )
        order = [i.published_us.desc(), i.id.desc()]
        return self._scan(sa.and_(*where), order, query.limit)

    def events(self) -> Iterator[Event]:
        """Events in chronological order.

        >>> next(sample_store().events()).start
        PartialDate('1992-08-30')
        """
        return self._scan(s.items.c.kind == "event", [s.items.c.start_key, s.items.c.id])

    def entities(
        self, kind: Literal["person", "organization", "place"] | None = None
    ) -> Iterator[Person | Organization | Place]:
        """People, organisations and places (``kind`` picks one), ordered by id.

        >>> [e.id for e in sample_store().entities("person")][:1]
        ['beybit-isabayev']
        """
        kinds = ENTITY_KINDS if kind is None else (kind,)
        return self._scan(s.items.c.kind.in_(kinds), [s.items.c.id])

    def by_slug(self, slug: str, lang: str | None = None) -> Article:
        """The article whose slug in ``lang`` (default: current language) is ``slug``.

        >>> sample_store().by_slug("azerbaycan-qazaxistanin-strateji-terefdasidir", "az").id
        'kazakhstan-azerbaijan-strategic-partner'
        """
        code = resolve_language(lang)
        with self._reading() as conn:
            document = conn.execute(
                sa.select(s.items.c.document)
                .join(s.slugs, s.slugs.c.item_id == s.items.c.id)
                .where(s.slugs.c.lang == code, s.slugs.c.slug == slug)
            ).scalar()
        if document is None:
            raise UnknownReferenceError(f"no article with {code!r} slug {slug!r}")
        article = _parse(document)
        assert isinstance(article, Article)
        return article

    def related_articles(self, article_id: str, limit: int = 5) -> list[Article]:
        """Articles related to ``article_id``: explicit links first, then by shared entities.

        >>> [a.id for a in sample_store().related_articles("kazakhstan-azerbaijan-strategic-partner")][:1]
        ['caspian-summit-baku-2010']
        """
        article = self.get(article_id, Article)
        result: list[Article] = [self.get(ref, Article) for ref in article.related][:limit]
        if len(result) >= limit:
            return result
        taken = {a.id for a in result} | {article.id}
        with self._reading() as conn:
            ids = self._related_ids(conn, article, taken, limit - len(result))
            return result + self._ordered(conn, ids)

    def _related_ids(
        self, conn: sa.Connection, article: Article, taken: set[str], k: int
    ) -> list[str]:
        """The folder library's ranking (:meth:`ContentLibrary.related_articles`), in SQL.

        Each shared entity counts ``log(1 + articles / articles mentioning it)``;
        an entity mentioned by more than ``RELATED_CANDIDATES`` articles brings in
        only its newest ones as candidates but still adds to every candidate it
        names. Ties go to the newer article, then the smaller id.
        """
        refs = s.refs
        mine = sorted(set(article.mentions))
        if k <= 0 or not mine:
            return []
        mentions = sa.and_(refs.c.role == "mentions", refs.c.dst.in_(mine))
        df: dict[str, int] = dict(
            conn.execute(
                sa.select(refs.c.dst, sa.func.count(sa.distinct(refs.c.src)))
                .where(mentions)
                .group_by(refs.c.dst)
            ).all()
        )
        total = int(
            conn.execute(
                sa.select(s.item_counts.c.total).where(s.item_counts.c.kind == "article")
            ).scalar()
            or 0
        )
        weight = {e: math.log(1 + total / n) for e, n in df.items() if n}
        rare = [e for e in weight if df[e] <= RELATED_CANDIDATES]
        common = [e for e in weight if df[e] > RELATED_CANDIDATES]
        scores: dict[str, float] = {}
        if rare:
            for src, dst in conn.execute(
                sa.select(refs.c.src, refs.c.dst)
                .where(refs.c.role == "mentions", refs.c.dst.in_(rare))
                .distinct()
            ):
                scores[src] = scores.get(src, 0.0) + weight[dst]
        for entity_id in common:
            newest = conn.execute(
                sa.select(refs.c.src)
                .join(s.items, s.items.c.id == refs.c.src)
                .where(refs.c.role == "mentions", refs.c.dst == entity_id)
                .group_by(refs.c.src, s.items.c.published_us)
                .order_by(s.items.c.published_us.desc(), refs.c.src)
                .limit(RELATED_CANDIDATES)
            ).scalars()
            for src in newest:
                scores.setdefault(src, 0.0)
        if common and scores:
            for src, dst in conn.execute(
                sa.select(refs.c.src, refs.c.dst)
                .where(
                    refs.c.role == "mentions",
                    refs.c.dst.in_(common),
                    refs.c.src.in_(list(scores)),
                )
                .distinct()
            ):
                scores[src] += weight[dst]
        for item_id in taken:
            scores.pop(item_id, None)
        if not scores:
            return []
        published = dict(
            conn.execute(
                sa.select(s.items.c.id, s.items.c.published_us).where(
                    s.items.c.id.in_(list(scores))
                )
            ).all()
        )
        return heapq.nsmallest(
            k, scores, key=lambda i: (-round(scores[i], 9), -(published.get(i) or 0), i)
        )

    def articles_mentioning(self, entity_id: str) -> list[Article]:
        """Articles that mention ``entity_id``, newest first.

        >>> [a.id for a in sample_store().articles_mentioning("turksoy")]
        ['kazakhstan-azerbaijan-strategic-partner']
        """
        with self._reading() as conn:
            if (
                conn.execute(sa.select(s.items.c.id).where(s.items.c.id == entity_id)).first()
                is None
            ):
                raise self._unknown(conn, entity_id)
            mentioning = (
                sa.select(s.refs.c.src)
                .where(s.refs.c.dst == entity_id, s.refs.c.role == "mentions")
                .distinct()
            )
            rows = conn.execute(
                sa.select(s.items.c.document)
                .where(s.items.c.id.in_(mentioning))
                .order_by(s.items.c.published_us.desc(), s.items.c.id.desc())
            ).scalars()
            return [_parse(document) for document in rows]  # type: ignore[misc]

    def timeline(self, entity_id: str) -> list[Event]:
        """Events the entity took part in or that took place there, in order.

        >>> [e.start.isoformat() for e in sample_store().timeline("gabala")]
        ['2013-08-15']
        """
        i = s.items.c
        with self._reading() as conn:
            if conn.execute(sa.select(i.id).where(i.id == entity_id)).first() is None:
                raise self._unknown(conn, entity_id)
            # Driven by the references index (dst, role, src), not by a scan of all events.
            involved = i.id.in_(
                sa.select(s.refs.c.src).where(
                    s.refs.c.dst == entity_id, s.refs.c.role.in_(("place", "participants"))
                )
            )
            rows = conn.execute(
                sa.select(i.document).where(i.kind == "event", involved).order_by(i.start_key, i.id)
            ).scalars()
            return [_parse(document) for document in rows]  # type: ignore[misc]

    def foreign_press(self, *, limit: int | None = None) -> list[Article]:
        """ "Foreign press" items (articles with a ``source``), newest original first.

        ``limit`` keeps the newest ``limit`` of them.

        >>> [a.source.published.isoformat() for a in sample_store().foreign_press()]
        ['2018-04-11', '2018-04-03']
        >>> len(sample_store().foreign_press(limit=1))
        1
        """
        i = s.items.c
        with self._reading() as conn:
            rows = conn.execute(
                sa.select(i.document)
                .where(i.kind == "article", i.source_key.is_not(None))
                .order_by(i.source_key.desc(), i.id.desc())
                .limit(limit)
            ).scalars()
            return [_parse(document) for document in rows]  # type: ignore[misc]

    def coverage(self, lang: str) -> float:
        """The share of articles' localized fields that have a value in ``lang`` (0–1).

        >>> sample_store().coverage("az") == __import__("diplolib").load_sample_library().coverage("az")
        True
        """
        code = resolve_language(lang)
        articles = s.items.c.kind == "article"
        with self._reading() as conn:
            total = conn.execute(
                sa.select(sa.func.sum(s.items.c.text_total)).where(articles)
            ).scalar()
            present = conn.execute(
                sa.select(sa.func.sum(s.item_languages.c.present))
                .join(s.items, s.items.c.id == s.item_languages.c.item_id)
                .where(articles, s.item_languages.c.lang == code)
            ).scalar()
        total = int(total or 0)
        return int(present or 0) / total if total else 1.0

    def _forms_text(self, conn: sa.Connection) -> str | None:
        text = conn.execute(
            sa.select(s.library_files.c.text).where(s.library_files.c.name == FORMS_FILE)
        ).scalar()
        return None if text is None else str(text)

    def _forms_of(self, text: str | None) -> FormsTable:
        """The table for ``text``, parsed once per stored version of it."""
        with self._forms_lock:
            cached_text, table = self._forms
            if text == cached_text:
                return table
            table = FormsTable() if text is None else _parse_forms(text)
            self._forms = (text, table)
            return table

    @property
    def az_forms(self) -> FormsTable:
        """The editor's table of established Azerbaijani forms (``az-forms.toml``), as imported.

        Empty when the imported folder had none; parsed again only when it changes.

        >>> store = sample_store()
        >>> store.az_forms == __import__("diplolib").load_sample_library().az_forms
        True
        """
        with self._reading() as conn:
            text = self._forms_text(conn)
        return self._forms_of(text)

    def snapshot(self) -> tuple[ContentLibrary, dict[str, int]]:
        """Every item as a checked :class:`ContentLibrary`, with each item's version, read at once.

        For whole-content work (the PO import, ``validate``); the versions let the
        changes be written back with :meth:`update_many` only if nobody changed
        those items meanwhile.

        >>> library, versions = sample_store().snapshot()
        >>> len(library), versions["baku"]
        (37, 1)
        """
        items: list[Item] = []
        origin: dict[str, str] = {}
        versions: dict[str, int] = {}
        with self._reading() as conn:
            rows = conn.execute(
                sa.select(
                    s.items.c.id, s.items.c.document, s.items.c.path, s.items.c.version
                ).order_by(s.items.c.path, s.items.c.id)
            )
            for row in rows:
                items.append(_parse(row.document))
                origin[row.id] = row.path
                versions[row.id] = int(row.version)
            forms = self._forms_of(self._forms_text(conn))
        return ContentLibrary(items, origin=origin, az_forms=forms), versions

    def stats(self) -> dict[str, int]:
        """How many items of each kind the store holds.

        >>> sample_store().stats()["article"]
        6
        """
        counts = dict.fromkeys(KINDS, 0)
        with self._reading() as conn:
            rows = conn.execute(sa.select(s.item_counts.c.kind, s.item_counts.c.total)).all()
        counts.update((str(kind), int(count)) for kind, count in rows)
        return counts

    # -- search --------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        kinds: Iterable[str] | None = None,
        section: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        limit: int = 20,
        cursor: SearchHit | None = None,
    ) -> list[SearchHit]:
        """Full-text search, ranked and matched exactly as :class:`diplolib.search.Index` does.

        Words match in any grammatical form, ``"a phrase"`` as a phrase, ``word*``
        as a prefix, and a name in English spelling finds its Azerbaijani one.
        ``lang`` is the reader's language (fields missing in it are searched in
        their fallback, and the hit says so); ``kinds`` keeps some item kinds;
        ``section``, ``since`` (inclusive) and ``until`` (exclusive) keep
        articles. Hits come best first, equal scores in the order the items were
        first indexed; pass the last hit of a page as ``cursor`` for the next one
        (it follows on even when items change in between). See ``docs/search.md``.

        >>> store = sample_store()
        >>> hit = store.search("TÜRKSOY zirvə", lang="az")[0]
        >>> hit.item.id, hit.lang, hit.is_fallback
        ('kazakhstan-azerbaijan-strategic-partner', 'az', False)
        >>> [h.item.id for h in store.search("Gabala", lang="en", kinds=["place"])]
        ['gabala']
        """
        with self._reading() as conn:
            return self._search.search(
                conn,
                query,
                lang=lang,
                kinds=kinds,
                section=section,
                since=since,
                until=until,
                limit=limit,
                cursor=cursor,
            )

    def reindex(self) -> int:
        """Rebuild the search index of every item in one transaction; returns the item count.

        Writes keep the index current; this is for an index built by another
        version of diplolib's analyzer.

        >>> sample_store().reindex()
        37
        """
        with self._writing() as conn:
            count = self._search.rebuild(conn)
        self._analyze()
        return count

    def _analyze(self) -> None:
        """Fresh planner statistics after a bulk write, once it is committed.

        On PostgreSQL also a VACUUM: until the visibility map of freshly written
        postings is set, counting a common word's postings reads every heap page
        they sit on (25–60 ms at 100,000 articles instead of a few) rather than the
        index alone; autovacuum gets there later, a bulk import should not wait for it.
        """
        _analyze(self._engine)

    # -- writes --------------------------------------------------------------------

    def add(self, document: Item | Mapping[str, Any] | str | bytes) -> int:
        """Add a new item, checked as the folder loader checks a file; returns its version (1).

        ``document`` is a model or the content of a content file (JSON text or
        a mapping). Every problem is reported at once as a
        :class:`~diplolib.errors.LibraryError` naming the item's file and field.

        >>> store = sample_store()
        >>> store.add({"type": "place", "id": "shusha", "kind": "city",
        ...            "name": {"en": "Shusha", "az": "Şuşa"}, "country": "azerbaijann"})
        Traceback (most recent call last):
        ...
        diplolib.errors.LibraryError: 1 problem in the content library:
          places/shusha.json: country: unknown Place 'azerbaijann'; did you mean 'azerbaijan'?
        >>> store.add({"type": "place", "id": "shusha", "kind": "city",
        ...            "name": {"en": "Shusha", "az": "Şuşa"}, "country": "azerbaijan"})
        1
        """
        item, text = self._validated(document)
        path = _default_path(item)
        with self._writing() as conn:
            found = conn.execute(
                sa.select(s.items.c.path).where(s.items.c.id == item.id).with_for_update()
            ).scalar()
            if found is not None:
                raise LibraryError(
                    [Problem(path, "id", f"duplicate id {item.id!r} (also in {found})")]
                )
            self._check(conn, item, path, None)
            rows = _Rows()
            rows.add(item, text, path, 1)
            self._write(conn, rows, item, path)
            self._search.refresh(conn, [item.id])
        return 1

    def update(self, document: Item | Mapping[str, Any] | str | bytes, *, version: int) -> int:
        """Replace an item, checked as :meth:`add` checks it; returns the new version.

        ``version`` is the version the change is based on; when the store holds
        a newer one, :class:`~diplolib.errors.ConflictError` is raised and
        nothing is written.

        >>> store = sample_store()
        >>> baku = store.get("baku")
        >>> store.update(baku.model_copy(update={"wikidata": "Q9248"}), version=1)
        2
        >>> store.update(baku, version=1)
        Traceback (most recent call last):
        ...
        diplolib.errors.ConflictError: item 'baku' was changed by another writer: this write is based on version 1, the store holds version 2
        """
        item, text = self._validated(document)
        with self._writing() as conn:
            return self._update_in(conn, item, text, version)

    def update_many(
        self, changes: Iterable[tuple[Item | Mapping[str, Any] | str | bytes, int]]
    ) -> dict[str, int]:
        """Apply several updates in one transaction: all of them, or none when one fails.

        ``changes`` holds ``(document, version)`` pairs, checked as :meth:`update`
        checks each; returns the new version of each item.

        >>> store = sample_store()
        >>> baku, osce = store.get("baku"), store.get("osce")
        >>> store.update_many([(baku, 1), (osce, 1)])
        {'baku': 2, 'osce': 2}
        >>> store.update_many([(baku, 2), (osce, 1)])
        Traceback (most recent call last):
        ...
        diplolib.errors.ConflictError: item 'osce' was changed by another writer: this write is based on version 1, the store holds version 2
        >>> store.version_of("baku")
        2
        """
        prepared = [(*self._validated(document), version) for document, version in changes]
        done: dict[str, int] = {}
        with self._writing() as conn:
            for item, text, version in prepared:
                done[item.id] = self._update_in(conn, item, text, version)
        return done

    def _update_in(self, conn: sa.Connection, item: Item, text: str, version: int) -> int:
        row = conn.execute(
            sa.select(s.items.c.kind, s.items.c.version, s.items.c.path)
            .where(s.items.c.id == item.id)
            .with_for_update()
        ).first()
        if row is None:
            raise self._unknown(conn, item.id)
        if row.version != version:
            raise ConflictError(item.id, expected=version, actual=row.version)
        path = row.path if row.kind == item.type else _default_path(item)
        self._check(conn, item, path, row.kind)
        _delete_rows(conn, [item.id], keep_items=True)
        rows = _Rows()
        rows.add(item, text, path, version + 1)
        self._write(conn, rows, item, path, replacing=frozenset([item.id]))
        self._search.refresh(conn, [item.id])
        return version + 1

    def delete(
        self, item_id: str, *, version: int | None = None, cascade: bool = False
    ) -> list[str]:
        """Delete an item; returns the ids deleted.

        An item other items reference is refused with
        :class:`~diplolib.errors.ReferencedItemError` listing them, unless
        ``cascade`` is true: then they are deleted too (and what references
        them, and so on). ``version``, when given, must be the current one.

        >>> store = sample_store()
        >>> store.delete("gabala")
        Traceback (most recent call last):
        ...
        diplolib.errors.ReferencedItemError: cannot delete 'gabala': referenced by 'gabala-summit-2013', 'gabala-turkic-council-summit-2013', 'kazakhstan-azerbaijan-strategic-partner'; edit or delete those items first, or delete with cascade
        >>> store.delete("gabala", cascade=True)
        ['gabala', 'gabala-summit-2013', 'gabala-turkic-council-summit-2013', 'kazakhstan-azerbaijan-strategic-partner']
        """
        with self._writing() as conn:
            row = conn.execute(
                sa.select(s.items.c.version).where(s.items.c.id == item_id).with_for_update()
            ).first()
            if row is None:
                raise self._unknown(conn, item_id)
            if version is not None and row.version != version:
                raise ConflictError(item_id, expected=version, actual=row.version)
            doomed = [item_id]
            seen = {item_id}
            frontier = [item_id]
            while frontier:
                referrers = sorted(
                    set(
                        conn.execute(
                            sa.select(s.refs.c.src).where(s.refs.c.dst.in_(frontier))
                        ).scalars()
                    )
                    - seen
                )
                if referrers and not cascade:
                    raise ReferencedItemError(item_id, referrers)
                seen.update(referrers)
                doomed.extend(referrers)
                frontier = referrers
            _delete_rows(conn, doomed)
            self._search.refresh(conn, [])  # a deleted entity's name no longer guards stems
        return sorted(doomed)

    def _validated(self, document: Item | Mapping[str, Any] | str | bytes) -> tuple[Item, str]:
        if isinstance(document, Article | Event | Person | Organization | Place):
            text = item_json(document)
        elif isinstance(document, Mapping):
            text = json.dumps(dict(document), ensure_ascii=False, indent=2) + "\n"
        elif isinstance(document, bytes):
            try:
                text = document.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LibraryError(
                    [Problem("<document>", "", f"not UTF-8 (byte {exc.start})")]
                ) from None
        elif isinstance(document, str):
            text = document
        else:
            raise LibraryError(
                [
                    Problem(
                        "<document>",
                        "",
                        f"expected a content model, a mapping or JSON text, got {type(document).__name__}",
                    )
                ]
            )
        raw = text.encode("utf-8")
        return check_document(raw, _name_of(raw)), text

    def _check(self, conn: sa.Connection, item: Item, path: str, old_kind: str | None) -> None:
        """Check references and slugs against the store, exactly as the folder loader does."""
        wanted = {ref.target for ref in references(item)} - {item.id}
        if isinstance(item, Article) and item.slug:
            pairs = [
                sa.and_(s.slugs.c.lang == k, s.slugs.c.slug == v) for k, v in item.slug.items()
            ]
            wanted.update(
                conn.execute(
                    sa.select(s.slugs.c.item_id).where(sa.or_(*pairs), s.slugs.c.item_id != item.id)
                ).scalars()
            )
        present = set(
            conn.execute(sa.select(s.items.c.id).where(s.items.c.id.in_(sorted(wanted)))).scalars()
        )
        for missing in wanted - present:
            # Near ids, so an unknown reference gets the loader's "did you mean" hint.
            wanted.update(
                conn.execute(
                    sa.select(s.items.c.id)
                    .where(s.items.c.id.startswith(missing[:3], autoescape=True))
                    .limit(50)
                ).scalars()
            )
        context: dict[str, Item] = {}
        paths: dict[str, str] = {}
        ids = sorted(wanted - {item.id})
        for start in range(0, len(ids), _BATCH):
            rows = conn.execute(
                sa.select(s.items.c.id, s.items.c.document, s.items.c.path)
                .where(s.items.c.id.in_(ids[start : start + _BATCH]))
                .with_for_update(read=True)
            )
            for row in rows:
                context[row.id] = _parse(row.document)
                paths[row.id] = row.path
        paths[item.id] = path
        problems: list[Problem] = []
        try:
            ContentLibrary([*context.values(), item], origin=paths)
        except LibraryError as exc:
            problems.extend(p for p in exc.problems if p.file == path)
        if old_kind is not None and old_kind != item.type:
            referrers = conn.execute(
                sa.select(s.items.c.document, s.items.c.path)
                .join(s.refs, s.refs.c.src == s.items.c.id)
                .where(s.refs.c.dst == item.id)
                .distinct()
            ).all()
            for referrer in referrers:
                for ref in references(_parse(referrer.document)):
                    if ref.target == item.id and item.type not in ref.kinds:
                        expected = " or ".join(KINDS[k].model.__name__ for k in ref.kinds)
                        problems.append(
                            Problem(
                                referrer.path,
                                ref.field,
                                f"{item.id!r} is a {item.type}, expected {expected}",
                            )
                        )
        if problems:
            raise LibraryError(problems)

    def _write(
        self,
        conn: sa.Connection,
        rows: _Rows,
        item: Item,
        path: str,
        replacing: frozenset[str] = frozenset(),
    ) -> None:
        try:
            with conn.begin_nested():
                rows.write(conn, replacing)
        except sa.exc.IntegrityError as exc:
            # Another writer took one of the slugs between the check and this write.
            raise LibraryError(
                [Problem(path, "slug", f"a slug of {item.id!r} is already used ({exc.orig})")]
            ) from exc

    def import_po(
        self,
        pofile: Any,
        *,
        source_lang: str | None = None,
        target_lang: str | None = None,
        dry_run: bool = False,
        force: bool = False,
    ) -> ImportReport:
        """Check a translated PO file and write it into the store in one transaction.

        Every check of :func:`diplolib.po.import_po` applies; the changed items
        are written with :meth:`update_many`, so an item edited by someone else
        since this import read it raises :class:`~diplolib.errors.ConflictError`
        and nothing is written.

        >>> from diplolib.po import export_po
        >>> store = sample_store()
        >>> po = export_po([store.get("baku")], "en", "az")
        >>> po[0].msgstr = "Bakı şəhəri"
        >>> store.import_po(po).summary()
        'en → az: 1 applied, 0 skipped, 0 stale, 0 rejected'
        >>> store.get("baku").name.get("az"), store.version_of("baku")
        ('Bakı şəhəri', 2)
        """
        from ..po import import_po

        library, versions = self.snapshot()
        report = import_po(
            library,
            pofile,
            source_lang=source_lang,
            target_lang=target_lang,
            dry_run=dry_run,
            force=force,
        )
        if not report.committed:
            return report
        changed = [item for item in report.library if item != library.get(item.id)]
        self.update_many([(item, versions[item.id]) for item in changed])
        report.changed_files = [Path(library.file_of(i.id) or _default_path(i)) for i in changed]
        return report

    # -- folders -------------------------------------------------------------------

    def import_library(self, library: ContentLibrary, *, prune: bool = False) -> SyncReport:
        """Write a loaded library into the store (see :meth:`import_folder`).

        >>> from diplolib import load_sample_library
        >>> sample_store().import_library(load_sample_library()).summary()
        '0 added, 0 updated, 37 unchanged, 0 deleted'
        """
        entries = [
            (item.id, functools.partial(item_json, item), library.file_of(item.id))
            for item in library
        ]
        forms = library.az_forms.to_toml() if library.az_forms else None
        return self._sync(entries, prune, None, files={FORMS_FILE: forms})

    def import_folder(
        self,
        path: str | os.PathLike[str],
        *,
        prune: bool = False,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Import a content folder in one transaction; unchanged items are not rewritten.

        The folder is checked as :meth:`ContentLibrary.load` checks it (a broken
        folder raises the same :class:`~diplolib.errors.LibraryError` and changes
        nothing). Items are matched by id; an item's file text is kept as is, so
        :meth:`export_folder` writes the same bytes back. With ``prune``, items
        that are no longer in the folder are deleted.

        >>> import tempfile, pathlib
        >>> from diplolib import load_sample_library
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     _ = load_sample_library().save(tmp)
        ...     store = open_store(pathlib.Path(tmp) / "content.db")
        ...     print(store.import_folder(tmp).summary())
        ...     print(store.import_folder(tmp).summary())
        ...     store.close()
        37 added, 0 updated, 0 unchanged, 0 deleted
        0 added, 0 updated, 37 unchanged, 0 deleted
        """
        root = Path(path)
        if not root.is_dir():
            raise LibraryError([Problem(str(path), "", "not a folder")])
        files = sorted(p for p in root.rglob("*.json") if p.is_file())
        # First pass: validate every file, keeping only what the cross-checks need.
        problems = False
        seen: dict[str, str] = {}
        kinds: dict[str, str] = {}
        entries: list[tuple[str, Callable[[], str], str | None]] = []
        edges: list[tuple[str, str, tuple[str, ...]]] = []
        slugs: set[tuple[str, str]] = set()
        for number, file in enumerate(files):
            if progress is not None:
                progress(number, 2 * len(files))
            name = file.relative_to(root).as_posix()
            item = _read_file(file)
            if item is None or item.id in seen:
                problems = True
                continue
            seen[item.id] = name
            kinds[item.id] = item.type
            edges.extend((item.id, ref.target, ref.kinds) for ref in references(item))
            if isinstance(item, Article):
                for pair in item.slug.items():
                    problems = problems or pair in slugs
                    slugs.add(pair)
            entries.append((item.id, functools.partial(_read_text, file), name))
        problems = problems or not files
        forms: str | None = None
        if (root / FORMS_FILE).is_file():
            try:
                forms = (root / FORMS_FILE).read_bytes().decode("utf-8")
                _parse_forms(forms)
            except (OSError, UnicodeDecodeError, ContentError):
                problems = True
        problems = problems or any(kinds.get(dst) not in allowed for _, dst, allowed in edges)
        if problems:
            # The loader names every problem with file and field, exactly as `validate` does.
            ContentLibrary.load(root)
            raise LibraryError([Problem(str(path), "", "the folder changed while it was read")])
        return self._sync(entries, prune, progress, offset=len(files), files={FORMS_FILE: forms})

    def _sync(
        self,
        entries: Sequence[tuple[str, Callable[[], str], str | None]],
        prune: bool,
        progress: Progress | None,
        offset: int = 0,
        files: Mapping[str, str | None] | None = None,
    ) -> SyncReport:
        report = SyncReport()
        with self._writing() as conn:
            _sync_files(conn, files or {}, prune)
            stored = {
                row.id: (row.digest, row.version, row.path)
                for row in conn.execute(
                    sa.select(s.items.c.id, s.items.c.digest, s.items.c.version, s.items.c.path)
                )
            }
            incoming = {item_id for item_id, _, _ in entries}
            if prune:
                report.deleted = sorted(set(stored) - incoming)
                _delete_rows(conn, report.deleted)
            # Only ids and how to read each text again are kept: memory stays flat.
            pending: list[tuple[str, Callable[[], str], str, int]] = []
            for item_id, read, name in entries:
                text = read()
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                old = stored.get(item_id)
                target = name or (old[2] if old else None)
                if old is not None and old[0] == digest and old[2] == (target or old[2]):
                    report.unchanged += 1
                    continue
                version = 1 if old is None else old[1] + 1
                (report.added if old is None else report.updated).append(item_id)
                pending.append((item_id, read, target or "", version))
            # Old rows go first, so slugs that move between items never collide.
            _delete_rows(conn, report.updated, keep_items=True)
            replacing = frozenset(report.updated)
            total = offset + len(pending)
            try:
                for start in range(0, len(pending), _BATCH):
                    rows = _Rows()
                    for item_id, read, name, version in pending[start : start + _BATCH]:
                        text = read()
                        item = _parse(text)
                        if item.id != item_id:  # pragma: no cover - the file changed meanwhile
                            raise LibraryError([Problem(name, "id", "the file changed while read")])
                        rows.add(item, text, name or _default_path(item), version)
                    rows.write(conn, replacing)
                    if progress is not None:
                        progress(offset + min(start + _BATCH, len(pending)), total)
            except sa.exc.IntegrityError as exc:
                raise LibraryError(
                    [
                        Problem(
                            "<store>",
                            "slug",
                            "an imported article's slug is used by an article that is only in "
                            f"the store (import with prune to replace it): {exc.orig}",
                        )
                    ]
                ) from exc
            # The search index changes in the same transaction as the items.
            self._search.refresh(conn, [item_id for item_id, _, _, _ in pending])
        if pending or report.deleted:
            self._analyze()
        if progress is not None:
            progress(total, total)
        return report

    def export_folder(
        self, path: str | os.PathLike[str], *, progress: Progress | None = None
    ) -> list[Path]:
        """Write every item as its content file under ``path``; returns the files written.

        A folder imported with :meth:`import_folder` comes back byte for byte,
        its ``az-forms.toml`` included.

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     files = sample_store().export_folder(tmp)
        ...     len(files), files[0].name
        (38, 'az-forms.toml')
        """
        root = Path(path)
        written: list[Path] = []
        total = len(self) if progress is not None else 0
        done = 0
        last: str | None = None
        while True:
            stmt = sa.select(s.items.c.id, s.items.c.document, s.items.c.path).order_by(
                s.items.c.id
            )
            if last is not None:
                stmt = stmt.where(s.items.c.id > last)
            with self._reading() as conn:
                rows = conn.execute(stmt.limit(_BATCH)).all()
            if last is None:
                with self._reading() as conn:
                    extra = conn.execute(
                        sa.select(s.library_files.c.name, s.library_files.c.text).order_by(
                            s.library_files.c.name
                        )
                    ).all()
                written.extend(_write_file(root, name, text) for name, text in extra)
            for row in rows:
                written.append(_write_file(root, row.path, row.document))
            done += len(rows)
            if progress is not None:
                progress(done, total)
            if len(rows) < _BATCH:
                return written
            last = rows[-1].id


def _after(columns: Sequence[Any], descending: Sequence[bool], last: Sequence[Any]) -> Any:
    """Rows strictly after ``last`` in the order of ``columns`` (keyset pagination).

    A row-value comparison, which SQLite and PostgreSQL both answer from the index.
    """
    if len(set(descending)) != 1:  # pragma: no cover - every order here is uniform
        # Builtin on purpose: a programming error inside the store, not bad input.
        raise ValueError("keyset pages need one direction for every column")
    row, bound = sa.tuple_(*columns), sa.tuple_(*(sa.literal(v) for v in last))
    return row < bound if descending[0] else row > bound


def _parse_forms(text: str) -> FormsTable:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{FORMS_FILE}: not valid TOML: {exc}") from None
    return FormsTable.from_dict(data, FORMS_FILE)


def _sync_files(conn: sa.Connection, files: Mapping[str, str | None], prune: bool) -> None:
    """Store each library file given with its text; with ``prune``, drop those given as None."""
    table = s.library_files
    for name, text in files.items():
        stored = conn.execute(sa.select(table.c.text).where(table.c.name == name)).scalar()
        if text is None:
            if prune and stored is not None:
                conn.execute(sa.delete(table).where(table.c.name == name))
        elif stored is None:
            conn.execute(sa.insert(table).values(name=name, text=text))
        elif stored != text:
            conn.execute(sa.update(table).where(table.c.name == name).values(text=text))


def _name_of(raw: bytes) -> str:
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        return "<document>"
    if isinstance(document, dict):
        kind, item_id = document.get("type"), document.get("id")
        if kind in KINDS and isinstance(item_id, str):
            return f"{KINDS[kind].folder}/{item_id}.json"
    return "<document>"


def _read_text(file: Path) -> str:
    return file.read_bytes().decode("utf-8")


def _read_file(file: Path) -> Item | None:
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            return None
        raw = file.read_bytes()
        raw.decode("utf-8")
        item: Item = validate_item_json(raw.removeprefix(b"\xef\xbb\xbf"))
        return item
    except (OSError, UnicodeDecodeError, ValidationError):
        return None


def _write_file(root: Path, name: str, text: str) -> Path:
    target = root / name
    if not target.resolve().is_relative_to(root.resolve()):  # pragma: no cover - stored paths
        raise StoreError(f"refusing to write {name!r} outside {root}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def sample_store() -> ContentStore:
    """A new in-memory SQLite store holding the bundled sample library (for examples and tests).

    >>> len(sample_store())
    37
    """
    from ..library import load_sample_library

    store = open_store("sqlite://")
    store.import_library(load_sample_library())
    return store
