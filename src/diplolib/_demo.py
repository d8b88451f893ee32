"""The terminal rendering behind ``diplolib demo``: an article page as the portal shows it."""

from __future__ import annotations

import datetime as dt
import textwrap

from ._labels import field_label
from ._ui_strings import comment_count
from .clock import world_clock
from .dates import format_date, format_dateline
from .i18n import gettext
from .languages import Lang
from .library import ContentLibrary
from .models import Article, Event, PartialDate, Person, Place
from .names import format_name
from .numbers import format_ordinal
from .text import LocalizedText


def _date(value: dt.date | PartialDate, lang: Lang) -> str:
    return format_date(value, "long", lang=lang)


def _text(text: LocalizedText, lang: Lang) -> str:
    resolved = text.resolve(lang)
    if resolved.value is None:
        return ""
    if resolved.is_fallback and resolved.lang is not None:
        return f"{resolved.value} [{resolved.lang}]"
    return resolved.value


def _anniversaries(
    library: ContentLibrary, article: Article, lang: Lang, wrap: textwrap.TextWrapper
) -> list[str]:
    """A line for each event of the article that has a round anniversary that year.

    The line gives the anniversary's date, which may be later in the year than
    the article: an article of 2 March 2017 mentions the 25th anniversary, on
    30 August 2017, of relations established on 30 August 1992.
    """
    year = (article.dateline.date if article.dateline else article.published).year
    lines: list[str] = []
    for event_id in article.events:
        event = library.get(event_id, Event)
        start = event.start
        years = year - start.year
        if years > 0 and years % 5 == 0:
            text = gettext(
                "{ordinal} anniversary ({date}): {event}",
                lang=lang,
                ordinal=format_ordinal(years, lang=lang),
                date=_date(_same_day(start, year), lang),
                event=_text(event.name, lang),
            )
            lines.extend(wrap.wrap(text))
    return lines


def _same_day(start: PartialDate, year: int) -> PartialDate:
    """``start`` moved to ``year`` (29 February to the 28th in a common year).

    >>> _same_day(PartialDate(1992, 2, 29), 2017)
    PartialDate('2017-02-28')
    """
    try:
        return PartialDate(year, start.month, start.day)
    except ValueError:
        return PartialDate(year, start.month, 28)


def render_article(
    library: ContentLibrary,
    article_id: str,
    lang: Lang,
    width: int = 78,
    *,
    now: dt.datetime | None = None,
) -> str:
    """Render one article page as plain text, every UI string through gettext.

    The "World Cities" box at the end shows the time at ``now`` (default: the
    current time).

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
        comment_count(article.comment_count, lang=lang),
        gettext("Line spacing", lang=lang),
        gettext("Font size", lang=lang),
        gettext("Print", lang=lang),
    ]
    out.append(" · ".join(controls))
    out.append(rule)
    dateline = ""
    if article.dateline is not None:
        place = library.get(article.dateline.place, Place)
        # A dateline runs into the first paragraph: "Bakı, 2 mart 2017 – Qazaxıstanın …".
        dateline = format_dateline(place, article.dateline.date, lang=lang) + " – "
    for byline in article.authors:
        author = library.get(byline.person, Person)
        # The az translation asks for the genitive itself: "{name:genitive} məqaləsi".
        caption = gettext("Article by {name}", lang=lang, name=format_name(author, lang=lang))
        out.append(caption)
        role = _text(byline.role, lang)
        if role:
            out.extend(wrap.wrap(role))
    out.extend(_anniversaries(library, article, lang, wrap))
    fallbacks = article.fallback_fields(lang)
    if fallbacks:
        out.append("")
        out.extend(
            wrap.wrap(
                gettext(
                    "Some parts are shown in another language because no translation is "
                    "available: {fields}",
                    lang=lang,
                    fields=", ".join(field_label(path, article, lang) for path in fallbacks),
                )
            )
        )
    paragraphs = [_text(article.lead, lang), *(_text(p, lang) for p in article.body)]
    paragraphs = [p for p in paragraphs if p]
    if dateline:
        paragraphs = [dateline + p for p in paragraphs[:1]] + paragraphs[1:] or [dateline.strip()]
    for paragraph in paragraphs:
        out.append("")
        out.extend(wrap.wrap(paragraph))
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
    out.append("")
    out.append(gettext("World Cities", lang=lang))
    out.append(rule)
    cities = world_clock(now=now, lang=lang)
    column = max(len(c.name) for c in cities)
    out.extend(f"{c.name:<{column}}  {c.local:%H:%M}  {c.offset}" for c in cities)
    return "\n".join(out) + "\n"
