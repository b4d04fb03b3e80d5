"""Bulk work in process: Python's cycle collector paused while an import builds its rows.

Reading, planning and writing a 30,000-row file allocate a few hundred thousand small objects
(records, lists, rows), all freed by reference counting. Each of them still counts towards the
cycle collector's thresholds, and its full passes walk every object the process holds (all of
Django's as well): at that size they cost about as much as the import's own work. While a
`paused_gc()` block runs, the collector waits; it resumes when the last such block ends, and
finds any cycles left behind as usual. Safe across threads: counted, not toggled.
"""

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def paused_gc():
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
