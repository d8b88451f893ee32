"""Dates and times in English and Azerbaijani, from CLDR data via babel.

Every function takes ``lang=`` (``"az"``, ``"en"``, ``"az-AZ"``, …; ``None`` means
the current :func:`~diplolib.use_language` context). The named formats are CLDR's
``short``, ``medium``, ``long`` and ``full`` plus ``formal``: the official
Azerbaijani style with the ordinal year (``2 mart 2017-ci il``), which is the
long form in English.

English follows the portal's day-month-year style (``2 March 2017``, CLDR
``en_GB`` data) unless you ask for US style, per call with ``en_style="us"`` or
for the whole process through :data:`settings`:

>>> import datetime as dt
>>> format_date(dt.date(2017, 3, 2), lang="en")
'2 March 2017'
>>> format_date(dt.date(2017, 3, 2), lang="en", en_style="us")
'March 2, 2017'
>>> format_date(dt.date(2017, 3, 2), "formal", lang="az")
'2 mart 2017-ci il'

Locales and compiled patterns are cached, and the common CLDR fields are
rendered without going through babel, so formatting a date costs a dictionary
lookup and a string join.
"""

from __future__ import annotations

__all__ = [
    "DATE_STYLES",
    "DateStyle",
    "TimeStyle",
    "DateSettings",
    "EnStyle",
    "settings",
    "format_date",
    "format_datetime",
    "format_date_range",
    "format_relative",
    "format_dateline",
]

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal, get_args

from ._deprecation import renamed
from .errors import ArgumentTypeError, InvalidArgumentError
from .languages import (
    Lang,
    TextRules,
    get_language,
    language_spec,
    resolve_language,
    watch_languages,
)
from .models import PartialDate

if TYPE_CHECKING:
    from babel import Locale

    from .models import Place
    from .text import LocalizedText

DateStyle = Literal["short", "medium", "long", "full", "formal"]
"""The date styles: ``short``, ``medium``, ``long``, ``full``, ``formal``."""
DateFormat = DateStyle
"""Deprecated name of :data:`DateStyle`."""
TimeStyle = Literal["short", "medium", "long", "full"]
"""The time styles of :func:`format_datetime` (CLDR's)."""
EnStyle = Literal["dmy", "us"]

DATE_STYLES: Final[tuple[DateStyle, ...]] = get_args(DateStyle)
"""The accepted values of ``style``: ``short``, ``medium``, ``long``, ``full``, ``formal``."""
_TIME_STYLES: Final[tuple[TimeStyle, ...]] = get_args(TimeStyle)


def __getattr__(name: str) -> object:
    if name == "DATE_FORMATS":
        renamed("diplolib.dates.DATE_FORMATS", "DATE_STYLES")
        return DATE_STYLES
    # Builtin on purpose: a module __getattr__ must raise AttributeError.
    raise AttributeError(f"module 'diplolib.dates' has no attribute {name!r}")


def _style_keyword(style: DateStyle, format: DateStyle | None, func: str) -> DateStyle:
    """``style``, or the deprecated ``format=`` keyword when it was given."""
    if format is None:
        return style
    renamed(f"{func}(format=...)", f"{func}(style=...)", stacklevel=4)
    return format


_EN_STYLES: Final[tuple[str, ...]] = get_args(EnStyle)
_DASH: Final = "\u2013"  # en dash, as CLDR and house style write ranges


@dataclass
class DateSettings:
    """Process-wide defaults for the date functions; change them at start-up.

    ``en_style`` is ``"dmy"`` (day-month-year, ``2 March 2017``: the portal's
    style, CLDR ``en_GB``) or ``"us"`` (``March 2, 2017``, CLDR ``en``). A
    function's own ``en_style=`` keyword wins over this setting.

    >>> settings.en_style
    'dmy'
    """

    en_style: EnStyle = "dmy"


settings: Final = DateSettings()
"""The :class:`DateSettings` the date functions read when ``en_style`` is not passed."""


# ---------------------------------------------------------------------------
# Locale and pattern caches


def _style(en_style: str | None) -> EnStyle:
    style = settings.en_style if en_style is None else en_style
    if style not in _EN_STYLES:
        raise InvalidArgumentError(
            f"unknown en_style {style!r}; accepted: 'dmy' (2 March 2017), 'us' (March 2, 2017)"
        )
    return style  # type: ignore[return-value]


en_style_of = _style  # the name other modules use (numbers formats lists in the same style)


@lru_cache(maxsize=64)
def _locale_key(lang: Lang, style: EnStyle) -> str:
    """The CLDR locale for ``lang``: its specification's, or the one it names for ``style``."""
    spec = language_spec(lang)
    return spec.locale_styles.get(style, spec.locale)


def _year_suffix(lang: Lang, year: int, *, plural: bool = False) -> str:
    """What the formal style writes after a year in ``lang`` (``-ci il``), or ``""``."""
    return language_spec(lang).text_rules.year_suffix(year, plural=plural) or ""


@lru_cache(maxsize=8)
def _locale(key: str) -> Locale:
    from babel import Locale

    return Locale.parse(key)


def babel_locale(lang: str | None = None, *, en_style: str | None = None) -> Locale:
    """The cached babel ``Locale`` the formatters use for ``lang`` and ``en_style``.

    >>> babel_locale("en"), babel_locale("en", en_style="us"), babel_locale("az")
    (Locale('en', territory='GB'), Locale('en'), Locale('az'))
    """
    return _locale(_locale_key(resolve_language(lang), _style(en_style)))


Renderer = Callable[[dt.date], str]


def _field_renderer(locale: Locale, char: str, width: int) -> Renderer | None:
    """A fast renderer for one CLDR field, or ``None`` to leave it to babel."""
    if char == "d":
        return (lambda d: str(d.day)) if width == 1 else (lambda d: f"{d.day:02d}")
    if char == "y":
        if width == 1:
            return lambda d: str(d.year)
        if width == 2:
            return lambda d: f"{d.year % 100:02d}"
        return lambda d: f"{d.year:0{width}d}"
    if char in "ML":
        if width == 1:
            return lambda d: str(d.month)
        if width == 2:
            return lambda d: f"{d.month:02d}"
        context = "format" if char == "M" else "stand-alone"
        size = {3: "abbreviated", 4: "wide", 5: "narrow"}[min(width, 5)]
        months = [""] + [locale.months[context][size][m] for m in range(1, 13)]
        return lambda d: months[d.month]
    if char == "E":
        size = "wide" if width == 4 else "narrow" if width == 5 else "abbreviated"
        if width == 6:
            size = "short"
        days = [locale.days["format"][size][i] for i in range(7)]
        return lambda d: days[d.weekday()]
    return None


@lru_cache(maxsize=256)
def _compile(pattern: str, locale_key: str) -> Renderer:
    """Turn a CLDR date pattern into a renderer; babel handles what we don't."""
    from babel.dates import format_date as babel_format_date
    from babel.dates import tokenize_pattern

    locale = _locale(locale_key)
    parts: list[str | Renderer] = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            parts.append(str(value))
            continue
        assert isinstance(value, tuple)
        char, width = value
        renderer = _field_renderer(locale, str(char), int(width))
        if renderer is None:
            return lambda d: babel_format_date(d, pattern, locale=locale)
        parts.append(renderer)
    texts = [p for p in parts if isinstance(p, str)]
    fields = [p for p in parts if not isinstance(p, str)]
    if not fields:
        constant = "".join(texts)
        return lambda d: constant
    if len(parts) == 5 and [isinstance(p, str) for p in parts] == [False, True, False, True, False]:
        # The common "d MMMM y" shape: no generic loop on the hot path.
        first, middle, last = fields
        sep1, sep2 = texts
        return lambda d: first(d) + sep1 + middle(d) + sep2 + last(d)
    frozen = tuple(parts)
    return lambda d: "".join(p if isinstance(p, str) else p(d) for p in frozen)


def _day_pattern(locale_key: str, fmt: str) -> str:
    locale = _locale(locale_key)
    return str(locale.date_formats["long" if fmt == "formal" else fmt].pattern)


@lru_cache(maxsize=64)
def _day_renderer(locale_key: str, fmt: str, lang: Lang) -> Renderer:
    render = _compile(_day_pattern(locale_key, fmt), locale_key)
    rules = language_spec(lang).text_rules
    if fmt == "formal" and type(rules).year_suffix is not TextRules.year_suffix:
        suffix = rules.year_suffix  # bound once, not per date
        return lambda d: render(d) + (suffix(d.year) or "")
    return render


_MONTH_SKELETON: Final = {
    "short": "yM",
    "medium": "yMMM",
    "long": "yMMMM",
    "full": "yMMMM",
    "formal": "yMMMM",
}


@lru_cache(maxsize=64)
def _month_renderer(locale_key: str, fmt: str, lang: Lang) -> Renderer:
    locale = _locale(locale_key)
    pattern = str(locale.datetime_skeletons[_MONTH_SKELETON[fmt]].pattern)
    if fmt not in ("short", "medium"):
        # A month without a day is named in the stand-alone (nominative) form.
        pattern = pattern.replace("MMMM", "LLLL")
    render = _compile(pattern, locale_key)
    rules = language_spec(lang).text_rules
    if fmt == "formal" and type(rules).year_suffix is not TextRules.year_suffix:
        suffix = rules.year_suffix  # bound once, not per date
        return lambda d: render(d) + (suffix(d.year) or "")
    return render


# format_date's hot path: (language, en_style, style) → the day renderer. Only valid
# arguments are stored; cleared with the other caches when the registry changes.
_hot: dict[tuple[str, str, str], Renderer] = {}
_MAX_HOT: Final = 256


def _languages_changed() -> None:
    _hot.clear()
    for cached in (_locale_key, _day_renderer, _month_renderer):
        cached.cache_clear()


watch_languages(_languages_changed)


def _check_format(fmt: object) -> DateStyle:
    if fmt not in DATE_STYLES:
        accepted = ", ".join(repr(f) for f in DATE_STYLES)
        raise InvalidArgumentError(f"unknown date style {fmt!r}; accepted: {accepted}")
    return fmt


DateLike = dt.date | PartialDate


def _type_error(value: object, func: str) -> ArgumentTypeError:
    return ArgumentTypeError(
        f"{func}() takes a datetime.date, datetime.datetime or PartialDate, not "
        f"{type(value).__name__} ({value!r:.60}); parse text first, e.g. PartialDate.parse('2017-03-02')"
    )


# ---------------------------------------------------------------------------
# Public API


def format_date(
    value: DateLike,
    style: DateStyle = "long",
    *,
    lang: str | None = None,
    en_style: str | None = None,
    format: DateStyle | None = None,
) -> str:
    """Format a date, a datetime (its own wall-clock date) or a :class:`PartialDate`.

    ``style`` is ``"short"``, ``"medium"``, ``"long"`` (default), ``"full"`` or
    ``"formal"``. Partial dates name only what is known: a month in the
    stand-alone form (``mart 2017``), a year alone as ``2009`` — or, in
    Azerbaijani ``long``, ``full`` and ``formal``, as the ordinal year
    ``2009-cu il``, the way Azerbaijani writes a year on its own.

    >>> import datetime as dt
    >>> format_date(dt.date(2017, 3, 2), lang="az")
    '2 mart 2017'
    >>> format_date(dt.date(2017, 3, 2), "full", lang="en")
    'Thursday, 2 March 2017'
    >>> format_date(dt.date(2024, 7, 15), "formal", lang="az")
    '15 iyul 2024-cü il'
    >>> format_date(PartialDate(2017, 3), lang="az"), format_date(PartialDate(2017, 3), lang="en")
    ('mart 2017', 'March 2017')
    >>> format_date(PartialDate(2009), lang="az"), format_date(PartialDate(2009), lang="en")
    ('2009-cu il', '2009')
    >>> format_date("2017-03-02")
    Traceback (most recent call last):
    ...
    diplolib.errors.ArgumentTypeError: format_date() takes a datetime.date, datetime.datetime or PartialDate, not str ('2017-03-02'); parse text first, e.g. PartialDate.parse('2017-03-02')
    """
    if format is not None:
        style = _style_keyword(style, format, "format_date")
    if type(value) is dt.date:  # the hot path: one dict lookup when the arguments were seen
        hot = (
            get_language() if lang is None else lang,
            settings.en_style if en_style is None else en_style,
            style,
        )
        try:
            return _hot[hot](value)
        except (KeyError, TypeError):
            pass
        if style in DATE_STYLES:
            code = resolve_language(lang)
            render = _day_renderer(_locale_key(code, _style(en_style)), style, code)
            if len(_hot) < _MAX_HOT and isinstance(hot[0], str):
                _hot[hot] = render  # only arguments that were just accepted are stored
            return render(value)
    fmt = _check_format(style)
    code = resolve_language(lang)
    key = _locale_key(code, _style(en_style))
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return _day_renderer(key, fmt, code)(day)
    if isinstance(value, PartialDate):
        if value.precision == "day":
            return _day_renderer(key, fmt, code)(value.first_day())
        if value.precision == "month":
            return _month_renderer(key, fmt, code)(value.first_day())
        if fmt in ("long", "full", "formal"):
            # A year on its own: Azerbaijani writes it as the ordinal year ("2009-cu il").
            return f"{value.year}{_year_suffix(code, value.year)}"
        return str(value.year)
    raise _type_error(value, "format_date")


def format_datetime(
    value: dt.datetime,
    style: DateStyle = "long",
    *,
    time_style: TimeStyle = "short",
    tzinfo: dt.tzinfo | None = None,
    lang: str | None = None,
    en_style: str | None = None,
    format: DateStyle | None = None,
    time_format: TimeStyle | None = None,
) -> str:
    """Format an aware datetime: the date as :func:`format_date` does, then the time.

    ``tzinfo`` is the zone to show the time in (default: the value's own zone).
    Naive datetimes are rejected: a time without a zone cannot be shown
    correctly to readers in Baku and in London, so attach the zone first
    (``value.replace(tzinfo=...)``). The time uses CLDR's format of ``time_style``
    (``short`` by default: ``14:30``; ``long`` adds the zone).

    >>> import datetime as dt
    >>> baku = dt.timezone(dt.timedelta(hours=4))
    >>> moment = dt.datetime(2017, 3, 2, 14, 30, tzinfo=baku)
    >>> format_datetime(moment, lang="az")
    '2 mart 2017 14:30'
    >>> format_datetime(moment, lang="en")
    '2 March 2017, 14:30'
    >>> format_datetime(moment, lang="en", en_style="us")
    'March 2, 2017, 2:30\u202fPM'
    >>> format_datetime(moment, lang="en", tzinfo=dt.UTC)
    '2 March 2017, 10:30'
    >>> format_datetime(dt.datetime(2017, 3, 2, 14, 30), lang="en")
    Traceback (most recent call last):
    ...
    diplolib.errors.InvalidArgumentError: format_datetime() needs an aware datetime, got naive datetime.datetime(2017, 3, 2, 14, 30); attach a zone first, e.g. value.replace(tzinfo=datetime.UTC)
    """
    from babel.dates import format_time

    if not isinstance(value, dt.datetime):
        raise ArgumentTypeError(
            f"format_datetime() takes an aware datetime.datetime, not {type(value).__name__} "
            f"({value!r:.60}); use format_date() for dates"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidArgumentError(
            f"format_datetime() needs an aware datetime, got naive {value!r}; attach a zone "
            "first, e.g. value.replace(tzinfo=datetime.UTC)"
        )
    if tzinfo is not None:
        if not isinstance(tzinfo, dt.tzinfo):
            raise ArgumentTypeError(
                f"tzinfo must be a datetime.tzinfo, not {type(tzinfo).__name__}"
            )
        value = value.astimezone(tzinfo)
    fmt = _check_format(_style_keyword(style, format, "format_datetime"))
    if time_format is not None:
        renamed("format_datetime(time_format=...)", "format_datetime(time_style=...)")
        time_style = time_format
    if time_style not in _TIME_STYLES:
        raise InvalidArgumentError(
            f"unknown time style {time_style!r}; accepted: 'short', 'medium', 'long', 'full'"
        )
    code = resolve_language(lang)
    key = _locale_key(code, _style(en_style))
    locale = _locale(key)
    date_text = _day_renderer(key, fmt, code)(value.date())
    time_text = format_time(value, time_style, tzinfo=value.tzinfo, locale=locale)
    joiner = str(locale.datetime_formats["long" if fmt == "formal" else fmt])
    return joiner.replace("{1}", date_text).replace("{0}", time_text)


def _parts(value: object, func: str) -> tuple[int, int | None, int | None]:
    if isinstance(value, dt.datetime):
        return (value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, PartialDate):
        return (value.year, value.month, value.day)
    raise _type_error(value, func)


def _as_partial(parts: tuple[int, int | None, int | None]) -> PartialDate:
    return PartialDate(*parts)


def format_date_range(
    start: DateLike,
    end: DateLike,
    style: DateStyle = "long",
    *,
    lang: str | None = None,
    en_style: str | None = None,
    format: DateStyle | None = None,
) -> str:
    """Format a period, writing shared months and years once.

    Works for ``long``, ``medium`` and ``formal`` day-first or month-first
    patterns; ``short`` and ``full`` write both ends in full. Partial dates of
    the same precision collapse too (``March–May 2017``). The separator is an en
    dash: tight between numbers and single words, spaced between longer parts.
    In the Azerbaijani ``formal`` style each complete date across two years
    carries its own year word (``2021-ci il – … 2022-ci il``).

    >>> import datetime as dt
    >>> format_date_range(dt.date(2010, 12, 1), dt.date(2010, 12, 2), lang="en")
    '1–2 December 2010'
    >>> format_date_range(dt.date(2010, 12, 1), dt.date(2010, 12, 2), lang="az")
    '1–2 dekabr 2010'
    >>> format_date_range(dt.date(2010, 11, 30), dt.date(2010, 12, 2), lang="az")
    '30 noyabr – 2 dekabr 2010'
    >>> format_date_range(dt.date(2010, 12, 30), dt.date(2011, 1, 2), lang="en", en_style="us")
    'December 30, 2010 – January 2, 2011'
    >>> format_date_range(dt.date(2010, 12, 1), dt.date(2010, 12, 2), "formal", lang="az")
    '1–2 dekabr 2010-cu il'
    >>> format_date_range(dt.date(2021, 12, 28), dt.date(2022, 1, 3), "formal", lang="az")
    '28 dekabr 2021-ci il – 3 yanvar 2022-ci il'
    >>> format_date_range(PartialDate(2009), PartialDate(2013), lang="en")
    '2009–2013'
    """
    fmt = _check_format(_style_keyword(style, format, "format_date_range"))
    a = _parts(start, "format_date_range")
    b = _parts(end, "format_date_range")
    pa, pb = _as_partial(a), _as_partial(b)
    if pb < pa:
        raise InvalidArgumentError(f"format_date_range() got an end ({pb}) before the start ({pa})")
    code = resolve_language(lang)
    key = _locale_key(code, _style(en_style))
    if pa == pb:
        return format_date(pa, fmt, lang=lang, en_style=en_style)
    same_precision = pa.precision == pb.precision
    if not same_precision or fmt in ("short", "full"):
        return _join(
            format_date(pa, fmt, lang=lang, en_style=en_style),
            format_date(pb, fmt, lang=lang, en_style=en_style),
        )
    locale = _locale(key)
    pattern = _day_pattern(key, fmt) if pa.precision == "day" else "MMMM y"
    month_first = pattern.index("M") < pattern.index("d") if "d" in pattern else True
    months = locale.months["format" if pa.precision == "day" else "stand-alone"][
        "abbreviated" if fmt == "medium" else "wide"
    ]
    # The formal style gives each complete date its own year word when the years
    # differ: "28 dekabr 2021-ci il – 3 yanvar 2022-ci il".
    formal = fmt == "formal"
    year_a = f"{pa.year}{_year_suffix(code, pa.year)}" if formal else str(pa.year)
    year_b = f"{pb.year}{_year_suffix(code, pb.year)}" if formal else str(pb.year)
    if pa.precision == "year":
        years = _join(str(pa.year), str(pb.year))
        return f"{years}{_year_suffix(code, pb.year, plural=True)}" if formal else years
    ma, mb = months[pa.month], months[pb.month]
    same_year = pa.year == pb.year
    if pa.precision == "month":
        if same_year:
            return f"{_join(ma, mb)} {year_b}"
        return _join(f"{ma} {year_a}", f"{mb} {year_b}")
    da, db = str(pa.day), str(pb.day)
    if month_first:
        # CLDR en: "MMMM d, y"
        if same_year and pa.month == pb.month:
            return f"{ma} {_join(da, db)}, {year_b}"
        if same_year:
            return f"{_join(f'{ma} {da}', f'{mb} {db}')}, {year_b}"
        return _join(f"{ma} {da}, {year_a}", f"{mb} {db}, {year_b}")
    if same_year and pa.month == pb.month:
        return f"{_join(da, db)} {mb} {year_b}"
    if same_year:
        return f"{_join(f'{da} {ma}', f'{db} {mb}')} {year_b}"
    return _join(f"{da} {ma} {year_a}", f"{db} {mb} {year_b}")


def _join(left: str, right: str) -> str:
    if " " in left or " " in right:
        return f"{left} {_DASH} {right}"
    return f"{left}{_DASH}{right}"


_GRANULARITIES: Final = ("year", "month", "week", "day", "hour", "minute", "second")


def format_relative(
    delta: dt.timedelta | dt.datetime,
    *,
    now: dt.datetime | None = None,
    granularity: str = "second",
    threshold: float = 0.85,
    lang: str | None = None,
) -> str:
    """Say how far away a moment is: ``3 days ago`` / ``3 gün əvvəl``, ``in 2 hours``.

    ``delta`` is a :class:`~datetime.timedelta` (negative = in the past) or an
    aware datetime, compared with ``now`` (default: the current time). Units
    come from CLDR via ``babel.dates.format_timedelta``; ``granularity`` is the
    smallest unit shown, and a distance below one unit of it is ``just now`` /
    ``indicə``.

    >>> import datetime as dt
    >>> format_relative(dt.timedelta(days=-3), lang="az"), format_relative(dt.timedelta(days=-3), lang="en")
    ('3 gün əvvəl', '3 days ago')
    >>> format_relative(dt.timedelta(hours=2), lang="az"), format_relative(dt.timedelta(hours=2), lang="en")
    ('2 saat sonra', 'in 2 hours')
    >>> format_relative(dt.timedelta(0), lang="az")
    'indicə'
    """
    from babel.dates import format_timedelta

    from .i18n import gettext

    if granularity not in _GRANULARITIES:
        accepted = ", ".join(repr(g) for g in _GRANULARITIES)
        raise InvalidArgumentError(f"unknown granularity {granularity!r}; accepted: {accepted}")
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 < threshold < 100
    ):
        raise InvalidArgumentError(
            f"threshold must be a number between 0 and 100 (babel's default is 0.85), got {threshold!r}"
        )
    if now is not None and not isinstance(now, dt.datetime):
        raise ArgumentTypeError(
            f"format_relative(): 'now' must be an aware datetime, not {now!r:.60}"
        )
    if isinstance(delta, dt.datetime):
        if delta.utcoffset() is None:
            raise InvalidArgumentError(
                f"format_relative() needs an aware datetime, got naive {delta!r}; attach a zone first"
            )
        if now is None:
            now = dt.datetime.now(dt.UTC)
        elif now.utcoffset() is None:
            raise InvalidArgumentError(f"format_relative() needs an aware 'now', got naive {now!r}")
        delta = delta - now
    elif isinstance(delta, dt.timedelta):
        if now is not None:
            raise ArgumentTypeError(
                "format_relative(): 'now' applies only when delta is a datetime"
            )
    else:
        raise ArgumentTypeError(
            f"format_relative() takes a datetime.timedelta or an aware datetime.datetime, not "
            f"{type(delta).__name__} ({delta!r:.60})"
        )
    code = resolve_language(lang)
    unit = {
        "year": 365 * 86400,
        "month": 30 * 86400,
        "week": 7 * 86400,
        "day": 86400,
        "hour": 3600,
        "minute": 60,
        "second": 1,
    }[granularity]
    locale = _locale(_locale_key(code, _style(None)))
    if abs(delta.total_seconds()) < unit:
        if unit < 3600:
            return gettext("just now", lang=code)
        # Less than one unit of a coarse granularity: CLDR's "today", "this month"…
        # (babel would round three days up to "1 month ago").
        this_unit: str = locale._data["date_fields"][granularity]["relative"][0]
        return this_unit
    text: str = format_timedelta(
        delta,
        granularity=granularity,  # type: ignore[arg-type]
        threshold=threshold,
        add_direction=True,
        locale=locale,
    )
    return text


def format_dateline(
    place: Place | LocalizedText | str,
    date: DateLike,
    style: DateStyle = "long",
    *,
    lang: str | None = None,
    en_style: str | None = None,
    format: DateStyle | None = None,
) -> str:
    """The place and date a story was filed: ``Baku, 2 March 2017`` / ``Bakı, 2 mart 2017``.

    ``place`` is a :class:`~diplolib.Place` (its name in ``lang``, with the usual
    fallback), a :class:`~diplolib.LocalizedText` or a plain string used as given.

    >>> import datetime as dt
    >>> from diplolib import Place
    >>> baku = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"})
    >>> format_dateline(baku, dt.date(2017, 3, 2), lang="az")
    'Bakı, 2 mart 2017'
    >>> format_dateline(baku, dt.date(2017, 3, 2), lang="en")
    'Baku, 2 March 2017'
    >>> format_dateline("Astana", dt.date(2015, 7, 7), lang="az")
    'Astana, 7 iyul 2015'
    """
    from .models import Place
    from .text import LocalizedText

    code = resolve_language(lang)
    if isinstance(place, Place):
        name = place.display_name(code)
    elif isinstance(place, LocalizedText):
        name = place.get(code) or ""
    elif isinstance(place, str):
        name = place.strip()
    else:
        raise ArgumentTypeError(
            f"format_dateline() takes a Place, LocalizedText or str as the place, not "
            f"{type(place).__name__} ({place!r:.60})"
        )
    if not name:
        raise InvalidArgumentError(f"format_dateline() got a place with no name: {place!r:.60}")
    style = _style_keyword(style, format, "format_dateline")
    return f"{name}, {format_date(date, style, lang=code, en_style=en_style)}"
