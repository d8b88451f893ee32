"""The shipped Azerbaijani text as an editor signed it off: sample content, catalog, demo."""

from __future__ import annotations

import re

import pytest

from diplolib import load_sample_library
from diplolib._demo import render_article
from diplolib._ui_strings import fallback_notice, language_name, translated_from
from diplolib.i18n import gettext
from diplolib.models import Article

SEED = "kazakhstan-azerbaijan-strategic-partner"


def az_texts() -> list[tuple[str, str]]:
    """Every Azerbaijani string of the sample library, with where it is."""
    found: list[tuple[str, str]] = []

    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "az" and isinstance(inner, str):
                    found.append((where, inner))
                else:
                    walk(inner, f"{where}.{key}")
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk(inner, f"{where}[{index}]")

    for item in load_sample_library():
        walk(item.model_dump(mode="json"), item.id)
    return found


@pytest.mark.parametrize(
    "calque",
    ["əlaqəlilik", "on bir ildə ilk", "O vaxtdan bəri, müstəqillik illərində hər", "barədə."],
)
def test_sample_has_none_of_the_calques_and_fragments(calque: str) -> None:
    assert not [where for where, text in az_texts() if calque in text]


def test_running_text_writes_zirve_gorusu_in_small_letters() -> None:
    article = load_sample_library().get(SEED, Article)
    for paragraph in article.body:
        assert "Zirvə görüş" not in (paragraph.get("az") or "")


def test_enumeration_between_dashes_is_closed() -> None:
    for where, text in az_texts():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if " – " in sentence and "," in sentence.split(" – ", 1)[1]:
                assert sentence.count(" – ") >= 2, (where, sentence)


def test_no_sentence_repeats_ucun() -> None:
    for where, text in az_texts():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(re.findall(r"\büçün\b", sentence)) < 2, (where, sentence)


def test_lead_has_a_verb() -> None:
    lead = load_sample_library().get(SEED, Article).lead.get("az")
    assert lead is not None
    assert lead.endswith("danışır.")


def test_azerbaijani_only_related_article() -> None:
    library = load_sample_library()
    article = library.get("diplomatic-missions-on-twitter", Article)
    assert article.title.get("az") == (
        "Azərbaycanın xarici ölkələrdəki diplomatik nümayəndəlikləri twitterdə"
    )
    assert article.section.name.get("az") == "Yeni layihə"
    assert article.original_language == "az"
    assert not article.title.get("en", fallback=False)
    assert article in library.related_articles(SEED)


@pytest.mark.parametrize(
    ("code", "standalone", "in_sentence"),
    [("en", "İngilis dili", "ingilis dili"), ("az", "Azərbaycan dili", "Azərbaycan dili")],
)
def test_language_names_in_a_sentence(code: str, standalone: str, in_sentence: str) -> None:
    assert language_name(code, lang="az") == standalone
    assert language_name(code, lang="az", in_sentence=True) == in_sentence
    assert translated_from(code, lang="az") == f"Orijinalın dili: {in_sentence}"
    assert fallback_notice(code, lang="az").endswith(f": {in_sentence}")
    assert language_name(code, lang="en", in_sentence=True) == language_name(code, lang="en")


def test_catalog_wording() -> None:
    summary = gettext(
        "{source} → {target}: {applied} applied, {skipped} skipped, {stale} stale, "
        "{rejected} rejected",
        lang="az", source="en", target="az", applied=1, skipped=2, stale=0, rejected=0,
    )  # fmt: skip
    assert "2 buraxıldı" in summary
    assert "ötürül" not in summary
    assert gettext("Translated", lang="az") == "Tərcümə edilib"
    assert gettext("translation is identical to the English source", lang="az") == (
        "tərcümə ingilis dilindəki mənbə ilə eynidir"
    )
    message = gettext(
        "article {id} was written in {language}: it takes no translation into it",
        lang="az",
        id="'x'",
        language=language_name("en", lang="az", in_sentence=True),
    )
    assert "ingilis dili" in message
    assert "en dilində" not in message


def test_demo_dates_the_anniversary_and_runs_the_dateline_in() -> None:
    library = load_sample_library()
    for lang, dateline, anniversary in (
        ("az", "Bakı, 2 mart 2017 – ", "25-ci ildönümü (30 avqust 2017)"),
        ("en", "Baku, 2 March 2017 – ", "25th anniversary (30 August 2017)"),
    ):
        page = render_article(library, SEED, lang, width=400)
        lines = page.splitlines()
        assert not [line for line in lines if line.rstrip().endswith("–")]
        assert any(line.startswith(dateline) and len(line) > len(dateline) for line in lines)
        assert anniversary in page
