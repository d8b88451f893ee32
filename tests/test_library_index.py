"""The library's precomputed orders and indexes answer like the plain definitions."""

from __future__ import annotations

import difflib
import math
import random
from datetime import datetime, timedelta, timezone

import pytest

from diplolib import Article, ContentLibrary, Event, UnknownReferenceError, load_sample_library
from diplolib.library import RELATED_CANDIDATES

SAMPLE = load_sample_library()
SEED = SAMPLE.get("kazakhstan-azerbaijan-strategic-partner", Article)
EVENT = next(SAMPLE.events())
ENTITIES = [e.id for e in SAMPLE.entities()]
HUB = "azerbaijan"
PRESS_SOURCE = SAMPLE.get("washington-post-trump-2018", Article).source
assert PRESS_SOURCE is not None


def build(n: int, seed: int, *, hub_share: float = 0.9) -> ContentLibrary:
    """A library of ``n`` copies of the seed article with random mentions and dates."""
    rng = random.Random(seed)
    base = datetime(2001, 1, 1, tzinfo=timezone(timedelta(hours=4)))
    items: list[object] = [i for i in SAMPLE if not isinstance(i, Article | Event)]
    for i in range(n):
        others = [e for e in ENTITIES if e != HUB]
        mentions = rng.sample(others, rng.randrange(0, 4))
        if rng.random() < hub_share:
            mentions.append(HUB)
        source = None
        if i % 3 == 0:
            published = (base + timedelta(days=rng.randrange(50))).date()
            source = PRESS_SOURCE.model_copy(update={"published": published})
        items.append(
            SEED.model_copy(
                update={
                    "id": f"a{i:04d}",
                    "slug": {lang: f"{s}-{i}" for lang, s in SEED.slug.items()},
                    # few distinct dates, so ties on the date are common
                    "published": base + timedelta(days=rng.randrange(30)),
                    "mentions": tuple(mentions),
                    "related": (),
                    "events": (),
                    "source": source,
                }
            )
        )
    for i in range(n // 2):
        people = rng.sample(ENTITIES, 2)
        items.append(
            EVENT.model_copy(
                update={
                    "id": f"e{i:04d}",
                    "place": rng.choice([None, "baku", "gabala"]),
                    "participants": tuple(
                        EVENT.participants[0].model_copy(update={"entity": p}) for p in people
                    ),
                    "start": EVENT.start if i % 2 else SAMPLE.get("expo-2017", Event).start,
                }
            )
        )
    return ContentLibrary(items)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_orders_and_lookups_match_their_definitions(seed: int) -> None:
    lib = build(120, seed)
    every = list(lib)
    articles = sorted(
        (i for i in every if isinstance(i, Article)),
        key=lambda a: (a.published, a.id),
        reverse=True,
    )
    assert list(lib.articles()) == articles
    events = sorted((i for i in every if isinstance(i, Event)), key=lambda e: (e.start, e.id))
    assert list(lib.events()) == events
    for entity in ENTITIES:
        assert lib.articles_mentioning(entity) == [a for a in articles if entity in a.mentions]
        assert lib.timeline(entity) == [
            e
            for e in events
            if e.place == entity or any(p.entity == entity for p in e.participants)
        ]
    press = sorted(
        (a for a in articles if a.source is not None),
        key=lambda a: (a.source.published if a.source else None, a.id),
        reverse=True,
    )
    assert lib.foreign_press() == press
    for limit in (0, 1, 3, len(press) + 5):
        assert lib.foreign_press(limit=limit) == press[:limit]


def expected_related(lib: ContentLibrary, article: Article, limit: int) -> list[str]:
    """``related_articles`` written out over every article (no index, no cut-off)."""
    articles = [a for a in lib.articles() if a.id != article.id]
    count = {e: sum(e in a.mentions for a in lib.articles()) for e in set(article.mentions)}
    total = len(list(lib.articles()))

    def score(other: Article) -> float:
        return sum(
            math.log(1 + total / count[e]) for e in set(article.mentions) & set(other.mentions)
        )

    ranked = sorted(
        (a for a in articles if score(a) > 0),
        key=lambda a: (-round(score(a), 9), -a.published.timestamp(), a.id),
    )
    return [a.id for a in ranked[:limit]]


@pytest.mark.parametrize("seed", [4, 5, 6, 7])
def test_related_articles_rank_rare_shared_entities_first(seed: int) -> None:
    lib = build(100, seed)  # no entity reaches the candidate cut-off
    assert max(len(lib.articles_mentioning(e)) for e in ENTITIES) <= RELATED_CANDIDATES
    for article in list(lib.articles())[::7]:
        for limit in (1, 5, 20):
            got = [a.id for a in lib.related_articles(article.id, limit)]
            assert got == expected_related(lib, article, limit)


def test_an_entity_almost_every_article_mentions_counts_for_little() -> None:
    lib = build(300, 8, hub_share=1.0)
    assert len(lib.articles_mentioning(HUB)) == 300 > RELATED_CANDIDATES
    for article in list(lib.articles())[::25]:
        related = lib.related_articles(article.id, 10)
        assert len(related) == 10
        rare = set(article.mentions) - {HUB}
        sharing = [bool(rare & set(a.mentions)) for a in related]
        # every article sharing a rarer entity ranks before those sharing only the hub
        assert sharing == sorted(sharing, reverse=True)
        assert article not in related


def test_unknown_ids_get_a_hint_from_a_large_library() -> None:
    lib = build(400, 9)
    ids = [i.id for i in lib]
    rng = random.Random(10)
    for item_id in rng.sample(ids, 40):
        at = rng.randrange(len(item_id))
        typo = item_id[:at] + item_id[at + 1 :]  # one letter dropped
        if typo in lib:
            continue
        best = difflib.get_close_matches(typo, ids, n=1)
        with pytest.raises(UnknownReferenceError) as info:
            lib.get(typo)
        message = str(info.value)
        assert message.startswith(f"no item with id {typo!r} in the library")
        if best and "-" in item_id:  # named ids: the hint is the one a full scan finds
            assert f"did you mean {best[0]!r}?" in message


def test_an_id_like_nothing_gets_no_hint() -> None:
    with pytest.raises(UnknownReferenceError) as info:
        build(50, 11).get("zzzzqqqq")
    assert str(info.value) == "no item with id 'zzzzqqqq' in the library"
