"""Background work of the accounts app (queued by `coffeechat worker`'s clock in hosted mode)."""

from importlib import import_module

from django.conf import settings
from django_tasks import task


@task()
def clear_expired_sessions() -> None:
    """Remove signed-in sessions past their expiry (as Django's own clean-up command does): the table
    every signed-in page reads stays the size of the people signed in, not of every sign-in ever."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
