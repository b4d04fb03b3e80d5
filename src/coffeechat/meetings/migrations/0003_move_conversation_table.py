from django.db import migrations


class Migration(migrations.Migration):
    """First step of moving Conversation to the conversations app: give the table its new name."""

    dependencies = [
        ("meetings", "0002_conversation_fit_conversation_learned_and_more"),
    ]

    operations = [
        migrations.AlterModelTable(name="conversation", table="conversations_conversation"),
    ]
