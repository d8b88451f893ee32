"""UI strings: lookups, safe placeholders, plural rules, host layers, lazy strings, bad catalogs."""

from __future__ import annotations

import asyncio
import gettext as stdlib_gettext
import logging
import pickle
import random
import re
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import diplolib
from diplolib import (
    CatalogError,
    LazyString,
    UnsupportedLanguageError,
    get_translations,
    gettext,
    lazy_gettext,
    lazy_ngettext,
    lazy_pgettext,
    ngettext,
    npgettext,
    pgettext,
    use_language,
)
from diplolib._gettext.catalogs import CatalogLayer, build_catalog, load_catalog_file
from diplolib._gettext.mo import read_mo, write_mo
from diplolib._gettext.plural import PluralFormsError, parse_plural_forms
from diplolib._gettext.po import parse_po
from diplolib._gettext.template import TemplateError, parse_template, render
from diplolib._resources import locales_dir
from diplolib.errors import CatalogLanguageError
from diplolib.i18n import (
    N_,
    add_catalog,
    get_chain,
    reload_catalogs,
    remove_catalog,
    use_catalogs,
)

AZ_PO = locales_dir() / "az" / "LC_MESSAGES" / "diplolib.po"
HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def po_text(entries: str, lang: str = "az") -> str:
    return HEADER.replace("{lang}", lang) + entries


@pytest.fixture
def layer_dir(tmp_path: Path) -> Callable[..., Path]:
    """Write a host catalog folder: ``make(domain, az=po_entries, en=po_entries)``."""

    def make(domain: str = "portal", **catalogs: str) -> Path:
        root = tmp_path / domain
        for lang, entries in catalogs.items():
            folder = root / lang / "LC_MESSAGES"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{domain}.po").write_text(po_text(entries, lang), encoding="utf-8")
        return root

    return make


@pytest.fixture(autouse=True)
def no_leaked_layers() -> Iterator[None]:
    yield
    for layer in list(diplolib.i18n._host_layers):
        remove_catalog(layer)


# ---------------------------------------------------------------------------
# lookups against the shipped catalogs


@pytest.mark.parametrize(
    ("msgid", "az"),
    [
        ("You are here:", "Siz buradasınız:"),
        ("Main page", "Ana səhifə"),
        ("Diplomatic Chapter", "Diplomatik rubrika"),
        ("Print", "Çap et"),
        ("Font size", "Şrift ölçüsü"),
        ("Line spacing", "Sətirlərarası interval"),
        ("Related articles", "Oxşar məqalələr"),
        ("Foreign press", "Xarici mətbuat"),
        ("World Cities", "Dünya şəhərləri"),
        ("New project", "Yeni layihə"),
        ("Read more", "Ətraflı"),
        ("Share", "Paylaş"),
        ("Comments", "Şərhlər"),
        ("Author", "Müəllif"),
        ("Published", "Dərc olunub"),
        ("Source", "Mənbə"),
        ("Tags", "Teqlər"),
        ("Events", "Tədbirlər"),
        ("Timeline", "Xronologiya"),
        ("Date", "Tarix"),
        ("Search", "Axtarış"),
        ("Back to top", "Yuxarı qayıt"),
        ("Views", "Baxış sayı"),
        ("No comments", "Şərh yoxdur"),
        ("No results", "Heç bir nəticə tapılmadı"),
    ],
)
def test_portal_chrome_in_both_languages(msgid: str, az: str) -> None:
    assert gettext(msgid, lang="az") == az
    assert gettext(msgid, lang="en") == msgid
    assert gettext(msgid) == msgid
    with use_language("az"):
        assert gettext(msgid) == az
        assert gettext(msgid, lang="en") == msgid


@pytest.mark.parametrize("code", ["az", "AZ", "az-AZ", "az_AZ", "az_Latn_AZ", "aze"])
def test_language_spellings(code: str) -> None:
    assert gettext("Print", lang=code) == "Çap et"
    with use_language(code):
        assert gettext("Share") == "Paylaş"


@pytest.mark.parametrize("bad", ["fr", "az-Cyrl", "", "x" * 200, "../az"])
def test_unknown_language_is_a_catalog_error(bad: str) -> None:
    for call in (
        lambda: gettext("Print", lang=bad),
        lambda: ngettext("{n} comment", "{n} comments", 2, lang=bad),
        lambda: get_translations(bad),
        lambda: str(lazy_gettext("Print", lang=bad)),
    ):
        with pytest.raises(CatalogLanguageError) as info:
            call()
        assert isinstance(info.value, CatalogError)
        assert isinstance(info.value, UnsupportedLanguageError)


@pytest.mark.parametrize("bad", [["az"], {"az": 1}, 3, b"az"])
def test_non_string_language_is_rejected(bad: object) -> None:
    with pytest.raises(CatalogLanguageError, match="must be a str"):
        gettext("Print", lang=bad)  # type: ignore[arg-type]


def test_context_language_under_asyncio_and_threads() -> None:
    async def one(i: int) -> tuple[str, str]:
        lang = "az" if i % 2 else "en"
        with use_language(lang):
            await asyncio.sleep(0)
            first = gettext("Print")
            await asyncio.sleep(0)
            return lang, first + "|" + ngettext("{n} view", "{n} views", i)

    async def run() -> list[tuple[str, str]]:
        return await asyncio.gather(*(one(i) for i in range(200)))

    for i, (lang, text) in enumerate(asyncio.run(run())):
        expected = f"Çap et|{i} baxış" if lang == "az" else f"Print|{i} view{'s' if i != 1 else ''}"
        assert text == expected

    def worker(i: int) -> str:
        with use_language("az" if i % 2 else "en"):
            return gettext("Share")

    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(worker, range(100)))
    assert got == ["Paylaş" if i % 2 else "Share" for i in range(100)]


def test_pgettext_uses_context() -> None:
    assert pgettext("article part", "lead", lang="az") == "giriş"
    assert pgettext("translation status", "Original", lang="az") == "Orijinal"
    assert pgettext("no such context", "lead", lang="az") == "lead"
    assert gettext("lead", lang="az") == "lead"  # the contextless msgid is another entry


# ---------------------------------------------------------------------------
# counts


@given(st.integers(min_value=0, max_value=10**12))
def test_az_nouns_stay_singular_after_numerals(n: int) -> None:
    assert ngettext("{n} comment", "{n} comments", n, lang="az") == f"{n} şərh"
    assert ngettext("{n} article", "{n} articles", n, lang="az", n=n) == f"{n} məqalə"


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_en_plural_rule(n: int) -> None:
    expected = f"{n} comment" if abs(n) == 1 else f"{n} comments"
    assert ngettext("{n} comment", "{n} comments", n, lang="en") == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 0, "No comments"),
        ("az", 0, "Şərh yoxdur"),
        ("en", 1, "1 comment"),
        ("az", 1, "1 şərh"),
        ("en", 7, "7 comments"),
        ("az", 7, "7 şərh"),
    ],
)
def test_zero_wording(lang: str, n: int, expected: str) -> None:
    assert ngettext("{n} comment", "{n} comments", n, zero=N_("No comments"), lang=lang) == expected


def test_zero_wording_not_in_catalog_is_shown_as_written() -> None:
    got = ngettext("{n} comment", "{n} comments", 0, zero="Be the first to comment", lang="az")
    assert got == "Be the first to comment"
    assert ngettext("{n} comment", "{n} comments", 0, lang="az") == "0 şərh"


def test_npgettext_zero_looks_in_context_then_without(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(
        az='msgctxt "poll"\nmsgid "No votes"\nmsgstr "Hələ səs verilməyib"\n\n'
        'msgid "No votes"\nmsgstr "Səs yoxdur"\n'
    )
    with use_catalogs((root, "portal")):
        assert (
            npgettext("poll", "{n} vote", "{n} votes", 0, zero=N_("No votes"), lang="az")
            == "Hələ səs verilməyib"
        )
        assert (
            npgettext("other", "{n} vote", "{n} votes", 0, zero=N_("No votes"), lang="az")
            == "Səs yoxdur"
        )
        assert npgettext("poll", "{n} vote", "{n} votes", 2, lang="az") == "2 votes"


class Index:
    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


@pytest.mark.parametrize("bad", [2.5, 2.0, "3", None, True])
def test_count_must_be_an_integer(bad: object) -> None:
    with pytest.raises(TypeError, match="the count n must be an integer"):
        ngettext("{n} comment", "{n} comments", bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="the count n must be an integer"):
        lazy_ngettext("{n} comment", "{n} comments", bad)  # type: ignore[arg-type]


def test_count_accepts_index_objects() -> None:
    assert ngettext("{n} comment", "{n} comments", Index(3), lang="az") == "3 şərh"  # type: ignore[arg-type]


def test_explicit_n_param_wins_over_count() -> None:
    assert ngettext("{n} comment", "{n} comments", 12500, lang="az", n="12.500") == "12.500 şərh"


# ---------------------------------------------------------------------------
# placeholders


def test_parameters_fill_named_placeholders() -> None:
    assert gettext("Page {page} of {pages}", lang="az", page=3, pages=10) == "Səhifə 3 / 10"
    assert gettext("Page {page} of {pages}", page=3, pages=10, extra="ignored") == "Page 3 of 10"


def test_missing_parameter_stays_visible_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    reload_catalogs()  # forget earlier one-time warnings
    with caplog.at_level(logging.WARNING, logger="diplolib.i18n"):
        assert gettext("Page {page} of {pages}", lang="az", page=3) == "Səhifə 3 / {pages}"
    assert "pages" in caplog.text


def test_source_string_that_is_not_a_template_never_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reload_catalogs()
    with caplog.at_level(logging.WARNING, logger="diplolib.i18n"):
        assert gettext("{0} and {name.attr}", name="x") == "{0} and {name.attr}"
    assert "not a valid template" in caplog.text


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{user.__class__}", "attribute or index"),
        ("{user.__init__.__globals__}", "attribute or index"),
        ("{items[0]}", "attribute or index"),
        ("{n:>99999999}", "width"),
        ("{n:.999}", "precision"),
        ("{n:>" + "9" * 5000 + "}", "width"),
        ("{0}", "positional"),
        ("{}", "auto-numbered"),
        ("{n!r}", "conversions"),
        ("{n!a}", "conversions"),
        ("{n:{w}}", "unmatched"),
        ("{n", "unmatched"),
        ("n}", "single"),
        ("{n:x<>5}", "unsupported format spec"),
    ],
)
def test_unsafe_templates_are_rejected(template: str, problem: str) -> None:
    with pytest.raises(TemplateError, match=problem):
        parse_template(template)


@pytest.mark.parametrize(
    ("template", "params", "expected"),
    [
        ("{n:>4}|", {"n": 7}, "   7|"),
        ("{share:.1%}", {"share": 0.256}, "25.6%"),
        ("{{literal}} {x}", {"x": 1}, "{literal} 1"),
        ("{n:d}", {"n": "three"}, "three"),
        ("{name}", {"name": lazy_gettext("Print", lang="az")}, "Çap et"),
    ],
)
def test_render(template: str, params: dict[str, object], expected: str) -> None:
    assert render(parse_template(template), params) == (expected, [])


def test_render_survives_hostile_values() -> None:
    class Hostile:
        def __format__(self, spec: str) -> str:
            raise RuntimeError("boom")

        def __str__(self) -> str:
            raise RuntimeError("boom")

    assert render(parse_template("a {x:>3} b"), {"x": Hostile()}) == ("a {x} b", [])


SECRET = "s3cret-value"


class User:
    password = SECRET

    def __str__(self) -> str:
        return "Aygün"


@pytest.mark.parametrize(
    "translation",
    [
        "{user.password}",
        "{user.__class__.__init__.__globals__}",
        "{user[0]}",
        "{user:>99999999}",
        "{0}",
        "{user!r}",
        "Salam, {user} və {other}",  # a placeholder the source does not have
        "Salam",  # one the source has is missing
    ],
)
def test_bad_translation_falls_back_and_never_leaks(
    translation: str,
    layer_dir: Callable[..., Path],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = layer_dir(az=f'msgid "Hello, {{user}}"\nmsgstr "{translation}"\n')
    with caplog.at_level(logging.WARNING, logger="diplolib.i18n"):
        layer = add_catalog(root, "portal")
    assert "portal.po:" in caplog.text  # file and line of the ignored entry
    assert layer.catalog("az") is not None
    got = gettext("Hello, {user}", lang="az", user=User(), other=SECRET)
    assert got == "Hello, Aygün"
    assert SECRET not in got


def test_bad_host_translation_falls_back_to_library_wording(
    layer_dir: Callable[..., Path],
) -> None:
    root = layer_dir(az='msgid "Page {page} of {pages}"\nmsgstr "Səhifə {page}"\n')
    add_catalog(root, "portal")
    assert gettext("Page {page} of {pages}", lang="az", page=2, pages=7) == "Səhifə 2 / 7"


def test_plural_forms_may_drop_the_count(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(
        en='msgid "{n} reply"\nmsgid_plural "{n} replies"\n'
        'msgstr[0] "One reply"\nmsgstr[1] "{n} replies"\n'
    )
    add_catalog(root, "portal")
    assert ngettext("{n} reply", "{n} replies", 1, lang="en") == "One reply"
    assert ngettext("{n} reply", "{n} replies", 4, lang="en") == "4 replies"


def test_plural_entry_with_wrong_number_of_forms_is_ignored(
    layer_dir: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = layer_dir(az='msgid "{n} comment"\nmsgid_plural "{n} comments"\nmsgstr[0] "{n} rəy"\n')
    with caplog.at_level(logging.WARNING, logger="diplolib.i18n"):
        add_catalog(root, "portal")
    assert "nplurals=2" in caplog.text
    assert ngettext("{n} comment", "{n} comments", 3, lang="az") == "3 şərh"


# ---------------------------------------------------------------------------
# host layers


def test_host_layer_wins_then_library_then_msgid(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(
        az='msgid "Print"\nmsgstr "Çap"\n\nmsgid "Subscribe"\nmsgstr "Abunə ol"\n',
        en='msgid "Print"\nmsgstr "Print this page"\n',
    )
    layer = add_catalog(root, "portal")
    assert gettext("Print", lang="az") == "Çap"
    assert gettext("Print", lang="en") == "Print this page"
    assert gettext("Share", lang="az") == "Paylaş"  # the library's
    assert gettext("Subscribe", lang="az") == "Abunə ol"
    assert gettext("Subscribe", lang="en") == "Subscribe"  # the msgid
    assert get_chain("az").source_of("Print") is layer.catalog("az")
    remove_catalog(layer)
    assert gettext("Print", lang="az") == "Çap et"
    with pytest.raises(CatalogError, match="was not added"):
        remove_catalog(layer)


def test_latest_layer_wins(layer_dir: Callable[..., Path], tmp_path: Path) -> None:
    first = layer_dir("first", az='msgid "Share"\nmsgstr "Bölüş"\n')
    second = layer_dir("second", az='msgid "Share"\nmsgstr "Paylaşın"\n')
    add_catalog(first, "first")
    add_catalog(second, "second")
    assert gettext("Share", lang="az") == "Paylaşın"


def test_az_falls_back_to_english_catalogs_before_the_msgid(
    layer_dir: Callable[..., Path],
) -> None:
    root = layer_dir(en='msgid "Portal name"\nmsgstr "Diplomatic Portal"\n')
    add_catalog(root, "portal")
    assert gettext("Portal name", lang="az") == "Diplomatic Portal"
    assert [c.lang for c in get_chain("az").catalogs] == ["az", "en", "en"]


def test_use_catalogs_is_scoped_per_task(layer_dir: Callable[..., Path]) -> None:
    tenant = layer_dir("tenant", az='msgid "Share"\nmsgstr "Bölüş"\n')

    async def scoped() -> str:
        with use_catalogs((tenant, "tenant")):
            await asyncio.sleep(0.01)
            return gettext("Share", lang="az")

    async def plain() -> str:
        await asyncio.sleep(0.005)
        return gettext("Share", lang="az")

    async def run() -> list[str]:
        return await asyncio.gather(scoped(), plain())

    assert asyncio.run(run()) == ["Bölüş", "Paylaş"]
    assert gettext("Share", lang="az") == "Paylaş"


def test_use_catalogs_nests_and_layers_over_added_ones(layer_dir: Callable[..., Path]) -> None:
    process = layer_dir("process", az='msgid "Share"\nmsgstr "P"\n\nmsgid "Print"\nmsgstr "P2"\n')
    outer = layer_dir("outer", az='msgid "Share"\nmsgstr "O"\n')
    inner = layer_dir("inner", az='msgid "Print"\nmsgstr "I"\n')
    add_catalog(process, "process")
    with use_catalogs((outer, "outer")):
        assert gettext("Share", lang="az") == "O"
        assert gettext("Print", lang="az") == "P2"
        with use_catalogs(CatalogLayer(inner, "inner")):
            assert gettext("Share", lang="az") == "O"
            assert gettext("Print", lang="az") == "I"
        assert gettext("Print", lang="az") == "P2"
    assert gettext("Share", lang="az") == "P"


def test_mo_host_layer(tmp_path: Path) -> None:
    folder = tmp_path / "az_AZ" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = "Language: az\nContent-Type: text/plain; charset=UTF-8\n"
    (folder / "app.mo").write_bytes(
        write_mo({"": header, "Print": "Çap etmək", "menu\x04Close": "Bağlayın"})
    )
    layer = add_catalog(tmp_path, "app")
    assert layer.languages == ("az",)
    assert gettext("Print", lang="az") == "Çap etmək"
    assert pgettext("menu", "Close", lang="az") == "Bağlayın"


@pytest.mark.parametrize("domain", ["", "../x", "a/b", ".hidden", "x" * 65, "ab\x00"])
def test_bad_domain(domain: str, tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="invalid gettext domain"):
        add_catalog(tmp_path, domain)


def test_missing_directory_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist") as info:
        add_catalog(tmp_path / "nope", "portal")
    assert info.value.file == str(tmp_path / "nope")
    with pytest.raises(CatalogError, match="no catalog for domain 'portal'"):
        add_catalog(tmp_path, "portal")


def test_broken_host_catalog_fails_when_added(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(az='msgid "Print"\nmsgstr "Çap\n')
    with pytest.raises(CatalogError) as info:
        add_catalog(root, "portal")
    assert info.value.file is not None
    assert info.value.file.endswith("portal.po")
    assert info.value.line == 8
    assert diplolib.i18n._host_layers == ()


def test_reload_catalogs_rereads_host_files(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(az='msgid "Print"\nmsgstr "Çap"\n')
    add_catalog(root, "portal")
    assert gettext("Print", lang="az") == "Çap"
    (root / "az" / "LC_MESSAGES" / "portal.po").write_text(
        po_text('msgid "Print"\nmsgstr "Çap edin"\n'), encoding="utf-8"
    )
    reload_catalogs()
    assert gettext("Print", lang="az") == "Çap edin"


# ---------------------------------------------------------------------------
# babel Translations and Jinja2


def test_get_translations_is_a_babel_translations() -> None:
    from babel.support import Translations

    t = get_translations("az")
    assert isinstance(t, Translations)
    assert t.gettext("Print") == "Çap et"
    assert t.ngettext("{n} comment", "{n} comments", 3) == "{n} şərh"
    assert t.pgettext("article part", "lead") == "giriş"
    assert t.gettext("Not translated anywhere") == "Not translated anywhere"
    assert get_translations("en").gettext("Print") == "Print"


def test_jinja2_newstyle(layer_dir: Callable[..., Path]) -> None:
    jinja2 = pytest.importorskip("jinja2")
    root = layer_dir(az='msgid "Share"\nmsgstr "Bölüşün"\n')
    add_catalog(root, "portal")
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_translations(get_translations("az"), newstyle=True)  # type: ignore[attr-defined]
    env.globals["t"] = gettext
    template = env.from_string(
        "{{ _('Print') }}|{{ _('Share') }}|{{ pgettext('article part', 'lead') }}|"
        "{{ t('Page {page} of {pages}', lang='az', page=2, pages=9) }}|{{ t('<b>') }}"
    )
    # diplolib's gettext returns plain str, so autoescape still applies to it.
    assert template.render() == "Çap et|Bölüşün|giriş|Səhifə 2 / 9|&lt;b&gt;"


# ---------------------------------------------------------------------------
# lazy strings


def test_lazy_string_resolves_at_use_time() -> None:
    label = lazy_gettext("Foreign press")
    assert str(label) == "Foreign press"
    with use_language("az"):
        assert str(label) == "Xarici mətbuat"
        assert f"[{label}]" == "[Xarici mətbuat]"
        assert f"{label:>16}" == "  Xarici mətbuat"
        assert label.upper() == "XARICI MƏTBUAT"
        assert label.split() == ["Xarici", "mətbuat"]
        assert label + "!" == "Xarici mətbuat!"
        assert "» " + label == "» Xarici mətbuat"
        assert "mətbuat" in label
        assert label[0] == "X"
        assert len(label) == len("Xarici mətbuat")
        assert label == "Xarici mətbuat"
        assert label != "Foreign press"
        assert hash(label) == hash("Xarici mətbuat")
        assert {"Xarici mətbuat": 1}[label] == 1  # type: ignore[index]
        assert sorted([lazy_gettext("Print"), label]) == ["Xarici mətbuat", "Çap et"]
        assert label == lazy_gettext("Foreign press")
        assert bool(label)
    assert repr(label) == "LazyString('Foreign press')"
    assert label.source == "Foreign press"


def test_lazy_variants() -> None:
    count = lazy_ngettext("{n} comment", "{n} comments", 0, zero=N_("No comments"))
    language = lazy_pgettext("article part", "lead")
    page = lazy_gettext("Page {page} of {pages}", page=1, pages=2)
    fixed = lazy_gettext("Print", lang="az")
    with use_language("az"):
        assert (str(count), str(language), str(page), str(fixed)) == (
            "Şərh yoxdur",
            "giriş",
            "Səhifə 1 / 2",
            "Çap et",
        )
    assert (str(count), str(language), str(fixed)) == ("No comments", "lead", "Çap et")


def test_lazy_string_is_not_a_str_and_hides_dunders() -> None:
    label = lazy_gettext("Print")
    assert not isinstance(label, str)
    assert not hasattr(label, "__html__")
    with pytest.raises(AttributeError):
        label.no_such_method  # noqa: B018
    assert (label == 3) is False
    with pytest.raises(TypeError):
        3 in label  # noqa: B015
    restored = pickle.loads(pickle.dumps(label))
    with use_language("az"):
        assert restored == "Çap et"


class Page(BaseModel):
    title: LazyString
    crumbs: list[LazyString]


def test_lazy_string_in_pydantic() -> None:
    page = Page(title=lazy_gettext("Foreign press"), crumbs=[lazy_gettext("Main page")])
    assert page.model_dump_json() == '{"title":"Foreign press","crumbs":["Main page"]}'
    with use_language("az"):
        assert page.model_dump_json() == '{"title":"Xarici mətbuat","crumbs":["Ana səhifə"]}'
        assert page.model_dump(mode="json")["title"] == "Xarici mətbuat"
    schema = Page.model_json_schema()
    assert schema["properties"]["title"] == {"title": "Title", "type": "string"}
    again = Page.model_validate_json('{"title":"Plain","crumbs":[]}')
    assert again.title == "Plain"


# ---------------------------------------------------------------------------
# plural rules


REAL_RULES = [
    "nplurals=2; plural=(n != 1);",
    "nplurals=1; plural=0;",
    "nplurals=2; plural=(n > 1);",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
]


@pytest.mark.parametrize("header", REAL_RULES)
def test_plural_rules_agree_with_stdlib(header: str) -> None:
    rule = parse_plural_forms(header)
    expected = stdlib_gettext.c2py(header.split("plural=")[1].rstrip(";"))
    for n in [*range(2000), 10**6 + 1, 10**9 + 22, 10**15 + 3]:
        assert rule.index(n) == expected(n), n


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("plural=(n != 1);", "malformed"),
        ("nplurals=0; plural=0;", "outside 1…6"),
        ("nplurals=7; plural=0;", "outside 1…6"),
        ("nplurals=2; plural=;", "empty"),
        ("nplurals=2; plural=n/0;", "divides by zero"),
        ("nplurals=2; plural=n%(n-n);", "divides by zero"),
        ("nplurals=2; plural=1000/(n-500);", "divides by zero for n=500"),
        ("nplurals=2; plural=n;", "gives 2 for n=2"),
        ("nplurals=2; plural=n-1;", "outside 0…1"),
        ("nplurals=2; plural=x;", "unknown name"),
        ("nplurals=2; plural=__import__('os').system('true');", "unknown name"),
        ("nplurals=2; plural=n ** 2;", "unexpected"),
        ("nplurals=2; plural=(n != 1;", "expected ')'"),
        ("nplurals=2; plural=n != 1);", "unexpected"),
        ("nplurals=2; plural=n ? 1;", "expected ':'"),
        ("nplurals=2; plural=" + "(" * 40 + "n" + ")" * 40 + ";", "nests deeper"),
        ("nplurals=2; plural=" + "!" * 40 + "n;", "nests deeper"),
        ("nplurals=2; plural=" + "n+" * 300 + "0;", "characters long"),
        ("nplurals=2; plural=n==1234567890;", "too long"),
        ("nplurals=2; plural=n $ 1;", "unexpected character"),
    ],
)
def test_bad_plural_forms(header: str, problem: str) -> None:
    with pytest.raises(PluralFormsError, match=re.escape(problem)):
        parse_plural_forms(header)


_TOKENS = [
    "n",
    "1",
    "2",
    "0",
    "10",
    "100",
    "(",
    ")",
    "?",
    ":",
    "!",
    "&&",
    "||",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "%",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=30), st.integers(1, 6))
def test_random_plural_expressions_are_safe(tokens: list[str], nplurals: int) -> None:
    header = f"nplurals={nplurals}; plural={' '.join(tokens)};"
    try:
        rule = parse_plural_forms(header)
    except PluralFormsError:
        return
    for n in (0, 1, 2, 5, 11, 1000, 1001, 10**7, 2**64 + 3):
        assert 0 <= rule.index(n) < nplurals


def test_catalog_with_broken_plural_header_names_the_file(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(az='msgid "Print"\nmsgstr "Çap"\n')
    path = root / "az" / "LC_MESSAGES" / "portal.po"
    text = path.read_text(encoding="utf-8").replace("(n != 1)", "n/(n-3)")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match="divides by zero for n=3") as info:
        add_catalog(root, "portal")
    assert info.value.file == str(path)
    assert info.value.line == 1


# ---------------------------------------------------------------------------
# malformed .po files


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "expected a string in double quotes"),
        ('msgid "a"\nmsgstr "b" trailing\n', 2, "expected a string"),
        ('msgid "a"\nmsgstr b\n', 2, "expected a string"),
        ('msgid "a"\nmsgtxt "b"\n', 2, "unknown line"),
        ("garbage\n", 1, "unknown line"),
        ('msgstr "b"\n', 1, "msgstr without a msgid"),
        ('msgid "a"\n', 1, "msgid without a msgstr"),
        ('msgid "a"\nmsgid "b"\nmsgstr ""\n', 2, "msgid repeated"),
        ('msgctxt "c"\n\nmsgid "a"\nmsgstr ""\n', 1, "msgctxt without a msgid"),
        ('msgid "a"\nmsgstr "x"\nmsgid_plural "as"\n', 3, "msgid_plural must follow"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', 3, "needs msgstr[0]"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n', 3, "expected msgstr[0]"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[0] "y"\n', 4, "expected msgstr[1]"),
        ('msgid "a"\nmsgstr[0] "x"\n', 2, "without msgid_plural"),
        ('"floating"\n', 1, "continuation outside an entry"),
        ('msgid "a"\nmsgstr "\\q"\n', 2, "unknown escape"),
        ('msgid "a"\nmsgstr "\\0"\n', 2, "NUL"),
        ('msgid "a"\nmsgstr "\\x80"\n', 2, "non-ASCII byte"),
        ('msgid "a"\nmsgstr "\\377"\n', 2, "non-ASCII byte"),
        ('msgid "a"\nmsgstr "x\\\n', 2, "expected a string"),
        (
            'msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n',
            4,
            "duplicate entry for msgid 'a'; first at line 1",
        ),
        (
            'msgctxt "c"\nmsgid "a"\nmsgstr "x"\n\nmsgctxt "c"\nmsgid "a"\nmsgstr "y"\n',
            6,
            "duplicate entry",
        ),
        ('msgid "a"\nmsgstr "x"\n\nmsgid ""\nmsgstr "Language: az\\n"\n', 4, "header entry"),
    ],
)
def test_malformed_po(body: str, line: int, problem: str) -> None:
    with pytest.raises(CatalogError, match=re.escape(problem)) as info:
        parse_po(body.encode("utf-8"), "bad.po")
    assert type(info.value) is CatalogError
    assert (info.value.file, info.value.line) == ("bad.po", line)


def test_same_msgid_in_different_contexts_is_fine() -> None:
    po = parse_po(
        b'msgid "a"\nmsgstr "x"\n\nmsgctxt "c"\nmsgid "a"\nmsgstr "y"\n\n#~ msgid "a"\n#~ msgstr "z"\n',
        "ok.po",
    )
    assert [e.key for e in po.entries] == ["a", ("c", "a")]
    assert [e.msgstr for e in po.obsolete] == ["z"]


def test_escapes_and_continuations() -> None:
    po = parse_po(
        b'msgid ""\n"multi"\n"line"\nmsgstr "tab\\there\\n\\"q\\" \\\\ \\101\\x42"\n', "ok.po"
    )
    assert po.entries[0].msgid == "multiline"
    assert po.entries[0].msgstr == 'tab\there\n"q" \\ AB'


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (b'msgid "a"\nmsgstr "caf\xe9"\n', 2, "not valid UTF-8"),
        (b'msgid "a"\nmsgstr "ok"\n\n\n\xff\n', 5, "not valid UTF-8"),
        (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
            1,
            "charset 'ISO-8859-1'",
        ),
    ],
)
def test_wrong_encoding(data: bytes, line: int, problem: str) -> None:
    with pytest.raises(CatalogError, match=problem) as info:
        parse_po(data, "enc.po")
    assert info.value.line == line


def test_language_header_must_match_folder() -> None:
    po = parse_po(po_text('msgid "a"\nmsgstr "b"\n', "en").encode(), "az.po")
    with pytest.raises(CatalogError, match="file is the catalog for 'az'"):
        build_catalog(po, "az")


def test_fuzzy_and_empty_entries_are_not_used() -> None:
    po = parse_po(
        po_text('#, fuzzy\nmsgid "a"\nmsgstr "guess"\n\nmsgid "b"\nmsgstr ""\n').encode(), "az.po"
    )
    assert build_catalog(po, "az").messages == {}


def test_oversized_catalog(tmp_path: Path) -> None:
    from diplolib._gettext.po import MAX_CATALOG_BYTES

    with pytest.raises(CatalogError, match="the limit is"):
        parse_po(b" " * (MAX_CATALOG_BYTES + 1), "big.po")
    with pytest.raises(CatalogError, match="no such file"):
        load_catalog_file(tmp_path / "missing.po", "az")


# ---------------------------------------------------------------------------
# truncated or lying .mo files


def good_mo() -> bytes:
    return write_mo(
        {
            "": "Language: az\nContent-Type: text/plain; charset=UTF-8\n",
            "Print": "Çap et",
            "Share": "Paylaş",
            "{n} comment\x00{n} comments": "{n} şərh\x00{n} şərh",
        }
    )


def patch(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + value.to_bytes(4, "little") + data[offset + 4 :]


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d[:20], "truncated"),
        (lambda d: b"\x00\x00\x00\x00" + d[4:], "not a .mo file"),
        (lambda d: patch(d, 4, 2 << 16), "unsupported .mo revision"),
        (lambda d: patch(d, 8, 10**6), "more than a"),
        (lambda d: patch(d, 12, len(d) - 8), "runs past the end"),
        (lambda d: patch(d, 16, len(d)), "runs past the end"),
        (lambda d: patch(d, 28 + 8, 10**6), "runs past the end"),
        (lambda d: d[:-30], "runs past the end"),
    ],
)
def test_lying_mo(mutate: Callable[[bytes], bytes], problem: str) -> None:
    with pytest.raises(CatalogError, match=problem) as info:
        read_mo(mutate(good_mo()), "bad.mo")
    assert info.value.file == "bad.mo"


def test_overlapping_mo_strings_cannot_expand_memory() -> None:
    # 2,000 messages whose 4 KiB strings all overlap in one 6 KB region: about
    # 16 MB if decoded naively, from a 38 KB file.
    count = 2000
    blob = bytes(range(32, 127)) * 64
    table = 28
    strings = table + 16 * count
    header = (0x950412DE).to_bytes(4, "little") + bytes(4) + count.to_bytes(4, "little")
    header += table.to_bytes(4, "little") + (table + 8 * count).to_bytes(4, "little") + bytes(8)
    entries = [
        (4096).to_bytes(4, "little") + (strings + i).to_bytes(4, "little") for i in range(count)
    ]
    data = header + b"".join(entries) * 2 + blob
    tracemalloc.start()
    try:
        with pytest.raises(CatalogError, match="overlapping strings"):
            read_mo(data, "bomb.mo")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


def test_mo_round_trip_and_bad_utf8() -> None:
    po = read_mo(good_mo(), "ok.mo")
    assert {e.msgid: e.translations for e in po.entries} == {
        "Print": ("Çap et",),
        "Share": ("Paylaş",),
        "{n} comment": ("{n} şərh", "{n} şərh"),
    }
    bad = good_mo().replace("Paylaş".encode(), b"Payla\xff\xfe")
    with pytest.raises(CatalogError, match="not valid UTF-8"):
        read_mo(bad, "bad.mo")


# ---------------------------------------------------------------------------
# fuzzing: only CatalogError escapes, memory stays bounded


def _mutations(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(6)
        if not out:
            break
        at = rng.randrange(len(out))
        if kind == 0:
            out[at] = rng.randrange(256)
        elif kind == 1:
            del out[at : at + rng.randint(1, 64)]
        elif kind == 2:
            out[at:at] = rng.choice(
                [
                    b'"',
                    b"\\",
                    b"\n",
                    b"msgstr[7] ",
                    b"#~ ",
                    b"msgid ",
                    b"\xc3",
                    b"{",
                    b"%s",
                    b"\x00",
                ]
            )
        elif kind == 3:
            out = out[:at]
        elif kind == 4:
            span = out[at : at + rng.randint(1, 200)]
            out[at:at] = span * rng.randint(1, 4)
        else:
            out[at : at + 4] = rng.randrange(2**32).to_bytes(4, "little")
    return bytes(out)


def fuzz(kind: str, cases: int) -> None:
    source = AZ_PO.read_bytes() if kind == "po" else _catalog_mo()
    rng = random.Random(f"diplolib-{kind}-{cases}")
    tracemalloc.start()
    accepted = rejected = 0
    try:
        for _ in range(cases):
            data = _mutations(source, rng)
            try:
                po = parse_po(data, "f.po") if kind == "po" else read_mo(data, "f.mo")
                build_catalog(po, "az")
                accepted += 1
            except CatalogError:
                rejected += 1
            _, peak = tracemalloc.get_traced_memory()
            assert peak < 64 * len(source) + 4_000_000, peak
            tracemalloc.reset_peak()
    finally:
        tracemalloc.stop()
    assert accepted + rejected == cases
    assert rejected > 0


@pytest.mark.parametrize("kind", ["po", "mo"])
def test_fuzzed_catalogs_raise_only_catalog_error(kind: str) -> None:
    fuzz(kind, 300)


def _catalog_mo() -> bytes:
    from diplolib._gettext.catalogs import compile_mo

    return compile_mo([load_catalog_file(AZ_PO, "az")], "az")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["po", "mo"])
def test_fuzzed_catalogs_long_run(kind: str) -> None:
    fuzz(kind, 5000)


def test_import_diplolib_loads_no_catalog() -> None:
    import subprocess
    import sys

    code = (
        "import sys, diplolib; diplolib.gettext; "
        "print('babel.support' in sys.modules, 'diplolib._gettext.catalogs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True"]


def test_library_catalog_loads_lazily_per_language() -> None:
    reload_catalogs()
    gettext("Print", lang="en")
    library = diplolib.i18n._library
    assert library is not None
    assert set(library._catalogs) == {"en"}
    gettext("Print", lang="az")
    assert set(library._catalogs) == {"en", "az"}


# -- grammatical cases in placeholders -------------------------------------------------


@pytest.mark.parametrize(
    ("case", "name", "expected"),
    [
        ("genitive", "Beybit İsabayev", "Beybit İsabayevin"),
        ("dative", "İlham Əliyev", "İlham Əliyevə"),
        ("locative", "Bakı", "Bakıda"),
        ("ablative", "ATƏT", "ATƏT-dən"),
        ("accusative", "Şamaxı", "Şamaxını"),
        ("instrumental", "Lerik", "Leriklə"),
    ],
)
def test_case_placeholder_inflects_in_az(case: str, name: str, expected: str) -> None:
    from diplolib._gettext.template import parse_template, render
    from diplolib.i18n import placeholder_inflection

    text, missing = render(
        parse_template("{who:" + case + "}"), {"who": name}, placeholder_inflection("az")
    )
    assert (text, missing) == (expected, [])


def test_case_placeholder_through_gettext() -> None:
    assert (
        gettext("Article by {name}", lang="az", name="Beybit İsabayev")
        == "Beybit İsabayevin məqaləsi"
    )
    assert (
        gettext("Article by {name}", lang="en", name="Beybit Isabayev")
        == "Article by Beybit Isabayev"
    )


def test_case_placeholder_without_inflection_shows_value() -> None:
    from diplolib._gettext.template import parse_template, render

    assert render(parse_template("{who:dative}!"), {"who": "Baku"}) == ("Baku!", [])
    # a value the rules cannot inflect (no letters) is shown as given, never an error
    from diplolib.i18n import placeholder_inflection

    assert render(parse_template("{who:dative}"), {"who": "---"}, placeholder_inflection("az")) == (
        "---",
        [],
    )
    assert render(parse_template("{who:dative}"), {"who": ""}, placeholder_inflection("az")) == (
        "",
        [],
    )


def test_case_placeholder_names_count_as_the_same_placeholder() -> None:
    from diplolib._gettext.template import parse_template

    assert (
        parse_template("{name:genitive} məqaləsi").names
        == parse_template("Article by {name}").names
    )
    with pytest.raises(ValueError, match="unsupported format spec"):
        parse_template("{name:vocative}")


def test_number_specs_follow_the_language(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(
        az='msgid "Turnout {share:.1%}"\nmsgstr "Fəallıq {share:.1%}"\n\n'
        'msgid "Budget {x:,.2f} manat"\nmsgstr "Büdcə {x:,.2f} manat"\n'
    )
    with use_catalogs((root, "portal")):
        assert gettext("Turnout {share:.1%}", lang="az", share=0.256) == "Fəallıq 25,6%"
        assert gettext("Budget {x:,.2f} manat", lang="az", x=12500.75) == "Büdcə 12.500,75 manat"
        assert gettext("Budget {x:,.2f} manat", lang="en", x=12500.75) == "Budget 12,500.75 manat"


def test_case_placeholder_with_none_counts_as_missing(layer_dir: Callable[..., Path]) -> None:
    root = layer_dir(az='msgid "Hello {name}"\nmsgstr "Salam {name:dative}"\n')
    with use_catalogs((root, "portal")):
        assert gettext("Hello {name}", lang="az", name=None) == "Salam {name}"
        assert gettext("Hello {name}", lang="az", name="Nazir") == "Salam Nazirə"


@pytest.mark.parametrize(
    "call",
    [
        lambda: gettext(123, lang="az"),  # type: ignore[arg-type]
        lambda: pgettext(None, "Print", lang="az"),  # type: ignore[arg-type]
        lambda: ngettext(b"{n} comment", "{n} comments", 2),  # type: ignore[arg-type]
    ],
)
def test_non_str_messages_are_a_clear_type_error(call: Callable[[], str]) -> None:
    with pytest.raises(TypeError, match=r"takes the message as a str"):
        call()


def test_remove_catalog_after_reload(layer_dir: Callable[..., Path]) -> None:
    from diplolib.i18n import add_catalog, reload_catalogs, remove_catalog

    root = layer_dir(az='msgid "Print"\nmsgstr "Çap"\n')
    layer = add_catalog(root, "portal")
    try:
        assert gettext("Print", lang="az") == "Çap"
        reload_catalogs()
        assert gettext("Print", lang="az") == "Çap"
    finally:
        remove_catalog(layer)
    assert gettext("Print", lang="az") == "Çap et"
