from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from diplolib import use_language
from diplolib.numbers import (
    MAX_ORDINAL,
    format_list,
    format_number,
    format_ordinal,
    format_percent,
)

# Suffix of each last spoken word, worked out by hand from its last vowel
# (bir → i → -ci, altı → ı → -cı, doqquz → u → -cu, üç → ü → -cü …).
AZ_ONES = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
AZ_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def az_expected(n: int) -> str:
    if n == 100:
        return "100-cü"
    suffix = AZ_ONES[n % 10] if n % 10 else AZ_TENS[n // 10]
    return f"{n}-{suffix}"


def en_expected(n: int) -> str:
    tens, ones = (n // 10) % 10, n % 10
    if tens == 1 or ones not in (1, 2, 3):
        return f"{n}th"
    return f"{n}{['st', 'nd', 'rd'][ones - 1]}"


@pytest.mark.parametrize("n", range(1, 121))
def test_english_ordinals(n: int) -> None:
    assert format_ordinal(n, lang="en") == en_expected(n)


@pytest.mark.parametrize("n", range(1, 101))
def test_azerbaijani_ordinals(n: int) -> None:
    assert format_ordinal(n, lang="az") == az_expected(n)


@pytest.mark.parametrize(
    ("n", "az", "en"),
    [
        (0, "0-cı", "0th"),
        (101, "101-ci", "101st"),
        (111, "111-ci", "111th"),
        (112, "112-ci", "112th"),
        (200, "200-cü", "200th"),
        (1000, "1000-ci", "1000th"),
        (1992, "1992-ci", "1992nd"),
        (2009, "2009-cu", "2009th"),
        (2016, "2016-cı", "2016th"),
        (2024, "2024-cü", "2024th"),
        (1_000_000, "1000000-cu", "1000000th"),
        (1_000_000_000, "1000000000-cı", "1000000000th"),
        (MAX_ORDINAL, f"{MAX_ORDINAL}-cu", f"{MAX_ORDINAL}th"),
    ],
)
def test_ordinals_beyond_a_hundred(n: int, az: str, en: str) -> None:
    assert format_ordinal(n, lang="az") == az
    assert format_ordinal(n, lang="en") == en


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-1, ValueError, "got -1; accepted: integers from 0 to 999999999999999999"),
        (10**20, ValueError, "got 100000000000000000000; accepted"),
        (MAX_ORDINAL + 1, ValueError, "accepted: integers from 0"),
        (True, TypeError, "not bool"),
        (2.0, TypeError, "not float"),
        ("5", TypeError, "not str"),
        (None, TypeError, "not NoneType"),
        (Decimal(5), TypeError, "not Decimal"),
    ],
)
def test_ordinal_errors(value: object, error: type[Exception], message: str) -> None:
    for lang in ("az", "en"):
        with pytest.raises(error, match=message):
            format_ordinal(value, lang=lang)  # type: ignore[arg-type]


def test_ordinal_follows_language_context() -> None:
    with use_language("az"):
        assert format_ordinal(25) == "25-ci"


@given(st.integers(min_value=0, max_value=MAX_ORDINAL))
def test_ordinals_keep_the_digits(n: int) -> None:
    az = format_ordinal(n, lang="az")
    en = format_ordinal(n, lang="en")
    assert az.rsplit("-", 1)[0] == str(n)
    assert az.rsplit("-", 1)[1] in {"ci", "cı", "cu", "cü"}
    assert en[:-2] == str(n)
    assert en[-2:] in {"st", "nd", "rd", "th"}


@given(st.integers(min_value=0, max_value=10**15))
def test_az_ordinal_depends_only_on_last_spoken_word(n: int) -> None:
    # Adding a multiple of 1000 leaves the last three digits, hence the last word, alone,
    # unless those digits are all zero (then the last word is a scale word).
    if n % 1000:
        assert format_ordinal(n, lang="az")[-2:] == format_ordinal(n % 1000, lang="az")[-2:]


# ---------------------------------------------------------------------------
# numbers and percentages


@pytest.mark.parametrize(
    ("value", "kwargs", "az", "en"),
    [
        (12500.75, {}, "12.500,75", "12,500.75"),
        (1234567, {}, "1.234.567", "1,234,567"),
        (-1234567, {}, "-1.234.567", "-1,234,567"),
        (999, {}, "999", "999"),
        (1000, {}, "1.000", "1,000"),
        (0, {}, "0", "0"),
        (10**20, {}, "100.000.000.000.000.000.000", "100,000,000,000,000,000,000"),
        (Decimal("1234.5"), {}, "1.234,5", "1,234.5"),
        (1.23456, {}, "1,235", "1.235"),
        (2.5, {"decimals": 2}, "2,50", "2.50"),
        (1234, {"decimals": 1}, "1.234,0", "1,234.0"),
        (1234.56, {"decimals": 0}, "1.235", "1,235"),
        (Fraction(1, 4), {}, "0,25", "0.25"),
        (Decimal(10**30), {}, "1" + ".000" * 10, "1" + ",000" * 10),
        (1e30, {"decimals": 0}, "1" + ".000" * 10, "1" + ",000" * 10),
        (float("inf"), {}, "∞", "∞"),
    ],
)
def test_format_number(value: object, kwargs: dict[str, int], az: str, en: str) -> None:
    assert format_number(value, lang="az", **kwargs) == az  # type: ignore[arg-type]
    assert format_number(value, lang="en", **kwargs) == en  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**24), max_value=10**24))  # babel fails past ~10**25
def test_integer_fast_path_agrees_with_babel(n: int) -> None:
    assert format_number(n, lang="az") == format_decimal(n, locale="az")
    assert format_number(n, lang="en") == format_decimal(n, locale="en")


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.sampled_from([None, 0, 1, 2, 3, 6]),
)
def test_float_fast_path_agrees_with_babel(x: float, decimals: int | None) -> None:
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    for lang, code in (("az", "az"), ("en", "en_GB")):
        expected = format_decimal(x, format=pattern, locale=code)
        if expected.startswith("-") and not expected.strip("-0.,"):
            expected = expected[1:]  # babel keeps the sign of a rounded zero ("-0"); we drop it
        assert format_number(x, decimals=decimals, lang=lang) == expected


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_az_and_en_differ_only_in_signs(x: float) -> None:
    az = format_number(x, lang="az")
    swapped = az.translate(str.maketrans({".": ",", ",": "."}))
    assert swapped == format_number(x, lang="en")


@pytest.mark.parametrize(
    ("value", "decimals", "az", "en"),
    [
        (0.256, 0, "26%", "26%"),
        (0.256, 1, "25,6%", "25.6%"),
        (1, 0, "100%", "100%"),
        (12.5, 0, "1.250%", "1,250%"),
        (-0.05, 0, "-5%", "-5%"),
        (Decimal("0.3333"), 2, "33,33%", "33.33%"),
    ],
)
def test_format_percent(value: object, decimals: int, az: str, en: str) -> None:
    assert format_percent(value, decimals=decimals, lang="az") == az  # type: ignore[arg-type]
    assert format_percent(value, decimals=decimals, lang="en") == en  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["12", None, True, [1], b"1"])
def test_number_type_errors(value: object) -> None:
    with pytest.raises(TypeError, match=f"not {type(value).__name__}"):
        format_number(value, lang="az")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=f"not {type(value).__name__}"):
        format_percent(value, lang="az")  # type: ignore[arg-type]


@pytest.mark.parametrize("decimals", [-1, 21, 1.5, True, "2"])
def test_bad_decimals(decimals: object) -> None:
    with pytest.raises(ValueError, match="decimals must be None or an int from 0 to 20"):
        format_number(1.5, decimals=decimals, lang="az")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# lists

CITIES_AZ = ["Bakı", "Astana", "Ankara", "Daşkənd"]
CITIES_EN = ["Baku", "Astana", "Ankara", "Tashkent"]


@pytest.mark.parametrize(
    ("count", "style", "lang", "en_style", "expected"),
    [
        (0, "and", "az", None, ""),
        (1, "and", "az", None, "Bakı"),
        (2, "and", "az", None, "Bakı və Astana"),
        (3, "and", "az", None, "Bakı, Astana və Ankara"),
        (4, "and", "az", None, "Bakı, Astana, Ankara və Daşkənd"),
        (2, "or", "az", None, "Bakı yaxud Astana"),
        (3, "or", "az", None, "Bakı, Astana yaxud Ankara"),
        (4, "or", "az", None, "Bakı, Astana, Ankara yaxud Daşkənd"),
        (2, "and", "en", None, "Baku and Astana"),
        (3, "and", "en", None, "Baku, Astana and Ankara"),
        (4, "and", "en", None, "Baku, Astana, Ankara and Tashkent"),
        (3, "or", "en", None, "Baku, Astana or Ankara"),
        (3, "and", "en", "us", "Baku, Astana, and Ankara"),
        (2, "and", "en", "us", "Baku and Astana"),
        (4, "or", "en", "us", "Baku, Astana, Ankara, or Tashkent"),
    ],
)
def test_lists(count: int, style: str, lang: str, en_style: str | None, expected: str) -> None:
    items = (CITIES_AZ if lang == "az" else CITIES_EN)[:count]
    assert format_list(items, style, lang=lang, en_style=en_style) == expected


def test_list_accepts_any_iterable_and_braces() -> None:
    assert format_list((c for c in ["{0}", "{1}"]), lang="en") == "{0} and {1}"
    assert format_list(("TÜRKSOY", "KTMT"), lang="az") == "TÜRKSOY və KTMT"


@pytest.mark.parametrize(
    ("items", "error", "message"),
    [
        ("Baku", TypeError, "iterable of str"),
        (None, TypeError, "not NoneType"),
        (["Baku", 3], TypeError, "item 1 is int"),
    ],
)
def test_list_errors(items: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        format_list(items, lang="en")  # type: ignore[arg-type]


def test_list_unknown_style() -> None:
    with pytest.raises(ValueError, match="unknown list style 'xor'; accepted: 'and', 'or'"):
        format_list(["a", "b"], "xor", lang="en")


@given(st.lists(st.text(alphabet="abcdəıöüçşğ ", min_size=1, max_size=8), max_size=8))
def test_list_keeps_every_item_in_order(items: list[str]) -> None:
    text = format_list(items, lang="az")
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0
        position = found + len(item)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: format_number(-0.0001, lang="az"), "0"),
        (lambda: format_number(-0.0001, decimals=2, lang="en"), "0.00"),
        (lambda: format_number(-0.0006, decimals=3, lang="en"), "-0.001"),
        (lambda: format_percent(-0.00001, lang="en"), "0%"),
        (lambda: format_percent(-0.004, decimals=1, lang="az"), "-0,4%"),
        (lambda: format_percent(1e30, lang="az"), "100.000.000.000.000.000.000.000.000.000.000%"),
    ],
)
def test_no_negative_zero_and_no_overflow(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


@pytest.mark.parametrize("bad", [float("nan"), Decimal("NaN"), Decimal("sNaN")])
def test_non_finite_numbers_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError, match="takes a finite number or an infinity"):
        format_number(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="takes a finite number or an infinity"):
        format_percent(bad)  # type: ignore[arg-type]
