"""diplolib.search: the analyzer, name keys and the in-memory index."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib import load_sample_library
from diplolib.errors import DiplolibError, UnsupportedLanguageError
from diplolib.models import Article
from diplolib.search import Analyzer, Index, SearchHit, analyze, name_keys, search_library


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TÜRKSOY-un Astanadakı zirvə görüşündə", ["türksoy", "astana", "zirvə", "görüş"]),
        ("2009-cu ildə", ["2009", "il"]),
        ("TDT-nin iclası", ["tdt", "iclas"]),
        ("Azərbaycan-Türkiyə əlaqələri", ["azərbaycan", "türkiyə", "əlaqə"]),
        ("Abşeron-Xızı bölgəsində", ["abşeron", "xızı", "bölg"]),
        ("İSMAYILLI RAYONUNDA", ["ismayıllı", "rayo"]),
        ("ILIQ", ["ılıq"]),
        ("B\u04d9k\u0131 v\u04d9 G\u04d9nc\u04d9", ["bəkı", "və", "gəncə"]),
        ("Gu\u0308ney", ["günek"]),
        ("BMT-nin, ATƏT-in və NATO-nun", ["bmt", "atət", "və", "nato"]),
        ("“Qarabağ” – Azərbaycandır!", ["qarabaq", "azərbaycan"]),
        ("", []),
        ("  ,.;  ", []),
    ],
)
def test_analyze_az(text: str, expected: list[str]) -> None:
    assert analyze(text, "az") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met", ["the", "minist", "met"]),
        ("Azerbaijan's president", ["azerbaijan", "presid"]),
        ("Azerbaijan’s", ["azerbaijan"]),
        ("state-owned companies", ["state", "own", "compani"]),
        ("NEGOTIATIONS", ["negoti"]),
    ],
)
def test_analyze_en(text: str, expected: list[str]) -> None:
    assert analyze(text, "en") == expected


def test_language_codes_are_normalised_and_checked() -> None:
    assert analyze("Bakıda", "az-AZ") == analyze("Bakıda", "az_Latn_AZ") == ["bakı"]
    with pytest.raises(UnsupportedLanguageError) as caught:
        analyze("x", "tr")
    assert isinstance(caught.value, DiplolibError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(TypeError, match="takes a str"):
        analyze(b"x", "az")  # type: ignore[arg-type]


def test_one_token_per_word_and_spans_point_at_words() -> None:
    text, tokens = Analyzer().tokens("Prezident Bakıda, TÜRKSOY-un iclasında.", "az")
    assert [text[t.start : t.end] for t in tokens] == [
        "Prezident",
        "Bakıda",
        "TÜRKSOY-un",
        "iclasında",
    ]


def test_spans_refer_to_normalised_text() -> None:
    text, tokens = Analyzer().tokens("Gu\u0308ney Bakı", "az")
    assert text == "Güney Bakı"
    assert text[tokens[1].start : tokens[1].end] == "Bakı"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Julfa", "Culfada"),
        ("Aghdara", "Ağdərənin"),
        ("Saatly", "Saatlıya"),
        ("Saatli", "Saatlı"),
        ("Gabala", "Qəbələdə"),
        ("Sheki", "Şəkiyə"),
        ("Shaki", "Şəki"),
        ("Nakhchivan", "Naxçıvanın"),
        ("Khankendi", "Xankəndidə"),
        ("Shusha", "Şuşaya"),
        ("Lankaran", "Lənkərandan"),
        ("Ismayilli", "İsmayıllıda"),
        ("Aliyev", "Əliyevin"),
        ("Karabakh", "Qarabağda"),
    ],
)
def test_name_keys_meet_across_spellings(one: str, other: str) -> None:
    assert set(name_keys(one)) & set(name_keys(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [("Baku", "Quba"), ("Shaki", "Shamakhi"), ("Gakh", "Gazakh"), ("Ganja", "Gadabay")],
)
def test_name_keys_keep_different_names_apart(one: str, other: str) -> None:
    assert not set(name_keys(one)) & set(name_keys(other))


# -- the index ----------------------------------------------------------------------------


def _article(
    number: int, title: dict[str, str], body: list[dict[str, str]], **extra: object
) -> Article:
    return Article.model_validate(
        {
            "id": f"a{number}",
            "slug": dict.fromkeys(title, f"a{number}"),
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": title,
            "body": body,
            "published": "2020-01-01T00:00:00Z",
            "original_language": next(iter(title)),
            **extra,
        }
    )


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(
        [
            _article(1, {"az": "TÜRKSOY-un Astanadakı zirvə görüşü"}, [{"az": "Görüş keçirilib."}]),
            _article(
                2,
                {"az": "Culfada yeni körpü", "en": "A new bridge in Julfa"},
                [{"az": "Körpü Culfa rayonunda tikilib.", "en": "The bridge was built."}],
            ),
            _article(3, {"en": "Aghdara road reopened"}, [{"en": "Traffic <resumed> & grew."}]),
            _article(
                4,
                {"az": "Zirvə barədə", "en": "About the summit"},
                [{"az": "Bu mətndə zirvə sözü üç dəfə var: zirvə, zirvənin."}],
            ),
            _article(5, {"az": "Bakıda iclas"}, [{"az": "Bakılı jurnalistlər Bakıya gəldi."}]),
        ]
    )


def test_inflected_query_finds_other_forms(index: Index) -> None:
    hits = index.search("TÜRKSOY zirvə", lang="az")
    assert [h.item.id for h in hits] == ["a1"]
    assert hits[0].lang == "az"
    assert not hits[0].is_fallback
    assert "<mark>TÜRKSOY-un</mark>" in hits[0].snippet


def test_every_word_must_match(index: Index) -> None:
    assert index.search("zirvə körpü", lang="az") == []


def test_title_counts_more_than_body(index: Index) -> None:
    hits = index.search("zirvə", lang="az")
    assert [h.item.id for h in hits][:2] == ["a1", "a4"] or hits[0].item.id == "a4"
    by_id = {h.item.id: h.score for h in hits}
    body_only = Index([_article(9, {"az": "Başlıq"}, [{"az": "zirvə"}])]).search("zirvə")
    title_only = Index([_article(9, {"az": "zirvə"}, [{"az": "Başlıq"}])]).search("zirvə")
    assert title_only[0].score > body_only[0].score
    assert by_id["a1"] > 0
    assert by_id["a4"] > 0


def test_english_spelling_finds_azerbaijani_and_back(index: Index) -> None:
    assert [h.item.id for h in index.search("Julfa", lang="az")] == ["a2"]
    hit = index.search("Ağdərənin", lang="en")[0]
    assert hit.item.id == "a3"
    assert hit.lang == "en"
    assert hit.snippet == "<mark>Aghdara</mark> road reopened"


def test_fallback_hits_say_so(index: Index) -> None:
    hit = index.search("Aghdara", lang="az")[0]
    assert (hit.item.id, hit.lang, hit.is_fallback) == ("a3", "en", True)
    hit = index.search("TÜRKSOY", lang="en")[0]
    assert (hit.item.id, hit.lang, hit.is_fallback) == ("a1", "az", True)
    # a2 has both languages: an English reader sees only its English text
    assert index.search("Culfada", lang="en")[0].lang == "en"


def test_without_lang_every_language_is_searched(index: Index) -> None:
    hits = index.search("bridge")
    assert [(h.item.id, h.lang, h.is_fallback) for h in hits] == [("a2", "en", False)]


def test_phrase_needs_adjacent_words(index: Index) -> None:
    assert [h.item.id for h in index.search('"zirvə görüşündə"', lang="az")] == ["a1"]
    assert index.search('"görüşü zirvə"', lang="az") == []
    assert [h.item.id for h in index.search('"new bridge"', lang="en")] == ["a2"]


def test_prefix_query(index: Index) -> None:
    ids = {h.item.id for h in index.search("Bakı*", lang="az")}
    assert ids == {"a5"}
    hit = index.search("Bakı*", lang="az")[0]
    assert hit.field == "body"  # two matches there (Bakılı, Bakıya), one in the title
    assert hit.snippet == "<mark>Bakılı</mark> jurnalistlər <mark>Bakıya</mark> gəldi."
    assert index.search("Astan*", lang="az")[0].item.id == "a1"


def test_snippets_are_escaped(index: Index) -> None:
    hit = index.search("resumed", lang="en")[0]
    assert hit.snippet == "Traffic &lt;<mark>resumed</mark>&gt; &amp; grew."


def test_snippet_marks_every_form(index: Index) -> None:
    hit = index.search("zirvənin", lang="az")
    assert hit[0].item.id == "a4" or "a4" in [h.item.id for h in hit]
    snippet = next(h.snippet for h in hit if h.item.id == "a4")
    assert snippet.count("<mark>") >= 3


def test_limit_and_bad_arguments(index: Index) -> None:
    assert len(index.search("zirvə", lang="az", limit=1)) == 1
    with pytest.raises(ValueError, match="limit must be a positive int"):
        index.search("zirvə", limit=0)
    with pytest.raises(TypeError, match="str query"):
        index.search(None)  # type: ignore[arg-type]
    with pytest.raises(UnsupportedLanguageError):
        index.search("zirvə", lang="xx")
    with pytest.raises(ValueError, match="names must be"):
        Index([], names="both")  # type: ignore[arg-type]
    assert index.search('"" * ,') == []


def test_names_at_query_time_give_the_same_hits() -> None:
    library = load_sample_library()
    at_index = Index(library)
    at_query = Index(library, names="query")
    for query in ["Gabala", "Qəbələ", "Nakhchivan", "Naxçıvanda", "Astana", "zirvə", "summit"]:
        for lang in ("az", "en", None):
            one = [(h.item.id, h.lang) for h in at_index.search(query, lang=lang)]
            other = [(h.item.id, h.lang) for h in at_query.search(query, lang=lang)]
            assert one == other, (query, lang)


def test_search_library_on_the_sample() -> None:
    hits = search_library(load_sample_library(), "Qazaxıstan strateji tərəfdaş", lang="az")
    assert hits
    assert isinstance(hits[0], SearchHit)
    assert hits[0].item.id == "kazakhstan-azerbaijan-strategic-partner"
    entity = search_library(load_sample_library(), "Nazarbayev", lang="az")
    assert "nursultan-nazarbayev" in [h.item.id for h in entity]


def test_library_entities_become_known_stems() -> None:
    library = load_sample_library()
    index = Index(library)
    assert "astana" in index.analyzer.analyze("Astanada", "az")


def test_hyphenated_compounds_in_queries_are_phrases() -> None:
    index = Index(
        [
            _article(1, {"az": "Azərbaycan-Türkiyə əlaqələri"}, []),
            _article(2, {"az": "Türkiyə və Azərbaycan"}, []),
            _article(3, {"az": "TÜRKSOY-un iclası"}, []),
        ]
    )
    assert [h.item.id for h in index.search("Azərbaycan-Türkiyə", lang="az")] == ["a1"]
    assert {h.item.id for h in index.search("Azərbaycan Türkiyə", lang="az")} == {"a1", "a2"}
    assert [h.item.id for h in index.search("TÜRKSOY-a", lang="az")] == ["a3"]
    assert [h.item.id for h in index.search("Bakı,TÜRKSOY", lang="az")] == []
    assert [h.item.id for h in index.search("iclas,TÜRKSOY", lang="az")] == ["a3"]


def _library_texts() -> list[tuple[str, str]]:
    from diplolib.search import search_fields

    return [
        (lang, value)
        for item in load_sample_library()
        for _, text in search_fields(item)
        for lang, value in text
        if value
    ]


def test_tokens_go_into_fts5_unchanged() -> None:
    """SQLite's unicode61 tokenizer reads the joined tokens back as the same tokens."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    texts = [*_library_texts(), ("en", "don't stop Xi's “quoted” state-run"), ("az", "Qur'an")]
    for number, (lang, text) in enumerate(texts):
        tokens = analyze(text, lang)
        db.execute("INSERT INTO t(rowid, x) VALUES (?, ?)", (number, " ".join(tokens)))
        rows = db.execute("SELECT term FROM v WHERE doc = ? ORDER BY offset", (number,))
        assert [term for (term,) in rows] == tokens, text
        assert all(token.isalnum() for token in tokens), tokens


def test_parse_query_and_search_fields() -> None:
    from diplolib.search import QueryClause, parse_query, search_fields

    assert parse_query('"a b" c* d,e TDT-nin') == [
        QueryClause(("a", "b"), False),
        QueryClause(("c",), True),
        QueryClause(("d",), False),
        QueryClause(("e",), False),
        QueryClause(("TDT-nin",), False),
    ]
    assert parse_query('"unclosed phrase') == [QueryClause(("unclosed", "phrase"), False)]
    with pytest.raises(TypeError, match="takes a str"):
        parse_query(None)  # type: ignore[arg-type]
    library = load_sample_library()
    person = dict(search_fields(library.get("heydar-aliyev")))
    assert person["title"].get("az", fallback=False) == "Heydər Əlirza oğlu Əliyev"
    event = [name for name, _ in search_fields(library.get("gabala-summit-2013"))]
    assert event == ["title", "lead"]
    assert search_fields(object()) == []


def test_analyze_and_tokens_agree() -> None:
    analyzer = Analyzer()
    tricky = [
        ("az", "TÜRKSOY-un Azərbaycan-Türkiyə Qur'an Bakı'da 2009-cu ər-riyad-da B\u04d9k\u0131"),
        ("en", "Xi's don't we'll state-run half-time Baku’s"),
    ]
    for lang, text in [*_library_texts(), *tricky]:
        assert analyzer.analyze(text, lang) == [t.term for t in analyzer.tokens(text, lang)[1]]


_ALPHABET = "aəıiİIoöuüçşğqxkyAƏÇŞĞQX0129 -‐‑'’.,\u0307\u0308\u04d9\u0430ßʼ_*\""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sampled_from(["az", "en"]))
def test_any_text_gives_alphanumeric_tokens(text: str, lang: str) -> None:
    analyzer = Analyzer()
    tokens = analyzer.analyze(text, lang)
    assert tokens == [t.term for t in analyzer.tokens(text, lang)[1]]
    assert all(token and token.isalnum() for token in tokens), tokens
    _FUZZ_INDEX.search(text, lang=lang)


_FUZZ_INDEX = Index([_article(1, {"az": "TÜRKSOY-un iclası Bakıda", "en": "Baku's summit"}, [])])
