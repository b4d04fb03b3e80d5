"""Moving Conversation (meetings -> conversations) and MailAccount (outreach -> mail) keeps every row.

The database is migrated back to just before the move, filled through the historical models,
then migrated forward: every conversation, its messages, plan items, tasks and referrals, and
the mail account must come out the other side with the same ids and links.
"""

import uuid

import pytest

from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("accounts", "0002_user_affiliation_user_availability_user_intro_line_and_more"),
    ("meetings", "0002_conversation_fit_conversation_learned_and_more"),
    ("outreach", "0001_initial"),
    ("questions", "0001_initial"),
    ("followups", "0001_initial"),
    ("people", "0004_person_keep_in_touch_days"),
]


@pytest.fixture
def before_the_move():
    old = migrate(BEFORE)
    yield old
    migrate(latest())  # leave the schema as the other tests expect


def test_the_move_keeps_every_conversation_message_plan_and_mail_account(before_the_move):
    old = before_the_move
    User = old.get_model("accounts", "User")
    owner = User.objects.create(username="mover")
    Person = old.get_model("people", "Person")
    Conversation = old.get_model("meetings", "Conversation")
    helene = Person.objects.create(owner=owner, first_name="Hélène", last_name="Béland")
    uid = uuid.uuid4()
    talk = Conversation.objects.create(owner=owner, person=helene, state="held", goal="What UX research is like",
                                       uid=uid, sequence=3, notes="Start with the paperwork")
    asked = Conversation.objects.create(owner=owner, person=helene, state="requested")
    referral = Person.objects.create(owner=owner, first_name="Priya", referred_by=helene, referral_conversation=talk)
    old.get_model("outreach", "Message").objects.create(owner=owner, person=helene, conversation=talk, kind="thank_you", body="Thank you")
    old.get_model("outreach", "Message").objects.create(owner=owner, person=helene, conversation=asked, kind="request", body="Hello")
    old.get_model("questions", "PlanItem").objects.create(owner=owner, conversation=talk, text="How did you start?", position=1)
    old.get_model("followups", "Task").objects.create(owner=owner, conversation=talk, title="Read the book", due_at="2026-12-01T10:00:00+00:00")
    old.get_model("outreach", "MailAccount").objects.create(owner=owner, host="smtp.example.com", from_address="me@example.com")

    migrate(latest())

    from coffeechat.conversations.models import Conversation as Moved
    from coffeechat.followups.models import Task
    from coffeechat.mail.models import MailAccount
    from coffeechat.outreach.models import Message
    from coffeechat.people.models import Person as NewPerson
    from coffeechat.questions.models import PlanItem

    moved = Moved.objects.get(pk=talk.pk)
    assert (moved.state, moved.goal.title, moved.uid, moved.sequence, moved.notes) == ("held", "What UX research is like", uid, 3, "Start with the paperwork")
    assert Moved.objects.filter(owner_id=owner.pk).count() == 2
    assert sorted(Message.objects.values_list("conversation_id", flat=True)) == sorted([talk.pk, asked.pk])
    assert PlanItem.objects.get().conversation_id == talk.pk
    assert Task.objects.get().conversation_id == talk.pk
    assert NewPerson.objects.get(pk=referral.pk).referral_conversation_id == talk.pk
    assert MailAccount.objects.get().host == "smtp.example.com"
    # The links are real foreign keys still: deleting the conversation cascades to its plan.
    moved.delete()
    assert not PlanItem.objects.exists() and Message.objects.filter(conversation__isnull=True).count() == 1
