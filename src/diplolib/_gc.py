"""Pausing the cyclic garbage collector around bulk work whose objects all stay alive.

Loading a content folder and importing a content PO file build tens of
thousands of objects that outlive the call (the items, the report). Each
full collection on the way walks the whole heap and frees nothing, so such
work pauses the collector for its duration and restores it after, also on
failure. Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

__all__ = ["gc_paused"]

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, if it was running.

    >>> was = gc.isenabled()
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled() == was
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
