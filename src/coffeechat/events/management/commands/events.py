import json
from datetime import date

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.events.models import Event


def event_json(event: Event) -> dict:
    return {"id": event.pk, "name": event.name, "kind": event.kind, "date": event.date.isoformat(),
            "place": event.place, "organiser": event.organiser, "people_met": event.people_met.count()}


class Command(UserCommand):
    help = "Record events (alumni evenings, talks, fairs) and list them."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
        add = actions.add_parser("add", help="record an event and print its id")
        add.add_argument("name")
        add.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the day it took place")
        add.add_argument("--where", default="", metavar="TEXT")
        add.add_argument("--kind", default=Event.Kind.OTHER, choices=Event.Kind.values)
        add_user_option(add, in_subcommand=True)
        listing = actions.add_parser("list", help="list events, newest first")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        if options["action"] == "add":
            name = " ".join(options["name"].split())
            if not name:
                raise BadInput("The event's name is empty.")
            try:
                day = date.fromisoformat(options["on"])
            except ValueError:
                raise BadInput(f"{options['on']!r} is not a date like 2026-11-24.") from None
            event = Event(owner=user, name=name[:200], date=day, place=options["where"].strip()[:300], kind=options["kind"])
            event.full_clean(exclude=["owner"])
            event.save()
            self.stdout.write(str(event.pk))
            return
        events = list(Event.objects.for_user(user))
        if options["json"]:
            self.stdout.write(json.dumps({"events": [event_json(e) for e in events]}, ensure_ascii=False, indent=2))
            return
        if not events:
            self.stdout.write("No events yet: record one with `coffeechat events add NAME --on YYYY-MM-DD`.")
        for event in events:
            self.stdout.write(f"{event.pk}\t{event.date:%Y-%m-%d}\t{event.name}" + (f" ({event.place})" if event.place else ""))
