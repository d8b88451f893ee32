from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplolib.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    for needle in [
        "You are here: Main page » Diplomatic Chapter",
        "Siz buradasınız: Ana səhifə » Diplomatik rubrika",
        "Baku, 2 March 2017 –",
        "Bakı, 2 mart 2017 –",
        "Beybit Isabayev",
        "Beybit İsabayev",
        "Related articles",
        "Oxşar məqalələr",
        "11 April 2018 — The Washington Post: What on earth is Trump saying?",
        "3 aprel 2018 — Project Syndicate",
        "No comments",
        "Şərh yoxdur",
    ]:
        assert needle in out, needle


def test_demo_marks_fallback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--lang", "en")
    assert code == 0
    assert "Türk Şurasının üçüncü zirvə görüşü Qəbələdə keçirilib [az]" in out
    assert "Siz buradasınız" not in out


def test_demo_unknown_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "demo", "--article", "nope")
    assert code == 1
    assert "no item with id 'nope'" in err


def test_sample_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "lib"
    code, out, _ = run(capsys, "sample", "--out", str(out_dir))
    assert code == 0
    assert (out_dir / "articles" / "kazakhstan-azerbaijan-strategic-partner.json").is_file()
    code, out, _ = run(capsys, "validate", str(out_dir))
    assert code == 0
    assert "items, all valid" in out
    code, _, err = run(capsys, "sample", "--out", str(out_dir))
    assert code == 1
    assert "not an empty folder" in err


def test_validate_reports_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps({"type": "place", "id": "x", "kind": "town", "name": {"en": "X"}})
    )
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "a.json: kind: Input should be" in err
    assert "(got 'town')" in err


def test_schema_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "schema", "--out", str(tmp_path))
    assert code == 0
    assert (tmp_path / "article.schema.json").is_file()


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    from diplolib.models import export_json_schemas

    committed = Path(__file__).resolve().parent.parent / "docs" / "schema"
    for fresh in export_json_schemas(tmp_path):
        assert (committed / fresh.name).read_text(encoding="utf-8") == fresh.read_text(
            encoding="utf-8"
        ), f"docs/schema/{fresh.name} is stale: run `diplolib schema --out docs/schema`"


def test_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diplolib", "demo", "--lang", "az"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Azərbaycan Qafqaz regionunda" in result.stdout


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2
    assert "demo" in out


def test_demo_names_fallback_parts_for_readers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "demo", "--article", "gabala-turkic-council-summit-2013", "--lang", "en"
    )
    assert code == 0
    notice = " ".join(out.split())
    assert "no translation is available: title, lead, 1st paragraph" in notice
    assert "body[0]" not in out


# -- search ---------------------------------------------------------------------------------


def test_search_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    from diplolib.cli import main

    assert main(["search", "Gabala", "--lang", "az-AZ"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = lines[0].split("\t")
    assert first[0] == "gabala"
    assert first[1] == "az"
    assert "[Qəbələ]" in first[4]
    assert main(["search", "Türk Şurası", "--lang", "en"]) == 0
    fallback = capsys.readouterr().out.splitlines()[0].split("\t")
    # the article has no English text: its Azerbaijani title stands in
    assert fallback[:3] == ["gabala-turkic-council-summit-2013", "az*", "title"]
    assert main(["search", '"strategic partner"', "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["id"] == "kazakhstan-azerbaijan-strategic-partner"
    assert records[0]["snippet"].count("<mark>") == 2


def test_search_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from diplolib.cli import main

    assert main(["search", "x", "--lang", "tr"]) == 1
    assert "unsupported language 'tr'" in capsys.readouterr().err
    assert main(["search", "x", "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err
    assert main(["search", "x", "--library", str(tmp_path / "missing")]) == 1
    assert "not a folder" in capsys.readouterr().err
    assert main(["search", "qwertyuiop"]) == 0
    assert capsys.readouterr().err == "no hits\n"
