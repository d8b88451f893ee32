"""The detection profile: loading it once, and scoring words against it.

The profile is a naive Bayes model over character n-grams and whole words (the
method langdetect uses, without its random sampling), refined by perceptron
passes. Each script the model knows (Latin, Cyrillic) has its own table, which
maps a feature to one integer packing each class's quantised cost into 21-bit
fields. Scoring a text is then a single C-level ``sum(map(...))`` over its
features that stays within a machine word, and the answer is exact and
deterministic.

No feature of the shipped profile spans two words (words are joined with two
spaces, and no feature holds two spaces in a row), so a text's cost is the sum
of its words' costs. Words recur across texts even when texts do not, so
:meth:`Profile.score` keeps the packed cost of each word it meets in a bounded
table and adds those up; :meth:`Profile.score_joined` scores the joined text in
one pass, as the model defines it, and gives the same numbers.

>>> profile = load_profile()
>>> profile.scripts["Latn"].classes
('az', 'en', 'tr')
>>> costs = profile.score(["xarici", "işlər", "naziri"], "Latn")
>>> costs.index(min(costs))
0
"""

from __future__ import annotations

__all__ = ["PROFILE_FILE", "Profile", "ScriptTable", "load_profile", "profile_from_data"]

import gzip
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice, repeat
from typing import Any, Final

from ._detect_features import MAX_SAMPLE
from ._resources import data_dir
from .errors import DetectionError

PROFILE_FILE: Final = "detect_profile.json.gz"
FORMAT: Final = 2

# Slices for every n-gram position a sampled text can have: mapping str.__getitem__
# over them cuts the n-grams in C, without a Python-level loop.
_POSITIONS: Final = 2 * MAX_SAMPLE + 64


_WORD_COSTS: Final = 1 << 15
"""Words whose packed cost a :class:`ScriptTable` keeps at most (a few MiB); then it starts over."""


class _WordCosts(dict[str, int]):
    """Each word's packed cost (its padded n-grams and whole-word feature), worked out once.

    A missing word is scored when first looked up; the table is emptied when
    it reaches :data:`_WORD_COSTS` words, so its memory stays bounded.
    """

    __slots__ = ("_cost",)

    def __init__(self, cost: Callable[[str], int]) -> None:
        super().__init__()
        self._cost = cost

    def __missing__(self, word: str) -> int:
        if len(self) >= _WORD_COSTS:
            self.clear()
        value = self[word] = self._cost(word)
        return value


@dataclass(frozen=True, slots=True, eq=False)
class ScriptTable:
    """The classes written in one script, and their packed feature table."""

    classes: tuple[str, ...]
    scale: float
    table: Mapping[str, int]
    # Per-word costs (see the module docstring); None when some feature of the
    # table spans two words, and texts must be scored whole.
    words: _WordCosts | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """A loaded profile: feature settings and one :class:`ScriptTable` per script."""

    orders: tuple[int, ...]
    max_word: int
    bits: int
    temperature: float
    scripts: Mapping[str, ScriptTable]
    slices: Mapping[int, tuple[slice, ...]]

    def score(self, words: Sequence[str], script: str) -> list[int]:
        """Each class's summed cost for ``words`` (lower is likelier); all 0 if no feature is known.

        Returns an empty list for a script the profile does not model.

        >>> load_profile().score([], "Latn")
        [0, 0, 0]
        >>> load_profile().score(["abc"], "Grek")
        []
        """
        group = self.scripts.get(script)
        if group is None:
            return []
        cache = group.words
        # The joined text's n-gram positions are capped at _POSITIONS (the sample
        # never reaches it); past it, the joined scoring is the definition.
        if cache is not None and sum(map(len, words)) + 2 * len(words) <= _POSITIONS:
            total = sum(map(cache.__getitem__, words))
        else:
            total = self._packed(words, group)
        mask = (1 << self.bits) - 1
        return [(total >> (self.bits * i)) & mask for i in range(len(group.classes))]

    def score_joined(self, words: Sequence[str], script: str) -> list[int]:
        """:meth:`score` without the per-word table: every feature of the joined text in one pass.

        The model's own definition of a text's cost, which :meth:`score` must equal.

        >>> profile = load_profile()
        >>> words = ["xarici", "işlər", "naziri"]
        >>> profile.score_joined(words, "Latn") == profile.score(words, "Latn")
        True
        """
        group = self.scripts.get(script)
        if group is None:
            return []
        total = self._packed(words, group)
        mask = (1 << self.bits) - 1
        return [(total >> (self.bits * i)) & mask for i in range(len(group.classes))]

    def _packed(self, words: Sequence[str], group: ScriptTable) -> int:
        """The packed sum of the costs of every feature of ``words`` joined."""
        joined = " " + "  ".join(words) + " "
        size = len(joined)
        cut = joined.__getitem__
        parts: list[Any] = []
        for order in self.orders:
            if order == 1:
                parts.append(joined)
            elif size >= order:
                parts.append(map(cut, islice(self.slices[order], size - order + 1)))
        longest = self.orders[-1]
        parts.append([f" {w} " for w in words if longest - 2 < len(w) <= self.max_word])
        return sum(map(group.table.get, chain.from_iterable(parts), repeat(0)))


def profile_from_data(data: Mapping[str, Any]) -> Profile:
    """Build a :class:`Profile` from the decoded JSON document.

    >>> profile_from_data({"format": 0})
    Traceback (most recent call last):
    ...
    diplolib.errors.DetectionError: detection profile has format 0; this diplolib reads format 2
    """
    if data.get("format") != FORMAT:
        raise DetectionError(
            f"detection profile has format {data.get('format')!r}; "
            f"this diplolib reads format {FORMAT}"
        )
    bits = int(data["bits"])
    scripts = {}
    for script, group in data["scripts"].items():
        columns: list[list[int]] = group["costs"]
        packed = columns[0]
        for index, column in enumerate(columns[1:], start=1):
            shift = bits * index
            packed = [value + (cost << shift) for value, cost in zip(packed, column, strict=True)]
        grams: list[str] = group["grams"]
        scripts[script] = ScriptTable(
            classes=tuple(group["classes"]),
            scale=float(group["scale"]),
            table=dict(zip(grams, packed, strict=True)),
        )
    orders = tuple(sorted(data["orders"]))
    slices = {n: tuple(slice(i, i + n) for i in range(_POSITIONS)) for n in orders if n > 1}
    profile = Profile(
        orders=orders,
        max_word=int(data["max_word"]),
        bits=bits,
        temperature=float(data["temperature"]),
        scripts=scripts,
        slices=slices,
    )
    for script, table in scripts.items():
        # An n-gram that spans two words holds the two spaces that join them;
        # a profile with such a feature is scored a whole text at a time.
        if not any("  " in gram for gram in table.table):
            scripts[script] = replace(table, words=_WordCosts(_word_cost(profile, table)))
    return profile


_WORD_SIZES: Final = 40
"""Padded word lengths up to which :func:`_word_cost` has its n-gram slices ready."""


def _word_cost(profile: Profile, table: ScriptTable) -> Callable[[str], int]:
    """The packed cost of one word: ``profile._packed((word,), table)``, with less overhead.

    The n-gram slices of a padded word of each length are cut once here; a
    longer word is scored the general way.
    """
    get = table.table.get
    zeros = repeat(0)
    orders = profile.orders
    shortest, longest = profile.orders[-1] - 2, profile.max_word
    cuts = [
        [tuple(slice(i, i + n) for i in range(size - n + 1)) for n in orders if n > 1]
        for size in range(_WORD_SIZES)
    ]
    unigrams = 1 in orders

    def cost(word: str) -> int:
        padded = f" {word} "
        size = len(padded)
        if size >= _WORD_SIZES:
            return profile._packed((word,), table)
        cut = padded.__getitem__
        total = sum(map(get, padded, zeros)) if unigrams else 0
        for slices in cuts[size]:
            total += sum(map(get, map(cut, slices), zeros))
        if shortest < len(word) <= longest:
            total += get(padded, 0)
        return total

    return cost


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
