"""Every page the benchmark measures reads no more queries for a network four times larger.

The data are the benchmark's own heavy seeker (bench/dataset.py: people, organisations, conversations with
question plans, notes, thank-yous, touches, tasks, referrals), at two sizes.
"""

import importlib.util
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

_spec = importlib.util.spec_from_file_location("bench_dataset", Path(__file__).resolve().parents[2] / "bench" / "dataset.py")
dataset = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dataset)

PAGES = {
    "Today": "/", "Today: show all overdue": "/today/overdue/", "People list": "/people/", "People search": "/people/?q=bel", "Person": "/people/{person}/",
    "Conversation": "/conversations/{conversation}/", "Brief": "/conversations/{conversation}/brief/",
    "Settings": "/settings/", "Conversations": "/conversations/", "Organisations": "/organizations/", "Targets": "/targets/",
    "Insights": "/insights/",
}


def page_queries(people: int, username: str) -> dict[str, int]:
    user = UserFactory(username=username, time_zone="America/Toronto")
    dataset.build(user, people)
    rows = dataset.sample(user)
    client = Client()
    client.force_login(user)
    counts = {}
    for name, url in PAGES.items():
        client.get(url.format(**rows))  # the first visit of a page may warm caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url.format(**rows))
        assert response.status_code == 200, name
        counts[name] = len(ctx.captured_queries)
    return counts


def test_the_benchmarks_pages_read_no_more_queries_at_a_larger_size():
    small, large = page_queries(300, "small"), page_queries(1200, "large")
    # Equal, but for a kind of due item with nothing among a group's first items: not read at all.
    assert all(large[name] <= small[name] for name in PAGES), (small, large)
    assert sum(small.values()) - sum(large.values()) <= 2, (small, large)
    assert max(small.values()) <= 12, small
