"""An account's data stamp: on PostgreSQL, the database raises User.data_stamp whenever a row of the account changes.

Triggers, not code on each write path, because writes come from everywhere — views, the API, bulk imports in the
worker, restores, the admin, answers by email, raw SQL — and a stamp that one path forgets shows a stale page.
One UPDATE of the user per statement (statement triggers over transition tables), not per row: an import of
30,000 people raises it once per batch. Any update of the user row itself (settings, time zone) raises it too.

SQLite (the local app) gets no triggers: it has no statement triggers, and the page cache they serve is off
there (accounts/pagecache.py). Installed after every `migrate`, so a private model added later is covered.
"""

from django.apps import apps
from django.db import connections

from coffeechat.ownership import OwnedModel

RAISE = "UPDATE accounts_user SET data_stamp = data_stamp + 1 WHERE id IN (SELECT {owner} FROM {rows} r{join})"

USER_TRIGGER = """
CREATE OR REPLACE FUNCTION coffeechat_stamp_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Never backwards: a save() of a user loaded before the last raise writes its old stamp back.
    IF NEW.data_stamp <= OLD.data_stamp THEN
        NEW.data_stamp := OLD.data_stamp + 1;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS coffeechat_stamp ON accounts_user;
CREATE TRIGGER coffeechat_stamp BEFORE UPDATE ON accounts_user FOR EACH ROW EXECUTE FUNCTION coffeechat_stamp_user();
"""

TABLE_TRIGGER = """
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        {raise_old};
    ELSE
        {raise_new};
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS coffeechat_stamp_insert ON {table};
DROP TRIGGER IF EXISTS coffeechat_stamp_update ON {table};
DROP TRIGGER IF EXISTS coffeechat_stamp_delete ON {table};
CREATE TRIGGER coffeechat_stamp_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER coffeechat_stamp_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER coffeechat_stamp_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
"""


def stamped_tables() -> list[tuple[str, str, str]]:
    """(table, owner id of a changed row `r`, join that finds it) for every private table and its many-to-many tables."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, OwnedModel):
            continue
        found.append((model._meta.db_table, "r.owner_id", ""))
        for field in model._meta.many_to_many:
            through = field.remote_field.through._meta
            if through.auto_created:
                # A tag put on a person is a row of people_person_tags: its owner is the person's.
                column = through.get_field(model._meta.model_name).column
                found.append((through.db_table, "o.owner_id", f" JOIN {model._meta.db_table} o ON o.id = r.{column}"))
    return found


def install_triggers(using: str = "default", **_) -> None:
    """Create (or replace) the triggers; a post_migrate receiver, and idempotent.

    Migrated back before the stamp existed (accounts 0007), there is nothing to raise: the triggers go.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        columns = [c.name for c in connection.introspection.get_table_description(cursor, "accounts_user")]
        if "data_stamp" not in columns:
            drop_triggers(connection)
            return
        cursor.execute(USER_TRIGGER)
        for table, owner, join in stamped_tables():
            if table not in tables:
                continue
            function = f"coffeechat_stamp_{table}"[:63]
            cursor.execute(TABLE_TRIGGER.format(
                function=quote(function), table=quote(table),
                raise_old=RAISE.format(owner=owner, rows="old_rows", join=join),
                raise_new=RAISE.format(owner=owner, rows="new_rows", join=join),
            ))


def drop_triggers(connection) -> None:
    """Remove every trigger and function of the stamp (accounts 0007 migrated back)."""
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                       "WHERE t.tgname LIKE 'coffeechat_stamp%%'")
        for table, trigger in cursor.fetchall():
            cursor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger)} ON {quote(table)}")
        cursor.execute("SELECT proname FROM pg_proc WHERE proname LIKE 'coffeechat_stamp%%'")
        for (function,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {quote(function)}()")
