"""Translator tooling behind ``diplolib catalog``: extract, init, update, compile, check, stats.

Extraction, initialisation and updating use babel, so the files look like the
ones ``pybabel`` writes and Poedit/Weblate read; statistics use polib; the
checks read files with diplolib's strict parser so syntax errors come with a
line number. Settings come from ``[tool.babel.*]`` in the project's
``pyproject.toml`` (the same tables ``pybabel`` reads), falling back to
diplolib's own catalogs.

>>> config = load_config(None)
>>> config.domain, "ngettext:1,2" in config.keywords
('diplolib', True)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from . import __version__
from ._gettext.catalogs import LIBRARY_DOMAIN, build_catalog, check_language, compile_mo
from ._gettext.plural import PluralFormsError, parse_plural_forms
from ._gettext.po import PoEntry, PoFile, parse_po
from ._gettext.printf import is_printf_source, printf_problem
from ._gettext.template import placeholder_names
from ._resources import locales_dir
from .errors import CatalogError, UnsupportedLanguageError
from .i18n import gettext
from .languages import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    Lang,
    TextRules,
    language_spec,
    normalize_language,
)

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog as BabelCatalog

__all__ = [
    "COMMENT_TAGS",
    "EXTRACT_KEYWORDS",
    "CheckReport",
    "Finding",
    "LanguageStats",
    "ProjectConfig",
    "catalog_files",
    "catalog_stats",
    "check_catalogs",
    "check_file",
    "compile_catalogs",
    "extract_messages",
    "init_catalog",
    "load_config",
    "update_catalogs",
]

EXTRACT_KEYWORDS: Final[tuple[str, ...]] = (
    "_",
    "gettext",
    "ngettext:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "lazy_gettext",
    "lazy_ngettext:1,2",
    "lazy_pgettext:1c,2",
    "N_",
)
"""Extraction keywords in GNU/pybabel notation (also listed in pyproject.toml)."""

Mapping = tuple[str, str, tuple[tuple[str, str], ...]]
"""An extraction mapping: (glob pattern, babel method, options)."""

EXTRACT_MAPPINGS: Final[tuple[Mapping, ...]] = (
    ("**.py", "python", ()),
    ("**/templates/**.html", "jinja2", (("trimmed", "true"),)),
)
"""Which files are read, and how (also listed in pyproject.toml): Python sources,
and the Jinja2 templates that ship in the package."""

COMMENT_TAGS: Final[tuple[str, ...]] = ("Translators:",)
"""Comments starting with these tags are copied into the catalog for translators."""

SOURCE_LANGUAGE: Final[Lang] = DEFAULT_LANGUAGE
"""The language msgids are written in; its catalog is filled with the msgids."""

# Strings translators may leave identical in az: names and abbreviations.
ALLOWED_IDENTICAL: Final = frozenset({"diplolib", "JSON", "URL", "PDF", "OK", "ID", "RSS"})

_PRINTF_RE: Final = re.compile(
    r"%(?:\((?P<name>[^)]{1,64})\))?[#0\-+]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?"
    r"(?P<conv>[diouxXeEfFgGcrsa%])"
)
_TAG_RE: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_END_PUNCTUATION: Final = ".:!?;…"
_VOID_TAGS: Final = frozenset({"br", "hr", "img", "wbr"})

Severity = Literal["error", "warning"]


# ---------------------------------------------------------------------------
# configuration


@dataclass(frozen=True)
class ProjectConfig:
    """Where sources, template and catalogs are, and how to extract.

    >>> load_config(None).pot_file.name
    'diplolib.pot'
    """

    root: Path
    input_paths: tuple[Path, ...]
    pot_file: Path
    locales: Path
    domain: str = LIBRARY_DOMAIN
    keywords: tuple[str, ...] = EXTRACT_KEYWORDS
    mappings: tuple[Mapping, ...] = EXTRACT_MAPPINGS
    comment_tags: tuple[str, ...] = COMMENT_TAGS
    project: str = "diplolib"
    version: str | None = None
    width: int = 76


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"[\s,]+", value) if part]
    if isinstance(value, list):
        return [str(item) for item in value]
    raise CatalogError(f"expected a string or a list in [tool.babel], got {value!r}")


def _mappings(value: object, pyproject: Path) -> tuple[Mapping, ...]:
    """``[[tool.babel.mappings]]`` tables as (pattern, method, options); Python only if absent."""
    if value is None:
        return (("**.py", "python", ()),)
    if not isinstance(value, list):
        raise CatalogError(
            "[[tool.babel.mappings]] must be an array of tables", file=str(pyproject)
        )
    found: list[Mapping] = []
    for table in value:
        if not isinstance(table, dict) or not isinstance(table.get("method"), str):
            raise CatalogError(
                f"each [[tool.babel.mappings]] table needs a method and a pattern, got {table!r}",
                file=str(pyproject),
            )
        options = tuple(
            (str(k), str(v)) for k, v in table.items() if k not in ("method", "pattern")
        )
        for pattern in _as_list(table.get("pattern")):
            found.append((pattern, table["method"], options))
    return tuple(found)


def load_config(project_dir: str | Path | None) -> ProjectConfig:
    """Read ``[tool.babel.*]`` from ``project_dir/pyproject.toml``; ``None`` means diplolib's own.

    A project folder without a ``pyproject.toml``, or without ``[tool.babel]``
    settings in it, is an error: falling back to diplolib's catalogs would let
    ``extract``/``update`` rewrite the installed package's files.

    >>> load_config(None).locales == locales_dir()
    True
    >>> load_config("no/such/project")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: no/such/project/pyproject.toml: no pyproject.toml here; run from your project's folder, pass --project DIR, or --library for diplolib's own catalogs
    """
    library = locales_dir()
    if project_dir is None:
        return ProjectConfig(
            root=library.parent,
            input_paths=(library.parent / "src" / "diplolib",),
            pot_file=library / f"{LIBRARY_DOMAIN}.pot",
            locales=library,
            version=__version__,
        )
    root = Path(project_dir)
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        raise CatalogError(
            "no pyproject.toml here; run from your project's folder, pass --project DIR, "
            "or --library for diplolib's own catalogs",
            file=pyproject.as_posix(),
        )
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"cannot read the babel settings: {exc}", file=str(pyproject)) from None
    babel: dict[str, Any] = data.get("tool", {}).get("babel", {})
    extract: dict[str, Any] = babel.get("extract_messages", {})
    update: dict[str, Any] = babel.get("update_catalog", {})
    if not extract and not update:
        raise CatalogError(
            "no [tool.babel.extract_messages] or [tool.babel.update_catalog] settings; "
            "add them (see diplolib's docs, 'UI strings') or pass --library for "
            "diplolib's own catalogs",
            file=pyproject.as_posix(),
        )
    inputs = _as_list(extract.get("input_paths")) or ["."]
    pot = extract.get("output_file") or update.get("input_file")
    locales = update.get("output_dir") or babel.get("compile_catalog", {}).get("directory")
    domain = update.get("domain") or babel.get("compile_catalog", {}).get("domain") or "messages"
    if not pot or not locales:
        raise CatalogError(
            "set [tool.babel.extract_messages] output_file and "
            "[tool.babel.update_catalog] output_dir",
            file=str(pyproject),
        )
    return ProjectConfig(
        root=root,
        input_paths=tuple(root / path for path in inputs),
        pot_file=root / pot,
        locales=root / locales,
        domain=str(domain),
        keywords=tuple(_as_list(extract.get("keywords"))) or EXTRACT_KEYWORDS,
        mappings=_mappings(babel.get("mappings"), pyproject),
        comment_tags=tuple(_as_list(extract.get("add_comments"))) or COMMENT_TAGS,
        project=str(extract.get("project") or data.get("project", {}).get("name") or "PROJECT"),
        version=extract.get("version") or data.get("project", {}).get("version"),
        width=int(extract.get("width") or 76),
    )


def catalog_files(config: ProjectConfig) -> list[tuple[Lang, Path]]:
    """The ``.po`` files of the configured domain, one per supported language found.

    >>> [lang for lang, _ in catalog_files(load_config(None))]
    ['en', 'az']
    """
    found: list[tuple[Lang, Path]] = []
    if not config.locales.is_dir():
        raise CatalogError("catalog folder does not exist", file=str(config.locales))
    for lang in SUPPORTED_LANGUAGES:
        path = config.locales / lang / "LC_MESSAGES" / f"{config.domain}.po"
        if path.is_file():
            found.append((lang, path))
    return found


# ---------------------------------------------------------------------------
# extract / init / update / compile


def extract_messages(config: ProjectConfig) -> BabelCatalog:
    """Collect the marked strings of the configured sources into a babel catalog.

    >>> catalog = extract_messages(load_config(None))
    >>> ("{n} comment", "{n} comments") in [m.id for m in catalog]
    True
    """
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file
    from babel.messages.frontend import parse_keywords
    from babel.util import pathmatch

    keywords = parse_keywords(list(config.keywords))
    if any(method == "jinja2" for _, method, _ in config.mappings):
        try:
            import jinja2  # noqa: F401
        except ImportError:
            raise CatalogError(
                "extracting from templates needs Jinja2: pip install 'diplolib[jinja]'"
            ) from None
    method_map = [(pattern, method) for pattern, method, _ in config.mappings]
    options_map = {pattern: dict(options) for pattern, _, options in config.mappings}
    catalog = Catalog(
        project=config.project,
        version=config.version,
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            f"# Translations template for {config.project}.\n"
            f"# This file is distributed under the same license as the {config.project} "
            "package.\n#"
        ),
    )
    for path in config.input_paths:
        if path.is_file():
            method, options = "python", {}
            for pattern, candidate in method_map:
                if pathmatch(pattern, path.name):
                    method, options = candidate, options_map[pattern]
                    break
            results: Iterable[tuple[str, int, Any, list[str], str | None]] = (
                (str(path), *found)
                for found in extract_from_file(
                    method,
                    path,
                    keywords=keywords,
                    comment_tags=config.comment_tags,
                    options=options,
                    strip_comment_tags=True,
                )
            )
            base = path.parent
        elif path.is_dir():
            results = extract_from_dir(
                path,
                method_map,
                options_map,
                keywords=keywords,
                comment_tags=config.comment_tags,
                strip_comment_tags=True,
            )
            base = path
        else:
            raise CatalogError("source path does not exist", file=str(path))
        for filename, lineno, message, comments, context in results:
            location = (base / filename).resolve()
            try:
                shown = location.relative_to(config.root.resolve()).as_posix()
            except ValueError:
                shown = location.as_posix()
            catalog.add(
                message,
                None,
                [(shown, lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def write_catalog(catalog: BabelCatalog, path: Path, *, width: int = 76) -> None:
    """Write a babel catalog as a ``.po``/``.pot`` file (UTF-8, babel's layout).

    >>> import tempfile
    >>> from babel.messages.catalog import Catalog
    >>> target = Path(tempfile.mkdtemp()) / "x.pot"
    >>> write_catalog(Catalog(project="demo"), target)
    >>> b'msgid ""' in target.read_bytes()
    True
    """
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        # References name the file without a line number: they stay put while the
        # code around a string changes, so catalogs only change when strings do.
        write_po(handle, catalog, width=width, include_previous=False, include_lineno=False)


def _read_babel(path: Path, lang: str | None = None) -> BabelCatalog:
    from babel.messages.pofile import PoFileError, read_po

    data = path.read_bytes()
    parse_po(data, str(path))  # strict syntax check first: errors get a line number
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        raise CatalogError(f"cannot read the catalog: {exc}", file=str(path)) from None


def _fill_source_language(catalog: BabelCatalog) -> None:
    """The source language's catalog repeats each msgid, so its wording can be edited."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not all(message.string or ()) or message.fuzzy:
                message.string = (message.id[0], message.id[1])
        elif not message.string or message.fuzzy:
            message.string = message.id
        message.flags.discard("fuzzy")


def _mark_case_placeholders(catalog: BabelCatalog) -> None:
    """Flag translations that inflect a placeholder (``{name:genitive}``) as not brace-format.

    ``msgfmt --check`` (and Poedit, which runs it) knows only Python's own format
    specs and would reject the entry; diplolib's ``catalog check`` validates it instead.
    """
    from ._gettext.template import TemplateError, parse_template

    for message in catalog:
        if not message.id or not message.string:
            continue
        raw = message.string
        strings = [str(t) for t in raw] if isinstance(raw, tuple | list) else [str(raw)]
        try:
            inflects = any(parse_template(text).inflects for text in strings if text)
        except TemplateError:
            continue  # reported by ``catalog check``
        if inflects:
            message.flags.discard("python-brace-format")
            message.flags.add("no-python-brace-format")


def init_catalog(config: ProjectConfig, lang: str, *, force: bool = False) -> Path:
    """Create ``<locales>/<lang>/LC_MESSAGES/<domain>.po`` from the template.

    The English catalog starts filled with the msgids (English is the source
    language), like ``msginit`` does for English locales.

    >>> import dataclasses, shutil, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> config = dataclasses.replace(load_config(None), locales=folder)
    >>> init_catalog(config, "az").relative_to(folder).as_posix()
    'az/LC_MESSAGES/diplolib.po'
    """
    from babel import Locale

    code = check_language(lang)
    target = config.locales / code / "LC_MESSAGES" / f"{config.domain}.po"
    if target.exists() and not force:
        raise CatalogError("catalog already exists (use --force to replace it)", file=str(target))
    if not config.pot_file.is_file():
        raise CatalogError(
            "template not found; run 'diplolib catalog extract' first", file=str(config.pot_file)
        )
    catalog = _read_babel(config.pot_file)
    catalog.locale = Locale.parse(code)
    catalog.revision_date = datetime.now(UTC)
    catalog.fuzzy = False
    catalog.language_team = catalog.locale.english_name or code
    catalog.last_translator = f"{config.project} contributors"
    if code == SOURCE_LANGUAGE:
        _fill_source_language(catalog)
    write_catalog(catalog, target, width=config.width)
    return target


def update_catalogs(
    config: ProjectConfig, *, no_fuzzy_matching: bool = False, ignore_obsolete: bool = False
) -> list[Path]:
    """Merge the template into every language's catalog (new, changed and gone messages).

    >>> import dataclasses, shutil, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> config = dataclasses.replace(load_config(None), locales=folder)
    >>> _ = init_catalog(config, "en")
    >>> [p.relative_to(folder).as_posix() for p in update_catalogs(config)]
    ['en/LC_MESSAGES/diplolib.po']
    """
    from babel.messages.pofile import write_po

    if not config.pot_file.is_file():
        raise CatalogError(
            "template not found; run 'diplolib catalog extract' first", file=str(config.pot_file)
        )
    updated = []
    for lang, path in catalog_files(config):
        catalog = _read_babel(path, lang)
        # A fresh template each time: babel's update adds the template's own
        # message objects, which the source-language fill would then change.
        catalog.update(_read_babel(config.pot_file), no_fuzzy_matching=no_fuzzy_matching)
        if lang == SOURCE_LANGUAGE:
            _fill_source_language(catalog)
        _mark_case_placeholders(catalog)
        with path.open("wb") as handle:
            write_po(
                handle,
                catalog,
                width=config.width,
                ignore_obsolete=ignore_obsolete,
                include_previous=False,
                include_lineno=False,
            )
        updated.append(path)
    return updated


def compile_catalogs(config: ProjectConfig, output_dir: Path | None = None) -> list[Path]:
    """Write a ``.mo`` next to each ``.po`` (or under ``output_dir``), as diplolib would load it.

    Fuzzy, empty and invalid entries are left out, exactly as at run time.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> [p.relative_to(out).as_posix() for p in compile_catalogs(load_config(None), out)]
    ['en/LC_MESSAGES/diplolib.mo', 'az/LC_MESSAGES/diplolib.mo']
    """
    written = []
    for lang, path in catalog_files(config):
        po = parse_po(path.read_bytes(), str(path))
        catalog = build_catalog(po, lang)
        base = output_dir if output_dir is not None else config.locales
        target = base / lang / "LC_MESSAGES" / f"{config.domain}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compile_mo([catalog], lang))
        written.append(target)
    return written


# ---------------------------------------------------------------------------
# check


@dataclass(frozen=True)
class Finding:
    """One problem in one catalog entry (or in the file, when ``msgid`` is None).

    >>> Finding("az.po", 12, "fuzzy", "warning", "marked fuzzy", "Print").as_dict()["line"]
    12
    """

    file: str
    line: int | None
    code: str
    severity: Severity
    message: str
    msgid: str | None = None
    msgctxt: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The finding as a JSON-ready dict."""
        return {
            "file": self.file,
            "line": self.line,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "msgid": self.msgid,
            "msgctxt": self.msgctxt,
        }


@dataclass
class CheckReport:
    """All findings of a check run, per file.

    >>> report = CheckReport({"az.po": [Finding("az.po", 3, "fuzzy", "warning", "fuzzy")]})
    >>> report.count("warning"), report.failed(strict=False), report.failed(strict=True)
    (1, False, True)
    """

    files: dict[str, list[Finding]] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        """Every finding, file by file."""
        return [finding for found in self.files.values() for finding in found]

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for finding in self.findings if finding.severity == severity)

    def failed(self, *, strict: bool) -> bool:
        """True when there are errors (or, with ``strict``, any finding at all)."""
        return self.count("error") > 0 or (strict and self.count("warning") > 0)


def _printf_signature(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    named: set[str] = set()
    positional: list[str] = []
    for match in _PRINTF_RE.finditer(text):
        conv = match["conv"]
        if conv == "%":
            continue
        if match["name"] is not None:
            named.add(match["name"])
        else:
            positional.append(conv)
    return frozenset(named), tuple(positional)


def _uses_printf(entry: PoEntry) -> bool:
    if entry.flags & {"python-format", "c-format"}:
        return True
    # Without a flag, only unambiguous specs count ('100% sure' is not one).
    return re.search(r"%(?:\([^)]{1,64}\))?[sdif]", entry.msgid) is not None


def _tags(text: str) -> tuple[list[str], str | None]:
    """The tag names in ``text`` and the first nesting problem, if any."""
    names: list[str] = []
    stack: list[str] = []
    problem: str | None = None
    for match in _TAG_RE.finditer(text):
        closing, name, self_closing = match.groups()
        name = name.lower()
        names.append(("/" if closing else "") + name)
        if self_closing or name in _VOID_TAGS:
            continue
        if not closing:
            stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        elif problem is None:
            problem = gettext("{tag} closes nothing open", tag="</" + name + ">")
    if stack and problem is None:
        problem = gettext("{tag} is never closed", tag="<" + stack[-1] + ">")
    return sorted(names), problem


def _has_letters(text: str) -> bool:
    return any(unicodedata.category(char).startswith("L") for char in text)


def _allowed_identical(text: str, allowed: frozenset[str]) -> bool:
    words = re.findall(r"[^\W\d_]+", re.sub(r"\{[^{}]*\}", " ", text))
    if not words:
        return True
    return all(word in allowed or (len(word) > 1 and word.isupper()) for word in words)


def _end(text: str) -> str:
    stripped = text.rstrip()
    if stripped.endswith("..."):
        return "…"
    return stripped[-1:] if stripped[-1:] in _END_PUNCTUATION else ""


class EntryChecker:
    def __init__(
        self, file: str, lang: Lang, nplurals: int | None, allowed: frozenset[str]
    ) -> None:
        self.file = file
        self.lang = lang
        self.nplurals = nplurals
        self.allowed = allowed
        self.found: list[Finding] = []
        # Content import repairs look-alike letters itself and ignores these findings.
        self.lookalikes = True

    def add(self, entry: PoEntry, code: str, severity: Severity, message: str) -> None:
        self.found.append(
            Finding(self.file, entry.line, code, severity, message, entry.msgid, entry.msgctxt)
        )

    def check(self, entry: PoEntry) -> None:
        if entry.obsolete:
            self.add(
                entry,
                "obsolete",
                "warning",
                gettext("obsolete entry (no longer in the sources); remove it or run update"),
            )
            return
        if entry.is_fuzzy:
            self.add(
                entry, "fuzzy", "warning", gettext("marked fuzzy: review it and remove the flag")
            )
        if (
            entry.is_plural
            and self.nplurals is not None
            and len(entry.msgstr_plural) != self.nplurals
        ):
            self.add(
                entry,
                "plural-count",
                "error",
                gettext(
                    "{count} plural forms, but the header says nplurals={nplurals}",
                    count=len(entry.msgstr_plural),
                    nplurals=self.nplurals,
                ),
            )
        if not entry.is_translated:
            self.add(entry, "untranslated", "warning", gettext("not translated"))
            if not any(entry.translations):
                return
        self._placeholders(entry)
        self._printf(entry)
        sources = [entry.msgid, entry.msgid_plural or entry.msgid]
        for index, text in enumerate(entry.translations):
            if not text:
                continue
            source = sources[min(index, 1)] if entry.is_plural else entry.msgid
            self._text(entry, source, text)

    def check_text(self, entry: PoEntry, text: str | None = None) -> None:
        """What :meth:`check` finds in a singular, translated entry with no ``{``, ``}`` or ``%``.

        Such an entry has no placeholder or printf conversion to compare, so only
        the checks of the translation's text run (whitespace, punctuation,
        markup, identical text, look-alikes). ``text`` stands for the entry's
        ``msgstr`` when given (content import checks the repaired translation).
        """
        self._text(entry, entry.msgid, entry.msgstr if text is None else text)

    def _placeholders(self, entry: PoEntry) -> None:
        source = placeholder_names(entry.msgid)
        if entry.msgid_plural is not None:
            plural = placeholder_names(entry.msgid_plural)
            source = None if source is None or plural is None else source | plural
        for text in entry.translations:
            if not text:
                continue
            names = placeholder_names(text)
            if names is None:
                self.add(
                    entry,
                    "unsafe-placeholder",
                    "error",
                    gettext(
                        "translation uses a placeholder diplolib will not fill "
                        "(only {{name}} with an optional short format spec is allowed): "
                        "{text}",
                        text=text,
                    ),
                )
                return
            if source is None:
                continue
            wrong = names != source if not entry.is_plural else not names <= source
            if wrong:
                self.add(
                    entry,
                    "placeholder-mismatch",
                    "error",
                    gettext(
                        "placeholders {found} in the translation do not match {expected} "
                        "in the source",
                        found=_show(names),
                        expected=_show(source),
                    ),
                )
                return

    def _printf(self, entry: PoEntry) -> None:
        found = len(self.found)
        self._printf_match(entry)
        if len(self.found) > found or not is_printf_source(entry.msgid, entry.flags):
            return
        # The loader's own bounds (widths, unnamed conversions): what it would drop.
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        for text in entry.translations:
            problem = printf_problem(text, *sources) if text else None
            if problem is not None:
                message = gettext(
                    "{problem}; diplolib drops this translation when it loads the catalog",
                    problem=problem,
                )
                self.add(entry, "printf-unsafe", "error", message)
                return

    def _printf_match(self, entry: PoEntry) -> None:
        if not _uses_printf(entry):
            return
        named, positional = _printf_signature(entry.msgid)
        if entry.msgid_plural is not None:
            plural_named, _ = _printf_signature(entry.msgid_plural)
            named = named | plural_named
        for text in entry.translations:
            if not text:
                continue
            got_named, got_positional = _printf_signature(text)
            if (entry.is_plural and not got_named <= named) or (
                not entry.is_plural and got_named != named
            ):
                self.add(
                    entry,
                    "printf-mismatch",
                    "error",
                    gettext(
                        "printf placeholders {found} do not match {expected} in the source",
                        found=_show(got_named),
                        expected=_show(named),
                    ),
                )
                return
            if positional and got_positional != positional and not entry.is_plural:
                self.add(
                    entry,
                    "printf-mismatch",
                    "error",
                    gettext(
                        "printf conversions {found} do not match {expected} in the source",
                        found=" ".join("%" + c for c in got_positional) or "-",
                        expected=" ".join("%" + c for c in positional),
                    ),
                )
                return

    def _text(self, entry: PoEntry, source: str, text: str) -> None:
        if (source[:1].isspace(), source[-1:].isspace()) != (
            text[:1].isspace(),
            text[-1:].isspace(),
        ):
            self.add(
                entry,
                "whitespace",
                "warning",
                gettext("leading or trailing whitespace differs from the source"),
            )
        if _end(source) != _end(text):
            self.add(
                entry,
                "punctuation",
                "warning",
                gettext(
                    "ends with {found} but the source ends with {expected}",
                    found=repr(_end(text)) if _end(text) else gettext("a letter"),
                    expected=repr(_end(source)) if _end(source) else gettext("a letter"),
                ),
            )
        source_tags, source_problem = _tags(source)
        tags, problem = _tags(text)
        if (problem is not None and source_problem is None) or tags != source_tags:
            self.add(
                entry,
                "markup",
                "error",
                gettext(
                    "markup does not match the source: {problem}",
                    problem=problem or gettext("the tags differ"),
                ),
            )
        if self.lang != SOURCE_LANGUAGE:
            self._translation(entry, source, text)

    def _translation(self, entry: PoEntry, source: str, text: str) -> None:
        if text == source and _has_letters(text) and not _allowed_identical(text, self.allowed):
            self.add(
                entry,
                "identical",
                "warning",
                gettext("translation is identical to the English source"),
            )
        if not self.lookalikes:
            return
        rules = language_spec(self.lang).text_rules
        # The language's own repairs (Azerbaijani: look-alike letters) are errors here:
        # a catalog is fixed by its translator, not at load.
        for char, replacement, index in rules.repair(text)[1][:1]:
            self.add(
                entry,
                "lookalike",
                "error",
                gettext(
                    "look-alike letter {char} (U+{code}, {name}) at position {index}; "
                    "use {replacement}",
                    char=char,
                    code=_codepoint(char[0]),
                    name=" + ".join(unicodedata.name(c, "?") for c in char),
                    index=index,
                    replacement=replacement,
                ),
            )
            return
        foreign = [c for c in text if "\u0400" <= c <= "\u04ff" and not _in_script(rules, c)]
        if foreign:
            self.add(
                entry,
                "lookalike",
                "error",
                gettext(
                    "Cyrillic letter {char} (U+{code}) in Azerbaijani (Latin) text",
                    char=foreign[0],
                    code=_codepoint(foreign[0]),
                ),
            )


def _in_script(rules: TextRules, char: str) -> bool:
    try:
        rules.check_script(char)
    except ValueError:
        return False
    return True


def _codepoint(char: str) -> str:
    return format(ord(char), "04X")


def _show(names: Iterable[str]) -> str:
    names = sorted(names)
    return "{" + ", ".join(names) + "}" if names else "-"


def _check_header(po: PoFile, lang: Lang) -> tuple[list[Finding], int | None]:
    found: list[Finding] = []

    def add(message: str) -> None:
        found.append(Finding(po.file, po.header_line, "header", "error", message))

    if po.header_line is None:
        add(gettext('the catalog has no header entry (msgid "")'))
    declared = po.header_value("Language")
    if not declared:
        add(gettext("the header has no Language field; expected {expected}", expected=lang))
    else:
        try:
            if normalize_language(declared) != lang:
                raise UnsupportedLanguageError(declared)
        except UnsupportedLanguageError:
            add(
                gettext(
                    "the header says Language: {declared}, but the file is the {expected} catalog",
                    declared=declared,
                    expected=lang,
                )
            )
    content_type = po.header_value("Content-Type") or ""
    if "charset=utf-8" not in content_type.replace(" ", "").lower():
        add(gettext("the header must declare Content-Type: text/plain; charset=UTF-8"))
    header = po.header_value("Plural-Forms")
    nplurals: int | None = None
    if header is None:
        add(
            gettext(
                "the header has no Plural-Forms field; expected {expected}",
                expected=language_spec(lang).plural_forms,
            )
        )
        nplurals = language_spec(lang).nplurals
    else:
        try:
            nplurals = parse_plural_forms(header).nplurals
        except PluralFormsError as exc:
            add(gettext("bad Plural-Forms header: {problem}", problem=str(exc)))
    return found, nplurals


def check_file(
    path: Path,
    lang: Lang,
    *,
    allowed_identical: frozenset[str] = ALLOWED_IDENTICAL,
) -> list[Finding]:
    """Check one ``.po`` file; returns its findings (a syntax error is one finding).

    >>> from diplolib._resources import locales_dir
    >>> check_file(locales_dir() / "az" / "LC_MESSAGES" / "diplolib.po", "az")
    []
    """
    file = str(path)
    try:
        po = parse_po(path.read_bytes(), file)
    except CatalogError as exc:
        return [Finding(file, exc.line, "syntax", "error", exc.reason)]
    except OSError as exc:
        return [Finding(file, None, "syntax", "error", str(exc.strerror or exc))]
    found, nplurals = _check_header(po, lang)
    checker = EntryChecker(file, lang, nplurals, allowed_identical)
    for entry in [*po.entries, *po.obsolete]:
        checker.check(entry)
    return found + checker.found


def check_catalogs(
    config: ProjectConfig,
    files: Sequence[tuple[Lang, Path]] | None = None,
    *,
    allowed_identical: Iterable[str] = (),
) -> CheckReport:
    """Check every catalog of the configured domain (or the given files).

    >>> check_catalogs(load_config(None)).failed(strict=True)
    False
    """
    allowed = ALLOWED_IDENTICAL | frozenset(allowed_identical)
    report = CheckReport()
    for lang, path in files if files is not None else catalog_files(config):
        report.files[str(path)] = check_file(path, lang, allowed_identical=allowed)
    return report


# ---------------------------------------------------------------------------
# stats


@dataclass(frozen=True)
class LanguageStats:
    """Counts for one language's catalog (obsolete entries are not counted).

    >>> stats = LanguageStats("az", "az.po", translated=3, fuzzy=0, untranslated=1)
    >>> stats.total, stats.percent(stats.translated)
    (4, 75.0)
    """

    lang: Lang
    file: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        """All current entries."""
        return self.translated + self.fuzzy + self.untranslated

    def percent(self, count: int) -> float:
        """``count`` as a percentage of :attr:`total` (0 for an empty catalog)."""
        return 100.0 * count / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, object]:
        """The counts and percentages as a JSON-ready dict."""
        return {
            "language": self.lang,
            "file": self.file,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "total": self.total,
            "translated_percent": round(self.percent(self.translated), 1),
            "fuzzy_percent": round(self.percent(self.fuzzy), 1),
            "untranslated_percent": round(self.percent(self.untranslated), 1),
        }


def catalog_stats(config: ProjectConfig) -> list[LanguageStats]:
    """Translated/fuzzy/untranslated counts per language, counted by polib.

    >>> [(s.lang, s.untranslated) for s in catalog_stats(load_config(None))]
    [('en', 0), ('az', 0)]
    """
    import polib

    stats = []
    for lang, path in catalog_files(config):
        parse_po(path.read_bytes(), str(path))  # strict first: polib skips what it cannot read
        po = polib.pofile(str(path), encoding="utf-8")
        stats.append(
            LanguageStats(
                lang=lang,
                file=str(path),
                translated=len(po.translated_entries()),
                fuzzy=len(po.fuzzy_entries()),
                untranslated=len(po.untranslated_entries()),
            )
        )
    return stats


def folder_language(path: Path) -> Lang | None:
    """The language of a catalog from its ``<lang>/LC_MESSAGES`` folder, if supported.

    >>> folder_language(Path("locales/az_AZ/LC_MESSAGES/app.po")), folder_language(Path("x.po"))
    ('az', None)
    """
    try:
        return normalize_language(path.parent.parent.name)
    except UnsupportedLanguageError:
        return None
