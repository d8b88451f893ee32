"""UI strings through gettext, from the catalogs in ``locales/``.

>>> gettext("Print", lang="az")
'Çap et'
"""

from __future__ import annotations

__all__ = ["gettext", "ngettext"]

import threading
from io import BytesIO
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from ._resources import locales_dir
from .languages import Lang, resolve_lang

_cache: dict[Lang, Translations] = {}
_lock = threading.Lock()


def _translations(lang: Lang) -> Translations:
    with _lock:
        found = _cache.get(lang)
        if found is None:
            path = locales_dir() / lang / "LC_MESSAGES" / "diplolib.po"
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            buffer = BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            found = _cache[lang] = Translations(buffer, domain="diplolib")
        return found


def gettext(message: str, *, lang: str | None = None, **params: Any) -> str:
    """Translate ``message`` into ``lang`` (default: the current language).

    >>> gettext("Foreign press", lang="az")
    'Xarici mətbuat'
    """
    text: str = _translations(resolve_lang(lang)).gettext(message)
    return text.format(**params) if params else text


def ngettext(
    singular: str, plural: str, n: int, /, *, lang: str | None = None, **params: Any
) -> str:
    """Translate a message whose form depends on the count ``n``.

    >>> ngettext("{n} comment", "{n} comments", 5, lang="az", n=5)
    '5 şərh'
    """
    text: str = _translations(resolve_lang(lang)).ngettext(singular, plural, n)
    return text.format(**params) if params else text
