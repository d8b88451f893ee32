"""Old public names kept working for a while, with a :class:`DeprecationWarning`.

Every rename is listed in ``CHANGELOG.md``.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     renamed("old_name()", "new_name()")
>>> print(caught[0].message)
old_name() is deprecated; use new_name() instead
"""

from __future__ import annotations

import warnings

__all__ = ["renamed"]


def renamed(old: str, new: str, *, stacklevel: int = 3) -> None:
    """Warn that ``old`` was renamed to ``new`` (the warning points at the caller's caller).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     renamed("format=", "style=")
    >>> caught[0].category.__name__
    'DeprecationWarning'
    """
    warnings.warn(
        f"{old} is deprecated; use {new} instead", DeprecationWarning, stacklevel=stacklevel
    )
