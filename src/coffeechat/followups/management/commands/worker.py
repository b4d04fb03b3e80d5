import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from coffeechat.accounts.tasks import clear_expired_sessions, drop_expired_pages
from coffeechat.followups.tasks import send_due_digests
from coffeechat.people.tasks import prune_abandoned_previews

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def queue_periodic_work() -> None:
    """The digest check and the clean-ups: abandoned import previews, expired sessions, kept pages past their time."""
    send_due_digests.enqueue()
    prune_abandoned_previews.enqueue()
    clear_expired_sessions.enqueue()
    drop_expired_pages.enqueue()


def schedule_periodic_work(stop: threading.Event, every_minutes: int) -> None:
    """Queue the periodic work now and every few minutes."""
    while not stop.is_set():
        try:
            queue_periodic_work()
        finally:
            close_old_connections()
        stop.wait(every_minutes * 60)


class Command(BaseCommand):
    help = ("Run background work (imports, the daily digest, clean-up) in hosted mode: "
            "the django-tasks database worker, plus a clock that queues the digest every few minutes.")

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run the queued tasks, then stop (for tests and cron)")
        parser.add_argument("--no-clock", action="store_true", help="do not queue the digest and clean-up (another worker does)")

    def handle(self, *args, **options):
        if settings.TASKS["default"]["BACKEND"] != DATABASE_BACKEND:
            raise CommandError(
                "This Coffeechat runs background work inside its own process (local mode); no worker is needed. "
                "Set COFFEECHAT_TASKS=database to queue work for a worker.", returncode=2,
            )
        stop = threading.Event()
        if not options["no_clock"]:
            if options["batch"]:
                queue_periodic_work()
            else:
                threading.Thread(target=schedule_periodic_work, args=(stop, settings.DIGEST_EVERY_MINUTES),
                                 daemon=True, name="coffeechat-clock").start()
        worker_args = ["--queue-name", "*", "--no-startup-delay", "--interval", "1"]
        if options["batch"]:
            worker_args.append("--batch")
        try:
            call_command("db_worker", *worker_args, verbosity=options["verbosity"])
        finally:
            stop.set()
