"""Background work of the people app, on Django's tasks framework (the django-tasks backport).

Hosted mode queues these in the database for `coffeechat worker`; local mode runs them at once,
in process. Imports go through the import service's public functions only.
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from coffeechat.people import previews
from coffeechat.people.bulk import paused_gc
from coffeechat.people.formats import parse_contacts
from coffeechat.people.imports import apply_import, plan_import
from coffeechat.people.models import ImportBatch

PREVIEW_LIFETIME = timedelta(days=1)


@task()
def confirm_import(batch_id: int) -> int:
    """Import a previewed file; returns how many people it created (0 if already imported)."""
    batch = ImportBatch.objects.select_related("owner").filter(pk=batch_id, status=ImportBatch.Status.PREVIEW).first()
    if batch is None:
        return 0
    # The preview's plan when nothing has changed since (same process); otherwise planned again now,
    # so what lands matches the data as it is at this moment.
    with paused_gc():   # one pause over the three steps (bulk.py)
        plan = previews.take_plan(batch, previews.data_version(batch.owner))
        if plan is None:
            plan = plan_import(batch.owner, parse_contacts(bytes(batch.content), batch.format))
        apply_import(batch, plan)
    return batch.created_count


def prune_previews(now=None) -> int:
    """Delete previews nobody confirmed or cancelled within a day (they hold the whole file)."""
    cutoff = (now or timezone.now()) - PREVIEW_LIFETIME
    deleted, _ = ImportBatch.objects.filter(status=ImportBatch.Status.PREVIEW, created_at__lt=cutoff).delete()
    return deleted


@task()
def prune_abandoned_previews() -> int:
    return prune_previews()
