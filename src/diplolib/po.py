"""Content translation through PO files: export, import, stale detection, coverage.

Translators edit content (not only UI strings) in the tools they know
(Poedit, Weblate, Lokalize): :func:`export_po` turns articles, events and
entities into a gettext catalog with one entry per localized field or body
paragraph, and :func:`import_po` checks a translated catalog and writes the
translations back into the content files, all or nothing.

* ``msgctxt`` names the item, the field and the paragraph:
  ``article:kazakhstan-azerbaijan-strategic-partner:body[3]``.
* ``msgid`` is the source text, ``msgstr`` the current translation.
* Extracted comments (``#.``) give the translator the field, the item's title,
  its slug, a length limit where one applies, the ``source-hash`` of the
  ``msgid`` and the ``target-hash`` of the translation the library held at
  export time (an import refuses to overwrite a translation changed since).
* Every imported translation records the hash of the source text it was made
  from in the item's ``translation_sources``. When the source changes later,
  the translation is *stale*: the next export marks it ``fuzzy`` (with the
  previous ``msgid`` as ``#|`` when the previous PO file is given) and
  :func:`translation_status` counts it.

>>> from diplolib import load_sample_library
>>> po = export_po(load_sample_library(), "en", "az")
>>> po.metadata["Language"], po.metadata["X-Source-Language"]
('az', 'en')
>>> entry = po.find("place:baku:name", by="msgctxt")
>>> entry.msgid, entry.msgstr
('Baku', 'Bakı')
"""

from __future__ import annotations

__all__ = [
    "FIELD_LIMITS",
    "MAX_PO_BYTES",
    "EntryResult",
    "ImportReport",
    "ItemStatus",
    "export_po",
    "field_limit",
    "import_po",
    "source_hash",
    "text_fields",
    "translation_status",
]

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import BaseModel, ValidationError

from . import __version__
from ._gc import gc_paused
from ._gettext.po import PoEntry, PoFile, parse_po
from ._gettext.template import placeholder_names
from ._journal import commit_files
from .content_types import generic_path
from .errors import CatalogError, ContentError, ContentTypeError
from .i18n import gettext
from .languages import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    Lang,
    language_name,
    language_spec,
    normalize_language,
)
from .library import MAX_FILE_BYTES, ContentLibrary, item_json
from .models import Article, ContentItem, Item, content_type, content_types
from .staleness import source_hash, stale_fields
from .text import LocalizedText

if TYPE_CHECKING:
    import polib


class _FieldLimits(Mapping[str, int]):
    """A live read-only view of every registered content type's limits, by ``type:pattern``."""

    def _items(self) -> dict[str, int]:
        return {
            f"{model.content.kind}:{pattern}": limit
            for model in content_types()
            for pattern, limit in model.content.limits.items()
        }

    def __getitem__(self, key: str) -> int:
        return self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __repr__(self) -> str:
        return f"FIELD_LIMITS({self._items()!r})"


FIELD_LIMITS: Final[Mapping[str, int]] = _FieldLimits()
"""Most characters a translation may have, by ``type:field`` (``[]`` stands for any index).

Titles and names appear in menus, breadcrumbs and ``<title>`` tags; paragraphs
and descriptions have no limit. The limits are those the content types declare
(``ContentType.limits``), registered ones included.
"""

MAX_PO_BYTES: Final = 256 * 1024 * 1024
"""Largest content PO file :func:`import_po` reads (256 MiB; 10,000 long articles make ~120 MB)."""

_CONTEXT_RE: Final = re.compile(
    r"(?P<type>[a-z][a-z0-9_-]{0,39}):(?P<id>[a-z0-9._-]{1,120}):"
    r"(?P<path>[a-z_]+(?:\[[0-9]{1,4}\])?(?:\.[a-z_]+(?:\[[0-9]{1,4}\])?)*)"
)
_SEGMENT_RE: Final = re.compile(r"(?P<name>[a-z_]+)(?:\[(?P<index>[0-9]+)\])?")
_HASH_COMMENT: Final = "source-hash:"
_TARGET_COMMENT: Final = "target-hash:"
_MACHINE_NOTE: Final = "machine translation: review it and remove the fuzzy flag"
Outcome = Literal["applied", "skipped", "stale", "rejected"]


def text_fields(item: ContentItem) -> dict[str, LocalizedText]:
    """Every localized field of an item by path, in the order a reader meets them.

    The same as :meth:`ContentItem.text_fields <diplolib.models.ContentItem.text_fields>`:
    the paths of the patterns its content type declares (articles list
    ``title``, ``lead``, ``body[N]`` paragraphs and the rest; events their
    name, description and participants' roles; entities their names).

    >>> from diplolib import load_sample_library
    >>> list(text_fields(load_sample_library().get("osce")))
    ['name', 'abbreviation']
    """
    return item.text_fields()


def field_limit(item_type: str, path: str) -> int | None:
    """The length limit of a field (see :data:`FIELD_LIMITS`), or None.

    >>> field_limit("article", "tags[3]"), field_limit("article", "body[0]")
    (60, None)
    """
    model = _registered(item_type)
    return model.content.limit(path) if model is not None else None


def _registered(kind: str) -> type[ContentItem] | None:
    try:
        return content_type(kind)
    except ContentTypeError:
        return None


def _generic(path: str) -> str:
    return generic_path(path)


def _parse_context(context: str) -> re.Match[str] | None:
    """``type:id:path`` split into its parts, when ``type`` is a registered content type."""
    match = _CONTEXT_RE.fullmatch(context)
    if match is None or _registered(match["type"]) is None:
        return None
    return match


def _context(item: ContentItem, path: str) -> str:
    return f"{item.type}:{item.id}:{path}"


def _title(item: ContentItem, lang: Lang) -> str:
    name = item.title_in(lang)
    return name if len(name) <= 80 else name[:77] + "..."


def _describe(item: ContentItem, path: str, count: int, lang: Lang) -> list[str]:
    what = type(item).content.description(path)
    match = re.match(r"body\[([0-9]+)\]", path)
    if match is not None:
        what = f"body paragraph {int(match.group(1)) + 1} of {count}"
    shown = what if what == path else f"{what} ({path})"
    lines = [f"{shown} of {item.type} “{_title(item, lang)}”"]
    if isinstance(item, Article):
        lines.extend(f"slug ({code}): {slug}" for code, slug in item.slug.items())
    limit = type(item).content.limit(path)
    if limit is not None:
        lines.append(f"limit: at most {limit} characters")
    return lines


def _translates(item: ContentItem, target: Lang) -> bool:
    return not (isinstance(item, Article) and item.original_language == target)


def _check_pair(source_lang: str, target_lang: str) -> tuple[Lang, Lang]:
    source, target = normalize_language(source_lang), normalize_language(target_lang)
    if source == target:
        raise ContentError(
            f"source and target language are both {source!r}; "
            f"choose two of {', '.join(map(repr, SUPPORTED_LANGUAGES))}"
        )
    return source, target


def _read_po(path: str | os.PathLike[str]) -> PoFile:
    name = os.fspath(path)
    try:
        size = Path(name).stat().st_size
        if size > MAX_PO_BYTES:
            raise CatalogError(
                f"file is {size} bytes; the limit is {MAX_PO_BYTES} "
                "(export a selection: --id, --section, --since)",
                file=name,
            )
        data = Path(name).read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror or exc}", file=name) from None
    # No field can hold more than a content file: a longer string is refused while it is
    # read, before it costs more memory than that.
    return parse_po(data, name, max_bytes=MAX_PO_BYTES, max_string=MAX_FILE_BYTES)


def _as_pofile(value: polib.POFile | str | os.PathLike[str]) -> polib.POFile:
    import polib

    if isinstance(value, polib.POFile):
        return value
    _read_po(value)  # strict syntax check first: errors come with a line number
    return polib.pofile(os.fspath(value), encoding="utf-8", wrapwidth=78)


def _check_previous(old: polib.POFile, source: Lang, target: Lang) -> None:
    for name, expected in (("Language", target), ("X-Source-Language", source)):
        declared = old.metadata.get(name)
        try:
            ok = not declared or normalize_language(declared) == expected
        except ValueError:
            ok = False
        if not ok:
            raise CatalogError(
                f"the previous file's {name} is {declared!r}, but this export is "
                f"{source} → {target}: merge only files of the same language pair",
                file=old.fpath,
            )


def export_po(
    items: ContentLibrary | Iterable[Item],
    source_lang: str,
    target_lang: str,
    *,
    previous: polib.POFile | str | os.PathLike[str] | None = None,
    library: ContentLibrary | None = None,
    references: Callable[[str], str | None] | None = None,
    now: dt.datetime | None = None,
) -> polib.POFile:
    """Export the localized text of ``items`` as a PO catalog from ``source_lang`` to ``target_lang``.

    One entry per field with a non-empty source text; articles written in
    ``target_lang`` are left out. ``msgstr`` is the current translation. A
    translation whose recorded source hash no longer matches is marked
    ``fuzzy``, and so is a machine translation (an article whose status is
    ``machine``) that no PO import has confirmed yet. With ``previous`` (the catalog exported last time), the export
    merges like ``msgmerge``: a changed source gets ``#|`` with the previous
    ``msgid`` and ``fuzzy``; a translation the previous file holds but the
    library does not (not imported yet) is kept, marked ``fuzzy`` when the
    library holds another one; translator comments are
    kept. ``library`` is the whole library when ``items`` is a selection of
    it (default: ``items`` itself when it is a library): entries of the
    previous file for items outside the selection are kept as they are, and
    only entries whose source text is gone from the library (the item, the
    field or its source text) become obsolete (``#~``). Without a library, an
    entry of an item that is not in ``items`` is kept, since nothing says it
    vanished. Obsolete entries of the previous file that hold a translation
    are carried over. ``references`` maps an item id to its file for the ``#:``
    lines (default: :meth:`ContentLibrary.file_of` when ``items`` is a
    library). ``now`` sets the header dates (default: the current time).

    >>> from diplolib import load_sample_library
    >>> po = export_po(load_sample_library(), "en", "az")
    >>> e = po.find("article:kazakhstan-azerbaijan-strategic-partner:title", by="msgctxt")
    >>> print(e.comment)
    title of article “Azerbaijan is an important strategic partner of Kazakhstan in the...”
    slug (en): azerbaijan-important-strategic-partner-of-kazakhstan
    slug (az): azerbaycan-qazaxistanin-strateji-terefdasidir
    limit: at most 200 characters
    source-hash: ...
    target-hash: ...
    >>> e.msgstr
    'Azərbaycan Qafqaz regionunda Qazaxıstanın mühüm strateji tərəfdaşıdır'
    """
    source, target = _check_pair(source_lang, target_lang)
    old = _as_pofile(previous) if previous is not None else None
    if references is None and isinstance(items, ContentLibrary):
        references = items.file_of
    if library is None and isinstance(items, ContentLibrary):
        library = items
    if old is not None:
        _check_previous(old, source, target)
    run = _Export(_Previous.of(old), source, target, references)
    po = _new_catalog(source, target, old, now)
    for item in items:
        po.extend(run.item_entries(item))
    po.extend(run.carried_over(library))
    return po


def _new_catalog(
    source: Lang, target: Lang, old: polib.POFile | None, now: dt.datetime | None
) -> polib.POFile:
    """An empty catalog with the export's header (the translator fields kept from ``old``)."""
    import polib

    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M%z")
    po = polib.POFile(wrapwidth=78, encoding="utf-8", check_for_duplicates=False)
    po.header = f"Content of a diplolib library: {source} → {target}."
    po.metadata = {
        "Project-Id-Version": "diplolib content",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": "",
        "Language-Team": language_name(target, DEFAULT_LANGUAGE),
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": language_spec(target).plural_forms,
        "X-Source-Language": source,
        "X-Generator": f"diplolib {__version__}",
    }
    if old is not None:
        for key in ("PO-Revision-Date", "Last-Translator", "Language-Team"):
            if old.metadata.get(key):
                po.metadata[key] = old.metadata[key]
    return po


@dataclass
class _Previous:
    """The catalog exported last time, indexed for merging."""

    entries: dict[str, polib.POEntry] = field(default_factory=dict)
    obsolete: list[polib.POEntry] = field(default_factory=list)
    # By item, field kind and source hash: a paragraph inserted or removed above
    # shifts the paths, and its entry (translation, comments) must follow its text.
    by_hash: dict[tuple[str, str, str], polib.POEntry] = field(default_factory=dict)

    @classmethod
    def of(cls, old: polib.POFile | None) -> _Previous:
        previous = cls()
        if old is None:
            return previous
        previous.entries = {e.msgctxt: e for e in old if e.msgctxt and not e.obsolete}
        previous.obsolete = [e for e in old if e.obsolete and e.msgstr]
        for context, before in previous.entries.items():
            found = _parse_context(context)
            if found is not None:
                key = (f"{found['type']}:{found['id']}", _generic(found["path"]))
                previous.by_hash.setdefault((*key, source_hash(before.msgid)), before)
        return previous


@dataclass(frozen=True)
class _ItemFacts:
    """What every entry of one item needs to know about the item."""

    paragraphs: int
    recorded: Mapping[str, str]
    current: dict[str, set[str]]
    stale: frozenset[str]
    prefix: str
    unreviewed: bool


class _Export:
    """Builds the entries of :func:`export_po`, merging with the previous catalog."""

    def __init__(
        self,
        previous: _Previous,
        source: Lang,
        target: Lang,
        references: Callable[[str], str | None] | None,
    ) -> None:
        self.previous = previous
        self.source, self.target = source, target
        self.references = references
        self.seen: set[str] = set()
        self.exported: set[str] = set()
        self.followed: set[str] = set()  # previous entries that moved with their source

    def item_entries(self, item: ContentItem) -> list[polib.POEntry]:
        """One entry per field of ``item`` with source text (none for an untranslatable item)."""
        self.exported.add(item.id)
        if not _translates(item, self.target):
            return []
        fields = item.text_fields()
        facts = _ItemFacts(
            paragraphs=sum(1 for path in fields if path.startswith("body[")),
            recorded=item.translation_sources.get(self.target, {}),
            current=_hashes_by_kind(fields, self.source),
            stale=stale_fields(item, self.source, self.target),
            prefix=f"{item.type}:{item.id}",
            unreviewed=isinstance(item, Article)
            and item.translations.get(self.target) == "machine",
        )
        entries = []
        for path, text in fields.items():
            msgid = text.get(self.source, fallback=False)
            if msgid:
                entries.append(self.entry(item, path, text, msgid, facts))
        return entries

    def entry(
        self, item: ContentItem, path: str, text: LocalizedText, msgid: str, facts: _ItemFacts
    ) -> polib.POEntry:
        import polib

        context = _context(item, path)
        self.seen.add(context)
        digest = source_hash(msgid)
        before, previous_msgid = self.match_previous(context, path, msgid, facts)
        msgstr, flags, notes = self.translation(text, path, before, previous_msgid, facts)
        comment = [
            *_describe(item, path, facts.paragraphs, self.source),
            *notes,
            f"{_HASH_COMMENT} {digest}",
            f"{_TARGET_COMMENT} {source_hash(text.get(self.target, fallback=False) or '')}",
        ]
        reference = self.references(item.id) if self.references is not None else None
        return polib.POEntry(
            msgctxt=context,
            msgid=msgid,
            msgstr=msgstr,
            comment="\n".join(comment),
            tcomment=before.tcomment if before is not None else "",
            occurrences=[(reference, "")] if reference else [],
            flags=flags,
            previous_msgid=previous_msgid if "fuzzy" in flags else None,
        )

    def match_previous(
        self, context: str, path: str, msgid: str, facts: _ItemFacts
    ) -> tuple[polib.POEntry | None, str | None]:
        """The previous entry of this field, and its old ``msgid`` when the source changed."""
        before = self.previous.entries.get(context)
        if before is None or before.msgid == msgid:
            return before, None
        kind = _generic(path)
        moved = self.previous.by_hash.get((facts.prefix, kind, source_hash(msgid)))
        if moved is not None:
            self.followed.add(moved.msgctxt)
            return moved, None  # the same source text, exported under another path
        if source_hash(before.msgid) in facts.current.get(kind, set()):
            return None, None  # that entry's source moved to another path: it goes there
        return before, before.msgid  # the source at this path really changed

    def translation(
        self,
        text: LocalizedText,
        path: str,
        before: polib.POEntry | None,
        previous_msgid: str | None,
        facts: _ItemFacts,
    ) -> tuple[str, list[str], list[str]]:
        """The ``msgstr``, flags and notes of an entry: the library's or the file's translation."""
        msgstr = text.get(self.target, fallback=False) or ""
        flags: list[str] = []
        notes: list[str] = []
        if msgstr and before is not None and before.msgstr and before.msgstr != msgstr:
            # Edited in the file but not imported: the translator's work is kept, for review.
            return before.msgstr, ["fuzzy"], notes
        if msgstr:
            if facts.unreviewed and path not in facts.recorded:
                flags.append("fuzzy")  # machine-made: confirmed by removing the flag
                notes.append(_MACHINE_NOTE)
            # An unrecorded translation whose source changed since the last export.
            moved = path not in facts.recorded and previous_msgid is not None
            if path in facts.stale or moved:
                flags.append("fuzzy")
        elif before is not None and before.msgstr:
            msgstr = before.msgstr  # translated in the file, not imported yet
            if previous_msgid is not None or "fuzzy" in before.flags:
                flags.append("fuzzy")
        return msgstr, flags, notes

    def carried_over(self, library: ContentLibrary | None) -> list[polib.POEntry]:
        """Previous entries outside this export (kept) and those whose source is gone (obsolete)."""
        import polib

        kept: list[polib.POEntry] = []
        live = set(self.seen)
        vanished: list[polib.POEntry] = []
        for context, before in self.previous.entries.items():
            if context in self.seen or context in self.followed:
                continue
            if _still_there(context, self.exported, library, self.source, self.target):
                kept.append(before)  # outside this selection: kept as it is
                live.add(context)
            elif before.msgstr:
                vanished.append(before)
        for before in [*vanished, *self.previous.obsolete]:
            if before.msgctxt in live:
                continue
            live.add(before.msgctxt)
            kept.append(
                polib.POEntry(
                    msgctxt=before.msgctxt,
                    msgid=before.msgid,
                    msgstr=before.msgstr,
                    tcomment=before.tcomment,
                    obsolete=True,
                )
            )
        return kept


def _hashes_by_kind(fields: Mapping[str, LocalizedText], source: Lang) -> dict[str, set[str]]:
    """The hashes of the current source texts of one item, by field kind (``body[]``, ``title``)."""
    result: dict[str, set[str]] = {}
    for path, text in fields.items():
        value = text.get(source, fallback=False)
        if value:
            result.setdefault(_generic(path), set()).add(source_hash(value))
    return result


def _still_there(
    context: str, exported: set[str], library: ContentLibrary | None, source: Lang, target: Lang
) -> bool:
    """Whether a previous entry outside this export still has its source text.

    Items of this export were walked already, so their missing fields are gone;
    other items are looked up in ``library`` (without one, they are kept).
    """
    match = _parse_context(context)
    if match is None:
        return False
    item_id = match["id"]
    if item_id in exported:
        return False
    if library is None:
        return True
    if item_id not in library:
        return False
    item = library.get(item_id)
    if item.type != match["type"] or not _translates(item, target):
        return False
    text = text_fields(item).get(match["path"])
    return text is not None and bool(text.get(source, fallback=False))


# ---------------------------------------------------------------------------
# import


@dataclass(frozen=True, slots=True)
class EntryResult:
    """What :func:`import_po` did with one entry, and why.

    ``needs_review`` marks an applied entry whose language the import could
    not confirm (see :func:`import_po`): an editor should read it.

    >>> r = EntryResult("place:baku:name", 12, "rejected", "unknown item 'bakuu'")
    >>> print(r)
    line 12: place:baku:name: rejected: unknown item 'bakuu'
    >>> print(EntryResult("person:x:family", 3, "applied", "names only", needs_review=True))
    line 3: person:x:family: applied (needs review): names only
    """

    msgctxt: str | None
    line: int | None
    outcome: Outcome
    reason: str
    needs_review: bool = False

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        outcome = f"{self.outcome} (needs review)" if self.needs_review else self.outcome
        return f"{where}{self.msgctxt or '(no msgctxt)'}: {outcome}: {self.reason}"

    def as_dict(self) -> dict[str, object]:
        """The result as a JSON-ready dict.

        >>> EntryResult("place:baku:name", 3, "skipped", "unchanged").as_dict()["outcome"]
        'skipped'
        """
        return {
            "msgctxt": self.msgctxt,
            "line": self.line,
            "outcome": self.outcome,
            "reason": self.reason,
            "needs_review": self.needs_review,
        }


@dataclass
class ImportReport:
    """The outcome of :func:`import_po`: every entry's result and what was written.

    ``applied`` entries changed (or confirmed) a translation; ``skipped`` were
    empty, fuzzy or unchanged; ``stale`` were translated from a source text
    that has changed since the export; ``rejected`` failed a check. Any
    rejection means nothing was changed (``committed`` is False).
    ``normalized`` lists Azerbaijani look-alike letters that were replaced,
    ``warnings`` style findings that do not block the import. ``library`` is
    the library with the translations applied (the unchanged one when nothing
    was committed).

    >>> from diplolib import load_sample_library
    >>> report = ImportReport("en", "az", load_sample_library())
    >>> report.ok, report.committed
    (True, False)
    """

    source_lang: Lang
    target_lang: Lang
    library: ContentLibrary
    applied: list[EntryResult] = field(default_factory=list)
    skipped: list[EntryResult] = field(default_factory=list)
    stale: list[EntryResult] = field(default_factory=list)
    rejected: list[EntryResult] = field(default_factory=list)
    normalized: list[EntryResult] = field(default_factory=list)
    warnings: list[EntryResult] = field(default_factory=list)
    changed_files: list[Path] = field(default_factory=list)
    committed: bool = False
    dry_run: bool = False

    @property
    def needs_review(self) -> list[EntryResult]:
        """Applied entries an editor should read: their language could not be confirmed.

        >>> from diplolib import load_sample_library
        >>> ImportReport("en", "az", load_sample_library()).needs_review
        []
        """
        return [r for r in self.warnings if r.needs_review]

    @property
    def ok(self) -> bool:
        """True when no entry was rejected.

        >>> from diplolib import load_sample_library
        >>> report = ImportReport("en", "az", load_sample_library())
        >>> report.rejected.append(EntryResult(None, 4, "rejected", "no msgctxt"))
        >>> report.ok
        False
        """
        return not self.rejected

    def summary(self) -> str:
        """One line of counts, for people.

        >>> from diplolib import load_sample_library
        >>> ImportReport("en", "az", load_sample_library()).summary()
        'en → az: 0 applied, 0 skipped, 0 stale, 0 rejected'
        """
        return gettext(
            "{source} → {target}: {applied} applied, {skipped} skipped, {stale} stale, "
            "{rejected} rejected",
            source=self.source_lang,
            target=self.target_lang,
            applied=len(self.applied),
            skipped=len(self.skipped),
            stale=len(self.stale),
            rejected=len(self.rejected),
        )

    def as_dict(self) -> dict[str, object]:
        """The report as a JSON-ready dict.

        >>> from diplolib import load_sample_library
        >>> data = ImportReport("en", "az", load_sample_library()).as_dict()
        >>> data["ok"], data["applied"]
        (True, [])
        """
        return {
            "source_language": self.source_lang,
            "target_language": self.target_lang,
            "ok": self.ok,
            "committed": self.committed,
            "dry_run": self.dry_run,
            "changed_files": [str(p) for p in self.changed_files],
            **{
                name: [r.as_dict() for r in getattr(self, name)]
                for name in ("applied", "skipped", "stale", "rejected", "normalized", "warnings")
            },
            "needs_review": [r.msgctxt for r in self.needs_review],
        }


def _entries_of(po: polib.POFile) -> PoFile:
    """Our entry records from a polib object (polib keeps the line numbers it read)."""
    result = PoFile(po.fpath or "<PO file>", dict(po.metadata))
    for entry in po:
        record = PoEntry(
            line=getattr(entry, "linenum", None),
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural or None,
            msgstr=entry.msgstr,
            msgstr_plural=tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)),
            flags=frozenset(entry.flags),
            extracted_comments=tuple(entry.comment.splitlines()),
            obsolete=entry.obsolete,
        )
        (result.obsolete if entry.obsolete else result.entries).append(record)
    return result


def _language_pair(
    po: PoFile, source_lang: str | None, target_lang: str | None
) -> tuple[Lang, Lang]:
    def header_lang(name: str, expected: str | None) -> Lang | None:
        declared = po.header_value(name)
        if not declared:
            return None
        try:
            code = normalize_language(declared)
        except ValueError:
            raise CatalogError(
                f"the header's {name} is {declared!r}; accepted: "
                f"{', '.join(map(repr, SUPPORTED_LANGUAGES))}",
                file=po.file,
                line=po.header_line,
            ) from None
        if expected is not None and code != normalize_language(expected):
            raise CatalogError(
                f"the file's {name} is {declared!r}, but {normalize_language(expected)!r} "
                "was asked for: this PO file is for another language pair",
                file=po.file,
                line=po.header_line,
            )
        return code

    target = header_lang("Language", target_lang)
    if target is None:
        if target_lang is None:
            raise CatalogError(
                "the header has no Language field: say which language the translations "
                "are in (e.g. Language: az)",
                file=po.file,
                line=po.header_line,
            )
        target = normalize_language(target_lang)
    source = header_lang("X-Source-Language", source_lang)
    if source is None:
        others = [lang for lang in SUPPORTED_LANGUAGES if lang != target]
        source = normalize_language(source_lang) if source_lang is not None else others[0]
    if source == target:
        raise CatalogError(
            f"source and target language are both {source!r}", file=po.file, line=po.header_line
        )
    return source, target


def _has_placeholder_chars(text: str) -> bool:
    """Whether ``text`` holds a ``{``, ``}`` or ``%`` (three substring tests, no regex pass)."""
    return "{" in text or "}" in text or "%" in text


def _declared_hash(entry: PoEntry, name: str = _HASH_COMMENT) -> str | None:
    for comment in entry.extracted_comments:
        if comment.startswith(name):
            return comment[len(name) :].strip()
    return None


def _set_path(model: BaseModel, path: str, value: LocalizedText) -> BaseModel:
    segments = path.split(".", 1)
    match = _SEGMENT_RE.fullmatch(segments[0])
    assert match is not None  # paths come from text_fields()
    name, index = match["name"], match["index"]
    current = getattr(model, name)
    rest = segments[1] if len(segments) > 1 else None

    def inner(part: Any) -> Any:
        return value if rest is None else _set_path(part, rest, value)

    if index is None:
        new = inner(current)
    else:
        i = int(index)
        new = (*current[:i], inner(current[i]), *current[i + 1 :])
    return model.model_copy(update={name: new})


class _Validator:
    """The checks a translation must pass; reuses the catalog checker's entry checks."""

    BLOCKING: Final = frozenset(
        {"placeholder-mismatch", "unsafe-placeholder", "printf-mismatch", "markup"}
    )
    ADVISORY: Final = frozenset({"whitespace", "punctuation", "identical"})

    def __init__(self, file: str, target: Lang, language_check: bool) -> None:
        from ._catalog_tools import ALLOWED_IDENTICAL, EntryChecker
        from .detect import check_language, matches_language

        self.checker = EntryChecker(file, target, None, ALLOWED_IDENTICAL)
        # Look-alike letters are repaired (and reported) before the checker sees the text.
        self.checker.lookalikes = False
        self.target = target
        self.language_check = language_check
        self.expected = language_spec(target).label
        self.rules = language_spec(target).text_rules
        self.matches = matches_language
        self.check_language = check_language
        # Detection is deterministic: a text met again (a tag, a name, a repeated
        # line) is judged once per import; each entry is still judged on its own text.
        # Only the finding is kept (None when there is none), not the detection.
        self.verdicts: dict[str, tuple[bool, str] | None] = {}

    def language(self, value: str) -> tuple[bool, str] | None:
        """What :func:`~diplolib.detect.check_language` finds in ``value``, once per distinct text.

        ``(True, message)`` for a mismatch, ``(False, message)`` for text to review,
        None when there is nothing to say.
        """
        if value in self.verdicts:
            return self.verdicts[value]
        found = None
        if self.matches(value, self.expected):
            # Most translations: a match, with nothing to say (see check_language).
            self.verdicts[value] = found
            return found
        verdict = self.check_language(value, self.expected)
        if verdict.status == "mismatch":
            found = (True, verdict.message)
        elif verdict.needs_review:
            found = (False, verdict.message)
        self.verdicts[value] = found
        return found

    def check(
        self, entry: PoEntry, value: str, limit: int | None, *, is_name: bool
    ) -> tuple[list[str], list[str], list[str]]:
        errors: list[str] = []
        warnings: list[str] = []
        review: list[str] = []
        self.checker.found.clear()
        if _has_placeholder_chars(entry.msgid) or _has_placeholder_chars(value):
            probe = PoEntry(line=entry.line, msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=value)
            self.checker.check(probe)
            literal_braces = placeholder_names(entry.msgid) is None
        else:
            # No brace or percent sign in either: no placeholder or printf conversion
            # to compare, so only the checks of the text itself can find anything.
            self.checker.check_text(entry, value)
            literal_braces = False
        for finding in self.checker.found:
            if finding.code == "unsafe-placeholder" and literal_braces:
                continue  # braces in the source are text, not placeholders: compared below
            if finding.code in self.BLOCKING:
                errors.append(finding.message)
            elif finding.code == "identical" and is_name:
                continue  # names are often spelled the same in both languages
            elif finding.code in self.ADVISORY:
                warnings.append(finding.message)
        if literal_braces:
            wanted = sorted(re.findall(r"\{[^{}]*\}", entry.msgid))
            found = sorted(re.findall(r"\{[^{}]*\}", value))
            if wanted != found:
                errors.append(
                    gettext(
                        "braced text {found} does not match {expected} in the source",
                        found=" ".join(found) or "-",
                        expected=" ".join(wanted) or "-",
                    )
                )
        if limit is not None and len(value) > limit:
            errors.append(
                gettext(
                    "{count} characters; this field allows at most {limit}",
                    count=len(value),
                    limit=limit,
                )
            )
        # Every language's rules check the script (Azerbaijani: Latin only).
        try:
            self.rules.check_script(value)
        except ValueError as exc:
            # However short: detection cannot judge "Баку", but the script alone is wrong.
            errors.append(gettext("wrong script: {problem}", problem=str(exc)))
        verdict = self.language(value) if self.language_check else None
        if verdict is not None:
            mismatch, problem = verdict
            if mismatch:
                errors.append(gettext("wrong language: {problem}", problem=problem))
            else:
                review.append(gettext("language not confirmed: {problem}", problem=problem))
        return errors, warnings, review


def import_po(
    library: ContentLibrary | str | os.PathLike[str],
    pofile: polib.POFile | str | os.PathLike[str],
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    dry_run: bool = False,
    language_check: bool = True,
    force: bool = False,
) -> ImportReport:
    """Check the translations in ``pofile`` and apply them to ``library``, all or nothing.

    ``library`` is a :class:`~diplolib.library.ContentLibrary` (the result is
    ``report.library``; nothing is written) or a content folder, whose changed
    files are rewritten atomically, across crashes too: a journal in the folder
    names every file first, every new file is written and synced to a
    temporary name, the journal is marked committed, and only then are the
    files renamed over the old ones. An error restores every file from
    backups; a crash (even ``SIGKILL``) is finished or rolled back by the next
    load of the folder (``validate``, ``preview``, another import), which also
    removes the temporary files, so the folder is only ever seen wholly before
    or wholly after the import. A translation that would make a file larger
    than the loader accepts is rejected. ``pofile`` is a ``polib.POFile`` or a path (read
    with diplolib's strict parser: a syntax error is a
    :class:`~diplolib.errors.CatalogError` with the line).

    The language pair comes from the header (``Language``,
    ``X-Source-Language``); ``source_lang``/``target_lang`` make it a check.
    Each entry is checked before anything changes: the context must name a
    known item and field; the ``msgid`` must still be the current source text
    (otherwise the entry is *stale* and left out) and must not have been
    edited (its ``source-hash``); placeholders and markup must match the
    source; the text must be in the target language
    (:func:`~diplolib.detect.check_language`: a confident mismatch is
    rejected; text that looks like another language but is too short or
    mostly names to judge is applied with a warning and marked
    ``needs_review``; text with no language signal is accepted) and Azerbaijani must be
    in Latin script whatever its length (:func:`~diplolib.az.require_latin`); length limits
    (:data:`FIELD_LIMITS`) apply; Azerbaijani look-alike letters are replaced
    and reported. Fuzzy and empty entries are skipped. The ``target-hash``
    says which translation the library held at export time; when the library's
    translation has changed since, an entry the file left as exported is
    skipped (an older file never reverts newer work), and an entry edited in
    the file too is a *conflict* and rejected. ``force=True`` applies both
    kinds anyway. Any rejection means nothing is applied. With
    ``dry_run`` nothing is written either. The cyclic garbage collector is
    paused while the file is read, checked and applied (and restored after,
    also on failure): what the import builds outlives it, and full
    collections over it took about a tenth of a large import's time.

    >>> from diplolib import load_sample_library
    >>> lib = load_sample_library()
    >>> po = export_po([lib.get("baku")], "en", "az")
    >>> po[0].msgstr = "Bakı şəhəri"
    >>> report = import_po(lib, po)
    >>> report.summary()
    'en → az: 1 applied, 0 skipped, 0 stale, 0 rejected'
    >>> report.library.get("baku").name.get("az")
    'Bakı şəhəri'
    >>> po[0].msgstr = "Baku city, the capital of the Republic of Azerbaijan"
    >>> print(import_po(lib, po).rejected[0].reason)
    wrong language: expected Azerbaijani (az-Latn) but the text looks English (en, confidence 1.00)
    """
    root: Path | None = None
    if not isinstance(library, ContentLibrary):
        root = Path(library)
        library = ContentLibrary.load(root)
    # The entries, their results and the new items all outlive the reading and the
    # checks: full collections over them would free nothing (see diplolib._gc).
    with gc_paused():
        po = _entries_of(pofile) if not isinstance(pofile, str | os.PathLike) else _read_po(pofile)
        source, target = _language_pair(po, source_lang, target_lang)
        report = ImportReport(source, target, library, dry_run=dry_run)
        run = _Import(library, report, _Validator(po.file, target, language_check), force=force)
        for entry in po.entries:
            run.check(entry)
        return run.commit(root, dry_run=dry_run)


@dataclass(slots=True)
class _Candidate:
    """One entry on its way through the checks of :func:`import_po`."""

    entry: PoEntry
    item_id: str = ""
    path: str = ""
    item: Item | None = None
    text: LocalizedText | None = None
    existing: str | None = None  # the library's translation
    current: str = ""  # the library's source text
    value: str = ""  # the translation to import
    digest: str | None = None  # source_hash of the msgid, worked out once

    def msgid_hash(self) -> str:
        if self.digest is None:
            self.digest = source_hash(self.entry.msgid)
        return self.digest

    def result(self, outcome: Outcome, reason: str) -> EntryResult:
        return EntryResult(self.entry.msgctxt, self.entry.line, outcome, reason)

    @property
    def found(self) -> Item:
        assert self.item is not None  # set by _Import.known_item
        return self.item

    @property
    def field(self) -> LocalizedText:
        assert self.text is not None  # set by _Import.known_field
        return self.text


Check = Callable[[_Candidate], EntryResult | None]


class _Import:
    """The checks of :func:`import_po`, one method each, and the all-or-nothing commit.

    Every check returns None to pass the entry on, or the entry's result: a
    ``rejected`` one fails the whole import, ``stale`` and ``skipped`` ones
    leave the entry out. A check may also set what later checks need.
    """

    def __init__(
        self, library: ContentLibrary, report: ImportReport, validator: _Validator, *, force: bool
    ) -> None:
        self.library = library
        self.report = report
        self.source, self.target = report.source_lang, report.target_lang
        self.validator = validator
        self.force = force
        self.updates: dict[str, dict[str, str]] = {}
        self.hashes: dict[str, dict[str, str]] = {}  # source_hash of each update's source
        self.accepted: dict[str, list[EntryResult]] = {}
        self.contexts: dict[str, int | None] = {}
        self.fields_of: dict[str, dict[str, LocalizedText]] = {}
        self.checks: tuple[Check, ...] = (
            self.has_context,
            self.not_duplicate,
            self.context_form,
            self.not_plural,
            self.known_item,
            self.same_kind,
            self.known_field,
            self.translatable,
            self.msgid_intact,
            self.source_there,
            self.source_current,
            self.not_fuzzy,
            self.translated,
            self.unchanged,
            self.fits_a_file,
            self.normalized,
            self.passes_validator,
            self.no_conflict,
            self.changes_something,
        )

    def check(self, entry: PoEntry) -> None:
        """Run every check on ``entry``; file it under its outcome or keep its change."""
        candidate = _Candidate(entry)
        for step in self.checks:
            outcome = step(candidate)
            if outcome is not None:
                getattr(self.report, outcome.outcome).append(outcome)
                return
        self.accept(candidate)

    # -- the checks, in order ------------------------------------------------------

    def has_context(self, c: _Candidate) -> EntryResult | None:
        if c.entry.msgctxt is not None:
            return None
        return c.result(
            "rejected", gettext("no msgctxt: not an entry of a diplolib content export")
        )

    def not_duplicate(self, c: _Candidate) -> EntryResult | None:
        ctx = c.entry.msgctxt
        assert ctx is not None
        if ctx not in self.contexts:
            self.contexts[ctx] = c.entry.line
            return None
        first = self.contexts[ctx]
        reason = gettext("duplicate entry for {context}", context=repr(ctx))
        if first is not None:
            reason = gettext(
                "duplicate entry for {context} (first at line {line})",
                context=repr(ctx),
                line=first,
            )
        return c.result("rejected", reason)

    def context_form(self, c: _Candidate) -> EntryResult | None:
        ctx = c.entry.msgctxt or ""
        match = _parse_context(ctx)
        if match is not None:
            c.item_id, c.path = match["id"], match["path"]
            return None
        return c.result(
            "rejected",
            gettext(
                "msgctxt {context} is not 'type:id:field' (e.g. 'article:some-article:body[3]')",
                context=repr(ctx[:80]),
            ),
        )

    def not_plural(self, c: _Candidate) -> EntryResult | None:
        if not c.entry.is_plural:
            return None
        return c.result("rejected", gettext("content entries have no plural forms"))

    def known_item(self, c: _Candidate) -> EntryResult | None:
        if c.item_id not in self.library:
            return c.result("rejected", gettext("unknown item {id}", id=repr(c.item_id)))
        c.item = self.library.get(c.item_id)
        return None

    def same_kind(self, c: _Candidate) -> EntryResult | None:
        expected = (c.entry.msgctxt or "").split(":", 1)[0]
        if c.found.type == expected:
            return None
        return c.result(
            "rejected",
            gettext(
                "item {id} is a {kind}, not a {expected}",
                id=repr(c.item_id),
                kind=c.found.type,
                expected=expected,
            ),
        )

    def known_field(self, c: _Candidate) -> EntryResult | None:
        fields = self.fields_of.get(c.item_id)
        if fields is None:
            fields = self.fields_of[c.item_id] = c.found.text_fields()
        text = fields.get(c.path)
        if text is not None:
            c.text = text
            c.existing = text.first((self.target,))[0]
            return None
        return c.result(
            "rejected",
            gettext(
                "{kind} {id} has no field {field} (it has: {known})",
                kind=c.found.type,
                id=repr(c.item_id),
                field=repr(c.path),
                known=", ".join(fields),
            ),
        )

    def translatable(self, c: _Candidate) -> EntryResult | None:
        if _translates(c.found, self.target):
            return None
        return c.result(
            "rejected",
            gettext(
                "article {id} was written in {language}: it takes no translation into it",
                id=repr(c.item_id),
                language=language_name(self.target, in_sentence=True),
            ),
        )

    def msgid_intact(self, c: _Candidate) -> EntryResult | None:
        declared = _declared_hash(c.entry)
        if declared is None or declared == c.msgid_hash():
            return None
        return c.result(
            "rejected",
            gettext(
                "the msgid was edited (it no longer matches its source-hash); "
                "translate in msgstr only"
            ),
        )

    def source_there(self, c: _Candidate) -> EntryResult | None:
        c.current = c.field.first((self.source,))[0] or ""
        if c.current:
            return None
        return c.result(
            "stale",
            gettext(
                "the {language} text is gone",
                language=language_name(self.source, in_sentence=True),
            ),
        )

    def source_current(self, c: _Candidate) -> EntryResult | None:
        if c.entry.msgid == c.current:
            return None
        return c.result(
            "stale",
            gettext(
                "the {language} text changed after the export; export again",
                language=language_name(self.source, in_sentence=True),
            ),
        )

    def not_fuzzy(self, c: _Candidate) -> EntryResult | None:
        if not c.entry.is_fuzzy:
            return None
        return c.result("skipped", gettext("fuzzy: review it and remove the flag"))

    def translated(self, c: _Candidate) -> EntryResult | None:
        if c.entry.msgstr.strip():
            c.value = unicodedata.normalize("NFC", c.entry.msgstr).strip()
            return None
        return c.result("skipped", gettext("not translated"))

    def fits_a_file(self, c: _Candidate) -> EntryResult | None:
        """A translation longer than a content file may be is refused before any other check."""
        if len(c.entry.msgstr) <= MAX_FILE_BYTES:
            return None
        return c.result(
            "rejected",
            gettext(
                "the translation is {count} characters; a content file may hold at "
                "most {limit} bytes",
                count=len(c.entry.msgstr),
                limit=MAX_FILE_BYTES,
            ),
        )

    def unchanged(self, c: _Candidate) -> EntryResult | None:
        """An entry equal to the library's translation of the current source changes nothing.

        It is skipped before the costly checks: the value passed the library's
        own checks when it went in, and re-importing a file unchanged is common.
        """
        return self.changes_something(c)

    def normalized(self, c: _Candidate) -> None:
        """The target language's rules repair look-alike letters, reported; the entry goes on."""
        fixed, repairs = self.validator.rules.repair(c.value)
        if repairs:
            shown = ", ".join(
                f"{char!r}→{replacement!r} (U+{ord(char[0]):04X}, {position})"
                for char, replacement, position in repairs
            )
            self.report.normalized.append(
                c.result("applied", gettext("look-alike letters fixed: {fixes}", fixes=shown))
            )
            c.value = fixed

    def passes_validator(self, c: _Candidate) -> EntryResult | None:
        spec = type(c.found).content
        errors, warnings, review = self.validator.check(
            c.entry, c.value, spec.limit(c.path), is_name=spec.is_name(c.path)
        )
        self.report.warnings.extend(c.result("applied", w) for w in warnings)
        self.report.warnings.extend(
            replace(c.result("applied", w), needs_review=True) for w in review
        )
        return c.result("rejected", "; ".join(errors)) if errors else None

    def no_conflict(self, c: _Candidate) -> EntryResult | None:
        """An entry exported before the library's translation changed must not undo it."""
        existing = c.existing
        exported_with = _declared_hash(c.entry, _TARGET_COMMENT)
        if (
            self.force
            or exported_with is None
            or c.value == existing
            or exported_with == source_hash(existing or "")
        ):
            return None
        current = repr(_shorten(existing or ""))
        if source_hash(c.value) == exported_with:
            # Untouched in this file, changed in the library since: an older file.
            return c.result(
                "skipped",
                gettext(
                    "the library's translation is newer than this file's "
                    "(it is now {current}); left as it is",
                    current=current,
                ),
            )
        return c.result(
            "rejected",
            gettext(
                "conflict: the {language} translation in the library changed after "
                "this file was exported (it is now {current}); export again to merge, "
                "or import with --force to overwrite it",
                language=language_name(self.target, in_sentence=True),
                current=current,
            ),
        )

    def changes_something(self, c: _Candidate) -> EntryResult | None:
        if c.value != c.existing:
            return None
        recorded = c.found.translation_sources.get(self.target, {}).get(c.path)
        # The msgid is the current source text here (source_current).
        if recorded == c.msgid_hash():
            return c.result("skipped", gettext("unchanged"))
        return None

    # -- the outcome ------------------------------------------------------------

    def accept(self, c: _Candidate) -> None:
        reason = gettext("updated") if c.existing else gettext("added")
        if c.value == c.existing:
            reason = gettext("unchanged; recorded as made from the current source")
        self.updates.setdefault(c.item_id, {})[c.path] = c.value
        self.hashes.setdefault(c.item_id, {})[c.path] = c.msgid_hash()
        self.accepted.setdefault(c.item_id, []).append(c.result("applied", reason))

    def commit(self, root: Path | None, *, dry_run: bool) -> ImportReport:
        """Apply every accepted change if nothing was rejected; write the files of a folder."""
        report, library = self.report, self.library
        new_items: dict[str, Item] = {}
        slugs: set[str] = set()
        for item_id, changes in self.updates.items():
            try:
                item = library.get(item_id)
                new_items[item_id] = _apply(
                    library, item, changes, self.hashes[item_id], self.source, self.target, slugs
                )
            except ValidationError as exc:
                for done in self.accepted.pop(item_id):
                    report.rejected.append(
                        EntryResult(done.msgctxt, done.line, "rejected", _first_error(exc))
                    )
                continue
            too_big = _size_problem(new_items[item_id])
            if too_big is not None:
                del new_items[item_id]
                for done in self.accepted.pop(item_id):
                    report.rejected.append(
                        EntryResult(done.msgctxt, done.line, "rejected", too_big)
                    )
        for results in self.accepted.values():
            report.applied.extend(results)
        report.applied.sort(key=lambda r: r.line or 0)
        if report.rejected or not new_items:
            return report
        merged = [new_items.get(item.id, item) for item in library]
        origin = {i.id: name for i in merged if (name := library.file_of(i.id)) is not None}
        report.library = ContentLibrary(merged, origin=origin)
        if dry_run:
            return report
        if root is not None:
            contents = {root / _file(library, i): item_json(new_items[i]) for i in new_items}
            commit_files(root, contents)
            report.changed_files = sorted(contents)
        report.committed = True
        return report


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _file(library: ContentLibrary, item_id: str) -> str:
    name = library.file_of(item_id)
    if name is None:  # pragma: no cover - a loaded library knows every file
        raise ContentError(f"no file is known for item {item_id!r}")
    return name


def _size_problem(item: Item) -> str | None:
    """Why ``item`` cannot be written: its file would be larger than the loader accepts."""
    if _file_size_bound(item) <= MAX_FILE_BYTES:
        return None
    size = len(item_json(item).encode("utf-8"))
    if size <= MAX_FILE_BYTES:
        return None
    return gettext(
        "with this translation the item's file would be {size} bytes; content files may "
        "have at most {limit} (the library would refuse to load it)",
        size=size,
        limit=MAX_FILE_BYTES,
    )


def _file_size_bound(item: Item) -> int:
    """At least the size in bytes of :func:`~diplolib.library.item_json` of ``item``, found fast.

    The file is the item's JSON indented by two spaces, which the standard
    library writes in Python; compact JSON of the same data comes from its C
    encoder. Indenting adds, for each element of a container nested ``d``
    deep, a line break and ``2·d`` spaces (and a space after a key's colon),
    and before each non-empty container's closing bracket a line break and
    fewer spaces. Every element and every container takes at least one
    character of the compact text, so the file has at most ``3 + 2·depth``
    times its bytes (plus the final line break).
    """
    data = item.model_dump(mode="json", exclude_defaults=True)
    data = {"type": item.type, **data}
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return len(compact.encode("utf-8")) * (3 + 2 * _depth(data)) + 1


def _depth(data: object) -> int:
    """How deep containers nest in JSON data: 0 for a scalar, 1 for a flat list or dict."""
    depth = 0
    level = [data] if isinstance(data, dict | list) else []
    while level:
        depth += 1
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
    return depth


def _first_error(exc: ValidationError) -> str:
    detail = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in detail["loc"])
    return gettext(
        "the item does not validate with this translation: {field}: {problem}",
        field=where,
        problem=detail["msg"],
    )


def _apply(
    library: ContentLibrary,
    item: Item,
    changes: dict[str, str],
    hashes: Mapping[str, str],
    source: Lang,
    target: Lang,
    slugs: set[str],
) -> Item:
    """``item`` with the translations in ``changes`` (by path), validated as a whole.

    ``hashes`` holds the :func:`source_hash` of each field's source text.

    The item is dumped once, every translation is set in the dump, and the
    result is validated once (twice for an article whose status or slug
    changes with it): the same result as setting each field on a copy of the
    model, without a copy per field. A dump that does not validate before the
    article's status and slug are updated takes that slower way, so the
    outcome and its error are exactly those of the whole new item.
    """
    sources = {lang: dict(paths) for lang, paths in item.translation_sources.items()}
    recorded = sources.setdefault(target, {})
    data = item.model_dump(mode="json")
    for path, value in changes.items():
        _dumped_text(data, path)[target] = value
        recorded[path] = hashes[path]
    data["translation_sources"] = sources
    model = type(item)
    try:
        new = model.model_validate(data)
    except ValidationError:
        if not isinstance(item, Article):
            raise
        return _apply_by_copies(library, item, changes, source, target, slugs)
    if isinstance(new, Article):
        before = (data["translations"], data["slug"])
        _update_article(library, new, data, source, target, slugs)
        if (data["translations"], data["slug"]) != before:
            new = model.model_validate(data)
    return new


def _dumped_text(data: dict[str, Any], path: str) -> dict[str, str]:
    """The dumped :class:`LocalizedText` at ``path`` (``body[3]``, ``participants[0].role``)."""
    node: Any = data
    for segment in path.split("."):
        match = _SEGMENT_RE.fullmatch(segment)
        assert match is not None  # paths come from text_fields()
        node = node[match["name"]]
        if match["index"] is not None:
            node = node[int(match["index"])]
    assert isinstance(node, dict)
    return node


def _apply_by_copies(
    library: ContentLibrary,
    item: Item,
    changes: dict[str, str],
    source: Lang,
    target: Lang,
    slugs: set[str],
) -> Item:
    """:func:`_apply` field by field on model copies, then one validation of the whole."""
    fields = text_fields(item)
    model: BaseModel = item
    sources = {lang: dict(paths) for lang, paths in item.translation_sources.items()}
    recorded = sources.setdefault(target, {})
    for path, value in changes.items():
        text = fields[path]
        model = _set_path(model, path, text.replace(**{target: value}))
        recorded[path] = source_hash(text.get(source, fallback=False) or "")
    if isinstance(model, Article):
        model = model.model_copy(update={"translation_sources": sources})
    data = model.model_dump(mode="json")
    data["translation_sources"] = sources
    if isinstance(model, Article):
        _update_article(library, model, data, source, target, slugs)
    # Validate the whole item again: the result must load from its file like any other.
    return type(item).model_validate(data)


def _update_article(
    library: ContentLibrary,
    article: Article,
    data: dict[str, Any],
    source: Lang,
    target: Lang,
    slugs: set[str],
) -> None:
    """Keep the article's translation status and slug in step with its new text.

    ``article`` already holds the imported text; ``data`` is what gets saved.
    ``slugs`` holds the slugs given to other articles by this import.

    * Every field with source text translated: ``missing`` and ``partial``
      become ``translated``; so does ``machine`` once every one of those
      translations came through a PO import for the current source (reviewed).
    * Title and every body paragraph translated, something else not yet:
      ``missing`` becomes ``partial`` (readers get the rest in the source
      language).
    * Less than that: the status stays as it is, and a ``missing`` article gets
      no slug, so no new language version is published with most of its text
      in the other language; the imported fields are stored all the same.

    A slug is made from the translated title when the article becomes
    readable in ``target`` (``partial``, ``translated``, ``machine``) and has none.
    """
    from .errors import UnknownReferenceError
    from .slugs import slugify

    fields = {
        path: text for path, text in article.text_fields().items() if text.first((source,))[0]
    }
    absent = {path for path, text in fields.items() if not text.first((target,))[0]}
    core = {path for path in fields if path == "title" or path.startswith("body[")}
    recorded = article.translation_sources.get(target, {})

    def reviewed() -> bool:
        stale = stale_fields(article, source, target)
        return all(path in recorded and path not in stale for path in fields)

    status = article.translations.get(target, "missing")
    if not absent:
        if status in ("missing", "partial") or (status == "machine" and reviewed()):
            status = "translated"
    elif not absent & core and status == "missing":
        status = "partial"
    data["translations"] = {**data["translations"], target: status}
    title = article.title.get(target, fallback=False)
    if target in article.slug or not title or status not in ("partial", "translated", "machine"):
        return

    def taken(slug: str) -> bool:
        if slug in slugs:
            return True
        try:
            return library.by_slug(slug, target).id != article.id
        except UnknownReferenceError:
            return False

    base = slugify(title, lang=target) or article.id
    slug, n = base, 2
    while taken(slug):
        slug, n = f"{base}-{n}", n + 1
    slugs.add(slug)
    data["slug"] = {**data["slug"], target: slug}


# ---------------------------------------------------------------------------
# status


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """Translation coverage of one item in one target language.

    ``total`` counts the fields with source text; ``translated`` those with an
    up-to-date translation; ``stale`` those translated from an older source;
    ``missing`` those without a translation (absent or explicitly empty);
    ``fallback`` those a reader of ``lang`` is served in another language.

    >>> s = ItemStatus("a", "article", "en", "az", total=4, translated=2, stale=1, missing=1, fallback=1)
    >>> s.percent
    50.0
    """

    item_id: str
    item_type: str
    source_lang: Lang
    lang: Lang
    total: int
    translated: int
    stale: int
    missing: int
    fallback: int

    @property
    def percent(self) -> float:
        """Up-to-date translations as a percentage of ``total`` (100 when there is nothing to translate).

        >>> ItemStatus("x", "place", "en", "az", 0, 0, 0, 0, 0).percent
        100.0
        """
        return 100.0 * self.translated / self.total if self.total else 100.0

    def as_dict(self) -> dict[str, object]:
        """The counts as a JSON-ready dict.

        >>> ItemStatus("baku", "place", "en", "az", 1, 1, 0, 0, 0).as_dict()["percent"]
        100.0
        """
        return {
            "id": self.item_id,
            "type": self.item_type,
            "source_language": self.source_lang,
            "language": self.lang,
            "total": self.total,
            "translated": self.translated,
            "stale": self.stale,
            "missing": self.missing,
            "fallback": self.fallback,
            "percent": round(self.percent, 1),
        }


def translation_status(
    items: ContentLibrary | Iterable[Item], *, source_lang: str = "en"
) -> list[ItemStatus]:
    """Coverage per item and target language; articles count from their original language.

    Events and entities have no original language: ``source_lang`` is theirs.

    >>> from diplolib import load_sample_library
    >>> rows = translation_status(load_sample_library())
    >>> [(r.item_id, r.lang, r.missing) for r in rows if r.item_id == "baku"]
    [('baku', 'az', 0)]
    """
    default = normalize_language(source_lang)
    rows = []
    for item in items:
        source = item.original_language if isinstance(item, Article) else default
        fields = text_fields(item)
        for lang in SUPPORTED_LANGUAGES:
            if lang == source:
                continue
            stale_paths = stale_fields(item, source, lang)
            total = translated = stale = missing = fallback = 0
            for path, text in fields.items():
                original = text.get(source, fallback=False)
                if not original:
                    continue
                total += 1
                value = text.get(lang, fallback=False)
                if not value:
                    missing += 1
                    fallback += value is None
                elif path in stale_paths:
                    stale += 1
                else:
                    translated += 1
            rows.append(
                ItemStatus(
                    item.id, item.type, source, lang, total, translated, stale, missing, fallback
                )
            )
    return rows
