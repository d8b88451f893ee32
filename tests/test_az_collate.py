"""Azerbaijani collation: alphabet order, levels, total order, agreement with ICU."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib import az

ALPHABET_WORDS = list(az.ALPHABET)
letters = az.ALPHABET + az.UPPER_ALPHABET + "wW"
az_text = st.text(alphabet=letters + " -", max_size=8)


def ordered(words: list[str]) -> list[str]:
    return sorted(words, key=az.sort_key)


def test_the_alphabet_sorts_in_its_own_order() -> None:
    shuffled = sorted(ALPHABET_WORDS)  # code point order, wrong for several letters
    assert shuffled != ALPHABET_WORDS
    assert ordered(shuffled) == ALPHABET_WORDS
    assert ordered([az.upper(w) for w in shuffled]) == [az.upper(w) for w in ALPHABET_WORDS]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("hava", "xalq"),  # x right after h
        ("xalq", "ılıq"),
        ("ılıq", "iki"),  # dotless ı before dotted i
        ("Ilısu", "İsmayıllı"),
        ("kitab", "qala"),  # q right after k
        ("qala", "lalə"),
        ("ev", "əl"),  # ə after e
        ("əl", "fayl"),
        ("cavan", "çay"),  # each diacritic letter right after its base
        ("çay", "dağ"),
        ("gül", "ğ"),
        ("ğ", "hava"),
        ("oba", "ölkə"),
        ("sürət", "şəhər"),
        ("uşaq", "ürək"),
        ("ağ", "ah"),
        ("ah", "ax"),
        ("ax", "aq"),
        ("zəng", "wiki"),  # CLDR puts w after z for Azerbaijani
        ("Bakı", "Bakı şəhəri"),  # a prefix first
        ("Bakı şəhəri", "Bakıda"),  # space sorts before letters
        ("Bakı-Tbilisi", "Bakıda"),
        ("2017", "Bakı"),  # digits before letters
        ("1", "10"),
        ("10", "2"),  # digit by digit, as ICU does without numeric ordering
        ("zirvə", "Баку"),  # Cyrillic after Latin
        ("Баку", "Αθήνα"),  # then other scripts
        ("e", "é"),  # accents at the second level
        ("é", "è"),
        ("è", "əl"),
        ("ilham", "İlham"),  # case at the third level, lower first
        ("ılham", "Ilham"),
        ("Ilham", "ilham"),  # ...but the first level decides first
        ("ab", "aB"),
        ("aB", "Ab"),
    ],
)
def test_pairs(before: str, after: str) -> None:
    assert az.sort_key(before) < az.sort_key(after)
    assert ordered([after, before]) == [before, after]


PLACES = [
        "Ağcabədi", "Ağdam", "Ağdaş", "Ağstafa", "Ağsu", "Astara", "Babək", "Bakı", "Balakən",
        "Beyləqan", "Bərdə", "Biləsuvar", "Cəbrayıl", "Cəlilabad", "Culfa", "Daşkəsən", "Füzuli",
        "Gədəbəy", "Gəncə", "Goranboy", "Göyçay", "Göygöl", "Hacıqabul", "Xaçmaz", "Xankəndi",
        "Xırdalan", "Xızı", "Xocalı", "Xocavənd", "İmişli", "İsmayıllı", "Kəlbəcər", "Kəngərli",
        "Kürdəmir", "Qax", "Qazax", "Qəbələ", "Qobustan", "Quba", "Qubadlı", "Qusar", "Laçın",
        "Lerik", "Lənkəran", "Masallı", "Mingəçevir", "Naftalan", "Naxçıvan", "Neftçala", "Oğuz",
        "Ordubad", "Saatlı", "Sabirabad", "Salyan", "Samux", "Sədərək", "Siyəzən", "Sumqayıt",
        "Şabran", "Şahbuz", "Şamaxı", "Şəki", "Şəmkir", "Şərur", "Şirvan", "Şuşa", "Tərtər",
    "Tovuz", "Ucar", "Yardımlı", "Yevlax", "Zaqatala", "Zəngilan", "Zərdab",
]  # fmt: skip


def test_place_names_in_dictionary_order() -> None:
    assert ordered(list(reversed(PLACES))) == PLACES


def test_decomposed_text_sorts_as_composed() -> None:
    composed, decomposed = "Gün", "Gu\u0308n"
    assert az.sort_key(composed).split("\0")[:3] == az.sort_key(decomposed).split("\0")[:3]
    assert az.sort_key(composed) != az.sort_key(decomposed)  # still a total order


def test_ignorable_characters() -> None:
    assert az.sort_key("Ba\u00adkı").split("\0")[:3] == az.sort_key("Bakı").split("\0")[:3]


def test_unusual_characters_get_a_place() -> None:
    sample = [
        "a",
        "\u0301",
        "€",
        "₼",
        "«",
        "\t",
        "中",
        "\U0001f600",
        "\ue000",
        "ǝ",
        "Ǝ",
        "ß",
        "æ",
        "Ø",
        "ł",
    ]
    keys = [az.sort_key(s) for s in sample]
    assert len(set(keys)) == len(sample)
    assert ordered(sample) == ordered(list(reversed(sample)))


def test_non_str_is_rejected() -> None:
    with pytest.raises(TypeError, match="sort_key\\(\\) takes a str, not bytes"):
        az.sort_key(b"abc")  # type: ignore[arg-type]


@given(az_text, az_text)
def test_keys_are_equal_only_for_equal_strings(a: str, b: str) -> None:
    assert (az.sort_key(a) == az.sort_key(b)) is (a == b)


@given(st.lists(st.text(max_size=6), max_size=12))
def test_total_order_consistent_with_sorting(words: list[str]) -> None:
    keys = [az.sort_key(w) for w in words]
    result = ordered(words)
    assert [az.sort_key(w) for w in result] == sorted(keys)
    assert ordered(result) == result
    assert ordered(list(reversed(words))) == result  # no ties between distinct strings


@given(az_text, az_text, az_text)
def test_transitive(a: str, b: str, c: str) -> None:
    ka, kb, kc = az.sort_key(a), az.sort_key(b), az.sort_key(c)
    if ka <= kb and kb <= kc:
        assert ka <= kc


# --- agreement with ICU's Azerbaijani collator (test-only dependency) -------------------

# Only the tests that compare with ICU need it: the module's other tests run without it.
try:
    import icu
except ImportError:  # pragma: no cover - depends on the environment
    icu = None

needs_icu = pytest.mark.skipif(icu is None, reason="PyICU (pyicu-wheels) is not installed")


@functools.cache
def icu_collator() -> object:
    return icu.Collator.createInstance(icu.Locale("az"))


def icu_sign(a: str, b: str) -> int:
    return int(icu_collator().compare(a, b))  # type: ignore[attr-defined]


def our_sign(a: str, b: str) -> int:
    ka, kb = az.sort_key(a), az.sort_key(b)
    return (ka > kb) - (ka < kb)


@needs_icu
@settings(max_examples=400)
@given(az_text, az_text)
def test_agrees_with_icu_on_azerbaijani_text(a: str, b: str) -> None:
    expected = icu_sign(a, b)
    if expected != 0:  # ICU calls distinct strings equal only past its third level
        assert our_sign(a, b) == expected


@pytest.mark.parametrize(
    "words",
    [
        ALPHABET_WORDS,
        ["Ilham", "İlham", "ilham", "ılham", "Ilıq", "ılıq", "İki", "iki"],
        ["a", "á", "à", "â", "å", "ä", "ã", "ae", "æ", "af", "b", "ə"],
        ["o", "ó", "ø", "oe", "œ", "ö", "ss", "ß", "st"],
        ["a 1", "a b", "a_b", "a-b", "a,b", "a.b", "a(b", "a1", "ab"],
        ["Баку", "Bakı", "Αθήνα", "中国", "z", "w"],
        PLACES,
        [
            "Xəzər",
            "Həsən",
            "Hüseyn",
            "Xocalı",
            "Qəbələ",
            "Kəlbəcər",
            "Çin",
            "Cəlil",
            "Şəki",
            "Sumqayıt",
        ],
    ],
)
@needs_icu
def test_word_lists_match_icu(words: list[str]) -> None:
    expected = sorted(words, key=icu_collator().getSortKey)  # type: ignore[attr-defined]
    assert ordered(words) == expected


def test_keys_stay_right_when_the_table_cache_is_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplolib.az import _collate

    words = ["Ωmega", "Ägypten", "Ǆemal", "ŋa", "ǝl", "Bakı"]
    expected = [az.sort_key(w) for w in words]
    known = len(_collate._KNOWN)
    monkeypatch.setattr(_collate, "_CACHE_LIMIT", known)
    fresh = ["\u0f40", "\u10d0\u10d1", "Ꭰ"]  # characters the tables have not met
    keys = [az.sort_key(w) for w in fresh]
    assert len(_collate._KNOWN) == known  # nothing was stored
    assert [az.sort_key(w) for w in words] == expected
    assert keys == [az.sort_key(w) for w in fresh]


def test_plain_characters_have_no_accent_weight() -> None:
    from diplolib.az import _collate

    for char in _collate._PLAIN:
        assert _collate._weigh(char)[1] == _collate._COMMON, char


@needs_icu
@pytest.mark.slow
@settings(max_examples=20_000, deadline=None)
@given(
    st.text(alphabet=letters + " -.,0123456789", max_size=12),
    st.text(alphabet=letters + " -.,0123456789", max_size=12),
)
def test_agrees_with_icu_long_run(a: str, b: str) -> None:
    expected = icu_sign(a, b)
    if expected != 0:
        assert our_sign(a, b) == expected


def general_key(text: str) -> str:
    """The key through the translate tables, the path for text beyond the plain characters."""
    import unicodedata

    from diplolib.az import _collate

    nfc = unicodedata.normalize("NFC", text)
    tables = _collate._learn(set(nfc))
    tie = text.encode("utf-8", "surrogatepass").decode("latin-1")
    return "\0".join((*(nfc.translate(table) for table in tables), tie))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=letters + " -.,;:!?«»()\"'0123456789\t\0" + letters.upper(), max_size=20))
def test_plain_text_keys_equal_the_general_path(text: str) -> None:
    assert az.sort_key(text) == general_key(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=letters + " -.,0123456789" + "éÀçÇñøæ€✓中Жж" + letters.upper(), max_size=8
        ),
        max_size=12,
    )
)
def test_plain_and_other_texts_sort_together_consistently(words: list[str]) -> None:
    # The fast path (plain characters only) and the general path build keys in one
    # weight space: sorting by either gives the same order.
    assert sorted(words, key=az.sort_key) == sorted(words, key=general_key)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=6), st.text(max_size=6))
def test_texts_equal_at_every_level_fall_back_to_code_point_order(a: str, b: str) -> None:
    if az.sort_key(a).split("\0")[:3] == az.sort_key(b).split("\0")[:3]:
        assert (az.sort_key(a) < az.sort_key(b)) == (a < b)


def test_every_primary_weight_class_keeps_its_place() -> None:
    # listed space < other space < listed punctuation < other punctuation < symbols
    # < digits < letters (ñ weighs as n) < other scripts
    chars = [" ", "\u2003", ",", "€", "\u2e18", "♥", "0", "٣", "a", "ñ", "z", "w", "Ж", "中"]
    primaries = [az.sort_key(c).split("\0")[0] for c in chars]
    assert primaries == sorted(primaries)
    assert len(set(primaries)) == len(primaries)
    # an Arabic-Indic digit weighs as its ASCII digit, ñ as n, at the primary level
    assert az.sort_key("٣").split("\0")[0] == az.sort_key("3").split("\0")[0]
    assert az.sort_key("ñ").split("\0")[0] == az.sort_key("n").split("\0")[0]


def test_text_of_plain_characters_is_already_nfc() -> None:
    # sort_key skips normalisation for text of plain characters only: no such
    # character decomposes, and none combines with another.
    import unicodedata

    from diplolib.az import _collate

    plain = sorted(_collate._PLAIN)
    for char in plain:
        assert unicodedata.decomposition(char) == "" or unicodedata.normalize("NFC", char) == char
        assert unicodedata.combining(char) == 0, char
    for a in plain:
        for b in plain:
            assert unicodedata.is_normalized("NFC", a + b), (a, b)
