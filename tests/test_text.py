from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from diplolib import LocalizedText, MissingTranslationError, UnsupportedLanguageError, use_language
from diplolib.text import find_confusables, register_text_validator


class Doc(BaseModel):
    title: LocalizedText
    lead: LocalizedText = LocalizedText()


def test_three_states_are_distinct() -> None:
    text = LocalizedText(en="Lead", az="")
    assert text.get("az") == ""
    assert not text.resolve("az").is_fallback
    assert text.missing() == ()
    assert text.is_empty("az")
    absent = LocalizedText(en="Lead")
    assert absent.missing() == ("az",)
    assert absent.resolve("az").is_fallback
    assert absent.get("az", fallback=False) is None


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Bakı \n", "Bakı"),
        ("Gu\u0308ney", "Güney"),  # decomposed ü is composed
        ("Ş\u0327", unicodedata.normalize("NFC", "Ş\u0327")),
        ("\t\n ", ""),  # whitespace only is explicitly empty
    ],
)
def test_values_are_nfc_and_stripped(raw: str, stored: str) -> None:
    assert LocalizedText(az=raw).get("az", fallback=False) == stored


def test_fallback_default_order_both_ways() -> None:
    only_az = LocalizedText(az="Çap et")
    only_en = LocalizedText(en="Print")
    assert only_az.resolve("en").lang == "az"
    assert only_en.resolve("az").lang == "en"


def test_fallback_explicit_and_off() -> None:
    text = LocalizedText(en="Print")
    assert text.get("az", fallback=["en"]) == "Print"
    assert text.get("az", fallback=[]) is None
    assert text.get("az", fallback=False, default="–") == "–"
    with pytest.raises(TypeError):
        text.get("az", fallback="en")  # type: ignore[arg-type]


def test_resolve_uses_current_language() -> None:
    text = LocalizedText(en="Print", az="Çap et")
    assert text.resolve().requested == "en"
    with use_language("az"):
        assert str(text) == "Çap et"
        assert text.resolve().lang == "az"


def test_resolve_nothing_anywhere() -> None:
    resolved = LocalizedText().resolve("az")
    assert resolved.value is None
    assert resolved.lang is None
    assert not resolved.is_fallback


def test_require_is_strict_and_names_field() -> None:
    with pytest.raises(MissingTranslationError, match="field 'lead' has no 'az' value"):
        LocalizedText(en="x").require("az", field="lead")
    assert LocalizedText(az="").require("az") == ""
    assert isinstance(MissingTranslationError("x"), LookupError)


def test_keys_are_normalised_and_duplicates_rejected() -> None:
    assert LocalizedText({"az-AZ": "Bakı", "en_GB": "Baku"}).to_dict() == {
        "en": "Baku",
        "az": "Bakı",
    }
    with pytest.raises(ValueError, match="given twice"):
        LocalizedText({"az": "a", "az-AZ": "b"})
    with pytest.raises(UnsupportedLanguageError, match="'fr'"):
        LocalizedText({"fr": "Imprimer"})


def test_value_semantics() -> None:
    a = LocalizedText(en="Print", az="Çap et")
    b = LocalizedText({"az": "Çap et", "en": "Print"})
    assert a == b
    assert hash(a) == hash(b)
    assert {a, b} == {a}
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(AttributeError):
        a.foo = 1  # type: ignore[attr-defined]
    assert "az" in a
    assert "az-AZ" in a
    assert "fr" not in a
    assert dict(a) == {"en": "Print", "az": "Çap et"}
    assert a.replace(az=None) == LocalizedText(en="Print")


def test_pydantic_field_round_trip() -> None:
    doc = Doc.model_validate({"title": {"en": "Print", "az": "Çap et"}, "lead": {"az": ""}})
    dumped = doc.model_dump_json()
    assert dumped == '{"title":{"en":"Print","az":"Çap et"},"lead":{"az":""}}'
    assert Doc.model_validate_json(dumped) == doc


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Print", "bare string"),
        (["Print"], "got list"),
        ({"fr": "Imprimer"}, "unsupported language 'fr'"),
        ({"en": 5}, "must be a str, not int"),
        ({"az": "B\u04d9k\u0131"}, "look-alike letter 'ә' (U+04D9"),
        ({"az": "\u018eliyev"}, "U+018E"),
        ({"az": "\u018fliyev \u04d8"}, "U+04D8"),
    ],
)
def test_pydantic_errors_name_field_and_value(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Doc.model_validate({"title": value})
    error = info.value.errors()[0]
    assert error["loc"] == ("title",)
    assert message in error["msg"]


def test_cyrillic_schwa_is_fine_outside_az() -> None:
    # Kazakh words quoted in English text may legitimately use Cyrillic ә.
    assert LocalizedText.validate({"en": "Kazakh \u04d9"}).get("en") == "Kazakh \u04d9"


def test_validators_from_context_and_registry() -> None:
    def no_digits(lang: str, value: str) -> str:
        if any(c.isdigit() for c in value):
            raise ValueError("digits are not allowed here")
        return value

    with pytest.raises(ValidationError, match="az: digits are not allowed here"):
        Doc.model_validate({"title": {"az": "2017"}}, context={"text_validators": [no_digits]})
    assert Doc.model_validate({"title": {"az": "2017"}}).title.get("az") == "2017"

    remove = register_text_validator(lambda lang, v: v.replace("  ", " "))
    try:
        assert LocalizedText.validate({"en": "a  b"}).get("en") == "a b"
    finally:
        remove()
    assert LocalizedText.validate({"en": "a  b"}).get("en") == "a  b"


def test_json_schema() -> None:
    schema = Doc.model_json_schema()
    title = schema["properties"]["title"]
    assert title["type"] == "object"
    assert set(title["properties"]) == {"en", "az"}
    assert title["additionalProperties"] is False


def test_find_lookalikes_reports_each() -> None:
    from diplolib.az import find_lookalikes

    assert [f.position for f in find_lookalikes("\u04d9\u04d8\u01dd\u018e ə")] == [0, 1, 2, 3]
    with pytest.warns(DeprecationWarning, match="find_confusables"):
        assert [c[0] for c in find_confusables("\u04d9\u04d8\u01dd\u018e ə")] == [0, 1, 2, 3]


@given(st.dictionaries(st.sampled_from(["en", "az"]), st.text()))
def test_dict_round_trip_is_idempotent(values: dict[str, str]) -> None:
    text = LocalizedText(values)
    assert LocalizedText(text.to_dict()) == text
    for _lang, value in text:
        assert value == unicodedata.normalize("NFC", value).strip()
