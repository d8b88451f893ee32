"""Catalog files, catalog layers and per-language fallback chains.

Pipeline (each step in its own place):

1. ``_po`` / ``_mo`` read a file strictly into entries;
2. :func:`build_catalog` validates the header (language, Plural-Forms) and
   every entry, dropping — with a logged warning naming file and line — a
   translation whose placeholders do not match its source, whose number of
   plural forms is wrong, or that uses an unsafe placeholder;
3. a :class:`CatalogLayer` is one directory + domain (the library's own, or a
   host application's), with one :class:`Catalog` per language;
4. a :class:`FallbackChain` is what one language consults, most specific
   first: the host layers' catalogs, the library's, then the same for the
   fallback language (English), then the source string itself.

>>> chain = FallbackChain("az", [])
>>> chain.gettext("Print")
'Print'
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..errors import CatalogError, CatalogLanguageError, UnsupportedLanguageError
from ..languages import (
    SUPPORTED_LANGUAGES,
    Lang,
    fallback_chain,
    language_spec,
    normalize_language,
)
from .mo import read_mo, write_mo
from .plural import PluralFormsError, PluralRule, parse_plural_forms
from .po import PoEntry, PoFile, parse_po
from .printf import is_printf_source, printf_problem
from .template import placeholder_names

if TYPE_CHECKING:
    from babel.support import Translations

__all__ = [
    "LIBRARY_DOMAIN",
    "UI_FALLBACKS",
    "Catalog",
    "CatalogLayer",
    "FallbackChain",
    "Key",
    "build_catalog",
    "check_language",
    "load_catalog_file",
]

_log = logging.getLogger("diplolib.i18n")

LIBRARY_DOMAIN: Final = "diplolib"
"""The gettext domain of diplolib's own catalogs."""


class _UiFallbacks(Mapping[Lang, tuple[Lang, ...]]):
    def __getitem__(self, lang: Lang) -> tuple[Lang, ...]:
        if lang not in SUPPORTED_LANGUAGES:
            # Builtin on purpose: the Mapping protocol (get(), in) relies on KeyError.
            raise KeyError(lang)
        return fallback_chain(lang, ui=True)

    def __iter__(self) -> Iterator[Lang]:
        return iter(SUPPORTED_LANGUAGES)

    def __len__(self) -> int:
        return len(SUPPORTED_LANGUAGES)


UI_FALLBACKS: Final[Mapping[Lang, tuple[Lang, ...]]] = _UiFallbacks()
"""Languages whose catalogs a UI string is looked up in, in order, before the source string
(a live view of :func:`~diplolib.languages.fallback_chain` with ``ui=True``)."""

Key = str | tuple[str, str]
"""A lookup key: the msgid, or ``(msgctxt, msgid)``."""

_DOMAIN_RE: Final = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")


def _warn(file: str, line: int | None, msgid: str, reason: str) -> None:
    where = f"{file}:{line}" if line is not None else file
    _log.warning("%s: translation of %r ignored: %s", where, msgid[:80], reason)


def _names(text: str) -> frozenset[str] | None:
    return placeholder_names(text) if ("{" in text or "}" in text) else frozenset()


def _fmt(names: frozenset[str] | None) -> str:
    if names is None:
        return "(invalid placeholders)"
    return "{" + ", ".join(sorted(names)) + "}" if names else "none"


def _check_entry(entry: PoEntry, rule: PluralRule) -> str | None:
    """Why the entry's translation must not be used, or None when it is fine."""
    for text in (entry.msgid, entry.msgctxt or "", entry.msgid_plural or ""):
        if "\x00" in text or "\x04" in text:
            return "msgid or msgctxt contains a control character used by the .mo format"
    if is_printf_source(entry.msgid, entry.flags):
        sources = (
            (entry.msgid,) if entry.msgid_plural is None else (entry.msgid, entry.msgid_plural)
        )
        for text in entry.translations:
            problem = printf_problem(text, *sources)
            if problem is not None:
                return problem
    source = _names(entry.msgid)
    if entry.msgid_plural is not None:
        plural = _names(entry.msgid_plural)
        allowed = None if source is None or plural is None else source | plural
        if len(entry.msgstr_plural) != rule.nplurals:
            return (
                f"it has {len(entry.msgstr_plural)} plural forms, the header's Plural-Forms "
                f"says nplurals={rule.nplurals}"
            )
        for index, form in enumerate(entry.msgstr_plural):
            names = _names(form)
            if names is None:
                return f"msgstr[{index}] has an unsafe or malformed placeholder"
            if allowed is None:
                if names:
                    return f"msgstr[{index}] has placeholders the source cannot fill"
            elif not names <= allowed:
                return (
                    f"msgstr[{index}] placeholders {_fmt(names)} are not among the "
                    f"source's {_fmt(allowed)}"
                )
        return None
    names = _names(entry.msgstr)
    if names is None:
        return "the translation has an unsafe or malformed placeholder"
    if source is None:
        return None if not names else "the translation has placeholders the source cannot fill"
    if names != source:
        return f"placeholders {_fmt(names)} differ from the source's {_fmt(source)}"
    return None


@dataclass(frozen=True, slots=True, eq=False)
class Catalog:
    """One validated catalog file for one language.

    ``messages`` maps keys to translations; ``plurals`` maps keys to
    ``(msgid_plural, forms)``. Only usable translations are kept: fuzzy,
    empty and invalid entries are left out.

    >>> po = parse_po(b'msgid "Print"\\nmsgstr "\\xc3\\x87ap et"\\n', "az.po")
    >>> build_catalog(po, "az").messages
    {'Print': 'Çap et'}
    """

    file: str
    lang: Lang
    plural: PluralRule
    messages: Mapping[Key, str]
    plurals: Mapping[Key, tuple[str, tuple[str, ...]]]
    ignored: int = 0


def build_catalog(po: PoFile, lang: Lang) -> Catalog:
    """Validate a parsed file for ``lang`` and keep its usable translations.

    Raises :class:`~diplolib.errors.CatalogError` when the header names another
    language or has a malformed or unsafe ``Plural-Forms``.

    >>> po = parse_po(b'msgid ""\\nmsgstr "Plural-Forms: nplurals=2; plural=n/0;\\\\n"\\n', "az.po")
    >>> build_catalog(po, "az")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: az.po:1: bad Plural-Forms header: plural expression 'n/0' divides by zero for n=0
    """
    declared = po.header_value("Language")
    if declared:
        try:
            header_lang: Lang | None = normalize_language(declared)
        except UnsupportedLanguageError:
            header_lang = None
        if header_lang != lang:
            raise CatalogError(
                f"header says Language: {declared[:40]!r}, but the file is the catalog for {lang!r}",
                file=po.file,
                line=po.header_line,
            )
    try:
        rule = parse_plural_forms(
            po.header_value("Plural-Forms") or language_spec(lang).plural_forms
        )
    except PluralFormsError as exc:
        raise CatalogError(
            f"bad Plural-Forms header: {exc}", file=po.file, line=po.header_line
        ) from None
    messages: dict[Key, str] = {}
    plurals: dict[Key, tuple[str, tuple[str, ...]]] = {}
    ignored = 0
    for entry in po.entries:
        if entry.is_fuzzy or not entry.is_translated:
            continue
        problem = _check_entry(entry, rule)
        if problem is not None:
            _warn(po.file, entry.line, entry.msgid, problem)
            ignored += 1
            continue
        if entry.msgid_plural is not None:
            plurals[entry.key] = (entry.msgid_plural, entry.msgstr_plural)
        else:
            messages[entry.key] = entry.msgstr
    return Catalog(po.file, lang, rule, messages, plurals, ignored)


def load_catalog_file(path: Path, lang: Lang) -> Catalog:
    """Read, parse and validate one ``.po`` or ``.mo`` file.

    >>> load_catalog_file(Path("missing.po"), "az")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: missing.po: cannot read the catalog: no such file
    """
    file = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError("cannot read the catalog: no such file", file=file) from None
    except OSError as exc:
        raise CatalogError(f"cannot read the catalog: {exc.strerror or exc}", file=file) from None
    po = read_mo(data, file) if path.suffix == ".mo" else parse_po(data, file)
    return build_catalog(po, lang)


class CatalogLayer:
    """One catalog directory and domain, with at most one catalog file per language.

    The folder follows the gettext layout ``DIR/<lang>/LC_MESSAGES/<domain>.po``
    (or ``.mo``); ``<lang>`` may also be a regional folder such as ``az_AZ``.
    A host application's layer is loaded eagerly, so a broken catalog shows up
    when it is added rather than when a page renders.

    >>> import tempfile
    >>> CatalogLayer(tempfile.gettempdir() + "/no-such-folder", "myapp")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: .../no-such-folder: catalog folder does not exist
    """

    def __init__(self, directory: str | Path, domain: str, *, eager: bool = True) -> None:
        if not isinstance(domain, str) or _DOMAIN_RE.fullmatch(domain) is None:
            raise CatalogError(
                f"invalid gettext domain {domain!r}: use letters, digits, '_', '-' or '.', "
                "up to 64 characters, not starting with '.'"
            )
        path = Path(directory)
        if not path.is_dir():
            raise CatalogError("catalog folder does not exist", file=str(path))
        self.directory = path
        self.domain = domain
        self._files: dict[Lang, Path] = {}
        for lang in SUPPORTED_LANGUAGES:
            found = self._find(lang)
            if found is not None:
                self._files[lang] = found
        if not self._files:
            raise CatalogError(
                f"no catalog for domain {domain!r}: expected <lang>/LC_MESSAGES/{domain}.po "
                f"(or .mo) for one of {', '.join(SUPPORTED_LANGUAGES)}",
                file=str(path),
            )
        self._catalogs: dict[Lang, Catalog] = {}
        self._lock = threading.Lock()
        if eager:
            for lang in self._files:
                self.catalog(lang)

    def _find(self, lang: Lang) -> Path | None:
        # Folder names come from the language's specification, never from caller input.
        for folder in language_spec(lang).locale_folders:
            for suffix in (".po", ".mo"):
                candidate = self.directory / folder / "LC_MESSAGES" / f"{self.domain}{suffix}"
                if candidate.is_file():
                    return candidate
        return None

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages this layer has a catalog file for.

        >>> from diplolib._resources import locales_dir
        >>> CatalogLayer(locales_dir(), "diplolib", eager=False).languages
        ('en', 'az')
        """
        return tuple(self._files)

    def catalog(self, lang: Lang) -> Catalog | None:
        """The loaded catalog for ``lang`` (read on first use), or None if there is none.

        >>> from diplolib._resources import locales_dir
        >>> CatalogLayer(locales_dir(), "diplolib").catalog("az").messages["Print"]
        'Çap et'
        """
        cached = self._catalogs.get(lang)
        if cached is not None:
            return cached
        path = self._files.get(lang)
        if path is None:
            return None
        with self._lock:
            cached = self._catalogs.get(lang)
            if cached is None:
                cached = self._catalogs[lang] = load_catalog_file(path, lang)
        return cached

    def __repr__(self) -> str:
        return f"CatalogLayer({str(self.directory)!r}, {self.domain!r})"


@dataclass(eq=False)
class FallbackChain:
    """The catalogs one language consults, most specific first, flattened for lookup.

    Lookups return the first catalog's translation, or the source string. A
    plural form is chosen with the plural rule of the catalog that supplied it.
    These methods do no placeholder formatting; :mod:`diplolib.i18n` does.

    >>> from diplolib._resources import locales_dir
    >>> az = CatalogLayer(locales_dir(), "diplolib").catalog("az")
    >>> chain = FallbackChain("az", [az] if az else [])
    >>> chain.ngettext("{n} comment", "{n} comments", 5)
    '{n} şərh'
    """

    lang: Lang
    catalogs: Sequence[Catalog]
    messages: dict[Key, str] = field(init=False, repr=False)
    plurals: dict[Key, tuple[tuple[str, ...], PluralRule]] = field(init=False, repr=False)
    plain: dict[object, str] = field(init=False, repr=False)
    _mo: dict[Lang, bytes] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.catalogs = tuple(self.catalogs)
        self.messages = {}
        self.plurals = {}
        for catalog in reversed(self.catalogs):
            self.messages.update(catalog.messages)
            for key, (_, forms) in catalog.plurals.items():
                self.plurals[key] = (forms, catalog.plural)
        # Translations that need no formatting when no parameters are given.
        self.plain = {
            key: text for key, text in self.messages.items() if "{" not in text and "}" not in text
        }

    def gettext(self, message: str) -> str:
        """The translation of ``message``, or ``message`` itself.

        >>> FallbackChain("en", []).gettext("Print")
        'Print'
        """
        return self.messages.get(message, message)

    def pgettext(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context``, or ``message`` itself.

        >>> FallbackChain("en", []).pgettext("menu", "Print")
        'Print'
        """
        return self.messages.get((context, message), message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for ``n``, or the source singular/plural (English rule).

        >>> FallbackChain("en", []).ngettext("{n} comment", "{n} comments", 2)
        '{n} comments'
        """
        return self._plural(singular, singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        """:meth:`ngettext` with a context.

        >>> FallbackChain("en", []).npgettext("ctx", "{n} view", "{n} views", 1)
        '{n} view'
        """
        return self._plural((context, singular), singular, plural, n)

    def _plural(self, key: Key, singular: str, plural: str, n: int) -> str:
        hit = self.plurals.get(key)
        if hit is None:
            return singular if n == 1 else plural
        forms, rule = hit
        return forms[rule.index(n)]

    def source_of(self, key: Key) -> Catalog | None:
        """The catalog whose translation wins for ``key``, or None (the source string is used).

        >>> FallbackChain("az", []).source_of("Print") is None
        True
        """
        for catalog in self.catalogs:
            if key in catalog.messages or key in catalog.plurals:
                return catalog
        return None

    def translations(self, domain: str = LIBRARY_DOMAIN) -> Translations:
        """A fresh babel ``Translations`` holding this chain, for Jinja2 and other gettext users.

        Catalogs of the chain's own language are merged into one object; those
        of the fallback language become its ``add_fallback`` chain.

        >>> FallbackChain("az", []).translations().gettext("Print")
        'Print'
        """

        langs: list[Lang] = list(dict.fromkeys([self.lang, *(c.lang for c in self.catalogs)]))
        result: Translations | None = None
        for lang in langs:
            data = self._mo.get(lang)
            if data is None:
                catalogs = [c for c in self.catalogs if c.lang == lang]
                data = self._mo[lang] = compile_mo(catalogs, lang, plural_forms=False)
            layer = _translations_layer(data, domain, self._rule(lang))
            if result is None:
                result = layer
            else:
                result.add_fallback(layer)
        assert result is not None
        return result

    def _rule(self, lang: Lang) -> PluralRule:
        catalogs = [c for c in self.catalogs if c.lang == lang]
        return (
            catalogs[0].plural if catalogs else parse_plural_forms(language_spec(lang).plural_forms)
        )


def _translations_layer(data: bytes, domain: str, rule: PluralRule) -> Translations:
    """A babel ``Translations`` for compiled ``data`` whose plural function is ``rule``'s.

    The standard library would compile the ``Plural-Forms`` expression itself,
    with other limits (20 nested parentheses) and other arithmetic (signed, and
    an exception on a division by zero) than diplolib's evaluator; so ``data``
    is compiled without that header and the one evaluator is installed here.
    """
    from babel.support import Translations

    layer = Translations(BytesIO(data), domain=domain)
    layer.plural = rule.index  # type: ignore[assignment]
    layer._info["plural-forms"] = f"nplurals={rule.nplurals}; plural={rule.expression};"
    return layer


def compile_mo(catalogs: Iterable[Catalog], lang: Lang, *, plural_forms: bool = True) -> bytes:
    catalogs = list(catalogs)
    rule = catalogs[0].plural if catalogs else parse_plural_forms(language_spec(lang).plural_forms)
    raw: dict[str, str] = {}
    for catalog in reversed(catalogs):
        for key, text in catalog.messages.items():
            raw[key if isinstance(key, str) else f"{key[0]}\x04{key[1]}"] = text
        if catalog.plural.nplurals != rule.nplurals:
            continue  # forms counted for another rule would be picked wrongly
        for key, (plural_id, forms) in catalog.plurals.items():
            msgid = key if isinstance(key, str) else f"{key[0]}\x04{key[1]}"
            raw[f"{msgid}\x00{plural_id}"] = "\x00".join(forms)
    raw[""] = (
        f"Language: {lang}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
    )
    if plural_forms:  # left out for Translations objects, which get diplolib's evaluator
        raw[""] += f"Plural-Forms: nplurals={rule.nplurals}; plural={rule.expression};\n"
    return write_mo(raw)


def check_language(lang: object) -> Lang:
    """Normalise a language for catalog use; unknown ones raise CatalogLanguageError.

    >>> check_language("az_AZ")
    'az'
    """
    try:
        return normalize_language(lang)
    except UnsupportedLanguageError as exc:
        raise CatalogLanguageError(str(exc)) from None
