"""A bounded hosted load test: gunicorn on 127.0.0.1 over the PostgreSQL database in DATABASE_URL.

The campus (campus.py: USERS seekers × PEOPLE people, built once and kept in that database), then the
README's own gunicorn command on a loopback port, and a load generator in a process of its own
(asyncio, CONCURRENCY connections, keep-alive when the server offers it) sending REQUESTS requests
per row to /healthz, Today, Today at a path never asked before (nothing kept serves it: the cost of a
first view), the People list and a People search (a common prefix, "bel"), signed in as SESSIONS
seekers spread over the whole campus. The rows take turns for ROUNDS rounds, so a busy machine
weighs on all of them alike; req/s is the median round, latencies are pooled, and "kept pages" is
the share the page cache answered (accounts/pagecache.py). Before the rounds, each user opens each
page once (as someone who used the site before); a kept page lasts a minute, so later rounds render
some again. Nothing leaves the machine.

    python bench/hosted.py            # needs DATABASE_URL; bench/run.py calls it too
    BENCH_HOSTED_GUNICORN="--workers 5 --threads 2" python bench/hosted.py   # try other options
"""

import asyncio
import importlib.util
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
USERS = int(os.environ.get("BENCH_HOSTED_USERS", "2000"))
PEOPLE = int(os.environ.get("BENCH_HOSTED_PEOPLE", "300"))
REQUESTS = int(os.environ.get("BENCH_HOSTED_REQUESTS", "600"))
ROUNDS = int(os.environ.get("BENCH_HOSTED_ROUNDS", "3"))
CONCURRENCY = int(os.environ.get("BENCH_HOSTED_CONCURRENCY", "16"))
SESSIONS = 200
# "{i}" is the load process and the request's number: each "first view" asks a path not seen before, so no kept page serves it
# (accounts/pagecache.py) and the row shows what rendering Today costs.
ROWS = (("/healthz", "/healthz"), ("Today", "/"), ("Today, first view", "/?view={i}"), ("People list", "/people/"),
        ("People search", "/people/?q=bel"))


def hosted_env(child_env) -> dict:
    return child_env(None, SECRET_KEY="bench-only-" + "k" * 50, COFFEECHAT_MODE="hosted", COFFEECHAT_ALLOWED_HOSTS="127.0.0.1")


def readme_command() -> list[str]:
    """The gunicorn command of the README's hosted deployment: the command measured is the one documented."""
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("gunicorn coffeechat.wsgi"):
            return shlex.split(line.split("#")[0])
    raise SystemExit("README.md has no `gunicorn coffeechat.wsgi …` line")


def server_command(port: int) -> list[str]:
    args = readme_command()[1:]
    if "--bind" in args:
        del args[args.index("--bind"):args.index("--bind") + 2]
    extra = shlex.split(os.environ.get("BENCH_HOSTED_GUNICORN", ""))
    return [sys.executable, "-m", "gunicorn", *args, *extra, "--bind", f"127.0.0.1:{port}"]


# --- in a child process: the campus and signed-in sessions ---------------------------------------

def prepare() -> None:
    import django

    django.setup()
    from importlib import import_module

    from campus import PREFIX, build_campus
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from coffeechat.accounts.models import User
    from coffeechat.accounts.services import ensure_database

    ensure_database()
    seconds = build_campus(USERS, PEOPLE)
    users = list(User.objects.filter(username__startswith=PREFIX).order_by("username")[:USERS])
    store = import_module(settings.SESSION_ENGINE).SessionStore
    cookies = []
    for user in users[::max(1, len(users) // SESSIONS)][:SESSIONS]:
        session = store()
        session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                        HASH_SESSION_KEY: user.get_session_auth_hash()})
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    print(json.dumps({"cookies": cookies, "users": len(users), "built_seconds": seconds}))


# --- in a child process: the load generator -----------------------------------------------------

async def _fetch(state: dict, request: bytes) -> tuple[int, bool]:
    """One request on this connection (opened again when the server closed it): its status, and whether it was a kept page."""
    if state.get("writer") is None:
        state["reader"], state["writer"] = await asyncio.open_connection("127.0.0.1", state["port"])
    reader, writer = state["reader"], state["writer"]
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    headers = {k.strip().lower(): v.strip().lower() for k, v in headers.items()}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    else:
        await reader.read()
        headers["connection"] = "close"
    if headers.get("connection") == "close":
        writer.close()
        state["writer"] = None
    return status, headers.get("x-page-cache") == "hit"


async def _load(port: int, path: str, cookies: list[str], requests: int, concurrency: int) -> dict:
    times, errors, kept, counter = [], [0], [0], iter(range(requests))

    async def client() -> None:
        state = {"port": port}
        for i in counter:
            request = (f"GET {path.replace('{i}', f'{os.getpid()}-{i}')} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookies[i % len(cookies)]}\r\n\r\n").encode()
            started = time.perf_counter()
            try:
                status, hit = await asyncio.wait_for(_fetch(state, request), 30)
                ok = status == 200
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):  # TimeoutError is an OSError
                ok, hit, state["writer"] = False, False, None
            times.append((time.perf_counter() - started) * 1000)
            errors[0] += not ok
            kept[0] += hit
        if state.get("writer") is not None:
            state["writer"].close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return {"seconds": time.perf_counter() - started, "times": times, "errors": errors[0], "kept": kept[0]}


def load(port: int, path: str, cookies: list[str], requests: int) -> dict:
    """Run the load generator in a process of its own and return what it measured."""
    done = subprocess.run([sys.executable, __file__, "--load", str(port), path, str(requests), str(CONCURRENCY)],
                          input=json.dumps(cookies), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


# --- the report ----------------------------------------------------------------------------------

def wait_for(port: int, seconds: float = 60) -> None:
    import socket

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def hosted_report(child_env) -> str:
    from run import free_port

    if importlib.util.find_spec("gunicorn") is None:
        return 'hosted: gunicorn is not installed here (pip install -e ".[hosted]")'
    env = hosted_env(child_env)
    done = subprocess.run([sys.executable, __file__, "--prepare"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return f"hosted preparation failed:\n{done.stderr[-2000:]}"
    prepared = json.loads(done.stdout.strip().splitlines()[-1])
    cookies = prepared["cookies"]
    port = free_port()
    command = server_command(port)
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    load_before = os.getloadavg()[0]
    try:
        wait_for(port)
        # Warm every worker and its connection, and let each user open each page once: the rows measure a
        # page seen again (kept while nothing changed), "Today, first view" one rendered for the first time.
        for _, path in ROWS:
            load(port, path, cookies, max(4 * CONCURRENCY, len(cookies)))
        runs = {name: [] for name, _ in ROWS}
        for _ in range(ROUNDS):
            for name, path in ROWS:
                runs[name].append(load(port, path, cookies, REQUESTS))
    finally:
        server.terminate()
        server.wait(15)
    rows = {}
    for name, results in runs.items():
        times = sorted(t for r in results for t in r["times"])
        rows[name] = {"rps": statistics.median(len(r["times"]) / r["seconds"] for r in results),
                      "p50": statistics.median(times), "p95": times[int(0.95 * (len(times) - 1))],
                      "errors": sum(r["errors"] for r in results),
                      "kept": sum(r["kept"] for r in results) / len(times) * 100}
    base = rows["/healthz"]["rps"]
    built = (f"built in {prepared['built_seconds']:.0f} s" if prepared["built_seconds"] is not None else "kept from an earlier run")
    lines = [f"{prepared['users']:,} users × {PEOPLE} people ({built}), PostgreSQL; `gunicorn {' '.join(command[3:-2])}` "
             f"on 127.0.0.1; {ROUNDS} rounds × {REQUESTS} requests per row at concurrency {CONCURRENCY}, "
             f"{len(cookies)} signed-in users in turn; load average {load_before:.1f} before, "
             f"{os.getloadavg()[0]:.1f} after.", "",
             "| page | req/s | × /healthz | p50 ms | p95 ms | errors | kept pages |", "|---|---|---|---|---|---|---|"]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['rps']:.1f} | {r['rps'] / base:.2f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['errors']} | {r['kept']:.0f} % |")
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(HERE))
    if sys.argv[1:2] == ["--prepare"]:
        prepare()
    elif sys.argv[1:2] == ["--load"]:
        port, path, requests, concurrency = int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        cookies = json.loads(sys.stdin.read())
        print(json.dumps(asyncio.run(_load(port, path, cookies, requests, concurrency))))
    else:
        if not os.environ.get("DATABASE_URL"):
            raise SystemExit("Set DATABASE_URL to a PostgreSQL database of your own.")
        from run import child_env

        print(hosted_report(child_env))


if __name__ == "__main__":
    main()
