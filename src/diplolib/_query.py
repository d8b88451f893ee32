"""Article filters and keyset cursors shared by the folder library and the SQL store.

Both back ends accept the same filters for ``articles(...)`` and page through
results with an :class:`ArticleCursor` (the publication time and id of the last
article seen), so a page never shifts when newer articles arrive.

>>> import datetime as dt
>>> cursor = ArticleCursor(dt.datetime(2017, 3, 2, 10, tzinfo=dt.timezone.utc), "a1")
>>> ArticleCursor.parse(str(cursor)) == cursor
True
"""

from __future__ import annotations

__all__ = ["ArticleCursor", "ArticleFilter"]

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from .errors import ContentError
from .languages import Lang, resolve_language
from .models import Article

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def to_micros(value: dt.datetime) -> int:
    """Microseconds since the epoch of an aware datetime (exact, unlike ``timestamp()``).

    >>> to_micros(dt.datetime(1970, 1, 1, 0, 0, 1, tzinfo=dt.UTC))
    1000000
    """
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _aware(name: str, value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ContentError(
            f"{name} must be a timezone-aware datetime (e.g. 2017-03-02T00:00:00+04:00), "
            f"got {value!r}"
        )
    return value


class ArticleCursor(NamedTuple):
    """Where a page of articles ended: pass it as ``after=`` to get the next page.

    ``str(cursor)`` is a compact token for a URL; :meth:`parse` reads it back.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> first = list(lib.articles(limit=2))
    >>> rest = list(lib.articles(after=ArticleCursor.of(first[-1])))
    >>> [a.id for a in first + rest] == [a.id for a in lib.articles()]
    True
    """

    published: dt.datetime
    id: str

    @classmethod
    def of(cls, article: Article) -> ArticleCursor:
        """The cursor just past ``article``.

        >>> from diplolib import load_sample_library
        >>> ArticleCursor.of(next(load_sample_library().articles())).id
        'washington-post-trump-2018'
        """
        return cls(article.published, article.id)

    def __str__(self) -> str:
        return f"{to_micros(self.published)}~{self.id}"

    @classmethod
    def parse(cls, token: str) -> ArticleCursor:
        """Read a cursor from its ``str()`` token.

        >>> ArticleCursor.parse("0~a").id
        'a'
        >>> ArticleCursor.parse("yesterday")
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: invalid page cursor 'yesterday': expected MICROSECONDS~ID as given by str(cursor)
        """
        micros, sep, item_id = token.partition("~")
        try:
            if not sep or not item_id:
                # Builtin on purpose: caught just below and reported as a ContentError.
                raise ValueError(token)
            published = _EPOCH + dt.timedelta(microseconds=int(micros))
        except (ValueError, OverflowError):
            raise ContentError(
                f"invalid page cursor {token[:80]!r}: expected MICROSECONDS~ID as given by "
                "str(cursor)"
            ) from None
        return cls(published, item_id)


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """The filters of ``articles(...)``, checked once; :meth:`matches` applies them in Python.

    >>> from diplolib import load_sample_library
    >>> f = ArticleFilter.build(section="foreign-press")
    >>> sum(f.matches(a) for a in load_sample_library().articles())
    2
    """

    section: str | None = None
    lang: Lang | None = None
    fallback: bool = True
    tag: str | None = None
    entity: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    after: ArticleCursor | None = None
    limit: int | None = None

    @classmethod
    def build(
        cls,
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
    ) -> ArticleFilter:
        """Check the arguments and build the filter.

        >>> ArticleFilter.build(limit=0)
        Traceback (most recent call last):
        ...
        diplolib.errors.ContentError: limit must be a positive integer or None, got 0
        """
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 1
        ):
            raise ContentError(f"limit must be a positive integer or None, got {limit!r}")
        if after is not None and not isinstance(after, ArticleCursor):
            raise ContentError(f"after must be an ArticleCursor, got {after!r}")
        return cls(
            section=section,
            lang=None if lang is None else resolve_language(lang),
            fallback=fallback,
            tag=tag,
            entity=entity,
            since=_aware("since", since),
            until=_aware("until", until),
            after=after,
            limit=limit,
        )

    def matches(self, article: Article) -> bool:
        """Whether ``article`` passes every filter (not the cursor or the limit).

        >>> from diplolib import load_sample_library
        >>> a = load_sample_library().get("kazakhstan-azerbaijan-strategic-partner")
        >>> ArticleFilter.build(entity="turksoy").matches(a)
        True
        """
        if self.section is not None and article.section.id != self.section:
            return False
        if (
            self.lang is not None
            and not self.fallback
            and article.translations.get(self.lang, "missing") == "missing"
        ):
            return False
        if self.tag is not None and not any(
            value == self.tag for tag in article.tags for _, value in tag
        ):
            return False
        if self.entity is not None and self.entity not in article.mentions:
            return False
        if self.since is not None and article.published < self.since:
            return False
        return self.until is None or article.published < self.until

    def apply(self, newest_first: Iterable[Article]) -> Iterator[Article]:
        """Filter articles given newest first, then page them (cursor and limit).

        >>> from diplolib import load_sample_library
        >>> lib = load_sample_library()
        >>> len(list(ArticleFilter.build(limit=2).apply(lib.articles())))
        2
        """
        count = 0
        for article in newest_first:
            if self.limit is not None and count >= self.limit:
                return
            if self.after is not None and (article.published, article.id) >= tuple(self.after):
                continue
            if self.matches(article):
                count += 1
                yield article
