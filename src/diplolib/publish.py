"""Publishing metadata: canonical URLs, hreflang links and schema.org JSON-LD.

Every item has a page per language it is published in. Articles are
published in the languages that have a slug and a translation (their
``translations`` status is not ``"missing"``); events, people, organisations
and places in every supported language, since their names fall back per field.
URLs come from patterns per item type, with the fields ``{lang}``, ``{slug}``
(an article's slug in that language, percent-encoded; an entity's id) and
``{id}``.

>>> from diplolib import load_sample_library
>>> lib = load_sample_library()
>>> article = lib.get("kazakhstan-azerbaijan-strategic-partner")
>>> for link in hreflang_links(article, base_url="https://example.org"):
...     print(link.hreflang, link.href)
en https://example.org/en/articles/azerbaijan-important-strategic-partner-of-kazakhstan/
az https://example.org/az/articles/azerbaycan-qazaxistanin-strateji-terefdasidir/
x-default https://example.org/en/articles/azerbaijan-important-strategic-partner-of-kazakhstan/
>>> data = to_jsonld(article, "az", library=lib, base_url="https://example.org")
>>> data["@type"], data["inLanguage"], data["translationOfWork"]["inLanguage"]
('NewsArticle', 'az', 'en')
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_URL_PATTERNS",
    "JSONLD_CONTEXT",
    "HreflangLink",
    "canonical_url",
    "default_url_patterns",
    "dumps_jsonld",
    "hreflang_links",
    "published_languages",
    "to_jsonld",
]

import json
import string
import weakref
from collections.abc import Hashable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NamedTuple, assert_never
from urllib.parse import quote

from .content_types import field_values
from .errors import ContentError, InvalidArgumentError
from .languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, Lang, resolve_language
from .models import Article, ContentItem, Event, Organization, Person, Place, content_types
from .text import LocalizedText

if TYPE_CHECKING:
    from .reader import ContentReader

DEFAULT_URL_PATTERNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "article": "/{lang}/articles/{slug}/",
        "event": "/{lang}/events/{id}/",
        "person": "/{lang}/people/{id}/",
        "organization": "/{lang}/organizations/{id}/",
        "place": "/{lang}/places/{id}/",
    }
)
"""URL path patterns of the built-in item types; pass ``patterns=`` to override some or all.

A registered content type's pages are at ``/{lang}/<its folder>/{id}/``
(see :func:`default_url_patterns`).
"""


def default_url_patterns() -> dict[str, str]:
    """The URL pattern of every registered content type, by its ``type`` tag.

    >>> default_url_patterns()["place"]
    '/{lang}/places/{id}/'
    """
    return dict(_patterns_of(content_types()))


@lru_cache(maxsize=8)
def _patterns_of(models: tuple[type[ContentItem], ...]) -> Mapping[str, str]:
    """The default patterns for one state of the registry (URLs are built often)."""
    return MappingProxyType(
        {
            model.content.kind: DEFAULT_URL_PATTERNS.get(
                model.content.kind, f"/{{lang}}/{model.content.folder}/{{id}}/"
            )
            for model in models
        }
    )


JSONLD_CONTEXT: Final[Mapping[str, str]] = MappingProxyType({"@vocab": "https://schema.org/"})
"""The inline JSON-LD context: schema.org terms without fetching a remote context."""

_FIELDS: Final = frozenset({"lang", "slug", "id"})


class HreflangLink(NamedTuple):
    """One ``<link rel="alternate" hreflang=… href=…>``: a language code or ``x-default``.

    >>> link = HreflangLink("az", "/az/places/baku/")
    >>> f'<link rel="alternate" hreflang="{link.hreflang}" href="{link.href}">'
    '<link rel="alternate" hreflang="az" href="/az/places/baku/">'
    """

    hreflang: str
    href: str


@lru_cache(maxsize=64)
def _check_pattern(kind: str, pattern: str) -> str:
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise InvalidArgumentError(
            f"URL pattern {pattern!r} for {kind!r} is malformed: {exc}"
        ) from None
    names = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _FIELDS or spec or conversion:
            raise InvalidArgumentError(
                f"URL pattern {pattern!r} for {kind!r} uses {{{name}}}; "
                "accepted fields are {lang}, {slug} and {id}, without format specs"
            )
        names.add(name)
    if not names & {"slug", "id"}:
        raise InvalidArgumentError(f"URL pattern {pattern!r} for {kind!r} needs {{slug}} or {{id}}")
    return pattern


def _pattern(kind: str, patterns: Mapping[str, str] | None) -> str:
    defaults = _patterns_of(content_types())
    if patterns is not None:
        unknown = sorted(set(patterns) - set(defaults))
        if unknown:
            raise InvalidArgumentError(
                f"unknown item type(s) in URL patterns: {', '.join(map(repr, unknown))}; "
                f"accepted: {', '.join(defaults)}"
            )
        if kind in patterns:
            return _check_pattern(kind, patterns[kind])
    return defaults[kind]


def _join(base_url: str, path: str) -> str:
    if not base_url:
        return path
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def published_languages(item: ContentItem) -> tuple[Lang, ...]:
    """The languages an item has a page in, in the order of ``SUPPORTED_LANGUAGES``.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> published_languages(lib.get("gabala-turkic-council-summit-2013"))
    ('az',)
    >>> published_languages(lib.get("baku"))
    ('en', 'az')
    """
    if not isinstance(item, Article):
        return tuple(SUPPORTED_LANGUAGES)
    if item.original_language not in item.slug:
        raise ContentError(
            f"article {item.id!r} has no slug in its original language "
            f"{item.original_language!r} (slugs: {', '.join(map(repr, item.slug)) or 'none'})"
        )
    return tuple(
        lang
        for lang in SUPPORTED_LANGUAGES
        if lang in item.slug and item.translations.get(lang, "missing") != "missing"
    )


def _default_language(item: ContentItem) -> Lang:
    return item.original_language if isinstance(item, Article) else DEFAULT_LANGUAGE


def _format_path(
    kind: str, lang: Lang, item_id: str, slug: str, patterns: Mapping[str, str] | None
) -> str:
    pattern = _pattern(kind, patterns)
    return pattern.format(lang=lang, slug=quote(slug, safe="-"), id=quote(item_id, safe="-._"))


def _path(item: ContentItem, lang: Lang, patterns: Mapping[str, str] | None) -> str:
    slug = item.slug[lang] if isinstance(item, Article) else item.id
    return _format_path(item.type, lang, item.id, slug, patterns)


def canonical_url(
    item: ContentItem,
    lang: str | None = None,
    *,
    base_url: str = "",
    patterns: Mapping[str, str] | None = None,
) -> str:
    """The URL of ``item``'s page in ``lang`` (default: the current language).

    Raises :class:`~diplolib.errors.ContentError` when the item has no page in
    that language, naming the languages it has.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> canonical_url(lib.get("osce"), "az", patterns={"organization": "/{lang}/org/{id}.html"})
    '/az/org/osce.html'
    >>> canonical_url(lib.get("gabala-turkic-council-summit-2013"), "en")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: article 'gabala-turkic-council-summit-2013' has no 'en' version (published in: 'az')
    """
    code = resolve_language(lang)
    languages = published_languages(item)
    if code not in languages:
        raise ContentError(
            f"{item.type} {item.id!r} has no {code!r} version "
            f"(published in: {', '.join(map(repr, languages)) or 'no language'})"
        )
    return _join(base_url, _path(item, code, patterns))


def hreflang_links(
    item: ContentItem,
    *,
    base_url: str = "",
    patterns: Mapping[str, str] | None = None,
) -> list[HreflangLink]:
    """Reciprocal alternate links: one per published language, then ``x-default``.

    ``x-default`` points to the original language of an article (English for
    other items). Every page of the item lists the same set, itself included,
    as search engines require. Two languages resolving to the same URL (equal
    slugs and a pattern without ``{lang}``) raise
    :class:`~diplolib.errors.ContentError`.

    >>> from diplolib import load_sample_library
    >>> [tuple(link) for link in hreflang_links(load_sample_library().get("baku"))]
    [('en', '/en/places/baku/'), ('az', '/az/places/baku/'), ('x-default', '/en/places/baku/')]
    """
    seen: dict[str, Lang] = {}
    links: list[HreflangLink] = []
    for lang in published_languages(item):
        href = _join(base_url, _path(item, lang, patterns))
        if href in seen:
            raise ContentError(
                f"{item.type} {item.id!r}: the {seen[href]!r} and {lang!r} versions have the "
                f"same URL {href!r}; give them different slugs or put {{lang}} in the URL pattern"
            )
        seen[href] = lang
        links.append(HreflangLink(lang, href))
    default = _default_language(item)
    links.append(HreflangLink("x-default", next(h for h, c in seen.items() if c == default)))
    return links


# ---------------------------------------------------------------------------
# JSON-LD


def _value(text: LocalizedText, lang: Lang) -> str | dict[str, str] | None:
    if type(text) is LocalizedText:  # the fast path: no Resolved object
        value, served = text.first(_chain(lang))
        if not value:
            return None
        return value if served == lang else {"@value": value, "@language": str(served)}
    resolved = text.resolve(lang)
    if not resolved.value:
        return None
    if resolved.is_fallback:
        # Language-tagged: the page is in `lang`, this value is not.
        return {"@value": resolved.value, "@language": str(resolved.lang)}
    return resolved.value


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[key] = value


def _name(item: ContentItem, lang: Lang) -> str | dict[str, str] | None:
    if isinstance(item, Person):
        given, family = item.given.resolve(lang), item.family.resolve(lang)
        name = item.display_name(lang)
        served = {r.lang for r in (given, family) if r.value}
        if name and served and lang not in served and len(served) == 1:
            return {"@value": name, "@language": str(served.pop())}
        return name or None
    return _value(item.title_text(), lang)


def _chain(lang: Lang) -> tuple[Lang, ...]:
    return (lang, *LocalizedText.fallbacks.get(lang, ()))


_MAX_NODE_TABLES: Final = 16
"""Reference node tables kept per library (one per language, base URL and URL patterns)."""

_NodeTable = dict[str, dict[str, Any]]
_node_tables: dict[int, tuple[weakref.ref[ContentReader], dict[Hashable, _NodeTable]]] = {}


def _nodes_of(
    library: ContentReader, lang: Lang, base_url: str, patterns: Mapping[str, str] | None
) -> _NodeTable:
    """The memo of reference nodes for one library, language, base URL and URL patterns.

    The library is immutable, so a node (type, URL and name of a referenced
    item) never changes; it is built the first time a page refers to the item.
    Tables go when their library is garbage-collected.
    """
    key = (lang, base_url, None if patterns is None else tuple(sorted(patterns.items())))
    entry = _node_tables.get(id(library))
    if entry is None or entry[0]() is not library:
        owner = id(library)
        ref = weakref.ref(library, lambda _: _node_tables.pop(owner, None))
        entry = _node_tables[owner] = (ref, {})
    tables = entry[1]
    table = tables.get(key)
    if table is None:
        if len(tables) >= _MAX_NODE_TABLES:
            tables.clear()
        table = tables[key] = {}
    return table


class _Builder:
    def __init__(
        self,
        lang: Lang,
        library: ContentReader | None,
        base_url: str,
        patterns: Mapping[str, str] | None,
    ) -> None:
        self.lang = lang
        self.library = library
        self.base_url = base_url
        self.patterns = patterns
        self.nodes = None if library is None else _nodes_of(library, lang, base_url, patterns)

    def url(self, item: ContentItem, lang: Lang | None = None) -> str:
        return _join(self.base_url, _path(item, lang or self.lang, self.patterns))

    def ref(self, item_id: str, kind: str | None = None) -> dict[str, Any] | None:
        """A node for a referenced item: @id, type and name when the library has it."""
        if self.library is None:
            if kind is None:
                return None
            path = _format_path(kind, self.lang, item_id, item_id, self.patterns)
            return {"@id": _join(self.base_url, path)}
        assert self.nodes is not None
        node = self.nodes.get(item_id)
        if node is None:
            item = self.library.get(item_id)
            node = {"@type": item.schema_org_type(), "@id": self.url(item)}
            _put(node, "name", _name(item, self.lang))
            self.nodes[item_id] = node
        copy = dict(node)  # callers add to their node; the memo stays as built
        if isinstance(copy.get("name"), dict):
            copy["name"] = dict(copy["name"])
        return copy

    def common(self, item: ContentItem) -> dict[str, Any]:
        url = self.url(item)
        data: dict[str, Any] = {
            "@context": dict(JSONLD_CONTEXT),
            "@type": item.schema_org_type(),
            "@id": url,
            "url": url,
        }
        _put(data, "name", _name(item, self.lang))
        wikidata = getattr(item, "wikidata", None)  # entities, and registered types with one
        if wikidata:
            data["sameAs"] = f"https://www.wikidata.org/wiki/{wikidata}"
        return data

    def registered(self, item: ContentItem) -> dict[str, Any]:
        """A registered type's node: name, language, and references its type links."""
        data = self.common(item)
        data["inLanguage"] = self.lang
        for reference in type(item).content.references:
            if reference.schema_property is None:
                continue
            kind = reference.kinds[0] if len(reference.kinds) == 1 else None
            found = [v for _, v in field_values(item, reference.path) if v is not None]
            nodes = [n for n in (self.ref(ref, kind) for ref in found) if n]
            if nodes:
                data[reference.schema_property] = nodes if "[]" in reference.path else nodes[0]
        return data

    def article(self, item: Article) -> dict[str, Any]:
        lang = self.lang
        data = self.common(item)
        data.pop("name", None)
        _put(data, "headline", _value(item.title, lang))
        _put(data, "description", _value(item.lead, lang))
        # articleBody is one plain string in inLanguage: a paragraph served in the
        # other language cannot be tagged inside it, so only `lang` paragraphs go in.
        own = (lang,)
        paragraphs = [p.first(own)[0] for p in item.body]
        _put(data, "articleBody", "\n\n".join(p for p in paragraphs if p))
        data["inLanguage"] = lang
        data["datePublished"] = item.published.isoformat()
        data["dateModified"] = (item.updated or item.published).isoformat()
        _put(data, "articleSection", _value(item.section.name, lang))
        _put(data, "keywords", [k for k in (_value(t, lang) for t in item.tags) if k])
        authors = []
        for byline in item.authors:
            node = self.ref(byline.person, "person") or {}
            node.setdefault("@type", "Person")
            _put(node, "jobTitle", _value(byline.role, lang))
            authors.append(node)
        _put(data, "author", authors)
        _put(data, "about", [n for n in (self.ref(e, "event") for e in item.events) if n])
        _put(data, "mentions", [n for n in (self.ref(e) for e in item.mentions) if n])
        if item.dateline is not None:
            _put(data, "locationCreated", self.ref(item.dateline.place, "place"))
        data["commentCount"] = item.comment_count
        others = [c for c in published_languages(item) if c != lang]
        versions = {
            c: {"@type": Article.content.schema_type, "@id": self.url(item, c), "inLanguage": c}
            for c in others
        }
        if lang == item.original_language:
            _put(data, "workTranslation", list(versions.values()))
        elif item.original_language in versions:
            data["translationOfWork"] = versions[item.original_language]
        if item.source is not None:
            source: dict[str, Any] = {
                "@type": "NewsArticle",
                "@id": str(item.source.url),
                "url": str(item.source.url),
                "datePublished": item.source.published.isoformat(),
            }
            publisher = _value(item.source.publication, lang)
            if publisher:
                source["publisher"] = {"@type": "NewsMediaOrganization", "name": publisher}
            if item.source.author:
                source["author"] = {"@type": "Person", "name": item.source.author}
            data["isBasedOn"] = source
        return data

    def event(self, item: Event) -> dict[str, Any]:
        data = self.common(item)
        _put(data, "description", _value(item.description, self.lang))
        data["startDate"] = item.start.isoformat()
        if item.end is not None:
            data["endDate"] = item.end.isoformat()
        if item.place is not None:
            _put(data, "location", self.ref(item.place, "place"))
        _put(data, "attendee", [n for n in (self.ref(p.entity) for p in item.participants) if n])
        return data

    def person(self, item: Person) -> dict[str, Any]:
        data = self.common(item)
        _put(data, "givenName", _value(item.given, self.lang))
        _put(data, "familyName", _value(item.family, self.lang))
        _put(data, "additionalName", _value(item.patronymic, self.lang))
        if item.gender is not None:
            data["gender"] = "Female" if item.gender == "female" else "Male"
        position = item.current_position()
        if position is not None:
            _put(data, "jobTitle", _value(position.title, self.lang))
            if position.organization is not None:
                _put(data, "worksFor", self.ref(position.organization, "organization"))
        return data

    def organization(self, item: Organization) -> dict[str, Any]:
        data = self.common(item)
        alternates = [
            _value(item.abbreviation, self.lang),
            *(_value(a, self.lang) for a in item.aliases),
        ]
        _put(data, "alternateName", [a for a in alternates if a])
        if item.country is not None:
            _put(data, "location", self.ref(item.country, "place"))
        return data

    def place(self, item: Place) -> dict[str, Any]:
        data = self.common(item)
        if item.country is not None and item.country != item.id:
            _put(data, "containedInPlace", self.ref(item.country, "place"))
        return data


def to_jsonld(
    item: ContentItem,
    lang: str | None = None,
    *,
    library: ContentReader | None = None,
    base_url: str = "",
    patterns: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The schema.org JSON-LD of ``item``'s page in ``lang`` (default: the current language).

    Articles are ``NewsArticle`` (``headline``, ``inLanguage``, ``datePublished``,
    ``dateModified``, ``author``, ``about`` for events, ``mentions`` for
    entities, ``workTranslation``/``translationOfWork`` between the language
    versions, ``isBasedOn`` for the original of a foreign-press item); events
    are ``Event``; people ``Person``; organisations ``Organization`` (or a more
    precise subtype); places ``Country``, ``City``, ``AdministrativeArea`` or
    ``Place``. A registered content type gets its ``content.schema_type``,
    its title as ``name``, ``inLanguage``, and the references that declare a
    ``schema_property``. A value served in another language than ``lang`` is a
    language-tagged ``{"@value": …, "@language": …}``. The context is inline
    (:data:`JSONLD_CONTEXT`), so processors need no network.

    With ``library``, referenced items get their type and name; without it,
    authors and events are linked by ``@id`` and mentions are left out (their
    type, and so their URL, is unknown). Use :func:`dumps_jsonld` to put the
    result in a page.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> data = to_jsonld(lib.get("osce"), "az", library=lib)
    >>> data["name"], data["alternateName"]
    ('Avropada Təhlükəsizlik və Əməkdaşlıq Təşkilatı', ['ATƏT'])
    >>> to_jsonld(lib.get("nakhchivan-summit-2009"), "en")["startDate"]
    '2009-10-03'
    """
    code = resolve_language(lang)
    canonical_url(item, code, base_url=base_url, patterns=patterns)  # raises when not published
    builder = _Builder(code, library, base_url, patterns)
    if not isinstance(item, Article | Event | Person | Organization | Place):
        return builder.registered(item)
    # The built-in types map their own fields to schema.org properties.
    if isinstance(item, Article):
        return builder.article(item)
    if isinstance(item, Event):
        return builder.event(item)
    if isinstance(item, Person):
        return builder.person(item)
    if isinstance(item, Organization):
        return builder.organization(item)
    if isinstance(item, Place):
        return builder.place(item)
    assert_never(item)


_SCRIPT_SAFE: Final = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def dumps_jsonld(data: Mapping[str, Any], *, indent: int | None = None) -> str:
    """JSON text safe to put inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and
    ``\\u0026``, so no value (``</script>``, ``<!--``) can end the script
    element; JSON parsers read the same data back.

    >>> text = dumps_jsonld({"headline": "</script><script>alert(1)</script>"})
    >>> text
    '{"headline": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    >>> json.loads(text)["headline"]
    '</script><script>alert(1)</script>'
    """
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_SCRIPT_SAFE)
