"""Expired sessions are removed by the worker's clock, so the table signed-in pages read stays small."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_the_worker_removes_expired_sessions_and_keeps_live_ones(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    live, expired = SessionStore(), SessionStore()
    for session in (live, expired):
        session["note"] = "signed in"
        session.create()
    Session.objects.filter(pk=expired.session_key).update(expire_date=timezone.now() - timedelta(minutes=1))
    call_command("worker", "--batch", verbosity=0)
    assert set(Session.objects.values_list("pk", flat=True)) == {live.session_key}
