"""Look-alike letters: finding, normalising, reporting, and the LocalizedText hooks."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from diplolib import LocalizedText, az
from diplolib.text import find_confusables, register_text_validator

CYR_SCHWA, CYR_SCHWA_CAP = "\u04d9", "\u04d8"
TURNED_E, TURNED_E_CAP = "\u01dd", "\u018e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{CYR_SCHWA_CAP}liyev", "Əliyev"),
        (f"G{CYR_SCHWA}nc{CYR_SCHWA}", "Gəncə"),
        (f"{TURNED_E_CAP}liyev", "Əliyev"),
        (f"G{TURNED_E}nc{TURNED_E}", "Gəncə"),
        (CYR_SCHWA, "ə"),  # a schwa alone has nothing foreign about it
        ("Gu\u0308ney", "Güney"),  # NFC
        ("S\u0327ək\u0131", "Şəkı"),
        ("i\u0307lham", "ilham"),  # str.lower's İ
        ("İLHAM".lower(), "ilham"),
        ("Bakı Хaçmaz", "Bakı Xaçmaz"),  # Cyrillic Х inside a Latin word
        ("Bаkı", "Bakı"),  # Cyrillic а
        ("Sumqаyıt", "Sumqayıt"),
        ("Сəlil", "Cəlil"),
        ("Αstara", "Astara"),  # Greek capital alpha
        ("Москва", "Москва"),  # a Cyrillic word is left alone
        ("Әлем", "Әлем"),  # Kazakh: the schwa belongs to a Cyrillic word
        ("әрі", "әрі"),  # Kazakh, every letter a look-alike: still Cyrillic
        ("Bakı və Москва", "Bakı və Москва"),
        ("Hämäläinen", "Hämäläinen"),  # ä is only a warning
        ("Bakı", "Bakı"),
        ("", ""),
        ("Baku 2024!", "Baku 2024!"),
        # Look-alikes the table lacked: Cyrillic к, ԁ, ѵ, ԝ, palochka; Greek α ι ν ρ υ; IPA ɡ ɑ.
        ("Baкı", "Bakı"),
        ("Bакı", "Bakı"),
        ("Leriк", "Lerik"),
        ("Ağԁam", "Ağdam"),
        ("Ѵətən", "Vətən"),
        ("ѵətən", "vətən"),
        ("Ӏsmayıllı", "Ismayıllı"),
        ("Göyɡöl", "Göygöl"),
        ("Qαzax", "Qazax"),
        ("Sumqayιt", "Sumqayıt"),
        ("Tοvuz", "Tovuz"),
        ("Şəmkiρ", "Şəmkip"),
        ("Naxçıνan", "Naxçıvan"),
        ("Ağsυ", "Ağsu"),
        ("Bɑkı", "Bakı"),
        # A word mixing Latin and Cyrillic letters: what has a Latin twin is replaced.
        ("Азәrbaycan", "Aзərbaycan"),
        (f"Bak{CYR_SCHWA}ж", "Bakəж"),
        # Lower-case т м н в п look unlike t m h b n: not replaced, reported as mixed.
        ("Baкıт", "Bakıт"),
        ("Москвa", "Москвa"),  # a Cyrillic word with a Latin intruder is not latinised
        ("кот", "кот"),  # a Cyrillic word is left alone
        ("αβγ", "αβγ"),  # so is a Greek one
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert az.normalize(text) == expected


def test_find_lookalikes_reports_positions_in_the_original_text() -> None:
    text = f"Gu\u0308ney {CYR_SCHWA_CAP}li"
    found = az.find_lookalikes(text)
    assert [(f.position, f.char, f.replacement, f.kind) for f in found] == [
        (1, "u\u0308", "ü", "decomposed"),
        (7, CYR_SCHWA_CAP, "Ə", "lookalike"),
    ]
    assert found[0].name == "LATIN SMALL LETTER U + COMBINING DIAERESIS"
    assert found[1].name == "CYRILLIC CAPITAL LETTER SCHWA"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Ämir", ["warning"]),
        ("Hämäläinen", ["warning", "warning", "warning"]),
        (f"{TURNED_E}l", ["lookalike"]),
        ("i\u0307", ["lookalike"]),
        ("Bakı", []),
        ("Москва", []),
        ("Азәrbaycan", ["lookalike", "mixed", "lookalike"]),
        ("Bakıж", ["mixed"]),
        ("Baкıт", ["lookalike", "mixed"]),
        ("Москвa", ["mixed"] * 5),
        ("Bakı və Москва", []),  # two words, each in one script
        ("ж-Bakı", []),  # a hyphen separates words
    ],
)
def test_find_lookalikes_kinds(text: str, kinds: list[str]) -> None:
    assert [f.kind for f in az.find_lookalikes(text)] == kinds


def test_report() -> None:
    report = az.normalize_with_report(f"Hämä {CYR_SCHWA_CAP}li")
    assert report.original == f"Hämä {CYR_SCHWA_CAP}li"
    assert report.text == "Hämä Əli"
    assert [c.char for c in report.changes] == [CYR_SCHWA_CAP]
    assert [w.position for w in report.warnings] == [1, 3]
    assert report.changed
    assert report
    clean = az.normalize_with_report("Bakı")
    assert not clean.changed
    assert not clean
    mixed = az.normalize_with_report("Азәrbaycan")
    assert mixed.text == "Aзərbaycan"
    assert [c.char for c in mixed.changes] == ["А", "ә"]
    assert [(w.char, w.replacement, w.kind) for w in mixed.warnings] == [("з", "", "mixed")]


def test_find_confusables_is_deprecated_and_shares_the_table() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"find_confusables\(\) is deprecated; use diplolib\.az\.find_lookalikes",
    ):
        found = find_confusables(f"B{CYR_SCHWA}kı")
    assert found == [(1, CYR_SCHWA, "ə", "CYRILLIC SMALL LETTER SCHWA")]
    assert [
        (f.position, f.char, f.replacement, f.name) for f in az.find_lookalikes(f"B{CYR_SCHWA}kı")
    ] == found
    with pytest.warns(DeprecationWarning, match="find_confusables"):
        assert find_confusables("Ämir") == []  # warnings are not confusables


@pytest.mark.parametrize("func", [az.normalize, az.find_lookalikes, az.normalize_with_report])
def test_non_str_is_rejected(func: object) -> None:
    with pytest.raises(TypeError, match="takes a str, not NoneType"):
        func(None)  # type: ignore[operator]


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = az.normalize(text)
    assert az.normalize(once) == once
    assert [f for f in az.find_lookalikes(once) if f.kind in ("decomposed", "lookalike")] == []


@given(st.text(alphabet="abcəıiöüşçğxqАаЕеОоСсХхӘәǝƎІі \u0307\u0308", max_size=30))
def test_report_matches_normalize(text: str) -> None:
    report = az.normalize_with_report(text)
    assert report.text == az.normalize(text)
    assert (report.text != text) is report.changed
    for found in report.changes:
        assert text.startswith(found.char, found.position)
    for found in report.warnings:  # a warning may sit on a letter NFC composed
        assert unicodedata.normalize("NFC", text[found.position :]).startswith(found.char)


# --- LocalizedText integration ---------------------------------------------------------


class Article(BaseModel):
    title: LocalizedText


def test_strict_by_default() -> None:
    with pytest.raises(ValueError, match=r"look-alike letter 'ә'.*normalize_az=True"):
        LocalizedText.validate({"az": f"G{CYR_SCHWA}ncə"})
    with pytest.raises(ValidationError, match="look-alike letter"):
        Article.model_validate({"title": {"az": f"G{CYR_SCHWA}ncə"}})


def test_strict_check_covers_cyrillic_inside_latin_words() -> None:
    with pytest.raises(ValueError, match="look-alike letter 'а'"):
        LocalizedText.validate({"az": "Bаkı"})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Baкı", r"look-alike letter 'к' \(U\+043A CYRILLIC SMALL LETTER KA\) at position 2"),
        ("Bакı", r"look-alike letter 'а' .* at position 1 \(and 1 more\)"),
        ("Азәrbaycan", r"word 'Азәrbaycan' mixes Latin and Cyrillic letters: 'з' \(U\+0437"),
        ("Bakı Xaçmaзı", r"word 'Xaçmaзı' mixes Latin and Cyrillic .* at position 10"),
        ("Bakıт və Gəncəж", r"word 'Bakıт' .*'т'.* \(and 1 more\) has no Latin look-alike"),
    ],
)
def test_strict_check_rejects_mixed_script_words(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LocalizedText.validate({"az": value})
    with pytest.raises(ValidationError, match=message):
        Article.model_validate({"title": {"az": value}})


@pytest.mark.parametrize("value", ["Азәrbaycan", "Bakıж", "Москвa"])
def test_normalising_cannot_save_a_mixed_word(value: str) -> None:
    with pytest.raises(ValueError, match=r"mixes Latin and Cyrillic letters.*retype the word"):
        LocalizedText.validate({"az": value}, normalize_az=True)


@pytest.mark.parametrize("value", ["Москва və Bakı", "Bakı, Қазақстан", "Bakı ж"])
def test_words_in_one_script_each_pass(value: str) -> None:
    assert LocalizedText.validate({"az": value}).get("az") == value


def test_english_values_are_not_checked() -> None:
    assert LocalizedText.validate({"en": f"G{CYR_SCHWA}nca"}).get("en") == f"G{CYR_SCHWA}nca"


def test_normalize_az_flag() -> None:
    text = LocalizedText.validate({"az": f"G{CYR_SCHWA}ncə", "en": "Ganja"}, normalize_az=True)
    assert text == LocalizedText(az="Gəncə", en="Ganja")


def test_normalizer_keeps_reports() -> None:
    fix = az.Normalizer()
    text = LocalizedText.validate({"az": f"{TURNED_E_CAP}li Ämirov", "en": "Ali"}, normalize_az=fix)
    assert text.get("az") == "Əli Ämirov"
    assert len(fix.reports) == 1
    (report,) = fix.reports
    assert [(c.char, c.replacement) for c in report.changes] == [(TURNED_E_CAP, "Ə")]
    assert [w.char for w in report.warnings] == ["Ä"]
    assert repr(fix) == "Normalizer(reports=1)"


def test_normalizer_in_pydantic_context() -> None:
    fix = az.Normalizer()
    article = Article.model_validate(
        {"title": {"az": f"{CYR_SCHWA_CAP}liyev"}}, context={"normalize_az": fix}
    )
    assert article.title.get("az") == "Əliyev"
    assert fix.reports[0].original == f"{CYR_SCHWA_CAP}liyev"
    article = Article.model_validate({"title": {"az": "Bаkı"}}, context={"normalize_az": True})
    assert article.title.get("az") == "Bakı"


def test_normalizer_registered_globally_runs_before_the_strict_check() -> None:
    fix = az.Normalizer()
    remove = register_text_validator(fix)
    try:
        assert LocalizedText.validate({"az": f"G{CYR_SCHWA}ncə"}).get("az") == "Gəncə"
    finally:
        remove()
    assert len(fix.reports) == 1


def test_normalize_az_rejects_other_values() -> None:
    with pytest.raises(TypeError, match="normalize_az must be True, False or"):
        LocalizedText.validate({"az": "Bakı"}, normalize_az="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "script"),
    [
        ("Министерство иностранных дел", "CYRILLIC"),
        ("Bakı və Москва", "CYRILLIC"),
        ("وزارت", "ARABIC"),
        ("Αθήνα", "GREEK"),
    ],
)
def test_require_latin_rejects_other_scripts(value: str, script: str) -> None:
    with pytest.raises(ValueError, match=f"must be in Latin script; found {script} letter"):
        az.require_latin("az", value)
    with pytest.raises(ValidationError, match="Latin script"):
        Article.model_validate(
            {"title": {"az": value}}, context={"text_validators": [az.require_latin]}
        )


@pytest.mark.parametrize("value", ["Xarici işlər", "Hämäläinen", "Bakı, 2024-cü il", "Zürich"])
def test_require_latin_accepts_latin(value: str) -> None:
    assert az.require_latin("az", value) == value


def test_require_latin_ignores_english() -> None:
    assert az.require_latin("en", "Москва") == "Москва"


def test_require_latin_names_the_word() -> None:
    with pytest.raises(ValueError, match="'Москва' at position 8"):
        az.require_latin("az", "Bakı və Москва")


def test_every_character_require_latin_skips_is_no_letter_or_a_latin_one() -> None:
    from diplolib.az._normalize import _LATIN_SAFE, _NOT_LATIN_SAFE_RE, _is_latin

    for first, last in _LATIN_SAFE:
        for code in range(first, last + 1):
            char = chr(code)
            assert not char.isalpha() or char.isascii() or _is_latin(char), hex(code)
            assert _NOT_LATIN_SAFE_RE.search(char) is None, hex(code)
    for char in "ªµºəƏ\u0400Ω\u0600\u4e00\u1f00\u2071":
        inside = any(first <= ord(char) <= last for first, last in _LATIN_SAFE)
        assert (_NOT_LATIN_SAFE_RE.search(char) is None) == inside, char


def _require_latin_reference(value: str) -> bool:
    """Whether require_latin accepts ``value``: every letter ASCII or Latin by name."""
    return all(
        c.isascii() or not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in value
    )


@pytest.mark.parametrize(
    "value",
    [
        "Azərbaycan “Respublikası” — 2024-cü il…",
        "Ölkə «Bakı» €5 · №3",
        "Ǝli ɡün ɑ",  # Latin letters outside the alphabet
        "Nº 5",  # º is a letter but not a Latin one
        "ª",
        "µm",
        "Bakı Москва",
        "Σ Ελλάδα",
        "Şuşa ⁱ",  # superscript i: a letter outside the skipped ranges
        "Tbilisi თბილისი",
        "",
    ],
)
def test_require_latin_accepts_exactly_what_a_letter_by_letter_look_accepts(value: str) -> None:
    if _require_latin_reference(value):
        assert az.require_latin("az", value) == value
    else:
        with pytest.raises(ValueError, match="Latin script"):
            az.require_latin("az", value)


@pytest.mark.parametrize(
    "value", ["Bakı “şəhəri” — 2024", "Hämäläinen", "Gәncә", "i\u0307lham", "Bакı", "plain"]
)
def test_the_quick_scan_changes_no_finding(value: str) -> None:
    from diplolib.az._normalize import _SCAN_RE, LOOKALIKE_CHARS

    report = az.normalize_with_report(value)
    suspects = set(value) & (LOOKALIKE_CHARS | {"ä", "Ä"})
    assert (_SCAN_RE.search(value) is not None) == bool(suspects)
    if not suspects and unicodedata.is_normalized("NFC", value):
        assert report.text == value
        assert not report
