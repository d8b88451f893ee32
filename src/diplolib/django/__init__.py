"""Django integration: the request's language and a ``LocalizedTextField`` for models.

Needs Django (``pip install 'diplolib[django]'``). Add the middleware to
``MIDDLEWARE`` and use the field in models; the field keeps its value as JSON
(``{"en": "…", "az": "…"}``) and validates it like every
:class:`~diplolib.text.LocalizedText` in diplolib.

>>> from diplolib.django import LanguageMiddleware, LocalizedTextField
>>> LocalizedTextField(required_languages=["az"]).deconstruct()[1:]
('diplolib.django.LocalizedTextField', [], {'required_languages': ['az']})
"""

from __future__ import annotations

from .fields import (
    LocalizedTextField,
    LocalizedTextFormField,
    LocalizedTextWidget,
    localized_column,
    localized_display,
)
from .middleware import LanguageMiddleware

__all__ = [
    "LanguageMiddleware",
    "LocalizedTextField",
    "LocalizedTextFormField",
    "LocalizedTextWidget",
    "localized_column",
    "localized_display",
]
