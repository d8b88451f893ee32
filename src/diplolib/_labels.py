"""Reader-facing names of an article's parts ("lead", "2nd paragraph"), for fallback notices."""

from __future__ import annotations

import re
from typing import Final

from .i18n import pgettext
from .languages import Lang
from .models import Article

_INDEXED_RE: Final = re.compile(r"(?P<list>[a-z_]+)\[(?P<index>[0-9]+)\](?:\.(?P<rest>[a-z_.]+))?")


def field_label(path: str, article: Article, lang: Lang) -> str:
    """What a reader calls the field at ``path``: ``lead`` → "giriş", ``body[1]`` → "2-ci abzas".

    >>> from diplolib import load_sample_library
    >>> article = load_sample_library().get("kazakhstan-azerbaijan-strategic-partner")
    >>> [field_label(p, article, "az") for p in ("title", "lead", "body[1]")]
    ['başlıq', 'giriş', '2-ci abzas']
    >>> field_label("body[2]", article, "en")
    '3rd paragraph'
    """
    from .numbers import format_ordinal

    fixed = {
        # Translators: names of article parts, listed to readers when a part is shown in
        # the other language ("...: lead, 2nd paragraph").
        "title": pgettext("article part", "title", lang=lang),
        "lead": pgettext("article part", "lead", lang=lang),
        "section.name": pgettext("article part", "section name", lang=lang),
        "source.publication": pgettext("article part", "name of the source publication", lang=lang),
    }
    if path in fixed:
        return fixed[path]
    match = _INDEXED_RE.fullmatch(path)
    if match is None:
        return path
    ordinal = format_ordinal(int(match["index"]) + 1, lang=lang)
    part = (match["list"], match["rest"])
    if part == ("body", None):
        # Translators: {ordinal} is an ordinal number in your language ("2-ci").
        return pgettext("article part", "{ordinal} paragraph", lang=lang, ordinal=ordinal)
    if part == ("tags", None):
        return pgettext("article part", "{ordinal} tag", lang=lang, ordinal=ordinal)
    if part == ("authors", "role"):
        if len(article.authors) == 1:
            return pgettext("article part", "author's position", lang=lang)
        return pgettext(
            "article part", "position of the {ordinal} author", lang=lang, ordinal=ordinal
        )
    return path
