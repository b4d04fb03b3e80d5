"""The daily digest as a background task (Django's tasks framework)."""

from django.utils import timezone
from django_tasks import task

from coffeechat.followups.digest import send_all


@task()
def send_due_digests() -> dict[str, int]:
    """Send every digest that is due now; safe to run often (each user gets one a day)."""
    return send_all(timezone.now())
