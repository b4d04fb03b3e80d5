"""How long a LinkedIn export of LinkedIn's 30,000-connection cap takes to import."""

import argparse
import os
import random
import resource
import sys
import tempfile
import time


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=30_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ.setdefault("COFFEECHAT_DATA_DIR", data_dir)
        os.environ.setdefault("COFFEECHAT_MODE", "local")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
        import django

        django.setup()
        from django.db import connection

        from coffeechat.accounts.models import User
        from coffeechat.accounts.services import ensure_database
        from coffeechat.people.formats import parse_contacts
        from coffeechat.people.imports import import_file, plan_import, undo_import

        ensure_database()
        user = User.objects.create(username=f"bench-{time.time_ns()}")
        data = make_export(args.rows)
        print(f"database: {connection.vendor}; file: {args.rows} rows, {len(data) / 1e6:.1f} MB")

        def timed(label, func):
            started = time.perf_counter()
            result = func()
            elapsed = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            print(f"{label:<28} {elapsed:7.2f} s   process peak RSS so far {peak:7.0f} MB")
            return result

        parsed = timed("parse", lambda: parse_contacts(data))
        timed("preview (plan)", lambda: plan_import(user, parsed))
        plan, batch = timed("import (parse+plan+write)", lambda: import_file(user, data))
        print(f"  new {plan.summary['new']}, skipped {plan.summary['skipped']}")
        again, _ = timed("re-import (all matched)", lambda: import_file(user, data))
        print(f"  new {again.summary['new']}, matched {again.summary['matched']}")
        removed, _ = timed("undo", lambda: undo_import(batch))
        print(f"  removed {removed}")
        User.objects.filter(pk=user.pk).delete()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
