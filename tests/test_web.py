"""diplolib.web: the request's language in WSGI and ASGI apps, and the documented framework apps.

The Flask, FastAPI and Django apps are the code blocks of docs/web.md, run here with each
framework's own test client.
"""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from diplolib import format_date, get_language, gettext, language_name, load_sample_library
from diplolib.errors import DiplolibError
from diplolib.languages import SUPPORTED_LANGUAGES
from diplolib.publish import published_languages
from diplolib.store import sample_store
from diplolib.web import (
    ASGILanguageMiddleware,
    LanguageSelector,
    Selection,
    WebConfigError,
    WSGILanguageMiddleware,
)

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_sample_library()


def doc_example(name: str) -> dict[str, Any]:
    """Run the ```python block of docs/web.md that starts with ``# example: <name>``."""
    text = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    for block in re.findall(r"^```python\n(.*?)^```", text, re.S | re.M):
        if block.startswith(f"# example: {name}\n"):
            namespace: dict[str, Any] = {"__name__": f"docs_web_{name}"}
            exec(compile(block, f"docs/web.md ({name})", "exec"), namespace)
            return namespace
    raise AssertionError(f"docs/web.md has no example {name!r}")


def other(lang: str) -> str:
    return next(code for code in SUPPORTED_LANGUAGES if code != lang)


def expected_article(article: Any, lang: str) -> str:
    return "\n".join(
        [
            article.title.get(lang),
            format_date(article.published, "long", lang=lang),
            gettext("Print", lang=lang),
        ]
    )


def article_pages() -> list[tuple[Any, str]]:
    return [(a, lang) for a in LIBRARY.articles() for lang in published_languages(a)]


# -- the selector ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_path_prefix_wins_over_everything_by_default(lang: str) -> None:
    o = other(lang)
    selection = LanguageSelector().select(
        f"/{lang}/x/", query=f"lang={o}", cookie=f"lang={o}", accept_language=o
    )
    assert selection == Selection(lang, "path", True)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_each_source_decides_when_the_earlier_ones_are_silent(lang: str) -> None:
    o = other(lang)
    s = LanguageSelector(default=o)
    assert s.select("/x/", query=f"lang={lang}", cookie=f"lang={o}", accept_language=o) == (
        Selection(lang, "query", False)
    )
    assert s.select("/x/", cookie=f"a=1; lang={lang}", accept_language=o).source == "cookie"
    assert s.select("/x/", accept_language=f"fr, {lang};q=0.2").lang == lang
    assert s.select("/x/", accept_language="fr, de") == Selection(o, "default", False)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_unsupported_values_are_skipped(lang: str) -> None:
    s = LanguageSelector(default=other(lang))
    for bad in ("xx", "", "tr", "az-Cyrl", "x" * 200, "%00", "e+n", "az-Arab"):
        got = s.select("/p/", query=f"lang={bad}", cookie=f"lang={bad}", accept_language=lang)
        assert got.source == "header", bad
        assert got.lang == lang
    assert s.select("/p/", cookie='lang="unterminated', accept_language=lang).lang == lang
    assert s.select("/p/", query="lang=" + "a" * 5000, accept_language=lang).source == "header"


def test_path_language_needs_a_whole_segment() -> None:
    for path in ("/azure/", "/eng/", "/AZ/", "/en-us/", "//", "", "/articles/az/"):
        assert LanguageSelector.path_language(path) is None, path
    for lang in SUPPORTED_LANGUAGES:
        assert LanguageSelector.path_language(f"/{lang}") == lang
        assert LanguageSelector.path_language(f"/{lang}/a/b") == lang


def test_order_is_configurable() -> None:
    az, en = SUPPORTED_LANGUAGES[1], SUPPORTED_LANGUAGES[0]
    s = LanguageSelector(order=("header", "path"))
    assert s.select(f"/{az}/", query=f"lang={en}", accept_language=en).lang == en
    assert s.select(f"/{az}/", query=f"lang={en}").source == "path"
    assert LanguageSelector(order=()).select(f"/{az}/").source == "default"


def test_vary_names_the_headers_consulted() -> None:
    s = LanguageSelector()
    lang = SUPPORTED_LANGUAGES[1]
    assert s.vary(s.select(f"/{lang}/")) == []
    assert s.vary(s.select("/", query=f"lang={lang}")) == []
    assert s.vary(s.select("/", cookie=f"lang={lang}")) == ["Cookie"]
    assert s.vary(s.select("/", accept_language=lang)) == ["Cookie", "Accept-Language"]
    assert s.vary(s.select("/")) == ["Cookie", "Accept-Language"]
    header_first = LanguageSelector(order=("header", "cookie"))
    assert header_first.vary(header_first.select("/", accept_language=lang)) == ["Accept-Language"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"order": ("path", "session")}, "unknown language source 'session'"),
        ({"order": "path"}, "not the string 'path'"),
        ({"order": ("path", "path")}, "names a source twice"),
        ({"query_param": ""}, "non-empty"),
    ],
)
def test_bad_configuration_is_refused(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(WebConfigError, match=message) as info:
        LanguageSelector(**kwargs)
    assert isinstance(info.value, DiplolibError)
    assert isinstance(info.value, ValueError)


def test_bad_middleware_options_are_refused() -> None:
    with pytest.raises(WebConfigError, match="not a redirect"):
        WSGILanguageMiddleware(lambda e, s: [], redirect_status=200)
    with pytest.raises(WebConfigError, match="sequence of path prefixes"):
        ASGILanguageMiddleware(lambda s, r, se: None, redirect_exclude="/static/")  # type: ignore[arg-type,return-value]
    with pytest.raises(DiplolibError, match="unsupported language 'fr'"):
        WSGILanguageMiddleware(lambda e, s: [], default="fr")


# -- WSGI, without a framework ------------------------------------------------------------


def wsgi_call(app: Any, path: str, **headers: str) -> tuple[str, dict[str, str], str]:
    from wsgiref.util import setup_testing_defaults

    environ: dict[str, Any] = {"PATH_INFO": path, "REQUEST_METHOD": headers.pop("method", "GET")}
    environ["QUERY_STRING"] = headers.pop("query", "")
    for name, value in headers.items():
        environ["HTTP_" + name.upper()] = value
    setup_testing_defaults(environ)
    seen: list[tuple[str, list[tuple[str, str]]]] = []
    body = app(environ, lambda status, hdrs, exc_info=None: seen.append((status, hdrs)))
    try:
        text = b"".join(body).decode()
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return seen[0][0], dict(seen[0][1]), text


def test_wsgi_body_is_produced_in_the_request_language() -> None:
    # A streaming body runs after the app returns: it must still see the language.
    def app(environ: dict[str, Any], start_response: Any) -> Any:
        start_response("200 OK", [("Content-Type", "text/plain"), ("Vary", "Origin")])

        def body() -> Any:
            yield get_language().encode()
            yield gettext("Print").encode()

        return body()

    wrapped = WSGILanguageMiddleware(app)
    for lang in SUPPORTED_LANGUAGES:
        _, headers, text = wsgi_call(wrapped, "/", cookie=f"lang={lang}")
        assert text == lang + gettext("Print", lang=lang)
        assert headers["Content-Language"] == lang
        assert headers["Vary"] == "Origin, Cookie"
    assert get_language() == SUPPORTED_LANGUAGES[0]


def test_wsgi_keeps_the_apps_content_language_and_star_vary() -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Any:
        start_response("200 OK", [("Content-Language", "tr"), ("Vary", "*")])
        return [environ["diplolib.language"].encode()]

    lang = SUPPORTED_LANGUAGES[1]
    _, headers, text = wsgi_call(WSGILanguageMiddleware(app), "/", accept_language=lang)
    assert (headers["Content-Language"], headers["Vary"], text) == ("tr", "*", lang)


def test_wsgi_redirect_rules() -> None:
    calls: list[str] = []

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        calls.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"ok"]

    lang = SUPPORTED_LANGUAGES[1]
    wrapped = WSGILanguageMiddleware(
        app, redirect=True, redirect_status=307, redirect_exclude=["/static/"]
    )
    status, headers, _ = wsgi_call(wrapped, "/news/", query="p=2", accept_language=lang)
    assert status == "307 Temporary Redirect"
    assert headers["Location"] == f"/{lang}/news/?p=2"
    assert headers["Vary"] == "Cookie, Accept-Language"
    assert calls == []
    status, headers, _ = wsgi_call(wrapped, "/", query=f"lang={lang}")
    assert headers["Location"] == f"/{lang}/?lang={lang}"
    assert "Vary" not in headers
    # Non-ASCII paths arrive latin-1 encoded (PEP 3333) and leave percent-encoded.
    raw = "/xəbər/".encode().decode("latin-1")
    assert wsgi_call(wrapped, raw, cookie=f"lang={lang}")[1]["Location"] == (
        f"/{lang}/x%C9%99b%C9%99r/"
    )
    for path, method in [("/static/a.css", "GET"), ("/form/", "POST"), (f"/{lang}/", "GET")]:
        assert wsgi_call(wrapped, path, method=method)[0] == "200 OK"
    assert calls == ["/static/a.css", "/form/", f"/{lang}/"]


# -- ASGI, without a framework ------------------------------------------------------------


def asgi_call(app: Any, scope: dict[str, Any]) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def test_asgi_other_scope_types_pass_through() -> None:
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    asgi_call(ASGILanguageMiddleware(app, redirect=True), {"type": "lifespan"})
    assert seen == ["lifespan"]


def test_asgi_websocket_gets_the_language_without_redirect() -> None:
    seen: list[tuple[str, str]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append((get_language(), scope["diplolib.language"]))

    lang = SUPPORTED_LANGUAGES[1]
    scope = {"type": "websocket", "path": "/ws", "query_string": f"lang={lang}".encode()}
    asgi_call(ASGILanguageMiddleware(app, redirect=True), scope)
    assert seen == [(lang, lang)]


def test_asgi_mounted_under_a_root_path() -> None:
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(get_language())
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    lang = SUPPORTED_LANGUAGES[1]
    middleware = ASGILanguageMiddleware(app, redirect=True)
    for path in ("/site/news/", "/news/"):  # with or without root_path inside path
        scope = {
            "type": "http",
            "method": "GET",
            "root_path": "/site",
            "path": path,
            "query_string": b"",
            "headers": [(b"accept-language", lang.encode())],
        }
        sent = asgi_call(middleware, scope)
        assert dict(sent[0]["headers"])[b"location"] == f"/site/{lang}/news/".encode()
    scope["path"] = f"/site/{lang}/news/"
    scope["headers"] = [(b"accept-language", other(lang).encode())]
    sent = asgi_call(middleware, scope)
    assert sent[0]["status"] == 200
    assert seen == [lang]


# -- the documented framework apps ---------------------------------------------------------


def check_framework(get: Any) -> None:
    """The order of docs/web.md, through a framework's test client.

    ``get(path, headers, cookies)`` returns ``(status, headers, text)`` without following
    redirects.
    """
    for article, lang in article_pages():
        o = other(lang)
        path = f"/{lang}/articles/{article.slug[lang]}/"
        status, headers, text = get(path, {"Accept-Language": o}, {"lang": o})
        assert status == 200, path
        assert text == expected_article(article, lang)
        assert headers["content-language"] == lang
        assert "Accept-Language" not in headers.get("vary", "")
        # the slug of the other language is not found under this prefix
        if o in article.slug and article.slug[o] != article.slug[lang]:
            assert get(f"/{lang}/articles/{article.slug[o]}/", {}, {})[0] == 404
    for lang in SUPPORTED_LANGUAGES:
        o = other(lang)
        status, headers, text = get(f"/{lang}/", {}, {})
        titles = [a.title.get(lang) for a in LIBRARY.foreign_press()]
        assert text.split("\n") == [gettext("Foreign press", lang=lang), *titles]
        # bare paths: query, then cookie, then Accept-Language, then the default
        cases = [
            (f"/?lang={lang}", {"Accept-Language": o}, {"lang": o}, f"/{lang}/?lang={lang}"),
            ("/", {"Accept-Language": o}, {"lang": lang}, f"/{lang}/"),
            ("/", {"Accept-Language": f"de, {lang};q=0.7, {o};q=0.5"}, {}, f"/{lang}/"),
            ("/", {"Accept-Language": "de"}, {"lang": "xx"}, f"/{SUPPORTED_LANGUAGES[0]}/"),
        ]
        for path, hdrs, cookies, location in cases:
            status, headers, _ = get(path, hdrs, cookies)
            assert status == 302, (path, hdrs, cookies)
            assert headers["location"].endswith(location), (path, hdrs, cookies)
            if "?" not in path:
                assert "Cookie" in headers["vary"]
    assert get()  # the client stays usable after all that


def test_flask_app_from_the_docs() -> None:
    app = doc_example("flask")["flask_app"]
    client = app.test_client()

    def get(path: str = "/en/", headers: Any = None, cookies: Any = None) -> Any:
        client._cookies.clear()
        for name, value in (cookies or {}).items():
            client.set_cookie(name, value)
        response = client.get(path, headers=headers or {})
        return (
            response.status_code,
            {k.lower(): v for k, v in response.headers.items()},
            response.get_data(as_text=True),
        )

    check_framework(get)


# -- the Flask example's search box -------------------------------------------------

# what the store answers, opened apart from the example's own
SEARCH_STORE = sample_store()
# the markup the search page writes itself; anything else in angle brackets came unescaped
PAGE_TAGS = re.compile(
    r'<(?:form role="search"|input type="search" name="q" value="[^"<>]*" aria-label="[^"<>]*"'
    r'|button|p|ol|li|a href="[^"<>]*"|span lang="(?:en|az)"|small class="fallback"|mark)>'
    r"|</(?:form|button|p|ol|li|a|span|small|mark)>"
)
HIT_ROW = re.compile(
    r'<li><a href="(?P<href>[^"]*)">(?P<title>[^<]*)</a> <span lang="(?P<lang>[^"]*)">'
    r'(?P<snippet>.*?)</span>(?: <small class="fallback">(?P<note>[^<]*)</small>)?</li>'
)
SEARCHES = {
    "az": ["TÜRKSOY zirvə", "Qəbələ", "Gabala", "səfir", "Bakı*", '"strateji tərəfdaş"',
           "Azərbaycan", "Twitter", "Qazaxıstanın tərəfdaşı"],
    "en": ["ambassador", "Gabala", "Qəbələ", '"strategic partner"', "summit", "Kazakhstan's",
           "Baku*", "partners Caspian"],
}  # fmt: skip
MISSES = ["Tokyo", "zzqxw", '"strategic summit"', "Qəbələ Tokyo", "Bakı* Nairobi", "'"]
HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<Qəbələ>",
    "Gabala & <b>Baku</b>",
    "a\"b'c<d>e&f",
]


@pytest.fixture(scope="module")
def search_client() -> Any:
    return doc_example("flask")["flask_app"].test_client()


def search_page(client: Any, lang: str, query: str) -> str:
    response = client.get(f"/{lang}/search", query_string={"q": query})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang
    page: str = response.get_data(as_text=True)
    leftover = PAGE_TAGS.sub("", page)
    assert "<" not in leftover, page  # everything else escaped
    assert ">" not in leftover, page
    value = re.search(r'<input type="search" name="q" value="([^"]*)"', page)
    assert value is not None
    assert html.unescape(value.group(1)) == query
    label = re.search(r'aria-label="([^"]*)"><button>([^<]*)</button>', page)
    assert label is not None
    assert html.unescape(label.group(1)) == html.unescape(label.group(2))
    assert html.unescape(label.group(2)) == gettext("Search", lang=lang)
    return page


def expected_hits(query: str, lang: str) -> list[Any]:
    hits: list[Any] = SEARCH_STORE.search(query, lang=lang, kinds=["article"], limit=10)
    return hits


@pytest.mark.parametrize(
    ("lang", "query"), [(lang, q) for lang, queries in SEARCHES.items() for q in queries]
)
def test_flask_search_box_lists_the_store_hits_in_the_request_language(
    search_client: Any, lang: str, query: str
) -> None:
    page = search_page(search_client, lang, query)
    expected = expected_hits(query, lang)
    assert expected, query  # the query is meant to hit
    rows = [m.groupdict() for m in HIT_ROW.finditer(page)]
    assert len(rows) == len(expected) == page.count("<li>")
    assert gettext("No results", lang=lang) not in page
    for row, hit in zip(rows, expected, strict=True):
        assert row["lang"] == hit.lang
        assert row["snippet"] == hit.snippet  # already escaped, with <mark>: kept as is
        assert "<mark>" in row["snippet"]
        assert html.unescape(row["title"]) == hit.item.title_in(lang)
        assert row["href"] == f"/{hit.lang}/articles/{hit.item.slug[hit.lang]}/"
        if hit.is_fallback:
            notice = gettext(
                "This text is shown in {language} because no translation is available",
                lang=lang,
                language=language_name(hit.lang, lang=lang, in_sentence=True),
            )
            assert row["note"] is not None
            assert html.unescape(row["note"]) == notice
        else:
            assert row["note"] is None
        # the link leads to the article's page in the language that matched
        article = search_client.get(row["href"])
        assert article.status_code == 200
        assert article.get_data(as_text=True) == expected_article(hit.item, hit.lang)


def test_flask_search_box_marks_fallback_hits_in_each_language(search_client: Any) -> None:
    # Gabala's summit article exists only in Azerbaijani: an English reader sees it marked
    page = search_page(search_client, "en", "Gabala")
    assert page.count('<small class="fallback">') == 1
    assert "This text is shown in Azerbaijani because no translation is available" in page
    page = search_page(search_client, "az", "Gabala")
    assert '<small class="fallback">' not in page
    assert '<span lang="az">' in page


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("query", MISSES)
def test_flask_search_box_says_no_results(search_client: Any, lang: str, query: str) -> None:
    page = search_page(search_client, lang, query)
    assert expected_hits(query, lang) == []
    assert page.endswith(f"<p>{gettext('No results', lang=lang)}</p>")
    assert "<ol>" not in page
    assert "<li>" not in page


def test_no_results_reads_in_azerbaijani(search_client: Any) -> None:
    assert search_page(search_client, "az", "Tokyo").endswith("<p>Heç bir nəticə tapılmadı</p>")
    assert search_page(search_client, "en", "Tokyo").endswith("<p>No results</p>")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_flask_search_box_without_a_query_shows_only_the_form(
    search_client: Any, lang: str, query: str
) -> None:
    page = search_page(search_client, lang, query)
    assert page.endswith("</form>")
    assert gettext("No results", lang=lang) not in page


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("query", HOSTILE)
def test_flask_search_box_escapes_the_query(search_client: Any, lang: str, query: str) -> None:
    page = search_page(search_client, lang, query)  # checks that only its own tags remain
    assert query not in page
    expected = expected_hits(query, lang)
    rows = [m.groupdict() for m in HIT_ROW.finditer(page)]
    assert [r["snippet"] for r in rows] == [h.snippet for h in expected]
    if not expected:
        assert page.endswith(f"<p>{gettext('No results', lang=lang)}</p>")


def test_flask_search_box_hostile_queries_that_hit_still_hit(search_client: Any) -> None:
    page = search_page(search_client, "az", "<Qəbələ>")
    assert 'value="&lt;Qəbələ&gt;"' in page
    assert "<mark>Qəbələdə</mark>" in page
    page = search_page(search_client, "en", "Gabala & <Baku>")
    assert 'value="Gabala &amp; &lt;Baku&gt;"' in page
    assert page.count("<li>") == len(expected_hits("Gabala Baku", "en")) > 0


def test_flask_search_box_keeps_the_contents_escaping(search_client: Any) -> None:
    # the article's text has an apostrophe; the snippet escapes it, the title too
    page = search_page(search_client, "en", "ambassador")
    assert "Kazakhstan&#x27;s <mark>ambassador</mark>" in page
    assert "Kazakhstan's" not in page


def test_fastapi_app_from_the_docs() -> None:
    from fastapi.testclient import TestClient

    app = doc_example("fastapi")["fastapi_app"]
    with TestClient(app, follow_redirects=False) as client:

        def get(path: str = "/en/", headers: Any = None, cookies: Any = None) -> Any:
            client.cookies.clear()
            for name, value in (cookies or {}).items():
                client.cookies.set(name, value)
            response = client.get(path, headers=headers or {})
            return response.status_code, dict(response.headers), response.text

        check_framework(get)


def test_starlette_app_with_the_middleware() -> None:
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def page(request: Any) -> PlainTextResponse:
        return PlainTextResponse(f"{request.scope['diplolib.language']}:{gettext('Print')}")

    app = Starlette(
        routes=[Route("/{lang}/page", page)],
        middleware=[Middleware(ASGILanguageMiddleware, redirect=True)],
    )
    with TestClient(app) as client:  # follows the redirect
        for lang in SUPPORTED_LANGUAGES:
            response = client.get("/page", headers={"Accept-Language": lang})
            assert response.text == f"{lang}:{gettext('Print', lang=lang)}"
            assert response.url.path == f"/{lang}/page"


@pytest.fixture(scope="module")
def django_client_factory() -> Any:
    from django_app import configure

    configure()
    from django.test import Client
    from django.test.utils import override_settings

    urls = ModuleType("docs_web_django_urls")
    urls.urlpatterns = doc_example("django")["urlpatterns"]  # type: ignore[attr-defined]

    def make(**options: Any) -> Any:
        manager = override_settings(ROOT_URLCONF=urls, DIPLOLIB_LANGUAGE=options)
        manager.enable()
        return Client(), manager

    return make


def test_django_app_from_the_docs(django_client_factory: Any) -> None:
    client, manager = django_client_factory(redirect=True)
    try:

        def get(path: str = "/en/", headers: Any = None, cookies: Any = None) -> Any:
            client.cookies.clear()
            for name, value in (cookies or {}).items():
                client.cookies[name] = value
            response = client.get(path, headers=headers or {})
            return (
                response.status_code,
                {k.lower(): v for k, v in response.headers.items()},
                response.content.decode(),
            )

        check_framework(get)
    finally:
        manager.disable()


def test_django_middleware_options(django_client_factory: Any) -> None:
    from diplolib.django import LanguageMiddleware

    lang = SUPPORTED_LANGUAGES[1]
    client, manager = django_client_factory(order=["cookie", "path"])
    try:
        response = client.get(f"/{other(lang)}/", headers={"Cookie": f"lang={lang}"})
        assert response["Content-Language"] == lang
        assert response.content.decode().startswith(gettext("Foreign press", lang=lang))
        assert response["Vary"] == "Cookie"
    finally:
        manager.disable()
    with pytest.raises(WebConfigError, match="unknown DIPLOLIB_LANGUAGE option"):
        LanguageMiddleware(lambda request: None, cookie="lang")
