"""The API's throttle holds across worker processes: its count lives in the database."""

import json
import urllib.error
import urllib.request

import pytest

from coffeechat.accounts.models import RateCount
from coffeechat.accounts.throttle import sliding_window
from tests.clirun import run_cli
from tests.serverproc import Server


@pytest.mark.django_db
def test_the_sliding_window_counts_allowed_requests_only():
    base = 60.0 * 20_000  # a window's start
    start = base + 20
    allowed = [sliding_window("t", "k", 3, 60, now=start + n).allowed for n in range(5)]
    assert allowed == [True, True, True, False, False]
    assert RateCount.objects.get().hits == 3  # refusals are not counted
    refused = sliding_window("t", "k", 3, 60, now=start + 5)
    assert refused.wait == 35 + 60 / 3  # the rest of this window, then a third of the next
    assert sliding_window("t", "other", 3, 60, now=start).allowed  # each key has its own count
    # Half-way through the next window, half of the previous count still weighs: 3 * 0.5 → 1, room for 2.
    later = [sliding_window("t", "k", 3, 60, now=base + 90 + n).allowed for n in range(3)]
    assert later == [True, True, False]


def _get(url: str, token: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            json.loads(response.read())
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_two_server_processes_share_one_count(tmp_path):
    """Two `coffeechat serve` processes on one data folder, as two workers: 4 a minute in all, not 4 each."""
    data_dir = tmp_path / "data"
    rate = {"COFFEECHAT_API_RATE": "4/m"}
    with Server(data_dir, **rate) as first, Server(data_dir, **rate) as second:
        made = run_cli(data_dir, "token", "create", "two-workers")
        assert made.returncode == 0, made.stderr
        token = made.stdout.split()[-1]
        statuses = [_get(f"{server.base_url}/api/v1/people", token) for server in (first, second, first, second, first, second)]
        assert statuses[:4] == [200] * 4 and statuses[4:] == [429, 429], statuses
