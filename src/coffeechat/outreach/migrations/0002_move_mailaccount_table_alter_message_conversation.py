import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Mail accounts move to the mail app (table renamed here); messages point at conversations.Conversation."""

    dependencies = [
        ("conversations", "0001_initial"),
        ("outreach", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="mailaccount", table="mail_mailaccount"),
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name="message",
                name="conversation",
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                        related_name="messages", to="conversations.conversation"),
            ),
        ]),
    ]
