"""How long a LinkedIn export of LinkedIn's 30,000-connection cap takes to import, next to the floor.

The floor is the least any importer must do with the same file on the same machine, in the same
run: decode it, read the CSV rows, and executemany one INSERT per row into a fresh SQLite table
with the people table's columns, in one transaction (no indexes, no full-text index, no checks).
Each path is reported in seconds of wall clock and of this process's CPU time (everything runs in
this process, SQLite included: on a shared machine CPU time is the fairer figure), each as a
ratio to the floor, and its peak Python memory (tracemalloc, measured in a second, untimed pass)
as a ratio to the floor's. Paths: the CLI (`coffeechat import`) on a first import and on a re-import of
the same file (everyone matched), and the web path (upload, preview page, confirm).

    python bench/import_linkedin.py [--rows 30000] [--repeat 3] [--json]

`run(rows=30000, repeat=3) -> dict` does the same and returns the numbers, for bench/run.py.
"""

import argparse
import csv
import gc
import io
import json
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def make_export(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    given = ["Ada", "Hélène", "Omar", "Zoë", "Priya", "Kenji", "Amara", "Luis", "Noor", "Tomás", "Wei", "Fatima"]
    family = ["Lovelace", "Béland", "Haddad", "Kowalczyk", "Shah", "Tanaka", "Okafor", "García", "Nguyen", "Müller"]
    companies = [f"Company {i}" for i in range(2000)] + ['"Haddad, Fares & Co"']
    lines = ["Notes:", '"Some email addresses may be missing; members choose whether to share them."', "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(rows):
        email = f"person{i}@example.com" if rng.random() < 0.1 else ""
        lines.append(
            f"{rng.choice(given)},{rng.choice(family)}{i},https://www.linkedin.com/in/person-{i},{email},"
            f"{rng.choice(companies)},Engineer,{rng.randint(1, 28):02d} Oct 20{rng.randint(10, 25)}"
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def floor(data: bytes, db_path: Path, columns: list[str]) -> int:
    """Decode, read the rows, insert them raw: the least an importer can do. Returns rows inserted.

    Python's cycle collector is paused meanwhile, as the importer pauses it (people/bulk.py): its
    passes are no work an importer must do, so the floor does not pay for them either.
    """
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _floor(data, db_path, columns)
    finally:
        if gc_was_on:
            gc.enable()


def _floor(data: bytes, db_path: Path, columns: list[str]) -> int:
    text = data.decode("utf-8-sig")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    reader = csv.reader(io.StringIO("\n".join(lines[header + 1:])))
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY, {', '.join(c + ' TEXT' for c in columns)})")
    width = len(columns)
    rows = []
    for first, last, url, email, company, position, connected in reader:
        values = [first, last, url, json.dumps([email] if email else []), company, position, connected]
        rows.append(values + [""] * (width - len(values)))
    db.execute("BEGIN")
    db.executemany(f"INSERT INTO person ({', '.join(columns)}) VALUES ({', '.join('?' * width)})", rows)
    db.execute("COMMIT")
    db.close()
    return len(rows)


def _measure(func, *, memory: bool):
    """({"s": wall seconds, "cpu": this process's CPU seconds}, result) or, with memory=True,
    ({"mb": peak MB of Python allocations}, result). Everything is in this process (SQLite
    included), so CPU time is the fairer figure on a machine shared with other work."""
    gc.collect()
    if memory:
        tracemalloc.start()
        result = func()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        return {"mb": peak}, result
    started, started_cpu = time.perf_counter(), time.process_time()
    result = func()
    return {"s": time.perf_counter() - started, "cpu": time.process_time() - started_cpu}, result


def best(out: dict, path: str, values: dict) -> None:
    for unit, value in values.items():
        key = f"{path}_{unit}"
        out[key] = min(out.get(key, value), value)


def run(rows: int = 30_000, repeat: int = 3) -> dict:
    """Time (best of `repeat`) and peak memory of each import path next to the floor; returns the numbers."""
    data_dir = tempfile.mkdtemp(prefix="coffeechat-bench-import-")
    os.environ.setdefault("COFFEECHAT_DATA_DIR", data_dir)
    os.environ.setdefault("COFFEECHAT_MODE", "local")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from coffeechat.accounts.models import User
    from coffeechat.accounts.services import ensure_database
    from coffeechat.people.imports import undo_import
    from coffeechat.people.models import ImportBatch, Person

    setup_test_environment()   # lets the test client talk to the app
    ensure_database()
    data = make_export(rows)
    path = Path(data_dir) / "Connections.csv"
    path.write_bytes(data)
    columns = [f.column for f in Person._meta.concrete_fields if not f.primary_key]
    out = {"rows": rows, "repeat": repeat, "database": connection.vendor, "file_mb": round(len(data) / 1e6, 2)}
    counter = iter(range(1_000_000))

    def fresh_user():
        return User.objects.create(username=f"bench-{time.time_ns()}-{next(counter)}")

    def cli(user):
        call_command("import", str(path), user=user.username, stdout=io.StringIO())
        return ImportBatch.objects.filter(owner=user).latest("pk")

    def web(user):
        client = Client()
        client.force_login(user)
        upload = client.post(reverse("people:import"), {"file": io.BytesIO(data), "format": "auto"})
        assert upload.status_code == 302, upload.status_code
        preview = client.get(upload["Location"])
        assert preview.status_code == 200, preview.status_code
        done = client.post(reverse("people:import-confirm", args=[upload["Location"].rstrip("/").rsplit("/", 1)[1]]))
        assert done.status_code == 302, done.status_code
        return ImportBatch.objects.filter(owner=user).latest("pk")

    def cleanup(user):
        for batch in ImportBatch.objects.filter(owner=user, status=ImportBatch.Status.DONE):
            undo_import(batch)
        User.objects.filter(pk=user.pk).delete()

    # Time: the best of `repeat` runs of each path (the machine may be shared; the best run is the
    # one least disturbed). Memory: one more, untimed pass under tracemalloc.
    for memory, runs in ((False, repeat), (True, 1)):
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as floor_dir:
                value, inserted = _measure(lambda d=floor_dir: floor(data, Path(d) / "floor.db", columns), memory=memory)
            assert inserted == rows
            best(out, "floor", value)
            user = fresh_user()
            value, batch = _measure(lambda user=user: cli(user), memory=memory)
            assert batch.created_count == rows, batch.created_count
            best(out, "cli_first", value)
            value, again = _measure(lambda user=user: cli(user), memory=memory)
            assert again.created_count == 0 and again.matched_count == rows, (again.created_count, again.matched_count)
            best(out, "cli_again", value)
            cleanup(user)
            user = fresh_user()
            value, batch = _measure(lambda user=user: web(user), memory=memory)
            assert batch.created_count == rows, batch.created_count
            best(out, "web_first", value)
            cleanup(user)
    for path_name in ("cli_first", "cli_again", "web_first"):
        out[f"{path_name}_x_floor"] = round(out[f"{path_name}_s"] / out["floor_s"], 2)
        out[f"{path_name}_cpu_x_floor"] = round(out[f"{path_name}_cpu"] / out["floor_cpu"], 2)
        out[f"{path_name}_mem_x_floor"] = round(out[f"{path_name}_mb"] / out["floor_mb"], 2)
    out["web_x_cli"] = round(out["web_first_s"] / out["cli_first_s"], 2)
    out["web_cpu_x_cli"] = round(out["web_first_cpu"] / out["cli_first_cpu"], 2)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def report(numbers: dict) -> str:
    n = numbers
    lines = [f"database: {n['database']}; file: {n['rows']} rows, {n['file_mb']} MB; times are the best of {n['repeat']} runs "
             f"(wall clock, and this process's CPU time); load average {os.getloadavg()[0]:.1f}",
             f"{'path':<28}{'seconds':>9}{'x floor':>9}{'CPU s':>9}{'x floor':>9}{'peak MB':>9}{'x floor':>9}",
             f"{'floor (raw executemany)':<28}{n['floor_s']:>9.2f}{1:>9.2f}{n['floor_cpu']:>9.2f}{1:>9.2f}{n['floor_mb']:>9.1f}{1:>9.2f}"]
    for name, label in (("cli_first", "CLI import"), ("cli_again", "CLI re-import (all matched)"), ("web_first", "web upload+preview+confirm")):
        lines.append(f"{label:<28}{n[name + '_s']:>9.2f}{n[name + '_x_floor']:>9.2f}{n[name + '_cpu']:>9.2f}"
                     f"{n[name + '_cpu_x_floor']:>9.2f}{n[name + '_mb']:>9.1f}{n[name + '_mem_x_floor']:>9.2f}")
    lines.append(f"web path / CLI: {n['web_x_cli']:.2f}x (CPU {n['web_cpu_x_cli']:.2f}x); process peak RSS {n['peak_rss_mb']} MB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each path; the best is reported")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    numbers = run(args.rows, args.repeat)
    print(json.dumps(numbers, indent=2) if args.json else report(numbers))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
