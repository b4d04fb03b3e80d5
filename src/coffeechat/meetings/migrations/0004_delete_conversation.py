from django.db import migrations


class Migration(migrations.Migration):
    """Last step of the move: meetings no longer describes Conversation (the table stays, renamed)."""

    dependencies = [
        ("meetings", "0003_move_conversation_table"),
        ("conversations", "0001_initial"),
        ("followups", "0002_alter_task_conversation"),
        ("outreach", "0002_move_mailaccount_table_alter_message_conversation"),
        ("people", "0005_alter_person_referral_conversation"),
        ("questions", "0002_alter_planitem_conversation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Conversation")]),
    ]
