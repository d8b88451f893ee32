"""XML sitemaps with hreflang alternates, split at the protocol's limits with a sitemap index.

Each page of each item gets a ``<url>`` whose ``<xhtml:link rel="alternate">``
elements list every language version of the item and ``x-default``, so the
links are reciprocal by construction (Google's "tell Google about localized
versions" sitemap form). A sitemap file holds at most 50,000 URLs and
50 MB (52,428,800 bytes) uncompressed; :func:`write_sitemaps` starts a new
file before either limit and then writes a sitemap index listing the files.

>>> from diplolib import load_sample_library
>>> entries = sitemap_entries(load_sample_library(), base_url="https://example.org")
>>> entry = next(e for e in entries if e.loc.endswith("/az/places/baku/"))
>>> [link.hreflang for link in entry.alternates]
['en', 'az', 'x-default']
>>> print(render_sitemap([entry]).decode().splitlines()[2])
  <url><loc>https://example.org/az/places/baku/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/places/baku/"/>...
"""

from __future__ import annotations

__all__ = [
    "MAX_SITEMAP_BYTES",
    "MAX_SITEMAP_URLS",
    "SitemapEntry",
    "render_sitemap",
    "render_sitemap_index",
    "sitemap_entries",
    "write_sitemaps",
]

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from .errors import ContentError
from .models import Article
from .publish import HreflangLink, canonical_url, hreflang_links, published_languages

if TYPE_CHECKING:
    from .reader import ContentReader

MAX_SITEMAP_URLS: Final = 50_000
"""URLs per sitemap file allowed by the sitemaps.org protocol."""

MAX_SITEMAP_BYTES: Final = 52_428_800
"""Uncompressed bytes per sitemap file allowed by the protocol (50 MiB)."""

_SITEMAP_NS: Final = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS: Final = "http://www.w3.org/1999/xhtml"
_URLSET_OPEN: Final = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<urlset xmlns="{_SITEMAP_NS}" xmlns:xhtml="{_XHTML_NS}">\n'
).encode()
_URLSET_CLOSE: Final = b"</urlset>\n"


class SitemapEntry(NamedTuple):
    """One ``<url>``: the page, its language alternates and when it last changed.

    >>> SitemapEntry("https://example.org/en/").loc
    'https://example.org/en/'
    """

    loc: str
    alternates: tuple[HreflangLink, ...] = ()
    lastmod: dt.datetime | dt.date | None = None


def _absolute(base_url: str) -> str:
    if not base_url or "://" not in base_url:
        raise ContentError(
            f"sitemaps need absolute URLs: base_url must start with a scheme like "
            f"'https://', got {base_url!r}"
        )
    return base_url


def sitemap_entries(
    library: ContentReader,
    *,
    base_url: str,
    patterns: Mapping[str, str] | None = None,
) -> list[SitemapEntry]:
    """One entry per page of every item in ``library``, each with its hreflang alternates.

    Articles appear in the languages they are published in (and carry their
    ``updated`` or ``published`` time); events, people, organisations and
    places in every language. URLs follow ``patterns`` as in
    :func:`~diplolib.publish.canonical_url`.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> entries = sitemap_entries(lib, base_url="https://example.org")
    >>> gabala = [e for e in entries if "qebele" in e.loc]
    >>> [(e.loc, [a.hreflang for a in e.alternates]) for e in gabala]
    [('https://example.org/az/articles/turk-surasinin-ucuncu-zirve-gorusu-qebelede/', ['az', 'x-default'])]
    >>> sitemap_entries(lib, base_url="/")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: sitemaps need absolute URLs: base_url must start with a scheme like 'https://', got '/'
    """
    base = _absolute(base_url)
    entries: list[SitemapEntry] = []
    items = [*library.articles(), *library.events(), *library.entities()]
    for item in items:
        alternates = tuple(hreflang_links(item, base_url=base, patterns=patterns))
        lastmod = (item.updated or item.published) if isinstance(item, Article) else None
        for lang in published_languages(item):
            loc = canonical_url(item, lang, base_url=base, patterns=patterns)
            entries.append(SitemapEntry(loc, alternates, lastmod))
    return entries


def _lastmod(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ContentError(f"lastmod {value.isoformat()} has no time zone")
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _url_element(entry: SitemapEntry) -> bytes:
    parts = ["  <url><loc>", _escape(entry.loc), "</loc>"]
    if entry.lastmod is not None:
        parts += ["<lastmod>", _lastmod(entry.lastmod), "</lastmod>"]
    for link in entry.alternates:
        parts += [
            '<xhtml:link rel="alternate" hreflang=',
            quoteattr(link.hreflang),
            " href=",
            quoteattr(link.href),
            "/>",
        ]
    parts.append("</url>\n")
    return "".join(parts).encode()


def render_sitemap(entries: Iterable[SitemapEntry]) -> bytes:
    """A ``<urlset>`` document of ``entries`` (no limits applied; see :func:`write_sitemaps`).

    >>> from diplolib.publish import HreflangLink
    >>> xml = render_sitemap([SitemapEntry("https://example.org/a?x=1&y=2")])
    >>> b"<loc>https://example.org/a?x=1&amp;y=2</loc>" in xml
    True
    """
    return _URLSET_OPEN + b"".join(_url_element(e) for e in entries) + _URLSET_CLOSE


def render_sitemap_index(
    locations: Sequence[str], *, lastmod: dt.datetime | dt.date | None = None
) -> bytes:
    """A ``<sitemapindex>`` listing the sitemap files at ``locations`` (absolute URLs).

    >>> print(render_sitemap_index(["https://example.org/sitemap-1.xml"]).decode())
    <?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://example.org/sitemap-1.xml</loc></sitemap>
    </sitemapindex>
    <BLANKLINE>
    """
    stamp = "" if lastmod is None else f"<lastmod>{_lastmod(lastmod)}</lastmod>"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<sitemapindex xmlns="{_SITEMAP_NS}">',
        *(f"  <sitemap><loc>{_escape(loc)}</loc>{stamp}</sitemap>" for loc in locations),
        "</sitemapindex>",
        "",
    ]
    return "\n".join(lines).encode()


def write_sitemaps(
    entries: Iterable[SitemapEntry],
    out: str | os.PathLike[str],
    *,
    base_url: str,
    name: str = "sitemap",
    max_urls: int = MAX_SITEMAP_URLS,
    max_bytes: int = MAX_SITEMAP_BYTES,
) -> list[Path]:
    """Write ``entries`` as ``<name>.xml`` in ``out``, split with an index past the limits.

    Up to ``max_urls`` entries (and ``max_bytes``) fit in one ``<name>.xml``.
    Beyond that, the entries go to ``<name>-1.xml``, ``<name>-2.xml`` … and
    ``<name>.xml`` becomes the sitemap index listing them under ``base_url``
    (the URL of the folder ``out``). Returns the files written, index last.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> entries = [SitemapEntry(f"https://example.org/p{i}/") for i in range(5)]
    >>> [p.name for p in write_sitemaps(entries, out, base_url="https://example.org", max_urls=2)]
    ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']
    >>> [p.name for p in write_sitemaps(entries, out, base_url="https://example.org")]
    ['sitemap.xml']
    """
    base = _absolute(base_url).rstrip("/") + "/"
    if not 1 <= max_urls <= MAX_SITEMAP_URLS:
        raise ContentError(f"max_urls must be between 1 and {MAX_SITEMAP_URLS}, got {max_urls}")
    if not 1024 <= max_bytes <= MAX_SITEMAP_BYTES:
        raise ContentError(
            f"max_bytes must be between 1024 and {MAX_SITEMAP_BYTES}, got {max_bytes}"
        )
    if not name or "/" in name or name.startswith("."):
        raise ContentError(f"name must be a plain file name stem, got {name!r}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    room = max_bytes - len(_URLSET_OPEN) - len(_URLSET_CLOSE)
    chunks: list[list[bytes]] = [[]]
    size = 0
    for entry in entries:
        element = _url_element(entry)
        if len(element) > room:
            raise ContentError(
                f"the sitemap entry for {entry.loc!r} alone exceeds {max_bytes} bytes"
            )
        if len(chunks[-1]) >= max_urls or size + len(element) > room:
            chunks.append([])
            size = 0
        chunks[-1].append(element)
        size += len(element)
    if len(chunks) == 1:
        target = folder / f"{name}.xml"
        target.write_bytes(_URLSET_OPEN + b"".join(chunks[0]) + _URLSET_CLOSE)
        return [target]
    written: list[Path] = []
    for number, chunk in enumerate(chunks, 1):
        target = folder / f"{name}-{number}.xml"
        target.write_bytes(_URLSET_OPEN + b"".join(chunk) + _URLSET_CLOSE)
        written.append(target)
    index = folder / f"{name}.xml"
    index.write_bytes(render_sitemap_index([base + path.name for path in written]))
    written.append(index)
    return written
