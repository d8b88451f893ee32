"""A content library: a folder of articles, events and entities, checked as a whole.

:meth:`ContentLibrary.load` reads every ``*.json`` file below a folder (one
document per file, its ``type`` key naming the model), validates each, and then
checks every cross-reference. A broken folder raises one
:class:`~diplolib.errors.LibraryError` listing **all** problems with their file
and field paths; nothing half-loaded is ever returned.

>>> from diplolib import load_sample_library
>>> lib = load_sample_library()
>>> article = lib.get("kazakhstan-azerbaijan-strategic-partner")
>>> article.title.get("az")
'Azərbaycan Qafqaz regionunda Qazaxıstanın mühüm strateji tərəfdaşıdır'
>>> [a.id for a in lib.foreign_press()]
['washington-post-trump-2018', 'project-syndicate-xi-2018']
"""

from __future__ import annotations

__all__ = ["ContentLibrary", "item_json", "load_sample_library"]

import bisect
import difflib
import heapq
import json
import math
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, overload

from pydantic import ValidationError

from ._content_guard import (
    MAX_PROBLEMS_PER_FILE,
    Suggester,
    cap_problems,
    json_limit_problem,
    more_problems,
)
from ._gc import gc_paused
from ._journal import JOURNAL_NAME, commit_files, folder_lock, needs_recovery, recover
from ._query import ArticleFilter
from ._resources import data_dir
from .az import FORMS_FILE, FormsTable
from .errors import ContentError, ContentTypeError, LibraryError, Problem, UnknownReferenceError
from .languages import Lang, resolve_language
from .models import (
    Article,
    ContentItem,
    Event,
    Item,
    Organization,
    Person,
    Place,
    content_type,
    content_types,
    item_adapter,
    validate_item_json,
)

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
"""Content files larger than this are refused (a single article is a few kB)."""

Entity = Person | Organization | Place
T = TypeVar("T", bound=ContentItem)


def _location(loc: tuple[int | str, ...]) -> str:
    kinds = {model.content.kind for model in content_types()}
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in kinds and not out:
            continue  # the discriminator tag pydantic puts first
        else:
            out += f".{part}" if out else str(part)
    return out


def _shorten(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _validation_problems(file: str, error: ValidationError) -> list[Problem]:
    details = error.errors(include_url=False)
    if len(details) > MAX_PROBLEMS_PER_FILE:
        more = len(details) - MAX_PROBLEMS_PER_FILE
        return [
            *_validation_problems_of(file, details[:MAX_PROBLEMS_PER_FILE]),
            more_problems(file, more),
        ]
    return _validation_problems_of(file, details)


def _validation_problems_of(file: str, details: list[Any]) -> list[Problem]:
    problems = []
    for detail in details:
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] not in {"missing", "extra_forbidden"} and "input" in detail:
            message = f"{message} (got {_shorten(detail['input'])})"
        elif detail["type"] == "extra_forbidden":
            message = "unknown field (not part of the model; check the spelling)"
        problems.append(Problem(file, _location(tuple(detail["loc"])), message))
    return problems


def _document_id(raw: bytes) -> str | None:
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return None
    found = document.get("id") if isinstance(document, dict) else None
    return found if isinstance(found, str) else None


def _diagnose(name: str, raw: bytes, error: ValidationError) -> list[Problem]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Problem(name, "", f"not UTF-8 (byte {exc.start})")]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Problem(name, f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}")]
    except (ValueError, RecursionError) as exc:  # pragma: no cover - json_limit_problem runs first
        return [Problem(name, "", f"JSON beyond what can be read safely: {exc}")]
    if not isinstance(document, dict):
        return [Problem(name, "", "a content file holds one JSON object")]
    kind = document.get("type")
    kinds = [model.content.kind for model in content_types()]
    if not isinstance(kind, str) or kind not in kinds:
        accepted = ", ".join(repr(k) for k in kinds)
        shown = _shorten(kind)
        return [Problem(name, "type", f"unknown document type {shown}; accepted: {accepted}")]
    try:
        item_adapter().validate_python(document)
    except ValidationError as exc:
        return _validation_problems(name, exc)
    return _validation_problems(name, error)  # pragma: no cover - JSON and Python modes agree


def check_document(raw: bytes, name: str) -> Item:
    """Validate one content document's bytes exactly as :meth:`ContentLibrary.load` does.

    The same size, nesting and number limits, the same JSON and schema checks and
    the same problem messages; every problem raises one :class:`LibraryError`.
    The SQL store checks what it is given to write through this.

    >>> check_document(b'{"type": "place", "id": "baku", "kind": "city", "name": {"en": "Baku"}}',
    ...                "baku.json").id
    'baku'
    >>> check_document(b'{"type": "place"', "baku.json")
    Traceback (most recent call last):
    ...
    diplolib.errors.LibraryError: 1 problem in the content library:
      baku.json: line 1 column 17: invalid JSON: Expecting ',' delimiter
    """
    if len(raw) > MAX_FILE_BYTES:
        raise LibraryError(
            [Problem(name, "", f"document is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")]
        )
    limit = json_limit_problem(raw)
    if limit is not None:
        raise LibraryError([Problem(name, "", limit)])
    try:
        item: Item = validate_item_json(raw.removeprefix(b"\xef\xbb\xbf"))
    except ValidationError as exc:
        raise LibraryError(_diagnose(name, raw, exc)) from None
    return item


def _recover(root: Path) -> None:
    """Finish or roll back an import of ``root`` that a crash interrupted."""
    with folder_lock(root, exclusive=True):
        try:
            recover(root)
        except ContentError as exc:
            raise LibraryError([Problem(JOURNAL_NAME, "", str(exc))]) from None


def _outside(file: Path, root: Path) -> str | None:
    """Why a linked ``file`` is refused: it resolves outside the content folder ``root``."""
    try:
        target = file.resolve(strict=True)
    except (OSError, RuntimeError):
        return "symbolic link that cannot be resolved (broken or a loop); refused"
    if target.is_relative_to(root):
        return None
    return "symbolic link to a file outside the content folder; refused"


class ContentLibrary:
    """An immutable, fully cross-checked collection of content items.

    Build it from items (``ContentLibrary(items)``) or from a folder
    (:meth:`load`). Either way every reference is checked first.

    >>> lib = load_sample_library()
    >>> len(list(lib.articles())) >= 3
    True
    >>> lib.get("no-such-item")
    Traceback (most recent call last):
    ...
    diplolib.errors.UnknownReferenceError: no item with id 'no-such-item' in the library
    """

    def __init__(
        self,
        items: Iterable[Item],
        *,
        origin: dict[str, str] | None = None,
        az_forms: FormsTable | None = None,
        _invalid: frozenset[str] = frozenset(),
    ) -> None:
        self._items: dict[str, Item] = {}
        self._az_forms = az_forms if az_forms is not None else FormsTable()
        self._origin = dict(origin or {})
        # ids of documents that exist but failed validation: references to them are not
        # reported again as dangling (the document's own problems already are).
        self._invalid = _invalid
        self._suggest: _Suggestions | None = None
        problems: list[Problem] = []
        for item in items:
            where = self._origin.get(item.id, f"<{item.type} {item.id}>")
            if item.id in self._items:
                first = self._origin.get(item.id, "another item")
                problems.append(Problem(where, "id", f"duplicate id {item.id!r} (also in {first})"))
                continue
            self._items[item.id] = item
        problems.extend(self._check_references())
        if problems:
            raise LibraryError(cap_problems(problems))
        self._index = _Index(self._items.values())

    @property
    def az_forms(self) -> FormsTable:
        """The editor's table of established Azerbaijani forms (``az-forms.toml``).

        Empty unless the content folder holds one; :func:`~diplolib.names.format_name`
        and :func:`~diplolib.az.inflect` (``table=``) use it.

        >>> bool(load_sample_library().az_forms)
        True
        """
        return self._az_forms

    # -- loading ------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ContentLibrary:
        """Load and check every ``*.json`` document below ``path``.

        An ``az-forms.toml`` file at the top of the folder is the editor's table
        of established Azerbaijani forms (:class:`~diplolib.az.FormsTable`).

        Raises :class:`~diplolib.errors.LibraryError` listing every problem
        (unreadable files, invalid JSON with line and column, invalid fields with
        their paths and values, duplicate ids, dangling references).

        An import that a crash interrupted (see :func:`diplolib.po.import_po`) is
        finished or rolled back first, so the folder is read either wholly before
        or wholly after it; while an import is writing, loading waits for it.

        The cyclic garbage collector is paused while the files are read (and
        restored after): everything loaded stays alive, and full collections
        over a growing heap made loading superlinear (a 20k-article folder
        took 1.6× longer per document than a 1k one).

        >>> ContentLibrary.load("no/such/folder")
        Traceback (most recent call last):
        ...
        diplolib.errors.LibraryError: 1 problem in the content library:
          no/such/folder: not a folder
        """
        root = Path(path)
        if not root.is_dir():
            raise LibraryError([Problem(str(path), "", "not a folder")])
        for _ in range(3):
            if needs_recovery(root):
                _recover(root)
            with folder_lock(root, exclusive=False):
                # Another import may have started (and died) between the two locks.
                if not needs_recovery(root):
                    return cls._load_folder(root, path)
        _recover(root)  # pragma: no cover - three interrupted imports in a row
        return cls._load_folder(root, path)

    @classmethod
    def _load_folder(cls, root: Path, path: str | os.PathLike[str]) -> ContentLibrary:
        problems: list[Problem] = []
        files = sorted(p for p in root.rglob("*.json") if p.is_file())
        if not files:
            raise LibraryError([Problem(str(path), "", "no *.json content files found")])
        with gc_paused():
            library = cls._load_files(root, files, problems)
        if problems or library is None:
            raise LibraryError(cap_problems(problems))
        return library

    @classmethod
    def _load_files(
        cls, root: Path, files: list[Path], problems: list[Problem]
    ) -> ContentLibrary | None:
        """Read, validate and check ``files``; add what is wrong to ``problems``."""
        items: list[Item] = []
        origin: dict[str, str] = {}
        invalid: set[str] = set()
        inside = root.resolve()
        folders_inside: dict[Path, bool] = {}  # resolved once per folder, not per file
        for file in files:
            name = file.relative_to(root).as_posix()
            folder_inside = folders_inside.get(file.parent)
            if folder_inside is None:
                folder_inside = file.parent.resolve().is_relative_to(inside)
                folders_inside[file.parent] = folder_inside
            if not folder_inside or file.is_symlink():
                outside = _outside(file, inside)
                if outside is not None:
                    problems.append(Problem(name, "", outside))
                    continue
            try:
                size = file.stat().st_size
                if size > MAX_FILE_BYTES:
                    problems.append(
                        Problem(name, "", f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
                    )
                    continue
                raw = file.read_bytes()
            except OSError as exc:
                problems.append(Problem(name, "", f"cannot read: {exc.strerror or exc}"))
                continue
            limit = json_limit_problem(raw)
            if limit is not None:
                problems.append(Problem(name, "", limit))
                continue
            try:
                # Fast path: pydantic parses and validates in one step.
                item = validate_item_json(raw.removeprefix(b"\xef\xbb\xbf"))
            except ValidationError as exc:
                # Diagnose precisely: JSON syntax with line and column, then the document.
                problems.extend(_diagnose(name, raw, exc))
                document_id = _document_id(raw)
                if document_id is not None:
                    invalid.add(document_id)
                continue
            if item.id in origin:
                problems.append(
                    Problem(name, "id", f"duplicate id {item.id!r} (also in {origin[item.id]})")
                )
                continue
            origin[item.id] = name
            items.append(item)
        forms: FormsTable | None = None
        if (root / FORMS_FILE).is_file():
            try:
                forms = FormsTable.load(root / FORMS_FILE)
            except ContentError as exc:
                problems.append(Problem(FORMS_FILE, "", str(exc).removeprefix(f"{FORMS_FILE}: ")))
        try:
            return cls(items, origin=origin, az_forms=forms, _invalid=frozenset(invalid))
        except LibraryError as exc:
            problems.extend(exc.problems)
        return None

    def save(self, path: str | os.PathLike[str]) -> list[Path]:
        """Write every item as one JSON file under ``path`` (``articles/``, ``people/`` …).

        A non-empty :attr:`az_forms` table is written as ``az-forms.toml``.

        The folder loads back with :meth:`load` into an equal library. The files
        are written as a content import writes them (see
        :func:`diplolib._journal.commit_files`): all or nothing, across crashes
        too, and the next load finishes or undoes a save a crash interrupted.

        >>> import tempfile
        >>> lib = load_sample_library()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     files = lib.save(tmp)
        ...     ContentLibrary.load(tmp) == lib
        True
        """
        root = Path(path)
        contents: dict[Path, str] = {}
        for item in self._items.values():
            folder = root / type(item).content.folder
            folder.mkdir(parents=True, exist_ok=True)
            contents[folder / f"{item.id}.json"] = item_json(item)
        if self._az_forms:
            root.mkdir(parents=True, exist_ok=True)
            contents[root / FORMS_FILE] = self._az_forms.to_toml()
        root.mkdir(parents=True, exist_ok=True)
        commit_files(root, contents)
        return list(contents)

    # -- reference checks -----------------------------------------------------------

    def _check_references(self) -> list[Problem]:
        problems: list[Problem] = []
        suggest = Suggester(self._items, candidates=self._suggestion_candidates)

        def need(owner: Item, field: str, ref: str, kinds: tuple[str, ...]) -> None:
            target = self._items.get(ref)
            if target is not None and target.type in kinds:
                return
            if target is None and ref in self._invalid:
                return
            where = self._origin.get(owner.id, f"<{owner.type} {owner.id}>")
            wanted = " or ".join(_model_name(k) for k in kinds)
            if target is None:
                problems.append(Problem(where, field, f"unknown {wanted} {ref!r}{suggest(ref)}"))
            else:
                problems.append(
                    Problem(where, field, f"{ref!r} is a {target.type}, expected {wanted}")
                )

        seen_slugs: dict[tuple[str, str], str] = {}
        for item in self._items.values():
            for field, ref, kinds in item.references():
                need(item, field, ref, kinds)
            if not isinstance(item, Article):
                continue
            # Slugs are the one check only articles need: they alone have per-language URLs.
            for lang, slug in item.slug.items():
                key = (lang, slug)
                if key in seen_slugs:
                    where = self._origin.get(item.id, f"<article {item.id}>")
                    problems.append(
                        Problem(
                            where,
                            f"slug.{lang}",
                            f"slug {slug!r} is already used by article {seen_slugs[key]!r}",
                        )
                    )
                else:
                    seen_slugs[key] = item.id
        return problems

    # -- queries --------------------------------------------------------------------

    @overload
    def get(self, item_id: str) -> Item: ...
    @overload
    def get(self, item_id: str, kind: type[T]) -> T: ...

    def get(self, item_id: str, kind: type[Any] | None = None) -> Any:
        """The item with ``item_id``; with ``kind``, also check its model.

        >>> load_sample_library().get("baku", Place).name.get("az")
        'Bakı'
        """
        item = self._items.get(item_id)
        if item is None:
            hint = self._close_ids(str(item_id))
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            raise UnknownReferenceError(f"no item with id {item_id!r} in the library{extra}")
        if kind is not None and not isinstance(item, kind):
            raise UnknownReferenceError(
                f"item {item_id!r} is a {item.type}, not a {kind.__name__.lower()}"
            )
        return item

    def _suggestion_candidates(self, item_id: str) -> list[str]:
        """The bounded set of ids a "did you mean" for ``item_id`` is chosen from."""
        if self._suggest is None:
            self._suggest = _Suggestions(self._items)
        return list(self._suggest.candidates(item_id))

    def _close_ids(self, item_id: str) -> list[str]:
        """The id most like ``item_id`` (a list of at most one), for "did you mean".

        Compares against a bounded set of candidates (see :class:`_Suggestions`),
        so a miss costs the same in a library of any size.
        """
        if self._suggest is None:
            self._suggest = _Suggestions(self._items)
        return difflib.get_close_matches(item_id, self._suggest.candidates(item_id), n=1)

    def file_of(self, item_id: str) -> str | None:
        """The file (relative to the loaded folder) an item came from, or None.

        >>> load_sample_library().file_of("baku")
        'places/baku.json'
        """
        return self._origin.get(item_id)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self._items.values())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ContentLibrary):
            return self._items == other._items and self._az_forms == other._az_forms
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def items(self) -> Iterator[Item]:
        """Every item: articles newest first, events in order, entities by id, then the rest.

        Items of registered content types come last, by type (in registration
        order) and id. Content PO export lists items in this order.

        >>> [i.type for i in load_sample_library().items()][:1]
        ['article']
        """
        yield from self.articles()
        yield from self.events()
        yield from self.entities()
        built_in = (Article, Event, Person, Organization, Place)
        rank = {model.content.kind: i for i, model in enumerate(content_types())}
        rest = [i for i in self._items.values() if not isinstance(i, built_in)]
        rest.sort(key=lambda i: (rank.get(i.type, len(rank)), i.id))
        yield from rest

    def articles(self, *, section: str | None = None, **filters: Any) -> Iterator[Article]:
        """Articles, newest first; ``section`` filters by section id.

        More filters (``lang`` with ``fallback``, ``tag``, ``entity``, ``since``,
        ``until``) and keyset paging (``after``, ``limit``) work as in
        :class:`~diplolib._query.ArticleFilter`, the same for a SQL store.

        >>> [a.section.id for a in load_sample_library().articles(section="foreign-press")]
        ['foreign-press', 'foreign-press']
        """
        newest_first = (
            self._index.articles if section is None else self._index.sections.get(section, ())
        )
        if not filters:
            return iter(newest_first)
        return ArticleFilter.build(section=section, **filters).apply(newest_first)

    def events(self) -> Iterator[Event]:
        """Events in chronological order.

        >>> next(load_sample_library().events()).start
        PartialDate('1992-08-30')
        """
        return iter(self._index.events)

    def entities(
        self, kind: Literal["person", "organization", "place"] | None = None
    ) -> Iterator[Person | Organization | Place]:
        """People, organisations and places (``kind`` picks one), ordered by id.

        >>> all(e.type == "person" for e in load_sample_library().entities("person"))
        True
        """
        if kind is None:
            return iter(self._index.entities)
        return iter(self._index.entities_by_kind.get(kind, ()))

    def by_slug(self, slug: str, lang: str | None = None) -> Article:
        """The article whose slug in ``lang`` (default: current language) is ``slug``.

        >>> load_sample_library().by_slug("azerbaycan-qazaxistanin-strateji-terefdasidir", "az").id
        'kazakhstan-azerbaijan-strategic-partner'
        """
        code = resolve_language(lang)
        article = self._index.slugs.get((code, slug))
        if article is None:
            raise UnknownReferenceError(f"no article with {code!r} slug {slug!r}")
        return article

    def related_articles(self, article_id: str, limit: int = 5) -> list[Article]:
        """Articles related to ``article_id``: explicit links first, then by shared entities.

        Candidates beyond the explicit links are ranked by the entities they
        share, each weighted by how rare it is in the library (an entity that
        most articles mention counts for little, one that few mention for a
        lot), then by recency. Articles sharing nothing are left out. An entity
        mentioned by more than :data:`RELATED_CANDIDATES` articles brings in only
        its newest ones as candidates, so a call costs the same in an archive of
        any size.

        >>> lib = load_sample_library()
        >>> [a.id for a in lib.related_articles("kazakhstan-azerbaijan-strategic-partner")][:1]
        ['caspian-summit-baku-2010']
        """
        article = self.get(article_id, Article)
        result: list[Article] = [self.get(ref, Article) for ref in article.related][:limit]
        if len(result) >= limit:
            return result
        taken = {a.id for a in result}
        taken.add(article.id)
        return result + self._index.related(article, taken, limit - len(result))

    def articles_mentioning(self, entity_id: str) -> list[Article]:
        """Articles that mention ``entity_id``, newest first.

        >>> [a.id for a in load_sample_library().articles_mentioning("turksoy")]
        ['kazakhstan-azerbaijan-strategic-partner']
        """
        self.get(entity_id)
        return list(self._index.mentions.get(entity_id, ()))

    def timeline(self, entity_id: str) -> list[Event]:
        """Events the entity took part in or that took place there, in order.

        >>> [e.start.isoformat() for e in load_sample_library().timeline("gabala")]
        ['2013-08-15']
        """
        self.get(entity_id)
        return list(self._index.timeline.get(entity_id, ()))

    def foreign_press(self, *, limit: int | None = None) -> list[Article]:
        """ "Foreign press" items (articles with a ``source``), newest original first.

        ``limit`` keeps the newest ``limit`` of them.

        >>> [a.source.published.isoformat() for a in load_sample_library().foreign_press()]
        ['2018-04-11', '2018-04-03']
        >>> [a.id for a in load_sample_library().foreign_press(limit=1)]
        ['washington-post-trump-2018']
        """
        press = self._index.press
        return list(press if limit is None else press[: max(limit, 0)])

    def coverage(self, lang: str) -> float:
        """The share of articles' localized fields that have a value in ``lang`` (0–1).

        >>> 0 < load_sample_library().coverage("az") <= 1
        True
        """
        code = resolve_language(lang)
        total = present = 0
        for article in self.articles():
            for text in article.text_fields().values():
                if not text.languages():
                    continue
                total += 1
                present += code in text
        return present / total if total else 1.0


RELATED_CANDIDATES: Final = 128
"""How many of an entity's newest articles :meth:`ContentLibrary.related_articles` considers."""

_SUGGESTION_NEIGHBOURS: Final = 8
_SUGGESTION_GRAM_LIMIT: Final = 256
_SUGGESTION_GRAM_CANDIDATES: Final = 32


class _Index:
    """Orders and lookups of an immutable library, built once when it is made."""

    def __init__(self, items: Iterable[Item]) -> None:
        articles: list[Article] = []
        events: list[Event] = []
        entities: list[Entity] = []
        for item in items:
            if isinstance(item, Article):
                articles.append(item)
            elif isinstance(item, Event):
                events.append(item)
            elif isinstance(item, (Person, Organization, Place)):
                entities.append(item)
        articles.sort(key=lambda a: (a.published, a.id), reverse=True)
        events.sort(key=lambda e: (e.start, e.id))
        entities.sort(key=lambda e: e.id)
        self.articles = tuple(articles)
        self.events = tuple(events)
        self.entities = tuple(entities)
        self.entities_by_kind: dict[str, tuple[Entity, ...]] = _group(entities, lambda e: e.type)
        self.sections: dict[str, tuple[Article, ...]] = _group(articles, lambda a: a.section.id)
        self.slugs: dict[tuple[Lang, str], Article] = {}
        mentions: dict[str, list[Article]] = {}
        for article in articles:  # newest first, so every list below is too
            for lang, slug in article.slug.items():
                self.slugs[(lang, slug)] = article
            for entity_id in dict.fromkeys(article.mentions):
                mentions.setdefault(entity_id, []).append(article)
        self.mentions = {key: tuple(found) for key, found in mentions.items()}
        # For related articles: each article's rank (newest first, equal times by id), the
        # ranks mentioning each entity as a compact array, and for an entity past the
        # candidate cut-off the set of all of them (to weigh candidates found elsewhere).
        ranked = sorted(articles, key=lambda a: (-a.published.timestamp(), a.id))
        self.by_rank = tuple(ranked)
        self.rank = {a.id: r for r, a in enumerate(ranked)}
        self.postings: dict[str, array[int]] = {}
        self.everyone: dict[str, frozenset[int]] = {}
        for entity_id, found in mentions.items():
            ranks = sorted(self.rank[a.id] for a in found)
            self.postings[entity_id] = array("l", ranks)
            if len(ranks) > RELATED_CANDIDATES:
                self.everyone[entity_id] = frozenset(ranks)
        timeline: dict[str, list[Event]] = {}
        for event in events:
            taking_part = {p.entity for p in event.participants}
            if event.place is not None:
                taking_part.add(event.place)
            for entity_id in taking_part:
                timeline.setdefault(entity_id, []).append(event)
        self.timeline = {key: tuple(found) for key, found in timeline.items()}
        press = [a for a in articles if a.source is not None]
        press.sort(key=lambda a: (a.source.published if a.source else None, a.id), reverse=True)
        self.press = tuple(press)

    def weight(self, entity_id: str) -> float:
        """How much sharing ``entity_id`` counts: less the more articles mention it."""
        return math.log(1 + len(self.articles) / len(self.mentions[entity_id]))

    def related(self, article: Article, taken: set[str], k: int) -> list[Article]:
        """The ``k`` best articles sharing entities with ``article``, leaving out ``taken``."""
        if k <= 0:
            return []
        mine = sorted(e for e in set(article.mentions) if e in self.postings)
        scores: dict[int, float] = {}
        common = []
        # An entity few articles mention: every one of them is a candidate, scored here.
        for entity_id in mine:
            if entity_id in self.everyone:
                common.append(entity_id)
                continue
            weight = self.weight(entity_id)
            for rank in self.postings[entity_id]:
                scores[rank] = scores.get(rank, 0.0) + weight
        # One most articles mention: its newest are candidates; it adds to all it names.
        for entity_id in common:
            for rank in self.postings[entity_id][:RELATED_CANDIDATES]:
                scores.setdefault(rank, 0.0)
        for entity_id in common:
            weight, everyone = self.weight(entity_id), self.everyone[entity_id]
            for rank in scores:
                if rank in everyone:
                    scores[rank] += weight
        for item_id in taken:
            scores.pop(self.rank.get(item_id, -1), None)
        best = heapq.nsmallest(k, scores, key=lambda r: (-round(scores[r], 9), r))
        return [self.by_rank[r] for r in best]


class _Suggestions:
    """A bounded set of ids like a given one: sorted neighbours and shared trigrams.

    Built on the first unknown id. Neighbours in sorted order catch a slip
    after a shared beginning, neighbours in reversed-spelling order one before
    a shared ending, and rare trigrams (in at most ``_SUGGESTION_GRAM_LIMIT``
    ids) the rest; :func:`difflib.get_close_matches` then ranks at most
    ``4 * _SUGGESTION_NEIGHBOURS + _SUGGESTION_GRAM_CANDIDATES`` ids.
    """

    def __init__(self, ids: Iterable[str]) -> None:
        self.forward = sorted(ids)
        self.backward = sorted(i[::-1] for i in self.forward)
        grams: dict[str, list[str]] = {}
        for item_id in self.forward:
            for gram in _trigrams(item_id):
                grams.setdefault(gram, []).append(item_id)
        self.grams = {
            g: found for g, found in grams.items() if len(found) <= _SUGGESTION_GRAM_LIMIT
        }

    def candidates(self, item_id: str) -> list[str]:
        """Ids worth comparing with ``item_id`` (no more than a fixed number)."""
        found = dict.fromkeys(_neighbours(self.forward, item_id))
        found.update(dict.fromkeys(i[::-1] for i in _neighbours(self.backward, item_id[::-1])))
        shared: dict[str, int] = {}
        for gram in _trigrams(item_id):
            for other in self.grams.get(gram, ()):
                shared[other] = shared.get(other, 0) + 1
        best = heapq.nsmallest(_SUGGESTION_GRAM_CANDIDATES, shared, key=lambda i: (-shared[i], i))
        found.update(dict.fromkeys(best))
        return list(found)


def _neighbours(ordered: list[str], key: str) -> list[str]:
    at = bisect.bisect_left(ordered, key)
    return ordered[max(at - _SUGGESTION_NEIGHBOURS, 0) : at + _SUGGESTION_NEIGHBOURS]


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


G = TypeVar("G")


def _group(found: Iterable[G], key: Callable[[G], str]) -> dict[str, tuple[G, ...]]:
    groups: dict[str, list[G]] = {}
    for value in found:
        groups.setdefault(key(value), []).append(value)
    return {name: tuple(values) for name, values in groups.items()}


def item_json(item: Item) -> str:
    """The text of an item's content file, as :meth:`ContentLibrary.save` writes it.

    >>> print(item_json(load_sample_library().get("baku")).splitlines()[1])
      "type": "place",
    """
    data = item.model_dump(mode="json", exclude_defaults=True)
    data = {"type": item.type, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _model_name(kind: str) -> str:
    try:
        return content_type(kind).__name__
    except ContentTypeError:
        return kind


@cache
def _sample() -> ContentLibrary:
    return ContentLibrary.load(data_dir() / "sample")


def load_sample_library() -> ContentLibrary:
    """The bundled sample library: the seed article, its people, places, events and more.

    The library is loaded once and shared (it is immutable).

    >>> lib = load_sample_library()
    >>> lib.get("heydar-aliyev").display_name("az")
    'Heydər Əliyev'
    """
    return _sample()
