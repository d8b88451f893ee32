"""Where the package's data files live, in a wheel and in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def locales_dir() -> Path:
    """The ``locales`` folder: inside the installed package, else at the checkout's top.

    A wheel carries ``diplolib/locales``; an editable install or a plain source
    checkout keeps the folder at the project's top level.

    >>> (locales_dir() / "diplolib.pot").is_file()
    True
    """
    packaged = _PACKAGE_DIR / "locales"
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent.parent / "locales"
    if checkout.is_dir():
        return checkout
    # Builtin on purpose: a broken installation, not bad input; i18n turns it into a CatalogError.
    raise FileNotFoundError(
        f"diplolib's locales folder is missing (looked in {packaged} and {checkout}); "
        "reinstall the package"
    )


def data_dir() -> Path:
    """The folder of data files that ship inside the package (profiles, sample content).

    >>> data_dir().name
    'data'
    """
    return _PACKAGE_DIR / "data"
