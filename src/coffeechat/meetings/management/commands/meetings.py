import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.conversations.models import Conversation, Medium
from coffeechat.conversations.services import open_conversation
from coffeechat.meetings.ics import IncompleteInvitation
from coffeechat.meetings.scheduling import invitation_ics, overlapping, schedule
from coffeechat.people.models import Person
from coffeechat.text import fold
from coffeechat.timezones import is_time_zone


def find_person(user, ref: str) -> Person:
    """PERSON is an id, an email address or a name that matches exactly one person."""
    people = Person.objects.for_user(user)
    if ref.isdigit():
        found = people.filter(pk=int(ref)).first()
        if found:
            return found
    try:
        validate_email(ref)
    except ValidationError:
        pass
    else:
        matches = [p for p in people.filter(search_text__contains=ref.lower()) if ref.lower() in (e.lower() for e in p.emails)]
        if len(matches) == 1:
            return matches[0]
    key = fold(ref)
    matches = [p for p in people.filter(Q(search_text__contains=key.split()[0]) if key else Q()) if fold(p.display_name) == key]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise BadInput(f"{len(matches)} people are called {ref!r}; use their id (coffeechat people list).")
    raise BadInput(f"Nobody matches {ref!r}: give an id, an email address or an exact name.")


def conversation_json(c: Conversation) -> dict:
    return {
        "id": c.pk, "person": c.person.display_name, "person_id": c.person_id, "state": c.state,
        "start": c.scheduled_start.isoformat() if c.scheduled_start else None, "time_zone": c.time_zone or None,
        "minutes": c.minutes, "medium": c.medium, "where": c.location,
        "requested_at": c.requested_at.isoformat() if c.requested_at else None, "uid": c.ical_uid,
    }


class Command(UserCommand):
    help = "Schedule conversations, write their calendar invitations, list them."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,ics,list}")
        add = actions.add_parser("add", help="schedule a conversation with PERSON; prints its id")
        add.add_argument("person", help="an id, an email address or a unique name")
        add.add_argument("--at", required=True, metavar="YYYY-MM-DD HH:MM")
        add.add_argument("--tz", metavar="ZONE", help="IANA time zone of --at (default: yours)")
        add.add_argument("--minutes", type=int)
        add.add_argument("--medium", choices=Medium.values, default=Medium.VIDEO)
        add.add_argument("--where", default="", metavar="TEXT")
        add_user_option(add, in_subcommand=True)
        ics = actions.add_parser("ics", help="write the calendar invitation of conversation ID")
        ics.add_argument("id", type=int)
        ics.add_argument("-o", "--output", metavar="FILE")
        add_user_option(ics, in_subcommand=True)
        listing = actions.add_parser("list", help="list conversations")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        getattr(self, f"do_{options['action']}")(user, options)

    def do_add(self, user, options):
        person = find_person(user, options["person"])
        zone = options["tz"] or user.time_zone
        if not is_time_zone(zone):
            raise BadInput(f"{zone!r} is not a time zone name such as Europe/Paris.")
        try:
            naive = datetime.strptime(options["at"].strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            raise BadInput(f"--at {options['at']!r} is not a date and time like 2026-12-01 15:00.") from None
        minutes = options["minutes"] or user.meeting_minutes
        if not 5 <= minutes <= 240:
            raise BadInput("--minutes must be between 5 and 240.")
        if len(options["where"]) > 500:
            raise BadInput("--where is too long (500 characters at most).")
        start = naive.replace(tzinfo=ZoneInfo(zone))
        conversation = open_conversation(user, person)
        clashes = overlapping(conversation, start, minutes)
        schedule(conversation, start=start, time_zone=zone, minutes=minutes, medium=options["medium"], location=options["where"])
        for other in clashes:
            self.stderr.write(f"warning: overlaps your conversation with {other.person.display_name} (id {other.pk}).")
        self.stdout.write(str(conversation.pk))

    def do_ics(self, user, options):
        conversation = Conversation.objects.for_user(user).select_related("person", "owner").filter(pk=options["id"]).first()
        if conversation is None:
            raise BadInput(f"There is no conversation {options['id']}.")
        if conversation.scheduled_start is None:
            raise BadInput(f"Conversation {options['id']} has no time yet: schedule it with `coffeechat meetings add`.")
        try:
            content = invitation_ics(conversation)
        except IncompleteInvitation as exc:
            raise BadInput(f"{str(exc).removesuffix('add them in Settings.')}set them with "
                           "`coffeechat settings --name \"Your Name\" --email you@example.org`.") from None
        if options["output"]:
            try:
                Path(options["output"]).write_bytes(content)
            except OSError as exc:
                raise BadInput(f"Cannot write {options['output']}: {exc.strerror or exc}.") from None
        else:
            self.stdout.write(content.decode("utf-8"), ending="")

    def do_list(self, user, options):
        conversations = Conversation.objects.for_user(user).select_related("person").order_by("scheduled_start", "pk")
        if options["json"]:
            self.stdout.write(json.dumps([conversation_json(c) for c in conversations], ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False)
        for column in ("id", "person", "state", "when", "minutes", "how"):
            table.add_column(column)
        for c in conversations:
            when = c.scheduled_start.astimezone(ZoneInfo(c.time_zone or user.time_zone)).strftime("%Y-%m-%d %H:%M %Z") if c.scheduled_start else ""
            table.add_row(str(c.pk), c.person.display_name, c.get_state_display(), when, str(c.minutes), c.get_medium_display())
        Console(file=self.stdout, soft_wrap=True).print(table)
