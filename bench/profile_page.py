"""Profile one page against a bench data set: `python bench/profile_page.py [--size 30000] [--url /] [-n 20]`.

Needs the data set bench/run.py built (bench/results/heavy-<size>/). Prints the page's queries with their
time (one request, raw SQL best of 3) and cProfile's top functions over n requests (CPU time).
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--url", default="/")
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN of each query")
    parser.add_argument("--callers", help="also print who calls the functions matching this (a pstats pattern)")
    args = parser.parse_args()
    data_dir = HERE / "results" / f"heavy-{args.size}"
    if not data_dir.exists():
        sys.exit(f"{data_dir} is missing: run bench/run.py --sizes {args.size} first")
    os.environ.update(COFFEECHAT_DATA_DIR=str(data_dir), COFFEECHAT_MODE="local", DJANGO_SETTINGS_MODULE="coffeechat.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    sys.path.insert(0, str(HERE))
    from dataset import sample
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coffeechat.accounts.models import User

    user = User.objects.get(username="seeker")
    rows = sample(user)
    url = args.url.format(**rows)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    for _ in range(3):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    queries = list(ctx.captured_queries)
    print(f"{url}: {len(queries)} queries, {len(response.content) / 1024:.0f} KB")
    with connection.cursor() as cursor:
        for q in queries:
            sql = q["sql"]
            best = float("inf")
            if sql.lstrip().upper().startswith("SELECT"):
                for _ in range(3):
                    started = time.perf_counter()
                    cursor.execute(sql)
                    cursor.fetchall()
                    best = min(best, (time.perf_counter() - started) * 1000)
            print(f"  {best:7.2f} ms  {sql[:220]}")
            if args.plans and sql.lstrip().upper().startswith("SELECT"):
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                for row in cursor.fetchall():
                    print("            ", row[-1])
    started = time.process_time()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.n):
        client.get(url)
    profile.disable()
    print(f"CPU per request (under the profiler): {(time.process_time() - started) * 1000 / args.n:.1f} ms")
    started = time.process_time()
    for _ in range(args.n):
        client.get(url)
    print(f"CPU per request: {(time.process_time() - started) * 1000 / args.n:.1f} ms")
    stats = pstats.Stats(profile).sort_stats(args.sort)
    stats.print_stats(args.top)
    if args.callers:
        stats.print_callers(args.callers)


if __name__ == "__main__":
    main()
