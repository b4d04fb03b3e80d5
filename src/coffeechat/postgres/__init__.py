"""Django's PostgreSQL backend, aware of the server's limit on parameters per statement.

Hosted Coffeechat lets PostgreSQL bind query parameters itself (`server_side_binding`), so psycopg
can prepare a statement a worker runs again and again and PostgreSQL plans it once. Bound that
way, one statement takes at most 65,535 parameters; Django 5.2 does not know it and would send a
30,000-person bulk insert (a restore, an import) in one statement. This backend splits bulk
inserts and updates below the limit, as Django 6 does. ENGINE = "coffeechat.postgres".
"""
