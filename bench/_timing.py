"""Interleaved timing shared by the ``bench/`` scripts.

Every repeat times every side once, in an order that rotates from repeat to
repeat, and the best repeat of each side is kept. A neighbour that slows the
machine for a while then slows both sides alike instead of skewing one of
them, and the minimum is the least disturbed run. Each run goes through
:class:`timeit.Timer` (garbage collection off while it runs); a statement
string (with ``names`` as its globals) avoids the cost of a lambda call.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable, Mapping


def interleaved(
    sides: Mapping[str, Callable[[], object] | str],
    number: int,
    repeat: int = 7,
    **names: object,
) -> dict[str, float]:
    """Best seconds per call of each side, over ``repeat`` interleaved rounds of ``number`` calls."""
    timers = {name: timeit.Timer(stmt, globals=names) for name, stmt in sides.items()}
    order = list(timers)
    best = dict.fromkeys(order, float("inf"))
    for timer in timers.values():
        timer.timeit(1)  # warm caches on every side before timing any
    for round_ in range(repeat):
        shift = round_ % len(order)
        for name in order[shift:] + order[:shift]:
            best[name] = min(best[name], timers[name].timeit(number) / number)
    return best


def ratio_line(label: str, ours: float, anchor: float, anchor_label: str, goal: str = "") -> str:
    """One printed row: our time, the anchor's, the ratio (times in seconds)."""
    text = (
        f"{label:<40} {ours * 1e6:10.3f} µs   {anchor_label:<34} {anchor * 1e6:10.3f} µs"
        f"   {ours / anchor:5.2f}×"
    )
    return f"{text}   (goal {goal})" if goal else text
