"""Profile one page as a campus seeker on PostgreSQL: `DATABASE_URL=… python bench/profile_hosted.py [--url /] [-n 200]`.

Needs the campus bench/hosted.py built in that database. Prints CPU ms per request (in process, no
gunicorn, no network) and cProfile's top functions; with --queries, the page's queries.
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
    parser.add_argument("--url", default="/")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="a path never asked before each time: no kept page serves it")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("set DATABASE_URL to the campus database bench/hosted.py built")
    os.environ.update(SECRET_KEY="bench-only-" + "k" * 50, COFFEECHAT_MODE="hosted", COFFEECHAT_ALLOWED_HOSTS="127.0.0.1",
                      DJANGO_SETTINGS_MODULE="coffeechat.settings")
    import django

    django.setup()
    sys.path.insert(0, str(HERE))
    from campus import PREFIX
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coffeechat.accounts.models import User

    users = list(User.objects.filter(username__startswith=PREFIX).order_by("username")[:2000:10])
    # One client (one handler, middleware loaded once, as in a gunicorn worker), a session per user.
    browser = Client(HTTP_HOST="127.0.0.1")
    sessions = []
    for user in users:
        browser.force_login(user)
        sessions.append(browser.cookies)
        browser.cookies = type(browser.cookies)()

    class Signed:
        def __init__(self, cookies):
            self.cookies = cookies

        def get(self, url):
            browser.cookies = self.cookies
            return browser.get(url)

    clients = [Signed(cookies) for cookies in sessions]
    for signed in clients[:20]:
        response = signed.get(args.url)
        assert response.status_code == 200, response.status_code
    if args.queries:
        with CaptureQueriesContext(connection) as ctx:
            clients[0].get(args.url)
        for q in ctx.captured_queries:
            print(q["time"], q["sql"][:300])
    started = time.process_time()
    wall = time.perf_counter()
    profile = cProfile.Profile()
    for i in range(args.n):
        client = clients[i % len(clients)]
        url = f"{args.url}?fresh=p{i}-{time.time()}" if args.fresh else args.url
        profile.enable()
        client.get(url)
        profile.disable()
    cpu = (time.process_time() - started) / args.n * 1000
    print(f"{args.url}: {cpu:.1f} ms CPU, {(time.perf_counter() - wall) / args.n * 1000:.1f} ms wall per request (profiled)")
    started = time.process_time()
    wall = time.perf_counter()
    for i in range(args.n):
        clients[i % len(clients)].get(f"{args.url}?fresh=u{i}-{time.time()}" if args.fresh else args.url)
    print(f"unprofiled: {(time.process_time() - started) / args.n * 1000:.1f} ms CPU, "
          f"{(time.perf_counter() - wall) / args.n * 1000:.1f} ms wall")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
