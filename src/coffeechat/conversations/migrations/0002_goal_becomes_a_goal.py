"""The free-text goal of each conversation becomes a Goal (insights) of its owner.

Texts are matched per owner by their folded form ("UX Research" = "ux  research"), so each
distinct goal becomes one Goal; the first spelling met (oldest conversation) is the title.
Nothing typed is lost: going back writes each Goal's title into the text column again.
"""

import django.db.models.deletion
from django.db import migrations, models

from coffeechat.text import fold


def texts_to_goals(apps, schema_editor):
    Conversation = apps.get_model("conversations", "Conversation")
    Goal = apps.get_model("insights", "Goal")
    made = {}
    for conversation in Conversation.objects.exclude(goal_text="").order_by("pk").iterator():
        title = " ".join(conversation.goal_text.split())
        if not title:
            continue
        key = (conversation.owner_id, fold(title))
        if key not in made:
            made[key] = Goal.objects.create(owner_id=conversation.owner_id, title=title)
        Conversation.objects.filter(pk=conversation.pk).update(goal=made[key])


def goals_to_texts(apps, schema_editor):
    Conversation = apps.get_model("conversations", "Conversation")
    for conversation in Conversation.objects.filter(goal__isnull=False).select_related("goal").iterator():
        Conversation.objects.filter(pk=conversation.pk).update(goal_text=conversation.goal.title[:300])


class Migration(migrations.Migration):

    dependencies = [
        ("conversations", "0001_initial"),
        ("insights", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("conversation", "goal", "goal_text"),
        migrations.AddField(
            model_name="conversation",
            name="goal",
            field=models.ForeignKey(
                blank=True, help_text="What this conversation is for.", null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="conversations", to="insights.goal",
            ),
        ),
        migrations.RunPython(texts_to_goals, goals_to_texts),
        migrations.RemoveField("conversation", "goal_text"),
    ]
