"""The data stamp's triggers on SQLite too (the local app keeps pages since this release).

`migrate` installs the triggers after every run (accounts/apps.py), but `coffeechat serve` runs `migrate` only
when a migration is pending: this one makes an existing local database get them on its first start after the
upgrade. On PostgreSQL they are already there (accounts 0007); installing them again changes nothing.
"""

from django.db import migrations

from coffeechat.accounts.stamps import install_triggers


def install(apps, schema_editor):
    install_triggers(schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0007_data_stamp_cachedpage'),
    ]

    operations = [
        # Back: nothing to undo (the stamp and its triggers belong to 0007, which removes them).
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
