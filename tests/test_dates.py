from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import PartialDate, Place, use_language
from diplolib.dates import (
    DATE_STYLES,
    babel_locale,
    format_date,
    format_date_range,
    format_dateline,
    format_datetime,
    format_relative,
    settings,
)
from diplolib.text import LocalizedText

AZ_MONTHS = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun",
    "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
]  # fmt: skip
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
BAKU = dt.timezone(dt.timedelta(hours=4), "AZT")


@pytest.mark.parametrize("month", range(1, 13))
def test_long_dates_every_month(month: int) -> None:
    day = dt.date(2017, month, 2)
    assert format_date(day, lang="az") == f"2 {AZ_MONTHS[month - 1]} 2017"
    assert format_date(day, lang="en") == f"2 {EN_MONTHS[month - 1]} 2017"
    assert format_date(day, lang="en", en_style="us") == f"{EN_MONTHS[month - 1]} 2, 2017"


@pytest.mark.parametrize("month", range(1, 13))
def test_month_precision_uses_nominative_lowercase(month: int) -> None:
    value = PartialDate(2017, month)
    assert format_date(value, lang="az") == f"{AZ_MONTHS[month - 1]} 2017"
    assert format_date(value, lang="en") == f"{EN_MONTHS[month - 1]} 2017"
    assert format_date(value, "full", lang="az") == f"{AZ_MONTHS[month - 1]} 2017"


@pytest.mark.parametrize(
    ("value", "fmt", "lang", "expected"),
    [
        (dt.date(2017, 3, 2), "short", "az", "02.03.17"),
        (dt.date(2017, 3, 2), "short", "en", "02/03/2017"),
        (dt.date(2017, 3, 2), "medium", "az", "2 mar 2017"),
        (dt.date(2017, 3, 2), "medium", "en", "2 Mar 2017"),
        (dt.date(2017, 3, 2), "long", "az", "2 mart 2017"),
        (dt.date(2017, 3, 2), "full", "az", "Cümə axşamı, 2 mart 2017"),
        (dt.date(2017, 3, 2), "full", "en", "Thursday, 2 March 2017"),
        (dt.date(2017, 3, 2), "formal", "az", "2 mart 2017-ci il"),
        (dt.date(2017, 3, 2), "formal", "en", "2 March 2017"),
        (dt.date(2024, 7, 15), "formal", "az", "15 iyul 2024-cü il"),
        (dt.date(2009, 10, 3), "formal", "az", "3 oktyabr 2009-cu il"),
        (dt.date(2010, 11, 18), "formal", "az", "18 noyabr 2010-cu il"),
        (dt.date(2016, 6, 28), "formal", "az", "28 iyun 2016-cı il"),
        (dt.date(2000, 1, 1), "formal", "az", "1 yanvar 2000-ci il"),
        (dt.date(1993, 10, 10), "formal", "az", "10 oktyabr 1993-cü il"),
        (dt.datetime(2017, 3, 2, 23, 0, tzinfo=BAKU), "long", "az", "2 mart 2017"),
        (PartialDate(2017, 3, 2), "long", "en", "2 March 2017"),
        (PartialDate(2009), "long", "en", "2009"),
        (PartialDate(2009), "long", "az", "2009-cu il"),
        (PartialDate(2009), "formal", "az", "2009-cu il"),
        (PartialDate(2016), "full", "az", "2016-cı il"),
        (PartialDate(2009), "short", "az", "2009"),
        (PartialDate(2009), "medium", "az", "2009"),
        (PartialDate(2017, 3), "formal", "az", "mart 2017-ci il"),
        (PartialDate(2017, 3), "medium", "az", "mar 2017"),
        (PartialDate(2017, 3), "short", "az", "03.2017"),
        (PartialDate(2017, 3), "short", "en", "03/2017"),
    ],
)
def test_format_table(value: dt.date | PartialDate, fmt: str, lang: str, expected: str) -> None:
    assert format_date(value, fmt, lang=lang) == expected


def test_language_comes_from_context_and_region_codes() -> None:
    with use_language("az"):
        assert format_date(dt.date(2017, 3, 2)) == "2 mart 2017"
    assert format_date(dt.date(2017, 3, 2), lang="az-Latn-AZ") == "2 mart 2017"
    assert format_date(dt.date(2017, 3, 2), lang="en-US") == "2 March 2017"


def test_settings_switch_english_style() -> None:
    settings.en_style = "us"
    try:
        assert format_date(dt.date(2017, 3, 2), lang="en") == "March 2, 2017"
        assert format_date(dt.date(2017, 3, 2), lang="en", en_style="dmy") == "2 March 2017"
        assert format_date(dt.date(2017, 3, 2), lang="az") == "2 mart 2017"
    finally:
        settings.en_style = "dmy"


def test_az_month_names_match_cldr_data() -> None:
    locale = babel_locale("az")
    assert [locale.months["stand-alone"]["wide"][m] for m in range(1, 13)] == AZ_MONTHS
    assert [locale.months["format"]["wide"][m] for m in range(1, 13)] == AZ_MONTHS
    assert str(locale.date_formats["long"].pattern) == "d MMMM y"


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_fast_path_agrees_with_babel(day: dt.date) -> None:
    from babel.dates import format_date as babel_format_date

    for fmt in ("short", "medium", "long", "full"):
        assert format_date(day, fmt, lang="az") == babel_format_date(day, fmt, locale="az")
        assert format_date(day, fmt, lang="en", en_style="us") == babel_format_date(
            day, fmt, locale="en"
        )
        assert format_date(day, fmt, lang="en") == babel_format_date(day, fmt, locale="en_GB")


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_formal_is_long_plus_ordinal_year(day: dt.date) -> None:
    from diplolib.az import ordinal_numeral

    long = format_date(day, "long", lang="az")
    assert (
        format_date(day, "formal", lang="az")
        == f"{long[: -len(str(day.year))]}{ordinal_numeral(day.year)} il"
    )
    assert format_date(day, "formal", lang="en") == format_date(day, "long", lang="en")


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("2017-03-02", TypeError, "not str"),
        (20170302, TypeError, "not int"),
        (None, TypeError, "not NoneType"),
        (dt.time(10, 0), TypeError, "not time"),
    ],
)
def test_bad_values(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        format_date(value, lang="en")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["LONG", "iso", "d MMMM y", ""])
def test_unknown_format_lists_accepted(fmt: str) -> None:
    with pytest.raises(ValueError, match="accepted: 'short', 'medium', 'long', 'full', 'formal'"):
        format_date(dt.date(2017, 3, 2), fmt, lang="en")


def test_unknown_style_and_language() -> None:
    with pytest.raises(ValueError, match="unknown en_style 'uk'"):
        format_date(dt.date(2017, 3, 2), lang="en", en_style="uk")
    with pytest.raises(ValueError, match="'tr'"):
        format_date(dt.date(2017, 3, 2), lang="tr")


def test_formats_constant() -> None:
    assert DATE_STYLES == ("short", "medium", "long", "full", "formal")


# ---------------------------------------------------------------------------
# datetimes


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"lang": "az"}, "2 mart 2017 14:30"),
        ({"lang": "en"}, "2 March 2017, 14:30"),
        ({"lang": "en", "en_style": "us"}, "March 2, 2017, 2:30\u202fPM"),
        ({"lang": "az", "tzinfo": dt.UTC}, "2 mart 2017 10:30"),
        ({"lang": "az", "time_style": "medium"}, "2 mart 2017 14:30:00"),
        ({"lang": "az", "style": "formal"}, "2 mart 2017-ci il 14:30"),
        ({"lang": "en", "style": "short"}, "02/03/2017, 14:30"),
    ],
)
def test_format_datetime(kwargs: dict[str, object], expected: str) -> None:
    moment = dt.datetime(2017, 3, 2, 14, 30, tzinfo=BAKU)
    assert format_datetime(moment, **kwargs) == expected  # type: ignore[arg-type]


def test_datetime_crossing_midnight_in_another_zone() -> None:
    moment = dt.datetime(2017, 3, 2, 1, 30, tzinfo=BAKU)
    assert format_datetime(moment, lang="en", tzinfo=dt.UTC) == "1 March 2017, 21:30"


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValueError, match="needs an aware datetime"):
        format_datetime(dt.datetime(2017, 3, 2, 14, 30), lang="az")
    with pytest.raises(ValueError, match="needs an aware datetime"):
        format_datetime(dt.datetime(2017, 3, 2), lang="az", tzinfo=dt.UTC)


@pytest.mark.parametrize("value", [dt.date(2017, 3, 2), "2017-03-02T10:00", PartialDate(2017)])
def test_format_datetime_rejects_non_datetimes(value: object) -> None:
    with pytest.raises(TypeError, match=r"takes an aware datetime\.datetime"):
        format_datetime(value, lang="az")  # type: ignore[arg-type]


def test_format_datetime_bad_options() -> None:
    moment = dt.datetime(2017, 3, 2, 14, 30, tzinfo=BAKU)
    with pytest.raises(ValueError, match="unknown time style 'hh'"):
        format_datetime(moment, time_style="hh", lang="az")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tzinfo must be"):
        format_datetime(moment, tzinfo="Asia/Baku", lang="az")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# ranges


@pytest.mark.parametrize(
    ("start", "end", "lang", "style", "expected"),
    [
        (dt.date(2010, 12, 1), dt.date(2010, 12, 2), "en", "dmy", "1–2 December 2010"),
        (dt.date(2010, 12, 1), dt.date(2010, 12, 2), "az", "dmy", "1–2 dekabr 2010"),
        (dt.date(2010, 12, 1), dt.date(2010, 12, 2), "en", "us", "December 1–2, 2010"),
        (dt.date(2010, 11, 30), dt.date(2010, 12, 2), "en", "dmy", "30 November – 2 December 2010"),
        (dt.date(2010, 11, 30), dt.date(2010, 12, 2), "az", "dmy", "30 noyabr – 2 dekabr 2010"),
        (dt.date(2010, 11, 30), dt.date(2010, 12, 2), "en", "us", "November 30 – December 2, 2010"),
        (
            dt.date(2010, 12, 30),
            dt.date(2011, 1, 2),
            "en",
            "dmy",
            "30 December 2010 – 2 January 2011",
        ),
        (dt.date(2010, 12, 30), dt.date(2011, 1, 2), "az", "dmy", "30 dekabr 2010 – 2 yanvar 2011"),
        (
            dt.date(2010, 12, 30),
            dt.date(2011, 1, 2),
            "en",
            "us",
            "December 30, 2010 – January 2, 2011",
        ),
        (dt.date(2010, 12, 1), dt.date(2010, 12, 1), "az", "dmy", "1 dekabr 2010"),
        (PartialDate(2017, 3), PartialDate(2017, 5), "en", "dmy", "March–May 2017"),
        (PartialDate(2017, 3), PartialDate(2017, 5), "az", "dmy", "mart–may 2017"),
        (PartialDate(2016, 11), PartialDate(2017, 2), "az", "dmy", "noyabr 2016 – fevral 2017"),
        (PartialDate(2009), PartialDate(2013), "az", "dmy", "2009–2013"),
        (PartialDate(2009), PartialDate(2013, 10, 16), "en", "dmy", "2009 – 16 October 2013"),
        (PartialDate(2010, 12, 1), dt.date(2010, 12, 2), "en", "dmy", "1–2 December 2010"),
    ],
)
def test_ranges(start: object, end: object, lang: str, style: str, expected: str) -> None:
    assert format_date_range(start, end, lang=lang, en_style=style) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fmt", "lang", "expected"),
    [
        ("medium", "en", "1–2 Dec 2010"),
        ("medium", "az", "1–2 dek 2010"),
        ("formal", "az", "1–2 dekabr 2010-cu il"),
        ("formal", "en", "1–2 December 2010"),
        ("short", "az", "01.12.10–02.12.10"),
        ("full", "en", "Wednesday, 1 December 2010 – Thursday, 2 December 2010"),
    ],
)
def test_range_formats(fmt: str, lang: str, expected: str) -> None:
    assert format_date_range(dt.date(2010, 12, 1), dt.date(2010, 12, 2), fmt, lang=lang) == expected


def test_range_formal_years() -> None:
    assert (
        format_date_range(PartialDate(2009), PartialDate(2013), "formal", lang="az")
        == "2009–2013-cü illər"
    )


def test_range_end_before_start() -> None:
    with pytest.raises(ValueError, match=r"end \(2010-12-01\) before the start \(2010-12-02\)"):
        format_date_range(dt.date(2010, 12, 2), dt.date(2010, 12, 1), lang="en")


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_range_ends_with_the_end_date(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    for lang in ("az", "en"):
        text = format_date_range(start, end, lang=lang)
        assert text.endswith(format_date(end, lang=lang)[-len(str(end.year)) :])
        assert str(start.day) in text
        assert str(end.day) in text
        if start != end:
            assert "–" in text


# ---------------------------------------------------------------------------
# relative times


@pytest.mark.parametrize(
    ("delta", "az", "en"),
    [
        (dt.timedelta(days=-3), "3 gün əvvəl", "3 days ago"),
        (dt.timedelta(days=3), "3 gün sonra", "in 3 days"),
        (dt.timedelta(days=-1), "1 gün əvvəl", "1 day ago"),
        (dt.timedelta(hours=-2), "2 saat əvvəl", "2 hours ago"),
        (dt.timedelta(hours=5), "5 saat sonra", "in 5 hours"),
        (dt.timedelta(minutes=-10), "10 dəqiqə əvvəl", "10 minutes ago"),
        (dt.timedelta(seconds=30), "30 saniyə sonra", "in 30 seconds"),
        (dt.timedelta(weeks=-2), "2 həftə əvvəl", "2 weeks ago"),
        (dt.timedelta(days=-400), "1 il əvvəl", "1 year ago"),
        (dt.timedelta(days=90), "3 ay sonra", "in 3 months"),
        (dt.timedelta(0), "indicə", "just now"),
        (dt.timedelta(milliseconds=-300), "indicə", "just now"),
    ],
)
def test_relative(delta: dt.timedelta, az: str, en: str) -> None:
    assert format_relative(delta, lang="az") == az
    assert format_relative(delta, lang="en") == en


def test_relative_from_datetimes() -> None:
    now = dt.datetime(2017, 3, 5, 12, 0, tzinfo=BAKU)
    then = dt.datetime(2017, 3, 2, 12, 0, tzinfo=BAKU)
    assert format_relative(then, now=now, lang="az") == "3 gün əvvəl"
    assert format_relative(now, now=then, lang="en") == "in 3 days"
    recent = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3, minutes=1)
    assert format_relative(recent, lang="en") == "3 hours ago"


def test_relative_granularity() -> None:
    assert (
        format_relative(dt.timedelta(hours=-5), granularity="day", lang="en") == "today"
    )  # below one day: CLDR's "today", not "just now"
    assert format_relative(dt.timedelta(days=-2), granularity="day", lang="az") == "2 gün əvvəl"
    with pytest.raises(ValueError, match="unknown granularity 'days'"):
        format_relative(dt.timedelta(days=-2), granularity="days", lang="az")


def test_relative_errors() -> None:
    with pytest.raises(ValueError, match="naive"):
        format_relative(dt.datetime(2017, 3, 2), lang="az")
    with pytest.raises(ValueError, match="naive"):
        format_relative(
            dt.datetime(2017, 3, 2, tzinfo=BAKU), now=dt.datetime(2017, 3, 3), lang="az"
        )
    with pytest.raises(TypeError, match="not int"):
        format_relative(3, lang="az")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'now' applies only"):
        format_relative(dt.timedelta(days=1), now=dt.datetime.now(dt.UTC), lang="az")


@given(st.integers(min_value=1, max_value=10**7))
def test_relative_direction_is_symmetric(seconds: int) -> None:
    past = format_relative(dt.timedelta(seconds=-seconds), lang="az")
    future = format_relative(dt.timedelta(seconds=seconds), lang="az")
    assert past.endswith(" əvvəl")
    assert future.endswith(" sonra")
    assert past.removesuffix(" əvvəl") == future.removesuffix(" sonra")


# ---------------------------------------------------------------------------
# datelines

BAKU_PLACE = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"})
NAKHCHIVAN = Place(id="nakhchivan", kind="city", name={"en": "Nakhchivan", "az": "Naxçıvan"})
ASTANA = Place(id="astana", kind="city", name={"en": "Astana"})


@pytest.mark.parametrize(
    ("place", "date", "lang", "expected"),
    [
        (BAKU_PLACE, dt.date(2017, 3, 2), "en", "Baku, 2 March 2017"),
        (BAKU_PLACE, dt.date(2017, 3, 2), "az", "Bakı, 2 mart 2017"),
        (NAKHCHIVAN, dt.date(2009, 10, 3), "az", "Naxçıvan, 3 oktyabr 2009"),
        (NAKHCHIVAN, dt.date(2009, 10, 3), "en", "Nakhchivan, 3 October 2009"),
        (ASTANA, dt.date(2010, 12, 1), "az", "Astana, 1 dekabr 2010"),
        ("Gabala", dt.date(2013, 8, 16), "en", "Gabala, 16 August 2013"),
        (
            LocalizedText(en="Gabala", az="Qəbələ"),
            dt.date(2013, 8, 16),
            "az",
            "Qəbələ, 16 avqust 2013",
        ),
        (BAKU_PLACE, PartialDate(2017, 3), "az", "Bakı, mart 2017"),
    ],
)
def test_datelines(place: object, date: object, lang: str, expected: str) -> None:
    assert format_dateline(place, date, lang=lang) == expected  # type: ignore[arg-type]


def test_dateline_errors() -> None:
    with pytest.raises(TypeError, match="not int"):
        format_dateline(42, dt.date(2017, 3, 2), lang="en")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no name"):
        format_dateline("  ", dt.date(2017, 3, 2), lang="en")


@pytest.mark.parametrize(
    ("delta", "granularity", "lang", "expected"),
    [
        (dt.timedelta(days=-3), "month", "az", "bu ay"),
        (dt.timedelta(days=-3), "month", "en", "this month"),
        (dt.timedelta(hours=-3), "day", "en", "today"),
        (dt.timedelta(hours=-3), "day", "az", "bu gün"),
        (dt.timedelta(days=2), "week", "en", "this week"),
        (dt.timedelta(seconds=20), "minute", "az", "indicə"),
    ],
)
def test_relative_below_one_unit_of_a_coarse_granularity(
    delta: dt.timedelta, granularity: str, lang: str, expected: str
) -> None:
    assert format_relative(delta, granularity=granularity, lang=lang) == expected


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"threshold": "x"}, ValueError, "threshold must be a number"),
        ({"threshold": -1}, ValueError, "threshold must be a number"),
        ({"threshold": True}, ValueError, "threshold must be a number"),
        ({"now": "2024-01-01"}, TypeError, "'now' must be an aware datetime"),
    ],
)
def test_relative_rejects_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], needle: str
) -> None:
    with pytest.raises(error, match=needle):
        format_relative(dt.datetime(2024, 1, 1, tzinfo=dt.UTC), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [dt.date(2024, 7, 15), PartialDate(2024), dt.datetime(2024, 7, 15, tzinfo=dt.UTC)]
)
def test_unknown_en_style_is_an_error_on_every_path(value: object) -> None:
    with pytest.raises(ValueError, match="unknown en_style 'uk'"):
        format_date(value, lang="az", en_style="uk")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2021, 12, 28), dt.date(2022, 1, 3), "28 dekabr 2021-ci il – 3 yanvar 2022-ci il"),
        (dt.date(2009, 12, 31), dt.date(2010, 1, 2), "31 dekabr 2009-cu il – 2 yanvar 2010-cu il"),
        (dt.date(2016, 11, 30), dt.date(2017, 2, 1), "30 noyabr 2016-cı il – 1 fevral 2017-ci il"),
        (
            dt.date(1999, 12, 20),
            dt.date(2000, 1, 10),
            "20 dekabr 1999-cu il – 10 yanvar 2000-ci il",
        ),
        (PartialDate(2016, 11), PartialDate(2017, 2), "noyabr 2016-cı il – fevral 2017-ci il"),
        (PartialDate(2023, 12), PartialDate(2024, 1), "dekabr 2023-cü il – yanvar 2024-cü il"),
        (dt.date(2017, 3, 2), dt.date(2017, 4, 5), "2 mart – 5 aprel 2017-ci il"),
        (PartialDate(2017, 3), PartialDate(2017, 5), "mart–may 2017-ci il"),
    ],
)
def test_formal_range_gives_each_complete_date_its_year_word(
    start: object, end: object, expected: str
) -> None:
    assert format_date_range(start, end, "formal", lang="az") == expected  # type: ignore[arg-type]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(min_value=1, max_value=800),
)
def test_formal_range_across_years_is_two_formal_dates(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    text = format_date_range(start, end, "formal", lang="az")
    if start.year != end.year:
        assert text == f"{format_date(start, 'formal', lang='az')} – " + format_date(
            end, "formal", lang="az"
        )
    else:
        assert text.count(" il") == 1
        assert text.endswith(format_date(end, "formal", lang="az")[-9:])


def test_repeated_calls_follow_the_current_language_and_settings() -> None:
    from diplolib.dates import settings

    day = dt.date(2017, 3, 2)
    for _ in range(3):  # the second and third calls take the cached path
        assert format_date(day) == "2 March 2017"
        with use_language("az"):
            assert format_date(day) == "2 mart 2017"
        assert format_date(day, lang="az-AZ") == "2 mart 2017"
        assert format_date(day, "formal", lang="az") == "2 mart 2017-ci il"
        settings.en_style = "us"
        try:
            assert format_date(day, lang="en") == "March 2, 2017"
        finally:
            settings.en_style = "dmy"
        assert format_date(day, lang="en") == "2 March 2017"
        with pytest.raises(ValueError, match="unknown en_style"):
            format_date(day, lang="en", en_style="iso")
        with pytest.raises(ValueError, match="unsupported language"):
            format_date(day, lang="fr")
