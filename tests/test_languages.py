from __future__ import annotations

import asyncio
import random
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from diplolib import (
    SUPPORTED_LANGUAGES,
    DiplolibError,
    LanguageName,
    LanguageRegistryError,
    LanguageSpec,
    TextRules,
    UnsupportedLanguageError,
    carry_context,
    fallback_chain,
    get_language,
    language_name,
    language_spec,
    negotiate_language,
    normalize_language,
    register_language,
    registered_language,
    supported_languages,
    unregister_language,
    use_language,
)
from diplolib.languages import resolve_language, watch_languages


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("az", "az"),
        ("AZ", "az"),
        ("az-AZ", "az"),
        ("az_AZ", "az"),
        ("az_Latn_AZ", "az"),
        ("az-Latn", "az"),
        ("az-latn-az", "az"),
        ("aze", "az"),
        ("az_AZ.UTF-8", "az"),
        ("  az  ", "az"),
        ("en", "en"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("en_US", "en"),
        ("en-Latn-US", "en"),
        ("en_GB@euro", "en"),
        ("eng", "en"),
        ("en-001", "en"),
    ],
)
def test_normalize_lang_accepts_real_world_spellings(code: str, expected: str) -> None:
    assert normalize_language(code) == expected


@pytest.mark.parametrize(
    "code",
    [
        "fr",
        "tr",
        "ru",
        "kk",
        "de-DE",
        "az-Cyrl",
        "az-Cyrl-AZ",
        "az_Arab_IR",
        "",
        "   ",
        "a",
        "azz",
        "../az",
        "az/../../etc",
        "az\\x",
        "az-",
        "-az",
        "az--AZ",
        "en GB",
        "x" * 65,
        "az\x00",
        "ə",
        "english",
    ],
)
def test_normalize_lang_rejects_with_a_clear_message(code: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as info:
        normalize_language(code)
    message = str(info.value)
    assert "accepted: 'en', 'az'" in message
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, DiplolibError)


@pytest.mark.parametrize("value", [None, 1, b"az", ["az"], 3.5])
def test_normalize_lang_rejects_non_strings(value: object) -> None:
    with pytest.raises(UnsupportedLanguageError, match="must be a str"):
        normalize_language(value)


def test_normalize_lang_overlong_input_is_rejected_in_constant_time() -> None:
    huge = "a" * 50_000_000
    start = time.perf_counter()
    with pytest.raises(UnsupportedLanguageError, match="50000000 characters long"):
        normalize_language(huge)
    # Not a speed assertion on our code paths: a scan of 50 MB would take tens of ms.
    assert time.perf_counter() - start < 0.5


def test_error_message_names_the_value() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'fr-FR'"):
        normalize_language("fr-FR")


@pytest.mark.parametrize(
    ("header", "default", "expected"),
    [
        ("az-AZ,az;q=0.9,en;q=0.8", "en", "az"),
        ("en-US,en;q=0.9", "az", "en"),
        ("tr-TR,tr;q=0.9,az;q=0.8,en;q=0.5", "en", "az"),
        ("ru;q=1, en;q=0.3, az;q=0.7", "en", "az"),
        ("en;q=0.5, az;q=0.5", "en", "en"),  # ties keep header order
        ("az;q=0, en", "az", "en"),  # q=0 means "not acceptable"
        ("fr, de", "az", "az"),
        ("*", "az", "az"),
        ("", "az", "az"),
        ("az;q=abc, en;q=0.1", "az", "en"),  # malformed q: entry skipped
        ("az;q=1.5, en", "az", "en"),  # q above 1 is invalid
        (";;;,,,", "en", "en"),
    ],
)
def test_negotiate_language(header: str, default: str, expected: str) -> None:
    assert negotiate_language(header, default=default) == expected


def test_negotiate_language_caps_the_header() -> None:
    # A supported language past the 500-character cap is not considered.
    header = ",".join(["fr;q=0.9"] * 100) + ",az;q=1"
    assert len(header) > 500
    assert negotiate_language(header, default="en") == "en"
    start = time.perf_counter()
    negotiate_language("x" * 10_000_000, default="en")
    assert time.perf_counter() - start < 0.5


def test_negotiate_language_rejects_bad_default() -> None:
    with pytest.raises(UnsupportedLanguageError):
        negotiate_language("az", default="fr")


def test_use_language_nests_and_restores_on_error() -> None:
    assert get_language() == "en"
    with use_language("az"):
        assert get_language() == "az"
        with use_language("en-GB"):
            assert get_language() == "en"
        assert get_language() == "az"
        with pytest.raises(RuntimeError), use_language("en"):
            raise RuntimeError("boom")
        assert get_language() == "az"
    assert get_language() == "en"


def test_use_language_validates() -> None:
    with pytest.raises(UnsupportedLanguageError), use_language("fr"):
        pass  # pragma: no cover
    assert get_language() == "en"


def test_resolve_lang() -> None:
    assert resolve_language(None) == "en"
    with use_language("az"):
        assert resolve_language(None) == "az"
        assert resolve_language("en_US") == "en"


def test_no_bleed_across_1000_asyncio_tasks() -> None:
    async def worker(i: int) -> list[str]:
        lang = "az" if i % 2 else "en"
        seen = []
        with use_language(lang):
            for _ in range(3):
                await asyncio.sleep(random.random() / 1000)
                seen.append(get_language())
        seen.append("outside:" + get_language())
        return [s for s in seen if s not in (lang, "outside:en")]

    async def main() -> list[list[str]]:
        return await asyncio.gather(*(worker(i) for i in range(1000)))

    results = asyncio.run(main())
    assert all(not bad for bad in results)


def test_no_bleed_across_threads() -> None:
    def worker(i: int) -> bool:
        lang = "az" if i % 3 else "en"
        with use_language(lang):
            for _ in range(5):
                time.sleep(random.random() / 2000)
                if get_language() != lang:
                    return False
        return get_language() == "en"

    with ThreadPoolExecutor(max_workers=16) as pool:
        assert all(pool.map(worker, range(400)))


def test_run_in_executor_needs_carry_context() -> None:
    async def main() -> tuple[str, str, str]:
        loop = asyncio.get_running_loop()
        with use_language("az"), ThreadPoolExecutor(1) as pool:
            plain = await loop.run_in_executor(pool, get_language)
            carried = await loop.run_in_executor(pool, carry_context(get_language))
            to_thread = await asyncio.to_thread(get_language)
        return plain, carried, to_thread

    assert asyncio.run(main()) == ("en", "az", "az")


def test_carry_context_passes_arguments_and_isolates() -> None:
    def work(a: int, *, b: int) -> tuple[int, str]:
        seen = get_language()
        use_language("en").__enter__()  # left open on purpose: must stay inside the call
        return a + b, seen

    with use_language("az"):
        bound = carry_context(work)
    assert get_language() == "en"
    # Called where the language is the default: the captured 'az' is what the call sees.
    assert bound(1, b=2) == (3, "az")
    # Each call starts from the captured context, not from what an earlier call left.
    assert bound(5, b=5) == (10, "az")
    # What the call left open does not reach the caller.
    with use_language("az"):
        assert bound(0, b=0) == (0, "az")
        assert get_language() == "az"
    assert get_language() == "en"


# ---------------------------------------------------------------------------
# The language registry


def _spec(code: str = "de", **changes: object) -> LanguageSpec:
    fields: dict[str, object] = {
        "code": code,
        "locale": code,
        "scripts": ("Latn",),
        "plural_forms": "nplurals=2; plural=(n != 1);",
        "names": {code: LanguageName("Deutsch", "Deutsch")},
    }
    fields.update(changes)
    return LanguageSpec(**fields)  # type: ignore[arg-type]


def test_builtin_specifications() -> None:
    en, az = language_spec("en"), language_spec("az")
    assert (en.code, en.locale, en.scripts, en.nplurals) == ("en", "en", ("Latn",), 2)
    assert (az.code, az.locale, az.label, az.slug_style) == ("az", "az", "az-Latn", "ascii")
    assert en.romanize_from == ("az",)
    assert az.locale_folders == ("az", "az_AZ", "az_Latn", "az_Latn_AZ")
    assert az.text_rules.cases[:2] == ("nominative", "genitive")
    assert "possessive" in en.text_rules.cases
    assert az.text_rules.sort_key("Xaçmaz") > az.text_rules.sort_key("Həsən")
    assert language_name("az", "az") == "Azərbaycan dili"
    assert (
        language_name("az", "az", in_sentence=True) == "Azərbaycan dili"
    )  # a proper noun keeps its capital
    assert language_name("az", "en", in_sentence=True) == "Azerbaijani"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "DE"}, "not a language code"),
        ({"code": "deutsch"}, "not a language code"),
        ({"scripts": ()}, "ISO 15924"),
        ({"scripts": ("latin",)}, "ISO 15924"),
        ({"plural_forms": "two forms"}, "Plural-Forms"),
        ({"plural_forms": "nplurals=2; plural=n/0;"}, "divides by zero"),
        ({"slug_style": "pinyin"}, "slug_style 'pinyin'"),
        ({"names": {"de": "Deutsch"}}, "LanguageName"),
    ],
)
def test_malformed_specifications_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(LanguageRegistryError, match=message) as caught:
        _spec(**changes)
    assert isinstance(caught.value, DiplolibError)
    assert isinstance(caught.value, ValueError)


def test_register_use_and_unregister() -> None:
    calls: list[int] = []
    stop = watch_languages(lambda: calls.append(1))
    try:
        spec = register_language(_spec("de", aliases=("deu", "ger")))
        assert supported_languages() == ("en", "az", "de")
        assert normalize_language("de-AT") == normalize_language("ger") == "de"
        assert language_spec("de_DE.UTF-8") is spec
        assert fallback_chain("de") == ("de", "en")
        with use_language("de"):
            assert get_language() == "de"
        with pytest.raises(LanguageRegistryError, match="already registered"):
            register_language(_spec("de"))
        replaced = register_language(_spec("de", locale="de_AT"), replace=True)
        assert language_spec("de").locale == "de_AT"
        assert unregister_language("de-AT") is replaced
    finally:
        stop()
    assert calls == [1, 1, 1]
    assert supported_languages() == ("en", "az")
    with pytest.raises(UnsupportedLanguageError):
        normalize_language("de")


def test_registration_conflicts_are_refused() -> None:
    with pytest.raises(LanguageRegistryError, match="alias 'aze' of 'xx' already means 'az'"):
        register_language(_spec("xx", aliases=("aze",)))
    with pytest.raises(LanguageRegistryError, match="alias 'eng' of 'eng' already means 'en'"):
        register_language(_spec("eng"))
    with pytest.raises(LanguageRegistryError, match="takes a LanguageSpec"):
        register_language("de")  # type: ignore[arg-type]
    with pytest.raises(LanguageRegistryError, match="cannot be unregistered"):
        unregister_language("en-GB")
    with pytest.raises(UnsupportedLanguageError):
        unregister_language("de")
    assert supported_languages() == ("en", "az")


def test_registered_language_restores_a_replaced_spec_even_on_error() -> None:
    original = language_spec("az")
    seen: list[LanguageSpec] = []

    def fail() -> None:
        with registered_language(_spec("az", names={"az": LanguageName("x", "x")})):
            seen.append(language_spec("az"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        fail()
    assert seen[0] is not original
    assert language_spec("az") is original
    assert supported_languages() == ("en", "az")


def test_an_unregistered_fallback_is_skipped() -> None:
    with registered_language(_spec("de", fallbacks=("fr", "en"))):
        assert fallback_chain("de") == ("de", "en")
    with registered_language(_spec("de", fallbacks=())):
        assert fallback_chain("de") == ("de",)
        assert fallback_chain("de", ui=True) == ("de",)


def test_supported_languages_is_a_live_read_only_view() -> None:
    assert SUPPORTED_LANGUAGES == ("en", "az")
    assert list(SUPPORTED_LANGUAGES) == ["en", "az"]
    assert SUPPORTED_LANGUAGES[0] == "en"
    assert "az" in SUPPORTED_LANGUAGES
    assert ["x"] not in SUPPORTED_LANGUAGES  # type: ignore[comparison-overlap]
    with registered_language(_spec("de")):
        assert SUPPORTED_LANGUAGES == ("en", "az", "de")
        assert len(SUPPORTED_LANGUAGES) == 3
    assert repr(SUPPORTED_LANGUAGES) == "('en', 'az')"


def test_name_falls_back_to_the_endonym() -> None:
    with registered_language(_spec("de")):
        assert language_name("de", "az") == "Deutsch"
        assert language_name("az", "de") == "Azərbaycan dili"


@pytest.mark.parametrize(
    ("method", "args", "expected"),
    [
        ("upper", ("istanbul",), "ISTANBUL"),
        ("lower", ("ISTANBUL",), "istanbul"),
        ("inflect", ("Baku", "nominative"), "Baku"),
        ("inflect_name", ("Ilham Aliyev", "nominative", "x"), "Ilham Aliyev"),
        ("title_of", ("Minister", "Foreign Affairs"), "Minister, Foreign Affairs"),
        ("year_suffix", (2017,), None),
        ("check", ("anything",), "anything"),
        ("check_script", ("Баку",), "Баку"),
        ("repair", ("Bәkı",), ("Bәkı", ())),
        ("romanize", ("Qəbələ",), "Qəbələ"),
        ("needs_check", ("Bәkı",), False),
    ],
)
def test_base_text_rules_are_plain_str_rules(
    method: str, args: tuple[object, ...], expected: object
) -> None:
    assert getattr(TextRules(), method)(*args) == expected


def test_a_rules_subclass_with_its_own_check_is_always_consulted() -> None:
    class NoDigits(TextRules):
        def check(self, value: str) -> str:
            if any(c.isdigit() for c in value):
                raise ValueError("no digits here")
            return value

    assert NoDigits().needs_check("abc") is True
    with registered_language(_spec("de", rules=NoDigits())):
        from diplolib import LocalizedText

        assert LocalizedText.validate({"de": "Gipfel"}).get("de") == "Gipfel"
        with pytest.raises(ValueError, match="de: no digits here"):
            LocalizedText.validate({"de": "Gipfel 2010"})


def test_rules_may_be_built_on_first_use() -> None:
    built: list[int] = []

    def make() -> TextRules:
        built.append(1)
        return TextRules()

    spec = _spec("de", rules=make)
    assert built == []
    assert isinstance(spec.text_rules, TextRules)
    assert spec.text_rules is spec.text_rules
    assert built == [1]
