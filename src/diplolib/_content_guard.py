"""Limits that keep loading a hostile content folder linear in its size.

A content file is written by people, so loading it must cost time and memory
proportional to its size with a small constant, and fail only with a
:class:`~diplolib.errors.LibraryError`:

* :func:`json_limit_problem` refuses JSON nested deeper than
  :data:`MAX_JSON_DEPTH`, with a number longer than :data:`MAX_NUMBER_CHARS`
  (the standard library's parser would raise ``RecursionError`` or
  ``ValueError`` on those) or an object with more than :data:`MAX_OBJECT_KEYS`
  keys (each unknown key costs a validation error of about a kilobyte), before
  any parser sees the bytes;
* :func:`cap_problems` keeps at most :data:`MAX_PROBLEMS_PER_FILE` problems of
  one file and says how many more there were;
* :class:`Suggester` answers "did you mean" for at most
  :data:`MAX_SUGGESTIONS` distinct unknown references per check.

>>> json_limit_problem(b'{"a": [[1, 2], {"b": 3}]}') is None
True
>>> json_limit_problem(b"[" * 100 + b"]" * 100)
'JSON nested 65 levels deep at byte 64; the limit is 64'
"""

from __future__ import annotations

__all__ = [
    "MAX_JSON_DEPTH",
    "MAX_NUMBER_CHARS",
    "MAX_OBJECT_KEYS",
    "MAX_PROBLEMS_PER_FILE",
    "MAX_SUGGESTIONS",
    "Suggester",
    "cap_problems",
    "json_limit_problem",
    "more_problems",
]

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Final

from .errors import Problem

MAX_JSON_DEPTH: Final = 64
"""Deepest nesting of JSON arrays and objects accepted in a content file (documents use < 10)."""

MAX_NUMBER_CHARS: Final = 100
"""Longest JSON number accepted, in characters (Python refuses integers over 4,300 digits)."""

MAX_OBJECT_KEYS: Final = 10_000
"""Most keys accepted in one JSON object of a content file (a model has a few dozen fields)."""

MAX_PROBLEMS_PER_FILE: Final = 100
"""Problems reported for one file; the rest are counted in one closing problem."""

MAX_SUGGESTIONS: Final = 50
"""Distinct unknown references that get a "did you mean" suggestion in one check."""

# Strings (closed or running to the end), brackets and numbers, in one linear pass:
# the possessive string body keeps the regex engine's memory constant.
_TOKEN_RE: Final = re.compile(rb'"(?:[^"\\]++|\\.)*+"?|[\[{]|[\]}]|:|[-+0-9.eE]{2,}', re.DOTALL)
_MORE: Final = "more problems in this file not listed"
# A JSON number has at most three runs of digits and four other characters, so one
# longer than MAX_NUMBER_CHARS has a run of at least a third of that many digits: found
# in C by mapping every digit to "0" and looking for that many zeros in a row.
_DIGITS: Final = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGITS: Final = b"0" * (MAX_NUMBER_CHARS // 3)


def json_limit_problem(raw: bytes) -> str | None:
    """Why ``raw`` is too deep, too wide or has too long a number to parse safely, or None.

    Only structure outside strings counts. The check is linear in ``len(raw)``
    and cheap for ordinary documents (it scans only when brackets, colons or
    long digit runs could break a limit).

    >>> json_limit_problem(b'{"n": ' + b"9" * 200 + b"}")
    'JSON number of 200 characters at byte 6; the limit is 100'
    >>> json_limit_problem(b'{"text": "' + b"[" * 100 + b'"}') is None
    True
    """
    deep = raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH
    wide = raw.count(b":") > MAX_OBJECT_KEYS
    if not deep and not wide and _LONG_DIGITS not in raw.translate(_DIGITS):
        return None
    # One entry per open bracket: the keys seen so far in an object, -1 for an array.
    open_: list[int] = []
    for match in _TOKEN_RE.finditer(raw):
        token = match.group()
        first = token[:1]
        if first == b'"':
            continue
        if first == b":":
            if open_ and open_[-1] >= 0:
                open_[-1] += 1
                if open_[-1] > MAX_OBJECT_KEYS:
                    return (
                        f"JSON object with more than {MAX_OBJECT_KEYS} keys at byte "
                        f"{match.start()}; the limit is {MAX_OBJECT_KEYS}"
                    )
        elif first in (b"[", b"{"):
            open_.append(0 if first == b"{" else -1)
            if len(open_) > MAX_JSON_DEPTH:
                return (
                    f"JSON nested {len(open_)} levels deep at byte {match.start()}; "
                    f"the limit is {MAX_JSON_DEPTH}"
                )
        elif first in (b"]", b"}"):
            if open_:
                open_.pop()
        elif len(token) > MAX_NUMBER_CHARS:
            return (
                f"JSON number of {len(token)} characters at byte {match.start()}; "
                f"the limit is {MAX_NUMBER_CHARS}"
            )
    return None


def cap_problems(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` with at most :data:`MAX_PROBLEMS_PER_FILE` for each file, in order.

    Each file that had more gets one closing problem that counts the rest.

    >>> many = [Problem("a.json", f"tags[{i}]", "bad") for i in range(150)]
    >>> capped = cap_problems([*many, Problem("b.json", "id", "bad")])
    >>> len(capped), capped[-1].file, capped[-1].message
    (102, 'a.json', '50 more problems in this file not listed')
    """
    kept: list[Problem] = []
    counts: dict[str, int] = {}
    for problem in problems:
        if problem.location == "" and problem.message.endswith(_MORE):
            # Already a summary (see more_problems): count what it stands for.
            counts[problem.file] = counts.get(problem.file, 0) + int(problem.message.split()[0])
            continue
        seen = counts[problem.file] = counts.get(problem.file, 0) + 1
        if seen <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
    for file, count in counts.items():
        if count > MAX_PROBLEMS_PER_FILE:
            kept.append(more_problems(file, count - MAX_PROBLEMS_PER_FILE))
    return kept


def more_problems(file: str, count: int) -> Problem:
    """The problem that stands for ``count`` problems of ``file`` left unlisted.

    >>> more_problems("a.json", 7).message
    '7 more problems in this file not listed'
    """
    return Problem(file, "", f"{count} {_MORE}")


class Suggester:
    """Bounded "did you mean" hints for unknown references.

    Each distinct reference is matched once, against every known id or, with
    ``candidates``, against the bounded set that function gives for it; after :data:`MAX_SUGGESTIONS`
    distinct ones no more hints are computed (a folder with that many unknown
    references has a bigger problem than a typo).

    >>> hint = Suggester(["baku", "ganja", "ilham-aliyev"])
    >>> hint("bakuu"), hint("nothing-like-it")
    ("; did you mean 'baku'?", '')
    """

    def __init__(
        self, known: Iterable[str], *, candidates: Callable[[str], Iterable[str]] | None = None
    ) -> None:
        self._known = known if candidates is not None else list(known)
        self._candidates = candidates
        self._done: dict[str, str] = {}

    def __call__(self, ref: str) -> str:
        """The hint text for ``ref`` (empty when there is none or the budget is spent)."""
        found = self._done.get(ref)
        if found is not None:
            return found
        if len(self._done) >= MAX_SUGGESTIONS:
            return ""
        pool = self._known if self._candidates is None else self._candidates(ref[:200])
        close = difflib.get_close_matches(ref[:200], pool, n=1)
        found = self._done[ref] = f"; did you mean {close[0]!r}?" if close else ""
        return found
