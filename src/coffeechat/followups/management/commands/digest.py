import smtplib
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coffeechat.followups.digest import send_all


class Command(BaseCommand):
    help = "Email each user, once a day in their time zone, what is due (nothing when nothing is). Cron-friendly."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running, checking every --every minutes")
        parser.add_argument("--every", type=int, default=15, metavar="MINUTES")
        parser.add_argument("--as-of", metavar="YYYY-MM-DDTHH:MM", help="as if it were then (UTC unless an offset is given)")

    def handle(self, *args, **options):
        if options["every"] < 1:
            raise CommandError("--every must be at least 1 minute.", returncode=2)
        while True:
            now = self.now(options["as_of"])
            try:
                sent = send_all(now)
            except (OSError, smtplib.SMTPException) as exc:
                self.stderr.write(f"Sending failed: {exc}. Nothing is marked as sent; it will be tried again.")
                sent = {}
            for username, count in sent.items():
                self.stdout.write(f"Sent {username} a digest of {count} item{'s' if count != 1 else ''}.")
            if not options["loop"]:
                if not sent:
                    self.stdout.write("No digest was due.")
                return
            time.sleep(options["every"] * 60)

    def now(self, as_of):
        if not as_of:
            return timezone.now()
        try:
            moment = datetime.fromisoformat(as_of)
        except ValueError:
            raise CommandError(f"--as-of {as_of!r} is not YYYY-MM-DDTHH:MM.", returncode=1) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("UTC"))
