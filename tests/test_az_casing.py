"""Azerbaijani case mapping: the i/İ and ı/I pairs, title case, caseless matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import az

AZ_LOWER = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
AZ_UPPER = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
az_text = st.text(alphabet=AZ_LOWER + AZ_UPPER + " -.,0123456789", max_size=40)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("inkişaf", "İNKİŞAF"),
        ("ılıq", "ILIQ"),
        ("İlham Əliyev", "İLHAM ƏLİYEV"),
        ("bakı şəhəri", "BAKI ŞƏHƏRİ"),
        ("qızıl", "QIZIL"),
        ("çiçək", "ÇİÇƏK"),
        ("göyçay", "GÖYÇAY"),
        ("müstəqillik", "MÜSTƏQİLLİK"),
        ("ağdaş", "AĞDAŞ"),
        ("i\u0307lham", "İLHAM"),  # what str.lower makes of "İlham"
        ("2-ci il", "2-Cİ İL"),
        ("", ""),
    ],
)
def test_upper(text: str, expected: str) -> None:
    assert az.upper(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ILIQ", "ılıq"),
        ("İNKİŞAF", "inkişaf"),
        ("İSMAYILLI", "ismayıllı"),
        ("QIRMIZI KİTAB", "qırmızı kitab"),
        ("ŞİRVAN DÜZÜ", "şirvan düzü"),
        ("I\u0307LHAM", "ilham"),  # decomposed capital İ
        ("XARİCİ İŞLƏR NAZİRLİYİ", "xarici işlər nazirliyi"),
        ("", ""),
    ],
)
def test_lower(text: str, expected: str) -> None:
    assert az.lower(text) == expected


@pytest.mark.parametrize(
    ("text", "lower", "upper", "casefold"),
    [
        ("İ\u0307", "i", "İ", "i"),  # a second dot on a dotted capital
        ("i\u0307", "i", "İ", "i"),  # str.lower's İ
        ("I\u0307", "i", "İ", "i"),  # decomposed İ
        ("ı\u0307", "i", "İ", "i"),  # dotless i given a dot
        ("i\u0307\u0307", "i", "İ", "i"),
        ("İ\u0307LHAM ƏLİ\u0307YEV", "ilham əliyev", "İLHAM ƏLİYEV", "ilham əliyev"),
        ("bi\u0307r", "bir", "BİR", "bir"),
        ("z\u0307", "z\u0307", "Z\u0307", "ż"),  # a dot on another letter is not an i's dot
    ],
)
def test_dot_after_an_i_is_dropped(text: str, lower: str, upper: str, casefold: str) -> None:
    assert az.lower(text) == lower
    assert az.upper(text) == upper
    assert az.casefold(text) == casefold
    assert az.title(text) == az.title(lower)


def test_lower_never_leaves_a_combining_dot() -> None:
    assert "\u0307" not in az.lower("İİİ i\u0307 I\u0307 İ\u0307")
    assert "\u0307" in "İ".lower()  # the default mapping does, which is why az.lower exists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xarici işlər naziri", "Xarici İşlər Naziri"),
        ("İSMAYILLI RAYONU", "İsmayıllı Rayonu"),
        ("ılısu", "Ilısu"),
        ("iki qardaş", "İki Qardaş"),
        ("qarabağ-zəngəzur", "Qarabağ-Zəngəzur"),
        ("2-ci beynəlxalq forum", "2-ci Beynəlxalq Forum"),
        ("heydər əliyev's legacy", "Heydər Əliyev's Legacy"),
        ("  iki   söz ", "  İki   Söz "),
        ("i\u0307lham", "İlham"),
        ("", ""),
    ],
)
def test_title(text: str, expected: str) -> None:
    assert az.title(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("İSMAYILLI", "İsmayıllı", True),
        ("Bakı", "BAKI", True),
        ("Bakı", "BAKİ", False),  # BAKİ is "baki", a different word
        ("ilham", "İLHAM", True),
        ("ılıq", "ILIQ", True),
        ("Gu\u0308ney", "GÜNEY", True),  # decomposed ü
        ("i\u0307lham", "İlham", True),
        ("Straße", "STRASSE", True),
    ],
)
def test_casefold_matching(a: str, b: str, same: bool) -> None:
    assert (az.casefold(a) == az.casefold(b)) is same


@pytest.mark.parametrize("func", [az.upper, az.lower, az.title, az.casefold])
def test_non_str_is_rejected(func: object) -> None:
    with pytest.raises(TypeError, match="takes a str, not int"):
        func(5)  # type: ignore[operator]


@given(st.text(alphabet=AZ_LOWER + " -", max_size=40))
def test_lower_upper_round_trip(text: str) -> None:
    assert az.lower(az.upper(text)) == text


@given(st.text(alphabet=AZ_UPPER + " -", max_size=40))
def test_upper_lower_round_trip(text: str) -> None:
    assert az.upper(az.lower(text)) == text


@given(az_text)
def test_case_mapping_keeps_length_and_is_idempotent(text: str) -> None:
    assert len(az.upper(text)) == len(text) == len(az.lower(text))
    assert az.upper(az.upper(text)) == az.upper(text)
    assert az.lower(az.lower(text)) == az.lower(text)
    assert az.casefold(az.upper(text)) == az.casefold(az.lower(text)) == az.casefold(text)


@given(az_text)
def test_title_is_idempotent(text: str) -> None:
    assert az.title(az.title(text)) == az.title(text)


def test_alphabet_constants() -> None:
    assert len(az.ALPHABET) == len(az.UPPER_ALPHABET) == 32
    assert az.upper(az.ALPHABET) == az.UPPER_ALPHABET
    assert az.lower(az.UPPER_ALPHABET) == az.ALPHABET
    assert az.VOWELS == az.BACK_VOWELS | az.FRONT_VOWELS
    assert set(az.VOWELS) == set("aıoueəiöü")


@given(st.text(alphabet="iıIİzZa\u0307 ", max_size=20))
def test_no_dot_after_an_i_in_any_mapping(text: str) -> None:
    for func in (az.lower, az.upper, az.casefold):
        out = func(text)
        assert not any(out[k + 1] == "\u0307" and out[k] in "iıIİ" for k in range(len(out) - 1))
