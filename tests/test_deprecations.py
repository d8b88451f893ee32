"""Renamed public names keep working for now, and say what replaced them."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import diplolib
from diplolib import Place, format_date, format_date_range, format_dateline, format_datetime

DAY = dt.date(2017, 3, 2)
MOMENT = dt.datetime(2017, 3, 2, 14, 30, tzinfo=dt.UTC)
BAKU = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"})


def test_old_names_still_work_and_warn() -> None:
    from diplolib.dates import DATE_STYLES
    from diplolib.languages import normalize_lang, resolve_lang

    with pytest.warns(DeprecationWarning, match=r"normalize_lang\(\) is deprecated"):
        assert normalize_lang("az-AZ") == "az"
    with pytest.warns(DeprecationWarning, match=r"resolve_lang\(\) is deprecated"):
        assert resolve_lang(None) == "en"
    with pytest.warns(DeprecationWarning, match=r"format_date\(format=\.\.\.\) is deprecated"):
        assert format_date(DAY, format="full", lang="en") == "Thursday, 2 March 2017"
    with pytest.warns(DeprecationWarning, match=r"format_datetime\(format=\.\.\.\)"):
        assert format_datetime(MOMENT, format="short", lang="en") == "02/03/2017, 14:30"
    with pytest.warns(DeprecationWarning, match=r"time_format=\.\.\.\) is deprecated"):
        assert format_datetime(MOMENT, time_format="medium", lang="en").endswith("14:30:00")
    with pytest.warns(DeprecationWarning, match=r"format_date_range\(format=\.\.\.\)"):
        assert format_date_range(DAY, DAY, format="long", lang="az") == "2 mart 2017"
    with pytest.warns(DeprecationWarning, match=r"format_dateline\(format=\.\.\.\)"):
        assert format_dateline(BAKU, DAY, format="formal", lang="az") == "Bakı, 2 mart 2017-ci il"
    with pytest.warns(DeprecationWarning, match="DATE_FORMATS is deprecated"):
        from diplolib.dates import DATE_FORMATS
    assert DATE_FORMATS == DATE_STYLES
    with pytest.warns(DeprecationWarning, match="normalize_lang"):
        assert diplolib.normalize_lang("en-GB") == "en"


def test_the_deprecation_points_at_the_caller() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        format_date(DAY, format="long", lang="en")
    assert caught[0].filename == __file__


def test_find_confusables_warns_and_matches_find_lookalikes() -> None:
    from diplolib.az import find_lookalikes
    from diplolib.text import find_confusables

    for text in ("B\u04d9k\u0131", "G\u04d9nc\u04d9 v\u04d9 \u04d8li", "Bakı", "Ämir"):
        with pytest.warns(DeprecationWarning, match="find_confusables"):
            old = find_confusables(text)
        new = [(f.position, f.char, f.replacement, f.name) for f in find_lookalikes(text)]
        assert old == [
            n for n, f in zip(new, find_lookalikes(text), strict=True) if f.kind == "lookalike"
        ]


def test_positional_style_needs_no_keyword_and_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert format_date(DAY, "formal", lang="az") == "2 mart 2017-ci il"
        assert format_date(DAY, style="short", lang="en") == "02/03/2017"
        assert format_datetime(MOMENT, "long", time_style="short", lang="az") == "2 mart 2017 14:30"
