"""Python's cyclic garbage collector, settled once the process has loaded.

A page that reads thousands of rows (Insights for a heavy seeker) allocates enough to start full
collections, and each walked every object Django and the apps had loaded: at 30,000 people a third of
Insights requests took nearly twice their median. After each of a process's first requests (by then the
modules, apps, URLs and the first templates are loaded) what is left is frozen (gc.freeze), so a full
collection walks only what later requests make. Garbage is collected first, so none is kept for good.
"""

import gc
import itertools

from django.core.signals import request_finished

_UID = "coffeechat-gc-freeze"
FIRST_REQUESTS = 3
_served = itertools.count(1)


def _freeze(**kwargs) -> None:
    if next(_served) >= FIRST_REQUESTS:
        request_finished.disconnect(dispatch_uid=_UID)
    gc.collect()
    gc.freeze()


def freeze_after_loading() -> None:
    request_finished.connect(_freeze, dispatch_uid=_UID, weak=False)
