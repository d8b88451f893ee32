"""Sitemaps (hreflang alternates, splitting, index) and Atom/RSS feeds, checked with real parsers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from diplolib import load_sample_library
from diplolib.errors import ContentError, DiplolibError
from diplolib.feeds import build_feed, feed_articles, write_feeds
from diplolib.languages import SUPPORTED_LANGUAGES
from diplolib.publish import HreflangLink, canonical_url, published_languages
from diplolib.sitemaps import (
    MAX_SITEMAP_URLS,
    SitemapEntry,
    render_sitemap,
    sitemap_entries,
    write_sitemaps,
)

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "https://example.org"
LIBRARY = load_sample_library()


def parse(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


def alternates_by_loc(root: etree._Element) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        found[loc] = {link.get("hreflang"): link.get("href") for link in links}
    return found


@pytest.mark.parametrize(
    "patterns", [None, {"article": "/{lang}/news/{slug}.html", "place": "/{lang}/p/{id}"}]
)
def test_library_sitemap_is_reciprocal_and_complete(tmp_path: Path, patterns: object) -> None:
    entries = sitemap_entries(LIBRARY, base_url=BASE, patterns=patterns)  # type: ignore[arg-type]
    files = write_sitemaps(entries, tmp_path, base_url=BASE)
    assert [f.name for f in files] == ["sitemap.xml"]
    found = alternates_by_loc(parse(files[0]))
    pages = {
        canonical_url(item, lang, base_url=BASE, patterns=patterns)  # type: ignore[arg-type]
        for item in LIBRARY
        for lang in published_languages(item)
    }
    assert set(found) == pages
    for loc, links in found.items():
        assert loc in links.values(), loc  # every page lists itself
        assert "x-default" in links
        for hreflang, href in links.items():
            if hreflang == "x-default":
                continue
            assert hreflang in SUPPORTED_LANGUAGES
            assert href in found, href  # the alternate is itself in the sitemap ...
            assert found[href] == links  # ... and lists the same set back: reciprocal


def test_sitemap_lastmod_and_escaping(tmp_path: Path) -> None:
    entries = [
        SitemapEntry(
            "https://example.org/a?x=1&y=<2>",
            (HreflangLink("en", "https://example.org/a?x=1&y=<2>"),),
            dt.datetime(2017, 3, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=4))),
        ),
        SitemapEntry("https://example.org/b", lastmod=dt.date(2018, 4, 11)),
    ]
    root = etree.fromstring(render_sitemap(entries))
    assert root.findtext("sm:url/sm:loc", namespaces=NS) == "https://example.org/a?x=1&y=<2>"
    assert [u.findtext("sm:lastmod", namespaces=NS) for u in root.findall("sm:url", NS)] == [
        "2017-03-02T10:00:00+04:00",
        "2018-04-11",
    ]
    with pytest.raises(ContentError, match="no time zone"):
        render_sitemap([SitemapEntry("https://x.org/", lastmod=dt.datetime(2017, 1, 1))])


def test_120000_urls_split_into_three_files_and_an_index(tmp_path: Path) -> None:
    def entries() -> object:
        for i in range(120_000):
            pair = (f"{BASE}/en/p/{i}/", f"{BASE}/az/p/{i}/")
            links = (
                HreflangLink("en", pair[0]),
                HreflangLink("az", pair[1]),
                HreflangLink("x-default", pair[0]),
            )
            yield SitemapEntry(pair[i % 2], links)

    files = write_sitemaps(entries(), tmp_path, base_url=BASE + "/maps/")  # type: ignore[arg-type]
    assert [f.name for f in files] == [
        "sitemap-1.xml",
        "sitemap-2.xml",
        "sitemap-3.xml",
        "sitemap.xml",
    ]
    counts = [len(parse(f).findall("sm:url", NS)) for f in files[:3]]
    assert counts == [MAX_SITEMAP_URLS, MAX_SITEMAP_URLS, 20_000]
    assert all(f.stat().st_size < 52_428_800 for f in files)
    index = parse(files[3])
    assert etree.QName(index).localname == "sitemapindex"
    assert [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)] == [
        f"{BASE}/maps/sitemap-{n}.xml" for n in (1, 2, 3)
    ]
    first = parse(files[0]).findall("sm:url", NS)
    assert first[0].findtext("sm:loc", namespaces=NS) == f"{BASE}/en/p/0/"
    last = parse(files[2]).findall("sm:url", NS)
    assert last[-1].findtext("sm:loc", namespaces=NS) == f"{BASE}/az/p/119999/"


def test_byte_limit_splits_too(tmp_path: Path) -> None:
    entries = [SitemapEntry(f"{BASE}/{'x' * 200}/{i}") for i in range(40)]
    files = write_sitemaps(entries, tmp_path, base_url=BASE, max_bytes=2048)
    assert len(files) > 3
    assert all(f.stat().st_size <= 2048 for f in files[:-1])
    total = sum(len(parse(f).findall("sm:url", NS)) for f in files[:-1])
    assert total == 40


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"base_url": "/"}, "absolute URLs"),
        ({"base_url": BASE, "max_urls": 0}, "max_urls"),
        ({"base_url": BASE, "max_urls": 50_001}, "max_urls"),
        ({"base_url": BASE, "name": "../x"}, "plain file name"),
    ],
)
def test_sitemap_arguments_are_checked(tmp_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(DiplolibError, match=message):
        write_sitemaps([], tmp_path, **kwargs)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_parse_and_hold_the_latest_articles_in_their_language(lang: str, kind: str) -> None:
    xml = build_feed(LIBRARY, lang, base_url=BASE, kind=kind)
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if kind == "atom" else "rss20")
    expected = [a for a in LIBRARY.articles() if lang in published_languages(a)]
    assert len(parsed.entries) == len(expected)
    if kind == "rss":
        assert parsed.feed.language == lang
    else:
        assert parsed.feed.title_detail.language == lang  # xml:lang on the feed
    for entry, article in zip(parsed.entries, expected, strict=True):
        url = canonical_url(article, lang, base_url=BASE)
        assert entry.link == url
        assert entry.id == url
        assert entry.title == article.title.get(lang, fallback=False)
        published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
        assert published == article.published.astimezone(dt.UTC)
        lead = article.lead.get(lang, fallback=False)
        if lead:
            assert entry.summary == lead
        # nothing in the other language slips in through fallback
        for paragraph in article.body:
            text = paragraph.get(lang, fallback=False)
            if kind == "atom" and text:
                assert text.split()[0] in entry.content[0].value
            other_only = paragraph.get(lang) if paragraph.resolve(lang).is_fallback else None
            if other_only and kind == "atom" and entry.get("content"):
                assert other_only not in entry.content[0].value
    times = [e.published_parsed for e in parsed.entries]
    assert times == sorted(times, reverse=True)


def test_feed_limit_and_determinism() -> None:
    first = build_feed(LIBRARY, "en", base_url=BASE, limit=1)
    assert len(feedparser.parse(first).entries) == 1
    assert build_feed(LIBRARY, "en", base_url=BASE, limit=1) == first
    assert [a.id for a in feed_articles(LIBRARY, "az", 100)] == [
        a.id for a in LIBRARY.articles() if "az" in published_languages(a)
    ]
    with pytest.raises(ContentError, match="at least 1"):
        feed_articles(LIBRARY, "en", 0)
    with pytest.raises(ContentError, match="absolute URLs"):
        build_feed(LIBRARY, "en", base_url="example.org")


def test_write_feeds_self_links(tmp_path: Path) -> None:
    files = write_feeds(LIBRARY, tmp_path, base_url=BASE + "/site")
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo
        links = {link.rel: link.href for link in parsed.feed.links if "rel" in link}
        rel = path.relative_to(tmp_path).as_posix()
        if path.name == "atom.xml":
            assert links["self"] == f"{BASE}/site/{rel}"
            assert links["alternate"] == f"{BASE}/site/{path.parent.name}/"


@pytest.mark.parametrize("base_url", ["", "https://portal.example/"])
def test_preview_writes_sitemap_and_feeds(tmp_path: Path, base_url: str) -> None:
    from urllib.parse import unquote, urlparse

    from diplolib.preview import build_preview

    files = build_preview(LIBRARY, tmp_path, base_url=base_url)
    names = {f.relative_to(tmp_path).as_posix() for f in files}
    assert {"sitemap.xml", "en/atom.xml", "en/rss.xml", "az/atom.xml", "az/rss.xml"} <= names
    found = alternates_by_loc(parse(tmp_path / "sitemap.xml"))
    site = base_url or tmp_path.resolve().as_uri() + "/"
    pages = {f for f in names if f.endswith("index.html") and f.count("/") > 1}
    pages -= {f for f in pages if "/translations/" in f or "/timeline/" in f}
    assert {loc.removeprefix(site) for loc in found} == pages
    for loc, links in found.items():
        assert all(found[href] == links for code, href in links.items() if code != "x-default")
        if not base_url:  # file:// URLs open from disk
            assert Path(unquote(urlparse(loc).path)).is_file()
    for lang in SUPPORTED_LANGUAGES:
        raw = (tmp_path / lang / "atom.xml").read_bytes()
        parsed = feedparser.parse(raw)
        assert not parsed.bozo
        assert len(parsed.entries) == len(feed_articles(LIBRARY, lang))
        atom = {"a": "http://www.w3.org/2005/Atom"}
        hrefs = etree.fromstring(raw).xpath("a:entry/a:link/@href", namespaces=atom)
        assert len(hrefs) == len(parsed.entries)
        for href in hrefs:  # (feedparser rewrites file:/// links, so read them raw)
            assert href.removeprefix(site) in names
        page = (tmp_path / lang / "index.html").read_text(encoding="utf-8")
        assert 'type="application/atom+xml" href="../' + lang + '/atom.xml"' in page
