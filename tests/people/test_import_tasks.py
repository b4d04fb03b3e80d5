"""Imports confirmed as background tasks (hosted: queued for `coffeechat worker`), the upload
size limit, and abandoned previews cleaned up after a day."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from coffeechat.people.models import ImportBatch, Person
from tests.people.importdata import LINKEDIN

pytestmark = pytest.mark.django_db
START = reverse("people:import")


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def preview(client, owner):
    client.post(START, {"file": SimpleUploadedFile("Connections.csv", LINKEDIN.encode(), "text/csv"), "format": "auto"})
    return ImportBatch.objects.get(owner=owner)


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_hosted_confirm_queues_the_import_and_the_page_follows_it(owner_client, owner, queued):
    batch = preview(owner_client, owner)
    confirm = owner_client.post(reverse("people:import-confirm", args=[batch.pk]))
    assert confirm.status_code == 302 and confirm.url == batch.get_absolute_url()
    assert not Person.objects.exists()  # nothing done inside the request

    running = owner_client.get(batch.get_absolute_url()).content.decode()
    assert "<progress" in running and reverse("people:import-progress", args=[batch.pk]) in running
    assert 'hx-trigger="every 1s"' in running
    poll = owner_client.get(reverse("people:import-progress", args=[batch.pk]))
    assert poll.status_code == 200 and "<progress" in poll.content.decode()
    # Confirming twice does not queue a second import.
    owner_client.post(reverse("people:import-confirm", args=[batch.pk]))

    call_command("worker", "--batch", "--no-clock", verbosity=0)

    assert Person.objects.for_user(owner).count() == 3
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    finished = owner_client.get(reverse("people:import-progress", args=[batch.pk]))
    assert finished.status_code == 204 and finished["HX-Redirect"] == batch.get_absolute_url()
    done = owner_client.get(batch.get_absolute_url()).content.decode()
    assert "Imported 3 new people" in done and "Import finished" in done


def test_another_user_cannot_follow_an_import(owner_client, outsider_client, owner, queued):
    batch = preview(owner_client, owner)
    owner_client.post(reverse("people:import-confirm", args=[batch.pk]))
    assert outsider_client.get(reverse("people:import-progress", args=[batch.pk])).status_code == 404


def test_local_mode_imports_at_once(owner_client, owner):
    batch = preview(owner_client, owner)
    done = owner_client.post(reverse("people:import-confirm", args=[batch.pk]), follow=True).content.decode()
    assert "Imported 3 new people" in done
    assert Person.objects.for_user(owner).count() == 3


def test_the_worker_refuses_to_run_in_local_mode():
    with pytest.raises(CommandError, match="no worker is needed") as caught:
        call_command("worker", "--batch")
    assert caught.value.returncode == 2


def test_uploads_over_the_configured_size_are_refused(owner_client, owner, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = owner_client.post(START, {"file": SimpleUploadedFile("Connections.csv", LINKEDIN.encode(), "text/csv"),
                                         "format": "auto"})
    assert response.status_code == 422
    assert "the largest this Coffeechat accepts" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_previews_left_for_a_day_are_removed(owner_client, owner, queued):
    old = preview(owner_client, owner)
    ImportBatch.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    fresh = ImportBatch.objects.create(owner=owner, filename="new.csv", format="linkedin", content=b"x")
    done = ImportBatch.objects.create(owner=owner, filename="done.csv", format="linkedin", status="done")
    ImportBatch.objects.filter(pk=done.pk).update(created_at=timezone.now() - timedelta(days=30))
    call_command("worker", "--batch", verbosity=0)  # the worker's clock queues the clean-up
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {fresh.pk, done.pk}
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        call_command("prune_imports")
    assert set(ImportBatch.objects.values_list("pk", flat=True)) == {done.pk}
