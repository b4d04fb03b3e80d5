"""An account's data stamp: the database raises User.data_stamp whenever a row of the account changes.

Triggers, not code on each write path, because writes come from everywhere — views, the API, bulk imports in the
worker or the command line, restores, the admin, answers by email, raw SQL — and a stamp that one path forgets
shows a stale page (accounts/pagecache.py). Any update of the user row itself (settings, time zone) raises it too.

PostgreSQL: one UPDATE of the user per statement (statement triggers over transition tables), not per row: an
import of 30,000 people raises it once per batch. SQLite has only row triggers: one UPDATE of the user's row per
row written, which SQLite does in well under a microsecond (the import of 30,000 people: about 1 % longer).
Installed after every `migrate`, so a private model added later is covered (on SQLite they are off while it
runs: `drop_for_migrating`), and when the local app starts without a pending migration (`install_if_missing`).
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


def stamped_tables() -> list[tuple[str, tuple[str, str] | None]]:
    """(table, how its rows find their owner) for every private table and its many-to-many tables: None when a
    row has its own owner_id, else (the owned table, the column that points into it)."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, OwnedModel):
            continue
        found.append((model._meta.db_table, None))
        for field in model._meta.many_to_many:
            through = field.remote_field.through._meta
            if through.auto_created:
                # A tag put on a person is a row of people_person_tags: its owner is the person's.
                found.append((through.db_table, (model._meta.db_table, through.get_field(model._meta.model_name).column)))
    return found


def _raise(rows: str, via: tuple[str, str] | None) -> str:
    """PostgreSQL: raise the stamp of the owners of a statement's changed `rows` (a transition table)."""
    if via is None:
        return RAISE.format(owner="r.owner_id", rows=rows, join="")
    return RAISE.format(owner="o.owner_id", rows=rows, join=f" JOIN {via[0]} o ON o.id = r.{via[1]}")


def stamped(connection) -> bool:
    """Whether this database raises the stamp (the databases the triggers are written for)."""
    return connection.vendor in ("postgresql", "sqlite")


SQLITE_USER_TRIGGER = """
CREATE TRIGGER coffeechat_stamp AFTER UPDATE ON accounts_user FOR EACH ROW WHEN NEW.data_stamp <= OLD.data_stamp
BEGIN UPDATE accounts_user SET data_stamp = OLD.data_stamp + 1 WHERE id = NEW.id; END
"""
SQLITE_TABLE_TRIGGER = """
CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW
BEGIN UPDATE accounts_user SET data_stamp = data_stamp + 1 WHERE id = {owner}; END
"""


def _sqlite_owner(row: str, via: tuple[str, str] | None) -> str:
    """SQLite: the owner of the changed row (`NEW` or `OLD`), as an expression."""
    return f"{row}.owner_id" if via is None else f"(SELECT owner_id FROM {via[0]} WHERE id = {row}.{via[1]})"


def install_triggers(using: str = "default", **_) -> None:
    """Create (or replace) the triggers; a post_migrate receiver, and idempotent.

    Migrated back before the stamp existed (accounts 0007), there is nothing to raise: the triggers go.
    """
    connection = connections[using]
    if not stamped(connection):
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        columns = [c.name for c in connection.introspection.get_table_description(cursor, "accounts_user")]
        if "data_stamp" not in columns:
            drop_triggers(connection)
            return
        if connection.vendor == "sqlite":
            drop_triggers(connection)
            cursor.execute(SQLITE_USER_TRIGGER)
            for table, via in stamped_tables():
                if table in tables:
                    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                        cursor.execute(SQLITE_TABLE_TRIGGER.format(
                            name=quote(f"coffeechat_stamp_{event.lower()}_{table}"), event=event, table=quote(table),
                            owner=_sqlite_owner(row, via)))
            return
        cursor.execute(USER_TRIGGER)
        for table, via in stamped_tables():
            if table not in tables:
                continue
            function = f"coffeechat_stamp_{table}"[:63]
            cursor.execute(TABLE_TRIGGER.format(
                function=quote(function), table=quote(table),
                raise_old=_raise("old_rows", via), raise_new=_raise("new_rows", via),
            ))


def drop_for_migrating(using: str = "default", **_) -> None:
    """A pre_migrate receiver: on SQLite the triggers go for the migration and come back after it (install_triggers).
    SQLite alters a table by copying it and renaming the copy, and the rename fails while another table's trigger
    names the table being remade (the tags' triggers look up people_person)."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        drop_triggers(connection)


def install_if_missing(using: str = "default") -> None:
    """Triggers for a database migrated before they existed (a local SQLite database of an earlier release):
    `coffeechat serve` runs `migrate` only when a migration is pending."""
    connection = connections[using]
    if stamped(connection) and not trigger_names(connection):
        install_triggers(using)


def trigger_names(connection) -> list[tuple[str, str]]:
    """(table, trigger) of every trigger of the stamp."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'coffeechat_stamp%%'")
        else:
            cursor.execute("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "WHERE t.tgname LIKE 'coffeechat_stamp%%'")
        return cursor.fetchall()


def drop_triggers(connection) -> None:
    """Remove every trigger and function of the stamp (accounts 0007 migrated back)."""
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for _, trigger in trigger_names(connection):
                cursor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger)}")
        return
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table, trigger in trigger_names(connection):
            cursor.execute(f"DROP TRIGGER IF EXISTS {quote(trigger)} ON {quote(table)}")
        cursor.execute("SELECT proname FROM pg_proc WHERE proname LIKE 'coffeechat_stamp%%'")
        for (function,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {quote(function)}()")
