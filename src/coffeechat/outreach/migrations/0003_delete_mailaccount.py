from django.db import migrations


class Migration(migrations.Migration):
    """Mail accounts now belong to the mail app; the table (renamed in 0002) and its rows stay."""

    dependencies = [
        ("mail", "0001_initial"),
        ("outreach", "0002_move_mailaccount_table_alter_message_conversation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="MailAccount")]),
    ]
