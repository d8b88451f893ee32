"""diplolib: bilingual English/Azerbaijani content for Python applications.

Typed, localized content models (articles, events, people, organisations,
places), UI strings through gettext, Azerbaijani-aware formatting and language
detection that knows Azerbaijani from Turkish.

Importing the package is cheap: names are loaded from their modules on first
use, and catalogs, locale data and detection profiles load only when needed.

>>> import diplolib
>>> diplolib.normalize_language("az-AZ")
'az'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> module that defines it; resolved lazily by __getattr__ below.
_EXPORTS: dict[str, str] = {
    "ContentError": "errors",
    "DiplolibError": "errors",
    "LibraryError": "errors",
    "MissingTranslationError": "errors",
    "Problem": "errors",
    "UnknownReferenceError": "errors",
    "UnsupportedLanguageError": "errors",
    "LanguageRegistryError": "errors",
    "CatalogError": "errors",
    "CatalogLanguageError": "errors",
    "DetectionError": "errors",
    "TemplateRenderError": "errors",
    "Detection": "detect",
    "check_language": "detect",
    "detect_language": "detect",
    "detect_segments": "detect",
    "Lang": "languages",
    "SUPPORTED_LANGUAGES": "languages",
    "carry_context": "languages",
    "get_language": "languages",
    "negotiate_language": "languages",
    "normalize_language": "languages",
    "normalize_lang": "languages",
    "resolve_language": "languages",
    "use_language": "languages",
    "LanguageName": "languages",
    "LanguageSpec": "languages",
    "TextRules": "languages",
    "fallback_chain": "languages",
    "language_name": "languages",
    "language_spec": "languages",
    "register_language": "languages",
    "registered_language": "languages",
    "supported_languages": "languages",
    "unregister_language": "languages",
    "LocalizedText": "text",
    "Resolved": "text",
    "Article": "models",
    "Byline": "models",
    "ContentItem": "models",
    "ContentType": "content_types",
    "Reference": "content_types",
    "register_content_type": "models",
    "Dateline": "models",
    "Entity": "models",
    "Event": "models",
    "ForeignSource": "models",
    "Item": "models",
    "Organization": "models",
    "Participant": "models",
    "PartialDate": "models",
    "Person": "models",
    "Place": "models",
    "Position": "models",
    "Section": "models",
    "format_date": "dates",
    "format_date_range": "dates",
    "format_dateline": "dates",
    "format_datetime": "dates",
    "format_relative": "dates",
    "format_list": "numbers",
    "format_number": "numbers",
    "format_ordinal": "numbers",
    "format_percent": "numbers",
    "format_name": "names",
    "hreflang_links": "publish",
    "to_jsonld": "publish",
    "ContentLibrary": "library",
    "load_sample_library": "library",
    "slugify": "slugs",
    "export_po": "po",
    "import_po": "po",
    "LazyString": "i18n",
    "get_translations": "i18n",
    "gettext": "i18n",
    "lazy_gettext": "i18n",
    "lazy_ngettext": "i18n",
    "lazy_pgettext": "i18n",
    "ngettext": "i18n",
    "npgettext": "i18n",
    "pgettext": "i18n",
    "world_clock": "clock",
}

if TYPE_CHECKING:
    from .clock import world_clock
    from .content_types import ContentType, Reference
    from .dates import (
        format_date,
        format_date_range,
        format_dateline,
        format_datetime,
        format_relative,
    )
    from .detect import Detection, check_language, detect_language, detect_segments
    from .errors import (
        CatalogError,
        CatalogLanguageError,
        ContentError,
        DetectionError,
        DiplolibError,
        LanguageRegistryError,
        LibraryError,
        MissingTranslationError,
        Problem,
        TemplateRenderError,
        UnknownReferenceError,
        UnsupportedLanguageError,
    )
    from .i18n import (
        LazyString,
        get_translations,
        gettext,
        lazy_gettext,
        lazy_ngettext,
        lazy_pgettext,
        ngettext,
        npgettext,
        pgettext,
    )
    from .languages import (
        SUPPORTED_LANGUAGES,
        Lang,
        LanguageName,
        LanguageSpec,
        TextRules,
        carry_context,
        fallback_chain,
        get_language,
        language_name,
        language_spec,
        negotiate_language,
        normalize_lang,
        normalize_language,
        register_language,
        registered_language,
        resolve_language,
        supported_languages,
        unregister_language,
        use_language,
    )
    from .library import ContentLibrary, load_sample_library
    from .models import (
        Article,
        Byline,
        ContentItem,
        Dateline,
        Entity,
        Event,
        ForeignSource,
        Item,
        Organization,
        PartialDate,
        Participant,
        Person,
        Place,
        Position,
        Section,
        register_content_type,
    )
    from .names import format_name
    from .numbers import format_list, format_number, format_ordinal, format_percent
    from .po import export_po, import_po
    from .publish import hreflang_links, to_jsonld
    from .slugs import slugify
    from .text import LocalizedText, Resolved

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        # Builtin on purpose: a module __getattr__ must raise AttributeError.
        raise AttributeError(f"module 'diplolib' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
