"""The due-item rules, moved through time. Each test builds data, then asks at several "now"s."""

from datetime import UTC, datetime, timedelta

import pytest

from coffeechat.followups.models import DueMark, Task, Touch
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.outreach.models import Message
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db
FRIDAY = datetime(2026, 11, 6, 21, 0, tzinfo=UTC)  # 16:00 in Toronto


def listed(user, now):
    """Everything on the list at `now`, due or coming up."""
    return [(i.kind, i.conversation or i.person) for i in due_items(load_snapshot(user), now)]


def kinds(user, now):
    """What is due by `now` (the rules also list later items, for the Today page's "Later")."""
    return [(i.kind, i.conversation or i.person) for i in due_items(load_snapshot(user), now) if i.due <= now]


def test_thank_you_is_due_24_hours_after_the_end_and_sending_it_clears_it(owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=FRIDAY, person__first_name="Hélène")
    [item] = [i for i in due_items(load_snapshot(owner), FRIDAY + timedelta(hours=1)) if i.kind == "thank_you"]
    assert item.due == FRIDAY + timedelta(hours=24) and not item.overdue and item.person == c.person.display_name
    assert [i.overdue for i in due_items(load_snapshot(owner), FRIDAY + timedelta(hours=25)) if i.kind == "thank_you"] == [True]
    Message.objects.create(owner=owner, person=c.person, conversation=c, kind="thank_you", sent_at=FRIDAY + timedelta(hours=3))
    assert "thank_you" not in [k for k, _ in kinds(owner, FRIDAY + timedelta(hours=30))]


def test_a_scheduled_conversation_whose_end_has_passed_counts_as_held(owner):
    ConversationFactory(owner=owner, state="scheduled", scheduled_start=FRIDAY, minutes=30)
    assert "thank_you" not in [k for k, _ in kinds(owner, FRIDAY + timedelta(minutes=10))]
    assert "thank_you" in [k for k, _ in listed(owner, FRIDAY + timedelta(minutes=31))]


def test_cancelled_and_missed_conversations_ask_for_nothing(owner):
    ConversationFactory(owner=owner, state="missed", scheduled_start=FRIDAY)
    ConversationFactory(owner=owner, state="cancelled", scheduled_start=FRIDAY)
    assert kinds(owner, FRIDAY + timedelta(days=2)) == []


def test_second_contact_after_3_and_follow_up_after_7_business_days_across_a_weekend(owner):
    c = ConversationFactory(owner=owner, state="requested", requested_at=FRIDAY, person__with_organization=True)
    assert kinds(owner, datetime(2026, 11, 10, 22, tzinfo=UTC)) == []                        # Tuesday
    assert kinds(owner, datetime(2026, 11, 11, 22, tzinfo=UTC)) == [("second_contact", c.pk)]  # Wednesday
    assert kinds(owner, datetime(2026, 11, 17, 22, tzinfo=UTC)) == [("follow_up", c.pk)]       # Tuesday after
    c.follow_up_sent_at = datetime(2026, 11, 18, tzinfo=UTC)
    c.save()
    assert kinds(owner, datetime(2026, 11, 19, tzinfo=UTC)) == []


def test_prepare_in_the_48_hours_before_until_plan_checklist_and_invitation_are_done(owner):
    start = FRIDAY + timedelta(days=3)
    c = ConversationFactory(owner=owner, state="scheduled", scheduled_start=start, medium="phone")
    assert listed(owner, start - timedelta(hours=49)) == []
    assert listed(owner, start - timedelta(hours=47)) == [("prepare", c.pk)]
    add_item(c, "What surprised you?")
    from coffeechat.meetings.preparation import checklist_for

    c.checklist = {item.key: True for item in checklist_for("phone")}
    c.invitation_sent_at = FRIDAY
    c.save()
    assert listed(owner, start - timedelta(hours=47)) == []


def test_a_referral_not_contacted_after_7_days(owner):
    referrer = PersonFactory(owner=owner)
    referral = PersonFactory(owner=owner, referred_by=referrer, source="referral")
    created = referral.created_at
    assert [k for k, _ in listed(owner, created + timedelta(days=6))] == ["contact_referral"]
    [item] = due_items(load_snapshot(owner), created + timedelta(days=8))
    assert item.overdue and referrer.display_name in item.title
    Message.objects.create(owner=owner, person=referral, kind="request", sent_at=created + timedelta(days=2))
    assert kinds(owner, created + timedelta(days=8)) == []


def test_reflect_3_days_after_unless_reflected(owner):
    c = ConversationFactory(owner=owner, state="held", ended_at=FRIDAY)
    Message.objects.create(owner=owner, person=c.person, conversation=c, kind="thank_you", sent_at=FRIDAY + timedelta(hours=2))
    [item] = [i for i in due_items(load_snapshot(owner), FRIDAY + timedelta(days=4)) if i.kind == "reflect"]
    assert item.due == FRIDAY + timedelta(days=3) and item.overdue
    c.reflected_at = FRIDAY + timedelta(days=1)
    c.save()
    assert "reflect" not in [k for k, _ in kinds(owner, FRIDAY + timedelta(days=4))]


def test_keep_in_touch_restarts_at_every_interaction_of_any_kind(owner):
    person = PersonFactory(owner=owner)
    c = ConversationFactory(owner=owner, person=person, state="held", ended_at=FRIDAY, reflected_at=FRIDAY)
    Message.objects.create(owner=owner, person=person, conversation=c, kind="thank_you", sent_at=FRIDAY + timedelta(hours=2))
    later = FRIDAY + timedelta(days=91)
    [item] = due_items(load_snapshot(owner), later)
    assert item.kind == "keep_in_touch" and item.due == FRIDAY + timedelta(hours=2, days=90)
    Touch.objects.create(owner=owner, person=person, kind="call", happened_at=later)
    assert kinds(owner, later + timedelta(days=89)) == []
    assert [k for k, _ in kinds(owner, later + timedelta(days=90, minutes=1))] == ["keep_in_touch"]


def test_per_person_cadence_and_off(owner):
    person = PersonFactory(owner=owner, keep_in_touch_days=30)
    ConversationFactory(owner=owner, person=person, state="held", ended_at=FRIDAY - timedelta(days=5), reflected_at=FRIDAY)
    Message.objects.create(owner=owner, person=person, conversation=person.conversations.get(), kind="thank_you",
                           sent_at=FRIDAY - timedelta(days=5))
    Touch.objects.create(owner=owner, person=person, kind="news", happened_at=FRIDAY)
    assert [k for k, _ in kinds(owner, FRIDAY + timedelta(days=31))] == ["keep_in_touch"]
    person.keep_in_touch_days = 0
    person.save()
    assert kinds(owner, FRIDAY + timedelta(days=400)) == []


def test_tasks_done_and_snooze_are_recorded_not_deleted(owner):
    task = Task.objects.create(owner=owner, title="Send Priya the article", due_at=FRIDAY)
    assert kinds(owner, FRIDAY + timedelta(hours=1)) == [("task", "")]
    mark = DueMark.objects.create(owner=owner, key=f"task:{task.pk}", snoozed_until=FRIDAY + timedelta(days=1))
    [item] = due_items(load_snapshot(owner), FRIDAY + timedelta(hours=1))
    assert item.due == FRIDAY + timedelta(days=1) and not item.overdue
    mark.done_at = FRIDAY + timedelta(hours=2)
    mark.save()
    assert kinds(owner, FRIDAY + timedelta(days=2)) == []
    assert Task.objects.filter(pk=task.pk).exists() and DueMark.objects.filter(pk=mark.pk).exists()


def test_the_rules_read_a_fixed_number_of_queries(owner, django_assert_max_num_queries):
    # 9: the seven of the original rules, people met at events, and who gave names (and when they were thanked).
    for _ in range(3):
        ConversationFactory(owner=owner, state="held", ended_at=FRIDAY)
    with django_assert_max_num_queries(9):
        due_items(load_snapshot(owner), FRIDAY + timedelta(days=1))
    for _ in range(20):
        ConversationFactory(owner=owner, state="requested", requested_at=FRIDAY)
        PersonFactory(owner=owner, referred_by=PersonFactory(owner=owner), source="referral")
    with django_assert_max_num_queries(9):
        due_items(load_snapshot(owner), FRIDAY + timedelta(days=10))


def test_only_the_users_own_data_counts(owner, second_user):
    ConversationFactory(owner=second_user, state="held", ended_at=FRIDAY)
    assert kinds(owner, FRIDAY + timedelta(days=2)) == []


def test_no_keep_in_touch_for_someone_only_asked(owner):
    person = PersonFactory(owner=owner)
    Message.objects.create(owner=owner, person=person, kind="request", sent_at=FRIDAY)
    assert [i.kind for i in due_items(load_snapshot(owner), FRIDAY + timedelta(days=200))] == []


def test_a_cadence_set_on_someone_never_met_is_honoured(owner):
    person = PersonFactory(owner=owner, keep_in_touch_days=60)
    added = person.created_at
    assert kinds(owner, added + timedelta(days=59)) == []
    assert kinds(owner, added + timedelta(days=61)) == [("keep_in_touch", person.display_name)]
    Touch.objects.create(owner=owner, person=person, kind="news", happened_at=added + timedelta(days=61))
    assert kinds(owner, added + timedelta(days=100)) == []
    assert kinds(owner, added + timedelta(days=122)) == [("keep_in_touch", person.display_name)]


def test_the_default_cadence_still_waits_for_a_conversation(owner):
    person = PersonFactory(owner=owner)
    assert kinds(owner, person.created_at + timedelta(days=400)) == []


@pytest.mark.parametrize("state", ["requested", "accepted", "scheduled", "held", "declined"])
def test_the_referral_nudge_goes_once_a_conversation_with_them_exists(owner, state):
    referral = PersonFactory(owner=owner, referred_by=PersonFactory(owner=owner), source="referral")
    later = referral.created_at + timedelta(days=8)
    assert kinds(owner, later) == [("contact_referral", referral.display_name)]
    ConversationFactory(owner=owner, person=referral, state=state, scheduled_start=later + timedelta(days=30),
                        ended_at=later + timedelta(days=30, minutes=30) if state == "held" else None)
    assert "contact_referral" not in [k for k, _ in listed(owner, later)]


def test_a_draft_conversation_keeps_the_referral_nudge(owner):
    referral = PersonFactory(owner=owner, referred_by=PersonFactory(owner=owner), source="referral")
    ConversationFactory(owner=owner, person=referral, state="draft")
    assert kinds(owner, referral.created_at + timedelta(days=8)) == [("contact_referral", referral.display_name)]
