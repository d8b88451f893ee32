"""The detection profile: loading it once, and scoring words against it.

The profile is a naive Bayes model over character n-grams and whole words (the
method langdetect uses, without its random sampling). Every feature maps to one
integer that packs a feature count and each class's quantised negative
log-probability into fixed-width bit fields, so scoring a text is a single
C-level ``sum(map(...))`` over its features and the answer is exact and
deterministic.

>>> profile = load_profile()
>>> profile.classes
('az', 'en', 'tr', 'ru', 'kk', 'az-Cyrl')
>>> count, costs = profile.score(["xarici", "işlər", "naziri"])
>>> min(range(len(costs)), key=costs.__getitem__) == profile.classes.index("az")
True
"""

from __future__ import annotations

__all__ = ["PROFILE_FILE", "Profile", "load_profile", "profile_from_data"]

import gzip
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Final

from ._detect_features import features
from ._resources import data_dir
from .errors import DetectionError

PROFILE_FILE: Final = "detect_profile.json.gz"
FORMAT: Final = 1


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """A loaded profile: class names, feature settings and the packed feature table."""

    classes: tuple[str, ...]
    orders: tuple[int, ...]
    max_word: int
    scale: float
    bits: int
    temperature: float
    table: Mapping[str, int]

    def score(self, words: Sequence[str]) -> tuple[int, list[int]]:
        """Known-feature count and each class's quantised cost (lower is likelier).

        >>> load_profile().score([])[0]
        0
        """
        get = self.table.get
        total = sum(map(get, features(words, self.orders, self.max_word), repeat(0)))
        mask = (1 << self.bits) - 1
        count = total & mask
        costs = [(total >> (self.bits * (i + 1))) & mask for i in range(len(self.classes))]
        return count, costs


def profile_from_data(data: Mapping[str, Any]) -> Profile:
    """Build a :class:`Profile` from the decoded JSON document.

    >>> profile_from_data({"format": 0})
    Traceback (most recent call last):
    ...
    diplolib.errors.DetectionError: detection profile has format 0; this diplolib reads format 1
    """
    if data.get("format") != FORMAT:
        raise DetectionError(
            f"detection profile has format {data.get('format')!r}; this diplolib reads format {FORMAT}"
        )
    classes = tuple(data["classes"])
    bits = int(data["bits"])
    grams: list[str] = data["grams"]
    columns: list[list[int]] = data["costs"]
    packed = [1] * len(grams)
    for index, column in enumerate(columns):
        shift = bits * (index + 1)
        packed = [value + (cost << shift) for value, cost in zip(packed, column, strict=True)]
    return Profile(
        classes=classes,
        orders=tuple(data["orders"]),
        max_word=int(data["max_word"]),
        scale=float(data["scale"]),
        bits=bits,
        temperature=float(data["temperature"]),
        table=dict(zip(grams, packed, strict=True)),
    )


_lock = threading.Lock()
_profile: Profile | None = None


def load_profile() -> Profile:
    """The shipped profile, read from the package data on first use and then cached.

    Safe to call from many threads at once: the file is read only once.

    >>> load_profile() is load_profile()
    True
    """
    global _profile
    profile = _profile
    if profile is not None:
        return profile
    with _lock:
        if _profile is None:
            path = data_dir() / PROFILE_FILE
            try:
                raw = gzip.decompress(path.read_bytes())
            except OSError as exc:
                raise DetectionError(
                    f"cannot read the detection profile {path.name}: {exc}; reinstall diplolib"
                ) from None
            _profile = profile_from_data(json.loads(raw))
        return _profile
