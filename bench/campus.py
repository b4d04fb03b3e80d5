"""The hosted campus: USERS seekers with PEOPLE people each, in the PostgreSQL database of DATABASE_URL.

Built once and kept: TEMPLATES seekers are written through the ORM by dataset.build (each its own
seed), then copied in bulk SQL (`INSERT … SELECT` per table, every id shifted by one offset so the
copies' foreign keys point at their own rows) until there are USERS. 2,000 × 300 takes well under a
minute; a later run finds the users and reuses them. Django must be set up by the caller.
"""

import time

PREFIX = "campus-"
TEMPLATES = 20


def owned_models():
    """The models whose rows belong to one user (an `owner` foreign key). Their order does not matter:
    Django creates PostgreSQL foreign keys DEFERRABLE INITIALLY DEFERRED, checked at commit."""
    from django.apps import apps

    from coffeechat.accounts.models import User

    return [m for m in apps.get_models()
            if any(f.name == "owner" and f.is_relation and f.related_model is User for f in m._meta.concrete_fields)]


def build_campus(users: int, people: int) -> float | None:
    """Make sure `users` campus seekers exist; returns the seconds it took to build, None when they existed."""
    from dataset import build, fill_keep_in_touch_clock
    from django.db import connection, transaction

    from coffeechat.accounts.models import User

    have = User.objects.filter(username__startswith=PREFIX).count()
    if have >= users:
        return None
    started = time.perf_counter()
    with transaction.atomic():
        templates = list(User.objects.filter(username__startswith=PREFIX).order_by("username")[:TEMPLATES])
        if not templates:
            for n in range(min(TEMPLATES, users)):
                templates.append(User.objects.create(username=f"{PREFIX}{n:05d}", time_zone="America/Toronto"))
                build(templates[-1], people, seed=n, fill_clock=False)
            fill_keep_in_touch_clock()
            have = len(templates)
        with connection.cursor() as cursor:
            while have < users:
                chosen = [u.pk for u in templates[:users - have]]
                copy(cursor, chosen, have)
                have += len(chosen)
            for model in [User, *owned_models()]:
                table = model._meta.db_table
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def copy(cursor, template_ids: list[int], first_number: int) -> None:
    """One copy of these template users and everything they own, numbered from `first_number`."""
    from coffeechat.accounts.models import User

    models = owned_models()
    tables = [User._meta.db_table] + [m._meta.db_table for m in models]
    # One offset for every table: past every id in use, and a stride wider than any table's id range.
    cursor.execute(" UNION ALL ".join(f"SELECT MAX(id) FROM {t}" for t in tables))
    offset = max(row[0] or 0 for row in cursor.fetchall()) + 1
    shifted = {User._meta.db_table, *tables}
    for model in [User, *models]:
        columns, values = [], []
        for field in model._meta.concrete_fields:
            column = field.column
            columns.append(f'"{column}"')
            if field.primary_key or (field.is_relation and field.related_model._meta.db_table in shifted):
                values.append(f'"{column}" + %(offset)s')
            elif model is User and column == "username":
                values.append(f"'{PREFIX}' || lpad((substr(username, {len(PREFIX) + 1})::int + %(number)s)::text, 5, '0')")
            elif model._meta.db_table == "followups_duemark" and column == "key":
                # Due keys name a row ("task:12", "prepare:7:202601011200"): the copy names its own row.
                values.append("substring(key from '^[a-z_]+:') || (substring(key from '^[a-z_]+:([0-9]+)')::bigint"
                              " + %(offset)s)::text || substring(key from '^[a-z_]+:[0-9]+(.*)$')")
            else:
                values.append(f'"{column}"')
        scope = "id" if model is User else "owner_id"
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(values)} "
                       f"FROM {model._meta.db_table} WHERE {scope} = ANY(%(templates)s)",
                       {"offset": offset, "number": first_number, "templates": template_ids})
