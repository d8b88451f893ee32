"""diplolib: bilingual English/Azerbaijani content for Python applications.

Typed, localized content models (articles, events, people, organisations,
places), UI strings through gettext, Azerbaijani-aware formatting and language
detection that knows Azerbaijani from Turkish.

Importing the package is cheap: names are loaded from their modules on first
use, and catalogs, locale data and detection profiles load only when needed.

>>> import diplolib
>>> diplolib.normalize_lang("az-AZ")
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
    "CatalogError": "errors",
    "DetectionError": "errors",
    "Detection": "detect",
    "check_language": "detect",
    "detect_language": "detect",
    "detect_segments": "detect",
    "Lang": "languages",
    "SUPPORTED_LANGUAGES": "languages",
    "carry_context": "languages",
    "get_language": "languages",
    "negotiate_language": "languages",
    "normalize_lang": "languages",
    "use_language": "languages",
    "LocalizedText": "text",
    "Resolved": "text",
}

if TYPE_CHECKING:
    from .detect import Detection, check_language, detect_language, detect_segments
    from .errors import (
        CatalogError,
        ContentError,
        DetectionError,
        DiplolibError,
        LibraryError,
        MissingTranslationError,
        Problem,
        UnknownReferenceError,
        UnsupportedLanguageError,
    )
    from .languages import (
        SUPPORTED_LANGUAGES,
        Lang,
        carry_context,
        get_language,
        negotiate_language,
        normalize_lang,
        use_language,
    )
    from .text import LocalizedText, Resolved

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'diplolib' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
