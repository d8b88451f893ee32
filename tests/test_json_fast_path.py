"""The JSON fast path of content validation gives the full validation's result or error.

``ContentItem.model_validate_json`` and ``validate_item_json`` validate most documents
in pydantic-core alone; every test here compares them with the full, unchanged schema
(``Model.__pydantic_validator__`` and ``item_adapter()``): the same item, or the same
error with the same message.
"""

from __future__ import annotations

import copy
import json
import pickle
import unicodedata
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError

from diplolib import Article, LocalizedText, Place, load_sample_library
from diplolib.languages import (
    LanguageName,
    LanguageSpec,
    register_language,
    unregister_language,
)
from diplolib.models import item_adapter, validate_item_json
from diplolib.text import json_is_settled, register_text_validator
from diplolib.text_rules import TextRules

SEED_ID = "kazakhstan-azerbaijan-strategic-partner"
CORE_STRIP: TypeAdapter[str] = TypeAdapter(Annotated[str, StringConstraints(strip_whitespace=True)])


def seed_document() -> dict[str, Any]:
    seed = load_sample_library().get(SEED_ID)
    document: dict[str, Any] = json.loads(seed.model_dump_json(exclude_defaults=True))
    return document


def outcome(validate: Any, raw: str | bytes) -> tuple[str, Any]:
    try:
        item = validate(raw)
    except ValidationError as exc:
        # exceptions in an error's context compare by identity: compare their text
        errors = [
            {**error, "ctx": {k: str(v) for k, v in error.get("ctx", {}).items()}}
            for error in exc.errors(include_url=False)
        ]
        return "error", (str(exc), exc.title, errors)
    assert isinstance(item, BaseModel)
    return "item", (type(item), item.model_dump(mode="json"), item.model_fields_set, item)


def assert_same(raw: str | bytes) -> tuple[str, Any]:
    """Both entry points agree with the full validation; return its outcome."""
    full = outcome(Article.__pydantic_validator__.validate_json, raw)
    assert outcome(Article.model_validate_json, raw) == full
    assert outcome(validate_item_json, raw) == outcome(item_adapter().validate_json, raw)
    return full


def with_title(text: dict[str, Any] | Any, key: str = "title") -> str:
    document = seed_document()
    document[key] = text
    return json.dumps(document, ensure_ascii=False)


def test_the_sample_library_takes_the_fast_path_and_loads_the_same() -> None:
    for item in load_sample_library():
        raw = item.model_dump_json().encode()
        assert json_is_settled(raw), item.id
        fast = validate_item_json(raw)
        assert fast == item_adapter().validate_json(raw) == item
        assert fast.model_dump_json() == item.model_dump_json()


def test_the_fast_path_builds_localized_texts_like_the_full_one() -> None:
    fast = Article.model_validate_json(with_title({"az": " Bakı ", "en": "Baku"}))
    full = Article.__pydantic_validator__.validate_json(with_title({"az": " Bakı ", "en": "Baku"}))
    assert type(fast.title) is LocalizedText
    assert repr(fast.title) == repr(full.title) == "LocalizedText(en='Baku', az='Bakı')"
    assert hash(fast.title) == hash(full.title)
    assert fast.title.replace(en="B") == full.title.replace(en="B")
    assert pickle.loads(pickle.dumps(fast.title)) == copy.deepcopy(fast.title) == full.title
    assert fast.title.languages() == ("en", "az")
    assert fast.title.require("az") == "Bakı"
    with pytest.raises(AttributeError):
        fast.title.x = 1  # type: ignore[attr-defined]


TITLES: list[Any] = [
    {"en": "Plain ASCII title"},
    {"en": "  padded  ", "az": "\tBakı\n"},
    {"en": "Title", "az": ""},
    {"en": "Title", "az": "   "},
    {"en": "Title", "az": None},
    {"en-GB": "British spelling"},
    {"EN": "Upper-case key", "az_AZ": "Bakı"},
    {"en": "Title", "en-US": "Twice"},
    {"en": "Title", "fr": "Titre"},
    {"en": 5},
    {"en": ["a"]},
    "a bare string",
    ["a", "list"],
    None,
    {},
    {"en": "Title", "az": "B\u04d9k\u0131"},  # Cyrillic schwa
    {"en": "Title", "az": "G\u01ddnc\u01dd"},  # turned e
    {"en": "Title", "az": "Ba\u0441ku"},  # Cyrillic es inside a Latin word
    {"en": "Title", "az": "\u0411\u0430\u043a\u0443"},  # a Cyrillic word
    {"en": "Title", "az": "Xəzər \u0251"},  # Latin alpha
    {"en": "Title", "az": "I\u0307stanbul"},  # combining dot above
    {"en": "Cafe\u0301 (decomposed)"},
    {"en": "En\u2000quad and em\u2001quad"},
    {"en": "Ohm \u2126 and Kelvin \u212a"},
    {"en": "\x1cseparators\x1f"},
    {"en": 'Quoted "straight" and “curly” – dash … ellipsis € ₼ № ™'},
    {"en": "Café São Paulo Šefčovič Łódź Ñandú"},
    {"en": "Кириллица is fine in English"},
    {"en": "Ελληνικά and 中文 and العربية"},
    {"en": "Title", "az": "Azərbaycan «Xəzər» – İlham Əliyev, Şuşa, Gəncə, Göyçay"},
]


@pytest.mark.parametrize("title", TITLES, ids=repr)
def test_titles_give_the_full_validations_result_or_error(title: Any) -> None:
    assert_same(with_title(title))


def test_escaped_text_gives_the_same_result() -> None:
    for title in TITLES:
        raw = with_title(title).replace("\u00a0", " ")
        ascii_only = json.dumps(json.loads(raw), ensure_ascii=True)  # every non-ASCII as \\uXXXX
        assert_same(ascii_only)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Upper-Case"),
        ("id", " padded-id "),
        ("id", "a" * 121),
        ("id", "-dash"),
        ("slug", {"en": "azerbaijan--partner"}),
        ("slug", {"en": "Azerbaijan"}),
        ("slug", {"en": "azərbaycan-tərəfdaşı", "az": "azərbaycan"}),
        ("slug", {"en": "a" * 201}),
        ("slug", {"en-GB": "british"}),
        ("slug", {}),
        ("slug", {"xx": "unknown-language"}),
        ("translations", {"AZ": "translated"}),
        ("translations", {"az": "done"}),
        ("original_language", "EN"),
        ("original_language", "az"),
        ("original_language", "xx"),
        ("mentions", ["ok", "Not OK"]),
        ("related", ["kazakhstan-azerbaijan-strategic-partner"]),
        ("published", "2017-03-02T11:30:00"),
        ("comment_count", -1),
        ("unexpected", 1),
        ("lead", {"en": "Lead", "az": "Bәkı"}),
        ("body", [{"en": "One"}, {"az": "B\u04d9k\u0131"}, "bare"]),
        ("tags", [{"en": "tag"}, {"en": None}]),
        ("section", {"id": "Bad Id", "name": {"en-GB": "Section"}}),
        ("authors", [{"person": "beybit-isabayev", "role": {"az": "Səfir\u0307"}}]),
        ("source", {"publication": {"en": "P"}, "url": "ftp://x", "published": "2018-13"}),
    ],
)
def test_other_fields_give_the_full_validations_result_or_error(field: str, value: Any) -> None:
    document = seed_document()
    document[field] = value
    assert_same(json.dumps(document, ensure_ascii=False))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "{",
        "[]",
        '{"type": "article"}',
        '{"type": "person", "id": "x", "given": {"az": "Vaqif"}}',
        '{"type": "place", "id": "baku", "kind": "city", "name": {"az": "Bakı", "az": "Baki"}}',
        '{"type": "event", "id": "e", "name": {"en": "E"}, "start": "2010", "end": "2009"}',
        '\ufeff{"type": "place", "id": "baku", "kind": "city", "name": {"az": "Bakı"}}',
    ],
)
def test_other_documents_give_the_full_validations_result_or_error(raw: str) -> None:
    for data in (raw, raw.encode()):
        assert outcome(validate_item_json, data) == outcome(item_adapter().validate_json, data)


def test_hooks_take_effect_on_the_fast_path() -> None:
    raw = with_title({"en": "SHOUTING TITLE", "az": "Başlıq"})

    def no_shouting(lang: str, value: str) -> str:
        if value.isupper():
            raise ValueError("value is all capitals")
        return value

    def calm(lang: str, value: str) -> str:
        return value.replace("SHOUTING", "Calm")

    for hook in (no_shouting, calm):
        remove = register_text_validator(hook)
        try:
            assert not json_is_settled(raw.encode())
            kind, result = assert_same(raw)
        finally:
            remove()
        assert kind == ("error" if hook is no_shouting else "item")
        if hook is calm:
            assert result[-1].title.get("en") == "Calm TITLE"
    assert Article.model_validate_json(raw).title.get("en") == "SHOUTING TITLE"


def test_validation_context_and_options_take_the_full_path() -> None:
    raw = with_title({"en": "Title", "az": "G\u04d9nc\u04d9"})
    with pytest.raises(ValidationError, match="look-alike"):
        Article.model_validate_json(raw)
    fixed = Article.model_validate_json(raw, context={"normalize_az": True})
    assert fixed.title.get("az") == "Gəncə"
    with pytest.raises(ValidationError):
        Article.model_validate_json(with_title({"en": "T"}), strict=True, context={"x": 1})


class ShoutingRules(TextRules):
    """Rules whose check the scan cannot know: every document gets the text-by-text check."""

    def check(self, value: str) -> str:
        if value.isupper():
            raise ValueError("no shouting")
        return value


def test_a_registered_language_with_its_own_check_is_honoured() -> None:
    register_language(
        LanguageSpec(
            code="tt",
            locale="tt",
            scripts=("Latn",),
            plural_forms="nplurals=1; plural=0;",
            names={"tt": LanguageName("Tatarça", "tatarça")},
            rules=ShoutingRules(),
        )
    )
    try:
        assert not json_is_settled(b'{"en": "x"}')
        for text in ({"en": "Title", "tt": "Ok"}, {"en": "Title", "tt": "LOUD"}):
            kind, _ = assert_same(with_title(text))
            assert kind == ("item" if text["tt"] == "Ok" else "error")
    finally:
        unregister_language("tt")
    assert json_is_settled(b'{"en": "x"}')


def canonical_second_elements() -> set[str]:
    """Characters that NFC may compose with the character before them."""
    found = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(chr(int(parts[1], 16)))
    return found


def validation_may_change(char: str, composable: set[str]) -> bool:
    """Whether validating a text holding ``char`` may give other than pydantic-core's stripped text."""
    for text in (f"a{char}b", f"{char}x{char}"):
        try:
            full = LocalizedText.validate({"en": text, "az": text}).to_dict()
        except ValueError:
            return True
        stripped = CORE_STRIP.validate_python(text)
        if full != {"en": stripped, "az": stripped}:
            return True
    return unicodedata.combining(char) != 0 or char in composable


def test_the_scan_passes_no_character_that_validation_may_change() -> None:
    composable = canonical_second_elements()
    passed = []
    for code in (*range(0x20, 0x80), *range(0x80, 0x300), *range(0x2000, 0x3000)):
        char = chr(code)
        document = json.dumps({"en": f"a{char}b", "az": f"x{char}"}, ensure_ascii=False)
        if json_is_settled(document.encode()):
            passed.append(char)
            assert not validation_may_change(char, composable), f"U+{code:04X}"
    # and the scan is useful: the letters and punctuation of English and Azerbaijani pass
    assert set("abcxyzçÇöÖüÜğĞıİşŞəƏ«»–—‘’“”„…•€₼№™ \u00a0\u2009") <= set(passed)


def not_scanned() -> Iterator[str]:
    for code in range(0x300, 0x110000, 7):
        if not (0x2000 <= code < 0x3000 or 0xD800 <= code < 0xE000):
            yield chr(code)


def test_the_scan_sends_every_other_script_to_the_exact_check() -> None:
    for char in not_scanned():
        assert not json_is_settled(f'{{"en": "a{char}"}}'.encode()), f"U+{ord(char):04X}"


def test_the_scan_sends_unicode_escapes_to_the_exact_check() -> None:
    assert json_is_settled(rb'{"en": "a \"quoted\" \\ back\/slash\n"}')
    assert not json_is_settled(rb'{"en": "caf\u00e9"}')
    assert not json_is_settled(rb'{"en": "a \"quote\" then \u0041"}')
    assert json_is_settled(rb'{"en": "an escaped backslash \\u"}')
    assert not json_is_settled(b'{"en": "a\x1cb"}')


ALPHABET = (
    "abcXYZ 09-.,\"'\\/\n\t"
    "çöüğışəÇÖÜĞİŞƏ«»–—“”…€₼№\u00a0\u2009"
    "\u04d9\u04d8\u01dd\u018e\u0251\u0261\u0307\u0301\u0441\u0430\u2000\u2001\u2126\u212b\x1c\x1f"
)


@settings(max_examples=300, deadline=None)
@given(
    en=st.text(ALPHABET, max_size=12),
    az=st.one_of(st.none(), st.text(ALPHABET, max_size=12)),
    ensure_ascii=st.booleans(),
)
def test_any_text_gives_the_full_validations_result_or_error(
    en: str, az: str | None, ensure_ascii: bool
) -> None:
    document = seed_document()
    document["title"] = {"en": en or "x", "az": az}
    document["body"] = [{"az": az or ""}, {"en": en}]
    raw = json.dumps(document, ensure_ascii=ensure_ascii)
    assert_same(raw)
    assert_same(raw.encode())


def test_places_and_people_through_the_item_loader() -> None:
    for raw in (
        '{"type": "place", "id": "qax", "kind": "district", "name": {"az": "Qax"}, "country": "azerbaijan"}',
        '{"type": "place", "id": "qax", "kind": "district", "name": {"az": "Qa\u0445"}}',
        '{"type": "person", "id": "v", "given": {"az": "Vaqif"}, "positions": [{"title": {"en": "Minister"}, "start": "2004", "end": "2020"}]}',
        '{"type": "person", "id": "v", "given": {"az": "Vaqif"}, "positions": [{"title": {"en": "M"}, "start": "2020", "end": "2004"}]}',
    ):
        assert outcome(validate_item_json, raw) == outcome(item_adapter().validate_json, raw)
    assert isinstance(validate_item_json(raw.replace("2020", "2001", 1)), BaseModel)
    assert Place.model_validate_json('{"id": "x", "kind": "city", "name": {"en": "X"}}').id == "x"
