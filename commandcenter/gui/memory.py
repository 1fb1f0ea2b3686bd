"""Keeping Python's cyclic garbage collector off the data a screen has just loaded.

A full collection walks every tracked object and holds the GIL while it does, so every thread
stops, the GUI thread included. Rows of the wall are `CaseRow` NamedTuples, which the collector
keeps tracking for ever (it untracks only exact tuples of plain values): with the wall widened
to 82,000 rows a full collection took 310 ms, a visible stall whenever one happened to fall due
during a drill. The rows hold no reference cycles and are freed by reference counting when the
next load replaces them, so the collector has nothing to find in them.

`gc.freeze()` is Python's documented way out: it moves every object alive now to a permanent
generation that collections ignore (reference counting still frees them). The young
generations are collected first, so the garbage of the load itself is not kept. What is kept:
reference cycles alive at a freeze that die later are never collected; full loads are few (the
start and a change of the wall's period), so that stays small.
"""

from __future__ import annotations

import gc


def settle_after_load() -> None:
    """Call after a large load is applied: later collections skip everything alive now."""
    gc.collect(1)
    gc.freeze()
