"""Per-language Atom and RSS 2.0 feeds of the latest articles (through feedgen).

A feed holds the articles published in its language, newest first, each with
its title, lead and body in that language only (a field with no text in the
language is left out rather than filled from the other one), its canonical
URL as link and id, and its publication and update times. The feed's own time
is the newest article's, so building twice gives the same bytes. Needs
``feedgen`` (``pip install 'diplolib[feeds]'``).

>>> from diplolib import load_sample_library
>>> xml = build_feed(load_sample_library(), "az", base_url="https://example.org")
>>> b'xml:lang="az"' in xml, b"<title>Son x\\xc9\\x99b\\xc9\\x99rl\\xc9\\x99r</title>" in xml
(True, True)
"""

from __future__ import annotations

__all__ = ["FEED_KINDS", "build_feed", "feed_articles", "write_feeds"]

import os
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .errors import ContentError
from .i18n import gettext
from .languages import SUPPORTED_LANGUAGES, resolve_language
from .publish import canonical_url, published_languages

if TYPE_CHECKING:
    from .models import Article
    from .reader import ContentReader

FEED_KINDS: Final = ("atom", "rss")
"""The feed formats: Atom 1.0 and RSS 2.0."""

_FILES: Final = {"atom": "atom.xml", "rss": "rss.xml"}


def feed_articles(library: ContentReader, lang: str, limit: int = 20) -> list[Article]:
    """The latest ``limit`` articles published in ``lang``, newest first.

    >>> from diplolib import load_sample_library
    >>> [a.id for a in feed_articles(load_sample_library(), "en", limit=2)]
    ['washington-post-trump-2018', 'project-syndicate-xi-2018']
    """
    code = resolve_language(lang)
    if limit < 1:
        raise ContentError(f"limit must be at least 1, got {limit}")
    found: list[Article] = []
    for article in library.articles():
        if code in published_languages(article):
            found.append(article)
            if len(found) == limit:
                break
    return found


def _base(base_url: str) -> str:
    if not base_url or "://" not in base_url:
        raise ContentError(
            f"feeds need absolute URLs: base_url must start with a scheme like 'https://', "
            f"got {base_url!r}"
        )
    return base_url.rstrip("/") + "/"


def build_feed(
    library: ContentReader,
    lang: str,
    *,
    base_url: str,
    kind: str = "atom",
    title: str | None = None,
    limit: int = 20,
    patterns: Mapping[str, str] | None = None,
    feed_url: str | None = None,
) -> bytes:
    """The ``kind`` feed (``"atom"`` or ``"rss"``) of ``library``'s latest articles in ``lang``.

    ``title`` defaults to "Latest news" in the language; ``feed_url`` (the
    feed's own address, for its ``self`` link) defaults to
    ``<base_url>/<lang>/atom.xml`` or ``rss.xml``, where :func:`write_feeds`
    puts it.

    >>> from diplolib import load_sample_library
    >>> rss = build_feed(load_sample_library(), "en", base_url="https://example.org", kind="rss")
    >>> b"<language>en</language>" in rss
    True
    >>> build_feed(load_sample_library(), "en", base_url="https://example.org", kind="json")
    Traceback (most recent call last):
    ...
    diplolib.errors.ContentError: unknown feed kind 'json'; accepted: 'atom', 'rss'
    """
    if kind not in FEED_KINDS:
        raise ContentError(
            f"unknown feed kind {kind!r}; accepted: {', '.join(map(repr, FEED_KINDS))}"
        )
    code = resolve_language(lang)
    base = _base(base_url)
    articles = feed_articles(library, code, limit)
    from feedgen.feed import FeedGenerator

    home = f"{base}{code}/"
    self_url = feed_url or f"{home}{_FILES[kind]}"
    feed = FeedGenerator()
    feed.id(home)
    feed.title(title or gettext("Latest news", lang=code))
    feed.language(code)
    feed.generator("diplolib")
    feed.link(href=home, rel="alternate")
    feed.link(href=self_url, rel="self")
    feed.description(title or gettext("Latest news", lang=code))
    newest = max((_changed(a) for a in articles), default=None)
    if newest is not None:
        feed.updated(newest)
        feed.lastBuildDate(newest)
    for article in articles:
        _add_entry(feed, article, code, base_url=base, patterns=patterns, library=library)
    if kind == "atom":
        return bytes(feed.atom_str(pretty=True))
    return bytes(feed.rss_str(pretty=True))


def _changed(article: Article) -> Any:
    return article.updated or article.published


def _add_entry(
    feed: Any,
    article: Article,
    lang: str,
    *,
    base_url: str,
    patterns: Mapping[str, str] | None,
    library: ContentReader,
) -> None:
    from .models import Person
    from .names import format_name

    url = canonical_url(article, lang, base_url=base_url, patterns=patterns)
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.guid(url, permalink=True)
    entry.link(href=url, rel="alternate")
    entry.title(article.title.get(lang, fallback=False) or article.id)
    entry.published(article.published)
    entry.updated(_changed(article))
    lead = article.lead.get(lang, fallback=False)
    if lead:
        entry.summary(lead)
        entry.description(lead)
    paragraphs = [p.get(lang, fallback=False) for p in article.body]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)
    if html:
        entry.content(html, type="html")
    for byline in article.authors:
        person = library.get(byline.person, Person)
        entry.author(name=format_name(person, lang=lang, library=library))


def write_feeds(
    library: ContentReader,
    out: str | os.PathLike[str],
    *,
    base_url: str,
    limit: int = 20,
    patterns: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``<lang>/atom.xml`` and ``<lang>/rss.xml`` for every language into ``out``.

    ``base_url`` is the URL of the folder ``out``.

    >>> import tempfile
    >>> from diplolib import load_sample_library
    >>> out = Path(tempfile.mkdtemp())
    >>> files = write_feeds(load_sample_library(), out, base_url="https://example.org")
    >>> sorted(p.relative_to(out).as_posix() for p in files)
    ['az/atom.xml', 'az/rss.xml', 'en/atom.xml', 'en/rss.xml']
    """
    base = _base(base_url)
    folder = Path(out)
    written: list[Path] = []
    for lang in SUPPORTED_LANGUAGES:
        for kind in FEED_KINDS:
            target = folder / lang / _FILES[kind]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(
                build_feed(
                    library,
                    lang,
                    base_url=base,
                    kind=kind,
                    limit=limit,
                    patterns=patterns,
                    feed_url=f"{base}{lang}/{_FILES[kind]}",
                )
            )
            written.append(target)
    return written
