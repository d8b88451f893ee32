"""URL slugs: Azerbaijani folding, English romanisation, Unicode mode, length, idempotence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import slugify, use_language
from diplolib.errors import UnsupportedLanguageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Şirvan düzü", "sirvan-duzu"),
        ("İlham Əliyev", "ilham-eliyev"),
        ("Xarici İşlər Nazirliyi", "xarici-isler-nazirliyi"),
        ("Qarabağ Azərbaycandır!", "qarabag-azerbaycandir"),
        ("ILIQ SU", "iliq-su"),
        ("Gəncədə 2024-cü il", "gencede-2024-cu-il"),
        ("  --Bakı--  ", "baki"),
        ("Heydər Əliyev Mərkəzi’ndə", "heyder-eliyev-merkezinde"),
        ("Zürich, Straße", "zurich-strasse"),
        ("G\u04d9nc\u04d9", "gence"),  # look-alikes are fixed first
        ("Москва", ""),  # nothing foldable to ASCII
        ("", ""),
    ],
)
def test_azerbaijani(text: str, expected: str) -> None:
    assert slugify(text, lang="az") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Summit in Gəncə and Qarabağ", "summit-in-ganja-and-karabakh"),
        ("Heydər Əliyev's legacy", "heydar-aliyevs-legacy"),
        ("Şirvan düzü", "shirvan-duzu"),
        ("Quba carpets", "quba-carpets"),  # English text: its ASCII words are not guessed at
        ("Café Zürich", "cafe-zurich"),
        ("Baku Energy Week 2025", "baku-energy-week-2025"),
        # Azerbaijani text: every word is spelled as az.romanize spells it.
        ("Qax, Quba və Qusar", "gakh-guba-va-gusar"),
        ("2024-cü il", "2024-ju-il"),
        ("Cəfərov Qazaxda", "jafarov-gazakhda"),
        ("Prezident İlham Əliyev Qazaxda", "prezident-ilham-aliyev-gazakhda"),
        ("Xəzər dənizi", "caspian-sea"),  # gazetteer
        ("COP29 Bakıda", "cop29-bakida"),  # an abbreviation keeps its letters
        ("Xi Jinping visits Bakı", "xi-jinping-visits-baku"),  # English text
    ],
)
def test_english(text: str, expected: str) -> None:
    assert slugify(text, lang="en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Şirvan düzü", "az", "şirvan-düzü"),
        ("İSMAYILLI RAYONU", "az", "ismayıllı-rayonu"),
        ("IBM in İstanbul", "en", "ibm-in-istanbul"),
        ("Москва и Баку", "az", "москва-и-баку"),
        ("Gu\u0308ney", "az", "güney"),
    ],
)
def test_unicode(text: str, lang: str, expected: str) -> None:
    assert slugify(text, lang=lang, unicode=True) == expected


def test_language_comes_from_the_context() -> None:
    with use_language("az"):
        assert slugify("Şəki") == "seki"
    with use_language("en"):
        assert slugify("Şəki") == "shaki"


def test_max_length_cuts_at_a_hyphen() -> None:
    text = "Azərbaycan Respublikasının Xarici İşlər Nazirliyi bəyanat yayıb"
    assert slugify(text, lang="az", max_length=30) == "azerbaycan-respublikasinin"
    assert slugify(text, lang="az", max_length=26) == "azerbaycan-respublikasinin"
    assert slugify(text, lang="az", max_length=5) == "azerb"
    assert len(slugify(" ".join([text] * 5), lang="az")) <= 80
    assert slugify(" ".join([text] * 5), lang="az", max_length=None).count("-") == 34


@pytest.mark.parametrize("bad", [0, -3, True])
def test_bad_max_length(bad: int) -> None:
    with pytest.raises(ValueError, match="max_length must be a positive int or None"):
        slugify("Bakı", lang="az", max_length=bad)


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="slugify\\(\\) takes a str, not int"):
        slugify(5)  # type: ignore[arg-type]
    with pytest.raises(UnsupportedLanguageError):
        slugify("Bakı", lang="fr")


texts = st.text(max_size=60)
options = st.fixed_dictionaries(
    {
        "lang": st.sampled_from(["az", "en"]),
        "unicode": st.booleans(),
        "max_length": st.sampled_from([None, 1, 7, 30, 80]),
    }
)


@given(texts, options)
def test_idempotent(text: str, kwargs: dict[str, object]) -> None:
    once = slugify(text, **kwargs)  # type: ignore[arg-type]
    assert slugify(once, **kwargs) == once  # type: ignore[arg-type]
    limit = kwargs["max_length"]
    if isinstance(limit, int):
        assert len(once) <= limit
    assert not once.startswith("-")
    assert not once.endswith("-")
    assert "--" not in once


@pytest.mark.parametrize(
    "text",
    [
        "Qax, Quba və Qusar",
        "2024-cü il",
        "Quba carpets",
        "Summit in Gəncə and Qarabağ",
        "Şəki Xan Sarayı",
        "Naxçıvan Muxtar Respublikası",
        "Xankəndi, Xocalı və Xocavənd",
        "Cənubi Qafqaz",
    ],
)
def test_english_slug_agrees_with_romanize(text: str) -> None:
    from diplolib import az

    assert slugify(text, lang="en") == slugify(az.romanize(text, assume_az=None), lang="en")


@given(st.text(alphabet="abcçdeəfgğhxıijkqlmnoöprsştuüvyzQXCŞ ,-", max_size=40))
def test_english_slug_is_the_slug_of_the_romanised_text(text: str) -> None:
    from diplolib import az

    romanised = az.romanize(text, assume_az=None)
    assert slugify(text, lang="en") == slugify(romanised, lang="en")


@given(texts, st.sampled_from(["az", "en"]))
def test_ascii_slugs_are_ascii(text: str, lang: str) -> None:
    assert re.fullmatch(r"[a-z0-9-]*", slugify(text, lang=lang))


@pytest.mark.parametrize("bad", ["3", 2.5, 0, -1, True])
def test_max_length_must_be_a_positive_int(bad: object) -> None:
    with pytest.raises(ValueError, match="max_length must be a positive int or None"):
        slugify("Şirvan düzü", max_length=bad)  # type: ignore[arg-type]
