"""Content translation through PO files: export, import, stale detection, status, CLI."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplolib import (
    Article,
    CatalogError,
    ContentError,
    ContentLibrary,
    Place,
    export_po,
    import_po,
    load_sample_library,
)
from diplolib._atomic import write_all
from diplolib.cli import main
from diplolib.models import Item
from diplolib.po import FIELD_LIMITS, field_limit, source_hash, text_fields, translation_status

SEED = "kazakhstan-azerbaijan-strategic-partner"
AZ_ORIGINAL = "gabala-turkic-council-summit-2013"


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    load_sample_library().save(folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def ctx(item_id: str, path: str, kind: str = "article") -> str:
    return f"{kind}:{item_id}:{path}"


def entry(po: polib.POFile, context: str) -> polib.POEntry:
    found = po.find(context, by="msgctxt", include_obsolete_entries=True)
    assert found is not None, context
    return found


def save(po: polib.POFile, path: Path) -> Path:
    po.save(str(path))
    return path


def edit_source(folder: Path, item_id: str, path: str, text: str) -> None:
    """Change an English text in a content file, as an editor would."""
    file = folder / ContentLibrary.load(folder).file_of(item_id)  # type: ignore[operator]
    data = json.loads(file.read_text(encoding="utf-8"))
    target = data
    parts = path.replace("]", "").replace("[", ".").split(".")
    for part in parts:
        target = target[int(part)] if part.isdigit() else target[part]
    target["en"] = text
    file.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# export


def test_export_has_one_entry_per_field_with_source_text() -> None:
    lib = load_sample_library()
    po = export_po(lib, "en", "az")
    expected = [
        f"{item.type}:{item.id}:{path}"
        for item in lib
        if not (isinstance(item, Article) and item.original_language == "az")
        for path, text in text_fields(item).items()
        if text.get("en", fallback=False)
    ]
    assert sorted(e.msgctxt for e in po) == sorted(expected)
    assert not any(e.msgctxt.startswith(f"article:{AZ_ORIGINAL}:") for e in po)


def test_export_entry_content_and_comments() -> None:
    lib = load_sample_library()
    article = lib.get(SEED, Article)
    po = export_po(lib, "en", "az")
    e = entry(po, ctx(SEED, "body[3]"))
    assert e.msgid == article.body[3].get("en")
    assert e.msgstr == article.body[3].get("az")
    assert f"source-hash: {source_hash(e.msgid)}" in e.comment
    assert f"body paragraph 4 of {len(article.body)}" in e.comment
    assert "slug (az): azerbaycan-qazaxistanin-strateji-terefdasidir" in e.comment
    assert e.occurrences == [("articles/kazakhstan-azerbaijan-strategic-partner.json", "")]
    title = entry(po, ctx(SEED, "title"))
    assert "limit: at most 200 characters" in title.comment
    assert not e.flags


def test_export_header() -> None:
    po = export_po([load_sample_library().get("baku")], "en-GB", "az_AZ")
    assert po.metadata["Language"] == "az"
    assert po.metadata["X-Source-Language"] == "en"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize(("source", "target"), [("en", "en"), ("az", "az-AZ"), ("en", "fr")])
def test_export_rejects_bad_language_pairs(source: str, target: str) -> None:
    with pytest.raises(ValueError, match=r"both|unsupported"):
        export_po(load_sample_library(), source, target)


@pytest.mark.parametrize(("source", "target"), [("en", "az"), ("az", "en")])
def test_exported_file_passes_msgfmt_polib_and_babel(
    source: str, target: str, tmp_path: Path
) -> None:
    from babel.messages.pofile import read_po

    from diplolib._gettext.po import parse_po

    po = export_po(load_sample_library(), source, target)
    # a fuzzy entry with a previous msgid and an obsolete one must pass too
    po[0].flags.append("fuzzy")
    po[0].previous_msgid = "An older source text"
    po.append(polib.POEntry(msgctxt="place:gone:name", msgid="Gone", msgstr="Yox", obsolete=True))
    path = save(po, tmp_path / "content.po")
    parse_po(path.read_bytes(), str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(polib.pofile(str(path))) == len(po)
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    assert len(catalog) == len(po) - 1
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (GNU gettext) must be installed in CI: apt-get install gettext")
        pytest.skip("msgfmt is not installed (apt-get install gettext)")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_field_limits_hold_for_the_sample() -> None:
    for item in load_sample_library():
        for path, text in text_fields(item).items():
            limit = field_limit(item.type, path)
            if limit is not None:
                assert all(len(v) <= limit for _, v in text), (item.id, path)
    assert all(":" in key for key in FIELD_LIMITS)


# ---------------------------------------------------------------------------
# the translation round: export, edit, import, stale


def test_round_trip_edit_import_and_stale(lib_dir: Path, tmp_path: Path) -> None:
    po_path = save(export_po(ContentLibrary.load(lib_dir), "en", "az"), tmp_path / "az.po")
    po = polib.pofile(str(po_path))
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    new_lead = "Qazaxıstanın Bakıdakı səfiri qarşılıqlı etimad və zirvə görüşləri haqqında danışır."
    entry(po, ctx(SEED, "lead")).msgstr = new_lead
    po.save()
    report = import_po(lib_dir, po_path)
    assert report.ok, report.rejected
    assert report.committed
    reasons = {r.msgctxt: r.reason for r in report.applied}
    assert reasons[ctx("baku", "name", "place")] == "updated"
    assert set(report.changed_files) >= {
        lib_dir / "places/baku.json",
        lib_dir / f"articles/{SEED}.json",
    }
    lib = ContentLibrary.load(lib_dir)
    assert lib.get("baku", Place).name.get("az") == "Bakı şəhəri"
    seed = lib.get(SEED, Article)
    assert seed.lead.get("az") == new_lead
    assert seed.translation_sources["az"]["lead"] == source_hash(seed.lead.get("en") or "")

    # a second import of the same file changes nothing
    again = import_po(lib_dir, po_path)
    assert not again.applied
    assert not again.committed
    assert {r.reason for r in again.skipped} <= {"unchanged", "not translated"}

    # the English paragraph changes: the translation is stale
    old_text = seed.body[2].get("en")
    edit_source(lib_dir, SEED, "body[2]", "The heads of our states meet often.")
    lib = ContentLibrary.load(lib_dir)
    status = {(r.item_id, r.lang): r for r in translation_status(lib)}
    assert status[(SEED, "az")].stale == 1
    fresh = export_po(lib, "en", "az", previous=po_path)
    stale = entry(fresh, ctx(SEED, "body[2]"))
    assert stale.fuzzy
    assert stale.previous_msgid == old_text
    assert stale.msgid == "The heads of our states meet often."
    assert stale.msgstr == seed.body[2].get("az")
    assert len(fresh.fuzzy_entries()) == 1

    # the old file still imports: the changed entry is reported stale, not applied
    before = snapshot(lib_dir)
    entry(po, ctx("astana", "name", "place")).msgstr = "Astana şəhəri"
    po.save()
    late = import_po(lib_dir, po_path)
    assert [r.msgctxt for r in late.stale] == [ctx(SEED, "body[2]")]
    assert late.committed
    assert snapshot(lib_dir) != before


def test_previous_file_keeps_unimported_work_and_obsoletes_vanished(tmp_path: Path) -> None:
    lib = load_sample_library()
    items = [lib.get("baku"), lib.get("astana")]
    first = export_po(items, "en", "az")
    first.append(
        polib.POEntry(msgctxt="place:gone:name", msgid="Gone", msgstr="Getdi", tcomment="keep")
    )
    entry(first, ctx("baku", "name", "place")).tcomment = "check the spelling"
    path = save(first, tmp_path / "az.po")
    plain = Place(id="plain", kind="city", name={"en": "Plain city"})
    first_plain = export_po([plain], "en", "az")
    first_plain[0].msgstr = "Düzən şəhəri"
    merged = export_po([*items, plain], "en", "az", previous=path, library=lib)
    assert entry(merged, ctx("baku", "name", "place")).tcomment == "check the spelling"
    gone = entry(merged, "place:gone:name")
    assert gone.obsolete
    assert gone.msgstr == "Getdi"
    carried = export_po([plain], "en", "az", previous=first_plain)
    assert carried[0].msgstr == "Düzən şəhəri"
    assert not carried[0].fuzzy
    moved = export_po(
        [plain.model_copy(update={"name": plain.name.replace(en="Flat city")})],
        "en",
        "az",
        previous=first_plain,
    )
    assert moved[0].fuzzy
    assert moved[0].previous_msgid == "Plain city"


@pytest.mark.parametrize(
    "selection",
    [["--id", "baku"], ["--section", "foreign-press"], ["--since", "2018-01-01"]],
)
def test_selected_export_keeps_other_entries_and_obsoletes_only_vanished(
    lib_dir: Path, tmp_path: Path, selection: list[str]
) -> None:
    out = tmp_path / "az.po"
    export = ["content", "export", "--library", str(lib_dir), "-o", str(out)]
    assert main(export) == 0
    po = polib.pofile(str(out))
    work = {
        ctx("astana", "name", "place"): "Astana şəhəri",
        ctx(SEED, "body[1]"): "Tərcüməçinin işi, hələ idxal olunmayıb.",
    }
    for context, text in work.items():
        entry(po, context).msgstr = text
    before = {e.msgctxt for e in po}
    file = lib_dir / ContentLibrary.load(lib_dir).file_of(SEED)  # type: ignore[operator]
    data = json.loads(file.read_text(encoding="utf-8"))
    last = ctx(SEED, f"body[{len(data['body']) - 1}]")
    data["body"].pop()  # this paragraph's source is gone from the library
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    po.save()
    for _ in range(2):  # the second export must not drop anything either
        assert main([*export, *selection]) == 0
        merged = polib.pofile(str(out))
        live = {e.msgctxt for e in merged if not e.obsolete}
        gone = {e.msgctxt: e for e in merged.obsolete_entries()}
        assert live == before - {last}
        for context, text in work.items():
            assert entry(merged, context).msgstr == text
            assert not entry(merged, context).obsolete
        assert set(gone) == {last}
        assert gone[last].msgstr


@pytest.mark.parametrize("force", [False, True])
def test_older_file_does_not_revert_newer_translations(
    lib_dir: Path, tmp_path: Path, force: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    old = save(export_po(ContentLibrary.load(lib_dir), "en", "az"), tmp_path / "old.po")
    newer = polib.pofile(str(old))
    for name, text in (("baku", "Bakı şəhəri"), ("astana", "Astana şəhəri")):
        entry(newer, ctx(name, "name", "place")).msgstr = text
    assert import_po(lib_dir, save(newer, tmp_path / "new.po")).committed
    # The older file: Baku untouched there, Astana edited there as well (a conflict).
    po = polib.pofile(str(old))
    entry(po, ctx("astana", "name", "place")).msgstr = "Nur-Sultan"
    entry(po, ctx("gabala", "name", "place")).msgstr = "Qəbələ rayonu"
    po.save()
    before = snapshot(lib_dir)
    args = ["content", "import", "--library", str(lib_dir), str(old)]
    code = main([*args, "--force"] if force else args)
    output = capsys.readouterr().out
    lib = ContentLibrary.load(lib_dir)
    names = [lib.get(n, Place).name.get("az") for n in ("baku", "astana", "gabala")]
    if force:
        assert code == 0
        assert names == ["Bakı", "Nur-Sultan", "Qəbələ rayonu"]
        return
    assert code == 1
    assert "conflict" in output
    assert "--force" in output
    assert snapshot(lib_dir) == before
    report = import_po(lib_dir, old)
    (conflict,) = report.rejected
    assert conflict.msgctxt == ctx("astana", "name", "place")
    assert "'Astana şəhəri'" in conflict.reason
    newer_kept = [r for r in report.skipped if r.msgctxt == ctx("baku", "name", "place")]
    assert "newer" in newer_kept[0].reason


def test_target_hash_records_the_translation_exported_with() -> None:
    lib = load_sample_library()
    po = export_po([lib.get("baku"), lib.get("osce")], "en", "az")
    for e in po:
        current = text_fields(lib.get(e.msgctxt.split(":")[1]))[e.msgctxt.split(":")[2]]
        assert f"target-hash: {source_hash(current.get('az', fallback=False) or '')}" in e.comment


def _insert_paragraph(folder: Path, item_id: str, index: int, text: str) -> None:
    """Insert a source paragraph the way an editor does: a new object in the body list."""
    file = folder / ContentLibrary.load(folder).file_of(item_id)  # type: ignore[operator]
    data = json.loads(file.read_text(encoding="utf-8"))
    data["body"].insert(index, {"en": text})
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("with_previous", [True, False])
@pytest.mark.parametrize("index", [0, 1, 3])
def test_inserted_paragraph_does_not_shift_translations(
    lib_dir: Path, tmp_path: Path, index: int, with_previous: bool
) -> None:
    path = save(export_po(ContentLibrary.load(lib_dir), "en", "az"), tmp_path / "az.po")
    assert import_po(lib_dir, path).committed  # records the source hashes
    po = export_po(ContentLibrary.load(lib_dir), "en", "az")
    old = [e for e in po if e.msgctxt.startswith(ctx(SEED, "body["))]
    entry(po, ctx(SEED, "body[2]")).tcomment = "check the figures"
    save(po, path)
    _insert_paragraph(lib_dir, SEED, index, "A paragraph inserted by the editor.")
    lib = ContentLibrary.load(lib_dir)
    again = export_po(lib, "en", "az", previous=path if with_previous else None)
    new = [e for e in again if e.msgctxt.startswith(ctx(SEED, "body["))]
    assert len(new) == len(old) + 1
    assert (new[index].msgstr, new[index].fuzzy) == ("", False)
    shifted = [*new[:index], *new[index + 1 :]]
    for before, after in zip(old, shifted, strict=True):
        assert (after.msgid, after.msgstr) == (before.msgid, before.msgstr)
        assert not after.fuzzy
        assert after.previous_msgid is None
    if with_previous:
        moved = shifted[2]
        assert moved.tcomment == "check the figures"
    assert again.obsolete_entries() == []
    (row,) = [r for r in translation_status(lib) if r.item_id == SEED and r.lang == "az"]
    assert (row.stale, row.missing) == (0, 1)


def test_changed_paragraph_among_shifted_ones_is_stale(lib_dir: Path, tmp_path: Path) -> None:
    path = save(export_po(ContentLibrary.load(lib_dir), "en", "az"), tmp_path / "az.po")
    assert import_po(lib_dir, path).committed
    save(export_po(ContentLibrary.load(lib_dir), "en", "az"), path)
    first = entry(polib.pofile(str(path)), ctx(SEED, "body[0]"))
    edit_source(lib_dir, SEED, "body[0]", "The first paragraph, rewritten.")
    _insert_paragraph(lib_dir, SEED, 1, "A paragraph inserted by the editor.")
    lib = ContentLibrary.load(lib_dir)
    again = export_po(lib, "en", "az", previous=path)
    changed = entry(again, ctx(SEED, "body[0]"))
    assert changed.fuzzy
    assert (changed.previous_msgid, changed.msgstr) == (first.msgid, first.msgstr)
    assert not entry(again, ctx(SEED, "body[2]")).fuzzy
    (row,) = [r for r in translation_status(lib) if r.item_id == SEED and r.lang == "az"]
    assert (row.stale, row.missing) == (1, 1)


@pytest.mark.parametrize(("name", "value"), [("Language", "en"), ("X-Source-Language", "az")])
def test_previous_file_of_another_language_pair_is_refused(name: str, value: str) -> None:
    lib = load_sample_library()
    old = export_po([lib.get("baku")], "en", "az")
    old.metadata[name] = value
    with pytest.raises(CatalogError, match="same language pair"):
        export_po([lib.get("baku")], "en", "az", previous=old)


def test_previous_file_edits_not_imported_are_kept_for_review() -> None:
    lib = load_sample_library()
    po = export_po([lib.get("baku"), lib.get("astana")], "en", "az")
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    again = export_po([lib.get("baku"), lib.get("astana")], "en", "az", previous=po)
    kept = entry(again, ctx("baku", "name", "place"))
    assert kept.msgstr == "Bakı şəhəri"
    assert kept.fuzzy
    assert kept.previous_msgid is None
    assert not entry(again, ctx("astana", "name", "place")).fuzzy


def test_status_counts_missing_fallback_and_percent() -> None:
    article = Article.model_validate(
        {
            "id": "a1",
            "slug": {"en": "a-one"},
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": {"en": "A title", "az": "Başlıq"},
            "lead": {"en": "A lead", "az": ""},
            "body": [{"en": "First."}, {"en": "Second.", "az": "İkinci."}],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
            "translation_sources": {"az": {"body[1]": source_hash("An older second.")}},
        }
    )
    (row,) = translation_status([article])
    assert (row.total, row.translated, row.stale, row.missing, row.fallback) == (5, 2, 1, 2, 1)
    assert row.percent == 40.0


def test_import_in_memory_adds_slug_and_status() -> None:
    article = Article.model_validate(
        {
            "id": "a1",
            "slug": {"en": "summit-in-gabala"},
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": {"en": "Summit in Gabala"},
            "body": [{"en": "Leaders met."}],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
        }
    )
    lib = ContentLibrary([article])
    po = export_po(lib, "en", "az")
    entry(po, ctx("a1", "title")).msgstr = "Qəbələdə zirvə görüşü"
    report = import_po(lib, po)
    assert report.committed
    assert not report.changed_files
    new = report.library.get("a1", Article)
    # the title alone publishes no Azerbaijani version, but it is stored
    assert "az" not in new.slug
    assert new.translations["az"] == "missing"
    assert new.title.get("az", fallback=False) == "Qəbələdə zirvə görüşü"
    assert (
        lib.get("a1", Article).title.get("az", fallback=False) is None
    )  # the input library is unchanged
    entry(po, ctx("a1", "body[0]")).msgstr = "Liderlər görüşdü."
    entry(po, ctx("a1", "section.name")).msgstr = "Xəbərlər"
    final = import_po(report.library, po).library.get("a1", Article)
    assert final.translations["az"] == "translated"
    assert final.slug["az"] == "qebelede-zirve-gorusu"


def translate(found: polib.POEntry, text: str) -> None:
    """What a reviewer does: write the translation and clear the fuzzy flag."""
    found.msgstr = text
    if "fuzzy" in found.flags:
        found.flags.remove("fuzzy")


def _article(translations: dict[str, str], **az: str) -> Article:
    fields = {
        "title": "Summit in Gabala",
        "lead": "The leaders of Turkic states met.",
        "body[0]": "Leaders met.",
        "body[1]": "They signed a declaration.",
    }
    return Article.model_validate(
        {
            "id": "a1",
            "slug": {"en": "summit-in-gabala", **({"az": "zirve"} if "title" in az else {})},
            "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
            "title": {"en": fields["title"], **({"az": az["title"]} if "title" in az else {})},
            "lead": {"en": fields["lead"], **({"az": az["lead"]} if "lead" in az else {})},
            "body": [
                {"en": fields[f"body[{i}]"], **({"az": az[f"b{i}"]} if f"b{i}" in az else {})}
                for i in range(2)
            ],
            "published": "2017-03-02T10:00:00+04:00",
            "original_language": "en",
            "translations": translations,
        }
    )


AZ_TEXT = {
    "title": "Qəbələdə zirvə görüşü",
    "lead": "Türk dövlətlərinin liderləri görüşdü.",
    "body[0]": "Liderlər görüşdü.",
    "body[1]": "Onlar bəyannamə imzaladılar.",
    "section.name": "Xəbərlər",
}
MACHINE = {"title": "Qəbələ zirvəsi", "lead": "Liderlər görüş.", "b0": "Liderlər.", "b1": "İmza."}


@pytest.mark.parametrize(
    ("translations", "existing", "imported", "status", "slug"),
    [
        ({}, {}, ["title"], "missing", False),
        ({}, {}, ["title", "body[0]"], "missing", False),
        ({}, {}, ["body[0]", "body[1]"], "missing", False),
        ({}, {}, ["title", "body[0]", "body[1]"], "partial", True),
        ({}, {}, ["title", "lead", "body[0]", "body[1]"], "translated", True),
        ({"az": "partial"}, MACHINE, ["lead"], "translated", True),
        (
            {"az": "machine"},
            MACHINE,
            ["title", "lead", "body[0]", "body[1]", "section.name"],
            "translated",
            True,
        ),
        ({"az": "machine"}, MACHINE, ["title", "lead", "body[0]", "body[1]"], "machine", True),
        ({"az": "machine"}, MACHINE, ["title", "body[0]"], "machine", True),
        ({"az": "translated"}, MACHINE, ["title"], "translated", True),
    ],
)
def test_import_status_rule(
    translations: dict[str, str],
    existing: dict[str, str],
    imported: list[str],
    status: str,
    slug: bool,
) -> None:
    lib = ContentLibrary([_article(translations, **existing)])
    po = export_po(lib, "en", "az")
    for path in imported:
        translate(entry(po, ctx("a1", path)), AZ_TEXT[path])
    report = import_po(lib, po)
    assert report.committed, report.rejected
    new = report.library.get("a1", Article)
    assert new.translations["az"] == status
    assert ("az" in new.slug) is slug
    for path in imported:
        assert text_fields(new)[path].get("az") == AZ_TEXT[path]


def test_machine_article_becomes_translated_over_several_reviewed_imports() -> None:
    lib = ContentLibrary([_article({"az": "machine"}, **MACHINE)])
    po = export_po(lib, "en", "az")
    machine = [e for e in po if e.msgstr]
    assert all(e.fuzzy and "machine translation" in e.comment for e in machine)
    for path in ("title", "body[0]"):
        translate(entry(po, ctx("a1", path)), AZ_TEXT[path])
    lib = import_po(lib, po).library
    assert lib.get("a1", Article).translations["az"] == "machine"
    po = export_po(lib, "en", "az")
    assert not entry(po, ctx("a1", "title")).fuzzy  # reviewed already
    for path in ("lead", "body[1]"):
        translate(entry(po, ctx("a1", path)), AZ_TEXT[path])
    lib = import_po(lib, po).library
    assert lib.get("a1", Article).translations["az"] == "machine"
    po = export_po(lib, "en", "az")
    # the machine-made section name is right as it is: the reviewer removes the flag
    entry(po, ctx("a1", "section.name")).flags.remove("fuzzy")
    lib = import_po(lib, po).library
    assert lib.get("a1", Article).translations["az"] == "translated"


def test_lookalike_letters_are_normalised_and_reported() -> None:
    lib = load_sample_library()
    po = export_po([lib.get("baku")], "en", "az")
    po[0].msgstr = "B\u04d9k\u0131"
    report = import_po(lib, po)
    assert report.committed
    assert report.library.get("baku", Place).name.get("az") == "Bəkı"
    assert "U+04D9" in report.normalized[0].reason


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda e: e.flags.append("fuzzy"), "fuzzy"),
        (lambda e: setattr(e, "msgstr", ""), "not translated"),
    ],
)
def test_fuzzy_and_empty_entries_are_skipped(
    change: Callable[[polib.POEntry], None], reason: str
) -> None:
    lib = load_sample_library()
    po = export_po([lib.get("baku")], "en", "az")
    change(po[0])
    report = import_po(lib, po)
    assert [r.reason.split(":")[0] for r in report.skipped] == [reason]
    assert not report.committed


@settings(max_examples=25)
@given(
    en=st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=30),
    az=st.text(st.sampled_from("abcçdeəfgğhxıijkqlmnoöprsştuüvyz "), min_size=1, max_size=30),
)
def test_export_import_round_trip_is_lossless_and_idempotent(en: str, az: str) -> None:
    if not en.strip() or not az.strip():
        return
    place = Place(id="p", kind="city", name={"en": en})
    lib = ContentLibrary([place])
    po = export_po(lib, "en", "az")
    assert po[0].msgid == place.name.get("en")
    po[0].msgstr = az
    first = import_po(lib, po, language_check=False)
    assert first.ok, first.rejected
    again = export_po(first.library, "en", "az")
    assert again[0].msgstr == az.strip()
    assert not again[0].fuzzy
    second = import_po(first.library, again, language_check=False)
    assert not second.applied
    assert not second.committed


# ---------------------------------------------------------------------------
# bad input: nothing changes


def _edit(context: str, **values: str) -> Callable[[polib.POFile], None]:
    def apply(po: polib.POFile) -> None:
        e = entry(po, context)
        for key, value in values.items():
            setattr(e, key, value)

    return apply


def _append(**values: str) -> Callable[[polib.POFile], None]:
    return lambda po: po.append(polib.POEntry(**values))


def _duplicate(po: polib.POFile) -> None:
    e = entry(po, ctx("baku", "name", "place"))
    po.append(polib.POEntry(msgctxt=e.msgctxt, msgid="Baku city", msgstr="Bakı şəhəri"))


BAD_ENTRIES = [
    pytest.param(
        _edit(
            ctx(SEED, "body[0]"),
            msgstr="Kazakhstan and Azerbaijan established diplomatic relations in August 1992.",
        ),
        "wrong language",
        id="english-in-az",
    ),
    pytest.param(
        _edit(
            ctx(SEED, "body[1]"),
            msgstr="Bu dostluğun temelini Azerbaycan halkının Ulu Önderi Haydar Aliyev ve "
            "Kazakistan Cumhurbaşkanı Nursultan Nazarbayev atmıştır.",
        ),
        "Turkish",
        id="turkish-in-az",
    ),
    pytest.param(
        _append(
            msgctxt="place:baku:name",
            msgid="Welcome to {city}",
            msgstr="{şəhər} şəhərinə xoş gəlmisiniz",
        ),
        "duplicate",
        id="duplicate-context",
    ),
    pytest.param(_duplicate, "duplicate", id="duplicate-second-msgid"),
    pytest.param(
        _append(msgctxt="article:no-such-article:title", msgid="X", msgstr="Y"),
        "unknown item",
        id="unknown-item",
    ),
    pytest.param(
        _append(msgctxt=f"article:{SEED}:body[99]", msgid="X", msgstr="Y"),
        "has no field",
        id="unknown-paragraph",
    ),
    pytest.param(
        _append(msgctxt=f"article:{SEED}:subtitle", msgid="X", msgstr="Y"),
        "has no field",
        id="unknown-field",
    ),
    pytest.param(
        _append(msgctxt="person:baku:name", msgid="Baku", msgstr="Bakı"),
        "is a place, not a person",
        id="wrong-type",
    ),
    pytest.param(
        _append(msgctxt="baku name", msgid="Baku", msgstr="Bakı"),
        "is not 'type:id:field'",
        id="malformed-context",
    ),
    pytest.param(_append(msgid="Print", msgstr="Çap et"), "no msgctxt", id="no-context"),
    pytest.param(
        _edit(ctx("baku", "name", "place"), msgid="Baky"), "msgid was edited", id="edited-msgid"
    ),
    pytest.param(
        _edit(ctx("osce", "abbreviation", "organization"), msgstr="ATƏT" * 10),
        "at most 20",
        id="too-long",
    ),
    pytest.param(
        _append(msgctxt=f"article:{AZ_ORIGINAL}:title", msgid="X", msgstr="Y"),
        "was written in",
        id="into-original-language",
    ),
]


@pytest.fixture
def braces_dir(lib_dir: Path) -> Path:
    """The sample library with one paragraph that carries a placeholder and markup."""
    edit_source(lib_dir, SEED, "body[0]", "Visit <b>{city}</b> in {year}, said the ambassador.")
    return lib_dir


BROKEN_MARKUP = [
    pytest.param("Səfir dedi ki, {year} ildə <b>{city}</b> şəhərinə gəlin.", None, id="ok"),
    pytest.param(
        "Səfir dedi ki, {year} ildə <b>{şəhər}</b> şəhərinə gəlin.",
        "placeholder",
        id="renamed-placeholder",
    ),
    pytest.param(
        "Səfir dedi ki, ildə <b>{city}</b> şəhərinə gəlin.", "placeholder", id="lost-placeholder"
    ),
    pytest.param(
        "Səfir dedi ki, {year} ildə <b>{city} şəhərinə gəlin.", "markup", id="unclosed-tag"
    ),
    pytest.param(
        "Səfir dedi ki, {year} ildə <i>{city}</i> şəhərinə gəlin.", "markup", id="other-tag"
    ),
    pytest.param(
        "Səfir dedi ki, {year.__class__} ildə <b>{city}</b> gəlin.",
        "placeholder",
        id="unsafe-placeholder",
    ),
]


@pytest.mark.parametrize(
    ("context", "text", "word"),
    [
        ("place:baku:name", "Баку", "Баку"),
        ("organization:osce:abbreviation", "ОБСЕ", "ОБСЕ"),
        ("place:astana:name", "Астана", "Астана"),
        ("place:baku:name", "باكو", "باكو"),
    ],
)
def test_azerbaijani_must_be_latin_however_short(context: str, text: str, word: str) -> None:
    lib = load_sample_library()
    item_id = context.split(":")[1]
    po = export_po([lib.get(item_id)], "en", "az")
    entry(po, context).msgstr = text
    report = import_po(lib, po)
    (rejected,) = report.rejected
    assert rejected.msgctxt == context
    assert "Latin script" in rejected.reason
    assert repr(word) in rejected.reason
    assert not report.committed
    entry(po, context).msgstr = {"baku": "Bakı", "osce": "ATƏT", "astana": "Astana"}[item_id]
    assert import_po(lib, po).ok


@pytest.mark.parametrize(("msgstr", "problem"), BROKEN_MARKUP)
def test_placeholders_and_markup_must_match(
    braces_dir: Path, tmp_path: Path, msgstr: str, problem: str | None
) -> None:
    po = export_po(ContentLibrary.load(braces_dir), "en", "az")
    entry(po, ctx(SEED, "body[0]")).msgstr = msgstr
    before = snapshot(braces_dir)
    report = import_po(braces_dir, save(po, tmp_path / "az.po"))
    if problem is None:
        assert report.committed, report.rejected
        return
    assert [r.msgctxt for r in report.rejected] == [ctx(SEED, "body[0]")]
    assert problem in report.rejected[0].reason
    assert snapshot(braces_dir) == before


@pytest.mark.parametrize(("change", "message"), BAD_ENTRIES)
def test_bad_entries_are_rejected_and_nothing_changes(
    lib_dir: Path, tmp_path: Path, change: Callable[[polib.POFile], None], message: str
) -> None:
    po = export_po(ContentLibrary.load(lib_dir), "en", "az")
    # one good change that must not be applied because another entry is rejected
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    change(po)
    path = save(po, tmp_path / "az.po")
    before = snapshot(lib_dir)
    report = import_po(lib_dir, path)
    assert not report.ok
    assert not report.committed
    assert any(message in r.reason for r in report.rejected), report.rejected
    assert snapshot(lib_dir) == before
    assert main(["content", "import", "--library", str(lib_dir), str(path)]) == 1
    assert snapshot(lib_dir) == before


def test_the_same_entry_twice_in_a_file_is_a_syntax_error_with_line(
    lib_dir: Path, tmp_path: Path
) -> None:
    path = save(export_po([load_sample_library().get("baku")], "en", "az"), tmp_path / "az.po")
    text = path.read_text(encoding="utf-8")
    block = text[text.index("#. name of place") :]
    path.write_text(text + "\n" + block, encoding="utf-8")
    with pytest.raises(CatalogError, match="duplicate entry") as caught:
        import_po(lib_dir, path)
    assert caught.value.line is not None
    assert caught.value.line > text.count("\n")


@pytest.mark.parametrize(
    ("header", "kwargs", "message"),
    [
        ({"Language": "tr"}, {}, "unsupported|accepted"),
        ({"Language": "en", "X-Source-Language": "az"}, {"target_lang": "az"}, "another language"),
        ({"X-Source-Language": "az"}, {"source_lang": "en"}, "another language"),
        ({"Language": ""}, {}, "no Language"),
        ({"X-Source-Language": "az"}, {}, "both 'az'"),
    ],
)
def test_a_file_for_another_language_pair_is_refused(
    lib_dir: Path, tmp_path: Path, header: dict[str, str], kwargs: dict[str, str], message: str
) -> None:
    po = export_po(ContentLibrary.load(lib_dir), "en", "az")
    po.metadata.update(header)
    if header.get("Language") == "":
        del po.metadata["Language"]
    path = save(po, tmp_path / "az.po")
    before = snapshot(lib_dir)
    with pytest.raises(CatalogError, match=message) as caught:
        import_po(lib_dir, path, **kwargs)  # type: ignore[arg-type]
    assert caught.value.file == str(path)
    assert snapshot(lib_dir) == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t.replace('msgstr "Bakı"', 'msgstr "Bakı'), "double quotes"),
        (lambda t: t.replace('msgstr "Bakı"', 'msgstr "Bak\\qı"'), "unknown escape"),
        (lambda t: t.replace('msgstr "Bakı"', 'msgstr "Bakı"\nmsgstr "Baku"'), "repeated"),
        (
            lambda t: t.replace('msgctxt "place:baku:name"', "msgctx place"),
            "expected a string|unknown",
        ),
    ],
)
def test_a_file_edited_to_invalid_syntax_names_the_line(
    lib_dir: Path, tmp_path: Path, damage: Callable[[str], str], message: str
) -> None:
    path = save(export_po([load_sample_library().get("baku")], "en", "az"), tmp_path / "az.po")
    text = path.read_text(encoding="utf-8")
    broken = damage(text)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError, match=message) as caught:
        import_po(lib_dir, path)
    assert caught.value.line is not None
    assert main(["content", "import", "--library", str(lib_dir), str(path)]) == 1


# ---------------------------------------------------------------------------
# failures while writing: every file stays as it was


def _changes(lib_dir: Path, tmp_path: Path) -> Path:
    po = export_po(ContentLibrary.load(lib_dir), "en", "az")
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    entry(po, ctx("astana", "name", "place")).msgstr = "Astana şəhəri"
    entry(po, ctx(SEED, "title")).msgstr = "Azərbaycan Qazaxıstanın strateji tərəfdaşıdır"
    return save(po, tmp_path / "az.po")


@pytest.mark.parametrize("fail_at", [1, 2, 3])
def test_failure_during_renames_rolls_back(
    lib_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    path = _changes(lib_dir, tmp_path)
    before = snapshot(lib_dir)
    real = os.replace
    calls = {"n": 0}

    def flaky(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(ContentError, match="No space left on device; no content file was changed"):
        import_po(lib_dir, path)
    monkeypatch.undo()
    assert snapshot(lib_dir) == before  # no temporary or backup file left either


def test_disk_full_while_writing_temporary_files(
    lib_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _changes(lib_dir, tmp_path)
    before = snapshot(lib_dir)
    real = os.fsync
    calls = {"n": 0}

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] >= 2:  # the disk fills up after the first sync
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ContentError, match="no content file was changed"):
        import_po(lib_dir, path)
    monkeypatch.undo()
    assert snapshot(lib_dir) == before


def test_permission_error_when_creating_temporary_files(
    lib_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    path = _changes(lib_dir, tmp_path)
    before = snapshot(lib_dir)
    real = tempfile.mkstemp

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        if "articles" in str(kwargs.get("dir")):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ContentError, match="Permission denied"):
        import_po(lib_dir, path)
    monkeypatch.undo()
    assert snapshot(lib_dir) == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions"
)
def test_read_only_folder(lib_dir: Path, tmp_path: Path) -> None:
    path = _changes(lib_dir, tmp_path)
    before = snapshot(lib_dir)
    places = lib_dir / "places"
    places.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ContentError, match="no content file was changed"):
            import_po(lib_dir, path)
    finally:
        places.chmod(stat.S_IRWXU)
    assert snapshot(lib_dir) == before


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o640])
def test_rewritten_files_keep_their_mode(
    lib_dir: Path, tmp_path: Path, mode: int, capsys: pytest.CaptureFixture[str]
) -> None:
    baku = lib_dir / "places/baku.json"
    baku.chmod(mode)
    out = tmp_path / "az.po"
    export = ["content", "export", "--library", str(lib_dir), "--id", "baku", "-o", str(out)]
    assert main(export) == 0
    out.chmod(mode)
    po = polib.pofile(str(out))
    po[0].msgstr = "Bakı şəhəri"
    po.save()
    assert import_po(lib_dir, out).committed
    assert stat.S_IMODE(baku.stat().st_mode) == mode
    assert main(export) == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode
    ContentLibrary.load(lib_dir).save(lib_dir)
    assert stat.S_IMODE(baku.stat().st_mode) == mode


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_files_follow_the_umask(lib_dir: Path, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        out = tmp_path / "new" / "az.po"
        assert main(["content", "export", "--library", str(lib_dir), "-o", str(out)]) == 0
        fresh = tmp_path / "fresh"
        load_sample_library().save(fresh)
        written = fresh / "places/gabala.json"
        created = tmp_path / "created.json"
        write_all({created: "{}"})
    finally:
        os.umask(old)
    for path in (out, written, created):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def test_dry_run_writes_nothing(lib_dir: Path, tmp_path: Path) -> None:
    path = _changes(lib_dir, tmp_path)
    before = snapshot(lib_dir)
    report = import_po(lib_dir, path, dry_run=True)
    assert report.ok
    assert not report.committed
    assert len(report.applied) >= 3
    assert report.library.get("baku", Place).name.get("az") == "Bakı şəhəri"
    assert main(["content", "import", "--dry-run", "--library", str(lib_dir), str(path)]) == 0
    assert snapshot(lib_dir) == before


# ---------------------------------------------------------------------------
# command line


def test_cli_export_import_status(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "az.po"
    assert main(["content", "export", "--library", str(lib_dir), "-o", str(out)]) == 0
    assert "entries" in capsys.readouterr().err
    po = polib.pofile(str(out))
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    po.save()
    assert main(["content", "import", "--library", str(lib_dir), str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["content", "status", "--library", str(lib_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert 0 < data["percent"] < 100
    assert data["translated"] + data["stale"] + data["missing"] == data["total"]
    row = next(r for r in data["items"] if r["id"] == "baku")
    assert row["percent"] == 100.0
    limit = str(data["percent"] + 0.1)
    assert main(["content", "status", "--library", str(lib_dir), "--min", limit]) == 1
    assert "Below" in capsys.readouterr().err
    assert main(["content", "status", "--library", str(lib_dir), "--min", "50"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["item", "type", "language"]
    assert "Overall:" in table


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--id", "baku", "--id", "astana"], {"place:baku", "place:astana"}),
        (
            ["--section", "foreign-press"],
            {"article:washington-post-trump-2018", "article:project-syndicate-xi-2018"},
        ),
        (
            ["--since", "2018-01-01"],
            {"article:washington-post-trump-2018", "article:project-syndicate-xi-2018"},
        ),
        (
            ["--since", "2015-01-01", "--id", "astana-summit-2015", "--id", "baku"],
            {"event:astana-summit-2015"},
        ),
    ],
)
def test_cli_export_filters(
    lib_dir: Path, tmp_path: Path, args: list[str], expected: set[str]
) -> None:
    out = tmp_path / "az.po"
    assert main(["content", "export", "--library", str(lib_dir), "-o", str(out), *args]) == 0
    found = {":".join(e.msgctxt.split(":")[:2]) for e in polib.pofile(str(out))}
    assert found == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "March 2017"], "--since"),
        (["--section", "no-such-section"], "no section"),
        (["--id", "no-such-item"], "no item"),
        (["--target", "en"], "both"),
    ],
)
def test_cli_export_bad_arguments(
    lib_dir: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "export", "--library", str(lib_dir), *args]) == 1
    assert message in capsys.readouterr().err


def test_cli_export_to_stdout_and_merge(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "export", "--library", str(lib_dir), "--id", "baku"]) == 0
    assert 'msgctxt "place:baku:name"' in capsys.readouterr().out
    out = tmp_path / "az.po"
    po = export_po([load_sample_library().get("astana")], "en", "az")
    po.save(str(out))
    assert (
        main(["content", "export", "--library", str(lib_dir), "--id", "baku", "-o", str(out)]) == 0
    )
    merged = polib.pofile(str(out))
    assert merged.obsolete_entries() == []
    assert {e.msgctxt for e in merged} == {"place:astana:name", "place:baku:name"}


def test_cli_import_json_report(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _changes(lib_dir, tmp_path)
    assert main(["content", "import", "--json", "--library", str(lib_dir), str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"]
    assert data["committed"]
    assert {r["msgctxt"] for r in data["applied"]} >= {ctx("baku", "name", "place")}


def test_cli_speaks_azerbaijani(lib_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from diplolib import use_language

    with use_language("az"):
        assert main(["content", "status", "--library", str(lib_dir)]) == 0
        out = capsys.readouterr().out
        summary = import_po(lib_dir, _changes(lib_dir, lib_dir.parent), dry_run=True).summary()
    assert out.splitlines()[0].split()[:3] == ["element", "növ", "dil"]
    assert "Cəmi: 94,7% tərcümə edilib" in out
    assert "tətbiq edildi" in summary


def test_oversized_file_is_refused_before_reading(
    lib_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diplolib.po

    path = save(export_po([load_sample_library().get("baku")], "en", "az"), tmp_path / "az.po")
    monkeypatch.setattr(diplolib.po, "MAX_PO_BYTES", 100)
    with pytest.raises(CatalogError, match="the limit is 100"):
        import_po(lib_dir, path)


# ---------------------------------------------------------------------------
# language of short, name-heavy translations


def _article_title_po(title_az: str) -> tuple[ContentLibrary, polib.POFile]:
    lib = load_sample_library()
    po = export_po([lib.get(SEED)], "en", "az")
    entry(po, ctx(SEED, "title")).msgstr = title_az
    return lib, po


@pytest.mark.parametrize(
    "headline",
    [
        "Büyükelçilik Londra'da Nevruz'u kutladı",
        "Büyükelçilik Astana'da resepsiyon düzenledi",
        "Cumhurbaşkanı Aliyev Ankara'ya gitti",
        "Dışişleri Bakanı Bayramov Brüksel'de",
        "Diplomasi Akademisi Bakü'de açıldı",
    ],
)
def test_turkish_headline_into_az_is_rejected(headline: str) -> None:
    lib, po = _article_title_po(headline)
    report = import_po(lib, po)
    assert not report.ok
    assert not report.committed
    (rejected,) = [r for r in report.rejected if r.msgctxt == ctx(SEED, "title")]
    assert "Turkish" in rejected.reason
    assert report.library.get(SEED).title.get("az") != headline


@pytest.mark.parametrize(
    ("context", "value"),
    [
        (ctx("nursultan-nazarbayev", "given", "person"), "Recep Tayyip Erdoğan"),
        (ctx("baku", "name", "place"), "Hakan Fidan Büyükelçi"),
    ],
)
def test_undecided_language_is_applied_but_marked_for_review(context: str, value: str) -> None:
    lib = load_sample_library()
    po = export_po(lib, "en", "az")
    entry(po, context).msgstr = value
    report = import_po(lib, po)
    assert report.ok
    flagged = [r for r in report.needs_review if r.msgctxt == context]
    assert flagged
    assert "language not confirmed" in flagged[0].reason
    assert "(needs review)" in str(flagged[0])
    assert report.as_dict()["needs_review"] == [r.msgctxt for r in report.needs_review]


def test_azerbaijani_with_foreign_names_is_not_flagged() -> None:
    lib, po = _article_title_po("Hakan Fidan Bakıda Ceyhun Bayramovla görüşdü")
    report = import_po(lib, po)
    assert report.ok
    assert not [r for r in report.needs_review if r.msgctxt == ctx(SEED, "title")]


def test_entries_equal_to_the_current_translation_skip_the_costly_checks() -> None:
    # A Turkish title that reached the library (content files are not language-checked)
    # does not block importing a file that leaves it as it is; changing it is checked.
    lib = load_sample_library()
    seed = lib.get(SEED, Article)
    turkish = "Büyükelçilik Londra'da Nevruz'u kutladı"
    en_title = seed.title.get("en") or ""
    sources = {lang: dict(paths) for lang, paths in seed.translation_sources.items()}
    sources.setdefault("az", {})["title"] = source_hash(en_title)
    edited = seed.model_copy(
        update={
            "title": seed.title.replace(az=turkish),
            "translation_sources": sources,
        }
    )
    library = ContentLibrary([i for i in lib if i.id != SEED] + [edited])
    po = export_po([edited], "en", "az")
    assert entry(po, ctx(SEED, "title")).msgstr == turkish
    report = import_po(library, po)
    assert report.ok
    skipped = {r.msgctxt: r.reason for r in report.skipped}
    assert skipped[ctx(SEED, "title")] == "unchanged"
    assert not [w for w in report.warnings if w.msgctxt == ctx(SEED, "title")]
    # the same Turkish text as a change of another field is still rejected
    entry(po, ctx(SEED, "lead")).msgstr = turkish
    report = import_po(library, po)
    assert not report.ok
    assert [r.msgctxt for r in report.rejected] == [ctx(SEED, "lead")]


@pytest.mark.parametrize(
    ("value", "bad", "index"),
    [
        ("Xarici işlər", None, -1),
        ("Bakı Министерство", "М", 5),
        ("Министерство Bakı", "М", 0),
        ("Bakı şəhəri və Тбилиси", "Т", 15),
        ("Ankara və القاهرة", "ا", 10),
        ("abc" * 50 + "ж", "ж", 150),
    ],
)
def test_require_latin_names_the_first_letter_of_another_script(
    value: str, bad: str | None, index: int
) -> None:
    from diplolib.az import require_latin
    from diplolib.errors import ContentError

    if bad is None:
        assert require_latin("az", value) == value
        return
    with pytest.raises(ContentError, match=f"letter {bad!r} in .* at position {index}$"):
        require_latin("az", value)
    assert require_latin("en", value) == value


# ---------------------------------------------------------------------------
# the import's fast ways give the results of the slow ones


def test_a_text_met_again_is_judged_for_every_entry() -> None:
    # Language findings are kept per distinct text during an import: the same
    # Turkish text in two fields is rejected in both, and a Turkish title among
    # Azerbaijani paragraphs is still rejected on its own.
    lib = load_sample_library()
    po = export_po([lib.get(SEED)], "en", "az")
    turkish = "Cumhurbaşkanı Bakü'de resmi görüşme yaptı ve anlaşmalar imzalandı"
    for path in ("title", "body[0]", "body[1]"):
        entry(po, ctx(SEED, path)).msgstr = turkish
    report = import_po(lib, po)
    rejected = {r.msgctxt: r.reason for r in report.rejected}
    assert set(rejected) == {ctx(SEED, p) for p in ("title", "body[0]", "body[1]")}
    assert len(set(rejected.values())) == 1
    assert "wrong language" in rejected[ctx(SEED, "title")]
    assert "Turkish" in rejected[ctx(SEED, "title")]
    # A second import of the same file judges afresh and finds the same.
    assert [str(r) for r in import_po(lib, po).rejected] == [str(r) for r in report.rejected]


def test_a_name_met_again_is_marked_for_review_every_time() -> None:
    lib = load_sample_library()
    po = export_po(lib, "en", "az")
    name = "Recep Tayyip Erdoğan"
    contexts = [ctx("nursultan-nazarbayev", "given", "person"), ctx("baku", "name", "place")]
    for context in contexts:
        entry(po, context).msgstr = name
    report = import_po(lib, po)
    assert report.ok
    assert {r.msgctxt for r in report.needs_review} >= set(contexts)


def _translations(item: Item, source: str, tag: str, step: int) -> dict[str, str]:
    """Distinct translations for every ``step``-th field of ``item`` with source text."""
    fields = text_fields(item)
    return {
        path: f"{tag} {index} mətnin tərcüməsi"
        for index, (path, text) in enumerate(fields.items())
        if text.get(source, fallback=False) and index % step == 0
    }


@pytest.mark.parametrize("step", [1, 2, 3])
def test_applying_changes_in_one_dump_equals_applying_them_field_by_field(step: int) -> None:
    from diplolib.po import _apply, _apply_by_copies

    lib = load_sample_library()
    compared = 0
    for item in lib:
        source = item.original_language if isinstance(item, Article) else "en"
        target = "az" if source == "en" else "en"
        changes = _translations(item, source, f"t{step}", step)
        if not changes:
            continue
        fields = text_fields(item)
        hashes = {p: source_hash(fields[p].get(source, fallback=False) or "") for p in changes}
        fast_slugs: set[str] = set()
        slow_slugs: set[str] = set()
        fast = _apply(lib, item, changes, hashes, source, target, fast_slugs)
        slow = _apply_by_copies(lib, item, changes, source, target, slow_slugs)
        assert type(fast) is type(slow)
        assert fast.model_dump(mode="json") == slow.model_dump(mode="json"), item.id
        assert fast_slugs == slow_slugs
        compared += 1
    assert compared >= 10


@pytest.mark.parametrize("value", ["Bакı şəhəri", "Азәrbaycan", "Gәncә"])
def test_a_change_the_item_refuses_fails_the_same_way_both_ways(value: str) -> None:
    from pydantic import ValidationError

    from diplolib.po import _apply, _apply_by_copies, _first_error

    lib = load_sample_library()
    for item_id, path in (("baku", "name"), (SEED, "title"), (SEED, "body[2]")):
        item = lib.get(item_id)
        changes = {path: value}
        hashes = {path: source_hash(text_fields(item)[path].get("en") or "")}
        with pytest.raises(ValidationError) as fast:
            _apply(lib, item, changes, hashes, "en", "az", set())
        with pytest.raises(ValidationError) as slow:
            _apply_by_copies(lib, item, changes, "en", "az", set())
        errors = [_first_error(fast.value), _first_error(slow.value)]
        assert errors[0] == errors[1]
        assert value in errors[0] or "look-alike" in errors[0] or "mixes" in errors[0]


def test_the_file_size_bound_is_never_below_the_file() -> None:
    from diplolib.library import item_json
    from diplolib.po import _depth, _file_size_bound

    lib = load_sample_library()
    for item in lib:
        size = len(item_json(item).encode("utf-8"))
        assert size <= _file_size_bound(item) <= 20 * size, item.id
    seed = lib.get(SEED)
    assert isinstance(seed, Article)
    # Long text, quotes and control characters that JSON escapes, deep nesting.
    body = (seed.body[0].replace(az='"Azərbaycan"\t\\ ə\u0001 ' * 5000), *seed.body[1:])
    big = seed.model_copy(update={"body": body})
    assert len(item_json(big).encode("utf-8")) <= _file_size_bound(big)
    assert [_depth(v) for v in (1, "x", [], {}, [[]], {"a": [{"b": [1]}]})] == [0, 0, 1, 1, 2, 4]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Baku hosts the summit.", "Sammit Bakıda keçirilir."),
        ("Baku hosts the summit.", "Sammit Bakıda keçirilir"),
        (" Leading space", "Öndə boşluq"),
        ("Trailing space ", "Sonda boşluq"),
        ("Read <b>this</b> now!", "Bunu <b>indi</b> oxu!"),
        ("Read <b>this</b> now!", "Bunu indi oxu!"),
        ("Read <i>this</i>", "Bunu <b>oxu</b>"),
        ("OSCE", "OSCE"),
        ("Minsk Group", "Minsk Group"),
        ("Wait...", "Gözlə…"),
        ("Bакı", "Bакı"),  # look-alikes: the import repairs them before this check
        ("Question?", "Sual:"),
    ],
)
def test_checking_the_text_alone_finds_what_the_whole_entry_check_finds(
    msgid: str, msgstr: str
) -> None:
    from diplolib._catalog_tools import ALLOWED_IDENTICAL, EntryChecker
    from diplolib._gettext.po import PoEntry

    probe = PoEntry(line=7, msgid=msgid, msgctxt="article:x:title", msgstr=msgstr)
    for lookalikes in (True, False):
        whole = EntryChecker("az.po", "az", None, ALLOWED_IDENTICAL)
        alone = EntryChecker("az.po", "az", None, ALLOWED_IDENTICAL)
        whole.lookalikes = alone.lookalikes = lookalikes
        whole.check(probe)
        alone.check_text(probe)
        assert alone.found == whole.found
        # The text given apart stands for the entry's msgstr.
        other = EntryChecker("az.po", "az", None, ALLOWED_IDENTICAL)
        other.lookalikes = lookalikes
        other.check_text(PoEntry(line=7, msgid=msgid, msgctxt="article:x:title"), msgstr)
        assert other.found == whole.found
    assert not any(char in msgid + msgstr for char in "{}%")


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("{count} visits", "{say} baxış", "placeholders"),
        ("{count} visits", "{count baxış", "placeholder"),
        ("100% of {n}", "{n} 100%", None),
        ("Set {a} to {b}", "{b} və {a}", None),
        ("Width {x:>5}", "En {x:>500}", "will not fill"),
        ("A %(name)s visit", "%(ad)s səfəri", "printf"),
        ("Braces {as text} here", "Mötərizə {başqa} burada", "braced text"),
    ],
)
def test_entries_with_braces_or_percent_signs_get_every_check(
    msgid: str, msgstr: str, problem: str | None
) -> None:
    lib = load_sample_library()
    po = export_po([lib.get(SEED)], "en", "az")
    found = entry(po, ctx(SEED, "body[4]"))
    found.msgid = msgid
    found.comment = "\n".join(
        line if not line.startswith("source-hash:") else f"source-hash: {source_hash(msgid)}"
        for line in found.comment.splitlines()
    )
    article = lib.get(SEED)
    assert isinstance(article, Article)
    body = list(article.body)
    body[4] = body[4].replace(en=msgid)
    lib = ContentLibrary(
        [article.model_copy(update={"body": tuple(body)}), *[i for i in lib if i.id != SEED]]
    )
    found.msgstr = msgstr
    report = import_po(lib, po, language_check=False)
    reasons = [r.reason for r in report.rejected if r.msgctxt == ctx(SEED, "body[4]")]
    if problem is None:
        assert not reasons
    else:
        assert reasons
        assert problem in reasons[0]


@pytest.mark.parametrize("enabled", [True, False])
def test_import_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    import gc

    from diplolib.errors import CatalogError

    lib = load_sample_library()
    po = export_po(lib, "en", "az")
    entry(po, ctx("baku", "name", "place")).msgstr = "Bakı şəhəri"
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "\\q"\n', encoding="utf-8")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert import_po(lib, po).committed
        assert gc.isenabled() is enabled
        with pytest.raises(CatalogError):
            import_po(lib, broken)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
