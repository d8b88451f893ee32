"""A third language plugs in from outside, through diplolib's public API only.

Russian is registered the way a host application would: a ``LanguageSpec``
(CLDR locale, Cyrillic script, three plural forms) and a small catalog of its
own added with ``add_catalog``. Every part of diplolib then serves it, and the
built-in languages are exactly as before once the registration is undone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from diplolib import (
    SUPPORTED_LANGUAGES,
    ContentLibrary,
    LanguageName,
    LanguageSpec,
    LocalizedText,
    PartialDate,
    TextRules,
    UnsupportedLanguageError,
    fallback_chain,
    format_date,
    format_date_range,
    format_list,
    format_number,
    gettext,
    hreflang_links,
    language_name,
    language_spec,
    ngettext,
    normalize_language,
    registered_language,
    slugify,
    supported_languages,
    to_jsonld,
    use_language,
)
from diplolib.cli import main
from diplolib.i18n import add_catalog, remove_catalog
from diplolib.po import export_po, import_po

RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)


def russian() -> LanguageSpec:
    return LanguageSpec(
        code="ru",
        locale="ru",
        scripts=("Cyrl",),
        plural_forms=RU_PLURALS,
        names={
            "ru": LanguageName("Русский", "русский"),
            "en": LanguageName("Russian", "Russian"),
            "az": LanguageName("Rus dili", "rus dili"),
        },
        other_names={
            "en": LanguageName("Английский", "английский"),
            "az": LanguageName("Азербайджанский", "азербайджанский"),
        },
        fallbacks=("en",),
        aliases=("rus",),
        detect_label="ru",
        slug_style="unicode",
        rules=TextRules(),
    )


CATALOG = f"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: {RU_PLURALS}\\n"

msgid "Print"
msgstr "Печать"

msgid "{{n}} comment"
msgid_plural "{{n}} comments"
msgstr[0] "{{n}} комментарий"
msgstr[1] "{{n}} комментария"
msgstr[2] "{{n}} комментариев"
"""


@pytest.fixture
def ru(tmp_path: Path) -> Iterator[LanguageSpec]:
    before = (supported_languages(), language_spec("en"), language_spec("az"))
    folder = tmp_path / "locales" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "portal.po").write_text(CATALOG, encoding="utf-8")
    with registered_language(russian()) as spec:
        layer = add_catalog(tmp_path / "locales", "portal")
        try:
            yield spec
        finally:
            remove_catalog(layer)
    # The registry is restored: the same built-in specifications, and no Russian.
    assert (supported_languages(), language_spec("en"), language_spec("az")) == before
    with pytest.raises(UnsupportedLanguageError):
        normalize_language("ru")
    assert gettext("Print", lang="az") == "Çap et"


ARTICLE = {
    "type": "article",
    "id": "caspian-summit",
    "slug": {"en": "caspian-summit-in-baku"},
    "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
    "title": {"en": "Caspian summit in Baku"},
    "lead": {"en": "The leaders of the five Caspian states met in Baku."},
    "body": [
        {"en": "The presidents of the five Caspian states met in Baku on Thursday."},
        {"en": "They signed an agreement on security cooperation in the Caspian Sea."},
    ],
    "published": "2010-11-18T10:00:00+04:00",
    "original_language": "en",
}
BAKU = {
    "type": "place",
    "id": "baku",
    "name": {"en": "Baku", "az": "Bakı"},
    "kind": "city",
    "country": "azerbaijan",
}
AZERBAIJAN = {"type": "place", "id": "azerbaijan", "name": {"en": "Azerbaijan"}, "kind": "country"}
RUSSIAN = {
    "title": "Каспийский саммит в Баку",
    "lead": "Лидеры пяти прикаспийских государств встретились в Баку.",
    "body[0]": "Президенты пяти прикаспийских государств встретились в Баку в четверг.",
    "body[1]": "Они подписали соглашение о сотрудничестве в сфере безопасности на Каспийском море.",
    "section.name": "Новости",
    "name": "Баку",
}


def library_folder(root: Path) -> Path:
    for folder, data in (("articles", ARTICLE), ("places", BAKU), ("places", AZERBAIJAN)):
        (root / folder).mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        (root / folder / f"{data['id']}.json").write_text(text + "\n", encoding="utf-8")
    return root


def test_the_registry_names_and_normalises_russian(ru: LanguageSpec) -> None:
    assert supported_languages() == ("en", "az", "ru")
    assert list(SUPPORTED_LANGUAGES) == ["en", "az", "ru"]
    for code in ("ru", "RU", "ru-RU", "ru_RU.UTF-8", "ru-Cyrl", "rus"):
        assert normalize_language(code) == "ru"
    with pytest.raises(UnsupportedLanguageError, match="Cyrillic"):
        normalize_language("ru-Latn")
    assert language_spec("ru-RU") is ru
    assert ru.nplurals == 3
    assert fallback_chain("ru") == ("ru", "en")
    assert fallback_chain("ru", ui=True) == ("ru", "en")
    assert language_name("ru", "az", in_sentence=True) == "rus dili"
    assert language_name("ru", "ru") == "Русский"
    assert language_name("ru", "en") == "Russian"
    # Russian names the built-in languages through its own other_names...
    assert language_name("az", "ru") == "Азербайджанский"
    assert language_name("en", "ru", in_sentence=True) == "английский"
    # ...and the built-in ones keep their own names.
    assert language_name("en", "az") == "İngilis dili"
    with use_language("ru-RU") as current:
        assert current == "ru"


def test_localized_text_serves_russian_with_fallback_to_english(ru: LanguageSpec) -> None:
    text = LocalizedText({"en": "Print", "ru-RU": " Печать "})
    assert text.get("ru") == "Печать"
    assert text.to_dict() == {"en": "Print", "ru": "Печать"}
    assert LocalizedText(ru="Печать", en="Print") == text
    served = LocalizedText(en="Foreign press", az="Xarici mətbuat").resolve("ru")
    assert (served.value, served.lang, served.is_fallback) == ("Foreign press", "en", True)
    # ru falls back to en only: Azerbaijani text does not stand in for Russian.
    assert LocalizedText(az="Bakı").resolve("ru").value is None
    assert LocalizedText(en="Baku").missing() == ("az", "ru")
    validated = LocalizedText.validate({"ru": "Москва", "en": "Moscow"})
    assert validated.languages() == ("en", "ru")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 комментарий"),
        (2, "2 комментария"),
        (4, "4 комментария"),
        (5, "5 комментариев"),
        (11, "11 комментариев"),
        (12, "12 комментариев"),
        (14, "14 комментариев"),
        (21, "21 комментарий"),
        (22, "22 комментария"),
        (25, "25 комментариев"),
        (101, "101 комментарий"),
        (111, "111 комментариев"),
        (1004, "1004 комментария"),
    ],
)
def test_ngettext_picks_the_russian_plural_form(ru: LanguageSpec, n: int, expected: str) -> None:
    assert ngettext("{n} comment", "{n} comments", n, n=n, lang="ru") == expected


def test_ngettext_agrees_with_cldr_for_every_count_up_to_2000(ru: LanguageSpec) -> None:
    from babel import Locale

    forms = {"one": "комментарий", "few": "комментария", "many": "комментариев"}
    cldr = Locale.parse("ru")
    for n in range(2000):
        expected = f"{n} {forms[cldr.plural_form(n)]}"
        assert ngettext("{n} comment", "{n} comments", n, n=n, lang="ru") == expected, n


def test_ui_strings_fall_back_from_russian_to_english(ru: LanguageSpec) -> None:
    assert gettext("Print", lang="ru") == "Печать"
    assert gettext("Foreign press", lang="ru") == "Foreign press"
    with use_language("ru"):
        assert gettext("Print") == "Печать"


def test_formatters_use_the_cldr_locale(ru: LanguageSpec) -> None:
    day = dt.date(2017, 3, 2)
    # CLDR puts a narrow no-break space before "г." (year).
    assert format_date(day, "long", lang="ru") == "2 марта 2017\u202fг."
    assert format_date(day, "full", lang="ru") == "четверг, 2 марта 2017\u202fг."
    # Russian has no ordinal-year rule: the formal style is the long one.
    assert format_date(day, "formal", lang="ru") == "2 марта 2017\u202fг."
    assert format_date(PartialDate(2017, 3), lang="ru") == "март 2017\u202fг."
    assert format_date(PartialDate(2009), "formal", lang="ru") == "2009"
    assert format_date_range(dt.date(2010, 12, 1), dt.date(2010, 12, 2), lang="ru").startswith(
        "1–2 декабря"
    )
    assert format_list(["Баку", "Астана", "Москва"], lang="ru") == "Баку, Астана и Москва"
    assert format_number(1234.5, lang="ru") == "1\xa0234,5"
    # The built-in languages keep their own rules.
    assert format_date(day, "formal", lang="az") == "2 mart 2017-ci il"


def test_slugs_keep_cyrillic_letters(ru: LanguageSpec) -> None:
    assert slugify("Каспийский саммит в Баку", lang="ru") == "каспийский-саммит-в-баку"
    assert slugify("Саммит ОБСЕ — 2010", lang="ru") == "саммит-обсе-2010"


def test_content_po_round_trip_to_russian(ru: LanguageSpec, tmp_path: Path) -> None:
    root = library_folder(tmp_path / "content")
    out = tmp_path / "ru.po"
    assert (
        main(["content", "export", "--library", str(root), "--target", "ru", "-o", str(out)]) == 0
    )
    po = polib.pofile(str(out))
    assert po.metadata["Language"] == "ru"
    assert po.metadata["Plural-Forms"] == RU_PLURALS
    assert re.search(r"nplurals=3;", po.metadata["Plural-Forms"])
    assert po.metadata["Language-Team"] == "Russian"
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is not installed (apt-get install gettext)")
    checked = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "ru.mo"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    # A translator fills it in; the file imports into the library.
    for entry in po:
        path = entry.msgctxt.split(":", 2)[2]
        if path in RUSSIAN:
            entry.msgstr = RUSSIAN[path]
    po.save(str(out))
    report = import_po(root, str(out))
    assert not report.rejected, report.rejected
    library = ContentLibrary.load(root)
    article = library.get("caspian-summit")
    assert article.title.get("ru") == RUSSIAN["title"]
    assert article.body[1].get("ru", fallback=False) == RUSSIAN["body[1]"]
    assert article.translations["ru"] == "translated"
    assert article.slug["ru"] == "каспийский-саммит-в-баку"
    assert library.get("baku").name.get("ru") == "Баку"
    # Azerbaijani is untouched by a Russian import.
    assert "az" not in article.title


def test_a_russian_translation_in_latin_letters_is_not_rejected_for_its_script(
    ru: LanguageSpec, tmp_path: Path
) -> None:
    # Russian's rules set no script check; Azerbaijani keeps its own.
    root = library_folder(tmp_path / "content")
    po = export_po(ContentLibrary.load(root), "en", "ru")
    for entry in po:
        if entry.msgctxt.endswith(":title"):
            entry.msgstr = "Kaspiyskiy sammit"
    assert not import_po(root, po, dry_run=True).rejected


def _alternates(page: str) -> set[str]:
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', page))


def test_preview_and_jsonld_publish_russian_pages(ru: LanguageSpec, tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    root = library_folder(tmp_path / "content")
    po = export_po(ContentLibrary.load(root), "en", "ru")
    for entry in po:
        path = entry.msgctxt.split(":", 2)[2]
        if path in RUSSIAN:
            entry.msgstr = RUSSIAN[path]
    assert not import_po(root, po).rejected
    library = ContentLibrary.load(root)
    article = library.get("caspian-summit")

    links = {link.hreflang: link.href for link in hreflang_links(article)}
    assert set(links) == {"en", "ru", "x-default"}
    assert links["ru"] == "/ru/articles/каспийский-саммит-в-баку/".replace(
        "каспийский-саммит-в-баку",
        "%D0%BA%D0%B0%D1%81%D0%BF%D0%B8%D0%B9%D1%81%D0%BA%D0%B8%D0%B9-%D1%81%D0%B0%D0%BC"
        "%D0%BC%D0%B8%D1%82-%D0%B2-%D0%B1%D0%B0%D0%BA%D1%83",
    )
    data = to_jsonld(article, "ru")
    assert data["inLanguage"] == "ru"
    assert data["headline"] == RUSSIAN["title"]
    assert data["translationOfWork"]["inLanguage"] == "en"
    assert to_jsonld(library.get("baku"), "ru")["name"] == "Баку"

    site = tmp_path / "site"
    assert main(["preview", "--library", str(root), "--out", str(site)]) == 0
    ru_pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] == "ru")
    assert ru_pages, sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    ru_article = next(p for p in ru_pages if "articles" in p.parts)
    en_article = next(
        p for p in site.rglob("*.html") if p.relative_to(site).parts[:2] == ("en", "articles")
    )
    ru_html = ru_article.read_text(encoding="utf-8")
    en_html = en_article.read_text(encoding="utf-8")
    # Reciprocal: each version links the other, and itself.
    assert {"en", "ru"} <= _alternates(ru_html)
    assert {"en", "ru"} <= _alternates(en_html)
    assert '<html lang="ru"' in ru_html
    assert RUSSIAN["title"] in ru_html
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', ru_html, re.S)
    assert jsonld is not None
    assert json.loads(jsonld.group(1))["inLanguage"] == "ru"
