"""diplolib.jinja: translations, filters and escaping in Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from diplolib import LocalizedText, PartialDate, load_sample_library, use_language
from diplolib._catalog_tools import EXTRACT_MAPPINGS, extract_messages, load_config
from diplolib.i18n import use_catalogs
from diplolib.jinja import FALLBACK_CLASS, create_environment, package_loader

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '<script>alert(1)</script>" onmouseover="alert(2)'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onmouseover=&#34;alert(2)"
LIB = load_sample_library()


def render(source: str, lang: str | None = None, **context: object) -> str:
    return create_environment(lang).from_string(source).render(**context)


def host_catalog(tmp_path: Path, entries: dict[str, str], lang: str = "az") -> tuple[Path, str]:
    folder = tmp_path / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    body = "".join(
        f'msgid "{k}"\nmsgstr "{v}"\n\n'
        for k, v in entries.items()
        if not (k.startswith("#") or "\n" in k)
    )
    (folder / "host.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body,
        encoding="utf-8",
    )
    return tmp_path, "host"


# ---------------------------------------------------------------------------
# UI strings


@pytest.mark.parametrize(
    ("source", "lang", "expected"),
    [
        ("{{ _('Print') }}", "az", "Çap et"),
        ("{{ gettext('Print') }}", "en", "Print"),
        ("{{ _('Page {page} of {pages}', page=2, pages=9) }}", "az", "Səhifə 2 / 9"),
        ("{{ ngettext('{n} comment', '{n} comments', 5) }}", "az", "5 şərh"),
        ("{{ ngettext('{n} comment', '{n} comments', 1) }}", "en", "1 comment"),
        (
            "{{ ngettext('{n} comment', '{n} comments', 0, zero='No comments') }}",
            "az",
            "Şərh yoxdur",
        ),
        ("{{ pgettext('article part', 'lead') }}", "az", "giriş"),
        ("{{ npgettext('ctx', '{n} view', '{n} views', 2) }}", "en", "2 views"),
        ("{% trans %}Print{% endtrans %}", "az", "Çap et"),
        ("{% trans n=3 %}{{ n }} items{% endtrans %}", "en", "3 items"),
        (
            "{% trans count=4 %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}",
            "en",
            "4 items",
        ),
        ("{% trans %}100%{% endtrans %}", "en", "100%"),
        ("{{ comment_count(3) }}", "az", "3 şərh"),
        ("{{ language_name('en') }}", "az", "İngilis dili"),
    ],
)
def test_ui_strings(source: str, lang: str, expected: str) -> None:
    assert render(source, lang) == expected


def test_azerbaijani_case_specs_inflect_parameters() -> None:
    person = LIB.get("beybit-isabayev")
    out = render("{{ _('Article by {name}', name=p|format_name) }}", "az", p=person)
    assert out == "Beybit İsabayevin məqaləsi"


FALLBACK_SPAN = '<span lang="en" class="fallback">{}</span>'


@pytest.mark.parametrize(
    ("source", "value", "expected"),
    [
        # an az value with '&': inflected once, escaped once
        (
            "{{ _('{org:genitive} iclası', org=v|localize) }}",
            LocalizedText(az="Johnson & Johnson"),
            "Johnson &amp; Johnsonun iclası",
        ),
        # a fallback span: the ending goes inside the span, the tags stay markup
        (
            "{{ _('{city:locative}', city=v|localize) }}",
            LocalizedText(en="Astana"),
            FALLBACK_SPAN.format("Astanada"),
        ),
        # any Markup value: the last text node takes the ending
        ("{{ _('{x:ablative}', x=v) }}", Markup("<b>Bakı</b>"), "<b>Bakıdan</b>"),
        ("{{ _('{x:genitive}', x=v) }}", Markup("<i>Heydər</i> Əliyev"), "<i>Heydər</i> Əliyevin"),
        # markup the rules cannot inflect is shown as given, still markup
        (
            "{{ _('{x:genitive}', x=v|localize) }}",
            LocalizedText(en="<b>"),
            FALLBACK_SPAN.format("&lt;b&gt;"),
        ),
    ],
)
def test_case_specs_inflect_markup_values(source: str, value: object, expected: str) -> None:
    assert render(source, "az", v=value) == expected


@pytest.mark.parametrize("case", ["genitive", "dative", "accusative", "locative", "ablative"])
@pytest.mark.parametrize("name", ["Procter & Gamble", "Johnson & Johnson", "AT&T"])
def test_markup_inflects_like_plain_text(case: str, name: str) -> None:
    """Wrapped or not, a value gets the ending the plain text gets."""
    plain = render("{{ _('{x:" + case + "}', x=v) }}", "az", v=name)
    localized = "{{ _('{x:" + case + "}', x=v|localize) }}"
    assert render(localized, "az", v=LocalizedText(az=name)) == plain  # escaped Markup
    assert render(localized, "az", v=LocalizedText(en=name)) == FALLBACK_SPAN.format(plain)


def test_case_specs_leave_markup_alone_outside_azerbaijani() -> None:
    out = render("{{ _('{x:genitive}', x=v|localize) }}", "en", v=LocalizedText(az="Bakı"))
    assert out == '<span lang="az" class="fallback">Bakı</span>'


@pytest.mark.parametrize(
    ("source", "lang", "expected"),
    [
        ("{{ language_name('en') }}", "az", "İngilis dili"),
        ("{{ language_name('en', lang='en') }}", "az", "English"),
        ("{{ language_name('az', lang='az') }}", "en", "Azərbaycan dili"),
        ("{{ language_name('az') }}", "en", "Azerbaijani"),
    ],
)
def test_language_name_in_the_page_language_or_in_itself(
    source: str, lang: str, expected: str
) -> None:
    assert render(source, lang) == expected


def test_language_follows_use_language_unless_fixed() -> None:
    env = create_environment()
    page = env.from_string("{{ current_language() }}: {{ _('Print') }}")
    assert page.render() == "en: Print"
    with use_language("az"):
        assert page.render() == "az: Çap et"
    fixed = create_environment("az-AZ").from_string("{{ _('Print') }}")
    with use_language("en"):
        assert fixed.render() == "Çap et"


@pytest.mark.parametrize(
    "source",
    [
        "{{ _('By {author}', author=x) }}",
        "{% trans author=x %}By {{ author }}{% endtrans %}",
        "{{ ngettext('{n} comment by {who}', '{n} comments by {who}', 2, who=x) }}",
    ],
)
def test_parameters_are_escaped(source: str) -> None:
    out = render(source, "az", x=HOSTILE)
    assert ESCAPED in out
    assert "<script>" not in out


def test_markup_parameters_are_inserted_as_markup() -> None:
    out = render("{{ _('By {author}', author=a) }}", "en", a=Markup("<b>Ali</b>"))
    assert out == "By <b>Ali</b>"


def test_a_hostile_host_translation_is_escaped(tmp_path: Path) -> None:
    layer = host_catalog(
        tmp_path,
        {
            "Print": HOSTILE.replace('"', '\\"'),
            "By {author}": '<img src=x onerror=\\"alert(3)\\"> {author}',
        },
    )
    with use_catalogs(layer):
        assert render("{{ _('Print') }}", "az") == ESCAPED
        out = render("{{ _('By {author}', author=a) }}", "az", a="<i>")
        assert out == "&lt;img src=x onerror=&#34;alert(3)&#34;&gt; &lt;i&gt;"
        # outside autoescaping (a .txt template) the same strings come out as text
        plain = create_environment("az", autoescape=False).from_string("{{ _('Print') }}")
        assert plain.render() == HOSTILE
    assert render("{{ _('Print') }}", "az") == "Çap et"


def test_a_printf_translation_that_does_not_fit_falls_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Passes the loader's checks (same name, small width) but cannot take a text value.
    layer = host_catalog(tmp_path, {"Hello %(name)s": "Salam %(name)d"})
    with use_catalogs(layer), caplog.at_level(logging.WARNING, "diplolib.jinja"):
        out = render("{% trans name=n %}Hello {{ name }}{% endtrans %}", "az", n="<Ali>")
    assert out == "Hello &lt;Ali&gt;"
    assert "could not be filled" in caplog.text


def test_unsafe_placeholders_in_templates_are_not_evaluated(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, "diplolib.jinja"):
        out = render("{{ _('{x.__class__}', x=1) }}", "en")
    assert out == "{x.__class__}"
    assert "not a valid template" in caplog.text


# ---------------------------------------------------------------------------
# filters


def test_localize_marks_fallbacks_with_their_language() -> None:
    text = LocalizedText(en="Related articles")
    out = render("{{ t|localize }}", "az", t=text)
    assert out == f'<span lang="en" class="{FALLBACK_CLASS}">Related articles</span>'
    assert render("{{ t|localize }}", "en", t=text) == "Related articles"
    assert render("{{ t|localize(fallback=false) }}", "az", t=text) == ""
    assert render("{{ t|localize('en') }}", "az", t=LocalizedText(en="a", az="b")) == "a"


def test_localize_escapes_both_plain_and_fallback_values() -> None:
    text = LocalizedText(en=HOSTILE)
    assert render("{{ t|localize }}", "en", t=text) == ESCAPED
    out = render("{{ t|localize }}", "az", t=text)
    assert out == f'<span lang="en" class="fallback">{ESCAPED}</span>'


@pytest.mark.parametrize("value", [None, ""])
def test_localize_of_nothing_is_empty(value: object) -> None:
    assert render("[{{ t|localize }}]", "az", t=value) == "[]"


def test_localize_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="localize expects a LocalizedText"):
        render("{{ t|localize }}", "az", t=3)


@pytest.mark.parametrize(
    ("source", "lang", "value", "expected"),
    [
        ("{{ d|format_date }}", "az", dt.date(2017, 3, 2), "2 mart 2017"),
        ("{{ d|format_date('full') }}", "en", dt.date(2017, 3, 2), "Thursday, 2 March 2017"),
        ("{{ d|format_date }}", "az", PartialDate(2009), "2009-cu il"),
        ("{{ format_date(d, 'short') }}", "en", dt.date(2017, 3, 2), "02/03/2017"),
        ("{{ n|format_number }}", "az", 1234.5, "1.234,5"),
        ("{{ n|format_number(2) }}", "en", 3, "3.00"),
        ("{{ n|format_ordinal }}", "az", 25, "25-ci"),
        ("{{ n|format_ordinal }}", "en", 22, "22nd"),
    ],
)
def test_formatting_filters(source: str, lang: str, value: object, expected: str) -> None:
    assert render(source, lang, d=value, n=value) == expected


def test_format_name_and_dateline() -> None:
    env = create_environment("az", library=LIB)
    page = env.from_string("{{ p|format_name('formal') }} · {{ format_dateline(baku, day) }}")
    out = page.render(p=LIB.get("ilham-aliyev"), baku=LIB.get("baku"), day=dt.date(2017, 3, 2))
    assert out.endswith("İlham Əliyev · Bakı, 2 mart 2017")


def test_formatter_errors_surface() -> None:
    with pytest.raises(TypeError, match="format_date"):
        render("{{ '2017-03-02'|format_date }}", "en")


# ---------------------------------------------------------------------------
# publishing globals


def test_hreflang_tags_and_jsonld_script() -> None:
    env = create_environment("en", library=LIB, base_url="https://portal.example")
    seed = LIB.get("kazakhstan-azerbaijan-strategic-partner")
    out = env.from_string("{{ hreflang_tags(a) }}\n{{ jsonld(a) }}").render(a=seed)
    assert (
        '<link rel="alternate" hreflang="az" href="https://portal.example/az/articles/'
        'azerbaycan-qazaxistanin-strateji-terefdasidir/">'
    ) in out
    assert '<link rel="alternate" hreflang="x-default"' in out
    assert out.count("<script") == 1
    assert out.count("</script>") == 1
    assert '"inLanguage": "en"' in out


def test_jsonld_script_cannot_be_closed_by_content() -> None:
    from diplolib import Article, ContentLibrary

    article = Article.model_validate(
        {
            "id": "x",
            "slug": {"en": "x"},
            "section": {"id": "s", "name": {"en": "S"}},
            "title": {"en": "</script><script>alert(1)</script>"},
            "published": "2017-03-02T10:00:00+00:00",
            "original_language": "en",
        }
    )
    env = create_environment("en", library=ContentLibrary([article]))
    out = env.from_string("{{ jsonld(a) }}").render(a=article)
    assert out.count("</script>") == 1
    assert out.count("<script") == 1
    assert "\\u003c/script\\u003e" in out


# ---------------------------------------------------------------------------
# environment, loaders, templates


def test_autoescape_defaults() -> None:
    env = create_environment(
        "en", loader=jinja2.DictLoader({"a.html": "{{ x }}", "a.txt": "{{ x }}"})
    )
    assert env.get_template("a.html").render(x="<b>") == "&lt;b&gt;"
    assert env.get_template("a.txt").render(x="<b>") == "<b>"
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_user_templates_override_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "preview").mkdir()
    (tmp_path / "preview" / "language.html").write_text("mine {{ _('Print') }}", encoding="utf-8")
    env = create_environment("az", templates=tmp_path)
    assert env.get_template("preview/language.html").render() == "mine Çap et"
    # everything else still comes from the package
    assert "preview/article.html" in env.loader.list_templates()  # type: ignore[union-attr]


def test_missing_filter_names_template_and_filter(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("line one\n{{ x|no_such_filter }}", encoding="utf-8")
    env = create_environment("en", templates=tmp_path)
    with pytest.raises(jinja2.TemplateAssertionError) as info:
        env.get_template("page.html")
    assert "no_such_filter" in str(info.value)
    assert info.value.name == "page.html"
    assert info.value.lineno == 2


def test_package_templates_are_listed() -> None:
    names = set(package_loader().list_templates())
    assert {"preview/base.html", "preview/article.html", "preview/translation.html"} <= names


def test_template_strings_are_extracted() -> None:
    config = load_config(ROOT)
    assert config.mappings == EXTRACT_MAPPINGS
    catalog = extract_messages(config)
    by_id = {m.id: m for m in catalog if m.id}
    for msgid in ("Translations", "Needs review", "Left empty on purpose"):
        assert any("templates/preview/" in path for path, _ in by_id[msgid].locations), msgid


@pytest.mark.parametrize(
    ("source", "en", "az"),
    [
        ("{{ 25|format_ordinal }}", "25th", "25-ci"),
        ("{{ 1234.5|format_number }}", "1,234.5", "1.234,5"),
        ("{{ _('Print') }}", "Print", "Çap et"),
    ],
)
def test_constants_are_formatted_at_render_time(source: str, en: str, az: str) -> None:
    """Jinja2 folds constant expressions when compiling; the language is known only later."""
    page = create_environment().from_string(source)
    with use_language("az"):
        assert page.render() == az
    assert page.render() == en
