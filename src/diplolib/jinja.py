"""Jinja2 integration: diplolib's UI strings, formatters and localized fields in templates.

Install the extra (``pip install 'diplolib[jinja]'``) and build an
environment with :func:`create_environment`. Autoescaping is on for HTML and
XML templates and for templates made from strings, and diplolib's values stay
safe by default:

* ``_()``/``gettext()``, ``ngettext()``, ``pgettext()``, ``npgettext()`` and
  ``{% trans %}`` blocks translate through diplolib's catalogs (host catalogs
  added with :func:`diplolib.i18n.add_catalog` or :func:`~diplolib.i18n.use_catalogs`
  included). **Translations are text, not markup**: the translated string and
  every parameter are escaped, so neither a hostile translation nor a hostile
  value can inject HTML. A parameter that is already markup (the output of
  ``|localize``, or a ``Markup`` value) is inserted as it is.
* Placeholders: strings called from templates use diplolib's safe ``{name}``
  syntax (``_("Page {page} of {pages}", page=2, pages=9)``), including the
  Azerbaijani case specs (``{name:genitive}``). ``{% trans %}`` blocks produce
  printf-style ``%(name)s`` msgids, and those are filled printf-style. A msgid
  is printf-style when it contains ``%(`` or ``%%``; otherwise it is a
  ``{name}`` template. ``ngettext`` passes the count as ``{n}`` (and as
  ``%(num)s``, as Jinja2 does); ``zero=`` gives a zero wording.
* Filters (and globals) ``format_date``, ``format_datetime``, ``format_dateline``,
  ``format_name``, ``format_number``, ``format_ordinal``; the filter ``localize`` (a
  :class:`~diplolib.text.LocalizedText` in the page language; a value served
  in another language is wrapped in ``<span lang="…" class="fallback">``).
* Globals ``current_language()``, ``comment_count(n)``,
  ``language_name(code, lang=None, in_sentence=False)``,
  ``canonical_url(item)``, ``hreflang_links(item)``, ``hreflang_tags(item)``
  (the ``<link rel="alternate">`` elements) and ``jsonld(item)`` (a safe
  ``<script type="application/ld+json">``).

The language is the ``lang`` given to :func:`create_environment`, or else the
current :func:`~diplolib.use_language` language when a template renders, so one
environment can serve both languages. :func:`diplolib.preview.build_preview`
writes the static preview site behind ``diplolib preview`` with it
(``diplolib.jinja.build_preview`` still works but is deprecated).

>>> from diplolib import LocalizedText, use_language
>>> env = create_environment()
>>> page = env.from_string("{{ _('Print') }} · {{ title|localize }} · {{ _('By {author}', author=who) }}")
>>> with use_language("az"):
...     page.render(title=LocalizedText(en="Foreign press"), who="<Ali>")
'Çap et · <span lang="en" class="fallback">Foreign press</span> · Müəllif: &lt;Ali&gt;'
"""

from __future__ import annotations

__all__ = [
    "FALLBACK_CLASS",
    "create_environment",
    "package_loader",
]

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import jinja2
import jinja2.ext
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import i18n as _i18n
from ._gettext.template import GRAMMATICAL_CASES, TemplateError, parse_template, render
from .errors import ArgumentTypeError
from .languages import Lang, resolve_language
from .publish import canonical_url, dumps_jsonld, hreflang_links, to_jsonld
from .text import LocalizedText

if TYPE_CHECKING:
    from .models import Item
    from .reader import ContentReader

_log = logging.getLogger("diplolib.jinja")

FALLBACK_CLASS: Final = "fallback"
"""The class of the ``<span>`` that ``|localize`` puts around a fallback value."""


def package_loader() -> jinja2.BaseLoader:
    """A loader for the templates that ship with diplolib (``preview/*.html``).

    >>> "preview/article.html" in package_loader().list_templates()
    True
    """
    return jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates")


# ---------------------------------------------------------------------------
# UI strings


def _is_printf(message: str) -> bool:
    return "%(" in message or "%%" in message


def _markup_format(text: str, source: str, params: Mapping[str, Any], lang: Lang) -> Markup:
    """Fill a ``{name}`` template, escaping its literal text and every non-markup value."""
    try:
        template = parse_template(text)
    except TemplateError as exc:
        _log.warning("UI string %r is not a valid template: %s", source, exc)
        return escape(text)
    inflect = _i18n.placeholder_inflection(lang)
    out: list[str] = []
    missing: list[str] = []
    for part in template.parts:
        if isinstance(part, str):
            out.append(escape(part))
            continue
        name, spec = part
        if name not in params:
            missing.append(name)
            out.append(escape("{" + name + (":" + spec if spec else "") + "}"))
            continue
        value = params[name]
        if hasattr(value, "__html__"):
            html = Markup(value.__html__())
            if spec in GRAMMATICAL_CASES and inflect is not None:
                html = _inflect_markup(html, spec, inflect)
            out.append(html)
            continue
        field = parse_template("{" + name + (":" + spec if spec else "") + "}")
        filled, _ = render(field, {name: value}, inflect)
        out.append(escape(filled))
    if missing:
        _log.warning("UI string %r was rendered without parameter(s) %s", source, missing)
    return Markup("".join(out))


_TAG_RE: Final = re.compile(r"(<[^>]*>)")


def _inflect_markup(html: Markup, case: str, inflect: Callable[[str, str], str]) -> Markup:
    """Inflect the text of ``html`` and keep its tags: the ending goes into the last text.

    ``<span lang="en" class="fallback">Johnson &amp; Johnson</span>`` in the
    genitive becomes ``<span …>Johnson &amp; Johnsonun</span>``. When the
    inflection changes text before the last text node (which no Azerbaijani
    ending does), the plain inflected text is returned, escaped, without tags.

    >>> from diplolib.i18n import placeholder_inflection
    >>> _inflect_markup(Markup('<span lang="en" class="fallback">Johnson &amp; Johnson</span>'),
    ...                 "genitive", placeholder_inflection("az"))
    Markup('<span lang="en" class="fallback">Johnson &amp; Johnsonun</span>')
    """
    pieces = _TAG_RE.split(str(html))
    texts = [Markup(p).unescape() if i % 2 == 0 else p for i, p in enumerate(pieces)]
    plain = "".join(texts[0::2])
    try:
        inflected = inflect(plain, case)
    except Exception:
        return html  # a word the rules cannot inflect is shown as given, as in plain text
    last = max((i for i in range(0, len(texts), 2) if texts[i]), default=None)
    if last is None:
        return html
    start = sum(len(texts[i]) for i in range(0, last, 2))
    if inflected[:start] != plain[:start]:
        return escape(inflected)
    pieces[last] = str(escape(inflected[start:]))
    return Markup("".join(pieces))


def _printf_format(
    text: str, source: str, params: Mapping[str, Any], autoescape: bool
) -> str | Markup:
    """Jinja2's own ``%(name)s`` filling, made safe: a translation that does not fit
    its parameters falls back to the source string instead of raising."""
    for candidate in (text, source):
        try:
            if autoescape:
                return escape(candidate) % dict(params)
            return candidate % dict(params)
        except (KeyError, ValueError, TypeError) as exc:
            _log.warning("UI string %r could not be filled (%s): %s", candidate, source, exc)
    return escape(source) if autoescape else source


def _fill(
    context: Context, text: str, source: str, params: Mapping[str, Any], lang: Lang
) -> str | Markup:
    autoescape = bool(context.eval_ctx.autoescape)
    if _is_printf(source):
        return _printf_format(text, source, params, autoescape)
    if autoescape:
        return _markup_format(text, source, params, lang)
    if params or "{" in text or "}" in text:
        return _i18n._format(text, source, params, lang)
    return text


def _pick_plural(
    lang: Lang, context: str | None, singular: str, plural: str, n: int, zero: str | None
) -> tuple[str, str]:
    chain = _i18n.get_chain(lang)
    if zero is not None and n == 0:
        text = chain.messages.get((context, zero), zero) if context is not None else zero
        if text is zero:
            text = chain.messages.get(zero, zero)
        return text, zero
    source = singular if n == 1 else plural
    if context is None:
        return chain.ngettext(singular, plural, n), source
    return chain.npgettext(context, singular, plural, n), source


def _gettext_callables(language: Callable[[], Lang]) -> dict[str, Any]:
    @pass_context
    def gettext(context: Context, message: str, /, **params: Any) -> str | Markup:
        lang = language()
        return _fill(context, _i18n.get_chain(lang).gettext(message), message, params, lang)

    @pass_context
    def pgettext(context: Context, ctx: str, message: str, /, **params: Any) -> str | Markup:
        lang = language()
        text = _i18n.get_chain(lang).pgettext(ctx, message)
        return _fill(context, text, message, params, lang)

    def plural(
        context: Context, ctx: str | None, singular: str, plural: str, n: int, params: Any
    ) -> str | Markup:
        lang = language()
        count = _i18n._count(n)
        zero = params.pop("zero", None)
        params.setdefault("num", count)
        params.setdefault("n", count)
        text, source = _pick_plural(lang, ctx, singular, plural, count, zero)
        return _fill(context, text, source, params, lang)

    @pass_context
    def ngettext(
        context: Context, singular: str, plural_: str, n: int, /, **params: Any
    ) -> str | Markup:
        return plural(context, None, singular, plural_, n, params)

    @pass_context
    def npgettext(
        context: Context, ctx: str, singular: str, plural_: str, n: int, /, **params: Any
    ) -> str | Markup:
        return plural(context, ctx, singular, plural_, n, params)

    return {
        "_": gettext,
        "gettext": gettext,
        "ngettext": ngettext,
        "pgettext": pgettext,
        "npgettext": npgettext,
    }


# ---------------------------------------------------------------------------
# Filters and globals


def _localize(language: Callable[[], Lang]) -> Callable[..., str | Markup]:
    @pass_context  # never folded at compile time: the language is known only when rendering
    def localize(
        context: Context,
        value: LocalizedText | str | None,
        lang: str | None = None,
        fallback: bool = True,
    ) -> str | Markup:
        if value is None or isinstance(value, jinja2.Undefined):
            return ""
        if isinstance(value, str):
            return value
        if not isinstance(value, LocalizedText):
            raise ArgumentTypeError(
                f"localize expects a LocalizedText (or a str), not {type(value).__name__}"
            )
        resolved = value.resolve(lang or language(), fallback=fallback)
        if resolved.value is None:
            return ""
        if not context.eval_ctx.autoescape:
            return resolved.value
        if resolved.is_fallback:
            return Markup('<span lang="{}" class="{}">{}</span>').format(
                resolved.lang, FALLBACK_CLASS, resolved.value
            )
        return escape(resolved.value)

    return localize


def _formatters(language: Callable[[], Lang], library: ContentReader | None) -> dict[str, Any]:
    from . import dates, names, numbers

    # pass_context keeps Jinja2 from evaluating `{{ 25|format_ordinal }}` once, at
    # compile time, in whatever language was current then.
    @pass_context
    def format_date(context: Context, value: Any, style: dates.DateStyle = "long") -> str:
        return dates.format_date(value, style, lang=language())

    @pass_context
    def format_datetime(
        context: Context, value: dt.datetime, style: dates.DateStyle = "long"
    ) -> str:
        return dates.format_datetime(value, style, lang=language())

    @pass_context
    def format_dateline(
        context: Context, place: Any, date: Any, style: dates.DateStyle = "long"
    ) -> str:
        return dates.format_dateline(place, date, style, lang=language())

    @pass_context
    def format_name(
        context: Context, person: Any, style: names.NameStyle = "full", case: str | None = None
    ) -> str:
        return names.format_name(person, style, lang=language(), case=case, library=library)

    @pass_context
    def format_number(context: Context, value: Any, decimals: int | None = None) -> str:
        return numbers.format_number(value, decimals=decimals, lang=language())

    @pass_context
    def format_ordinal(context: Context, n: int) -> str:
        return numbers.format_ordinal(n, lang=language())

    return {
        "format_date": format_date,
        "format_datetime": format_datetime,
        "format_dateline": format_dateline,
        "format_name": format_name,
        "format_number": format_number,
        "format_ordinal": format_ordinal,
    }


def _publishing(
    language: Callable[[], Lang],
    library: ContentReader | None,
    base_url: str,
    patterns: Mapping[str, str] | None,
) -> dict[str, Any]:
    from ._ui_strings import comment_count
    from .languages import language_name

    def _canonical_url(item: Item, lang: str | None = None, base_url: str = base_url) -> str:
        return canonical_url(item, lang or language(), base_url=base_url, patterns=patterns)

    def _hreflang_links(item: Item, base_url: str = base_url) -> list[Any]:
        return hreflang_links(item, base_url=base_url, patterns=patterns)

    def hreflang_tags(item: Item, base_url: str = base_url) -> Markup:
        links = hreflang_links(item, base_url=base_url, patterns=patterns)
        return Markup("\n").join(
            Markup('<link rel="alternate" hreflang="{}" href="{}">').format(code, href)
            for code, href in links
        )

    def jsonld(item: Item, base_url: str = base_url) -> Markup:
        data = to_jsonld(item, language(), library=library, base_url=base_url, patterns=patterns)
        return Markup('<script type="application/ld+json">{}</script>').format(
            Markup(dumps_jsonld(data))
        )

    return {
        "current_language": language,
        "comment_count": lambda n: comment_count(n, lang=language()),
        # language_name(code, lang=code) names a language in itself, as a switcher does.
        "language_name": lambda code, lang=None, in_sentence=False: language_name(
            code, lang=lang or language(), in_sentence=in_sentence
        ),
        "canonical_url": _canonical_url,
        "hreflang_links": _hreflang_links,
        "hreflang_tags": hreflang_tags,
        "jsonld": jsonld,
    }


def create_environment(
    lang: str | None = None,
    loader: jinja2.BaseLoader | None = None,
    *,
    templates: str | Path | Sequence[str | Path] = (),
    library: ContentReader | None = None,
    base_url: str = "",
    url_patterns: Mapping[str, str] | None = None,
    **options: Any,
) -> jinja2.Environment:
    """A Jinja2 environment wired to diplolib's translations, formatters and URLs.

    ``lang`` fixes the language; by default each render uses the current
    :func:`~diplolib.use_language` language. ``loader`` defaults to
    :func:`package_loader`; folders in ``templates`` are searched first, so an
    application overrides a shipped template by putting a file of the same
    name there. ``library`` lets ``format_name`` and ``jsonld`` look up
    referenced items; ``base_url`` and ``url_patterns`` shape the URLs (see
    :mod:`diplolib.publish`). Other keyword ``options`` go to
    :class:`jinja2.Environment`; ``autoescape`` defaults to on for ``.html``,
    ``.htm``, ``.xml`` and string templates, and ``{% trans %}`` blocks are
    trimmed (whitespace collapsed), as the extractor sees them.

    >>> env = create_environment("az")
    >>> env.from_string("{{ ngettext('{n} comment', '{n} comments', 5) }} · {{ 1234567.5|format_number }}").render()
    '5 şərh · 1.234.567,5'
    >>> env.from_string("{% trans n=3 %}{{ n }} items{% endtrans %}").render()
    '3 items'
    """
    fixed: Lang | None = resolve_language(lang) if lang is not None else None

    def language() -> Lang:
        return fixed if fixed is not None else resolve_language(None)

    extensions = list(options.pop("extensions", ()))
    if "jinja2.ext.i18n" not in extensions and jinja2.ext.i18n not in extensions:
        extensions.append("jinja2.ext.i18n")
    options.setdefault(
        "autoescape",
        jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=True, default=False),
    )
    folders = [templates] if isinstance(templates, str | Path) else list(templates)
    base = loader if loader is not None else package_loader()
    if folders:
        base = jinja2.ChoiceLoader([jinja2.FileSystemLoader([str(f) for f in folders]), base])
    env = jinja2.Environment(loader=base, extensions=extensions, **options)
    env.policies["ext.i18n.trimmed"] = True
    # Jinja2's install_gettext_callables(newstyle=True) hands the callables the
    # message only, so {name} parameters could not reach diplolib's safe
    # formatter; these callables follow the same newstyle contract themselves.
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(_gettext_callables(language))
    env.globals.update(_publishing(language, library, base_url, url_patterns))
    formatters = _formatters(language, library)
    env.filters.update(formatters)
    env.globals.update(formatters)
    env.filters["localize"] = _localize(language)
    return env


def __getattr__(name: str) -> Any:
    # The preview builds on this module, not the other way round; the old name is
    # looked up by module name so this module does not import the preview.
    if name == "build_preview":
        import importlib
        import warnings

        warnings.warn(
            "diplolib.jinja.build_preview is deprecated; use diplolib.preview.build_preview",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module("diplolib.preview").build_preview
    # Builtin on purpose: a module __getattr__ must raise AttributeError.
    raise AttributeError(f"module 'diplolib.jinja' has no attribute {name!r}")
