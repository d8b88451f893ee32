from __future__ import annotations

import asyncio
import random
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from diplolib import (
    DiplolibError,
    UnsupportedLanguageError,
    carry_context,
    get_language,
    negotiate_language,
    normalize_lang,
    use_language,
)
from diplolib.languages import resolve_lang


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
    assert normalize_lang(code) == expected


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
        normalize_lang(code)
    message = str(info.value)
    assert "accepted: 'en', 'az'" in message
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, DiplolibError)


@pytest.mark.parametrize("value", [None, 1, b"az", ["az"], 3.5])
def test_normalize_lang_rejects_non_strings(value: object) -> None:
    with pytest.raises(UnsupportedLanguageError, match="must be a str"):
        normalize_lang(value)


def test_normalize_lang_overlong_input_is_rejected_in_constant_time() -> None:
    huge = "a" * 50_000_000
    start = time.perf_counter()
    with pytest.raises(UnsupportedLanguageError, match="50000000 characters long"):
        normalize_lang(huge)
    # Not a speed assertion on our code paths: a scan of 50 MB would take tens of ms.
    assert time.perf_counter() - start < 0.5


def test_error_message_names_the_value() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'fr-FR'"):
        normalize_lang("fr-FR")


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
    assert resolve_lang(None) == "en"
    with use_language("az"):
        assert resolve_lang(None) == "az"
        assert resolve_lang("en_US") == "en"


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
