"""diplolib.django.LocalizedTextField: create, validate, save, load, forms and the admin (SQLite)."""

from __future__ import annotations

import io
from typing import Any

import pytest

django_app = pytest.importorskip("django_app")
django_app.configure()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.forms import modelform_factory  # noqa: E402
from django.test import TestCase  # noqa: E402

from diplolib import LocalizedText  # noqa: E402
from diplolib.django import (  # noqa: E402
    LocalizedTextField,
    LocalizedTextFormField,
    localized_display,
)
from diplolib.errors import UnsupportedLanguageError  # noqa: E402
from diplolib.languages import SUPPORTED_LANGUAGES  # noqa: E402
from django_app.models import Dispatch  # noqa: E402

EN, AZ = SUPPORTED_LANGUAGES
BAKU = {EN: "Baku", AZ: "Bakı"}


def diplolib_message(value: Any) -> str:
    """The message diplolib itself gives for ``value``."""
    try:
        LocalizedText.validate(value)
    except ValueError as exc:
        return str(exc)
    raise AssertionError(f"{value!r} is valid")


BAD_KEYS = [
    {"fr": "Bakou"},
    {"tr": "Bakü", EN: "Baku"},
    {"az-Cyrl": "Бакы"},
    {"": "x"},
    {"english": "Baku"},
]
LOOKALIKES = [
    {AZ: "B\u04d9k\u0131"},  # Cyrillic schwa
    {AZ: "G\u01ddnc\u01dd"},  # turned e
    {AZ: "Az\u0435rbaycan"},  # Cyrillic e inside a Latin word
    {EN: "Baku", AZ: "Nax\u0447ıvan"},  # Cyrillic che has no Latin look-alike
]


@pytest.fixture(scope="module", autouse=True)
def database() -> Any:
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    yield
    connection.creation.destroy_test_db(name, verbosity=0)
    teardown_test_environment()


class FieldRoundTrip(TestCase):
    def test_create_save_load(self) -> None:
        saved = Dispatch.objects.create(
            title=LocalizedText(BAKU), lead={f"{AZ}-AZ": "Xəbər", EN: ""}
        )
        loaded = Dispatch.objects.get(pk=saved.pk)
        assert loaded.title == LocalizedText(BAKU)
        assert isinstance(loaded.lead, LocalizedText)
        # absent and explicitly empty survive the database
        assert loaded.lead.get(EN) == ""
        assert loaded.lead.is_empty(EN)
        assert loaded.lead.resolve(EN).is_fallback is False
        only_az = Dispatch.objects.create(title={EN: "Summit", AZ: "Sammit"}, lead={AZ: "Baş"})
        again = Dispatch.objects.get(pk=only_az.pk)
        assert again.lead.missing() == (EN,)
        resolved = again.lead.resolve(EN)
        assert (resolved.value, resolved.lang, resolved.is_fallback) == ("Baş", AZ, True)
        assert Dispatch.objects.create(title={EN: "x"}, lead=None).lead is None
        assert Dispatch.objects.get(title__az="Bakı").pk == saved.pk
        assert list(Dispatch.objects.filter(lead__has_key=EN)) == [loaded]
        assert Dispatch.objects.filter(title__az__icontains="sam").count() == 1

    def test_normalised_on_the_way_in(self) -> None:
        saved = Dispatch.objects.create(title={"en_GB": "  Baku  ", "AZ": "Bak\u0131 "})
        assert Dispatch.objects.get(pk=saved.pk).title.to_dict() == {EN: "Baku", AZ: "Bakı"}

    def test_full_clean_gives_diplolibs_messages(self) -> None:
        for value in BAD_KEYS + LOOKALIKES:
            dispatch = Dispatch(title=value)
            with pytest.raises(ValidationError) as info:
                dispatch.full_clean()
            assert info.value.message_dict["title"] == [diplolib_message(value)], value
        with pytest.raises(ValidationError) as info:
            Dispatch(title={AZ: "Bakı"}).full_clean()
        assert "required in 'en'" in info.value.message_dict["title"][0]
        Dispatch(title={EN: ""}).full_clean()  # explicitly empty counts as given
        with pytest.raises(ValidationError, match="bare string"):
            Dispatch(title="Baku").full_clean()

    def test_save_raises_diplolibs_own_errors(self) -> None:
        from django.db import transaction

        for value in BAD_KEYS:
            with pytest.raises(UnsupportedLanguageError) as info, transaction.atomic():
                Dispatch.objects.create(title=value)
            assert str(info.value) == diplolib_message(value)
        for value in LOOKALIKES:
            with (
                pytest.raises(ValueError, match=r"look-alike|mixes Latin and Cyrillic") as info,
                transaction.atomic(),
            ):
                Dispatch.objects.create(title=value)
            assert str(info.value) == diplolib_message(value)
            assert not isinstance(info.value, UnsupportedLanguageError)
        assert Dispatch.objects.count() == 0

    def test_normalize_az_option(self) -> None:
        field = LocalizedTextField(normalize_az=True)
        assert field.to_python({AZ: "B\u04d9k\u0131"}) == LocalizedText(az="Bəkı")
        assert field.clean({AZ: "G\u04d9nc\u04d9"}, None).get(AZ) == "Gəncə"


class Forms(TestCase):
    def form(self, data: dict[str, Any], instance: Any = None) -> Any:
        form_class = modelform_factory(Dispatch, fields=["title", "lead"])
        return form_class(data=data, instance=instance)

    def test_widget_and_form_round_trip(self) -> None:
        assert isinstance(Dispatch._meta.get_field("title").formfield(), LocalizedTextFormField)
        form = self.form(
            {"title_0": "Baku", "title_2": "Bakı", "lead_0": "", "lead_1": "on", "lead_2": ""}
        )
        assert form.is_valid(), form.errors
        saved = form.save()
        loaded = Dispatch.objects.get(pk=saved.pk)
        assert loaded.title == LocalizedText(BAKU)
        assert loaded.lead == LocalizedText(en="")  # empty on purpose, az absent
        # editing keeps absent and empty apart
        unbound = modelform_factory(Dispatch, fields=["title", "lead"])(instance=loaded)
        html = str(unbound["lead"])
        assert 'data-lang="az"' in html
        assert html.count('class="localized-missing"') == 1
        assert 'name="lead_1" id="id_lead_en_empty" checked' in html

    def test_form_errors_are_diplolibs(self) -> None:
        form = self.form({"title_0": "Baku", "title_2": "B\u04d9k\u0131"})
        assert not form.is_valid()
        assert form.errors["title"] == [diplolib_message({EN: "Baku", AZ: "B\u04d9k\u0131"})]
        form = self.form({"title_2": "Bakı"})
        assert not form.is_valid()
        assert "required in 'en'" in form.errors["title"][0]
        form = self.form({})
        assert not form.is_valid()
        assert form.errors["title"] == ["This field is required."]


class Admin(TestCase):
    def setUp(self) -> None:
        from django.contrib.auth.models import User

        self.user = User.objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)

    def test_change_form_shows_both_languages_and_marks_missing(self) -> None:
        dispatch = Dispatch.objects.create(title={EN: "Summit"}, lead={AZ: "Baş", EN: ""})
        response = self.client.get(f"/admin/django_app/dispatch/{dispatch.pk}/change/")
        assert response.status_code == 200
        html = response.content.decode()
        for code in SUPPORTED_LANGUAGES:
            assert f'id="id_title_{code}"' in html
            assert f'lang="{code}"' in html
        assert html.count('class="localized-missing"') == 1  # title has no az
        assert "Summit</textarea>" in html
        assert "Baş</textarea>" in html
        # each language is named in itself (CLDR's names)
        assert ">azərbaycan<" in html
        assert ">English<" in html

    def test_change_form_saves_and_reports_errors(self) -> None:
        dispatch = Dispatch.objects.create(title={EN: "Summit"})
        url = f"/admin/django_app/dispatch/{dispatch.pk}/change/"
        data = {"title_0": "Summit", "title_2": "Sammit", "lead_0": "", "lead_2": ""}
        response = self.client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Dispatch.objects.get(pk=dispatch.pk).title == LocalizedText(en="Summit", az="Sammit")
        bad = {**data, "title_2": "Samm\u0456t"}  # Cyrillic i
        response = self.client.post(url, bad)
        assert response.status_code == 200
        message = diplolib_message({EN: "Summit", AZ: "Samm\u0456t"})
        assert message.split("'")[0] in response.content.decode()

    def test_changelist_column(self) -> None:
        Dispatch.objects.create(title={EN: "Summit"})
        response = self.client.get("/admin/django_app/dispatch/")
        assert response.status_code == 200
        assert 'class="localized-missing"' in response.content.decode()


def test_display_marks_every_missing_language() -> None:
    assert localized_display(None).count("localized-missing") == len(SUPPORTED_LANGUAGES)
    html = localized_display({AZ: "<b>Bakı</b>"})
    assert "&lt;b&gt;Bakı&lt;/b&gt;" in html
    assert html.count("localized-missing") == 1


def test_deconstruct_round_trips() -> None:
    for kwargs in [
        {},
        {"required_languages": [EN]},
        {"required_languages": ["az-AZ", EN], "normalize_az": True, "blank": True},
        {"null": True},
    ]:
        field = LocalizedTextField(**kwargs)
        _, path, args, rebuilt = field.deconstruct()
        assert path == "diplolib.django.LocalizedTextField"
        clone = LocalizedTextField(*args, **rebuilt)
        assert clone.deconstruct()[2:] == (args, rebuilt)
        assert clone.required_languages == field.required_languages
        assert clone.normalize_az == field.normalize_az
    with pytest.raises(UnsupportedLanguageError):
        LocalizedTextField(required_languages=["fr"])


def test_migrations_match_the_models() -> None:
    out = io.StringIO()
    call_command("makemigrations", "django_app", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
