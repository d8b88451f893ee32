"""One answer to "is this translation stale?" in content status, export, import and the preview."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from diplolib import ContentLibrary, load_sample_library
from diplolib.cli import main
from diplolib.po import export_po, import_po, translation_status
from diplolib.preview import build_preview
from diplolib.staleness import source_hash, stale_fields

SEED = "kazakhstan-azerbaijan-strategic-partner"
ROW_RE = re.compile(
    r'<tr><th scope="row"><code>(?P<path>[^<]+)</code></th>(?P<cells>.*?)</tr>', re.S
)
CELL_RE = re.compile(r'<td class="(?P<state>[a-z]+)" data-lang="(?P<lang>[a-z]+)"')


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    """The sample library after one full en → az import: every translation has its hash."""
    folder = tmp_path / "lib"
    load_sample_library().save(folder)
    po = tmp_path / "az.po"
    export_po(ContentLibrary.load(folder), "en", "az").save(str(po))
    assert import_po(folder, po).committed
    return folder


def _edit(folder: Path, change: str, *args: int | str) -> None:
    path = folder / "articles" / f"{SEED}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    body = data["body"]
    if change == "swap":
        i, j = int(args[0]), int(args[1])
        body[i], body[j] = body[j], body[i]  # both languages move together, as in an editor
    elif change == "rewrite":
        body[int(args[0])]["en"] = str(args[1])
    elif change == "insert":
        body.insert(int(args[0]), {"en": str(args[1])})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _status_cli(folder: Path, capsys: pytest.CaptureFixture[str]) -> int:
    capsys.readouterr()
    assert main(["content", "status", "--library", str(folder), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["items"]
    (row,) = [r for r in rows if r["id"] == SEED and r["language"] == "az"]
    return int(row["stale"])


def _fuzzy_bodies(folder: Path) -> set[str]:
    po = export_po(ContentLibrary.load(folder), "en", "az")
    prefix = f"article:{SEED}:"
    return {
        e.msgctxt.removeprefix(prefix)
        for e in po
        if e.msgctxt.startswith(prefix) and "fuzzy" in e.flags
    }


def _view_stale(folder: Path, out: Path) -> set[str]:
    build_preview(ContentLibrary.load(folder), out)
    html = (out / "en" / "translations" / SEED / "index.html").read_text(encoding="utf-8")
    stale = set()
    for row in ROW_RE.finditer(html):
        states = {m["lang"]: m["state"] for m in CELL_RE.finditer(row["cells"])}
        if states.get("az") == "stale":
            stale.add(row["path"])
    return stale


def _views(folder: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    lib = ContentLibrary.load(folder)
    article = lib.get(SEED)
    (row,) = [r for r in translation_status(lib) if r.item_id == SEED and r.lang == "az"]
    return {
        "stale_fields": set(stale_fields(article, "en", "az")),
        "status": row.stale,
        "cli status": _status_cli(folder, capsys),
        "export": _fuzzy_bodies(folder),
        "view": _view_stale(folder, out),
    }


@pytest.mark.parametrize(("first", "second"), [(0, 1), (1, 0), (0, 5), (2, 7)])
def test_swapped_paragraphs_are_not_stale_anywhere(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], first: int, second: int
) -> None:
    _edit(lib_dir, "swap", first, second)
    assert _views(lib_dir, tmp_path / "site", capsys) == {
        "stale_fields": set(),
        "status": 0,
        "cli status": 0,
        "export": set(),
        "view": set(),
    }


def test_swapped_and_rewritten_paragraph_is_stale_everywhere(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(lib_dir, "swap", 0, 1)
    _edit(lib_dir, "rewrite", 0, "The second paragraph, now first, was rewritten.")
    assert _views(lib_dir, tmp_path / "site", capsys) == {
        "stale_fields": {"body[0]"},
        "status": 1,
        "cli status": 1,
        "export": {"body[0]"},
        "view": {"body[0]"},
    }


def test_inserted_paragraph_shifts_without_staleness(
    lib_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(lib_dir, "insert", 2, "A new paragraph, not translated yet.")
    _edit(lib_dir, "rewrite", 5, "A paragraph rewritten after the translation.")
    views = _views(lib_dir, tmp_path / "site", capsys)
    assert views == {
        "stale_fields": {"body[5]"},
        "status": 1,
        "cli status": 1,
        "export": {"body[5]"},
        "view": {"body[5]"},
    }


def test_import_confirms_a_stale_translation_for_the_new_source(lib_dir: Path) -> None:
    _edit(lib_dir, "rewrite", 3, "A paragraph rewritten after the translation.")
    lib = ContentLibrary.load(lib_dir)
    assert stale_fields(lib.get(SEED), "en", "az") == {"body[3]"}
    po = export_po([lib.get(SEED)], "en", "az")
    entry = po.find(f"article:{SEED}:body[3]", by="msgctxt")
    assert isinstance(entry, polib.POEntry)
    assert "fuzzy" in entry.flags
    entry.flags.remove("fuzzy")
    report = import_po(lib, po)
    assert report.ok
    article = report.library.get(SEED)
    assert stale_fields(article, "en", "az") == frozenset()
    recorded = article.translation_sources["az"]["body[3]"]
    assert recorded == source_hash("A paragraph rewritten after the translation.")


def test_unrecorded_or_untranslated_fields_are_never_stale() -> None:
    article = load_sample_library().get(SEED)
    assert not article.translation_sources.get("az")
    assert stale_fields(article, "en", "az") == frozenset()
    recorded = {"title": source_hash("an older title"), "lead": source_hash("an older lead")}
    without_lead = article.model_copy(
        update={
            "translation_sources": {"az": recorded},
            "lead": article.lead.replace(az=None),
        }
    )
    assert stale_fields(without_lead, "en", "az") == {"title"}
    assert stale_fields(without_lead, "az", "en") == frozenset()
