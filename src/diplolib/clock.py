"""The "World Cities" clock: local time, UTC offset and localized name of each city.

Times come from the IANA time zone database through :mod:`zoneinfo`, so
daylight-saving changes are right on both sides (the ``tzdata`` package
supplies the database where the system has none). City names come from CLDR
through Babel when the city is the exemplar city of its zone (``Bakı``,
``Moskva``), then from diplolib's gazetteer of established Azerbaijani forms
(``Vaşinqton``, ``Pekin``, ``Tokio``), else the city's English name, which
Azerbaijani writes the same way (``London``, ``Ankara``).

>>> import datetime as dt
>>> noon = dt.datetime(2025, 3, 8, 12, 0, tzinfo=dt.UTC)
>>> for city in world_clock(["baku", "washington"], noon, lang="az"):
...     print(city.name, city.local.strftime("%H:%M"), city.offset)
Bakı 16:00 UTC+04:00
Vaşinqton 07:00 UTC−05:00
"""

from __future__ import annotations

__all__ = ["DEFAULT_CITIES", "CITIES", "City", "CityTime", "ClockError", "world_clock"]

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Final, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .errors import DiplolibError
from .languages import Lang, resolve_language


class ClockError(DiplolibError, ValueError):
    """An unknown city or time zone, or a naive ``now``.

    >>> world_clock(["atlantis"])
    Traceback (most recent call last):
    ...
    diplolib.clock.ClockError: unknown city 'atlantis'; give a City, an IANA time zone like 'Asia/Baku', or one of: ankara, astana, baku, beijing, london, moscow, paris, tokyo, washington
    """


class City(NamedTuple):
    """A city on the clock: a stable key, its English name and its IANA time zone.

    ``exemplar`` says whether CLDR's exemplar city of ``zone`` is this city
    (Baku for ``Asia/Baku``), so CLDR's localized name applies; Washington
    keeps ``America/New_York``'s time but not its name.

    >>> City("baku", "Baku", "Asia/Baku").zone
    'Asia/Baku'
    """

    key: str
    english: str
    zone: str
    exemplar: bool = True


class CityTime(NamedTuple):
    """One line of the clock: the city's name in the language, local time and offset.

    ``offset`` is written ``UTC+04:00`` (with a real minus sign for negative
    offsets); ``utc_offset`` is the same as a :class:`datetime.timedelta`.

    >>> t = world_clock(["tokyo"], dt.datetime(2025, 1, 1, tzinfo=dt.UTC), lang="en")[0]
    >>> t.name, t.local.hour, t.utc_offset
    ('Tokyo', 9, datetime.timedelta(seconds=32400))
    """

    city: City
    name: str
    local: dt.datetime
    utc_offset: dt.timedelta
    offset: str
    lang: Lang


CITIES: Final[Mapping[str, City]] = MappingProxyType(
    {
        city.key: city
        for city in (
            City("baku", "Baku", "Asia/Baku"),
            # Kazakhstan keeps one time for the whole country in Asia/Almaty's zone;
            # there is no Asia/Astana zone, and CLDR's exemplar is Almaty.
            City("astana", "Astana", "Asia/Almaty", exemplar=False),
            City("ankara", "Ankara", "Europe/Istanbul", exemplar=False),
            City("moscow", "Moscow", "Europe/Moscow"),
            City("london", "London", "Europe/London"),
            City("paris", "Paris", "Europe/Paris"),
            City("washington", "Washington", "America/New_York", exemplar=False),
            City("beijing", "Beijing", "Asia/Shanghai", exemplar=False),
            City("tokyo", "Tokyo", "Asia/Tokyo"),
        )
    }
)
"""Cities the clock knows by key."""

DEFAULT_CITIES: Final = (
    "baku",
    "astana",
    "ankara",
    "moscow",
    "london",
    "paris",
    "washington",
    "beijing",
    "tokyo",
)
"""The portal's "World Cities" box, in its order."""


@cache
def _gazetteer_az() -> dict[str, str]:
    """English form → Azerbaijani spelling, from the shipped gazetteer."""
    from .az import gazetteer

    reverse: dict[str, str] = {}
    for az_name, english in gazetteer().items():
        reverse.setdefault(english, az_name)
    return reverse


def _cldr_city(zone: str, lang: Lang) -> str | None:
    from babel import Locale

    data = Locale.parse(lang).time_zones.get(zone, {})
    name = data.get("city") if hasattr(data, "get") else None
    return str(name) if name else None


# Languages whose established forms of foreign city names diplolib ships, as a table from
# the English form to the local one. A language without one writes the English form.
_LOCAL_FORMS: Final[Mapping[str, Callable[[], Mapping[str, str]]]] = MappingProxyType(
    {"az": _gazetteer_az}
)


def _name(city: City, lang: Lang) -> str:
    if city.exemplar:
        found = _cldr_city(city.zone, lang)
        if found:
            return found
    forms = _LOCAL_FORMS.get(lang)
    return city.english if forms is None else forms().get(city.english, city.english)


def _city(value: City | str) -> City:
    if isinstance(value, City):
        _zone(value.zone)
        return value
    if not isinstance(value, str):
        raise ClockError(f"a city must be a City or a str, not {type(value).__name__}")
    known = CITIES.get(value.strip().lower())
    if known is not None:
        return known
    if "/" in value and value in _zones():
        english = value.rsplit("/", 1)[1].replace("_", " ")
        return City(value.lower(), english, value)
    raise ClockError(
        f"unknown city {value!r}; give a City, an IANA time zone like 'Asia/Baku', "
        f"or one of: {', '.join(sorted(CITIES))}"
    )


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClockError(
            f"unknown time zone {name!r}; install the 'tzdata' package if the system has "
            "no time zone database"
        ) from None


def _offset_label(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def world_clock(
    cities: Sequence[City | str] | None = None,
    now: dt.datetime | None = None,
    *,
    lang: str | None = None,
) -> list[CityTime]:
    """The local time of each city at ``now`` (default: the current time), named in ``lang``.

    ``cities`` are keys of :data:`CITIES`, IANA zone names (named by their CLDR
    exemplar city) or :class:`City` values; the default is
    :data:`DEFAULT_CITIES`. ``now`` must be timezone-aware.

    >>> before = dt.datetime(2025, 3, 9, 6, 0, tzinfo=dt.UTC)   # US clocks change at 07:00 UTC
    >>> after = dt.datetime(2025, 3, 9, 8, 0, tzinfo=dt.UTC)
    >>> [(c.name, c.local.strftime("%H:%M"), c.offset) for c in world_clock(["washington", "baku"], before)]
    [('Washington', '01:00', 'UTC−05:00'), ('Baku', '10:00', 'UTC+04:00')]
    >>> [(c.name, c.local.strftime("%H:%M"), c.offset) for c in world_clock(["washington", "baku"], after)]
    [('Washington', '04:00', 'UTC−04:00'), ('Baku', '12:00', 'UTC+04:00')]
    >>> [c.name for c in world_clock(lang="az")]
    ['Bakı', 'Astana', 'Ankara', 'Moskva', 'London', 'Paris', 'Vaşinqton', 'Pekin', 'Tokio']
    """
    code = resolve_language(lang)
    if now is None:
        now = dt.datetime.now(dt.UTC)
    elif not isinstance(now, dt.datetime):
        raise ClockError(f"now must be a datetime, not {type(now).__name__}")
    elif now.tzinfo is None or now.utcoffset() is None:
        raise ClockError(
            f"now must be timezone-aware (e.g. datetime.now(datetime.UTC)), got {now.isoformat()}"
        )
    if isinstance(cities, str):
        raise ClockError(f"cities must be a sequence of cities, not the string {cities!r}")
    chosen = [_city(c) for c in (DEFAULT_CITIES if cities is None else cities)]
    result: list[CityTime] = []
    for city in chosen:
        local = now.astimezone(_zone(city.zone))
        offset = local.utcoffset() or dt.timedelta(0)
        result.append(CityTime(city, _name(city, code), local, offset, _offset_label(offset), code))
    return result
