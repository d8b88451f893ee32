"""The request's language in web apps: WSGI and ASGI middleware, no framework needed.

Each request gets one language, chosen from these sources in a configurable
order (the default order is the one below):

1. ``"path"``: a URL prefix naming a supported language, ``/az/…`` or ``/en/…``;
2. ``"query"``: an explicit query parameter (``?lang=az``, name configurable);
3. ``"cookie"``: a cookie (``lang=az``, name configurable);
4. ``"header"``: the ``Accept-Language`` header, through
   :func:`~diplolib.languages.negotiate_language`;
5. the default language.

Values that name no supported language are skipped, so the next source decides.
The middleware makes the chosen language current for the whole request (the
response body included), so :func:`~diplolib.i18n.gettext`, the formatters and
:class:`~diplolib.text.LocalizedText` follow it without a ``lang=`` argument. It
sets ``Content-Language`` (unless the app did), adds the request headers that
decided to ``Vary``, and, with ``redirect=True``, sends a bare path such as
``/articles/`` to its language prefix ``/az/articles/``.

>>> selector = LanguageSelector()
>>> selector.select("/az/articles/", accept_language="en").lang
'az'
>>> selector.select("/articles/", query="lang=en", accept_language="az").source
'query'
>>> selector.select("/articles/", accept_language="az-AZ,en;q=0.5")
Selection(lang='az', source='header', prefixed=False)
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_ORDER",
    "SOURCES",
    "ASGILanguageMiddleware",
    "LanguageSelector",
    "Selection",
    "WSGILanguageMiddleware",
    "WebConfigError",
]

import contextvars
from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping, Sequence
from http.cookies import CookieError, SimpleCookie
from typing import Any, Final, NamedTuple
from urllib.parse import parse_qsl, quote

from .errors import DiplolibError, UnsupportedLanguageError
from .languages import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    Lang,
    negotiate_language,
    normalize_language,
    use_language,
)

SOURCES: Final = ("path", "query", "cookie", "header")
"""The sources a language can come from, besides the default."""

DEFAULT_ORDER: Final = SOURCES
"""URL prefix, then query parameter, then cookie, then ``Accept-Language``."""

_VARY: Final = {"cookie": "Cookie", "header": "Accept-Language"}
_MAX_QUERY = 4096
_MAX_COOKIE = 4096


class WebConfigError(DiplolibError, ValueError):
    """A middleware or selector setting that cannot work (unknown source, bad status …).

    >>> LanguageSelector(order=("path", "session"))
    Traceback (most recent call last):
    ...
    diplolib.web.WebConfigError: unknown language source 'session' in order; accepted: 'path', 'query', 'cookie', 'header'
    """


class Selection(NamedTuple):
    """The language chosen for a request and where it came from.

    ``source`` is one of :data:`SOURCES` or ``"default"``; ``prefixed`` says
    whether the path already starts with a language prefix.

    >>> LanguageSelector().select("/en/")
    Selection(lang='en', source='path', prefixed=True)
    """

    lang: Lang
    source: str
    prefixed: bool


class LanguageSelector:
    """Choose a request's language from its path, query, cookie and ``Accept-Language``.

    ``order`` lists the sources to consult (any subset of :data:`SOURCES`, in
    any order); ``default`` is the language when none decides. The middleware
    classes take the same keywords and use a selector; apps with their own
    request objects can call :meth:`select` directly.

    >>> selector = LanguageSelector(order=("cookie", "path"), default="az")
    >>> selector.select("/en/", cookie="lang=az").lang
    'az'
    >>> selector.select("/about/").source
    'default'
    """

    def __init__(
        self,
        *,
        order: Sequence[str] = DEFAULT_ORDER,
        default: str = DEFAULT_LANGUAGE,
        query_param: str = "lang",
        cookie_name: str = "lang",
    ) -> None:
        if isinstance(order, str):
            raise WebConfigError(
                f"order must be a sequence of source names, not the string {order!r}; "
                f"e.g. {DEFAULT_ORDER!r}"
            )
        for name in order:
            if name not in SOURCES:
                raise WebConfigError(
                    f"unknown language source {name!r} in order; accepted: "
                    + ", ".join(map(repr, SOURCES))
                )
        if len(set(order)) != len(order):
            raise WebConfigError(f"order names a source twice: {tuple(order)!r}")
        if not query_param or not cookie_name:
            raise WebConfigError("query_param and cookie_name must be non-empty strings")
        self.order: tuple[str, ...] = tuple(order)
        self.default: Lang = normalize_language(default)
        self.query_param = query_param
        self.cookie_name = cookie_name

    def vary(self, selection: Selection) -> list[str]:
        """The request headers a response chosen this way depends on (for ``Vary``).

        Sources consulted before the deciding one count too: their absence
        mattered. A language from the URL prefix needs no ``Vary`` when the
        path is consulted first.

        >>> s = LanguageSelector()
        >>> s.vary(s.select("/az/")), s.vary(s.select("/", accept_language="az"))
        ([], ['Cookie', 'Accept-Language'])
        """
        headers: list[str] = []
        for name in self.order:
            if name in _VARY:
                headers.append(_VARY[name])
            if name == selection.source:
                break
        return headers

    @staticmethod
    def path_language(path: str) -> Lang | None:
        """The language named by the first segment of ``path``, or None.

        >>> LanguageSelector.path_language("/az/articles/"), LanguageSelector.path_language("/azure")
        ('az', None)
        """
        segment = path.lstrip("/").split("/", 1)[0]
        for lang in SUPPORTED_LANGUAGES:
            if segment == lang:
                return lang
        return None

    def select(
        self,
        path: str,
        *,
        query: str | None = None,
        cookie: str | None = None,
        accept_language: str | None = None,
    ) -> Selection:
        """The :class:`Selection` for a request with these parts.

        ``query`` is the raw query string, ``cookie`` the raw ``Cookie`` header.

        >>> s = LanguageSelector()
        >>> s.select("/", query="lang=xx", cookie="lang=az").source
        'cookie'
        >>> s.select("/", query="lang=az-AZ").lang
        'az'
        """
        from_path = self.path_language(path)
        for name in self.order:
            found: Lang | None = None
            if name == "path":
                found = from_path
            elif name == "query":
                found = self._from_query(query)
            elif name == "cookie":
                found = self._from_cookie(cookie)
            elif accept_language:
                found = _negotiate(accept_language)
            if found is not None:
                return Selection(found, name, from_path is not None)
        return Selection(self.default, "default", from_path is not None)

    def _from_query(self, query: str | None) -> Lang | None:
        if not query or len(query) > _MAX_QUERY:
            return None
        for key, value in parse_qsl(query, keep_blank_values=False):
            if key == self.query_param:
                return _lang_or_none(value)
        return None

    def _from_cookie(self, cookie: str | None) -> Lang | None:
        if not cookie or len(cookie) > _MAX_COOKIE:
            return None
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie)
        except CookieError:
            return None
        morsel = jar.get(self.cookie_name)
        return None if morsel is None else _lang_or_none(morsel.value)

    def redirect_location(self, selection: Selection, path: str, query: str = "") -> str:
        """Where ``redirect=True`` sends a bare path: the same path under the language prefix.

        >>> s = LanguageSelector()
        >>> s.redirect_location(s.select("/news/", accept_language="az"), "/news/", "page=2")
        '/az/news/?page=2'
        >>> s.redirect_location(s.select("/a b/"), "/a b/", "q=x" + chr(13) + chr(10) + "Set-Cookie: y")
        '/en/a%20b/?q=x%0D%0ASet-Cookie:%20y'
        """
        target = "/" + selection.lang + "/" + path.lstrip("/")
        target = quote(target, safe="/%:@!$&'()*+,;=-._~")
        # Control characters or spaces in a raw query must not reach the Location header.
        return target + ("?" + quote(query, safe="/%:@!$&'()*+,;=-._~?") if query else "")


def _lang_or_none(value: str) -> Lang | None:
    try:
        return normalize_language(value)
    except UnsupportedLanguageError:
        return None


def _negotiate(header: str) -> Lang | None:
    """The best supported language in ``header``, or None when it names none."""
    first, second = (negotiate_language(header, default=code) for code in SUPPORTED_LANGUAGES[:2])
    if first == second or len(SUPPORTED_LANGUAGES) < 2:
        return first
    # The answer follows the default: the header named no supported language.
    return None


def _merge_vary(existing: str | None, extra: Iterable[str]) -> str | None:
    names = [v.strip() for v in (existing or "").split(",") if v.strip()]
    if "*" in names:
        return existing
    have = {n.lower() for n in names}
    for name in extra:
        if name.lower() not in have:
            names.append(name)
            have.add(name.lower())
    return ", ".join(names) if names else None


class MiddlewareOptions:
    """The request-language choice both middlewares share (and the Django middleware reuses).

    Not part of the public API: construct the middlewares instead.
    """

    def __init__(
        self,
        *,
        order: Sequence[str],
        default: str,
        query_param: str,
        cookie_name: str,
        redirect: bool,
        redirect_status: int,
        redirect_exclude: Sequence[str],
    ) -> None:
        if redirect_status not in (301, 302, 303, 307, 308):
            raise WebConfigError(
                f"redirect_status {redirect_status!r} is not a redirect; "
                "accepted: 301, 302, 303, 307, 308"
            )
        if isinstance(redirect_exclude, str):
            raise WebConfigError("redirect_exclude must be a sequence of path prefixes")
        self.selector = LanguageSelector(
            order=order, default=default, query_param=query_param, cookie_name=cookie_name
        )
        self.redirect = redirect
        self.redirect_status = redirect_status
        self.redirect_exclude = tuple(redirect_exclude)

    def wants_redirect(self, method: str, path: str, selection: Selection) -> bool:
        return (
            self.redirect
            and not selection.prefixed
            and method in ("GET", "HEAD")
            and not path.startswith(self.redirect_exclude)
        )


_REASONS: Final = {
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
}

WSGIEnviron = dict[str, Any]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[WSGIEnviron, StartResponse], Iterable[bytes]]


class WSGILanguageMiddleware(MiddlewareOptions):
    """WSGI middleware: each request runs in its language (see the module docs for the order).

    The language is also in ``environ["diplolib.language"]`` and the
    :class:`Selection` in ``environ["diplolib.selection"]``. For Flask, wrap
    ``app.wsgi_app``; for Django, use :class:`diplolib.django.LanguageMiddleware`
    (Django's own test client bypasses WSGI wrappers).

    >>> def app(environ, start_response):
    ...     from diplolib import gettext
    ...     start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    ...     return [gettext("Print").encode()]
    >>> wrapped = WSGILanguageMiddleware(app, redirect=True)
    >>> from wsgiref.util import setup_testing_defaults
    >>> environ = {"PATH_INFO": "/az/page", "HTTP_ACCEPT_LANGUAGE": "en"}
    >>> setup_testing_defaults(environ)
    >>> seen = []
    >>> body = wrapped(environ, lambda status, headers, exc_info=None: seen.append((status, headers)))
    >>> b"".join(body).decode(), dict(seen[0][1])["Content-Language"]
    ('Çap et', 'az')
    """

    def __init__(
        self,
        app: WSGIApp,
        *,
        order: Sequence[str] = DEFAULT_ORDER,
        default: str = DEFAULT_LANGUAGE,
        query_param: str = "lang",
        cookie_name: str = "lang",
        redirect: bool = False,
        redirect_status: int = 302,
        redirect_exclude: Sequence[str] = (),
    ) -> None:
        super().__init__(
            order=order,
            default=default,
            query_param=query_param,
            cookie_name=cookie_name,
            redirect=redirect,
            redirect_status=redirect_status,
            redirect_exclude=redirect_exclude,
        )
        self.app = app

    def __call__(self, environ: WSGIEnviron, start_response: StartResponse) -> Iterable[bytes]:
        """Serve one request (the WSGI entry point).

        >>> wrapped = WSGILanguageMiddleware(lambda e, s: [s("200 OK", []) or b"ok"], redirect=True)
        >>> from wsgiref.util import setup_testing_defaults
        >>> environ = {"PATH_INFO": "/news/", "HTTP_ACCEPT_LANGUAGE": "az"}
        >>> setup_testing_defaults(environ)
        >>> calls = []
        >>> _ = wrapped(environ, lambda status, headers: calls.append((status, dict(headers))))
        >>> calls[0][0], calls[0][1]["Location"]
        ('302 Found', '/az/news/')
        """
        path = _wsgi_path(environ)
        query = environ.get("QUERY_STRING") or ""
        selection = self.selector.select(
            path,
            query=query,
            cookie=environ.get("HTTP_COOKIE"),
            accept_language=environ.get("HTTP_ACCEPT_LANGUAGE"),
        )
        vary = self.selector.vary(selection)
        if self.wants_redirect(environ.get("REQUEST_METHOD", "GET"), path, selection):
            location = environ.get("SCRIPT_NAME", "") + self.selector.redirect_location(
                selection, path, query
            )
            headers = [
                ("Location", location),
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", "0"),
            ]
            vary_value = _merge_vary(None, vary)
            if vary_value:
                headers.append(("Vary", vary_value))
            status = self.redirect_status
            start_response(f"{status} {_REASONS[status]}", headers)
            return []
        environ["diplolib.language"] = selection.lang
        environ["diplolib.selection"] = selection

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers = _with_language_headers(headers, selection.lang, vary)
            if exc_info is None:
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        # The request runs in a context copied while its language is current, so the
        # language stays set while the server iterates the body, with nothing to undo.
        with use_language(selection.lang):
            context = contextvars.copy_context()
        return _ContextIterable(context.run(self.app, environ, start), context)


def _wsgi_path(environ: WSGIEnviron) -> str:
    raw = environ.get("PATH_INFO") or "/"
    # PEP 3333: PATH_INFO is bytes decoded as latin-1; give the selector real text.
    try:
        return str(raw.encode("latin-1").decode("utf-8"))
    except (UnicodeEncodeError, UnicodeDecodeError):
        return str(raw)


def _with_language_headers(
    headers: list[tuple[str, str]], lang: Lang, vary: list[str]
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    has_language = False
    existing_vary: str | None = None
    for name, value in headers:
        lower = name.lower()
        if lower == "content-language":
            has_language = True
        if lower == "vary":
            existing_vary = value if existing_vary is None else existing_vary + ", " + value
            continue
        out.append((name, value))
    if not has_language:
        out.append(("Content-Language", lang))
    merged = _merge_vary(existing_vary, vary)
    if merged:
        out.append(("Vary", merged))
    return out


class _ContextIterable:
    """A WSGI body iterated (and closed) inside the request's context."""

    def __init__(self, result: Iterable[bytes], context: contextvars.Context) -> None:
        self._result = result
        self._context = context

    def __iter__(self) -> Iterator[bytes]:
        iterator = self._context.run(iter, self._result)
        while True:
            try:
                chunk = self._context.run(next, iterator)
            except StopIteration:
                return
            yield chunk

    def close(self) -> None:
        close = getattr(self._result, "close", None)
        if close is not None:
            self._context.run(close)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ASGILanguageMiddleware(MiddlewareOptions):
    """ASGI middleware: each HTTP or WebSocket request runs in its language.

    The order and options are :class:`WSGILanguageMiddleware`'s. The language
    is also in ``scope["diplolib.language"]``. With Starlette or FastAPI,
    ``app.add_middleware(ASGILanguageMiddleware, redirect=True)``.

    >>> import asyncio
    >>> from diplolib import gettext
    >>> async def app(scope, receive, send):
    ...     await send({"type": "http.response.start", "status": 200, "headers": []})
    ...     await send({"type": "http.response.body", "body": gettext("Print").encode()})
    >>> sent = []
    >>> async def send(message):
    ...     sent.append(message)
    >>> scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"",
    ...          "headers": [(b"cookie", b"lang=az"), (b"accept-language", b"en")]}
    >>> asyncio.run(ASGILanguageMiddleware(app)(scope, None, send))
    >>> sent[0]["headers"], sent[1]["body"].decode()
    ([(b'content-language', b'az'), (b'vary', b'Cookie')], 'Çap et')
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        order: Sequence[str] = DEFAULT_ORDER,
        default: str = DEFAULT_LANGUAGE,
        query_param: str = "lang",
        cookie_name: str = "lang",
        redirect: bool = False,
        redirect_status: int = 302,
        redirect_exclude: Sequence[str] = (),
    ) -> None:
        super().__init__(
            order=order,
            default=default,
            query_param=query_param,
            cookie_name=cookie_name,
            redirect=redirect,
            redirect_status=redirect_status,
            redirect_exclude=redirect_exclude,
        )
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one connection (the ASGI entry point); other scope types pass through.

        >>> import asyncio
        >>> async def app(scope, receive, send):
        ...     raise AssertionError("not reached: the bare path is redirected")
        >>> sent = []
        >>> async def send(message):
        ...     sent.append(message)
        >>> scope = {"type": "http", "method": "GET", "path": "/news/", "query_string": b"",
        ...          "headers": [(b"accept-language", b"az")]}
        >>> asyncio.run(ASGILanguageMiddleware(app, redirect=True)(scope, None, send))
        >>> sent[0]["status"], dict(sent[0]["headers"])[b"location"]
        (302, b'/az/news/')
        """
        if scope.get("type") not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        # Servers and frameworks following the current ASGI spec include root_path in path;
        # the language prefix comes right after the mount point either way.
        root = str(scope.get("root_path") or "").rstrip("/")
        path = str(scope.get("path") or "/")
        if root and (path == root or path.startswith(root + "/")):
            path = path[len(root) :] or "/"
        query = bytes(scope.get("query_string") or b"").decode("latin-1")
        cookie = accept = None
        for name, value in scope.get("headers") or ():
            if name == b"cookie":
                cookie = value.decode("latin-1") if cookie is None else cookie
            elif name == b"accept-language":
                accept = value.decode("latin-1") if accept is None else accept
        selection = self.selector.select(path, query=query, cookie=cookie, accept_language=accept)
        vary = self.selector.vary(selection)
        if scope["type"] == "http" and self.wants_redirect(
            str(scope.get("method", "GET")), path, selection
        ):
            location = root + self.selector.redirect_location(selection, path, query)
            headers = [
                (b"location", location.encode("latin-1")),
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", b"0"),
            ]
            vary_value = _merge_vary(None, vary)
            if vary_value:
                headers.append((b"vary", vary_value.encode("latin-1")))
            await send(
                {"type": "http.response.start", "status": self.redirect_status, "headers": headers}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        scope["diplolib.language"] = selection.lang
        scope["diplolib.selection"] = selection

        async def send_with_headers(message: Message) -> None:
            if message.get("type") == "http.response.start":
                pairs = [
                    (name.decode("latin-1"), value.decode("latin-1"))
                    for name, value in message.get("headers") or ()
                ]
                merged = _with_language_headers(pairs, selection.lang, vary)
                message = dict(message)
                message["headers"] = [
                    (name.lower().encode("latin-1"), value.encode("latin-1"))
                    for name, value in merged
                ]
            await send(message)

        with use_language(selection.lang):
            await self.app(scope, receive, send_with_headers)
