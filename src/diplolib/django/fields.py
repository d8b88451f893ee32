"""``LocalizedTextField``: a Django model field holding a :class:`~diplolib.text.LocalizedText`.

The value is stored in one JSON column as ``{"en": "…", "az": "…"}``: an
absent key is an absent value, ``""`` is a value left empty on purpose, the
distinction diplolib keeps everywhere. Reading gives a ``LocalizedText`` (with
per-field fallback); writing accepts a ``LocalizedText`` or a mapping and
validates it with :meth:`LocalizedText.validate <diplolib.text.LocalizedText.validate>`,
so a bad language key or an Azerbaijani value with look-alike letters fails
with the same message as anywhere else in diplolib. Lookups by language are
JSON key lookups: ``Article.objects.filter(title__az="Bakı")``,
``title__has_key="az"``.

>>> field = LocalizedTextField()
>>> field.to_python({"az-AZ": "Bakı", "en": "Baku"})
LocalizedText(en='Baku', az='Bakı')
"""

from __future__ import annotations

__all__ = [
    "LocalizedTextField",
    "LocalizedTextFormField",
    "LocalizedTextWidget",
    "localized_column",
    "localized_display",
]

import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from ..errors import ContentError, UnsupportedLanguageError
from ..i18n import gettext, pgettext
from ..languages import SUPPORTED_LANGUAGES, Lang, get_language, normalize_language
from ..text import LocalizedText


def _language_name(code: Lang) -> str:
    from babel import Locale

    return str(Locale.parse(code).get_display_name(code) or code)


def _check(
    value: object, required: Sequence[Lang], normalize_az: bool, *, for_form: bool
) -> LocalizedText:
    """``value`` as a validated LocalizedText; diplolib's errors, or ValidationError for forms."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    try:
        text = LocalizedText.validate(value, normalize_az=normalize_az)
        absent = [code for code in required if code not in text]
        if absent:
            raise ContentError(
                f"a value is required in {', '.join(map(repr, absent))} "
                f"(given: {', '.join(map(repr, text.languages())) or 'none'})"
            )
    except UnsupportedLanguageError as exc:
        if for_form:
            raise ValidationError(str(exc), code="localized_text_language") from None
        raise
    except ValueError as exc:
        if for_form:
            raise ValidationError(str(exc), code="localized_text") from None
        raise
    return text


class LocalizedTextWidget(forms.MultiWidget):
    """One text box per language, each with a "Left empty on purpose" box; missing ones marked.

    A blank box is an absent value; a blank box with the check mark is a value
    left empty on purpose. Languages with no value are labelled "Missing", so
    the admin change form shows both languages and what is not translated yet.

    >>> widget = LocalizedTextWidget()
    >>> widget.decompress(LocalizedText(en="Baku", az=""))
    ['Baku', True, '', True]
    >>> widget.decompress(None)
    ['', False, '', False]
    """

    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self, attrs: dict[str, Any] | None = None, *, rows: int = 2) -> None:
        widgets: list[forms.Widget] = []
        for code in SUPPORTED_LANGUAGES:
            widgets.append(forms.Textarea(attrs={"rows": rows, "lang": code, "cols": 60}))
            widgets.append(forms.CheckboxInput())
        super().__init__(widgets, attrs)

    @property
    def media(self) -> forms.Media:
        """The CSS and JavaScript the widget needs: none beyond its boxes' (it works without JS).

        >>> str(LocalizedTextWidget().media)
        ''
        """
        media = forms.Media()
        for widget in self.widgets:
            media += widget.media
        return media

    def decompress(self, value: Any) -> list[Any]:
        """Split a value into the boxes' values: per language its text and whether it is present.

        >>> LocalizedTextWidget().decompress({"az": "Bakı"})
        ['', False, 'Bakı', True]
        """
        if value is None:
            return ["", False] * len(SUPPORTED_LANGUAGES)
        text = value if isinstance(value, LocalizedText) else LocalizedText(value)
        out: list[Any] = []
        for code in SUPPORTED_LANGUAGES:
            out.extend([text.get(code, fallback=False) or "", code in text])
        return out

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        """The HTML: a labelled row per language, "Missing" where it has no value.

        >>> class Renderer:  # stands in for Django's form renderer, which needs settings
        ...     def render(self, template_name, context, request=None):
        ...         return "<input>"
        >>> html = LocalizedTextWidget().render("title", LocalizedText(en="Baku"), renderer=Renderer())
        >>> 'class="localized-missing"' in html, 'lang="az"' in html
        (True, True)
        """
        if not isinstance(value, list):
            value = self.decompress(value)
        attrs = dict(attrs or {})
        base_id = attrs.get("id") or f"id_{name}"
        ui = get_language()
        rows = []
        for index, code in enumerate(SUPPORTED_LANGUAGES):
            text, present = value[2 * index], bool(value[2 * index + 1])
            box = self.widgets[2 * index].render(
                f"{name}_{2 * index}", text, {"id": f"{base_id}_{code}"}, renderer
            )
            empty = self.widgets[2 * index + 1].render(
                f"{name}_{2 * index + 1}",
                present and text == "",
                {"id": f"{base_id}_{code}_empty"},
                renderer,
            )
            state = (
                format_html(
                    ' <span class="localized-missing">{}</span>',
                    pgettext("translation status", "Missing", lang=ui),
                )
                if not present
                else ""
            )
            rows.append(
                format_html(
                    '<div class="localized-row" data-lang="{}"><label for="{}">{}</label>{}'
                    '<div>{}</div><label class="localized-empty">{} {}</label></div>',
                    code,
                    f"{base_id}_{code}",
                    _language_name(code),
                    state,
                    box,
                    empty,
                    gettext("Left empty on purpose", lang=ui),
                )
            )
        return format_html(
            '<div class="localized-text" id="{}">{}</div>',
            base_id,
            format_html_join("", "{}", ((row,) for row in rows)),
        )


class LocalizedTextFormField(forms.MultiValueField):
    """The form field: per language a text and an "empty on purpose" mark, checked by diplolib.

    >>> field = LocalizedTextFormField(required=False)
    >>> field.clean(["Baku", False, "", False])
    LocalizedText(en='Baku')
    >>> field.clean(["Baku", False, "", True])
    LocalizedText(en='Baku', az='')
    """

    def __init__(
        self,
        *,
        required_languages: Sequence[str] = (),
        normalize_az: bool = False,
        **kwargs: Any,
    ) -> None:
        self.required_languages: tuple[Lang, ...] = tuple(
            normalize_language(code) for code in required_languages
        )
        self.normalize_az = normalize_az
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        kwargs.setdefault("widget", LocalizedTextWidget)
        fields: list[forms.Field] = []
        for _ in SUPPORTED_LANGUAGES:
            fields.append(forms.CharField(required=False, strip=False))
            fields.append(forms.BooleanField(required=False))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> LocalizedText | None:
        """Join the boxes into a validated :class:`LocalizedText` (None when all are blank).

        >>> LocalizedTextFormField().compress(["", False, "Bakı", False])
        LocalizedText(az='Bakı')
        """
        if not data_list:
            return None
        values: dict[str, str] = {}
        for index, code in enumerate(SUPPORTED_LANGUAGES):
            text = (data_list[2 * index] or "").strip()
            if text or data_list[2 * index + 1]:
                values[code] = text
        if not values:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        return _check(values, self.required_languages, self.normalize_az, for_form=True)


class LocalizedTextField(models.JSONField):
    """A model field storing a :class:`~diplolib.text.LocalizedText` as JSON.

    ``required_languages`` names languages that must have a value (absent is
    refused; explicitly empty is allowed); ``normalize_az=True`` replaces
    look-alike letters in Azerbaijani values instead of refusing them. Both are
    kept by :meth:`deconstruct`, so migrations record them.

    >>> LocalizedTextField().to_python('{"en": "Baku"}')
    LocalizedText(en='Baku')
    >>> LocalizedTextField().to_python({"fr": "Bakou"})
    Traceback (most recent call last):
    ...
    django.core.exceptions.ValidationError: ["unsupported language 'fr'; accepted: 'en', 'az' (with optional region/script, e.g. 'az-AZ', 'az_Latn_AZ', 'en-GB')"]
    """

    description = "Text per language (diplolib LocalizedText), stored as JSON"

    def __init__(
        self,
        *args: Any,
        required_languages: Sequence[str] = (),
        normalize_az: bool = False,
        **kwargs: Any,
    ) -> None:
        self.required_languages: tuple[Lang, ...] = tuple(
            normalize_language(code) for code in required_languages
        )
        self.normalize_az = bool(normalize_az)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        """Name, import path and arguments for migrations.

        >>> LocalizedTextField(normalize_az=True).deconstruct()[1:]
        ('diplolib.django.LocalizedTextField', [], {'normalize_az': True})
        """
        name, _path, args, kwargs = super().deconstruct()
        if self.required_languages:
            kwargs["required_languages"] = list(self.required_languages)
        if self.normalize_az:
            kwargs["normalize_az"] = True
        return name, "diplolib.django.LocalizedTextField", args, kwargs

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        """The stored JSON read back as a :class:`LocalizedText` (None stays None).

        >>> LocalizedTextField().from_db_value('{"az": "Bakı"}', None, None)
        LocalizedText(az='Bakı')
        """
        if value is None:
            return None
        data = json.loads(value) if isinstance(value, str | bytes) else value
        if isinstance(data, Mapping):
            return LocalizedText(data)
        return data

    def to_python(self, value: Any) -> LocalizedText | None:
        """Validate ``value`` (a LocalizedText, mapping or JSON text) for forms and ``full_clean``.

        >>> LocalizedTextField().to_python(None) is None
        True
        """
        if value is None:
            return None
        return _check(value, self.required_languages, self.normalize_az, for_form=True)

    def get_prep_value(self, value: Any) -> Any:
        """The JSON-ready value; key lookups (``title__az="…"``) pass their text through.

        >>> LocalizedTextField().get_prep_value(LocalizedText(az="Bakı"))
        {'az': 'Bakı'}
        """
        if isinstance(value, LocalizedText):
            value = value.to_dict()
        elif isinstance(value, Mapping):
            value = _check(value, self.required_languages, self.normalize_az, for_form=False)
            value = value.to_dict()
        return super().get_prep_value(value)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        """What ``save()`` writes: the value checked as diplolib checks any LocalizedText.

        Saving a bad value raises diplolib's own error (for example
        :class:`~diplolib.errors.UnsupportedLanguageError`); forms and
        ``full_clean()`` report the same message as a ``ValidationError``.

        >>> from django.db import connection
        >>> LocalizedTextField().get_db_prep_save({"xx": "?"}, connection)
        Traceback (most recent call last):
        ...
        diplolib.errors.UnsupportedLanguageError: unsupported language 'xx'; ...
        """
        if value is not None and not isinstance(value, LocalizedText):
            value = _check(value, self.required_languages, self.normalize_az, for_form=False)
        return super().get_db_prep_save(value, connection)

    def validate(self, value: Any, model_instance: Any) -> None:
        """Django's checks (``null``, ``blank``, ``choices``) on the value as JSON.

        >>> LocalizedTextField(blank=True).validate(LocalizedText(en="Baku"), None)
        """
        if isinstance(value, LocalizedText):
            value = value.to_dict()
        super().validate(value, model_instance)

    def value_to_string(self, obj: Any) -> Any:
        """The value for serializers (``dumpdata``): a plain dict.

        >>> LocalizedTextField().value_to_string(None) is None
        True
        """
        value = self.value_from_object(obj) if obj is not None else None
        return value.to_dict() if isinstance(value, LocalizedText) else value

    def formfield(self, **kwargs: Any) -> Any:
        """The form field: :class:`LocalizedTextFormField` with :class:`LocalizedTextWidget`.

        >>> type(LocalizedTextField().formfield()).__name__
        'LocalizedTextFormField'
        """
        defaults: dict[str, Any] = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "required_languages": self.required_languages,
            "normalize_az": self.normalize_az,
        }
        if self.has_default():
            defaults["initial"] = self.get_default()
        for key in ("form_class", "choices_form_class", "encoder", "decoder", "widget"):
            kwargs.pop(key, None)
        defaults.update(kwargs)
        return LocalizedTextFormField(**defaults)


def localized_display(value: LocalizedText | Mapping[str, str] | None) -> SafeString:
    """HTML showing every language of ``value``, with missing ones marked (for lists and admin).

    >>> localized_display(LocalizedText(en="Baku"))
    '<span lang="en" class="localized">Baku</span> · <span lang="az" class="localized-missing">Missing</span>'
    """
    text = value if isinstance(value, LocalizedText) or value is None else LocalizedText(value)
    ui = get_language()
    parts = []
    for code in SUPPORTED_LANGUAGES:
        if text is not None and code in text:
            parts.append(
                format_html('<span lang="{}" class="localized">{}</span>', code, text.get(code))
            )
        else:
            parts.append(
                format_html(
                    '<span lang="{}" class="localized-missing">{}</span>',
                    code,
                    pgettext("translation status", "Missing", lang=ui),
                )
            )
    return format_html_join(" · ", "{}", ((part,) for part in parts))


def localized_column(field: str, *, description: str | None = None) -> Callable[[Any], SafeString]:
    """An admin ``list_display`` entry showing a LocalizedTextField in every language.

    >>> from types import SimpleNamespace
    >>> column = localized_column("title")
    >>> column(SimpleNamespace(title=LocalizedText(az="Bakı"))).count("localized-missing")
    1
    >>> column.short_description
    'title'
    """

    def display(obj: Any) -> SafeString:
        return localized_display(getattr(obj, field))

    display.short_description = description or field  # type: ignore[attr-defined]
    display.__name__ = f"{field}_all_languages"
    return display
