"""The static bilingual preview site behind ``diplolib preview``.

One folder per language with an index, article pages laid out like the
portal's, entity and event pages and an event timeline, plus a side-by-side
translation view per article. ContentItems of a registered content type (see
:func:`~diplolib.models.register_content_type`) get a page from the generic
``preview/item.html`` template, which an application may override like any
other. Links between pages are relative, so the site opens from disk;
canonical, hreflang and JSON-LD URLs are absolute when a ``base_url`` is given.

>>> import tempfile
>>> from diplolib import load_sample_library
>>> files = build_preview(load_sample_library(), tempfile.mkdtemp())
>>> sorted({f.name for f in files})
['atom.xml', 'index.html', 'preview.js', 'rss.xml', 'sitemap.xml', 'style.css']
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote

from markupsafe import Markup, escape

from ._labels import field_label
from .clock import world_clock
from .errors import ContentError, TemplateRenderError
from .i18n import gettext, pgettext
from .languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, Lang, fallback_chain, use_language
from .models import Article, ContentItem, Event, Organization, Person, Place
from .publish import DEFAULT_URL_PATTERNS, default_url_patterns, published_languages
from .reader import ContentReader
from .staleness import stale_fields
from .text import LocalizedText

if TYPE_CHECKING:
    import jinja2

__all__ = ["PREVIEW_URL_PATTERNS", "build_preview"]

PREVIEW_URL_PATTERNS: Final = {
    kind: pattern + "index.html" for kind, pattern in DEFAULT_URL_PATTERNS.items()
}
"""The default URL patterns with ``index.html`` added, so pages open from disk."""

_BUILT_IN: Final = (Article, Event, Person, Organization, Place)


def _page_patterns() -> dict[str, str]:
    """:data:`PREVIEW_URL_PATTERNS` for every registered content type."""
    return {kind: pattern + "index.html" for kind, pattern in default_url_patterns().items()}


PRESS_LIMIT: Final = 5
"""How many foreign press items (newest first) an article page lists."""

REVIEW_STATUSES: Final = frozenset({"machine"})
"""Article statuses whose whole translation needs a human review (shown on the column)."""


def _disk_path(url_path: str) -> str:
    """Where the page with the relative URL ``url_path`` is written.

    Links keep their percent-encoding (``%C5%9Firvan/index.html``); a browser
    opening the site from disk decodes it to ``şirvan/index.html``, so that is
    the folder written. A segment that decodes to a separator or a dot name is
    refused rather than written outside its folder.

    >>> _disk_path("az/articles/%C5%9Firvan/index.html")
    'az/articles/şirvan/index.html'
    """
    parts = [unquote(part, errors="strict") for part in url_path.split("/")]
    for part in parts:
        if part in ("", ".", "..") or any(c in part for c in "/\\\x00"):
            raise ContentError(f"page path {url_path!r} does not name a file inside the preview")
    return "/".join(parts)


def _status_label(status: str, lang: Lang) -> str:
    labels = {
        "original": pgettext("translation status", "Original", lang=lang),
        "translated": pgettext("translation status", "Translated", lang=lang),
        "machine": pgettext("translation status", "Machine translation", lang=lang),
        "partial": pgettext("translation status", "Partial translation", lang=lang),
        "missing": pgettext("translation status", "Missing", lang=lang),
    }
    return labels[status]


def _fallback(value: str, served: str) -> Markup:
    """The span ``|localize`` puts around a value shown in another language."""
    from .jinja import FALLBACK_CLASS

    return Markup('<span lang="{}" class="{}">{}</span>').format(served, FALLBACK_CLASS, value)


def _marked(text: LocalizedText, lang: Lang) -> Markup | None:
    """``text`` in ``lang`` as markup, a fallback marked like ``|localize`` marks it."""
    resolved = text.resolve(lang)
    if not resolved.value:
        return None
    if resolved.is_fallback:
        return _fallback(resolved.value, str(resolved.lang))
    return escape(resolved.value)


def _entity_name(entity: ContentItem, lang: Lang) -> Markup:
    """The name of ``entity`` on a ``lang`` page, marked when it is not in ``lang``.

    A name shown in the other language gets the fallback span; an English name
    romanised from the Azerbaijani spelling is marked ``class="derived"``.
    """
    if isinstance(entity, Person):
        from .names import resolve_name

        name = resolve_name(entity, lang=lang)
        if name.derived == "fallback":
            other = next(iter(fallback_chain(lang)[1:]), lang)
            return _fallback(name.value, other)
        if name.derived is not None:
            return Markup('<span class="derived" data-derived="{}">{}</span>').format(
                name.derived, name.value
            )
        return escape(name.value)
    return _marked(entity.title_text(), lang) or escape(entity.id)


def _version(article: Article, lang: Lang) -> Lang:
    """The language to link ``article`` in from a ``lang`` page: ``lang`` when it exists."""
    languages = published_languages(article)
    return lang if lang in languages else article.original_language


class _Site:
    def __init__(
        self,
        library: ContentReader,
        out: Path,
        env: jinja2.Environment,
        base_url: str,
    ) -> None:
        self.library = library
        self.out = out
        self.env = env
        self.base_url = base_url
        self.patterns = _page_patterns()
        self.written: list[Path] = []
        self.feeds = importlib.util.find_spec("feedgen") is not None

    def render(self, template: str, path: str, **context: Any) -> None:
        import jinja2

        depth = path.count("/")
        root = "../" * depth
        context.setdefault("root", root)
        context.setdefault("feeds", self.feeds)
        meta_base = self.base_url.rstrip("/") + "/" if self.base_url else root
        context.setdefault("meta_base", meta_base)
        alternates = context.pop("alternates", None)
        if alternates is not None:
            links: list[tuple[str, str]] = [
                (c, meta_base + alternates.format(lang=c)) for c in SUPPORTED_LANGUAGES
            ]
            links.append(("x-default", meta_base + alternates.format(lang=DEFAULT_LANGUAGE)))
            context["index_links"] = links
        try:
            html = self.env.get_template(template).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or template
            raise TemplateRenderError(
                f"template {exc.name or template!r} ({where}), line {exc.lineno}: {exc.message}"
            ) from exc
        except jinja2.TemplateError as exc:
            raise TemplateRenderError(
                f"template {template!r} failed while rendering {path!r}: {exc}"
            ) from exc
        target = self.out / _disk_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        self.written.append(target)

    def page_path(self, item: ContentItem, lang: Lang) -> str:
        from .publish import canonical_url

        return canonical_url(item, lang, patterns=self.patterns).lstrip("/")

    def language_links(self, item: ContentItem | None, lang_path: str) -> list[tuple[str, str]]:
        """Links to this page's other language versions (the index when there is none)."""
        from .publish import canonical_url

        depth = lang_path.count("/")
        root = "../" * depth
        links: list[tuple[str, str]] = []
        for code in SUPPORTED_LANGUAGES:
            if item is not None and code in published_languages(item):
                href = canonical_url(item, code, base_url=root, patterns=self.patterns)
            else:
                href = f"{root}{code}/index.html"
            links.append((code, href))
        return links

    # -- pages ------------------------------------------------------------------

    def index(self, lang: Lang) -> None:
        here: list[Article] = []
        elsewhere: list[tuple[Article, Lang]] = []
        for a in self.library.articles():  # newest first
            if lang in published_languages(a):
                here.append(a)
            else:
                elsewhere.append((a, a.original_language))
        groups: list[tuple[str, list[ContentItem]]] = [
            (gettext("Events", lang=lang), list(self.library.events())),
            (gettext("People", lang=lang), list(self.library.entities("person"))),
            (gettext("Organizations", lang=lang), list(self.library.entities("organization"))),
            (gettext("Places", lang=lang), list(self.library.entities("place"))),
        ]
        for kind, items in self.registered_items().items():
            groups.append((kind.content.label, items))
        path = f"{lang}/index.html"
        self.render(
            "preview/index.html",
            path,
            articles=here,
            elsewhere=elsewhere,
            entity_groups=[
                (heading, [(e, _entity_name(e, lang)) for e in items])
                for heading, items in groups
                if items
            ],
            language_links=self.language_links(None, path),
            alternates="{lang}/index.html",
        )

    def article(self, article: Article, lang: Lang) -> None:
        path = self.page_path(article, lang)
        lib = self.library
        place = lib.get(article.dateline.place, Place) if article.dateline else None
        related = [(a, _version(a, lang)) for a in lib.related_articles(article.id)]
        press = [
            (a, _version(a, lang))
            for a in lib.foreign_press(limit=PRESS_LIMIT + 1)
            if a.id != article.id
        ][:PRESS_LIMIT]
        mentions = [(lib.get(e), _entity_name(lib.get(e), lang)) for e in article.mentions]
        self.render(
            "preview/article.html",
            path,
            item=article,
            dateline_place=place,
            authors=[
                (person, b, _entity_name(person, lang))
                for b in article.authors
                for person in [lib.get(b.person, Person)]
            ],
            fallbacks=[field_label(p, article, lang) for p in article.fallback_fields(lang)],
            world_cities=world_clock(lang=lang),
            related=related,
            press=press,
            mentions=mentions,
            language_links=self.language_links(article, path),
        )

    def entity(self, entity: Person | Organization | Place, lang: Lang) -> None:
        path = self.page_path(entity, lang)
        groups = {
            "person": gettext("People", lang=lang),
            "organization": gettext("Organizations", lang=lang),
            "place": gettext("Places", lang=lang),
        }
        short = None
        if isinstance(entity, Organization):
            short = _marked(entity.abbreviation, lang)
        name = _entity_name(entity, lang)
        articles = [(a, _version(a, lang)) for a in self.library.articles_mentioning(entity.id)]
        self.render(
            "preview/entity.html",
            path,
            item=entity,
            name=name,
            title=name.striptags(),
            short=short,
            group=groups[entity.type],
            events=self.library.timeline(entity.id),
            articles=articles,
            language_links=self.language_links(entity, path),
        )

    def event(self, event: Event, lang: Lang) -> None:
        from .dates import format_date_range

        path = self.page_path(event, lang)
        place = self.library.get(event.place, Place) if event.place else None
        participants = []
        for participant in event.participants:
            entity = self.library.get(participant.entity)
            participants.append((entity, _entity_name(entity, lang), participant.role))
        when = format_date_range(event.start, event.end, lang=lang) if event.end else None
        self.render(
            "preview/event.html",
            path,
            item=event,
            place=place,
            when=when or _format(event.start, lang),
            participants=participants,
            language_links=self.language_links(event, path),
        )

    def timeline(self, lang: Lang) -> None:
        path = f"{lang}/timeline/index.html"
        events = []
        for event in sorted(self.library.events(), key=lambda e: (e.start, e.id)):
            place = self.library.get(event.place, Place) if event.place else None
            events.append((event, _format(event.start, lang), place))
        self.render(
            "preview/timeline.html",
            path,
            events=events,
            language_links=self.language_links(None, path),
            alternates="{lang}/timeline/index.html",
        )

    def registered_items(self) -> dict[type[ContentItem], list[ContentItem]]:
        """Items of registered (not built-in) content types, by model, ordered by id."""
        found: dict[type[ContentItem], list[ContentItem]] = {}
        for item in sorted(self.library, key=lambda i: i.id):
            if not isinstance(item, _BUILT_IN):
                found.setdefault(type(item), []).append(item)
        return found

    def registered(self, item: ContentItem, lang: Lang) -> None:
        """The page of an item of a registered type: its name, references and text fields."""
        path = self.page_path(item, lang)
        name = _entity_name(item, lang)
        links = []
        for field, ref, _kinds in item.references():
            target = self.library.get(ref)
            links.append((field, target, _entity_name(target, lang)))
        fields = [
            (field, shown)
            for field, text in item.text_fields().items()
            if (shown := _marked(text, lang)) is not None
        ]
        self.render(
            "preview/item.html",
            path,
            item=item,
            name=name,
            title=name.striptags(),
            group=type(item).content.label,
            links=links,
            fields=fields,
            language_links=self.language_links(item, path),
        )

    def translations(self, article: Article, lang: Lang) -> None:
        path = f"{lang}/translations/{article.id}/index.html"
        rows = []
        source = article.original_language
        outdated = {code: stale_fields(article, source, code) for code in SUPPORTED_LANGUAGES}
        for field, text in article.text_fields().items():
            if not text.languages():
                continue
            cells = [_cell(field in outdated[code], text, code) for code in SUPPORTED_LANGUAGES]
            rows.append((field, cells))
        columns = []
        for i, code in enumerate(SUPPORTED_LANGUAGES):
            status = article.translations.get(code, "missing")
            stale = sum(1 for _, cells in rows if cells[i][1] == "stale")
            columns.append((code, status, status in REVIEW_STATUSES, stale))
        self.render(
            "preview/translation.html",
            path,
            article=article,
            columns=columns,
            rows=rows,
            published=published_languages(article),
            status_label=lambda status: _status_label(status, lang),
            language_links=[
                (code, f"../../../{code}/translations/{article.id}/index.html")
                for code in SUPPORTED_LANGUAGES
            ],
            alternates=f"{{lang}}/translations/{article.id}/index.html",
        )


def _cell(stale: bool, text: LocalizedText, code: Lang) -> tuple[str, str, Any, Any]:
    """One cell of the translation view: ``(lang, state, value shown, language of the value)``.

    ``state`` is ``missing`` (served from another language), ``empty`` (left
    empty on purpose), ``stale`` (translated from a source text that has
    changed since; see :func:`diplolib.staleness.stale_fields`) or ``ok``.
    """
    resolved = text.resolve(code)
    if resolved.is_fallback:
        state = "missing"
    elif resolved.value == "":
        state = "empty"
    else:
        state = "stale" if stale else "ok"
    return (code, state, resolved.value, resolved.lang)


def _format(value: Any, lang: Lang) -> str:
    from .dates import format_date

    return format_date(value, "long", lang=lang)


def build_preview(
    library: ContentReader,
    out: str | Path,
    *,
    templates: str | Path | Sequence[str | Path] = (),
    base_url: str = "",
) -> list[Path]:
    """Write the preview site of ``library`` into ``out``; return the files written.

    ``templates`` are folders searched before the shipped templates (same
    names: ``preview/article.html`` …). Template errors raise
    :class:`TemplateRenderError` naming the template and line.

    >>> import tempfile
    >>> from diplolib import load_sample_library
    >>> out = Path(tempfile.mkdtemp())
    >>> files = build_preview(load_sample_library(), out)
    >>> sorted(f.name for f in files if f.parent == out)
    ['index.html', 'preview.js', 'sitemap.xml', 'style.css']
    >>> (out / "az" / "timeline" / "index.html") in files
    True
    """
    from .jinja import create_environment

    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    env = create_environment(
        templates=templates,
        library=library,
        url_patterns=_page_patterns(),
    )
    site = _Site(library, target, env, base_url)
    for lang in SUPPORTED_LANGUAGES:
        with use_language(lang):
            site.index(lang)
            site.timeline(lang)
            for article in library.articles():
                if lang in published_languages(article):
                    site.article(article, lang)
                site.translations(article, lang)
            for event in library.events():
                site.event(event, lang)
            for entity in library.entities():
                site.entity(entity, lang)
            for items in site.registered_items().values():
                for item in items:
                    site.registered(item, lang)
    site.render(
        "preview/language.html",
        "index.html",
        language_links=site.language_links(None, "index.html"),
        alternates="{lang}/index.html",
    )
    for static in ("style.css", "preview.js"):
        shutil.copyfile(_find_static(templates, f"preview/{static}"), target / static)
        site.written.append(target / static)
    site.written.extend(_write_sitemaps_and_feeds(library, target, base_url))
    return site.written


def _write_sitemaps_and_feeds(library: ContentReader, target: Path, base_url: str) -> list[Path]:
    """``sitemap.xml`` and, with feedgen installed, ``<lang>/atom.xml`` and ``rss.xml``.

    Both need absolute URLs: without ``base_url`` they point at the output folder
    (``file://`` URLs), so they still open from disk.
    """
    from .sitemaps import sitemap_entries, write_sitemaps

    site_url = base_url or target.resolve().as_uri()
    entries = sitemap_entries(library, base_url=site_url, patterns=PREVIEW_URL_PATTERNS)
    written = write_sitemaps(entries, target, base_url=site_url)
    if importlib.util.find_spec("feedgen") is None:
        return written
    from .feeds import write_feeds

    written.extend(write_feeds(library, target, base_url=site_url, patterns=PREVIEW_URL_PATTERNS))
    return written


def _find_static(templates: str | Path | Sequence[str | Path], name: str) -> Path:
    folders = [templates] if isinstance(templates, str | Path) else list(templates)
    for folder in folders:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return Path(__file__).resolve().parent / "templates" / name
