import json

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.people.models import Person, Source
from coffeechat.people.services import organization_named, people_list, split_name


def person_json(person: Person) -> dict:
    return {
        "id": person.pk,
        "name": person.display_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "emails": person.emails,
        "organization": person.organization.name if person.organization else None,
        "title": person.title,
        "source": person.source,
        "linkedin_url": person.linkedin_url,
        "tags": [tag.name for tag in person.tags.all()],
        "created_at": person.created_at.isoformat(),
    }


class Command(UserCommand):
    help = "Add and list people."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
        add = actions.add_parser("add", help="add a person and print their id")
        add.add_argument("name")
        add.add_argument("--email", action="append", default=[], help="may be repeated")
        add.add_argument("--org", default="")
        add.add_argument("--title", default="")
        add.add_argument("--source", default=Source.OTHER, help=f"one of: {', '.join(Source.values)}")
        add.add_argument("--linkedin", default="", metavar="URL")
        add.add_argument("--event", type=int, metavar="ID", help="met at this event (see `coffeechat events list`); the event becomes their source")
        add_user_option(add, in_subcommand=True)
        listing = actions.add_parser("list", help="list people")
        listing.add_argument("--search", default="", metavar="Q")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        if options["action"] == "add":
            self.add(user, options)
        else:
            self.list(user, options)

    def add(self, user, options):
        name = " ".join(options["name"].split())
        if not name:
            raise BadInput("The name is empty.")
        if options["source"] not in Source.values:
            raise BadInput(f"Unknown source {options['source']!r}; use one of: {', '.join(Source.values)}.")
        emails = []
        for email in options["email"]:
            try:
                validate_email(email.strip())
            except ValidationError:
                raise BadInput(f"{email!r} is not an email address.") from None
            emails.append(email.strip())
        if options["linkedin"]:
            try:
                URLValidator()(options["linkedin"])
            except ValidationError:
                raise BadInput(f"{options['linkedin']!r} is not a web address.") from None
        event = self.event(user, options["event"]) if options.get("event") is not None else None
        if event is not None:
            options["source"] = Source.EVENT
        first, last = split_name(name)
        with transaction.atomic():
            person = Person(
                owner=user, first_name=first[:150], last_name=last[:150], emails=emails,
                title=options["title"].strip()[:200], source=options["source"],
                linkedin_url=options["linkedin"], organization=organization_named(user, options["org"][:200]),
                event=event, source_detail=event.name[:300] if event else "",
            )
            person.full_clean(exclude=["owner", "referred_by", "organization", "tags", "event"])
            person.save()
        self.stdout.write(str(person.pk))

    @staticmethod
    def event(user, event_id: int):
        # Events sit above people: reach the model through the relation, not an import.
        events = Person._meta.get_field("event").related_model.objects.for_user(user)
        event = events.filter(pk=event_id).first()
        if event is None:
            raise BadInput(f"There is no event {event_id}; `coffeechat events list` shows yours.")
        return event

    def list(self, user, options):
        people = people_list(user, query=options["search"])
        if options["json"]:
            self.stdout.write(json.dumps([person_json(p) for p in people], ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False)
        for column in ("id", "name", "organisation", "title", "email"):
            table.add_column(column)
        for person in people:
            table.add_row(str(person.pk), person.display_name, person.organization.name if person.organization else "", person.title, person.primary_email)
        Console(file=self.stdout, soft_wrap=True).print(table)
