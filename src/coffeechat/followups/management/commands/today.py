import json
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.followups.rules import due_items, load_snapshot


def parse_as_of(value: str, zone: str) -> datetime:
    """YYYY-MM-DD (that day at 09:00) or YYYY-MM-DDTHH:MM, in the user's time zone."""
    try:
        moment = datetime.fromisoformat(value) if "T" in value else datetime.fromisoformat(value + "T09:00")
    except ValueError:
        raise BadInput(f"--as-of {value!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


class Command(UserCommand):
    help = "What is due: thank-yous, follow-ups, preparation, referrals, reflection, keep-in-touch, tasks."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--as-of", metavar="YYYY-MM-DD[THH:MM]", help="as if it were then (in your time zone)")

    def handle(self, *args, **options):
        user = self.get_user(options)
        now = parse_as_of(options["as_of"], user.time_zone) if options["as_of"] else timezone.now()
        items = due_items(load_snapshot(user), now)
        if options["json"]:
            self.stdout.write(json.dumps({"items": [item.as_json() for item in items]}, ensure_ascii=False, indent=2))
            return
        if not items:
            self.stdout.write("Nothing is due.")
            return
        zone = ZoneInfo(user.time_zone)
        for item in items:
            when = item.due.astimezone(zone).strftime("%a %d %b %H:%M")
            self.stdout.write(f"{'!' if item.overdue else ' '} {when}  {item.title}  ({item.kind})")
