"""Which translations are stale: made from a source text that has changed since.

Every translation imported through a PO file records, in the item's
``translation_sources``, the hash of the source text it was made from
(:func:`source_hash`). A translation is *stale* when the current source text
of its field has another hash. ``content status``, the preview's translation
view and content PO export and import all ask :func:`stale_fields`, so they
always agree.

A content file keeps the languages of a paragraph together, so inserting,
removing or swapping paragraphs moves each translation along with its source
while the recorded hashes stay under the old paths. A translation whose current
source hash is recorded under another path of the same kind (another
``body[]`` paragraph) has moved; it is not stale.

>>> from diplolib import load_sample_library
>>> article = load_sample_library().get("kazakhstan-azerbaijan-strategic-partner")
>>> stale_fields(article, "en", "az")
frozenset()
>>> swapped = article.model_copy(update={"body": (article.body[1], article.body[0], *article.body[2:])})
>>> recorded = {"body[0]": source_hash(article.body[0].get("en")),
...             "body[1]": source_hash(article.body[1].get("en"))}
>>> swapped = swapped.model_copy(update={"translation_sources": {"az": recorded}})
>>> stale_fields(swapped, "en", "az")
frozenset()
"""

from __future__ import annotations

__all__ = ["source_hash", "stale_fields"]

import hashlib
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .content_types import generic_path
from .languages import Lang

if TYPE_CHECKING:
    from .models import ContentItem


def source_hash(text: str) -> str:
    """The hash recorded for a source text: 16 hex digits of the SHA-256 of its NFC form.

    >>> source_hash("Baku") == source_hash("Baku") != source_hash("Baku.")
    True
    >>> len(source_hash("Bakı"))
    16
    """
    data = unicodedata.normalize("NFC", text).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def _by_kind(recorded: Mapping[str, str]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for path, digest in recorded.items():
        result.setdefault(generic_path(path), set()).add(digest)
    return result


def stale_fields(item: ContentItem, source: Lang, target: Lang) -> frozenset[str]:
    """The paths of ``item``'s ``target`` translations made from another ``source`` text.

    Only fields with both a ``source`` text and a ``target`` translation can be
    stale; a translation with no recorded hash (written by hand, never imported)
    is not. ``source`` and ``target`` are language codes as the item stores them.

    >>> from diplolib import Place
    >>> baku = Place(id="baku", kind="city", name={"en": "Baku", "az": "Bakı"},
    ...              translation_sources={"az": {"name": source_hash("Baku city")}})
    >>> stale_fields(baku, "en", "az")
    frozenset({'name'})
    >>> stale_fields(baku.model_copy(update={"translation_sources": {}}), "en", "az")
    frozenset()
    """
    recorded = item.translation_sources.get(target, {})
    if not recorded:
        return frozenset()
    made_from = _by_kind(recorded)
    stale = set()
    for path, text in item.text_fields().items():
        digest = recorded.get(path)
        original = text.get(source, fallback=False)
        if digest is None or not original or not text.get(target, fallback=False):
            continue
        current = source_hash(original)
        if digest != current and current not in made_from.get(generic_path(path), set()):
            stale.add(path)
    return frozenset(stale)
