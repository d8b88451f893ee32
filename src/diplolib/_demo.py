"""The terminal rendering behind ``diplolib demo``: an article page as the portal shows it."""

from __future__ import annotations

import datetime as dt
import textwrap

from babel.dates import format_date as babel_format_date

from .i18n import gettext, ngettext
from .languages import Lang
from .library import ContentLibrary
from .models import Article, Organization, PartialDate, Person, Place
from .text import LocalizedText

# The portal writes dates day-month-year in both languages.
_DATE_PATTERN = {"en": "d MMMM y", "az": "d MMMM y"}


def _date(value: dt.date | PartialDate, lang: Lang) -> str:
    if isinstance(value, PartialDate):
        if value.precision == "day":
            value = value.to_date()
        elif value.precision == "month":
            return babel_format_date(value.first_day(), "LLLL y", locale=lang)
        else:
            return str(value.year)
    return babel_format_date(value, _DATE_PATTERN[lang], locale=lang)


def _text(text: LocalizedText, lang: Lang) -> str:
    resolved = text.resolve(lang)
    if resolved.value is None:
        return ""
    if resolved.is_fallback and resolved.lang is not None:
        return f"{resolved.value} [{resolved.lang}]"
    return resolved.value


def _entity_name(library: ContentLibrary, entity_id: str, lang: Lang) -> str:
    entity = library.get(entity_id)
    if isinstance(entity, Person | Place):
        return entity.display_name(lang)
    if isinstance(entity, Organization):
        return entity.display_name(lang)
    return entity_id


def _comments(count: int, lang: Lang) -> str:
    if count == 0:
        return gettext("No comments", lang=lang)
    return ngettext("{n} comment", "{n} comments", count, lang=lang, n=count)


def render_article(library: ContentLibrary, article_id: str, lang: Lang, width: int = 78) -> str:
    """Render one article page as plain text, every UI string through gettext.

    >>> from diplolib import load_sample_library
    >>> page = render_article(load_sample_library(), "kazakhstan-azerbaijan-strategic-partner", "az")
    >>> page.splitlines()[0]
    'Siz buradasınız: Ana səhifə » Diplomatik rubrika'
    """
    article = library.get(article_id, Article)
    wrap = textwrap.TextWrapper(width=width)
    bullet = textwrap.TextWrapper(width=width, subsequent_indent="  ")
    rule = "─" * width
    out: list[str] = []
    crumbs = [gettext("Main page", lang=lang), _text(article.section.name, lang)]
    out.append(gettext("You are here:", lang=lang) + " " + " » ".join(crumbs))
    out.append(rule)
    out.extend(wrap.wrap(_text(article.title, lang)))
    controls = [
        _comments(article.comment_count, lang),
        gettext("Line spacing", lang=lang),
        gettext("Font size", lang=lang),
        gettext("Print", lang=lang),
    ]
    out.append(" · ".join(controls))
    out.append(rule)
    if article.dateline is not None:
        place = _entity_name(library, article.dateline.place, lang)
        out.append(f"{place}, {_date(article.dateline.date, lang)} –")
    for byline in article.authors:
        out.append(_entity_name(library, byline.person, lang))
        role = _text(byline.role, lang)
        if role:
            out.extend(wrap.wrap(role))
    fallbacks = article.fallback_fields(lang)
    if fallbacks:
        out.append("")
        out.extend(
            wrap.wrap(
                gettext(
                    "Some parts are shown in another language because no translation is "
                    "available: {fields}",
                    lang=lang,
                    fields=", ".join(fallbacks),
                )
            )
        )
    lead = _text(article.lead, lang)
    if lead:
        out.append("")
        out.extend(wrap.wrap(lead))
    for paragraph in article.body:
        out.append("")
        out.extend(wrap.wrap(_text(paragraph, lang)))
    related = library.related_articles(article.id)
    if related:
        out.append("")
        out.append(gettext("Related articles", lang=lang))
        out.append(rule)
        for other in related:
            line = f"• {_text(other.title, lang)} ({_date(other.published.date(), lang)})"
            out.extend(bullet.wrap(line))
    press = library.foreign_press()
    if press:
        out.append("")
        out.append(gettext("Foreign press", lang=lang))
        out.append(rule)
        for item in press:
            assert item.source is not None
            when = _date(item.source.published, lang)
            source = _text(item.source.publication, lang)
            line = f"• {when} — {source}: {_text(item.title, lang)}"
            out.extend(bullet.wrap(line))
    return "\n".join(out) + "\n"
