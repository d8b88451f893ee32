from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from diplolib import (
    Article,
    ContentLibrary,
    LibraryError,
    Place,
    UnknownReferenceError,
    load_sample_library,
)

SEED = "kazakhstan-azerbaijan-strategic-partner"


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    load_sample_library().save(folder)
    return folder


def edit(folder: Path, file: str, **changes: object) -> None:
    path = folder / file
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(folder)
    return [str(p) for p in info.value.problems]


def test_sample_library_content() -> None:
    lib = load_sample_library()
    seed = lib.get(SEED, Article)
    assert (
        seed.title.get("en")
        == "Azerbaijan is an important strategic partner of Kazakhstan in the Caucasus region"
    )
    assert seed.dateline is not None
    assert seed.dateline.date.isoformat() == "2017-03-02"
    assert lib.get(seed.dateline.place, Place).name.get("az") == "Bakı"
    assert len(seed.body) >= 8
    assert all(not p.missing() for p in seed.body), "every paragraph exists in both languages"
    entities = list(lib.entities())
    assert len(entities) >= 12
    assert all(e.display_name("az") for e in entities)
    events = list(lib.events())
    assert len(events) >= 6
    precisions = {e.start.precision for e in events}
    assert precisions == {"year", "month", "day"}
    press = lib.foreign_press()
    assert [
        (a.source.publication.get("en"), a.source.published.isoformat()) for a in press if a.source
    ] == [
        ("The Washington Post", "2018-04-11"),
        ("Project Syndicate", "2018-04-03"),
    ]


def test_sample_round_trips_through_a_folder(sample_dir: Path) -> None:
    assert ContentLibrary.load(sample_dir) == load_sample_library()


def test_queries() -> None:
    lib = load_sample_library()
    assert lib.by_slug("azerbaijan-important-strategic-partner-of-kazakhstan", "en-GB").id == SEED
    with pytest.raises(UnknownReferenceError, match="no article with 'en' slug 'nope'"):
        lib.by_slug("nope", "en")
    related = [a.id for a in lib.related_articles(SEED)]
    assert related[:2] == ["caspian-summit-baku-2010", "gabala-turkic-council-summit-2013"]
    assert lib.related_articles(SEED, limit=1) == [lib.get("caspian-summit-baku-2010")]
    # implicit relations come from shared entities, never the article itself
    implicit = [a.id for a in lib.related_articles("caspian-summit-baku-2010")]
    assert SEED in implicit
    assert "caspian-summit-baku-2010" not in implicit
    assert next(a.id for a in lib.articles_mentioning("ilham-aliyev")) == SEED
    timeline = lib.timeline("nursultan-nazarbayev")
    assert [e.start for e in timeline] == sorted(e.start for e in timeline)
    assert "nakhchivan-summit-2009" in [e.id for e in timeline]
    with pytest.raises(UnknownReferenceError, match="did you mean 'ilham-aliyev'"):
        lib.get("ilham-aliev")
    with pytest.raises(UnknownReferenceError, match="is a place, not a article"):
        lib.get("baku", Article)


def test_articles_filter_and_order() -> None:
    lib = load_sample_library()
    published = [a.published for a in lib.articles()]
    assert published == sorted(published, reverse=True)
    assert {a.section.id for a in lib.articles(section="news")} == {"news"}


def test_bad_folder_reports_every_problem_at_once(sample_dir: Path) -> None:
    edit(
        sample_dir,
        f"articles/{SEED}.json",
        published="2017-03-02T11:30:00",
        slug={"en": "has spaces"},
    )
    edit(sample_dir, "events/expo-2017.json", place="astanna")
    edit(sample_dir, "places/baku.json", name={"en": "Baku", "az": "Bak\u04d9"})
    (sample_dir / "articles" / "broken.json").write_text(
        '{"type": "article", "id": ', encoding="utf-8"
    )
    (sample_dir / "people" / "odd.json").write_text(
        '{"type": "robot", "id": "r2"}', encoding="utf-8"
    )
    found = problems(sample_dir)
    text = "\n".join(found)
    assert (
        f"articles/{SEED}.json: published: Input should have timezone info (got '2017-03-02T11:30:00')"
        in text
    )
    assert f"articles/{SEED}.json: slug.en: invalid slug 'has spaces'" in text
    assert "events/expo-2017.json: place: unknown Place 'astanna'; did you mean 'astana'?" in text
    assert "places/baku.json: name: az: look-alike letter 'ә' (U+04D9" in text
    assert "articles/broken.json: line 1 column 27: invalid JSON" in text
    assert "people/odd.json: type: unknown document type 'robot'" in text
    assert len(found) == 6


def test_dangling_and_mistyped_references(sample_dir: Path) -> None:
    edit(
        sample_dir, f"articles/{SEED}.json", related=["baku"], mentions=["heydar-aliyev", "nobody"]
    )
    found = problems(sample_dir)
    assert any("related[0]: 'baku' is a place, expected Article" in p for p in found)
    assert any("mentions[1]: unknown Person or Organization or Place 'nobody'" in p for p in found)


def test_duplicate_ids_and_slugs(sample_dir: Path) -> None:
    shutil.copy(sample_dir / "places" / "baku.json", sample_dir / "places" / "baku-copy.json")
    data = json.loads(
        (sample_dir / "articles" / "caspian-summit-baku-2010.json").read_text(encoding="utf-8")
    )
    data["id"] = "another"
    (sample_dir / "articles" / "another.json").write_text(json.dumps(data), encoding="utf-8")
    found = problems(sample_dir)
    assert any("duplicate id 'baku'" in p for p in found)
    assert any("slug 'caspian-leaders-meet-in-baku' is already used" in p for p in found)


def test_unknown_language_code_in_content(sample_dir: Path) -> None:
    edit(sample_dir, "places/baku.json", name={"en": "Baku", "ru": "Баку"})
    found = problems(sample_dir)
    assert any("places/baku.json: name: unsupported language 'ru'" in p for p in found)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "one JSON object"),
        (b"", "invalid JSON"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, needle: str) -> None:
    (tmp_path / "x.json").write_bytes(content)
    assert any(needle in p for p in problems(tmp_path))


def test_empty_and_missing_folders(tmp_path: Path) -> None:
    assert any("no *.json content files" in p for p in problems(tmp_path))
    assert any("not a folder" in p for p in problems(tmp_path / "nope"))


def test_save_refuses_nothing_half_written(sample_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    files = load_sample_library().save(out)
    assert all(f.suffix == ".json" or f.name == "az-forms.toml" for f in files)
    assert ContentLibrary.load(out).az_forms == load_sample_library().az_forms
    assert not list(out.rglob("*.tmp"))


def test_coverage() -> None:
    lib = load_sample_library()
    assert lib.coverage("en") < 1.0  # one article exists only in Azerbaijani
    assert 0.5 < lib.coverage("az") <= 1.0


def test_long_problem_lists_are_summarised_but_kept(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"bad-{i:02d}.json").write_text("{", encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        ContentLibrary.load(tmp_path)
    assert len(info.value.problems) == 60
    assert str(info.value).endswith("... and 10 more")


def test_entity_names_in_english_are_romanised_when_only_azerbaijani_exists() -> None:
    from diplolib import Organization

    assert Place(id="qax", kind="district", name={"az": "Qax"}).display_name("en") == "Gakh"
    assert (
        Place(id="baku", kind="city", name={"en": "Baku"}).display_name("az") == "Baku"
    )  # never guessed
    org = Organization(id="x", name={"az": "Milli Məclis"}, abbreviation={"az": "MM"})
    assert org.display_name("en") == "Milli Majlis"


def test_forms_table_is_read_from_the_content_folder(sample_dir: Path) -> None:
    from diplolib import az
    from diplolib.names import format_name

    (sample_dir / "az-forms.toml").write_text('[abbreviations]\n"TDƏŞ" = "tədəş"\n', "utf-8")
    lib = ContentLibrary.load(sample_dir)
    assert lib.az_forms.spoken("TDƏŞ") == "tədəş"
    assert az.inflect("TDƏŞ", "genitive", table=lib.az_forms) == "TDƏŞ-in"
    assert az.inflect("TDƏŞ", "genitive") == "TDƏŞ-nin"
    person = lib.get("nursultan-nazarbayev")
    assert format_name(person, lang="az", case="dative", library=lib) == "Nursultan Nazarbayevə"


def test_a_bad_forms_table_is_a_content_problem(sample_dir: Path) -> None:
    (sample_dir / "az-forms.toml").write_text('[names."Bakı"]\nvocative = "x"\n', "utf-8")
    found = problems(sample_dir)
    assert any(
        p.startswith("az-forms.toml: ") and p.count("az-forms.toml") == 1 and "'vocative'" in p
        for p in found
    )


def test_without_a_forms_table_the_library_has_an_empty_one(sample_dir: Path) -> None:
    (sample_dir / "az-forms.toml").unlink()
    lib = ContentLibrary.load(sample_dir)
    assert not lib.az_forms
    assert lib != load_sample_library()  # the sample's table is part of the library


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(
    sample_dir: Path, tmp_path: Path, enabled: bool
) -> None:
    import gc

    broken = tmp_path / "broken"
    shutil.copytree(sample_dir, broken)
    (broken / "places" / "baku.json").write_text("{", encoding="utf-8")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert ContentLibrary.load(sample_dir) == load_sample_library()
        assert gc.isenabled() is enabled
        with pytest.raises(LibraryError):
            ContentLibrary.load(broken)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
