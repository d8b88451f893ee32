"""The portal's page chrome: labels, section names and counts, marked for translation.

Labels kept as data are marked with :func:`~diplolib.i18n.N_` so extraction
puts them in the catalog, and are translated when shown::

    gettext(LABELS["print"], lang="az")  # 'Çap et'

Counts and sentences with placeholders have small functions, so every caller
uses the same msgid (and the same ``zero=`` wording).

>>> from diplolib import gettext
>>> gettext(SECTIONS["diplomatic_chapter"], lang="az")
'Diplomatik rubrika'
>>> comment_count(0, lang="az"), comment_count(3, lang="az")
('Şərh yoxdur', '3 şərh')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from .i18n import N_, gettext, ngettext
from .languages import Lang, language_name

__all__ = [
    "LABELS",
    "SECTIONS",
    "article_count",
    "byline",
    "comment_count",
    "fallback_notice",
    "originally_published",
    "page_of",
    "translated_from",
    "view_count",
]

LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "you_are_here": N_("You are here:"),
        # Translators: accessible name of the trail of links to the current page.
        "breadcrumbs": N_("Breadcrumbs"),
        "main_page": N_("Main page"),
        "print": N_("Print"),
        "font_size": N_("Font size"),
        "increase_font": N_("Increase font size"),
        "decrease_font": N_("Decrease font size"),
        "line_spacing": N_("Line spacing"),
        "related_articles": N_("Related articles"),
        "read_more": N_("Read more"),
        "share": N_("Share"),
        "copy_link": N_("Copy link"),
        "comments": N_("Comments"),
        "author": N_("Author"),
        "authors": N_("Authors"),
        "published": N_("Published"),
        "updated": N_("Updated"),
        "source": N_("Source"),
        "original_article": N_("Original article"),
        "tags": N_("Tags"),
        "events": N_("Events"),
        "timeline": N_("Timeline"),
        "participants": N_("Participants"),
        "place": N_("Place"),
        "date": N_("Date"),
        "views": N_("Views"),
        "search": N_("Search"),
        # Translators: shown on a search page when nothing matches the query.
        "no_results": N_("No results"),
        "back_to_top": N_("Back to top"),
        "previous_page": N_("Previous page"),
        "next_page": N_("Next page"),
        "menu": N_("Menu"),
        "close": N_("Close"),
        "language": N_("Language"),
        "latest_news": N_("Latest news"),
        "most_read": N_("Most read"),
        "archive": N_("Archive"),
        "mentioned": N_("Mentioned in this article"),
        "about_us": N_("About us"),
        "contact_us": N_("Contact us"),
        "all_rights_reserved": N_("All rights reserved."),
    }
)
"""Page labels by stable key (values are English msgids)."""

SECTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # Translators: the portal section where ambassadors and diplomats publish
        # their own articles; a newspaper-style rubric name, not a book chapter.
        "diplomatic_chapter": N_("Diplomatic Chapter"),
        # Translators: the section that reprints articles from foreign newspapers.
        "foreign_press": N_("Foreign press"),
        "world_cities": N_("World Cities"),
        # Translators: the name of a portal section about new initiatives.
        "new_project": N_("New project"),
    }
)
"""Portal sections by stable key (values are English msgids)."""


def comment_count(n: int, *, lang: str | None = None) -> str:
    """The comment count under an article; zero reads "No comments".

    >>> comment_count(1), comment_count(12, lang="az")
    ('1 comment', '12 şərh')
    """
    # Translators: Azerbaijani keeps the noun singular after a numeral ("5 şərh").
    # The zero wording ("No comments") is its own entry.
    return ngettext("{n} comment", "{n} comments", n, zero=N_("No comments"), lang=lang, n=n)


def view_count(n: int, *, lang: str | None = None) -> str:
    """How many times an article was read; zero reads "No views".

    >>> view_count(2, lang="az")
    '2 baxış'
    """
    return ngettext("{n} view", "{n} views", n, zero=N_("No views"), lang=lang, n=n)


def article_count(n: int, *, lang: str | None = None) -> str:
    """A number of articles (in a section, a tag, a search result).

    >>> article_count(0), article_count(5, lang="az")
    ('No articles', '5 məqalə')
    """
    return ngettext("{n} article", "{n} articles", n, zero=N_("No articles"), lang=lang, n=n)


def page_of(page: int, pages: int, *, lang: str | None = None) -> str:
    """Pagination: "Page 2 of 9".

    >>> page_of(2, 9, lang="az")
    'Səhifə 2 / 9'
    """
    return gettext("Page {page} of {pages}", lang=lang, page=page, pages=pages)


def byline(author: str, *, lang: str | None = None) -> str:
    """The author line above an article.

    >>> byline("Beybit Isabayev", lang="az")
    'Müəllif: Beybit Isabayev'
    """
    return gettext("By {author}", lang=lang, author=author)


def originally_published(date: str, *, lang: str | None = None) -> str:
    """The original publication date of a foreign-press item (``date`` already formatted).

    >>> originally_published("11 aprel 2018", lang="az")
    'İlkin dərc tarixi: 11 aprel 2018'
    """
    # Translators: {date} is a formatted date such as "11 April 2018".
    return gettext("Originally published on {date}", lang=lang, date=date)


def translated_from(original: Lang | str, *, lang: str | None = None) -> str:
    """The note on a translated article naming the language of the original.

    >>> translated_from("az")
    'Translated from Azerbaijani'
    >>> translated_from("en", lang="az")
    'Orijinalın dili: ingilis dili'
    """
    # Translators: {language} is a language name as written in a sentence ("English").
    return gettext(
        "Translated from {language}",
        lang=lang,
        language=language_name(original, lang=lang, in_sentence=True),
    )


def fallback_notice(served: Lang | str, *, lang: str | None = None) -> str:
    """The note shown when a text is displayed in another language than the page's.

    >>> fallback_notice("en", lang="az")
    'Tərcümə olmadığı üçün mətn bu dildə göstərilir: ingilis dili'
    """
    # Translators: {language} is a language name as written in a sentence ("English").
    return gettext(
        "This text is shown in {language} because no translation is available",
        lang=lang,
        language=language_name(served, lang=lang, in_sentence=True),
    )
