"""Read and write compiled gettext ``.mo`` files, defensively.

A ``.mo`` file is a table of (length, offset) pairs pointing into the file.
A truncated or hostile file can point beyond its end, or point many entries
at the same large region so that decoding it expands memory many times over.
:func:`read_mo` checks every offset against the file size and rejects a file
whose strings add up to more bytes than the file holds (real files never
share bytes between strings), so memory stays proportional to the file size.

:func:`write_mo` produces the standard layout (no hash table), which both the
standard library and GNU gettext read.

>>> data = write_mo({"": "Content-Type: text/plain; charset=UTF-8\\n", "Print": "Çap et"})
>>> [(e.msgid, e.msgstr) for e in read_mo(data, "az.mo").entries]
[('Print', 'Çap et')]
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import Final

from ..errors import CatalogError
from .po import MAX_CATALOG_BYTES, PoEntry, PoFile, check_charset, parse_header

__all__ = ["read_mo", "write_mo"]

_MAGIC: Final = 0x950412DE
_HEADER_SIZE: Final = 28


def _fail(message: str, file: str) -> CatalogError:
    return CatalogError(message, file=file)


def read_mo(data: bytes, file: str) -> PoFile:
    """Parse ``.mo`` bytes into a :class:`~diplolib._gettext.po.PoFile` (entries have no line numbers).

    >>> read_mo(b"\\xde\\x12\\x04\\x95" + bytes(10), "x.mo")
    Traceback (most recent call last):
    ...
    diplolib.errors.CatalogError: x.mo: truncated .mo file: 14 bytes, the header alone needs 28
    """
    size = len(data)
    if size > MAX_CATALOG_BYTES:
        raise _fail(f"catalog is {size} bytes; the limit is {MAX_CATALOG_BYTES}", file)
    if size < _HEADER_SIZE:
        raise _fail(f"truncated .mo file: {size} bytes, the header alone needs 28", file)
    magic = int.from_bytes(data[:4], "little")
    if magic == _MAGIC:
        order = "<"
    elif magic == int.from_bytes(_MAGIC.to_bytes(4, "big"), "little"):
        order = ">"
    else:
        raise _fail(f"not a .mo file (magic number {data[:4].hex()})", file)
    revision, count, orig_table, trans_table = struct.unpack_from(order + "4I", data, 4)
    if revision >> 16 > 1:
        raise _fail(f"unsupported .mo revision {revision >> 16}.{revision & 0xFFFF}", file)
    if count > (size - _HEADER_SIZE) // 16:
        raise _fail(f"claims {count} messages, more than a {size}-byte file can hold", file)
    for name, table in (("original", orig_table), ("translation", trans_table)):
        if table + 8 * count > size:
            raise _fail(
                f"{name} table at offset {table} ({count} entries) runs past the end "
                f"of the file ({size} bytes)",
                file,
            )
    result = PoFile(file)
    view = memoryview(data)
    seen: set[str | tuple[str, str]] = set()
    total = 0
    for index in range(count):
        olen, ooff = struct.unpack_from(order + "2I", data, orig_table + 8 * index)
        tlen, toff = struct.unpack_from(order + "2I", data, trans_table + 8 * index)
        for length, offset in ((olen, ooff), (tlen, toff)):
            if offset + length > size:
                raise _fail(
                    f"message {index}: string at offset {offset} with length {length} "
                    f"runs past the end of the file ({size} bytes)",
                    file,
                )
        total += olen + tlen
        if total > size:
            raise _fail(
                f"message {index}: strings add up to more bytes than the file holds "
                "(overlapping strings); refusing to expand it",
                file,
            )
        try:
            # Decoded straight from the buffer: no copy of the bytes first.
            original = str(view[ooff : ooff + olen], "utf-8")
            translation = str(view[toff : toff + tlen], "utf-8")
        except UnicodeDecodeError:
            raise _fail(
                f"message {index} is not valid UTF-8; diplolib reads UTF-8 catalogs only", file
            ) from None
        context: str | None = None
        if "\x04" in original:
            context, original = original.split("\x04", 1)
        if original == "" and context is None:
            if result.header or index:
                raise _fail("header entry (empty msgid) must come first, once", file)
            result.header = parse_header(translation)
            check_charset(result.header, file, None)
            continue
        msgid, nul, plural = original.partition("\x00")
        entry = PoEntry(line=None, msgid=msgid, msgctxt=context)
        if nul:
            entry.msgid_plural = plural
            entry.msgstr_plural = tuple(translation.split("\x00"))
        elif "\x00" in translation:
            raise _fail(f"message {index} ({msgid[:40]!r}) has plural forms but no plural", file)
        else:
            entry.msgstr = translation
        if entry.key in seen:
            raise _fail(f"duplicate message {msgid[:60]!r}", file)
        seen.add(entry.key)
        result.entries.append(entry)
    return result


def write_mo(messages: Mapping[str, str]) -> bytes:
    """Build ``.mo`` bytes from raw gettext keys and values.

    Keys are ``msgid``, ``msgctxt + "\\x04" + msgid`` or ``msgid + "\\x00" +
    msgid_plural``; plural values join their forms with ``"\\x00"``. The empty
    key holds the header.

    >>> import gettext, io
    >>> header = "Content-Type: text/plain; charset=UTF-8\\n"
    >>> t = gettext.GNUTranslations(io.BytesIO(write_mo({"": header, "Print": "Çap et"})))
    >>> t.gettext("Print")
    'Çap et'
    """
    items = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in messages.items())
    count = len(items)
    orig_table = _HEADER_SIZE
    trans_table = orig_table + 8 * count
    offset = trans_table + 8 * count
    originals = bytearray()
    translations = bytearray()
    orig_index: list[int] = []
    trans_index: list[int] = []
    for key, _ in items:
        orig_index += [len(key), offset + len(originals)]
        originals += key + b"\x00"
    offset += len(originals)
    for _, value in items:
        trans_index += [len(value), offset + len(translations)]
        translations += value + b"\x00"
    header = struct.pack("<7I", _MAGIC, 0, count, orig_table, trans_table, 0, 0)
    tables = struct.pack(f"<{4 * count}I", *orig_index, *trans_index)
    return header + tables + bytes(originals) + bytes(translations)
