"""world_clock: localized city names, local times and offsets, right across DST changes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import diplolib
from diplolib import use_language, world_clock
from diplolib.clock import CITIES, DEFAULT_CITIES, City, ClockError
from diplolib.errors import DiplolibError
from diplolib.languages import SUPPORTED_LANGUAGES

UTC = dt.UTC
HOUR = dt.timedelta(hours=1)


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def clock(cities: list[str], now: dt.datetime) -> dict[str, tuple[str, dt.timedelta]]:
    return {
        c.city.key: (c.local.strftime("%Y-%m-%d %H:%M"), c.utc_offset)
        for c in world_clock(cities, now, lang="en")
    }


# US daylight saving time: 2025 starts Sun 9 March at 02:00 EST (07:00 UTC) and ends
# Sun 2 November at 02:00 EDT (06:00 UTC); 2024: 10 March and 3 November. Azerbaijan has had
# no daylight saving time since 2016: Baku stays at UTC+4.
US_CHANGES = [
    (at(2025, 3, 9, 7), -5, -4),
    (at(2025, 11, 2, 6), -4, -5),
    (at(2024, 3, 10, 7), -5, -4),
    (at(2024, 11, 3, 6), -4, -5),
]


@pytest.mark.parametrize(("change", "before", "after"), US_CHANGES)
def test_baku_and_washington_on_both_sides_of_a_us_change(
    change: dt.datetime, before: int, after: int
) -> None:
    for delta, offset in [
        (-HOUR, before),
        (-dt.timedelta(seconds=1), before),
        (dt.timedelta(0), after),
        (HOUR, after),
    ]:
        now = change + delta
        got = clock(["washington", "baku"], now)
        assert got["washington"] == (
            (now + offset * HOUR).strftime("%Y-%m-%d %H:%M"),
            offset * HOUR,
        ), now
        assert got["baku"] == ((now + 4 * HOUR).strftime("%Y-%m-%d %H:%M"), 4 * HOUR)
    # the gap between Washington and Baku changes by an hour across the change
    gap_before = clock(["baku"], change - HOUR)["baku"][1] - before * HOUR
    gap_after = clock(["baku"], change + HOUR)["baku"][1] - after * HOUR
    assert abs(gap_before - gap_after) == HOUR


def test_european_change_moves_london_and_paris_only() -> None:
    change = at(2025, 3, 30, 1)  # EU summer time starts at 01:00 UTC
    before = clock(list(DEFAULT_CITIES), change - HOUR)
    after = clock(list(DEFAULT_CITIES), change + HOUR)
    moved = {key for key in DEFAULT_CITIES if before[key][1] != after[key][1]}
    assert moved == {"london", "paris"}
    assert after["london"][1] == HOUR
    assert after["paris"][1] == 2 * HOUR


def test_fixed_offsets_in_winter_and_summer() -> None:
    expected_hours = {
        "baku": (4, 4),
        "astana": (5, 5),
        "ankara": (3, 3),
        "moscow": (3, 3),
        "london": (0, 1),
        "paris": (1, 2),
        "washington": (-5, -4),
        "beijing": (8, 8),
        "tokyo": (9, 9),
    }
    for season, now in enumerate([at(2025, 1, 15, 12), at(2025, 7, 15, 12)]):
        got = clock(list(DEFAULT_CITIES), now)
        assert {k: v[1] for k, v in got.items()} == {
            k: hours[season] * HOUR for k, hours in expected_hours.items()
        }


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2037, 12, 31)))
# The hour repeated when Baku (and London, Paris) left summer time: the local time is
# in the fold (fold=1), and Python never calls such a time equal to one in another zone
# (PEP 495), so the instants are compared in UTC.
@example(dt.datetime(2000, 10, 29, 0, 0))
def test_local_time_is_the_same_instant(naive: dt.datetime) -> None:
    now = naive.replace(tzinfo=UTC)
    for entry in world_clock(now=now):
        assert entry.local.astimezone(UTC) == now
        assert entry.local.utcoffset() == entry.utc_offset
        assert entry.local.replace(tzinfo=None) - entry.utc_offset == naive


def test_names_in_both_languages() -> None:
    now = at(2025, 1, 1)
    names = {
        lang: [c.name for c in world_clock(now=now, lang=lang)] for lang in SUPPORTED_LANGUAGES
    }
    assert names["en"] == [
        "Baku",
        "Astana",
        "Ankara",
        "Moscow",
        "London",
        "Paris",
        "Washington",
        "Beijing",
        "Tokyo",
    ]
    assert names["az"] == [
        "Bakı",
        "Astana",
        "Ankara",
        "Moskva",
        "London",
        "Paris",
        "Vaşinqton",
        "Pekin",
        "Tokio",
    ]
    with use_language("az"):
        assert world_clock(["baku"], now)[0].name == "Bakı"
        assert world_clock(["baku"], now)[0].lang == "az"


def test_zone_names_use_cldr_exemplar_cities() -> None:
    now = at(2025, 1, 1)
    assert world_clock(["Asia/Baku"], now, lang="az")[0].name == "Bakı"
    assert world_clock(["Europe/Moscow"], now, lang="az")[0].name == "Moskva"
    assert world_clock(["America/New_York"], now, lang="en")[0].name == "New York"
    assert world_clock(["America/New_York"], now, lang="az")[0].name == "Nyu York"
    custom = City("nakhchivan", "Nakhchivan", "Asia/Baku", exemplar=False)
    assert world_clock([custom], now, lang="az")[0].name == "Naxçıvan"
    assert world_clock([custom], now, lang="en")[0].name == "Nakhchivan"


def test_offset_labels() -> None:
    now = at(2025, 1, 1)
    labels = {c.city.key: c.offset for c in world_clock(now=now)}
    assert labels["baku"] == "UTC+04:00"
    assert labels["washington"] == "UTC\u221205:00"
    assert labels["london"] == "UTC+00:00"
    assert world_clock(["Asia/Kolkata"], now)[0].offset == "UTC+05:30"
    assert world_clock(["Asia/Kathmandu"], now)[0].offset == "UTC+05:45"


def test_default_time_is_now() -> None:
    before = dt.datetime.now(UTC)
    (entry,) = world_clock(["tokyo"])
    after = dt.datetime.now(UTC)
    assert before <= entry.local <= after


@pytest.mark.parametrize(
    ("cities", "now", "message"),
    [
        (["atlantis"], None, "unknown city 'atlantis'"),
        (["Mars/Olympus"], None, "unknown city 'Mars/Olympus'"),
        ([City("x", "X", "Nowhere/Zone")], None, "unknown time zone 'Nowhere/Zone'"),
        ("baku", None, "not the string 'baku'"),
        ([42], None, "not int"),
        (None, dt.datetime(2025, 1, 1), "timezone-aware"),
        (None, dt.date(2025, 1, 1), "must be a datetime"),
    ],
)
def test_bad_input(cities: object, now: object, message: str) -> None:
    with pytest.raises(ClockError, match=message) as info:
        world_clock(cities, now)  # type: ignore[arg-type]
    assert isinstance(info.value, DiplolibError)
    assert isinstance(info.value, ValueError)


def test_unknown_language() -> None:
    with pytest.raises(DiplolibError, match="unsupported language 'fr'"):
        world_clock(lang="fr")


def test_exported_and_complete() -> None:
    assert diplolib.world_clock is world_clock
    assert set(DEFAULT_CITIES) <= set(CITIES)


def test_demo_shows_the_world_cities_box() -> None:
    from diplolib._demo import render_article

    now = at(2025, 3, 9, 8)
    for lang in SUPPORTED_LANGUAGES:
        page = render_article(
            diplolib.load_sample_library(),
            next(diplolib.load_sample_library().articles()).id,
            lang,
            now=now,
        )
        lines = page.splitlines()
        start = lines.index(diplolib.gettext("World Cities", lang=lang))
        rows = [line.split() for line in lines[start + 2 :]]
        expected = world_clock(now=now, lang=lang)
        assert len(rows) == len(expected)
        for row, entry in zip(rows, expected, strict=True):
            assert " ".join(row[:-2]) == entry.name
            assert row[-2:] == [entry.local.strftime("%H:%M"), entry.offset]
