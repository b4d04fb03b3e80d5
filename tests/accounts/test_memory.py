"""The garbage collector is settled after a process's first requests (coffeechat/memory.py)."""

import gc
import itertools

import pytest

from coffeechat import memory

pytestmark = pytest.mark.django_db


def test_the_first_requests_freeze_what_is_loaded_and_later_ones_do_not(client, monkeypatch):
    monkeypatch.setattr(memory, "_served", itertools.count(1))
    memory.freeze_after_loading()
    gc.unfreeze()
    client.get("/healthz")
    assert gc.get_freeze_count() > 0
    for _ in range(memory.FIRST_REQUESTS - 1):
        client.get("/healthz")
    gc.unfreeze()
    client.get("/healthz")
    assert gc.get_freeze_count() == 0
