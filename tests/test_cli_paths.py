"""The CLI takes content folders the same way everywhere, and demo copes with any library."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplolib import load_sample_library
from diplolib.cli import main
from diplolib.languages import SUPPORTED_LANGUAGES
from diplolib.publish import published_languages


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    assert main(["sample", "--out", str(folder)]) == 0
    return folder


def test_validate_takes_library_or_positional(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["validate", "--library", str(library)]) == 0
    by_option = capsys.readouterr().out
    assert main(["validate", str(library)]) == 0
    assert capsys.readouterr().out == by_option
    assert "all valid" in by_option
    assert main(["validate"]) == 2
    assert main(["validate", str(library), "--library", str(library)]) == 2
    assert "--library" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["demo"], ["preview"], ["validate"], ["content", "status"], ["content", "export"]],
)
def test_every_command_with_a_content_folder_accepts_library(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    assert "--library" in capsys.readouterr().out


def test_demo_picks_an_article_when_the_seed_is_absent(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (library / "articles" / "kazakhstan-azerbaijan-strategic-partner.json").unlink()
    capsys.readouterr()
    assert main(["demo", "--library", str(library), "--lang", "az"]) == 0
    out = capsys.readouterr().out
    rest = [
        a
        for a in load_sample_library().articles()
        if a.id != "kazakhstan-azerbaijan-strategic-partner"
    ]
    best = max(rest, key=lambda a: len(published_languages(a)))
    assert best.title.get("az") in out
    assert published_languages(best) == SUPPORTED_LANGUAGES
    # the newest of the fully translated ones
    assert best.published == max(
        a.published for a in rest if published_languages(a) == SUPPORTED_LANGUAGES
    )


def test_demo_on_a_library_without_articles(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (library / "articles").glob("*.json"):
        path.unlink()
    capsys.readouterr()
    assert main(["demo", "--library", str(library)]) == 1
    assert capsys.readouterr().err == "error: the library has no articles to show\n"


def test_demo_keeps_an_explicit_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--article", "gabala-turkic-council-summit-2013", "--lang", "az"]) == 0
    assert "Qəbələ" in capsys.readouterr().out
