"""A strict reader for gettext ``.po`` files.

babel's and polib's readers are forgiving: they keep unknown escapes, merge
duplicate entries, accept unterminated strings and report problems (if at
all) as bare ``ValueError``/``OSError``. A catalog that ships with a library
should instead fail loudly and precisely, so this reader rejects every
malformed construct with a :class:`~diplolib.errors.CatalogError` that names
the file and line:

* syntax: unknown keywords, strings without quotes or with trailing text,
  keywords out of order, ``msgstr[N]`` indices that skip or repeat;
* escapes other than the C ones gettext knows, and escapes that produce NUL or
  a non-ASCII byte;
* bytes that are not UTF-8, and a header that declares another charset;
* duplicate entries (same context and msgid) and a second header.

Obsolete entries (``#~``) are parsed and kept apart; flags, comments and
references are kept for the catalog checker.

>>> po = parse_po(b'msgid ""\\nmsgstr "Language: az\\\\n"\\n\\nmsgid "Print"\\nmsgstr "\\xc3\\x87ap et"\\n', "az.po")
>>> po.header["Language"], po.entries[0].msgstr
('az', 'Çap et')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from ..errors import CatalogError

__all__ = [
    "MAX_CATALOG_BYTES",
    "PoEntry",
    "PoFile",
    "parse_header",
    "parse_po",
]

MAX_CATALOG_BYTES: Final = 32 * 1024 * 1024
"""Largest catalog file accepted (32 MiB; big real-world catalogs are a few MiB)."""

_KEYWORD_RE: Final = re.compile(
    r"(?P<kw>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<index>[0-9]{1,2})\])?)(?=[\s\"])\s*+"
)
_SPACE_RE: Final = re.compile(r"\s*+")
# Possessive quantifiers: the regex engine keeps no backtracking state per character, so
# matching a quoted string costs constant memory whatever its length (a plain ``*`` here
# kept about 150 bytes per character of one long string).
_STRING_RE: Final = re.compile(r'"(?P<body>(?:[^"\\]++|\\.)*+)"\s*+')
_ESCAPE_RE: Final = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.)|$)", re.DOTALL)
# A run of at most ~64k characters that ends on an escape boundary: long strings with
# escapes are unescaped a run at a time, so the pieces in flight stay small.
_RUN_RE: Final = re.compile(
    r"(?:[^\\]{1,1024}+|\\(?:[0-7]{1,3}+|x[0-9A-Fa-f]{1,2}+|.)?+){1,1024}+", re.DOTALL
)
_SIMPLE_ESCAPES: Final[dict[str, str]] = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
}
_COMPLEX_ESCAPE_RE: Final = re.compile(r"\\(?:[^ntrabfv\"'?]|\Z)", re.DOTALL)
_UTF8_NAMES: Final = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "charset"})
_NO_FLAGS: Final[frozenset[str]] = frozenset()


@dataclass(slots=True)
class PoEntry:
    """One message of a ``.po`` file, as written (fuzzy and empty ones included).

    >>> entry = PoEntry(line=3, msgid="{n} comment", msgid_plural="{n} comments",
    ...                 msgstr_plural=("{n} şərh", "{n} şərh"))
    >>> entry.is_plural, entry.is_translated, entry.key
    (True, True, '{n} comment')
    """

    line: int | None
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: tuple[str, ...] = ()
    flags: frozenset[str] = _NO_FLAGS
    comments: tuple[str, ...] = ()
    extracted_comments: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    obsolete: bool = False

    @property
    def key(self) -> str | tuple[str, str]:
        """The lookup key: the msgid, or ``(msgctxt, msgid)`` when there is a context."""
        return self.msgid if self.msgctxt is None else (self.msgctxt, self.msgid)

    @property
    def is_plural(self) -> bool:
        """True for an entry with ``msgid_plural``."""
        return self.msgid_plural is not None

    @property
    def is_fuzzy(self) -> bool:
        """True when the entry carries the ``fuzzy`` flag."""
        return "fuzzy" in self.flags

    @property
    def is_translated(self) -> bool:
        """True when every translation (each plural form) is non-empty."""
        if self.is_plural:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def translations(self) -> tuple[str, ...]:
        """The translation strings: the plural forms, or ``(msgstr,)``."""
        return self.msgstr_plural if self.is_plural else (self.msgstr,)


@dataclass(slots=True)
class PoFile:
    """A parsed ``.po`` file: header fields, entries, obsolete entries.

    >>> parse_po(b'msgid "a"\\nmsgstr "b"\\n', "x.po").entries[0].msgstr
    'b'
    """

    file: str
    header: dict[str, str] = field(default_factory=dict)
    header_line: int | None = None
    entries: list[PoEntry] = field(default_factory=list)
    obsolete: list[PoEntry] = field(default_factory=list)

    def header_value(self, name: str) -> str | None:
        """A header field by case-insensitive name, or None.

        >>> PoFile("x.po", {"Plural-Forms": "nplurals=1; plural=0;"}).header_value("plural-forms")
        'nplurals=1; plural=0;'
        """
        wanted = name.lower()
        for key, value in self.header.items():
            if key.lower() == wanted:
                return value
        return None


def parse_header(text: str) -> dict[str, str]:
    """Split a header msgstr into ``{field: value}`` (lines without a colon are skipped).

    >>> parse_header("Language: az\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n")
    {'Language': 'az', 'Plural-Forms': 'nplurals=2; plural=(n != 1);'}
    """
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            fields[name.strip()] = value.strip()
    return fields


def _unescape_run(body: str, file: str, line: int) -> str:
    """Unescape ``body``, which ends on an escape boundary."""
    if "\x00" not in body:
        # Common case, in C: hide escaped backslashes, then every backslash left starts
        # a one-character escape; anything else (octal, hex, unknown) takes the slow path.
        quick = body.replace("\\\\", "\x00")
        if _COMPLEX_ESCAPE_RE.search(quick) is None:
            for code, value in _SIMPLE_ESCAPES.items():
                if code != "\\":
                    quick = quick.replace("\\" + code, value)
            return quick.replace("\x00", "\\")

    def replace(match: re.Match[str]) -> str:
        octal, hexa, simple = match.groups()
        if simple is not None:
            value = _SIMPLE_ESCAPES.get(simple)
            if value is None:
                raise CatalogError(
                    f"unknown escape sequence '\\{simple}'; allowed: \\n \\t \\r \\\\ \\\" "
                    "\\a \\b \\f \\v \\' \\? and octal/hex escapes of ASCII characters",
                    file=file,
                    line=line,
                )
            return value
        if octal is None and hexa is None:
            raise CatalogError("string ends with a lone backslash", file=file, line=line)
        code = int(octal, 8) if octal is not None else int(hexa, 16)
        if code == 0:
            raise CatalogError("escape produces a NUL character", file=file, line=line)
        if code > 0x7F:
            raise CatalogError(
                f"escape {match.group()!r} produces a non-ASCII byte; write the character "
                "itself in UTF-8",
                file=file,
                line=line,
            )
        return chr(code)

    return _ESCAPE_RE.sub(replace, body)


def _unescape(text: str, start: int, end: int, file: str, line: int) -> str:
    """The unescaped value of ``text[start:end]``, in memory linear in its length."""
    if text.find("\\", start, end) < 0:
        return text[start:end]
    if end - start <= 65536:
        return _unescape_run(text[start:end], file, line)
    chunks = [_unescape_run(run.group(), file, line) for run in _RUN_RE.finditer(text, start, end)]
    return "".join(chunks)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _parse_string(text: str, start: int, end: int, file: str, line: int) -> str:
    """The value of the quoted string that makes up ``text[start:end]`` (trailing space allowed).

    Possessive matching and unescaping by runs keep the memory used linear in the
    string's length with a small constant, whatever it holds.
    """
    # Most strings hold no quote or backslash inside and end the line: their value is
    # the text between the quotes, exactly what the match below would give.
    last = end - 1
    if (
        last > start
        and text[start] == '"'
        and text[last] == '"'
        and text.find('"', start + 1, last) < 0
        and text.find("\\", start + 1, last) < 0
    ):
        return text[start + 1 : last]
    match = _STRING_RE.fullmatch(text, start, end)
    if match is None:
        raise CatalogError(
            f"expected a string in double quotes, found {_shown(text[start : min(end, start + 41)].rstrip())}",
            file=file,
            line=line,
        )
    return _unescape(text, match.start("body"), match.end("body"), file, line)


class _Builder:
    """Collects the lines of one entry and checks their order."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.reset()

    def reset(self) -> None:
        self.start: int | None = None
        self.msgid_line: int | None = None
        self.msgctxt: list[str] | None = None
        self.msgid: list[str] | None = None
        self.msgid_plural: list[str] | None = None
        self.msgstr: list[str] | None = None
        self.forms: list[list[str]] = []
        self.current: list[str] | None = None
        self.size = 0  # characters in self.current
        self.pieces = 0  # pieces appended to self.current since it was last joined
        self.flags: set[str] = set()
        self.comments: list[str] = []
        self.extracted: list[str] = []
        self.references: list[str] = []
        self.obsolete = False
        self.has_comments = False

    def started(self, max_string: int | None, line: int) -> None:
        """A keyword has just begun a new current string."""
        assert self.current is not None
        self.pieces = 0
        self.size = len(self.current[0])
        self._check_size(max_string, line)

    def extend(self, value: str, max_string: int | None, line: int) -> None:
        """Append a continuation ``value`` to the current string, in bounded memory.

        Joining every 512 pieces keeps a string wrapped over a million short lines
        from costing an object per line; ``max_string`` stops one that grows
        longer than any use of it allows before it is held in memory.
        """
        current = self.current
        assert current is not None
        if not value:
            return
        current.append(value)
        self.size += len(value)
        self.pieces += 1
        if self.pieces >= 512:
            joined = "".join(current[-self.pieces :])
            del current[-self.pieces :]
            current.append(joined)
            self.pieces = 0
        if max_string is not None and self.size > max_string:
            self._check_size(max_string, line)

    def _check_size(self, max_string: int | None, line: int) -> None:
        if max_string is not None and self.size > max_string:
            raise CatalogError(
                f"a string longer than {max_string} characters; the limit for this file is "
                f"{max_string}",
                file=self.file,
                line=line,
            )

    @property
    def has_keywords(self) -> bool:
        return self.msgctxt is not None or self.msgid is not None

    @property
    def complete(self) -> bool:
        return self.msgstr is not None or bool(self.forms)

    def fail(self, message: str, line: int) -> CatalogError:
        return CatalogError(message, file=self.file, line=line)

    def keyword(self, kw: str, index: str | None, value: str, line: int, obsolete: bool) -> None:
        if kw == "msgctxt":
            if self.msgctxt is not None or self.msgid is not None:
                raise self.fail("msgctxt must come first in an entry, once", line)
            self.start = self.start or line
            self.obsolete = obsolete
            self.msgctxt = self.current = [value]
        elif kw == "msgid":
            if self.msgid is not None:
                raise self.fail("msgid repeated before its msgstr", line)
            self.start = self.start or line
            self.msgid_line = line
            if self.msgctxt is None:
                self.obsolete = obsolete
            self.msgid = self.current = [value]
        elif kw == "msgid_plural":
            if self.msgid is None or self.msgid_plural is not None or self.complete:
                raise self.fail("msgid_plural must follow msgid, once", line)
            self.msgid_plural = self.current = [value]
        elif index is None:
            if self.msgid is None:
                raise self.fail("msgstr without a msgid", line)
            if self.msgid_plural is not None:
                raise self.fail("an entry with msgid_plural needs msgstr[0], msgstr[1], …", line)
            if self.msgstr is not None:
                raise self.fail("msgstr repeated", line)
            self.msgstr = self.current = [value]
        else:
            if self.msgid is None:
                raise self.fail(f"msgstr[{index}] without a msgid", line)
            if self.msgid_plural is None:
                raise self.fail(f"msgstr[{index}] in an entry without msgid_plural", line)
            expected = len(self.forms)
            if int(index) != expected:
                raise self.fail(f"expected msgstr[{expected}], found msgstr[{index}]", line)
            self.forms.append([value])
            self.current = self.forms[-1]

    def build(self, line: int) -> PoEntry:
        if self.msgid is None:
            raise self.fail("msgctxt without a msgid", self.start or line)
        if not self.complete:
            raise self.fail("msgid without a msgstr", self.msgid_line or line)
        return PoEntry(
            line=self.msgid_line or line,
            msgid="".join(self.msgid),
            msgctxt=None if self.msgctxt is None else "".join(self.msgctxt),
            msgid_plural=None if self.msgid_plural is None else "".join(self.msgid_plural),
            msgstr="".join(self.msgstr or ()),
            msgstr_plural=tuple("".join(form) for form in self.forms),
            # One shared empty set for the many entries without flags: fewer objects for
            # the garbage collector to walk while a large catalog is read.
            flags=frozenset(self.flags) if self.flags else _NO_FLAGS,
            comments=tuple(self.comments),
            extracted_comments=tuple(self.extracted),
            references=tuple(self.references),
            obsolete=self.obsolete,
        )


def _check_size(data: bytes, file: str, max_bytes: int = MAX_CATALOG_BYTES) -> None:
    if len(data) > max_bytes:
        raise CatalogError(f"catalog is {len(data)} bytes; the limit is {max_bytes}", file=file)


def check_charset(header: dict[str, str], file: str, line: int | None) -> None:
    content_type = next((v for k, v in header.items() if k.lower() == "content-type"), "")
    match = re.search(r"charset\s*=\s*([A-Za-z0-9_.:-]+)", content_type)
    if match is not None and match.group(1).lower() not in _UTF8_NAMES:
        raise CatalogError(
            f"header declares charset {match.group(1)!r}; diplolib reads UTF-8 catalogs only",
            file=file,
            line=line,
        )


_CHUNK: Final = 1 << 16
"""Most bytes of whole lines decoded at a time while reading a catalog."""


def _lines(data: bytes, file: str) -> Iterator[tuple[str, int, int]]:
    """Each line of ``data`` decoded: ``(text, start, end)``, leading space skipped.

    The buffer is decoded in chunks of whole lines of at most :data:`_CHUNK`
    bytes, so the file is never held as one string beside its bytes; a line
    longer than that is decoded on its own. A chunk that is not valid UTF-8 or
    holds a NUL is read line by line instead, to name the line. A UTF-8
    sequence never contains a newline byte, so this accepts exactly what
    decoding the whole file would.
    """
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    size = len(data)
    view = memoryview(data)
    number = 0  # lines before ``start``
    while True:
        last = start + _CHUNK >= size
        stop = size if last else data.rfind(b"\n", start, start + _CHUNK) + 1
        chunk: str | None = None
        if stop > 0:
            try:
                chunk = str(view[start:stop], "utf-8")
            except UnicodeDecodeError:
                chunk = None
            if chunk is not None and "\x00" in chunk:
                chunk = None
        else:  # a line longer than a chunk
            stop = data.find(b"\n", start + _CHUNK) + 1
            if stop <= 0:
                stop, last = size, True
        lines: Iterable[str]
        if chunk is None:
            lines = _checked_lines(data, start, stop, last, file, number)
        else:
            lines = chunk.split("\n")
            if not last:
                lines.pop()  # the chunk ends with a line break; the next line is in the next
        for text in lines:
            number += 1
            # str.lstrip() strips exactly what _SPACE_RE matches: Unicode white space.
            yield text, len(text) - len(text.lstrip()) if text[:1].isspace() else 0, len(text)
        if last:
            return
        start = stop


def _checked_lines(
    data: bytes, start: int, stop: int, last: bool, file: str, number: int
) -> Iterator[str]:
    """The lines of ``data[start:stop]`` decoded one by one; a bad one is an error.

    ``number`` lines come before ``start``; ``stop`` is the end of ``data`` or
    just after a line break. The empty text after a line break at ``stop`` is a
    line only when this is the ``last`` part of ``data``, as in :func:`_lines`.
    """
    view = memoryview(data)
    while True:
        number += 1
        end = data.find(b"\n", start, stop)
        line_stop = stop if end < 0 else end
        try:
            text = str(view[start:line_stop], "utf-8")
        except UnicodeDecodeError as exc:
            bad = data[start + exc.start : start + exc.start + 1]
            raise CatalogError(
                f"byte {bad!r} is not valid UTF-8; diplolib reads UTF-8 catalogs only "
                "(save the file as UTF-8 and set charset=UTF-8 in the header)",
                file=file,
                line=number,
            ) from None
        if "\x00" in text:
            # The .mo format ends every string with NUL: a catalog with one would compile
            # into a file that no reader (diplolib's included) accepts.
            raise CatalogError(
                "NUL character in the file; catalogs are text (a .mo file cannot hold one)",
                file=file,
                line=number,
            )
        yield text
        if end < 0:
            return
        start = end + 1
        if start == stop and not last:
            return


# One pass over the lines with the entry being read as its state: split up, the
# state would travel through every piece, and this is the hot path of catalog loading.
def parse_po(  # noqa: C901, PLR0915
    data: bytes, file: str, *, max_bytes: int = MAX_CATALOG_BYTES, max_string: int | None = None
) -> PoFile:
    """Parse the bytes of a ``.po`` file strictly; ``file`` is used in error messages.

    ``max_string`` refuses any string (msgid, msgstr, …) longer than that many
    characters, as soon as it grows past it.

    >>> parse_po(b'msgid "a"\\nmsgstr "\\\\q"\\n', "az.po")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: az.po:2: unknown escape sequence '\\q'; allowed: \\n \\t \\r \\\\ \\" \\a \\b \\f \\v \\' \\? and octal/hex escapes of ASCII characters
    """
    _check_size(data, file, max_bytes)
    result = PoFile(file)
    seen: dict[str | tuple[str, str], int | None] = {}
    builder = _Builder(file)

    def finish(line: int) -> None:
        if not builder.has_keywords:
            builder.reset()  # a block of comments only
            return
        entry = builder.build(line)
        builder.reset()
        if entry.obsolete:
            result.obsolete.append(entry)
            return
        if entry.msgid == "" and entry.msgctxt is None:
            if result.header_line is not None or result.entries:
                where = (
                    f"line {result.header_line}"
                    if result.header_line is not None
                    else "the first entry"
                )
                raise CatalogError(
                    "header entry (empty msgid) must come first, once "
                    f"(a header or entry is already at {where})",
                    file=file,
                    line=entry.line,
                )
            result.header = parse_header(entry.msgstr)
            result.header_line = entry.line
            check_charset(result.header, file, entry.line)
            return
        previous = seen.get(entry.key)
        if previous is not None:
            ctx = "" if entry.msgctxt is None else f" (context {entry.msgctxt!r})"
            raise CatalogError(
                f"duplicate entry for msgid {entry.msgid[:60]!r}{ctx}; first at line {previous}",
                file=file,
                line=entry.line,
            )
        seen[entry.key] = entry.line
        result.entries.append(entry)

    number = 0
    for number, (text, start, end) in enumerate(_lines(data, file), start=1):
        if start == end:
            finish(number)
            continue
        obsolete = False
        if text[start] == "#":
            if text.startswith("#~", start, end):
                obsolete = True
                start = _SPACE_RE.match(text, start + 2, end).end()  # type: ignore[union-attr]
                if start == end or text.startswith("|", start, end):
                    continue
            else:
                line = text[start:end].rstrip()
                if builder.complete:
                    finish(number)
                marker = line[1:2]
                body = line[2:].strip()
                builder.has_comments = True
                if marker == ",":
                    builder.flags.update(f.strip() for f in body.split(",") if f.strip())
                elif marker == ".":
                    builder.extracted.append(body)
                elif marker == ":":
                    builder.references.extend(body.split())
                elif marker == "|":
                    pass  # previous msgid (for fuzzy matches): informational only
                else:
                    builder.comments.append(line[1:].strip())
                continue
        if text[start] == '"':
            if builder.current is None:
                raise CatalogError("string continuation outside an entry", file=file, line=number)
            builder.extend(_parse_string(text, start, end, file, number), max_string, number)
            continue
        match = _KEYWORD_RE.match(text, start, end)
        if match is None:
            raise CatalogError(
                f"unknown line {_shown(text[start : min(end, start + 41)].rstrip())}; expected msgctxt, "
                "msgid, msgid_plural, msgstr, msgstr[N], a quoted string or a # comment",
                file=file,
                line=number,
            )
        kw = match["kw"].split("[")[0]
        if kw in ("msgctxt", "msgid") and builder.complete:
            finish(number)
        value = _parse_string(text, match.end(), end, file, number)
        builder.keyword(kw, match["index"], value, number, obsolete)
        builder.started(max_string, number)
    finish(number)
    return result
