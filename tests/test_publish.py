"""Canonical URLs, hreflang links and JSON-LD (checked with a JSON-LD processor, offline)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyld import jsonld

import diplolib
from diplolib import Article, ContentLibrary, Person, load_sample_library
from diplolib.errors import ContentError
from diplolib.publish import (
    DEFAULT_URL_PATTERNS,
    canonical_url,
    dumps_jsonld,
    hreflang_links,
    published_languages,
    to_jsonld,
)

BASE = "https://portal.example"
SEED = "kazakhstan-azerbaijan-strategic-partner"
LIB = load_sample_library()
SCHEMA = "https://schema.org/"


def _offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    raise AssertionError(f"JSON-LD processing tried to fetch {url}")


def expand(data: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(data, {"documentLoader": _offline_loader})
    return result


def article(**changes: Any) -> Article:
    data: dict[str, Any] = {
        "id": "a1",
        "slug": {"en": "summit", "az": "zirve"},
        "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
        "title": {"en": "Summit", "az": "Zirvə"},
        "published": "2017-03-02T10:00:00+04:00",
        "original_language": "en",
    }
    data.update(changes)
    return Article.model_validate(data)


ITEMS_AND_LANGS = [(item.id, lang) for item in LIB for lang in published_languages(item)]


# ---------------------------------------------------------------------------
# URLs and hreflang


def test_exported_from_the_package() -> None:
    assert diplolib.to_jsonld is to_jsonld
    assert diplolib.hreflang_links is hreflang_links


@pytest.mark.parametrize("item_id", [item.id for item in LIB])
def test_hreflang_sets_are_reciprocal(item_id: str) -> None:
    item = LIB.get(item_id)
    links = hreflang_links(item, base_url=BASE)
    languages = published_languages(item)
    assert [code for code, _ in links] == [*languages, "x-default"]
    # each version's canonical URL is in the set, and the set is the same from every version
    for lang in languages:
        assert (lang, canonical_url(item, lang, base_url=BASE)) in links
    default = item.original_language if isinstance(item, Article) else "en"
    assert links[-1].href == canonical_url(item, default, base_url=BASE)
    assert len({href for code, href in links if code != "x-default"}) == len(languages)


@pytest.mark.parametrize(
    ("slugs", "status", "expected"),
    [
        ({"en": "summit", "az": "zirve"}, {}, ("en", "az")),
        ({"en": "summit"}, {}, ("en",)),
        # a slug but a missing translation: no page in that language
        ({"en": "summit", "az": "zirve"}, {"az": "missing"}, ("en",)),
        ({"en": "summit", "az": "zirve"}, {"az": "machine"}, ("en", "az")),
    ],
)
def test_published_languages(
    slugs: dict[str, str], status: dict[str, str], expected: tuple[str, ...]
) -> None:
    assert published_languages(article(slug=slugs, translations=status)) == expected


def test_a_one_language_article_links_only_itself() -> None:
    item = article(slug={"en": "summit"}, title={"en": "Summit"})
    assert [tuple(link) for link in hreflang_links(item)] == [
        ("en", "/en/articles/summit/"),
        ("x-default", "/en/articles/summit/"),
    ]
    with pytest.raises(ContentError, match=r"no 'az' version \(published in: 'en'\)"):
        canonical_url(item, "az")
    with pytest.raises(ContentError, match="no 'az' version"):
        to_jsonld(item, "az")


def test_x_default_is_the_original_language() -> None:
    item = article(original_language="az", translations={"en": "translated"})
    assert hreflang_links(item)[-1].href == "/az/articles/zirve/"


def test_equal_slugs_in_both_languages_stay_distinct_by_language() -> None:
    item = article(slug={"en": "astana-2010", "az": "astana-2010"})
    links = dict(hreflang_links(item, base_url=BASE))
    assert links["en"] == f"{BASE}/en/articles/astana-2010/"
    assert links["az"] == f"{BASE}/az/articles/astana-2010/"


def test_equal_slugs_under_a_pattern_without_lang_are_an_error() -> None:
    item = article(slug={"en": "astana-2010", "az": "astana-2010"})
    with pytest.raises(ContentError) as info:
        hreflang_links(item, patterns={"article": "/articles/{slug}/"})
    message = str(info.value)
    assert "'a1'" in message
    assert "'en' and 'az'" in message
    assert "/articles/astana-2010/" in message


def test_article_without_a_slug_in_its_original_language() -> None:
    item = article(slug={"az": "zirve"})
    with pytest.raises(ContentError, match="no slug in its original language 'en'"):
        hreflang_links(item)


def test_slugs_are_percent_encoded() -> None:
    item = article(slug={"en": "summit", "az": "zirvə-görüşü"})
    assert canonical_url(item, "az") == "/az/articles/zirv%C9%99-g%C3%B6r%C3%BC%C5%9F%C3%BC/"


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ({"article": "/{lang}/{slug.__class__}/"}, "accepted fields are"),
        ({"article": "/{lang}/{slug!r}/"}, "accepted fields are"),
        ({"article": "/{lang}/{slug:>999}/"}, "accepted fields are"),
        ({"article": "/{lang}/{0}/"}, "accepted fields are"),
        ({"article": "/{lang}/news/"}, r"needs \{slug\} or \{id\}"),
        ({"article": "/{lang/{slug}"}, "malformed"),
        ({"video": "/{lang}/{id}/"}, "unknown item type"),
    ],
)
def test_bad_url_patterns(patterns: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        canonical_url(article(), "en", patterns=patterns)


def test_patterns_override_one_type_only() -> None:
    patterns = {"person": "/people/{lang}-{id}.html"}
    person = LIB.get("heydar-aliyev")
    assert canonical_url(person, "az", patterns=patterns) == "/people/az-heydar-aliyev.html"
    assert canonical_url(LIB.get("baku"), "az", patterns=patterns) == "/az/places/baku/"
    assert set(DEFAULT_URL_PATTERNS) == {"article", "event", "person", "organization", "place"}


# ---------------------------------------------------------------------------
# JSON-LD


@pytest.mark.parametrize(("item_id", "lang"), ITEMS_AND_LANGS)
def test_jsonld_expands_without_errors(item_id: str, lang: str) -> None:
    data = to_jsonld(LIB.get(item_id), lang, library=LIB, base_url=BASE)
    expanded = expand(data)
    assert len(expanded) == 1
    node = expanded[0]
    assert node["@id"] == canonical_url(LIB.get(item_id), lang, base_url=BASE)
    # every key became a schema.org IRI: no term was silently dropped
    dropped = {k for k in data if not k.startswith("@")} - {
        k.removeprefix(SCHEMA) for k in node if k.startswith(SCHEMA)
    }
    assert not dropped
    # and the text round-trips through JSON as a page would carry it
    assert json.loads(dumps_jsonld(data)) == data


def test_article_jsonld_fields() -> None:
    seed = LIB.get(SEED, Article)
    data = to_jsonld(seed, "az", library=LIB, base_url=BASE)
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == "az"
    assert data["headline"] == seed.title.get("az")
    assert data["datePublished"] == "2017-03-02T11:30:00+04:00"
    assert data["dateModified"] == data["datePublished"]
    assert data["author"][0]["@type"] == "Person"
    assert data["author"][0]["name"] == "Beybit İsabayev"
    assert data["author"][0]["@id"] == f"{BASE}/az/people/beybit-isabayev/"
    assert {n["@id"].rsplit("/", 2)[1] for n in data["about"]} == set(seed.events)
    assert {n["@id"].rsplit("/", 2)[1] for n in data["mentions"]} == set(seed.mentions)
    assert data["locationCreated"]["name"] == "Bakı"
    # the az page is a translation of the en original, and the original lists it
    assert data["translationOfWork"]["@id"] == canonical_url(seed, "en", base_url=BASE)
    original = to_jsonld(seed, "en", library=LIB, base_url=BASE)
    assert original["workTranslation"] == [
        {"@type": "NewsArticle", "@id": data["@id"], "inLanguage": "az"}
    ]
    assert "translationOfWork" not in original


def test_expanded_article_uses_schema_org_terms() -> None:
    seed = LIB.get(SEED, Article)
    node = expand(to_jsonld(seed, "en", library=LIB, base_url=BASE))[0]
    assert node["@type"] == [f"{SCHEMA}NewsArticle"]
    assert node[f"{SCHEMA}inLanguage"] == [{"@value": "en"}]
    assert node[f"{SCHEMA}workTranslation"][0]["@id"].endswith(seed.slug["az"] + "/")


@pytest.mark.parametrize(
    ("item_id", "url", "published"),
    [
        ("washington-post-trump-2018", "washingtonpost.com", "2018-04-11"),
        ("project-syndicate-xi-2018", "project-syndicate.org", "2018-04-03"),
    ],
)
def test_foreign_press_is_based_on_its_source(item_id: str, url: str, published: str) -> None:
    for lang in ("en", "az"):
        data = to_jsonld(LIB.get(item_id), lang, library=LIB, base_url=BASE)
        assert url in data["isBasedOn"]["url"]
        assert data["isBasedOn"]["datePublished"] == published


def test_fallback_values_are_language_tagged() -> None:
    item = article(lead={"en": "Only in English"}, translations={"az": "partial"})
    data = to_jsonld(item, "az")
    assert data["headline"] == "Zirvə"
    assert data["description"] == {"@value": "Only in English", "@language": "en"}
    node = expand({**data, "@id": "https://x.example/a"})[0]
    assert node[f"{SCHEMA}description"] == [{"@value": "Only in English", "@language": "en"}]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # the English second paragraph is not part of the Azerbaijani body
        ([{"en": "One.", "az": "Bir."}, {"en": "Two."}], "az", "Bir."),
        ([{"en": "One.", "az": "Bir."}, {"en": "Two."}], "en", "One.\n\nTwo."),
        ([{"en": "One.", "az": "Bir."}, {"en": "Two.", "az": ""}], "az", "Bir."),
        ([{"en": "One."}, {"en": "Two.", "az": "İki."}], "az", "İki."),
        # nothing in the page language: no articleBody at all
        ([{"en": "One."}, {"en": "Two."}], "az", None),
        ([], "en", None),
    ],
)
def test_article_body_holds_only_the_page_language(
    body: list[dict[str, str]], lang: str, expected: str | None
) -> None:
    data = to_jsonld(article(body=body, translations={"az": "partial"}), lang)
    assert data["inLanguage"] == lang
    assert data.get("articleBody") == expected
    expand({**data, "@id": "https://x.example/a"})  # still valid JSON-LD


@pytest.mark.parametrize(
    ("item_id", "lang", "key", "expected"),
    [
        ("osce", "az", "alternateName", ["ATƏT"]),
        ("baku", "az", "@type", "City"),
        ("azerbaijan", "en", "@type", "Country"),
        (
            "baku",
            "en",
            "containedInPlace",
            {"@type": "Country", "@id": "/en/places/azerbaijan/", "name": "Azerbaijan"},
        ),
        ("heydar-aliyev", "az", "familyName", "Əliyev"),
        ("heydar-aliyev", "en", "gender", "Male"),
        ("nakhchivan-summit-2009", "az", "startDate", "2009-10-03"),
        (
            "nakhchivan-summit-2009",
            "az",
            "location",
            {"@type": "City", "@id": "/az/places/nakhchivan/", "name": "Naxçıvan"},
        ),
    ],
)
def test_entity_and_event_jsonld(item_id: str, lang: str, key: str, expected: object) -> None:
    assert to_jsonld(LIB.get(item_id), lang, library=LIB)[key] == expected


def test_without_a_library_references_are_bare_ids() -> None:
    seed = LIB.get(SEED, Article)
    data = to_jsonld(seed, "en")
    assert data["author"] == [
        {
            "@id": "/en/people/beybit-isabayev/",
            "@type": "Person",
            "jobTitle": seed.authors[0].role.get("en"),
        }
    ]
    assert "mentions" not in data
    assert all(set(node) == {"@id"} for node in data["about"])


def test_hostile_text_stays_data() -> None:
    hostile = '</script><script>alert(1)</script>" onload="x'
    person = Person(id="p", given={"en": hostile}, family={"az": hostile})
    data = to_jsonld(person, "en")
    text = dumps_jsonld(data)
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text)["givenName"] == hostile
    item = article(title={"en": hostile, "az": hostile})
    library = ContentLibrary([item])
    assert json.loads(dumps_jsonld(to_jsonld(item, "az", library=library)))["headline"] == hostile


@given(st.recursive(st.text() | st.integers(), lambda c: st.lists(c, max_size=3), max_leaves=8))
def test_dumps_jsonld_is_script_safe_and_lossless(value: object) -> None:
    text = dumps_jsonld({"v": value})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"v": value}


def test_memoised_reference_nodes_follow_language_base_url_and_patterns() -> None:
    import gc

    from diplolib import ContentLibrary

    lib = ContentLibrary(list(load_sample_library()))
    seed = lib.get("kazakhstan-azerbaijan-strategic-partner")
    first = to_jsonld(seed, "az", library=lib)
    for node in first["mentions"]:
        node["name"] = "changed"  # a caller's edits never reach the memo
    first["author"][0]["jobTitle"] = "changed"
    again = to_jsonld(seed, "az", library=lib)
    assert all(node["name"] != "changed" for node in again["mentions"])
    fresh = to_jsonld(seed, "az", library=ContentLibrary(list(lib)))
    assert again == fresh
    english = to_jsonld(seed, "en", library=lib)
    assert english["mentions"] != again["mentions"]
    based = to_jsonld(seed, "az", library=lib, base_url="https://example.org")
    assert all(n["@id"].startswith("https://example.org/az/") for n in based["mentions"])
    patterned = to_jsonld(seed, "az", library=lib, patterns={"place": "/{lang}/yer/{id}/"})
    assert any("/az/yer/" in n["@id"] for n in patterned["mentions"])
    assert not any("/az/yer/" in n["@id"] for n in again["mentions"])
    del lib
    gc.collect()
    assert to_jsonld(seed, "az", library=ContentLibrary(list(load_sample_library()))) == fresh
