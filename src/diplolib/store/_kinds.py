"""Every per-content-type fact the store relies on, in one place.

The store needs to know, for each kind of item, its model class, the folder its
files live in, and which of its fields reference other items (with the kinds
they may point at). Those facts are gathered here and nowhere else in the
package, so they can be read from a content-type registry instead without
touching the queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from ..languages import SUPPORTED_LANGUAGES, Lang
from ..models import Article, Event, Item, Organization, Person, Place


@dataclass(frozen=True, slots=True)
class Kind:
    """What the store knows about one kind of item."""

    tag: str
    model: type[Item]
    folder: str


KINDS: Final[dict[str, Kind]] = {
    "article": Kind("article", Article, "articles"),
    "event": Kind("event", Event, "events"),
    "person": Kind("person", Person, "people"),
    "organization": Kind("organization", Organization, "organizations"),
    "place": Kind("place", Place, "places"),
}

ENTITY_KINDS: Final = ("person", "organization", "place")


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference from an item to another: the field it sits in and what it may point at."""

    role: str
    """The group the graph queries ask for: ``mentions``, ``related``, ``participants`` …"""
    field: str
    """The field path, as problems name it (``mentions[2]``)."""
    target: str
    kinds: tuple[str, ...]
    position: int


def references(item: Item) -> Iterator[Reference]:
    """Every reference the item holds, in document order.

    >>> from diplolib import load_sample_library
    >>> [r.role for r in references(load_sample_library().get("gabala-summit-2013"))][:1]
    ['place']
    """
    if isinstance(item, Article):
        for i, byline in enumerate(item.authors):
            yield Reference(
                "authors", f"authors[{i}].person", byline.person, ("person", "organization"), i
            )
        if item.dateline is not None:
            yield Reference("dateline", "dateline.place", item.dateline.place, ("place",), 0)
        for i, ref in enumerate(item.mentions):
            yield Reference("mentions", f"mentions[{i}]", ref, ENTITY_KINDS, i)
        for i, ref in enumerate(item.events):
            yield Reference("events", f"events[{i}]", ref, ("event",), i)
        for i, ref in enumerate(item.related):
            yield Reference("related", f"related[{i}]", ref, ("article",), i)
    elif isinstance(item, Event):
        if item.place is not None:
            yield Reference("place", "place", item.place, ("place",), 0)
        for i, participant in enumerate(item.participants):
            yield Reference(
                "participants", f"participants[{i}].entity", participant.entity, ENTITY_KINDS, i
            )
    elif isinstance(item, Person):
        for i, position in enumerate(item.positions):
            if position.organization is not None:
                yield Reference(
                    "positions",
                    f"positions[{i}].organization",
                    position.organization,
                    ("organization",),
                    i,
                )
            if position.country is not None:
                yield Reference(
                    "countries", f"positions[{i}].country", position.country, ("place",), i
                )
    elif item.country is not None:
        yield Reference("country", "country", item.country, ("place",), 0)


def languages() -> tuple[Lang, ...]:
    """The languages the store keeps per-language columns for.

    >>> languages()
    ('en', 'az')
    """
    return tuple(SUPPORTED_LANGUAGES)
