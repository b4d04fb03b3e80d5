"""A bounded hosted load test: gunicorn on 127.0.0.1 over the PostgreSQL database in DATABASE_URL.

A campus of USERS seekers with PEOPLE people each (built once, kept in that database); then a fixed
number of requests at concurrency 16 to Today, the People list and /healthz on the same server, signed
in as different users. Loopback only; nothing leaves the machine.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
USERS = int(os.environ.get("BENCH_HOSTED_USERS", "2000"))
PEOPLE = int(os.environ.get("BENCH_HOSTED_PEOPLE", "300"))
REQUESTS = int(os.environ.get("BENCH_HOSTED_REQUESTS", "800"))
CONCURRENCY = 16
WORKERS = int(os.environ.get("BENCH_HOSTED_WORKERS", "3"))
SESSIONS = 64


def hosted_env(child_env) -> dict:
    return child_env(None, SECRET_KEY="bench-only-" + "k" * 50, COFFEECHAT_MODE="hosted", COFFEECHAT_ALLOWED_HOSTS="127.0.0.1")


def prepare() -> None:
    """In a child process: the campus (built once) and signed-in sessions; prints the session keys as JSON."""
    import django

    django.setup()
    from dataset import build, fill_keep_in_touch_clock
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from coffeechat.accounts.models import User
    from coffeechat.accounts.services import ensure_database

    ensure_database()
    have = User.objects.filter(username__startswith="campus-").count()
    started = time.perf_counter()
    for n in range(have, USERS):
        build(User.objects.create(username=f"campus-{n:05d}", time_zone="America/Toronto"), PEOPLE, seed=n, fill_clock=False)
    if have < USERS:
        fill_keep_in_touch_clock()
        print(f"built {USERS - have} users in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    keys = []
    for user in User.objects.filter(username__startswith="campus-").order_by("pk")[:SESSIONS]:
        session = SessionStore()
        session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                        HASH_SESSION_KEY: user.get_session_auth_hash()})
        session.create()
        keys.append(session.session_key)
    print(json.dumps(keys))


def load(port: int, path: str, sessions: list[str]) -> dict:
    times, errors, lock, counter = [], [0], threading.Lock(), iter(range(REQUESTS))

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": f"sessionid={sessions[i % len(sessions)]}", "Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                times.append((time.perf_counter() - started) * 1000)
                errors[0] += not ok
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(times)
    return {"rps": len(times) / elapsed, "p50": statistics.median(times), "p95": ordered[int(0.95 * (len(ordered) - 1))],
            "errors": errors[0]}


def hosted_report(child_env) -> str:
    from run import free_port

    env = hosted_env(child_env)
    done = subprocess.run([sys.executable, __file__, "--prepare"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return f"hosted preparation failed:\n{done.stderr[-2000:]}"
    sessions = json.loads(done.stdout.strip().splitlines()[-1])
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "coffeechat.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        for path in ("/healthz", "/", "/people/"):  # warm every worker
            load(port, path, sessions)
        rows = {name: load(port, path, sessions) for name, path in (("/healthz", "/healthz"), ("Today", "/"), ("People list", "/people/"))}
    finally:
        server.terminate()
        server.wait(15)
    base = rows["/healthz"]["rps"]
    lines = [f"{USERS:,} users × {PEOPLE} people, PostgreSQL, `{' '.join(command[2:4])} --workers {WORKERS}` on 127.0.0.1, "
             f"{REQUESTS} requests per row at concurrency {CONCURRENCY}, {len(sessions)} signed-in users in turn.", "",
             "| page | req/s | × /healthz | p50 ms | p95 ms | errors |", "|---|---|---|---|---|---|"]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['rps']:.1f} | {r['rps'] / base:.2f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['errors']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        sys.path.insert(0, str(HERE))
        prepare()
