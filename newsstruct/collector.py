"""Python's cyclic garbage collector, paused while one call builds its records.

A call on a long text keeps tens of thousands of records alive until it returns. Python's
collector walks the young container objects every few hundred allocations, and every object
of the process, the caller's included, each time the survivors have grown by a quarter: on a
1 MB news text that is 10-15% of :func:`newsstruct.structure`'s time, and 15-20% on
quote-dense text. The stages make almost no reference cycles (a few hundred unreachable
objects after a 1 MB call, none after most articles), so the collector is paused for the call
and turned back on when it returns or raises; peak memory is the same either way. This is
the ``nogc`` pattern of Mercurial and other long-running Python tools.

The collector is one switch for the whole interpreter. A call leaves it as it found it: if
the caller (or another thread's call) had turned it off, :func:`paused` does nothing. While
calls run in several threads, it is on again as soon as the first call that paused it returns.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Turn the cyclic garbage collector off for the ``with`` block, if it is on."""
    if not gc.isenabled():
        yield
        return
    try:
        gc.disable()  # inside the ``try``: an interrupt as it returns still turns it back on
        yield
    finally:
        gc.enable()
