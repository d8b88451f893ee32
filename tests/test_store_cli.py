"""`diplolib store …` and `--store URL` on validate, preview and the content commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diplolib import ContentLibrary, load_sample_library
from diplolib.cli import main
from diplolib.cli._store import progress_bar
from diplolib.po import export_po
from diplolib.store import open_store

SAMPLE_ITEMS = len(load_sample_library())  # the bundled sample's item count


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.json")}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "content"
    load_sample_library().save(out)
    return out


@pytest.fixture
def db(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = str(tmp_path / "content.db")
    assert main(["store", "import", "--store", url, str(folder)]) == 0
    capsys.readouterr()
    return url


def test_store_commands_round_trip(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(tmp_path / "new.db")
    assert main(["store", "stats", "--store", url]) == 1
    assert "no content store" in capsys.readouterr().err
    assert main(["store", "init", "--store", url]) == 0
    assert "ready (0 items)" in capsys.readouterr().out
    assert main(["store", "import", "--store", url, str(folder)]) == 0
    out = capsys.readouterr()
    assert f"{SAMPLE_ITEMS} added, 0 updated, 0 unchanged, 0 deleted" in out.out
    assert "\r" not in out.err  # no progress bar when stderr is not a terminal
    assert main(["store", "import", "--store", url, str(folder)]) == 0
    assert f"0 added, 0 updated, {SAMPLE_ITEMS} unchanged" in capsys.readouterr().out
    assert main(["store", "export", "--store", url, str(tmp_path / "out")]) == 0
    assert files(tmp_path / "out") == files(folder)
    capsys.readouterr()
    assert main(["store", "stats", "--store", url, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["items"]["article"] == sum(1 for i in load_sample_library() if i.type == "article")
    assert stats["coverage"]["az"] == load_sample_library().coverage("az")
    assert main(["store", "upgrade", "--store", url]) == 0
    assert "revision 0007" in capsys.readouterr().out
    (folder / "organizations" / "washington-post.json").unlink()
    assert main(["store", "import", "--store", url, "--prune", str(folder)]) == 0
    assert "1 deleted" in capsys.readouterr().out


def test_store_import_of_a_broken_folder_lists_problems(
    db: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "places" / "baku.json").write_text('{"type": "place", "id": "baku"}')
    assert main(["store", "import", "--store", db, str(folder)]) == 1
    err = capsys.readouterr().err
    assert "places/baku.json: name: Field required" in err
    assert open_store(db).get("baku").name.get("en") == "Baku"


def test_progress_bar_draws_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    show = progress_bar("import", screen)
    assert show is not None
    show(5, 10)
    show(10, 10)
    text = screen.getvalue()
    assert "\rimport [###############               ] 5/10" in text
    assert text.endswith("10/10\n")
    assert progress_bar("import", io.StringIO()) is None


def test_validate_with_store(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--store", db]) == 0
    assert f"{SAMPLE_ITEMS} items, all valid" in capsys.readouterr().out
    assert main(["validate"]) == 2
    assert main(["validate", "--store", str(tmp_path / "missing.db")]) == 1


def test_preview_with_store_matches_the_folder(
    db: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "--out", str(tmp_path / "a"), "--library", str(folder)]) == 0
    assert main(["preview", "--out", str(tmp_path / "b"), "--store", db]) == 0
    capsys.readouterr()
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.html")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.html")}
    assert a
    assert a == b


def test_content_commands_with_store(
    db: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["export", "--id", "baku"], ["status", "--json"]):
        assert main(["content", *args, "--library", str(folder)]) == 0
        from_folder = capsys.readouterr().out
        assert main(["content", *args, "--store", db]) == 0
        assert capsys.readouterr().out == from_folder
    po = export_po([ContentLibrary.load(folder).get("baku")], "en", "az")
    po[0].msgstr = "Bakı şəhəri"
    po.save(str(tmp_path / "az.po"))
    assert main(["content", "import", "--store", db, str(tmp_path / "az.po"), "--dry-run"]) == 0
    assert open_store(db).version_of("baku") == 1
    assert main(["content", "import", "--store", db, str(tmp_path / "az.po")]) == 0
    assert "Wrote 1" in capsys.readouterr().out
    store = open_store(db)
    assert store.get("baku").name.get("az") == "Bakı şəhəri"
    assert store.version_of("baku") == 2


def test_content_import_with_a_rejected_entry_changes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db)
    po = export_po([store.get("baku"), store.get("osce")], "en", "az")
    po[0].msgstr = "Bakı şəhəri"
    po[1].msgstr = "Organization for Security and Co-operation in Europe, in English"
    po.save(str(tmp_path / "az.po"))
    assert main(["content", "import", "--store", db, str(tmp_path / "az.po")]) == 1
    assert "Nothing was changed" in capsys.readouterr().out
    assert store.get("baku").name.get("az") == "Bakı"
    assert store.version_of("baku") == 1


def test_po_import_into_a_store_is_all_or_nothing(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An item changed by another writer during the import: ConflictError, nothing written."""
    from diplolib.errors import ConflictError
    from diplolib.store import ContentStore

    store = open_store(db)
    po = export_po([store.get("baku"), store.get("astana")], "en", "az")
    po[0].msgstr = "Bakı şəhəri"
    po[1].msgstr = "Astana şəhəri"
    original = ContentStore.update_many

    def meddling(self: ContentStore, changes: object) -> dict[str, int]:
        with open_store(db) as other:
            item, version = other.get_versioned("astana")
            other.update(item.model_copy(update={"wikidata": "Q1520"}), version=version)
        return original(self, changes)  # type: ignore[arg-type]

    monkeypatch.setattr(ContentStore, "update_many", meddling)
    with pytest.raises(ConflictError, match="'astana'"):
        store.import_po(po)
    assert store.get("baku").name.get("az") == "Bakı"
    assert store.version_of("baku") == 1
    assert store.get("astana").name.get("az") == "Astana"
