from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from diplolib import Article, Event, Organization, PartialDate, Person, Place
from diplolib.models import Item, Position, export_json_schemas

ARTICLE = {
    "type": "article",
    "id": "a1",
    "slug": {"en": "strategic-partner", "az": "strateji-terefdas"},
    "section": {
        "id": "diplomatic-chapter",
        "name": {"en": "Diplomatic Chapter", "az": "Diplomatik rubrika"},
    },
    "title": {"en": "Strategic partner", "az": "Strateji tərəfdaş"},
    "body": [{"en": "One.", "az": "Bir."}, {"en": "Two."}],
    "published": "2017-03-02T11:30:00+04:00",
    "original_language": "en",
}


def errors_of(data: dict[str, object]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(Item).validate_python(data)
    return [(".".join(str(p) for p in e["loc"]), e["msg"]) for e in info.value.errors()]


@pytest.mark.parametrize(
    ("text", "year", "month", "day", "precision"),
    [
        ("2009", 2009, None, None, "year"),
        ("2017-03", 2017, 3, None, "month"),
        ("2017-03-02", 2017, 3, 2, "day"),
        ("2016-02-29", 2016, 2, 29, "day"),
    ],
)
def test_partial_date_parse(
    text: str, year: int, month: int | None, day: int | None, precision: str
) -> None:
    value = PartialDate.parse(text)
    assert (value.year, value.month, value.day, value.precision) == (year, month, day, precision)
    assert value.isoformat() == text


@pytest.mark.parametrize(
    "text",
    ["17", "2017-3", "2017-13", "2017-02-29", "2017-00", "0000", "2017/03/02", "March 2017", ""],
)
def test_partial_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid partial date"):
        PartialDate.parse(text)


def test_partial_date_order_and_types() -> None:
    ordered = [
        PartialDate(2009),
        PartialDate(2009, 1),
        PartialDate(2009, 1, 1),
        PartialDate(2009, 1, 2),
        PartialDate(2009, 2),
        PartialDate(2010),
    ]
    shuffled = [ordered[i] for i in (3, 0, 5, 1, 4, 2)]
    assert sorted(shuffled) == ordered
    with pytest.raises(TypeError):
        PartialDate("2009")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2009, None, 3)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_partial_date_round_trip(day: dt.date, precision: str) -> None:
    value = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )
    assert PartialDate.parse(value.isoformat()) == value
    assert value.first_day() <= day


def test_article_round_trip_is_lossless() -> None:
    article = TypeAdapter(Item).validate_python(ARTICLE)
    assert isinstance(article, Article)
    again = TypeAdapter(Item).validate_json(article.model_dump_json())
    assert again == article
    assert article.translations == {"en": "original", "az": "translated"}


def test_article_is_frozen_and_rejects_unknown_keys() -> None:
    article = Article.model_validate(dict(ARTICLE))
    with pytest.raises(ValidationError):
        article.id = "other"  # type: ignore[misc]
    assert ("article.titel", "Extra inputs are not permitted") in errors_of(
        {**ARTICLE, "titel": {}}
    )


@pytest.mark.parametrize(
    ("patch", "loc", "needle"),
    [
        ({"published": "2017-03-02T11:30:00"}, "article.published", "timezone"),
        ({"slug": {"en": "has spaces"}}, "article.slug.en", "'has spaces'"),
        ({"slug": {"en": "Upper-Case"}}, "article.slug.en", "'Upper-Case'"),
        ({"slug": {"fr": "x"}}, "article", "'fr'"),
        ({"title": {"en": "T", "az": "\u04d9"}}, "article.title", "U+04D9"),
        ({"original_language": "tr"}, "article.original_language", "accepted: 'en', 'az'"),
        ({"id": "Bad Id"}, "article.id", "'Bad Id'"),
        ({"comment_count": -1}, "article.comment_count", "greater than or equal to 0"),
        ({"title": {"az": "Başlıq"}}, "article", "original language 'en'"),
        ({"related": ["a1"]}, "article", "lists itself"),
        ({"translations": {"en": "machine"}}, "article", "original language"),
        ({"body": ["just a string"]}, "article.body.0", "bare string"),
    ],
)
def test_article_errors_point_to_field_and_value(
    patch: dict[str, object], loc: str, needle: str
) -> None:
    found = errors_of({**ARTICLE, **patch})
    assert any(where == loc and needle in msg for where, msg in found), found


def test_entities_discriminated_union() -> None:
    adapter = TypeAdapter(Item)
    assert isinstance(
        adapter.validate_python(
            {"type": "place", "id": "baku", "kind": "city", "name": {"en": "Baku"}}
        ),
        Place,
    )
    assert isinstance(
        adapter.validate_python({"type": "organization", "id": "osce", "name": {"en": "OSCE"}}),
        Organization,
    )
    person = adapter.validate_python(
        {"type": "person", "id": "p", "given": {"en": "Ilham", "az": "İlham"}}
    )
    assert isinstance(person, Person)
    found = errors_of({"type": "planet", "id": "x"})
    assert "'planet'" in found[0][1] or "does not match" in found[0][1]


def test_person_needs_a_name_and_valid_wikidata() -> None:
    assert any(
        "needs a given or a family name" in m
        for _, m in errors_of({"type": "person", "id": "p", "given": {}})
    )
    assert any(
        loc == "person.wikidata"
        for loc, _ in errors_of(
            {"type": "person", "id": "p", "given": {"en": "A"}, "wikidata": "153641"}
        )
    )


def test_person_current_position() -> None:
    person = Person(
        id="heydar-aliyev",
        given={"en": "Heydar", "az": "Heydər"},
        family={"en": "Aliyev", "az": "Əliyev"},
        positions=[
            Position(
                title={"en": "President"},
                start=PartialDate(1993, 10, 10),
                end=PartialDate(2003, 10, 31),
            )
        ],
    )
    assert person.current_position(dt.date(2000, 1, 1)) is not None
    assert person.current_position(dt.date(2010, 1, 1)) is None
    assert person.display_name("az") == "Heydər Əliyev"


def test_event_dates_are_checked() -> None:
    event = Event(
        id="e", name={"en": "Summit"}, start=PartialDate(2010, 12, 1), end=PartialDate(2010, 12, 2)
    )
    assert event.end is not None
    assert any(
        "before it starts" in m
        for _, m in errors_of(
            {
                "type": "event",
                "id": "e",
                "name": {"en": "x"},
                "start": "2010-12-02",
                "end": "2010-12-01",
            }
        )
    )
    assert any(
        loc == "event.start"
        for loc, _ in errors_of(
            {"type": "event", "id": "e", "name": {"en": "x"}, "start": "2 March 2017"}
        )
    )


def test_fallback_fields_are_reported_per_field() -> None:
    article = Article.model_validate(ARTICLE)
    assert article.fallback_fields("az") == [
        "body[1]",
    ]
    assert article.fallback_fields("en") == []


def test_json_schemas_export(tmp_path: object) -> None:
    from pathlib import Path

    files = export_json_schemas(Path(str(tmp_path)))
    article = json.loads(Path(files[0]).read_text(encoding="utf-8"))
    assert article["additionalProperties"] is False
    assert "title" in article["required"]
