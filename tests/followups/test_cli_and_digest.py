import json
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from coffeechat.followups.digest import send_all
from coffeechat.followups.models import DigestLog, Touch
from coffeechat.mail.models import MailAccount
from coffeechat.outreach.models import Message
from tests.factories import ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def today_json(capsys, as_of):
    call_command("today", "--json", "--as-of", as_of, "--user", "owner")
    return json.loads(capsys.readouterr().out)["items"]


def test_the_done_means_walk_through(capsys, owner):
    owner.time_zone = "America/Toronto"
    owner.save()
    person = PersonFactory(owner=owner, first_name="Hélène", last_name="Béland")
    held = ConversationFactory(owner=owner, person=person, state="held", ended_at=datetime(2026, 11, 5, 20, tzinfo=UTC),
                               reflected_at=datetime(2026, 11, 6, tzinfo=UTC))

    # Held yesterday: a thank-you is due, with the JSON shape other programs rely on.
    items = today_json(capsys, "2026-11-06T09:00")
    assert [i["kind"] for i in items] == ["thank_you", "keep_in_touch"]  # keep-in-touch waits under "Later"
    assert items[0] == {"kind": "thank_you", "person": "Hélène Béland", "conversation": held.pk,
                    "due": "2026-11-06T20:00:00+00:00", "overdue": False, "action": f"/conversations/{held.pk}/follow-up/"}

    # Sending it clears it.
    Message.objects.create(owner=owner, person=person, conversation=held, kind="thank_you", sent_at=datetime(2026, 11, 6, 15, tzinfo=UTC))
    assert [i["kind"] for i in today_json(capsys, "2026-11-06T12:00")] == ["keep_in_touch"]

    # 90 days later they appear under keep-in-touch; a call today pushes it out 90 days.
    [keep] = today_json(capsys, "2027-02-05")
    assert keep["kind"] == "keep_in_touch" and keep["overdue"] is True and keep["due"] == "2027-02-04T15:00:00+00:00"
    Touch.objects.create(owner=owner, person=person, kind="call", happened_at=datetime(2027, 2, 5, 15, tzinfo=UTC))
    assert [i["due"] for i in today_json(capsys, "2027-02-05T12:00")] == ["2027-05-06T15:00:00+00:00"]

    # A request unanswered over a weekend: second contact after 3 business days, then the follow-up after 7.
    asked = PersonFactory(owner=owner, first_name="Omar", last_name="Haddad", with_organization=True)
    ConversationFactory(owner=owner, person=asked, state="requested", requested_at=datetime(2027, 2, 5, 21, tzinfo=UTC))  # Friday
    due_now = lambda as_of: [i["kind"] for i in today_json(capsys, as_of) if i["overdue"] and i["person"] == "Omar Haddad"]  # noqa: E731
    assert due_now("2027-02-09T17:00") == []                       # Tuesday
    assert due_now("2027-02-10T17:00") == ["second_contact"]       # Wednesday
    assert due_now("2027-02-16T17:00") == ["follow_up"]            # Tuesday after


def test_today_readable_and_bad_as_of(capsys, owner):
    call_command("today", "--user", "owner")
    assert "Nothing is due." in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        call_command("today", "--as-of", "next tuesday", "--user", "owner")
    assert caught.value.returncode == 1


@pytest.fixture
def thank_you_due(owner):
    owner.time_zone, owner.email = "Europe/Paris", "owner@example.org"
    owner.save()
    return ConversationFactory(owner=owner, state="held", ended_at=datetime(2026, 11, 20, 10, tzinfo=UTC), reflected_at=datetime(2026, 11, 20, tzinfo=UTC))


def test_the_digest_goes_once_a_day_from_7_in_the_users_zone(settings, owner, thank_you_due):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_all(datetime(2026, 11, 22, 5, 30, tzinfo=UTC)) == {}          # 06:30 in Paris: too early
    assert send_all(datetime(2026, 11, 22, 6, 30, tzinfo=UTC)) == {"owner": 1}  # 07:30 in Paris
    assert send_all(datetime(2026, 11, 22, 9, 0, tzinfo=UTC)) == {}            # once a day
    [message] = mail.outbox
    assert message.to == ["owner@example.org"] and "Send a thank-you" in message.body and "(1 overdue)" in message.subject
    assert DigestLog.objects.get(user=owner).items == 1


def test_no_digest_when_nothing_is_due_or_no_mail_is_configured(settings, owner, thank_you_due):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert send_all(datetime(2026, 11, 22, 8, tzinfo=UTC)) == {}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Message.objects.create(owner=owner, person=thank_you_due.person, conversation=thank_you_due, kind="thank_you",
                           sent_at=datetime(2026, 11, 20, 12, tzinfo=UTC))
    assert send_all(datetime(2026, 11, 22, 8, tzinfo=UTC)) == {} and mail.outbox == []


def test_the_digest_through_a_real_smtp_server(owner, thank_you_due, smtp_server, capsys):
    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=smtp_server.port, security="none", from_address="me@example.org")
    call_command("digest", "--as-of", "2026-11-22T08:00")
    assert "Sent owner a digest of 1 item." in capsys.readouterr().out
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["me@example.org"] and "Send a thank-you" in message.get_content()
    call_command("digest", "--as-of", "2026-11-22T09:00")
    assert "No digest was due." in capsys.readouterr().out and len(smtp_server.messages) == 1


def test_a_failed_send_is_not_recorded(owner, thank_you_due):
    MailAccount.objects.create(owner=owner, host="127.0.0.1", port=1, security="none", from_address="me@example.org")
    call_command("digest", "--as-of", "2026-11-22T08:00")
    assert not DigestLog.objects.exists()
