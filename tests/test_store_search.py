"""Full-text search in the store: the same hits as the in-memory index, on both databases."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from diplolib import ContentLibrary, load_sample_library
from diplolib.errors import ConflictError, DiplolibError, LibraryError
from diplolib.models import Article
from diplolib.search import Index, SearchHit
from diplolib.store import ContentStore, open_store, upgrade
from diplolib.text import LocalizedText
from test_store import generated, store_at_first_revision, write_folder

EVAL = json.loads(
    (Path(__file__).parent.parent / "bench" / "search_eval" / "eval.json").read_text("utf-8")
)


def snippet_articles(snippets: dict[str, dict[str, str]]) -> list[Article]:
    """The evaluation snippets as articles: the text is the body, the key the title."""
    return [
        Article.model_validate(
            {
                "id": key,
                "slug": dict.fromkeys(texts, key),
                "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                "title": dict.fromkeys(texts, key),
                "body": [texts],
                "published": f"2020-01-{number % 28 + 1:02d}T00:00:00Z",
                "original_language": "az",
            }
        )
        for number, (key, texts) in enumerate(sorted(snippets.items()))
    ]


def ranking(hits: Sequence[SearchHit], limit: int = 10) -> list[tuple[float, str]]:
    """Ids with scores, best first, ties by id (the in-memory index breaks ties by order)."""
    return sorted((-round(h.score, 5), h.item.id) for h in hits)[:limit]


def same_hits(store: ContentStore, index: Index, query: str, lang: str | None) -> None:
    many = 10_000
    expected = index.search(query, lang=lang, limit=many)
    got = store.search(query, lang=lang, limit=many)
    assert ranking(got) == ranking(expected), (query, lang)
    by_id = {h.item.id: h for h in expected}
    for hit in got[:10]:
        other = by_id[hit.item.id]
        assert (hit.lang, hit.is_fallback, hit.snippet, hit.field) == (
            other.lang,
            other.is_fallback,
            other.snippet,
            other.field,
        ), (query, hit.item.id)


# -- the same hits as the in-memory index -------------------------------------------


def test_every_evaluation_query_gives_the_in_memory_top_ten(store: ContentStore) -> None:
    library = ContentLibrary(snippet_articles(EVAL["snippets"]))
    store.import_library(library)
    index = Index(library)
    queries = EVAL["queries"]
    assert len(queries) >= 40
    for q in queries:
        for lang in (q["lang"], None):
            same_hits(store, index, q["query"], lang)
        # and the query finds what the evaluation says it should
    found = sum(
        bool(set(q["relevant"]) & {h.item.id for h in store.search(q["query"], lang=q["lang"])})
        for q in queries
    )
    assert found == sum(
        bool(set(q["relevant"]) & {h.item.id for h in index.search(q["query"], lang=q["lang"])})
        for q in queries
    )


SAMPLE_QUERIES = [
    "TÜRKSOY zirvə",
    "Qəbələ",
    "Gabala",
    "Bakı*",
    "Baku",
    "bak*",
    '"strateji tərəfdaş"',
    '"strategic partner"',
    "strategic partner",
    "Qazaxıstan tərəfdaşı",
    "Kazakhstan",
    "summit",
    "zirvə görüşü",
    "Xəzər",
    "Caspian",
    "Azərbaycan-Türkiyə",
    "president",
    "prezident",
    "Washington",
    "Trump",
    "OSCE",
    "ATƏT",
    "türk*",
    '"Türk Şurası"',
    "ministers",
    "nonexistentword",
    "Nakhchivan",
    "Naxçıvan",
]


@pytest.mark.parametrize("lang", [None, "az", "en"])
def test_sample_queries_match_the_in_memory_index(store: ContentStore, lang: str | None) -> None:
    library = load_sample_library()
    store.import_library(library)
    index = Index(library)
    for query in SAMPLE_QUERIES:
        same_hits(store, index, query, lang)


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_libraries_match_the_in_memory_index(seed: int, tmp_path: Path) -> None:
    """Random libraries and random queries (words, phrases, prefixes) on SQLite."""
    library = write_folder(tmp_path / "in", generated(seed, 40))
    rng = random.Random(seed)
    words = sorted({w for a in library.articles() for _, t in a.title for w in t.split()})
    assert words
    with open_store(tmp_path / "c.db") as store:
        store.import_folder(tmp_path / "in")
        index = Index(library)
        for _ in range(40):
            picked = rng.sample(words, min(len(words), rng.randint(1, 3)))
            shape = rng.random()
            if shape < 0.3:
                query = '"' + " ".join(picked) + '"'
            elif shape < 0.5:
                query = " ".join([*picked[:-1], picked[-1][:3] + "*"])
            else:
                query = " ".join(picked)
            for lang in (None, "az", "en"):
                same_hits(store, index, query, lang)


# -- the issue's examples ------------------------------------------------------------


def test_issue_examples(store: ContentStore) -> None:
    store.import_library(ContentLibrary(snippet_articles(EVAL["snippets"])))
    hits = store.search("TÜRKSOY zirvə", lang="az")
    assert hits[0].item.id == "s01"
    assert hits[0].lang == "az"
    assert not hits[0].is_fallback
    assert "<mark>TÜRKSOY-un</mark>" in hits[0].snippet
    assert "<mark>zirvə</mark>" in hits[0].snippet
    julfa = store.search("Julfa", lang="az")
    assert julfa, "Julfa should find Culfada"
    assert julfa[0].lang == "az"
    assert "<mark>Culfada</mark>" in julfa[0].snippet
    for pair in EVAL["names"]:
        article = Article.model_validate(
            {
                "id": "names-probe",
                "slug": {"az": "names-probe"},
                "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                "title": {"az": "Xəbər"},
                "body": [{"az": f"Nümayəndə heyəti {pair['az']} səfər edib."}],
                "published": "2021-01-01T00:00:00Z",
                "original_language": "az",
            }
        )
        versioned = "names-probe" in store
        if versioned:
            store.update(article, version=store.version_of("names-probe"))
        else:
            store.add(article)
        index_hits = Index([article]).search(pair["en"])
        store_hits = [h for h in store.search(pair["en"], limit=50) if h.item.id == "names-probe"]
        assert bool(store_hits) == bool(index_hits), pair


def test_snippets_are_escaped_and_marked(store: ContentStore) -> None:
    article = Article.model_validate(
        {
            "id": "esc",
            "slug": {"en": "esc"},
            "section": {"id": "news", "name": {"en": "News"}},
            "title": {"en": "Tags <b> & ampersands in Baku"},
            "published": "2021-01-01T00:00:00Z",
            "original_language": "en",
        }
    )
    store.add(article)
    hit = store.search("Baku", lang="en")[0]
    assert hit.snippet == "Tags &lt;b&gt; &amp; ampersands in <mark>Baku</mark>"


# -- filters and pages -----------------------------------------------------------------


def test_filters_and_cursor_pages(store: ContentStore) -> None:
    library = load_sample_library()
    store.import_library(library)
    every = store.search("Azərbaycan", limit=1000)
    assert len(every) > 5
    pages: list[SearchHit] = []
    cursor = None
    while True:
        page = store.search("Azərbaycan", limit=3, cursor=cursor)
        pages.extend(page)
        if len(page) < 3:
            break
        cursor = page[-1]
    assert [h.item.id for h in pages] == [h.item.id for h in every]
    for kinds in (["article"], ["place", "organization"], ("event",)):
        got = store.search("Azərbaycan", kinds=kinds, limit=1000)
        assert [h.item.id for h in got] == [h.item.id for h in every if h.item.type in kinds]
    articles = [h for h in every if isinstance(h.item, Article)]
    section = articles[0].item.section.id
    got = store.search("Azərbaycan", section=section, limit=1000)
    assert [h.item.id for h in got] == [h.item.id for h in articles if h.item.section.id == section]
    times = sorted(h.item.published for h in articles)
    middle = times[len(times) // 2]
    since = store.search("Azərbaycan", since=middle, limit=1000)
    until = store.search("Azərbaycan", until=middle, limit=1000)
    assert {h.item.id for h in since} == {h.item.id for h in articles if h.item.published >= middle}
    assert {h.item.id for h in until} == {h.item.id for h in articles if h.item.published < middle}
    assert store.search("Azərbaycan", since=middle, until=middle) == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": 0},
        {"limit": -1},
        {"limit": True},
        {"kinds": ["articles"]},
        {"kinds": "nope"},
        {"lang": "xx"},
        {"cursor": "baku"},
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, Any]) -> None:
    with open_store("sqlite://") as store, pytest.raises(DiplolibError):
        store.search("Bakı", **kwargs)


def test_empty_queries_and_stores() -> None:
    with open_store("sqlite://") as store:
        assert store.search("Bakı") == []
        store.import_library(load_sample_library())
        assert store.search("") == []
        assert store.search(' "" , ') == []
        assert store.search("*") == []


# -- the index follows every write, in its transaction --------------------------------


def _ids(store: ContentStore, query: str) -> list[str]:
    return [h.item.id for h in store.search(query, limit=100)]


def test_index_follows_writes_and_failed_writes_leave_it(store: ContentStore) -> None:
    store.import_library(load_sample_library())
    baku, version = store.get_versioned("baku")
    assert _ids(store, "Zümrüdşəhər") == []
    renamed = baku.model_copy(update={"name": baku.name.replace(az="Zümrüdşəhər")})
    store.update(renamed, version=version)
    assert "baku" in _ids(store, "Zümrüdşəhər")
    # A failed transaction (the second change conflicts) leaves the index as it was.
    osce = store.get("osce")
    again = renamed.model_copy(update={"name": baku.name.replace(az="Qızılşəhər")})
    with pytest.raises(ConflictError):
        store.update_many([(again, version + 1), (osce, 7)])
    assert _ids(store, "Qızılşəhər") == []
    assert "baku" in _ids(store, "Zümrüdşəhər")
    # A refused add changes nothing either.
    with pytest.raises(LibraryError):
        store.add(
            {
                "type": "place",
                "id": "shusha",
                "kind": "city",
                "name": {"en": "Shusha", "az": "Şuşa"},
                "country": "nowhere",
            }
        )
    assert _ids(store, "Şuşa") == []
    store.add(
        {
            "type": "place",
            "id": "shusha",
            "kind": "city",
            "name": {"en": "Shusha", "az": "Şuşa"},
            "country": "azerbaijan",
        }
    )
    assert _ids(store, "Şuşa") == ["shusha"]
    assert _ids(store, "Shusha") == ["shusha"]
    store.delete("shusha")
    assert _ids(store, "Şuşa") == []
    deleted = store.delete("gabala", cascade=True)
    for query in ("Qəbələ", "Gabala"):
        assert not set(_ids(store, query)) & set(deleted)
    assert ranking(store.search("Azərbaycan", limit=100)) == ranking(
        Index(store.snapshot()[0]).search("Azərbaycan", limit=100)
    )
    assert_totals_match(store)


def assert_totals_match(store: ContentStore) -> None:
    """The running per-reader totals equal a fresh count of the length rows."""
    import sqlalchemy as sa

    from diplolib.store import _schema as s

    lengths = s.search_lengths
    with store.engine.connect() as conn:
        fresh = {
            reader: (int(n), float(total))
            for reader, n, total in conn.execute(
                sa.select(
                    lengths.c.reader, sa.func.count(), sa.func.sum(lengths.c.length)
                ).group_by(lengths.c.reader)
            )
        }
        kept = {
            r.reader: (int(r.documents), float(r.length))
            for r in conn.execute(sa.select(s.search_totals))
            if r.documents
        }
    assert kept == fresh
    assert set(fresh) >= {"*", "az", "en"}


def test_import_prune_and_reindex_keep_the_index_current(
    store: ContentStore, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    library = load_sample_library()
    library.save(folder)
    store.import_folder(folder)
    (folder / "places" / "gabala.json").unlink()
    for name in ("gabala-summit-2013", "gabala-turkic-council-summit-2013"):
        (folder / "events" / f"{name}.json").unlink(missing_ok=True)
        (folder / "articles" / f"{name}.json").unlink(missing_ok=True)
    (folder / "articles" / "kazakhstan-azerbaijan-strategic-partner.json").unlink()
    store.import_folder(folder, prune=True)
    remaining = ContentLibrary.load(folder)
    for query in ("Gabala", "Qəbələ", "Azərbaycan", "Bakı*"):
        assert ranking(store.search(query, limit=100)) == ranking(
            Index(remaining).search(query, limit=100)
        )
    assert_totals_match(store)
    assert store.reindex() == len(remaining)
    assert_totals_match(store)
    assert ranking(store.search("Azərbaycan", limit=100)) == ranking(
        Index(remaining).search("Azərbaycan", limit=100)
    )


def test_upgrade_from_the_first_revision_fills_the_index(store_url: str, tmp_path: Path) -> None:
    library = write_folder(tmp_path / "folder", generated(11, 25))
    store_at_first_revision(store_url, library)
    upgrade(store_url)
    index = Index(library)
    with open_store(store_url) as store:
        for query in ("forum", "Bakı", "summit*", '"regional forum"', "Town"):
            same_hits(store, index, query, None)
        assert store.search("forum", lang="az", since=dt.datetime(1900, 1, 1, tzinfo=dt.UTC))


def test_revision_0007_writes_the_pairs_and_0006_drops_them(store_url: str, tmp_path: Path) -> None:
    """A store at 0006 has no pairs' postings; the upgrade writes exactly what a write does."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from diplolib.store import _schema as s
    from diplolib.store._store import _MIGRATIONS, _engine
    from diplolib.store._store import store_url as url_of

    library = ContentLibrary(_names_library(5, 40))
    with open_store(store_url) as store:
        store.import_library(library)

    engine = _engine(url_of(store_url), 30.0)

    def postings() -> set[tuple[Any, ...]]:
        with engine.connect() as conn:
            return {tuple(r) for r in conn.execute(sa.select(s.search_postings))}

    written = postings()
    pairs = {row for row in written if row[3].startswith("+")}
    assert pairs
    assert any("#" in row[3] for row in pairs)  # names give pairs of keys too
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.connect().execution_options(diplolib_write=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    assert postings() == written - pairs
    assert upgrade(store_url) == "0007"
    assert postings() == written
    engine.dispose()
    with open_store(store_url) as store:
        same_hits(store, Index(library), '"zirvə görüşü"', "az")


# -- command line ------------------------------------------------------------------------


def test_search_command_on_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from diplolib.cli import main

    url = str(tmp_path / "content.db")
    with open_store(url) as store:
        store.import_library(ContentLibrary(snippet_articles(EVAL["snippets"])))
        expected = store.search("TÜRKSOY zirvə", lang="az", limit=3)
    capsys.readouterr()
    assert main(["search", "TÜRKSOY zirvə", "--lang", "az", "--store", url, "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records][:1] == [h.item.id for h in expected][:1]
    assert records[0]["snippet"] == expected[0].snippet
    assert main(["search", "Julfa", "--lang", "az", "--store", url]) == 0
    assert "[Culfada]" in capsys.readouterr().out
    assert main(["search", "x", "--store", url, "--library", str(tmp_path)]) == 2
    assert main(["search", "x", "--store", str(tmp_path / "missing.db")]) == 1
    assert "no content store" in capsys.readouterr().err


# -- the best-first read of a long postings list -------------------------------------------


def _hit_order(hits: Sequence[SearchHit]) -> list[tuple[float, str]]:
    return [(h.score, h.item.id) for h in hits]


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_best_first_reading_gives_the_full_ranking(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word's long list read best-first gives exactly the page a full scan gives."""
    from diplolib.store import _search

    library = write_folder(tmp_path / "in", generated(seed, 60))
    rng = random.Random(seed)
    words = sorted(
        {w.strip(".,") for a in library.articles() for _, t in a.title for w in t.split()}
    )
    with open_store(tmp_path / "c.db") as store:
        store.import_folder(tmp_path / "in")
        index = Index(library)
        for word in rng.sample(words, min(len(words), 12)):
            for lang in ("az", "en"):
                for limit in (1, 3, 10):
                    monkeypatch.setattr(_search, "_PRUNE_FROM", 10**9)
                    full = store.search(word, lang=lang, limit=limit)
                    monkeypatch.setattr(_search, "_PRUNE_FROM", 1)
                    pruned = store.search(word, lang=lang, limit=limit)
                    assert _hit_order(pruned) == _hit_order(full), (word, lang, limit)
                    assert ranking(pruned, limit) == ranking(
                        index.search(word, lang=lang, limit=10_000), limit
                    )[: len(pruned)] or _tied_at_the_end(pruned, index, word, lang)


def _tied_at_the_end(hits: Sequence[SearchHit], index: Index, word: str, lang: str) -> bool:
    """The page agrees with the index but for which of several tied items fill its end."""
    expected = index.search(word, lang=lang, limit=10_000)
    scores = [round(h.score, 5) for h in expected]
    got = [round(h.score, 5) for h in hits]
    return got == scores[: len(got)] and {h.item.id for h in hits} <= {
        h.item.id for h in expected if round(h.score, 5) >= got[-1]
    }


def _tied_library(count: int) -> list[Article]:
    """Articles whose titles are the same words: every item ties with every other."""
    return [
        Article.model_validate(
            {
                "id": f"same-{number:03d}",
                "slug": {"en": f"same-{number:03d}", "az": f"eyni-{number:03d}"},
                "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                "title": {"en": "Caspian forum", "az": "Xəzər forumu"},
                "lead": {"en": "A forum " * (number % 3 + 1), "az": "Forum " * (number % 3 + 1)},
                "published": f"2020-01-{number % 28 + 1:02d}T00:00:00Z",
                "original_language": "en",
            }
        )
        for number in range(count)
    ]


def test_ties_and_pages_on_a_long_list(
    store: ContentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplolib.store import _search

    monkeypatch.setattr(_search, "_PRUNE_FROM", 5)
    articles = _tied_library(90)
    store.import_library(ContentLibrary(articles))
    index = Index(articles)
    for query, lang in (("forum", "en"), ("forumu", "az"), ("Xəzər", "az"), ("forum", None)):
        every = store.search(query, lang=lang, limit=1000)
        assert ranking(every, 1000) == ranking(index.search(query, lang=lang, limit=1000), 1000)
        # best first; equal scores in one fixed order, the same on every page
        assert [h.score for h in every] == sorted((h.score for h in every), reverse=True)
        for size in (1, 7, 25):
            assert _hit_order(store.search(query, lang=lang, limit=size)) == _hit_order(
                every[:size]
            )
            pages: list[SearchHit] = []
            cursor = None
            while True:
                page = store.search(query, lang=lang, limit=size, cursor=cursor)
                pages.extend(page)
                if len(page) < size:
                    break
                cursor = page[-1]
            assert _hit_order(pages) == _hit_order(every), (query, lang, size)


@pytest.mark.parametrize("query", ["forum", '"Caspian forum"'])
def test_a_page_after_its_last_item_changed(tmp_path: Path, query: str) -> None:
    """The next page follows on when the previous page's last item was edited or deleted."""
    articles = _tied_library(12)
    with open_store(tmp_path / "c.db") as store:
        store.import_library(ContentLibrary(articles))
        first = store.search(query, lang="en", limit=4)
        every = [h.item.id for h in store.search(query, lang="en", limit=100)]
        last = first[-1].item
        # edited to score lower: the page after it is the same (the item moves down)
        edited = last.model_copy(update={"title": last.title.replace(en="Other news")})
        store.update(edited, version=store.version_of(last.id))
        rest = store.search(query, lang="en", limit=100, cursor=first[-1])
        assert [h.item.id for h in rest if h.item.id != last.id] == every[4:]
        # edited back: it keeps its place among the items it ties with
        store.update(last, version=store.version_of(last.id))
        assert [h.item.id for h in store.search(query, lang="en", limit=100)] == every
        # deleted: nothing after it is lost (items tied with it may come again)
        store.delete(last.id)
        rest = [h.item.id for h in store.search(query, lang="en", limit=100, cursor=first[-1])]
        assert set(every[4:]) <= set(rest)


# -- names the stemmer keeps: only the items they touch are indexed again ---------------------


def _village_articles() -> list[Article]:
    """Articles about a village whose name reads as a stem and an ending (Sarıca → sarıc + -a)."""
    texts = [
        ("village-1", "Sarıcada yeni məktəb açılıb", "A new school opened in Sarija"),
        ("village-2", "Sarıcanın sakinləri bayramı qeyd edib", "Residents of Sarija celebrated"),
        ("village-3", "Nazir Sarıcaya səfər edib", "The minister visited Sarija"),
        ("other-1", "Bakıda forum keçirilib", "A forum was held in Baku"),
        ("other-2", "Gəncədə sərgi açılıb", "An exhibition opened in Ganja"),
        ("other-3", "Sarıcalı müəllim mükafat alıb", "A teacher from Sarija won a prize"),
        ("other-4", "Kalada bazar açılıb", "A market opened in Kala"),
    ]
    return [
        Article.model_validate(
            {
                "id": key,
                "slug": {"en": key, "az": key},
                "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                "title": {"az": az_title, "en": en_title},
                "published": f"2021-03-0{number + 1}T09:00:00Z",
                "original_language": "az",
            }
        )
        for number, (key, az_title, en_title) in enumerate(texts)
    ]


def test_a_new_name_reindexes_only_the_items_it_touches(
    store: ContentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplolib.store import _search

    articles = _village_articles()
    store.import_library(ContentLibrary(articles))
    village = {
        "type": "place",
        "id": "sarica",
        "kind": "village",
        "name": {"en": "Sarija", "az": "Sarıca"},
    }
    indexed: list[str] = []
    original = _search._Rows.add

    def counting(self: Any, item: Any, doc: int, analyzer: Any) -> None:
        indexed.append(item.id)
        original(self, item, doc, analyzer)

    monkeypatch.setattr(_search._Rows, "add", counting)
    store.add(village)
    # The village itself and the three articles whose words now stem to "sarıca"; not the
    # others, not even "Sarıcalı" (it begins with "sarıc" too but stems the same either way).
    assert sorted(indexed) == ["sarica", "village-1", "village-2", "village-3"]
    index = Index(ContentLibrary([*articles, store.get("sarica")]))
    for query in ("Sarıca", "Sarıcada", "Sarija", "sarıc*", "Sarıcalı", "forum", "Kala"):
        for lang in (None, "az", "en"):
            same_hits(store, index, query, lang)
    # renamed: the village's articles go back, the other Kala's article changes
    indexed.clear()
    village_now = store.get("sarica")
    renamed = village_now.model_copy(update={"name": LocalizedText(en="Kala", az="Kala")})
    store.update(renamed, version=store.version_of("sarica"))
    assert sorted(indexed) == ["other-4", "sarica", "village-1", "village-2", "village-3"]
    index = Index(ContentLibrary([*articles, store.get("sarica")]))
    for query in ("Sarıca", "Sarıcanın", "Kala", "Kalada"):
        same_hits(store, index, query, "az")
    # deleted: back to where the articles stood without it
    indexed.clear()
    store.delete("sarica")
    assert indexed == ["other-4"]
    index = Index(ContentLibrary(articles))
    for query in ("Sarıca", "Kalada", "Sarıcalı"):
        same_hits(store, index, query, None)
    assert_totals_match(store)


def test_reindex_rebuilds_the_vocabulary(store: ContentStore) -> None:
    store.import_library(load_sample_library())
    before = store.search("Qəbələ", lang="az")
    assert store.reindex() == len(load_sample_library())
    assert _hit_order(store.search("Qəbələ", lang="az")) == _hit_order(before)


@pytest.mark.parametrize("most", [0, 1, 32])
def test_prefixes_read_as_terms_or_as_a_range_agree(
    most: int, store: ContentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A prefix shared by few terms is read term by term (best first), else as a range."""
    from diplolib.store import _search

    monkeypatch.setattr(_search, "_EXPAND_MAX", most)
    monkeypatch.setattr(_search, "_PRUNE_FROM", 2)
    library = load_sample_library()
    store.import_library(library)
    index = Index(library)
    for query in ("Azərbaycan*", "Az*", "qaz*", "sam*", "Gab*", "strateji tərəf*", "ə*"):
        for lang in (None, "az", "en"):
            same_hits(store, index, query, lang)


# -- two-word phrases read their own postings ------------------------------------------

# Words that meet by term, by name key, or both: names in several spellings and cases,
# inflected and not, the same word twice, and plain words around them.
_AZ_WORDS = [
    "Culfa",
    "Culfada",
    "culfa",
    "Julfa",
    "Ağdərə",
    "Ağdərənin",
    "Aghdara",
    "Saatlı",
    "Saatlıya",
    "saatlı",
    "Zirvə",
    "zirvə",
    "zirvəsi",
    "görüşü",
    "görüşündə",
    "Görüşü",
    "Bakı",
    "Bakıda",
    "bakı",
    "Baku",
    "şəhər",
    "şəhəri",
    "Qarabağ",
    "Qarabağın",
    "Karabakh",
    "TÜRKSOY-un",
    "türksoy",
    "və",
    "rayonu",
    "Rayonu",
    "Türk",
    "Şurası",
    "şurası",
    "Şura",
]
_EN_WORDS = [
    "Julfa",
    "Culfa",
    "julfa",
    "summit",
    "Summit",
    "meeting",
    "Baku",
    "Baki",
    "baku",
    "Karabakh",
    "Qarabag",
    "Aghdara",
    "Agdere",
    "Saatly",
    "district",
    "District",
    "and",
    "the",
    "Turkic",
    "Council",
    "council",
]
_PAIR_QUERIES = [
    "Culfa",
    "Julfa",
    "Culfada",
    "Ağdərə",
    "Aghdara",
    "Saatlı",
    "Saatly",
    "zirvə",
    "Zirvə",
    "görüşü",
    "Bakı",
    "Baku",
    "baku",
    "şəhər",
    "Qarabağ",
    "Karabakh",
    "TÜRKSOY",
    "türksoy",
    "və",
    "rayonu",
    "Türk",
    "Şurası",
    "summit",
    "meeting",
    "district",
    "council",
    "the",
]


def _names_library(seed: int, count: int) -> list[Article]:
    rng = random.Random(seed)

    def text(words: Sequence[str], low: int, high: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))

    articles = []
    for number in range(count):
        langs = rng.choice([("az", "en"), ("az",), ("en",), ("az", "en")])
        fields: dict[str, Any] = {}
        for name, low, high in (("title", 2, 5), ("lead", 0, 6), ("body", 0, 14)):
            value = {
                lang: text(_AZ_WORDS if lang == "az" else _EN_WORDS, low, high)
                for lang in langs
                if rng.random() < 0.9 or name == "title"
            }
            value = {lang: v for lang, v in value.items() if v}
            if value:
                fields[name] = [value] if name == "body" else value
        fields.setdefault("title", {langs[0]: rng.choice(_AZ_WORDS)})
        articles.append(
            Article.model_validate(
                {
                    "id": f"n{number:03d}",
                    "slug": dict.fromkeys(("az", "en"), f"n{number:03d}"),
                    "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                    "published": f"2020-02-{number % 28 + 1:02d}T00:00:00Z",
                    "original_language": langs[0],
                    **fields,
                }
            )
        )
    return articles


def test_pair_rows_count_each_pair_of_positions_once() -> None:
    """What a phrase reads from the pairs' rows is what its positions in the fields count."""
    import sqlalchemy as sa

    from diplolib.search import Analyzer, parse_query, search_fields
    from diplolib.store._search import _Query, _Rows

    rng = random.Random(7)
    analyzer = Analyzer()
    articles = _names_library(11, 60)
    checked = 0
    with sa.create_engine("sqlite://").connect() as conn:
        for reader in (None, "az", "en"):
            plan = _Query(conn, analyzer, reader, 1, 1.0)
            for article in articles:
                rows = _Rows()
                rows.add(article, 1, analyzer)
                texts = [v.split() for _, t in search_fields(article) for _, v in t]
                pairs = [w[i : i + 2] for w in texts for i in range(len(w) - 1)]
                for number in range(25):
                    if number % 2 and pairs:  # two neighbours of the text, as written
                        query = '"' + " ".join(rng.choice(pairs)).replace('"', "") + '"'
                    else:
                        query = f'"{rng.choice(_PAIR_QUERIES)} {rng.choice(_PAIR_QUERIES)}"'
                    (clause,) = parse_query(query)
                    options = plan.pair_options(clause)
                    assert options is not None, query
                    read = sum(
                        r["weight"] for r in rows.postings if any(o.matches(r) for o in options)
                    )
                    counted = 0.0
                    for field in rows.fields:
                        stored = plan.stored(field)
                        if stored is not None:
                            counted += stored.weight * len(plan.positions(stored, clause))
                    assert read == counted, (query, reader, article.id)
                    checked += bool(counted)
    assert checked > 1500  # the phrases found something often enough to test the counting


@pytest.mark.parametrize("seed", [21, 22])
def test_phrases_of_names_match_the_in_memory_index(
    seed: int, store: ContentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phrases over names in every spelling: the same hits from pairs' rows, from tokens, in memory."""
    from diplolib.store import _search

    library = ContentLibrary(_names_library(seed, 80))
    store.import_library(library)
    index = Index(library)
    rng = random.Random(seed)
    queries = [f'"{a} {b}"' for a, b in (rng.sample(_PAIR_QUERIES, 2) for _ in range(30))]
    queries += ['"Culfa Culfa"', '"zirvə görüşü"', '"Türk Şurası"', '"Baku summit"']
    queries += ['"Bakı şəhəri Qarabağ"', '"zirvə görüşü" Bakı', '"Türk Şurası" "zirvə görüşü"']
    queries += ['"Bakı şə*"', '"the Turkic Coun*"']
    found = 0
    for query in queries:
        for lang in (None, "az", "en"):
            same_hits(store, index, query, lang)
            found += bool(store.search(query, lang=lang, limit=1))
    assert found > len(queries)  # most phrases occur somewhere
    # The stored tokens alone give the same pages, first and later.
    for query in queries[:12]:
        for lang in (None, "az"):
            paired = store.search(query, lang=lang, limit=4)
            monkeypatch.setattr(_search._Query, "pair_options", lambda self, clause: None)
            tokens = store.search(query, lang=lang, limit=4)
            assert _hit_order(paired) == _hit_order(tokens), (query, lang)
            if tokens:
                later = store.search(query, lang=lang, limit=4, cursor=tokens[-1])
                monkeypatch.undo()
                assert _hit_order(store.search(query, lang=lang, limit=4, cursor=paired[-1])) == (
                    _hit_order(later)
                )
            monkeypatch.undo()


@pytest.mark.parametrize("seed", [3, 4, 5, 6])
def test_several_words_read_best_first_give_the_full_ranking(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words, names and two-word phrases together, read best first: the full scan's pages."""
    from diplolib.store import _search

    library = ContentLibrary(
        [*_names_library(seed, 300), *write_folder(tmp_path / "in", generated(seed, 40))]
    )
    rng = random.Random(seed)
    words = sorted(
        {w.strip(".,") for a in library.articles() for _, t in a.title for w in t.split()}
    )
    queries = [" ".join(rng.sample(words, rng.randint(2, 3))) for _ in range(6)]
    queries += [" ".join(rng.sample(_PAIR_QUERIES, rng.randint(2, 3))) for _ in range(6)]
    queries += [f'"{rng.choice(_PAIR_QUERIES)} {rng.choice(_PAIR_QUERIES)}" {rng.choice(words)}']
    queries += ["Julfa Culfada", "zirvə Bakı görüşü", "Baku summit", '"zirvə görüşü" Bakı']
    with open_store(tmp_path / "c.db") as store:
        store.import_library(library)
        index = Index(library)
        for query in queries:
            for lang in ("az", "en"):
                expected = index.search(query, lang=lang, limit=10_000)
                for limit in (1, 3, 10):
                    monkeypatch.setattr(_search, "_PRUNE_FROM", 10**9)
                    full = store.search(query, lang=lang, limit=limit)
                    # Long lists of a few items upwards, so that clauses have streams.
                    monkeypatch.setattr(_search, "_PRUNE_FROM", rng.choice([1, 5, 20]))
                    monkeypatch.setattr(_search, "_FIRST_READ", rng.choice([1, 2, 32]))
                    pruned = store.search(query, lang=lang, limit=limit)
                    assert _hit_order(pruned) == _hit_order(full), (query, lang, limit)
                    assert ranking(pruned, limit) == ranking(expected, limit)[: len(pruned)] or (
                        _tied_at_the_end(pruned, index, query, lang)
                    )


@pytest.mark.parametrize("limit", [1, 4, 7])
def test_several_words_on_a_list_of_ties(
    limit: int, store: ContentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every item scores the same: best-first reading gives the lowest numbers, page by page."""
    from diplolib.store import _search

    monkeypatch.setattr(_search, "_PRUNE_FROM", 2)
    monkeypatch.setattr(_search, "_FIRST_READ", 1)  # many rounds
    articles = _tied_library(45)
    store.import_library(ContentLibrary(articles))
    for query, lang in (("Caspian forum", "en"), ("Xəzər forumu", "az"), ("forum Caspian", "en")):
        expected = [a.id for a in articles]
        seen: list[str] = []
        cursor = None
        while True:
            page = store.search(query, lang=lang, limit=limit, cursor=cursor)
            if not page:
                break
            seen.extend(h.item.id for h in page)
            cursor = page[-1]
        # Ties in indexing order, as scores allow: the same items, each once.
        assert sorted(seen) == expected, (query, lang)
        assert len(set(seen)) == len(seen), (query, lang)
        first = store.search(query, lang=lang, limit=limit)
        monkeypatch.setattr(_search, "_PRUNE_FROM", 10**9)
        assert _hit_order(store.search(query, lang=lang, limit=limit)) == _hit_order(first)
        monkeypatch.setattr(_search, "_PRUNE_FROM", 2)
