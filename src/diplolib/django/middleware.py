"""The request's language in Django, chosen like :mod:`diplolib.web` chooses it.

Options come from the ``DIPLOLIB_LANGUAGE`` setting, a dict with the keywords
of :class:`~diplolib.web.WSGILanguageMiddleware` (``order``, ``default``,
``query_param``, ``cookie_name``, ``redirect``, ``redirect_status``,
``redirect_exclude``).
"""

from __future__ import annotations

__all__ = ["LanguageMiddleware"]

from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers

from ..languages import DEFAULT_LANGUAGE, use_language
from ..web import DEFAULT_ORDER, MiddlewareOptions, WebConfigError

_OPTIONS = (
    "order",
    "default",
    "query_param",
    "cookie_name",
    "redirect",
    "redirect_status",
    "redirect_exclude",
)


class LanguageMiddleware:
    """Django middleware: each request runs in its diplolib language.

    The language is current while the view runs (so diplolib's ``gettext``,
    formatters and ``LocalizedText`` follow it), Django's own translation is
    activated for it too, and it is in ``request.diplolib_language``. The
    response gets ``Content-Language`` (unless the view set one) and ``Vary``.
    A streaming response's body is produced after the middleware returns:
    pass ``lang=`` explicitly inside such generators.

    >>> from django.http import HttpResponse
    >>> middleware = LanguageMiddleware(lambda request: HttpResponse("ok"), order=["header"])
    >>> middleware.options.selector.order
    ('header',)
    """

    def __init__(
        self, get_response: Callable[[HttpRequest], HttpResponseBase], **overrides: Any
    ) -> None:
        from django.conf import settings

        configured = getattr(settings, "DIPLOLIB_LANGUAGE", {}) if settings.configured else {}
        if not isinstance(configured, Mapping):
            raise WebConfigError(
                f"DIPLOLIB_LANGUAGE must be a dict of options, not {type(configured).__name__}"
            )
        options = {**configured, **overrides}
        unknown = sorted(set(options) - set(_OPTIONS))
        if unknown:
            raise WebConfigError(
                f"unknown DIPLOLIB_LANGUAGE option(s) {', '.join(map(repr, unknown))}; "
                f"accepted: {', '.join(_OPTIONS)}"
            )
        self.get_response = get_response
        self.options = MiddlewareOptions(
            order=options.get("order", DEFAULT_ORDER),
            default=options.get("default", DEFAULT_LANGUAGE),
            query_param=options.get("query_param", "lang"),
            cookie_name=options.get("cookie_name", "lang"),
            redirect=bool(options.get("redirect", False)),
            redirect_status=int(options.get("redirect_status", 302)),
            redirect_exclude=options.get("redirect_exclude", ()),
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        """Serve one request.

        >>> from django.http import HttpResponse
        >>> LanguageMiddleware(lambda r: HttpResponse()).options.redirect
        False
        """
        selector = self.options.selector
        meta = request.META
        path = request.path_info
        query = meta.get("QUERY_STRING", "")
        selection = selector.select(
            path,
            query=query,
            cookie=meta.get("HTTP_COOKIE"),
            accept_language=meta.get("HTTP_ACCEPT_LANGUAGE"),
        )
        vary = selector.vary(selection)
        response: HttpResponseBase
        if self.options.wants_redirect(request.method or "GET", path, selection):
            location = request.META.get("SCRIPT_NAME", "") + selector.redirect_location(
                selection, path, query
            )
            response = HttpResponse(status=self.options.redirect_status)
            response["Location"] = location
        else:
            request.diplolib_language = selection.lang
            with use_language(selection.lang), translation.override(selection.lang):
                response = self.get_response(request)
            if not response.has_header("Content-Language"):
                response["Content-Language"] = selection.lang
        if vary:
            patch_vary_headers(response, vary)
        return response
