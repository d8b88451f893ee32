"""``diplolib catalog …``: the shipped catalogs are current and clean; each tool and check works."""

from __future__ import annotations

import gettext as stdlib_gettext
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import diplolib.i18n
from diplolib._catalog_tools import EXTRACT_KEYWORDS, extract_messages, load_config
from diplolib._gettext.catalogs import CatalogLayer
from diplolib._gettext.mo import read_mo
from diplolib._resources import locales_dir
from diplolib.cli import main
from diplolib.i18n import reload_catalogs

ROOT = Path(__file__).resolve().parent.parent
LOCALES = locales_dir()
POT = LOCALES / "diplolib.pot"
CATALOGS = {lang: LOCALES / lang / "LC_MESSAGES" / "diplolib.po" for lang in ("en", "az")}

Key = tuple[str | None, str, str | None]


def keys(path: Path, *, obsolete: bool = False) -> set[Key]:
    po = polib.pofile(str(path))
    entries = po.obsolete_entries() if obsolete else [e for e in po if not e.obsolete]
    return {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in entries}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["catalog", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------
# the shipped catalogs


def test_committed_pot_is_up_to_date() -> None:
    fresh = extract_messages(load_config(ROOT))
    fresh_keys = {
        (
            m.context,
            m.id[0] if isinstance(m.id, tuple) else m.id,
            m.id[1] if isinstance(m.id, tuple) else None,
        )
        for m in fresh
        if m.id
    }
    committed = keys(POT)
    assert fresh_keys == committed, (
        "locales/diplolib.pot is out of date: run 'diplolib catalog extract' and "
        f"'diplolib catalog update'. New: {sorted(fresh_keys - committed, key=str)[:5]}; "
        f"gone: {sorted(committed - fresh_keys, key=str)[:5]}"
    )


def test_pybabel_reads_the_same_settings(tmp_path: Path) -> None:
    pybabel = Path(sys.executable).with_name("pybabel")
    if not pybabel.exists():
        pytest.skip("pybabel is not installed next to this Python")
    target = tmp_path / "pybabel.pot"
    subprocess.run(
        [str(pybabel), "extract", "-o", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert keys(target) == keys(POT)


def test_pyproject_lists_the_extraction_keywords() -> None:
    assert load_config(ROOT).keywords == EXTRACT_KEYWORDS


@pytest.mark.parametrize("lang", ["en", "az"])
def test_catalogs_hold_exactly_the_template(lang: str) -> None:
    assert keys(CATALOGS[lang]) == keys(POT)
    assert keys(CATALOGS[lang], obsolete=True) == set()


@pytest.mark.parametrize("lang", ["en", "az"])
def test_catalog_headers(lang: str) -> None:
    po = polib.pofile(str(CATALOGS[lang]))
    assert po.metadata["Language"] == lang
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.metadata["Content-Type"].lower() == "text/plain; charset=utf-8"
    assert "fuzzy" not in po.metadata_is_fuzzy


def test_shipped_catalogs_pass_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--project", str(ROOT), "check", "--strict", "--format", "json")
    report = json.loads(out)
    problems = [p for f in report["files"] for p in f["problems"]]
    assert (code, report["ok"], problems) == (0, True, [])
    assert len(report["files"]) == 2


def test_az_plural_entries_keep_the_noun_singular() -> None:
    po = polib.pofile(str(CATALOGS["az"]))
    plural = [e for e in po if e.msgid_plural]
    assert plural
    for entry in plural:
        forms = set(entry.msgstr_plural.values())
        assert len(forms) == 1, (entry.msgid, forms)  # one wording after every numeral


@pytest.mark.parametrize("lang", ["en", "az"])
def test_msgfmt_accepts_the_catalogs(lang: str, tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (GNU gettext) must be installed in CI: apt-get install gettext")
        pytest.skip("msgfmt is not installed (apt-get install gettext)")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "out.mo"), str(CATALOGS[lang])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    with (tmp_path / "out.mo").open("rb") as handle:
        translations = stdlib_gettext.GNUTranslations(handle)
    expected = "Çap et" if lang == "az" else "Print"
    assert translations.gettext("Print") == expected


# ---------------------------------------------------------------------------
# a host project


PYPROJECT = """
[project]
name = "portal"
version = "2.1"

[tool.babel.extract_messages]
input_paths = ["portal"]
output_file = "locales/portal.pot"
keywords = {keywords}
add_comments = ["Translators:"]

[tool.babel.update_catalog]
input_file = "locales/portal.pot"
output_dir = "locales"
domain = "portal"
"""

SOURCE = """
from diplolib import gettext, ngettext, pgettext, npgettext, lazy_gettext, lazy_ngettext, lazy_pgettext
from diplolib.i18n import N_

SECTIONS = [N_("Culture"), N_("Economy")]


def page(n):
    # Translators: the site's name in the header.
    title = gettext("Diplomatic Portal")
    menu = pgettext("menu", "Close")
    votes = ngettext("{n} vote", "{n} votes", n, zero=N_("No votes"))
    polls = npgettext("poll", "{n} option", "{n} options", n)
    later = lazy_gettext("Subscribe"), lazy_ngettext("{n} reader", "{n} readers", n)
    tab = lazy_pgettext("tab", "Archive")
    return _("Legacy marker")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    keywords = json.dumps(list(EXTRACT_KEYWORDS))
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(keywords=keywords), encoding="utf-8")
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "views.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_extract_init_update_compile(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--project", str(project), "extract")
    assert code == 0
    assert "extracted 11 messages" in out
    pot = polib.pofile(str(project / "locales" / "portal.pot"))
    found = {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in pot}
    assert found == {
        (None, "Culture", None),
        (None, "Economy", None),
        (None, "Diplomatic Portal", None),
        ("menu", "Close", None),
        (None, "{n} vote", "{n} votes"),
        (None, "No votes", None),
        ("poll", "{n} option", "{n} options"),
        (None, "Subscribe", None),
        (None, "{n} reader", "{n} readers"),
        ("tab", "Archive", None),
        (None, "Legacy marker", None),
    }
    assert pot.find("Diplomatic Portal").comment == "the site's name in the header."
    assert pot.find("{n} vote").flags == ["python-brace-format"]

    for lang in ("az", "en"):
        code, out, _ = run(capsys, "--project", str(project), "init", lang)
        assert code == 0, out
    az_path = project / "locales" / "az" / "LC_MESSAGES" / "portal.po"
    az = polib.pofile(str(az_path))
    assert az.metadata["Language"] == "az"
    assert az.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert az.percent_translated() == 0
    en = polib.pofile(str(project / "locales" / "en" / "LC_MESSAGES" / "portal.po"))
    assert en.percent_translated() == 100  # the source language is filled with the msgids
    assert en.find("{n} vote").msgstr_plural == {0: "{n} vote", 1: "{n} votes"}

    code, _, err = run(capsys, "--project", str(project), "init", "az")
    assert code == 1
    assert "already exists" in err

    # Translate, then change the sources: update adds, keeps and retires entries.
    for entry in az:
        entry.msgstr = "Mədəniyyət" if entry.msgid == "Culture" else entry.msgstr
    az.find("Diplomatic Portal").msgstr = "Diplomatik portal"
    az.save()
    views = project / "portal" / "views.py"
    views.write_text(
        views.read_text(encoding="utf-8").replace('N_("Economy")', 'N_("Sport")'), encoding="utf-8"
    )
    assert run(capsys, "--project", str(project), "extract")[0] == 0
    code, out, _ = run(capsys, "--project", str(project), "update", "--no-fuzzy-matching")
    assert code == 0
    assert out.count("updated") == 2
    az = polib.pofile(str(az_path))
    assert az.find("Sport").msgstr == ""
    assert az.find("Culture").msgstr == "Mədəniyyət"
    assert [e.msgid for e in az.obsolete_entries()] == ["Economy"]
    en = polib.pofile(str(project / "locales" / "en" / "LC_MESSAGES" / "portal.po"))
    assert en.find("Sport").msgstr == "Sport"

    out_dir = project / "build"
    code, out, _ = run(capsys, "--project", str(project), "compile", "--output-dir", str(out_dir))
    assert code == 0
    assert out.count("compiled") == 2
    mo = out_dir / "az" / "LC_MESSAGES" / "portal.mo"
    with mo.open("rb") as handle:
        translations = stdlib_gettext.GNUTranslations(handle)
    assert translations.gettext("Diplomatic Portal") == "Diplomatik portal"
    assert translations.gettext("Sport") == "Sport"
    assert {e.msgid for e in read_mo(mo.read_bytes(), str(mo)).entries} == {
        "Culture",
        "Diplomatic Portal",
    }
    layer = CatalogLayer(out_dir, "portal")
    assert layer.catalog("az") is not None


def test_init_rejects_unknown_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--project", str(project), "extract")
    code, _, err = run(capsys, "--project", str(project), "init", "fr")
    assert code == 1
    assert "unsupported language 'fr'" in err


# ---------------------------------------------------------------------------
# check


HEADER = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""

PROBLEMS = """#: portal/views.py:1
msgid "Untranslated"
msgstr ""

#, fuzzy
msgid "Guess"
msgstr "Təxmin"

msgid "Page {page} of {pages}"
msgstr "Səhifə {page}"

msgid "Hello, {user.name}"
msgstr "Salam, {user.name}"

msgid "Welcome, {user}"
msgstr "Xoş gəlmisiniz, {user.__class__}"

#, python-format
msgid "%(count)d new items"
msgstr "%(say)d yeni element"

msgid "Downloaded %s of %d"
msgstr "Yükləndi %d / %s"

msgid "{n} comment"
msgid_plural "{n} comments"
msgstr[0] "{n} şərh"

msgid "Newsletter"
msgstr "Newsletter"

msgid "URL"
msgstr "URL"

msgid "Portal"
msgstr "Portal"

msgid " padded"
msgstr "boşluqsuz"

msgid "You are here:"
msgstr "Siz buradasınız"

msgid "Really?"
msgstr "Doğrudan."

msgid "Read <b>more</b>"
msgstr "<b>Ətraflı"

msgid "Note <i>this</i>"
msgstr "Qeyd <b>bunu</b>"

msgid "Line spacing"
msgstr "Sətirlərarası interval in Cyrillic: \u04d9"

msgid "Turned"
msgstr "D\u01ddyişdi"

msgid "Mixed"
msgstr "Qarışıq \u0430"

#~ msgid "Gone"
#~ msgstr "Getdi"
"""


def write_catalog(project: Path, lang: str, body: str, header: str = HEADER) -> Path:
    path = project / "locales" / lang / "LC_MESSAGES" / "portal.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header.format(lang=lang) + body, encoding="utf-8")
    return path


def check_json(
    capsys: pytest.CaptureFixture[str], project: Path, *extra: str
) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = run(capsys, "--project", str(project), "check", "--format", "json", *extra)
    report = json.loads(out)
    return code, [p for f in report["files"] for p in f["problems"]]


def test_check_reports_each_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_catalog(project, "az", PROBLEMS)
    code, problems = check_json(capsys, project, "--allow-identical", "Portal")
    assert code == 1
    found = {(p["msgid"], p["code"]) for p in problems}
    expected = {
        ("Untranslated", "untranslated"),
        ("Guess", "fuzzy"),
        ("Page {page} of {pages}", "placeholder-mismatch"),
        ("Hello, {user.name}", "unsafe-placeholder"),
        ("Welcome, {user}", "unsafe-placeholder"),
        ("%(count)d new items", "printf-mismatch"),
        ("Downloaded %s of %d", "printf-mismatch"),
        ("{n} comment", "plural-count"),
        ("Newsletter", "identical"),
        (" padded", "whitespace"),
        ("You are here:", "punctuation"),
        ("Really?", "punctuation"),
        ("Read <b>more</b>", "markup"),
        ("Note <i>this</i>", "markup"),
        ("Line spacing", "lookalike"),
        ("Turned", "lookalike"),
        ("Mixed", "lookalike"),
        ("Gone", "obsolete"),
    }
    assert found == expected
    by_code = {p["code"]: p for p in problems}
    assert by_code["untranslated"]["line"] == 8
    assert by_code["untranslated"]["severity"] == "warning"
    assert by_code["placeholder-mismatch"]["severity"] == "error"
    schwa = next(p for p in problems if p["msgid"] == "Line spacing")
    assert "U+04D9" in str(schwa["message"])
    assert "use ə" in str(schwa["message"])
    assert all(p["file"].endswith("az/LC_MESSAGES/portal.po") for p in problems)  # type: ignore[union-attr]


def test_identical_is_only_checked_in_az(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_catalog(project, "en", 'msgid "Newsletter"\nmsgstr "Newsletter"\n')
    assert check_json(capsys, project, "--strict") == (0, [])


def test_warnings_fail_only_with_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_catalog(project, "az", 'msgid "Print"\nmsgstr ""\n\nmsgid "Share"\nmsgstr "Paylaş"\n')
    code, problems = check_json(capsys, project)
    assert code == 0
    assert [p["code"] for p in problems] == ["untranslated"]
    code, _ = check_json(capsys, project, "--strict")
    assert code == 1


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n',
            "no Language field",
        ),
        (HEADER.replace("{lang}", "en"), "the file is the az catalog"),
        (HEADER.replace("(n != 1)", "n/0"), "divides by zero"),
        (
            HEADER.replace("Plural-Forms: nplurals=2; plural=(n != 1);\\n", "X: y\\n"),
            "no Plural-Forms field",
        ),
        (HEADER.replace("charset=UTF-8", ""), "charset=UTF-8"),
        ("", "no header entry"),
    ],
)
def test_check_reports_header_problems(
    header: str, problem: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_catalog(project, "az", 'msgid "Share"\nmsgstr "Paylaş"\n', header=header)
    code, problems = check_json(capsys, project)
    assert code == 1
    assert {p["code"] for p in problems} == {"header"}
    assert any(problem in str(p["message"]) for p in problems)
    assert len(problems) == (4 if not header else 1)


def test_check_reports_syntax_errors_with_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_catalog(project, "az", 'msgid "Share"\nmsgstr "Paylaş\n')
    code, out, _ = run(capsys, "--project", str(project), "check")
    assert code == 1
    assert "8: error [syntax]" in out
    assert "expected a string in double quotes" in out


def test_check_named_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_catalog(project, "az", 'msgid "Share"\nmsgstr "Share"\n')
    code, out, _ = run(capsys, "--project", str(project), "check", str(path))
    assert code == 0
    assert "[identical]" in out
    stray = project / "stray.po"
    stray.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "--project", str(project), "check", str(stray))
    assert code == 1
    assert "cannot tell the language" in err


def test_check_messages_in_azerbaijani(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_catalog(project, "az", 'msgid "Print"\nmsgstr ""\n')
    code, out, _ = run(capsys, "--project", str(project), "--ui-lang", "az", "check")
    assert "xəbərdarlıq [untranslated] 'Print': tərcümə edilməyib" in out
    assert "1 fayl yoxlanıldı · xəta yoxdur · 1 xəbərdarlıq" in out
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "az_AZ.UTF-8")
    code, out, _ = run(capsys, "--project", str(project), "check")
    assert "tərcümə edilməyib" in out
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    code, out, _ = run(capsys, "--project", str(project), "check")
    assert "not translated" in out
    code, _, err = run(capsys, "--project", str(project), "--ui-lang", "fr", "check")
    assert code == 2
    assert "unsupported language 'fr'" in err


def test_tools_work_while_the_library_catalogs_are_broken(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    folder = broken / "az" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "diplolib.po").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    write_catalog(project, "az", 'msgid "Print"\nmsgstr ""\n')
    diplolib.i18n.reload_catalogs()
    diplolib.i18n._library = CatalogLayer(broken, "diplolib", eager=False)
    try:
        code, out, err = run(capsys, "--project", str(project), "--ui-lang", "az", "check")
    finally:
        reload_catalogs()
    assert code == 0
    assert "UI messages are untranslated" in err
    assert "broken" in err
    assert "not translated" in out


# ---------------------------------------------------------------------------
# stats


def test_stats(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_catalog(
        project,
        "az",
        'msgid "A"\nmsgstr "a"\n\nmsgid "B"\nmsgstr "b"\n\n#, fuzzy\nmsgid "C"\nmsgstr "c"\n\n'
        'msgid "D"\nmsgstr ""\n\n#~ msgid "E"\n#~ msgstr "e"\n',
    )
    write_catalog(project, "en", 'msgid "A"\nmsgstr "A"\n')
    code, out, _ = run(capsys, "--project", str(project), "stats", "--format", "json")
    assert code == 0
    stats = {row["language"]: row for row in json.loads(out)}
    assert stats["az"] | {"file": ""} == {
        "language": "az",
        "file": "",
        "translated": 2,
        "fuzzy": 1,
        "untranslated": 1,
        "total": 4,
        "translated_percent": 50.0,
        "fuzzy_percent": 25.0,
        "untranslated_percent": 25.0,
    }
    assert stats["en"]["translated_percent"] == 100.0
    code, out, _ = run(capsys, "--project", str(project), "stats")
    lines = out.splitlines()
    assert lines[0].split() == ["Language", "Translated", "Fuzzy", "Untranslated", "Total"]
    assert lines[2].split() == ["en", "1", "(100.0%)", "0", "(0.0%)", "0", "(0.0%)", "1"]
    assert lines[3].split() == ["az", "2", "(50.0%)", "1", "(25.0%)", "1", "(25.0%)", "4"]


def test_stats_of_the_shipped_catalogs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["language"], r["translated_percent"]) for r in rows] == [
        ("en", 100.0),
        ("az", 100.0),
    ]


def test_catalog_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["catalog", "--help"])
    out = capsys.readouterr().out
    for command in ("extract", "init", "update", "compile", "check", "stats"):
        assert command in out


def test_missing_locales_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.babel.extract_messages]\noutput_file = "l/x.pot"\n'
        '[tool.babel.update_catalog]\noutput_dir = "l"\ndomain = "x"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--project", str(tmp_path), "check")
    assert code == 1
    assert "catalog folder does not exist" in err


def test_project_without_settings_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    from diplolib import CatalogError

    with pytest.raises(CatalogError, match=r"no pyproject\.toml here"):
        load_config(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "portal"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"no \[tool.babel.extract_messages\]"):
        load_config(tmp_path)


def test_library_flag_is_read_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from diplolib.cli import main

    assert main(["catalog", "--project", str(tmp_path), "stats"]) == 1
    assert "no pyproject.toml here" in capsys.readouterr().err
    assert main(["catalog", "--library", "stats"]) == 0
    assert main(["catalog", "--library", "extract"]) == 2
    assert "--library works with 'check' and 'stats' only" in capsys.readouterr().err
