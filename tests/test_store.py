"""The SQL content store against the folder library: same answers, same checks, lossless sync."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplolib import ContentLibrary, load_sample_library
from diplolib.errors import (
    ConflictError,
    DiplolibError,
    LibraryError,
    ReferencedItemError,
    StoreError,
    UnknownReferenceError,
)
from diplolib.library import item_json
from diplolib.models import Article, Place
from diplolib.reader import ArticleCursor, ContentReader
from diplolib.store import ContentStore, open_store, upgrade

SAMPLE_ITEMS = len(load_sample_library())  # the bundled sample's item count


# -- generated content -------------------------------------------------------------

_WORDS = [
    "bakı",
    "xəzər",
    "sammit",
    "səfir",
    "əməkdaşlıq",
    "tərəfdaş",
    "regional",
    "iqtisadi",
    "forum",
    "mədəniyyət",
]
_EN = [
    "baku",
    "caspian",
    "summit",
    "ambassador",
    "cooperation",
    "partner",
    "regional",
    "economic",
    "forum",
    "culture",
]


def generated(seed: int, articles: int = 40) -> list[dict[str, Any]]:
    """A random but valid library: entities, events and articles that reference them.

    Publication times collide on purpose (ties are broken by id), some articles
    mention an entity twice, some lack an Azerbaijani version, some are foreign press.
    """
    rng = random.Random(seed)
    docs: list[dict[str, Any]] = []
    places = [f"place-{i}" for i in range(6)]
    for i, pid in enumerate(places):
        doc: dict[str, Any] = {
            "type": "place",
            "id": pid,
            "kind": "city" if i else "country",
            "name": {"en": f"Town {i}"},
        }
        if i:
            doc["country"] = places[0]
        if rng.random() < 0.7:
            doc["name"]["az"] = f"Şəhər {i}"
        docs.append(doc)
    orgs = [f"org-{i}" for i in range(5)]
    for i, oid in enumerate(orgs):
        docs.append(
            {"type": "organization", "id": oid, "name": {"en": f"Union {i}", "az": f"Birlik {i}"}}
        )
    people = [f"person-{i}" for i in range(8)]
    for i, pid in enumerate(people):
        person: dict[str, Any] = {
            "type": "person",
            "id": pid,
            "given": {"en": f"Name{i}", "az": f"Ad{i}"},
            "family": {"en": f"Family{i}"},
        }
        if rng.random() < 0.5:
            person["positions"] = [
                {
                    "title": {"en": "Ambassador", "az": "Səfir"},
                    "organization": rng.choice(orgs),
                    "country": rng.choice(places),
                    "start": f"{rng.randint(1995, 2010)}",
                }
            ]
        docs.append(person)
    entities = places + orgs + people
    events = []
    for i in range(10):
        eid = f"event-{i}"
        events.append(eid)
        start = rng.choice(
            [
                "2010",
                "2010-05",
                "2010-05-01",
                f"20{rng.randint(10, 19)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            ]
        )
        event: dict[str, Any] = {
            "type": "event",
            "id": eid,
            "name": {"en": f"Meeting {i}", "az": f"Görüş {i}"},
            "start": start,
            "participants": [{"entity": e} for e in rng.sample(entities, rng.randint(0, 3))],
        }
        if rng.random() < 0.7:
            event["place"] = rng.choice(places)
        docs.append(event)
    times = [
        dt.datetime(2015, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=rng.randint(0, 2000))
        for _ in range(max(1, articles // 3))
    ]
    ids = [f"article-{i:03d}" for i in range(articles)]
    for i, aid in enumerate(ids):
        words = rng.sample(range(len(_EN)), 3)
        has_az = rng.random() < 0.7
        original = "az" if has_az and rng.random() < 0.3 else "en"
        title = {"en": " ".join(_EN[w] for w in words).capitalize() + f" {i}"}
        slug = {"en": f"{aid}-{_EN[words[0]]}"}
        if has_az:
            title["az"] = " ".join(_WORDS[w] for w in words).capitalize() + f" {i}"
            slug["az"] = f"{aid}-{_EN[words[1]]}-az"
        if original == "az" and rng.random() < 0.3:
            del title["en"]
            del slug["en"]
        mentions = rng.sample(entities, rng.randint(0, 4))
        if mentions and rng.random() < 0.2:
            mentions.append(mentions[0])
        zone = dt.timezone(dt.timedelta(hours=rng.choice([0, 4, -5])))
        published = rng.choice(times).astimezone(zone)
        article: dict[str, Any] = {
            "type": "article",
            "id": aid,
            "slug": slug,
            "section": rng.choice(
                [
                    {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                    {"id": "opinion", "name": {"en": "Opinion"}},
                    {
                        "id": "foreign-press",
                        "name": {"en": "Foreign press", "az": "Xarici mətbuat"},
                    },
                ]
            ),
            "title": title,
            "lead": {"en": "A lead."} if rng.random() < 0.5 else {},
            "body": [
                {k: f"Paragraph {p} ({k})." for k in title if rng.random() < 0.8} or {"en": "x"}
                for p in range(rng.randint(0, 3))
            ],
            "published": published.isoformat(),
            "original_language": original,
            "mentions": mentions,
            "events": rng.sample(events, rng.randint(0, 2)),
            "tags": [
                {"en": _EN[w], "az": _WORDS[w]} if rng.random() < 0.5 else {"en": _EN[w]}
                for w in rng.sample(range(len(_EN)), rng.randint(0, 2))
            ],
        }
        if i and rng.random() < 0.3:
            article["related"] = rng.sample(ids[:i], min(i, rng.randint(1, 3)))
        if rng.random() < 0.2:
            article["authors"] = [{"person": rng.choice(people)}]
        if rng.random() < 0.2:
            article["source"] = {
                "publication": {"en": "The Daily"},
                "url": "https://example.com/story",
                "published": rng.choice(["2018", "2018-04", "2018-04-11", "2017-12-30"]),
            }
        if has_az and rng.random() < 0.3:
            article["translation_sources"] = {"az": {"title": "0123456789abcdef"}}
        docs.append(article)
    return docs


def write_folder(folder: Path, docs: list[dict[str, Any]]) -> ContentLibrary:
    """Write documents as a content folder (canonical file text) and load it back."""
    from pydantic import TypeAdapter

    from diplolib.models import Item

    adapter: TypeAdapter[Any] = TypeAdapter(Item)
    library = ContentLibrary([adapter.validate_python(d) for d in docs])
    library.save(folder)
    return ContentLibrary.load(folder)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (not only the items), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith("content.db")
    }


@pytest.fixture
def sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    load_sample_library().save(folder)
    return folder


# -- queries: the same answers as the folder ---------------------------------------


def answers(reader: ContentReader) -> dict[str, Any]:
    """Every query of the read protocol over the whole content, as comparable data."""

    def ids(items: Any) -> list[str]:
        return [i.id for i in items]

    out: dict[str, Any] = {}
    all_items = sorted(reader, key=lambda i: i.id)
    out["items"] = {i.id: i for i in all_items}
    out["len"] = len(reader)
    out["contains"] = [i.id in reader for i in all_items] + ["nope" in reader, 3 in reader]
    out["file_of"] = {i.id: reader.file_of(i.id) for i in all_items}
    out["events"] = ids(reader.events())
    out["entities"] = {
        k: ids(reader.entities(k)) for k in (None, "person", "organization", "place")
    }
    out["foreign_press"] = ids(reader.foreign_press())
    out["coverage"] = [reader.coverage("en"), reader.coverage("az"), reader.coverage("az-AZ")]
    articles = list(reader.articles())
    out["articles"] = ids(articles)
    sections = [*sorted({a.section.id for a in articles}), "none"]
    tags = [*sorted({v for a in articles for t in a.tags for _, v in t})[:6], "no-such-tag"]
    entities = [i.id for i in all_items if i.type in {"person", "organization", "place"}]
    middle = articles[len(articles) // 2].published if articles else None
    filters: list[dict[str, Any]] = [{"section": s} for s in sections]
    filters += [{"lang": "az", "fallback": False}, {"lang": "en", "fallback": False}]
    filters += [{"lang": "az"}, *({"tag": t} for t in tags)]
    filters += [{"entity": e} for e in entities[:12]]
    if middle is not None:
        filters += [
            {"since": middle},
            {"until": middle},
            {
                "since": middle - dt.timedelta(days=20),
                "until": middle,
                "lang": "az",
                "fallback": False,
            },
            {"since": middle.astimezone(dt.timezone(dt.timedelta(hours=9)))},
        ]
    out["filtered"] = [ids(reader.articles(**f)) for f in filters]
    # Keyset pages of 7 and of 1 through everything, and through one section.
    for size, extra in (
        (7, {}),
        (1, {"section": sections[0]}),
        (3, {"lang": "az", "fallback": False}),
    ):
        pages: list[list[str]] = []
        cursor: ArticleCursor | None = None
        while True:
            page = list(reader.articles(after=cursor, limit=size, **extra))
            if not page:
                break
            pages.append(ids(page))
            cursor = ArticleCursor.parse(str(ArticleCursor.of(page[-1])))
        out[f"pages-{size}"] = pages
    out["by_slug"] = {
        (lang, slug): reader.by_slug(slug, lang).id
        for a in articles
        for lang, slug in a.slug.items()
    }
    out["related"] = {
        (a.id, n): ids(reader.related_articles(a.id, limit=n))
        for a in articles
        for n in (1, 3, 5, 10)
    }
    out["mentioning"] = {e: ids(reader.articles_mentioning(e)) for e in entities}
    out["timeline"] = {e: ids(reader.timeline(e)) for e in entities}
    return out


@pytest.mark.parametrize("content", ["sample", "generated-1", "generated-2"])
def test_queries_match_the_folder(content: str, store: ContentStore, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    if content == "sample":
        library = load_sample_library()
        library.save(folder)
        library = ContentLibrary.load(folder)
    else:
        library = write_folder(folder, generated(int(content[-1])))
    store.import_folder(folder)
    expected = answers(library)
    got = answers(store)
    for key in expected:
        assert got[key] == expected[key], key
    assert isinstance(store, ContentReader)


def test_query_errors_match_the_folder(store: ContentStore, sample_folder: Path) -> None:
    store.import_folder(sample_folder)
    library = ContentLibrary.load(sample_folder)
    calls: list[Callable[[ContentReader], Any]] = [
        lambda r: r.get("no-such-item"),
        lambda r: r.get("baku", Article),
        lambda r: r.by_slug("no-such-slug", "en"),
        lambda r: r.by_slug("azerbaijan-important-strategic-partner-of-kazakhstan", "az"),
        lambda r: r.related_articles("baku"),
        lambda r: r.related_articles("nope"),
        lambda r: r.articles_mentioning("nope"),
        lambda r: r.timeline("nope"),
        lambda r: r.coverage("fr"),
        lambda r: list(r.articles(limit=0)),
        lambda r: list(r.articles(since=dt.datetime(2017, 1, 1))),
        lambda r: list(r.articles(lang="de")),
    ]
    for call in calls:
        with pytest.raises(DiplolibError) as folder_error:
            call(library)
        with pytest.raises(type(folder_error.value)):
            call(store)


# -- folder ⇄ store ----------------------------------------------------------------


SAMPLE_DIR = Path(__import__("diplolib").__file__).parent / "data" / "sample"


def test_sample_round_trips_byte_identically(store: ContentStore, tmp_path: Path) -> None:
    source = tmp_path / "in"
    for file in SAMPLE_DIR.rglob("*"):
        if file.is_file() and file.suffix in (".json", ".toml"):
            target = source / file.relative_to(SAMPLE_DIR)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    assert (source / "az-forms.toml").is_file()  # comments and all, not a re-rendered table
    report = store.import_folder(source)
    assert len(report.added) == len(load_sample_library())
    store.export_folder(tmp_path / "out")
    assert folder_bytes(tmp_path / "out") == folder_bytes(source)
    assert store.az_forms == ContentLibrary.load(source).az_forms
    assert store.snapshot()[0] == ContentLibrary.load(source)


def test_forms_table_follows_imports_and_prune(store: ContentStore, sample_folder: Path) -> None:
    from diplolib.az import FORMS_FILE
    from diplolib.models import Person
    from diplolib.names import format_name

    forms = sample_folder / FORMS_FILE
    store.import_folder(sample_folder)
    assert store.az_forms.spoken("EXPO") == "ekspo"
    assert store.az_forms.spoken("ARB") is None
    person = Person(id="x", given={"az": "Vaqif"}, family={"az": "ARB"})
    assert format_name(person, lang="az", case="genitive", library=store) == "Vaqif ARB-nin"
    forms.write_text('[abbreviations]\n"ARB" = "ərəb"\n', "utf-8")
    assert store.import_folder(sample_folder).summary().startswith("0 added, 0 updated")
    assert store.az_forms.spoken("ARB") == "ərəb"
    assert store.az_forms.spoken("EXPO") is None
    assert format_name(person, lang="az", case="genitive", library=store) == "Vaqif ARB-in"
    assert format_name(person, lang="az", case="genitive", library=store.snapshot()[0]) == (
        "Vaqif ARB-in"
    )
    forms.unlink()
    store.import_folder(sample_folder)  # without prune the stored table stays
    assert store.az_forms.spoken("ARB") == "ərəb"
    store.import_folder(sample_folder, prune=True)
    assert not store.az_forms
    assert format_name(person, lang="az", case="genitive", library=store) == "Vaqif ARB-nin"


def test_a_bad_forms_table_is_refused_and_changes_nothing(
    store: ContentStore, sample_folder: Path
) -> None:
    from diplolib.az import FORMS_FILE

    store.import_folder(sample_folder)
    before = store.az_forms
    baku = sample_folder / "places" / "baku.json"
    data = json.loads(baku.read_text())
    data["wikidata"] = "Q9248"
    baku.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    for bad in ('[names."Bakı"]\nvocative = "x"\n', "[abbreviations\n", "x = 1\n"):
        (sample_folder / FORMS_FILE).write_text(bad, "utf-8")
        with pytest.raises(LibraryError, match=r"az-forms\.toml"):
            store.import_folder(sample_folder)
        assert store.az_forms == before
        assert store.version_of("baku") == 1
    (sample_folder / FORMS_FILE).write_bytes(b"\xff[abbreviations]\n")
    with pytest.raises(LibraryError, match=r"az-forms\.toml"):
        store.import_folder(sample_folder)


def test_import_library_keeps_its_forms_table(store: ContentStore, tmp_path: Path) -> None:
    from diplolib.az import FormsTable

    library = load_sample_library()
    store.import_library(library)
    assert store.az_forms == library.az_forms
    bare = ContentLibrary(list(library), az_forms=FormsTable())
    store.import_library(bare)
    assert store.az_forms == library.az_forms
    store.import_library(bare, prune=True)
    assert not store.az_forms
    store.export_folder(tmp_path / "out")
    assert not (tmp_path / "out" / "az-forms.toml").exists()


def test_hand_written_files_come_back_byte_for_byte(store: ContentStore, tmp_path: Path) -> None:
    """Files need not be in the canonical format nor named after their id."""
    source = tmp_path / "in"
    load_sample_library().save(source)
    odd = source / "places" / "baku.json"
    text = json.dumps(json.loads(odd.read_text()), ensure_ascii=True, indent=4, sort_keys=True)
    odd.write_text(text + "\n\n")
    (source / "places" / "baku.json").rename(source / "misc-baku.json")
    store.import_folder(source)
    assert store.file_of("baku") == "misc-baku.json"
    store.export_folder(tmp_path / "out")
    assert folder_bytes(tmp_path / "out") == folder_bytes(source)


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), count=st.integers(0, 25))
def test_folder_store_folder_is_lossless(seed: int, count: int, tmp_path: Path) -> None:
    work = tmp_path / f"run-{seed}-{count}"
    source = work / "in"
    library = write_folder(source, generated(seed, count))
    with open_store(work / "content.db") as store:
        store.import_folder(source)
        store.export_folder(work / "out")
        assert ContentLibrary.load(work / "out") == library
    assert folder_bytes(work / "out") == folder_bytes(source)


def test_import_is_idempotent_and_prunes(store: ContentStore, sample_folder: Path) -> None:
    first = store.import_folder(sample_folder)
    assert len(first.added) == SAMPLE_ITEMS
    again = store.import_folder(sample_folder)
    assert (again.added, again.updated, again.unchanged) == ([], [], SAMPLE_ITEMS)
    assert store.version_of("baku") == 1
    baku = sample_folder / "places" / "baku.json"
    data = json.loads(baku.read_text())
    data["wikidata"] = "Q9248"
    baku.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    (sample_folder / "organizations" / "washington-post.json").unlink()
    kept = store.import_folder(sample_folder)
    assert (kept.updated, kept.deleted, kept.unchanged) == (["baku"], [], SAMPLE_ITEMS - 2)
    assert store.version_of("baku") == 2
    assert store.get("baku", Place).wikidata == "Q9248"
    assert "washington-post" in store
    pruned = store.import_folder(sample_folder, prune=True)
    assert (pruned.deleted, pruned.updated) == (["washington-post"], [])
    assert "washington-post" not in store
    assert len(store) == SAMPLE_ITEMS - 1


def test_import_of_a_broken_folder_reports_the_loaders_problems_and_changes_nothing(
    store: ContentStore, sample_folder: Path
) -> None:
    store.import_folder(sample_folder)
    before = answers(store)
    baku = sample_folder / "places" / "baku.json"
    baku.write_text(baku.read_text().replace('"azerbaijan"', '"azerbaijn"'))
    (sample_folder / "places" / "georgia.json").write_text("{ not json")
    with pytest.raises(LibraryError) as expected:
        ContentLibrary.load(sample_folder)
    with pytest.raises(LibraryError) as got:
        store.import_folder(sample_folder, prune=True)
    assert got.value.problems == expected.value.problems
    assert answers(store) == before


# -- validated writes ------------------------------------------------------------


def _article(**changes: Any) -> dict[str, Any]:
    doc = json.loads(
        item_json(load_sample_library().get("kazakhstan-azerbaijan-strategic-partner"))
    )
    doc.update(id="new-article", slug={"en": "a-new-article", "az": "yeni-meqale"})
    doc.pop("related", None)
    doc.update(changes)
    return doc


BROKEN: dict[str, Any] = {
    "missing title": _article(title=None),
    "unknown field": _article(colour="red"),
    "bad id": _article(id="New Article"),
    "look-alike letters": _article(
        title={"en": "Title", "az": "B\u04d9k\u0131 g\u04e9r\u04af\u0448\u04af"}
    ),
    "dangling mention": _article(mentions=["ilham-aliyev", "heydar-aliyv"]),
    "wrong kind": _article(events=["baku"], related=["baku"]),
    "duplicate slug": _article(slug={"en": "azerbaijan-important-strategic-partner-of-kazakhstan"}),
    "bad dateline": _article(dateline={"place": "astana-city", "date": "2017-03-02"}),
    "event with unknown place": {
        "type": "event",
        "id": "new-event",
        "name": {"en": "Talks"},
        "start": "2019-13",
        "place": "bakku",
    },
    "person in unknown org": {
        "type": "person",
        "id": "new-person",
        "given": {"en": "A"},
        "positions": [{"title": {"en": "Envoy"}, "organization": "baku", "country": "un"}],
    },
    "duplicate id": {"type": "place", "id": "baku", "kind": "city", "name": {"en": "Baku again"}},
    "invalid json": "{ nope",
    "not an object": "[1, 2]",
    "unknown type": {"type": "speech", "id": "x"},
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_writes_report_what_the_folder_loader_reports(
    case: str, store: ContentStore, sample_folder: Path
) -> None:
    store.import_folder(sample_folder)
    document = BROKEN[case]
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    name = "broken.json"
    if isinstance(document, dict) and isinstance(document.get("id"), str):
        folder = {"article": "articles", "event": "events", "person": "people", "place": "places"}
        name = f"{folder.get(document['type'], 'x')}/{document['id']}.json"
    (sample_folder / name).parent.mkdir(exist_ok=True)
    if case == "duplicate id":
        name = "places/zz-baku.json"
    (sample_folder / name).write_text(text)
    with pytest.raises(LibraryError) as loader:
        ContentLibrary.load(sample_folder)
    expected = [p for p in loader.value.problems if p.file == name]
    assert expected, loader.value
    with pytest.raises(LibraryError) as write:
        store.add(text)
    got = write.value.problems
    if case in {"invalid json", "not an object", "unknown type"}:
        assert [(p.location, p.message) for p in got] == [(p.location, p.message) for p in expected]
    elif case == "duplicate id":
        assert [(p.location) for p in got] == ["id"]
        assert "duplicate id 'baku'" in got[0].message
    else:
        assert got == expected
    assert len(store) == SAMPLE_ITEMS


def test_update_checks_and_versions(store: ContentStore, sample_folder: Path) -> None:
    store.import_folder(sample_folder)
    baku = store.get("baku", Place)
    assert store.update(baku.model_copy(update={"wikidata": "Q9248"}), version=1) == 2
    with pytest.raises(ConflictError) as stale:
        store.update(baku, version=1)
    assert (stale.value.item_id, stale.value.expected, stale.value.actual) == ("baku", 1, 2)
    assert "version 1" in str(stale.value)
    assert "version 2" in str(stale.value)
    assert isinstance(stale.value, DiplolibError)
    assert store.get("baku", Place).wikidata == "Q9248"
    # A bad update changes nothing and keeps the version.
    broken = json.loads(item_json(baku))
    broken["country"] = "nowhere"
    with pytest.raises(LibraryError, match=r"places/baku\.json: country: unknown Place 'nowhere'"):
        store.update(broken, version=2)
    assert store.version_of("baku") == 2
    # Turning a place into an organization breaks the items that point at it as a place.
    org = {"type": "organization", "id": "baku", "name": {"en": "Baku"}}
    with pytest.raises(LibraryError) as kind:
        store.update(org, version=2)
    assert any(
        p.file == "events/caspian-summit-2010.json" and p.location == "place"
        for p in kind.value.problems
    )
    with pytest.raises(UnknownReferenceError):
        store.update(
            {"type": "place", "id": "atlantis", "kind": "city", "name": {"en": "A"}}, version=1
        )
    # Slugs move between articles in one update each.
    article = store.get("kazakhstan-azerbaijan-strategic-partner", Article)
    moved = article.model_copy(update={"slug": {"en": "a-moved-slug", "az": article.slug["az"]}})
    assert store.update(moved, version=1) == 2
    assert store.by_slug("a-moved-slug", "en").id == article.id
    with pytest.raises(UnknownReferenceError):
        store.by_slug(article.slug["en"], "en")


def test_delete_refuses_referenced_items_unless_cascading(
    store: ContentStore, sample_folder: Path
) -> None:
    store.import_folder(sample_folder)
    with pytest.raises(ReferencedItemError) as refused:
        store.delete("astana")
    library = ContentLibrary.load(sample_folder)
    referrers = sorted(
        i.id
        for i in library
        if i.id != "astana"
        and "astana"
        in json.dumps(
            i.model_dump(
                mode="json", exclude={"id", "slug", "title", "body", "lead", "name", "description"}
            )
        )
    )
    assert refused.value.referrers == referrers
    assert "astana" in store
    with pytest.raises(ConflictError):
        store.delete("washington-post-trump-2018", version=7)
    assert store.delete("washington-post-trump-2018", version=1) == ["washington-post-trump-2018"]
    deleted = store.delete("astana", cascade=True)
    assert "astana" in deleted
    assert set(referrers) <= set(deleted)
    remaining = list(store)
    assert all(i.id not in deleted for i in remaining)
    # What is left is still a consistent library.
    assert len(ContentLibrary(remaining)) == len(store)
    with pytest.raises(UnknownReferenceError):
        store.delete("astana")


def test_add_then_read_back_equals_the_model(store: ContentStore, sample_folder: Path) -> None:
    store.import_folder(sample_folder)
    doc = _article()
    assert store.add(doc) == 1
    added = store.get("new-article", Article)
    assert added == ContentLibrary.load(sample_folder).get(
        "kazakhstan-azerbaijan-strategic-partner"
    ).model_copy(update={"id": "new-article", "slug": added.slug, "related": ()})
    assert store.by_slug("yeni-meqale", "az").id == "new-article"
    assert store.file_of("new-article") == "articles/new-article.json"


# -- opening and migrations --------------------------------------------------------


def test_open_refuses_foreign_and_outdated_databases(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(StoreError, match="not a diplolib content store"):
        open_store(other)
    with pytest.raises(StoreError, match="no content store at"):
        open_store(tmp_path / "new.db", create=False)
    old = tmp_path / "old.db"
    assert upgrade(old, "0001") == "0001"
    with pytest.raises(StoreError, match="diplolib store upgrade"):
        open_store(old)
    assert upgrade(old) == "0007"
    assert upgrade(old) == "0007"
    open_store(old).close()


def _rows_at_first_revision(library: ContentLibrary) -> Any:
    from diplolib.store._store import _Rows

    rows = _Rows()
    for item in library:
        rows.add(item, item_json(item), library.file_of(item.id) or "", 1)
    return rows


def store_at_first_revision(store_url: str, library: ContentLibrary) -> tuple[Any, set[str]]:
    """A store at revision 0001 holding ``library`` as that revision wrote it; its rows and tables."""
    import sqlalchemy as sa

    from diplolib.store import _schema as s
    from diplolib.store._store import store_url as url_of

    assert upgrade(store_url, "0001") == "0001"
    rows = _rows_at_first_revision(library)
    engine = sa.create_engine(url_of(store_url))
    with engine.begin() as conn:
        conn.execute(sa.insert(s.items), rows.items)
        for table in (s.item_languages, s.slugs, s.refs):
            if rows.children[table.name]:
                conn.execute(sa.insert(table), rows.children[table.name])
        tables = set(sa.inspect(conn).get_table_names())
    engine.dispose()
    return rows, tables


def test_first_revision_upgrades_to_head_with_data_intact(store_url: str, tmp_path: Path) -> None:
    import sqlalchemy as sa

    from diplolib.store import _schema as s

    folder = tmp_path / "folder"
    library = write_folder(folder, generated(7, 30))
    rows, tables = store_at_first_revision(store_url, library)
    assert "tags" not in tables
    assert "translation_sources" not in tables
    assert rows.children["tags"]
    assert rows.children["translation_sources"]
    assert upgrade(store_url) == "0007"
    with open_store(store_url) as store:
        assert answers(store) == answers(library)
        assert not store.az_forms
        engine = store.engine
        with engine.connect() as conn:
            tags = conn.execute(sa.select(s.tags)).all()
            sources = conn.execute(sa.select(s.translation_sources)).all()
    key = ("item_id", "position", "lang", "tag")
    assert sorted(tuple(r._mapping[k] for k in key) for r in tags) == sorted(
        tuple(r[k] for k in key) for r in rows.children["tags"]
    )
    assert len(sources) == len(rows.children["translation_sources"])


def test_migrations_head_matches_the_schema_module() -> None:
    from alembic.script import ScriptDirectory

    from diplolib.store import HEAD_REVISION
    from diplolib.store._store import _MIGRATIONS

    script = ScriptDirectory(str(_MIGRATIONS))
    assert script.get_current_head() == HEAD_REVISION
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_schema_module_matches_the_migrated_database(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from diplolib.store import _schema as s

    upgrade(tmp_path / "c.db")
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'c.db'}")
    inspector = sa.inspect(engine)
    for table in s.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.c.keys()), table.name
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        assert indexes == {i.name for i in table.indexes}, table.name
    engine.dispose()


def test_postgres_is_required_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PostgreSQL the tests skip locally but fail in CI."""
    import _postgres

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must test PostgreSQL"):
        _postgres._missing("PostgreSQL is not installed")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        _postgres._missing("PostgreSQL is not installed")


@pytest.mark.parametrize("seed", [3, 4])
def test_article_filters_mean_what_they_say(seed: int, tmp_path: Path) -> None:
    """The folder's filters checked against plain list comprehensions (the store is checked
    against the folder above)."""
    library = write_folder(tmp_path / "c", generated(seed, 60))
    every = list(library.articles())
    assert [(a.published, a.id) for a in every] == sorted(
        ((a.published, a.id) for a in every), reverse=True
    )
    for article in every:
        for lang in ("en", "az"):
            available = [a for a in every if a.translations[lang] != "missing"]
            assert list(library.articles(lang=lang, fallback=False)) == available
            assert list(library.articles(lang=lang)) == every
        tags = {v for t in article.tags for _, v in t}
        for tag in tags:
            assert article in library.articles(tag=tag)
        cut = article.published
        assert list(library.articles(since=cut)) == [a for a in every if a.published >= cut]
        assert list(library.articles(until=cut)) == [a for a in every if a.published < cut]
        assert article in library.articles(since=cut, until=cut + dt.timedelta(microseconds=1))
        for entity in article.mentions:
            assert list(library.articles(entity=entity)) == [
                a for a in every if entity in a.mentions
            ]
    for size in (1, 4, 9):
        seen: list[Article] = []
        cursor = None
        while page := list(library.articles(after=cursor, limit=size)):
            assert len(page) <= size
            seen.extend(page)
            cursor = ArticleCursor.of(page[-1])
        assert seen == every
    with pytest.raises(DiplolibError, match="timezone-aware"):
        list(library.articles(until=dt.datetime(2016, 1, 1)))
    with pytest.raises(DiplolibError, match="ArticleCursor"):
        list(library.articles(after="2016"))  # type: ignore[arg-type]


def test_item_counts_follow_every_kind_of_write(store: ContentStore, tmp_path: Path) -> None:
    """The kept counts (stats, len, related ranking) equal a fresh count after any write."""
    import sqlalchemy as sa

    from diplolib.store import _schema as s

    def fresh() -> dict[str, int]:
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(s.items.c.kind, sa.func.count()).group_by(s.items.c.kind)
            ).all()
        return {str(kind): int(n) for kind, n in rows}

    def check() -> None:
        counted = fresh()
        assert {k: v for k, v in store.stats().items() if v} == counted
        assert len(store) == sum(counted.values())

    check()
    library = load_sample_library()
    store.import_library(library)
    check()
    store.add({"type": "place", "id": "shusha", "kind": "city", "name": {"en": "Shusha"}})
    check()
    # an unreferenced place becomes an organisation: one kind down, another up
    store.update(
        {"type": "organization", "id": "shusha", "name": {"en": "Shusha Fund"}},
        version=store.version_of("shusha"),
    )
    check()
    store.delete("shusha")
    check()
    store.delete("gabala", cascade=True)
    check()
    folder = tmp_path / "folder"
    write_folder(folder, generated(5, 12))
    store.import_folder(folder, prune=True)
    check()
