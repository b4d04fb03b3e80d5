"""Migrating a test database back and forth as `migrate` does: its pre- and post-migrate receivers included
(the data stamp's triggers go before and come back after; see accounts/stamps.py)."""

from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` ((app, migration) pairs) and return the apps as they were there."""
    emit_pre_migrate_signal(0, False, connection.alias)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    emit_post_migrate_signal(0, False, connection.alias)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
