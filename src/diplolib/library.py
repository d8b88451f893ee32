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

import difflib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, overload

from pydantic import TypeAdapter, ValidationError

from ._atomic import file_mode
from ._query import ArticleFilter
from ._resources import data_dir
from .errors import LibraryError, Problem, UnknownReferenceError
from .languages import Lang, resolve_lang
from .models import Article, Event, Item, Organization, Person, Place

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
"""Content files larger than this are refused (a single article is a few kB)."""

_ITEM_ADAPTER: TypeAdapter[Item] | None = None

Entity = Person | Organization | Place
T = TypeVar("T", Article, Event, Person, Organization, Place)

_FOLDERS: Final[dict[str, str]] = {
    "article": "articles",
    "event": "events",
    "person": "people",
    "organization": "organizations",
    "place": "places",
}


def _adapter() -> TypeAdapter[Item]:
    global _ITEM_ADAPTER
    if _ITEM_ADAPTER is None:
        _ITEM_ADAPTER = TypeAdapter(Item)
    return _ITEM_ADAPTER


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"article", "event", "person", "organization", "place"} and not out:
            continue  # the discriminator tag pydantic puts first
        else:
            out += f".{part}" if out else str(part)
    return out


def _shorten(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _validation_problems(file: str, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
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
    except ValueError:
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
    if not isinstance(document, dict):
        return [Problem(name, "", "a content file holds one JSON object")]
    kind = document.get("type")
    if kind not in _FOLDERS:
        accepted = ", ".join(repr(k) for k in _FOLDERS)
        return [Problem(name, "type", f"unknown document type {kind!r}; accepted: {accepted}")]
    try:
        _adapter().validate_python(document)
    except ValidationError as exc:
        return _validation_problems(name, exc)
    return _validation_problems(name, error)  # pragma: no cover - JSON and Python modes agree


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
        _invalid: frozenset[str] = frozenset(),
    ) -> None:
        self._items: dict[str, Item] = {}
        self._origin = dict(origin or {})
        # ids of documents that exist but failed validation: references to them are not
        # reported again as dangling (the document's own problems already are).
        self._invalid = _invalid
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
            raise LibraryError(problems)
        self._slugs: dict[tuple[Lang, str], Article] = {}
        self._mentions: dict[str, list[Article]] = {}
        for article in self.articles():
            for lang, slug in article.slug.items():
                self._slugs[(lang, slug)] = article
            for entity_id in article.mentions:
                self._mentions.setdefault(entity_id, []).append(article)

    # -- loading ------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ContentLibrary:
        """Load and check every ``*.json`` document below ``path``.

        Raises :class:`~diplolib.errors.LibraryError` listing every problem
        (unreadable files, invalid JSON with line and column, invalid fields with
        their paths and values, duplicate ids, dangling references).

        >>> ContentLibrary.load("no/such/folder")
        Traceback (most recent call last):
        ...
        diplolib.errors.LibraryError: 1 problem in the content library:
          no/such/folder: not a folder
        """
        root = Path(path)
        if not root.is_dir():
            raise LibraryError([Problem(str(path), "", "not a folder")])
        items: list[Item] = []
        origin: dict[str, str] = {}
        problems: list[Problem] = []
        invalid: set[str] = set()
        adapter = _adapter()
        files = sorted(p for p in root.rglob("*.json") if p.is_file())
        if not files:
            raise LibraryError([Problem(str(path), "", "no *.json content files found")])
        for file in files:
            name = file.relative_to(root).as_posix()
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
            try:
                # Fast path: pydantic parses and validates in one step.
                item = adapter.validate_json(raw.removeprefix(b"\xef\xbb\xbf"))
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
        try:
            library = cls(items, origin=origin, _invalid=frozenset(invalid))
        except LibraryError as exc:
            problems.extend(exc.problems)
        if problems:
            raise LibraryError(problems)
        return library

    def save(self, path: str | os.PathLike[str]) -> list[Path]:
        """Write every item as one JSON file under ``path`` (``articles/``, ``people/`` …).

        The folder loads back with :meth:`load` into an equal library. Each file
        is written to a temporary name and renamed, so a crash never leaves a
        half-written document.

        >>> import tempfile
        >>> lib = load_sample_library()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     files = lib.save(tmp)
        ...     ContentLibrary.load(tmp) == lib
        True
        """
        root = Path(path)
        written = []
        for item in self._items.values():
            folder = root / _FOLDERS[item.type]
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{item.id}.json"
            text = item_json(item)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{item.id}.", suffix=".tmp")
            try:
                os.chmod(tmp, file_mode(target))
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            written.append(target)
        return written

    # -- reference checks -----------------------------------------------------------

    def _check_references(self) -> list[Problem]:
        problems: list[Problem] = []

        def need(owner: Item, field: str, ref: str | None, *kinds: type[Any]) -> None:
            if ref is None:
                return
            target = self._items.get(ref)
            if target is not None and isinstance(target, kinds):
                return
            if target is None and ref in self._invalid:
                return
            where = self._origin.get(owner.id, f"<{owner.type} {owner.id}>")
            wanted = " or ".join(k.__name__ for k in kinds)
            if target is None:
                hint = difflib.get_close_matches(ref, list(self._items), n=1)
                extra = f"; did you mean {hint[0]!r}?" if hint else ""
                problems.append(Problem(where, field, f"unknown {wanted} {ref!r}{extra}"))
            else:
                problems.append(
                    Problem(where, field, f"{ref!r} is a {target.type}, expected {wanted}")
                )

        seen_slugs: dict[tuple[str, str], str] = {}
        for item in self._items.values():
            if isinstance(item, Article):
                for i, byline in enumerate(item.authors):
                    need(item, f"authors[{i}].person", byline.person, Person, Organization)
                if item.dateline is not None:
                    need(item, "dateline.place", item.dateline.place, Place)
                for i, ref in enumerate(item.mentions):
                    need(item, f"mentions[{i}]", ref, Person, Organization, Place)
                for i, ref in enumerate(item.events):
                    need(item, f"events[{i}]", ref, Event)
                for i, ref in enumerate(item.related):
                    need(item, f"related[{i}]", ref, Article)
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
            elif isinstance(item, Event):
                need(item, "place", item.place, Place)
                for i, participant in enumerate(item.participants):
                    need(
                        item,
                        f"participants[{i}].entity",
                        participant.entity,
                        Person,
                        Organization,
                        Place,
                    )
            elif isinstance(item, Person):
                for i, position in enumerate(item.positions):
                    need(item, f"positions[{i}].organization", position.organization, Organization)
                    need(item, f"positions[{i}].country", position.country, Place)
            else:
                need(item, "country", item.country, Place)
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
            hint = difflib.get_close_matches(str(item_id), list(self._items), n=1)
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            raise UnknownReferenceError(f"no item with id {item_id!r} in the library{extra}")
        if kind is not None and not isinstance(item, kind):
            raise UnknownReferenceError(
                f"item {item_id!r} is a {item.type}, not a {kind.__name__.lower()}"
            )
        return item

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
            return self._items == other._items
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def articles(self, *, section: str | None = None, **filters: Any) -> Iterator[Article]:
        """Articles, newest first; ``section`` filters by section id.

        More filters (``lang`` with ``fallback``, ``tag``, ``entity``, ``since``,
        ``until``) and keyset paging (``after``, ``limit``) work as in
        :class:`~diplolib._query.ArticleFilter`, the same for a SQL store.

        >>> [a.section.id for a in load_sample_library().articles(section="foreign-press")]
        ['foreign-press', 'foreign-press']
        """
        query = ArticleFilter.build(section=section, **filters)
        found = [i for i in self._items.values() if isinstance(i, Article)]
        found.sort(key=lambda a: (a.published, a.id), reverse=True)
        return query.apply(found)

    def events(self) -> Iterator[Event]:
        """Events in chronological order.

        >>> next(load_sample_library().events()).start
        PartialDate('1992-08-30')
        """
        found = [i for i in self._items.values() if isinstance(i, Event)]
        found.sort(key=lambda e: (e.start, e.id))
        return iter(found)

    def entities(
        self, kind: Literal["person", "organization", "place"] | None = None
    ) -> Iterator[Person | Organization | Place]:
        """People, organisations and places (``kind`` picks one), ordered by id.

        >>> all(e.type == "person" for e in load_sample_library().entities("person"))
        True
        """
        found: list[Person | Organization | Place] = [
            i
            for i in self._items.values()
            if isinstance(i, (Person, Organization, Place)) and (kind is None or i.type == kind)
        ]
        found.sort(key=lambda e: e.id)
        return iter(found)

    def by_slug(self, slug: str, lang: str | None = None) -> Article:
        """The article whose slug in ``lang`` (default: current language) is ``slug``.

        >>> load_sample_library().by_slug("azerbaycan-qazaxistanin-strateji-terefdasidir", "az").id
        'kazakhstan-azerbaijan-strategic-partner'
        """
        code = resolve_lang(lang)
        article = self._slugs.get((code, slug))
        if article is None:
            raise UnknownReferenceError(f"no article with {code!r} slug {slug!r}")
        return article

    def related_articles(self, article_id: str, limit: int = 5) -> list[Article]:
        """Articles related to ``article_id``: explicit links first, then by shared entities.

        Candidates beyond the explicit links are ranked by how many mentioned
        entities they share, then by recency. Articles sharing nothing are left out.

        >>> lib = load_sample_library()
        >>> [a.id for a in lib.related_articles("kazakhstan-azerbaijan-strategic-partner")][:1]
        ['caspian-summit-baku-2010']
        """
        article = self.get(article_id, Article)
        result: list[Article] = [self.get(ref, Article) for ref in article.related][:limit]
        if len(result) >= limit:
            return result
        mine = set(article.mentions)
        scores: Counter[str] = Counter()
        for entity_id in mine:
            for other in self._mentions.get(entity_id, ()):
                if other.id != article.id:
                    scores[other.id] += 1
        taken = {a.id for a in result}
        ranked = sorted(
            (self.get(i, Article) for i in scores if i not in taken),
            key=lambda a: (-scores[a.id], -a.published.timestamp(), a.id),
        )
        return result + ranked[: limit - len(result)]

    def articles_mentioning(self, entity_id: str) -> list[Article]:
        """Articles that mention ``entity_id``, newest first.

        >>> [a.id for a in load_sample_library().articles_mentioning("turksoy")]
        ['kazakhstan-azerbaijan-strategic-partner']
        """
        self.get(entity_id)
        found = list(self._mentions.get(entity_id, ()))
        found.sort(key=lambda a: (a.published, a.id), reverse=True)
        return found

    def timeline(self, entity_id: str) -> list[Event]:
        """Events the entity took part in or that took place there, in order.

        >>> [e.start.isoformat() for e in load_sample_library().timeline("gabala")]
        ['2013-08-15']
        """
        self.get(entity_id)
        return [
            e
            for e in self.events()
            if e.place == entity_id or any(p.entity == entity_id for p in e.participants)
        ]

    def foreign_press(self) -> list[Article]:
        """ "Foreign press" items (articles with a ``source``), newest original first.

        >>> [a.source.published.isoformat() for a in load_sample_library().foreign_press()]
        ['2018-04-11', '2018-04-03']
        """
        found = [(a.source.published, a.id, a) for a in self.articles() if a.source is not None]
        found.sort(key=lambda entry: entry[:2], reverse=True)
        return [entry[2] for entry in found]

    def coverage(self, lang: str) -> float:
        """The share of articles' localized fields that have a value in ``lang`` (0–1).

        >>> 0 < load_sample_library().coverage("az") <= 1
        True
        """
        code = resolve_lang(lang)
        total = present = 0
        for article in self.articles():
            for text in article.text_fields().values():
                if not text.languages():
                    continue
                total += 1
                present += code in text
        return present / total if total else 1.0


def item_json(item: Item) -> str:
    """The text of an item's content file, as :meth:`ContentLibrary.save` writes it.

    >>> print(item_json(load_sample_library().get("baku")).splitlines()[1])
      "type": "place",
    """
    data = item.model_dump(mode="json", exclude_defaults=True)
    data = {"type": item.type, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
