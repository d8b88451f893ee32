"""The read interface shared by a content folder and a SQL content store.

:class:`ContentReader` is what the publishing helpers, the preview, the Jinja
environment and the command line need from content: a
:class:`~diplolib.library.ContentLibrary` (a folder loaded into memory) and a
:class:`~diplolib.store.ContentStore` (a database queried on demand) both
provide it, and give equal results for the same content.

>>> from diplolib import load_sample_library
>>> isinstance(load_sample_library(), ContentReader)
True
"""

from __future__ import annotations

__all__ = ["ArticleCursor", "ContentReader"]

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal, Protocol, TypeVar, overload, runtime_checkable

from ._query import ArticleCursor
from .az import FormsTable
from .models import Article, Event, Item, Organization, Person, Place

T = TypeVar("T", Article, Event, Person, Organization, Place)


@runtime_checkable
class ContentReader(Protocol):
    """Read access to content items: lookups, article listings and the graph queries.

    >>> from diplolib import load_sample_library
    >>> def headline(content: ContentReader, slug: str) -> str:
    ...     return content.by_slug(slug, "en").title.get("en")
    >>> headline(load_sample_library(), "azerbaijan-important-strategic-partner-of-kazakhstan")
    'Azerbaijan is an important strategic partner of Kazakhstan in the Caucasus region'
    """

    @overload
    def get(self, item_id: str) -> Item: ...
    @overload
    def get(self, item_id: str, kind: type[T]) -> T: ...
    def get(self, item_id: str, kind: type[Any] | None = None) -> Any:
        """The item with ``item_id`` (checked to be a ``kind`` when given).

        >>> from diplolib import Place, load_sample_library
        >>> load_sample_library().get("baku", Place).name.get("en")
        'Baku'
        """

    def __contains__(self, item_id: object) -> bool:
        """Whether an item with this id exists.

        >>> from diplolib import load_sample_library
        >>> "baku" in load_sample_library()
        True
        """

    def __len__(self) -> int:
        """The number of items.

        >>> from diplolib import load_sample_library
        >>> len(load_sample_library())
        37
        """

    def __iter__(self) -> Iterator[Item]:
        """Every item.

        >>> from diplolib import load_sample_library
        >>> sum(1 for item in load_sample_library() if item.type == "article")
        6
        """

    def file_of(self, item_id: str) -> str | None:
        """The content file of an item, relative to its folder (None when unknown).

        >>> from diplolib import load_sample_library
        >>> load_sample_library().file_of("baku")
        'places/baku.json'
        """

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
        """Articles newest first, filtered and paged.

        >>> from diplolib import load_sample_library
        >>> [a.id for a in load_sample_library().articles(entity="turksoy", limit=1)]
        ['kazakhstan-azerbaijan-strategic-partner']
        """

    def events(self) -> Iterator[Event]:
        """Events in chronological order.

        >>> from diplolib import load_sample_library
        >>> next(load_sample_library().events()).id
        'diplomatic-relations-1992'
        """

    def entities(
        self, kind: Literal["person", "organization", "place"] | None = None
    ) -> Iterator[Person | Organization | Place]:
        """People, organisations and places, ordered by id.

        >>> from diplolib import load_sample_library
        >>> next(load_sample_library().entities("place")).id
        'astana'
        """

    def by_slug(self, slug: str, lang: str | None = None) -> Article:
        """The article with ``slug`` in ``lang``.

        >>> from diplolib import load_sample_library
        >>> load_sample_library().by_slug("azerbaycan-qazaxistanin-strateji-terefdasidir", "az").id
        'kazakhstan-azerbaijan-strategic-partner'
        """

    def related_articles(self, article_id: str, limit: int = 5) -> list[Article]:
        """Explicitly related articles, then those sharing the most entities.

        >>> from diplolib import load_sample_library
        >>> lib = load_sample_library()
        >>> [a.id for a in lib.related_articles("kazakhstan-azerbaijan-strategic-partner", 1)]
        ['caspian-summit-baku-2010']
        """

    def articles_mentioning(self, entity_id: str) -> list[Article]:
        """Articles that mention the entity, newest first.

        >>> from diplolib import load_sample_library
        >>> [a.id for a in load_sample_library().articles_mentioning("turksoy")]
        ['kazakhstan-azerbaijan-strategic-partner']
        """

    def timeline(self, entity_id: str) -> list[Event]:
        """Events the entity took part in or that took place there, in order.

        >>> from diplolib import load_sample_library
        >>> [e.id for e in load_sample_library().timeline("gabala")]
        ['gabala-summit-2013']
        """

    def foreign_press(self, *, limit: int | None = None) -> list[Article]:
        """Articles republished from other publications, newest original first.

        ``limit`` keeps the newest ``limit`` of them.

        >>> from diplolib import load_sample_library
        >>> len(load_sample_library().foreign_press())
        2
        """

    def coverage(self, lang: str) -> float:
        """The share of articles' localized fields with a value in ``lang``.

        >>> from diplolib import load_sample_library
        >>> load_sample_library().coverage("en") > 0.5
        True
        """

    @property
    def az_forms(self) -> FormsTable:
        """The editor's table of established Azerbaijani forms (empty when there is none).

        >>> from diplolib import load_sample_library
        >>> load_sample_library().az_forms.spoken("EXPO")
        'ekspo'
        """
