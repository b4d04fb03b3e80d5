from django.core.management.base import BaseCommand

from coffeechat.people.tasks import prune_previews


class Command(BaseCommand):
    help = "Delete import previews left unconfirmed for more than a day (cron-friendly; the worker does it too)."

    def handle(self, *args, **options):
        removed = prune_previews()
        self.stdout.write(f"Removed {removed} abandoned import preview{'s' if removed != 1 else ''}.")
