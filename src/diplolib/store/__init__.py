"""Content in a SQL database: SQLite by default, PostgreSQL at scale.

A :class:`ContentStore` answers the same queries as
:class:`~diplolib.library.ContentLibrary` (both follow
:class:`~diplolib.reader.ContentReader`), one page at a time instead of from a
folder held in memory, and takes validated, versioned writes. Open one with
:func:`open_store` (a file path means SQLite; ``postgresql://…`` needs
``pip install 'diplolib[postgres]'``). See ``docs/store.md``.

>>> store = sample_store()
>>> store.by_slug("azerbaijan-important-strategic-partner-of-kazakhstan", "en").id
'kazakhstan-azerbaijan-strategic-partner'
>>> [a.id for a in store.articles(section="foreign-press", limit=1)]
['washington-post-trump-2018']
"""

from __future__ import annotations

__all__ = [
    "HEAD_REVISION",
    "ArticleCursor",
    "ContentStore",
    "SyncReport",
    "open_store",
    "sample_store",
    "store_url",
    "upgrade",
]

from .._query import ArticleCursor
from ._store import (
    HEAD_REVISION,
    ContentStore,
    SyncReport,
    open_store,
    sample_store,
    store_url,
    upgrade,
)
