"""Background work of the accounts app (queued by `coffeechat worker`'s clock in hosted mode)."""

from importlib import import_module

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from coffeechat.accounts.models import CachedPage


@task()
def clear_expired_sessions() -> None:
    """Remove signed-in sessions past their expiry (as Django's own clean-up command does): the table
    every signed-in page reads stays the size of the people signed in, not of every sign-in ever."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@task()
def drop_expired_pages() -> None:
    """Remove kept pages past their time (accounts/pagecache.py): a page rendered again overwrites its own
    row, so without this the pages of people who did not come back, and of addresses not asked again, stay."""
    CachedPage.objects.filter(valid_until__lte=timezone.now()).delete()
