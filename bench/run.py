"""Coffeechat's benchmark, side by side in one run: `python bench/run.py [--sizes 300,3000,30000]`.

For each size it builds (once; cached in bench/results/, which git ignores) the heavy seeker's data and
measures the main pages in process on SQLite: p50/p95 over repeated requests, queries per request,
HTML size, and the time of the page's slowest query run as raw SQL (its "main query"). Then the
coaches per second, `coffeechat serve` start time, the LinkedIn import against its raw floor (when
bench/import_linkedin.py offers `run(rows)`), and with DATABASE_URL set, a bounded hosted load test
(see hosted.py). Each size runs in a child process of its own (one database per process).
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
DATA_VERSION = 2
PAGES = ["Today", "Today: show all overdue", "People list", "People search", "Person", "Conversation", "Brief", "Settings",
         "Conversations", "Organisations", "Targets", "Insights"]


def child_env(data_dir: Path | None = None, **extra) -> dict:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "DJANGO_SETTINGS_MODULE": "coffeechat.settings"}
    if data_dir is not None:
        env.update(COFFEECHAT_DATA_DIR=str(data_dir), COFFEECHAT_MODE="local")
        env.pop("DATABASE_URL", None)
    env.update(extra)
    return env


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# --- one size, in its own process ----------------------------------------------------------------

def measure_size(people: int, repeats: int) -> dict:
    import django

    django.setup()
    from dataset import build, sample
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coffeechat.accounts.models import CachedPage, User
    from coffeechat.accounts.pagecache import HEADER
    from coffeechat.accounts.services import ensure_database

    ensure_database()
    marker = Path(os.environ["COFFEECHAT_DATA_DIR"]) / f"built-v{DATA_VERSION}"
    user = User.objects.filter(username="seeker").first()
    built = {}
    if user is None or not marker.exists():
        User.objects.filter(username="seeker").delete()
        user = User.objects.create(username="seeker", time_zone="America/Toronto")
        started = time.perf_counter()
        built = build(user, people)
        built["seconds"] = round(time.perf_counter() - started, 1)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        marker.write_text(json.dumps(built))
    rows = sample(user)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    urls = {
        "Today": "/", "Today: show all overdue": "/today/overdue/", "People list": "/people/", "People search": "/people/?q=bel",
        "Person": f"/people/{rows['person']}/", "Conversation": f"/conversations/{rows['conversation']}/",
        "Brief": f"/conversations/{rows['conversation']}/brief/", "Settings": "/settings/",
        "Conversations": "/conversations/", "Organisations": "/organizations/", "Targets": "/targets/", "Insights": "/insights/",
    }
    pages = {}
    keep_seconds = settings.PAGE_CACHE_SECONDS
    for name, url in urls.items():
        # Drawn, nothing kept (kept pages and values off): every request as the first after a change to the account.
        settings.PAGE_CACHE_SECONDS = 0
        for _ in range(2):
            client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        captured = list(ctx.captured_queries)  # read now: the next request resets the log
        assert response.status_code == 200, (name, response.status_code)
        main_sql, main_ms = slowest_raw(connection, captured)
        times, cpu = [], []
        for _ in range(repeats):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        pages[name] = {"p50": statistics.median(times), "p95": percentile(times, 95), "cpu_p95": percentile(cpu, 95),
                       "queries": len(captured),
                       "html_kb": len(response.content) / 1024, "main_ms": main_ms, "main_sql": main_sql[:300]}
        # As shipped, nothing of the account changed: the navigation's count is kept (accounts/pagecache.py);
        # "first view" asks an address never asked before (kept pages draw it and keep it), "seen again" the same.
        settings.PAGE_CACHE_SECONDS = keep_seconds
        joiner = "&" if "?" in url else "?"
        client.get(url)
        times = []
        for n in range(repeats):
            started = time.perf_counter()
            client.get(f"{url}{joiner}view={n}")
            times.append((time.perf_counter() - started) * 1000)
        pages[name].update(first_p50=statistics.median(times), first_p95=percentile(times, 95))
        if client.get(url).get(HEADER):
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                assert client.get(url)[HEADER] == "hit", name
                times.append((time.perf_counter() - started) * 1000)
            pages[name].update(kept_p50=statistics.median(times), kept_p95=percentile(times, 95))
        CachedPage.objects.all().delete()
    return {"people": people, "built": built, "pages": pages}


def slowest_raw(connection, captured) -> tuple[str, float]:
    """Re-run every query of the page as raw SQL (best of 5) and return the slowest: the page's main query."""
    best = ("", 0.0)
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                cursor.execute(sql)  # the captured text has its parameters inlined
                cursor.fetchall()
                runs.append((time.perf_counter() - started) * 1000)
            if min(runs) > best[1]:
                best = (sql, min(runs))
    return best


# --- the rest, in this process -------------------------------------------------------------------

def coaches_per_second(seconds: float = 1.5) -> dict:
    import django

    sys.path.insert(0, str(ROOT / "src"))
    os.environ.update(child_env(RESULTS / "coaches"))
    django.setup()
    emails = [
        "Dear Ms. Béland,\n\nI am a nursing student at McGill and read your article on clinical informatics. Would you have "
        "20 minutes in the next two weeks to tell me how you moved into it? I am not asking about jobs.\n\nThank you,\nAda",
        "Hi! Are you hiring? I'd love a job at your company, please send me the link to apply. Thanks",
        "Hello Omar, [your name] here. Could we talk for an hour about [topic]?",
    ]
    questions = ["What does a typical week look like for you?", "Can you get me a job?",
                 "How did you get into this field, and what would you do differently?", "Is it good?"]
    from coffeechat.outreach.coach import check_email
    from coffeechat.questions.coach import check_question

    result = {}
    for name, func, texts in (("email coach", check_email, emails), ("question coach", check_question, questions)):
        n, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            func(texts[n % len(texts)])
            n += 1
        result[name] = n / (time.perf_counter() - started)
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_start(data_dir: Path) -> float:
    """Seconds from `coffeechat serve` to its first answer on /healthz, on an existing database."""
    import urllib.request

    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "coffeechat", "serve", "--port", str(port), "--no-browser"],
                               env=child_env(data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 60:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        return float("nan")
    finally:
        process.terminate()
        process.wait(10)


def import_floor(rows: int) -> str:
    """bench/import_linkedin.py in a process of its own, on SQLite (a temporary data folder) like its floor."""
    script = HERE / "import_linkedin.py"
    env = child_env()
    env.pop("DATABASE_URL", None)
    probe = "import runpy,sys; m = runpy.run_path(sys.argv[1]); sys.exit(0 if 'run' in m else 3)"
    if subprocess.run([sys.executable, "-c", probe, str(script)], env=env, capture_output=True).returncode != 0:
        return "skipped: bench/import_linkedin.py has no run(rows) yet"
    call = ("import runpy,sys; m = runpy.run_path(sys.argv[1]); r = m['run'](int(sys.argv[2])); "
            "print(m['report'](r) if 'report' in m else r)")
    done = subprocess.run([sys.executable, "-c", call, str(script), str(rows)], env=env, capture_output=True, text=True)
    return (done.stdout.strip() or done.stderr.strip()[-600:]) if done.returncode == 0 else f"failed: {done.stderr.strip()[-600:]}"


def table(results: list[dict]) -> str:
    sizes = [r["people"] for r in results]
    head = "| page | " + " | ".join(f"{s:,} people: p50 / p95 (CPU p95) · queries · KB · main SQL (p95 ÷ it)" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]
    for page in PAGES:
        cells = []
        for r in results:
            m = r["pages"][page]
            ratio = m["p95"] / m["main_ms"] if m["main_ms"] else float("nan")
            cells.append(f"{m['p50']:.1f} / {m['p95']:.1f} ({m['cpu_p95']:.1f}) · {m['queries']} · {m['html_kb']:.0f} · "
                         f"{m['main_ms']:.2f} ({ratio:.0f}×)")
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    lines += ["", "As shipped, nothing of the account changed: p50 / p95 ms of a first view (an address not asked before: "
              "the page is drawn, the navigation's count is kept) and, for kept pages, seen again", "",
              "| page | " + " | ".join(f"{s:,} people: first view · seen again" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for page in PAGES:
        cells = []
        for r in results:
            m = r["pages"][page]
            again = f"{m['kept_p50']:.1f} / {m['kept_p95']:.1f}" if "kept_p50" in m else "(not kept)"
            cells.append(f"{m['first_p50']:.1f} / {m['first_p95']:.1f} · {again}")
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300,3000,30000", help="people per data set, comma-separated")
    parser.add_argument("--repeats", type=int, default=200, help="timed requests per page (a p95 of fewer swings with the machine's other work)")
    parser.add_argument("--import-rows", type=int, default=30_000)
    parser.add_argument("--skip", default="", help="comma-separated: coaches,serve,import,hosted")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        sys.path.insert(0, str(HERE))
        print(json.dumps(measure_size(args.one_size, args.repeats)))
        return
    skip = set(filter(None, args.skip.split(",")))
    sizes = [int(s) for s in args.sizes.split(",")]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"# Coffeechat bench · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · commit {commit} · "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start · SQLite in process\n", flush=True)
    results = []
    for size in sizes:
        data_dir = RESULTS / f"heavy-{size}"
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--one-size", str(size), "--repeats", str(args.repeats)],
                              env=child_env(data_dir), capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"size {size} failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        built = f", data built in {result['built']['seconds']} s" if result["built"] else ", cached data"
        print(f"{size:,} people measured in {time.perf_counter() - started:.0f} s{built}", flush=True)
    print(f"\n## Pages\n\nDrawn with nothing kept (every request as the first after a change to the account). Times in ms over {args.repeats} requests (wall clock; CPU p95 = this process's CPU time, less "
          "sensitive to a busy machine); main SQL = the page's slowest query re-run as raw SQL, best of 5. "
          f"Load average at the end: {os.getloadavg()[0]:.1f}.\n")
    print(table(results))
    big = results[-1]
    print(f"\nMain queries at {big['people']:,} people:")
    for page in PAGES:
        print(f"- {page}: {big['pages'][page]['main_sql'][:160]}")
    if "coaches" not in skip:
        print("\n## Coaches\n")
        for name, rate in coaches_per_second().items():
            print(f"- {name}: {rate:,.0f} checks per second")
    if "serve" not in skip:
        print(f"\n`coffeechat serve` answers /healthz {serve_start(RESULTS / f'heavy-{sizes[0]}'):.2f} s after start ({sizes[0]:,}-people database)")
    if "import" not in skip:
        print(f"\n## Import vs its raw floor ({args.import_rows:,} rows, SQLite)\n\n{import_floor(args.import_rows)}")
    if os.environ.get("DATABASE_URL") and "hosted" not in skip:
        sys.path.insert(0, str(HERE))
        from hosted import hosted_report

        print("\n## Hosted\n")
        print(hosted_report(child_env))
    elif "hosted" not in skip:
        print("\n(Hosted load test skipped: set DATABASE_URL to a PostgreSQL database of your own to run it.)")


if __name__ == "__main__":
    main()
