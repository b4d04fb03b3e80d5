"""The daily digest runs as a background task, queued by the worker's clock."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from coffeechat.followups.models import DigestLog
from coffeechat.followups.tasks import send_due_digests
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thank_you_due(owner, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    owner.time_zone, owner.email = "Europe/Paris", "owner@example.org"
    owner.save()
    return ConversationFactory(owner=owner, state="held", ended_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
                               reflected_at=datetime(2026, 11, 20, tzinfo=UTC))


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_the_worker_sends_the_digest_that_is_due(thank_you_due, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(datetime(2026, 11, 22, 6, 30, tzinfo=UTC)):
        call_command("worker", "--batch", verbosity=0)
        call_command("worker", "--batch", verbosity=0)  # run again: still one a day
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["owner@example.org"]
    assert DigestLog.objects.count() == 1


def test_in_local_mode_the_task_runs_in_process(thank_you_due):
    with time_machine.travel(datetime(2026, 11, 22, 6, 30, tzinfo=UTC)):
        result = send_due_digests.enqueue()
    assert result.return_value == {"owner": 1} and len(mail.outbox) == 1
