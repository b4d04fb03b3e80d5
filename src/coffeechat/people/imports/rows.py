"""Inserting many rows of one model in few statements, with the values the model would store.

The ORM's bulk_create builds a model instance per row and prepares every field of every row;
at 30,000 rows that costs many times the insert. Here the caller gives, per row, only the
values that vary (already in the database's form); the rest (owner, timestamps, the model's
defaults) are prepared once. Rows go in a thousand to a statement, prepared once and run for
each full chunk: on SQLite the full-text index (people/search.py) writes out what it has
gathered at the end of every statement, so a statement per row cost four times the rows.

On SQLite the values that do not vary are bound once a statement
(`INSERT … SELECT %s, …, column1, … FROM (VALUES …)`: 13 parameters a person, not 29);
PostgreSQL takes plain multi-row VALUES.
"""

import sqlite3
from collections.abc import Iterable, Sequence

from django.db import connection

# Rows a statement: enough that the full-text index's write at the end of each is rare; few
# enough that the statement stays small to prepare.
MAX_ROWS_PER_STATEMENT = 1000


def max_parameters() -> int:
    """How many parameters one statement may have: SQLite's own limit as built (999 on old
    builds, 32,766 since 3.32), PostgreSQL's 65,535."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return connection.features.max_query_params or 65_535


class RowInserter:
    """`RowInserter(Person, {"owner": 1, …}, ("first_name", …)).insert(rows)`.

    `fixed` maps field names to Python values shared by every row (prepared here); fields in
    neither `fixed` nor `varying` get the model's default. Each row of `insert` holds the
    `varying` fields' values in that order, ready for the database (JSON as text, dates
    adapted, foreign keys as ids).
    """

    def __init__(self, model, fixed: dict, varying: Sequence[str]):
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        by_name = {f.name: f for f in fields}
        unknown = [name for name in (*fixed, *varying) if name not in by_name]
        if unknown:
            raise ValueError(f"{model.__name__} has no field {unknown[0]!r}")
        constant = []
        for f in fields:
            if f.name in varying:
                continue
            value = fixed[f.name] if f.name in fixed else f.get_default()
            constant.append((f, value if f.is_relation else f.get_db_prep_save(value, connection)))
        quote = connection.ops.quote_name
        self.width = len(varying)
        self.constants = [value for _, value in constant]
        columns = ", ".join(quote(f.column) for f in [f for f, _ in constant] + [by_name[n] for n in varying])
        self.head = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
        self.sqlite = connection.vendor == "sqlite"
        self.one = f"({', '.join(['%s'] * (self.width if self.sqlite else self.width + len(self.constants)))})"
        if self.sqlite:
            picked = ", ".join(["%s"] * len(self.constants) + [f"column{i + 1}" for i in range(self.width)])
            self.head += f"SELECT {picked} FROM (VALUES "
        else:
            self.head += "VALUES "
        per_row = max(1, self.one.count("%s"))
        budget = max_parameters() - (len(self.constants) if self.sqlite else 0)
        self.per_statement = max(1, min(MAX_ROWS_PER_STATEMENT, budget // per_row))

    def _sql(self, count: int) -> str:
        return self.head + ", ".join([self.one] * count) + (")" if self.sqlite else "")

    def _params(self, chunk: Sequence[Sequence]) -> list:
        if self.sqlite:
            return self.constants + [value for row in chunk for value in row]
        constants = self.constants
        return [value for row in chunk for value in (*constants, *row)]

    def insert(self, rows: Iterable[Sequence]) -> int:
        """Insert every row; returns how many.

        Full chunks share one statement, prepared once (executemany); the rest is one more.
        """
        rows = rows if isinstance(rows, list) else list(rows)
        step = self.per_statement
        full = len(rows) // step * step
        with connection.cursor() as cursor:
            if full:
                cursor.executemany(self._sql(step), [self._params(rows[start:start + step]) for start in range(0, full, step)])
            if full < len(rows):
                cursor.execute(self._sql(len(rows) - full), self._params(rows[full:]))
        return len(rows)
