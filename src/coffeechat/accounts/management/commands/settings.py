"""`coffeechat settings`: show or set the profile that invitations and drafts use."""

import json

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.timezones import validate_time_zone


def profile_json(user) -> dict:
    return {
        "name": user.get_full_name(), "first_name": user.first_name, "last_name": user.last_name,
        "email": user.email, "time_zone": user.time_zone, "intro_line": user.intro_line, "affiliation": user.affiliation,
    }


def split_name(name: str) -> tuple[str, str]:
    """"Zoë Kowalczyk" -> ("Zoë", "Kowalczyk"); a single word is a first name."""
    first, _, last = " ".join(name.split()).partition(" ")
    return first, last


class Command(UserCommand):
    help = "Show your profile (name, email, time zone), or set parts of it; invitations and drafts use it."

    def add_arguments(self, parser):
        parser.add_argument("--name", metavar="NAME", help="your name as others should see it")
        parser.add_argument("--email", metavar="EMAIL", help="the address invitations come from")
        parser.add_argument("--time-zone", metavar="ZONE", help="IANA name, e.g. America/Toronto")
        parser.add_argument("--json", action="store_true", help="print the profile as JSON")

    def handle(self, *args, **options):
        user = self.get_user(options)
        changes = {}
        if options["name"] is not None:
            first, last = split_name(options["name"])
            if not first:
                raise BadInput("--name cannot be empty.")
            if len(first) > 150 or len(last) > 150:
                raise BadInput("--name is too long (150 characters at most for each part).")
            changes |= {"first_name": first, "last_name": last}
        if options["email"] is not None:
            email = options["email"].strip()
            try:
                validate_email(email)
            except ValidationError:
                raise BadInput(f"{options['email']!r} is not an email address.") from None
            changes["email"] = email
        if options["time_zone"] is not None:
            try:
                validate_time_zone(options["time_zone"])
            except ValidationError as exc:
                raise BadInput(exc.messages[0]) from None
            changes["time_zone"] = options["time_zone"]
        if changes:  # every value is checked before anything is written
            for field, value in changes.items():
                setattr(user, field, value)
            user.save(update_fields=list(changes))
        profile = profile_json(user)
        if options["json"]:
            self.stdout.write(json.dumps(profile, ensure_ascii=False, indent=2))
            return
        for label, key in (("Name", "name"), ("Email", "email"), ("Time zone", "time_zone"),
                           ("Intro line", "intro_line"), ("School or employer", "affiliation")):
            self.stdout.write(f"{label + ':':<20}{profile[key] or '(not set)'}")
