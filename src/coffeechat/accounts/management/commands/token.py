from django.db import IntegrityError

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.accounts.models import ApiToken


class Command(UserCommand):
    help = "Personal API tokens: create one (shown once), list them, revoke one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{create,list,revoke}")
        create = actions.add_parser("create", help="create a token; it is printed once, as the last word")
        create.add_argument("name")
        add_user_option(create, in_subcommand=True)
        listing = actions.add_parser("list", help="your tokens' names, when made and last used")
        add_user_option(listing, in_subcommand=True)
        revoke = actions.add_parser("revoke", help="stop a token from working")
        revoke.add_argument("name")
        add_user_option(revoke, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        action = options["action"]
        if action == "create":
            name = options["name"].strip()
            if not name or len(name) > 100:
                raise BadInput("Give the token a name of 1 to 100 characters.")
            try:
                _, token = ApiToken.issue(user, name)
            except IntegrityError:
                raise BadInput(f"You already have a token named {name!r}; revoke it first or pick another name.") from None
            self.stdout.write(f"Token {name!r} created. Copy it now, it is not shown again: {token}")
        elif action == "list":
            tokens = ApiToken.objects.for_user(user)
            if not tokens:
                self.stdout.write("No API tokens.")
            for token in tokens:
                used = f"last used {token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
                self.stdout.write(f"{token.name}\tcreated {token.created_at:%Y-%m-%d %H:%M}\t{used}")
        else:
            deleted, _ = ApiToken.objects.for_user(user).filter(name=options["name"]).delete()
            if not deleted:
                raise BadInput(f"There is no token named {options['name']!r}.")
            self.stdout.write(f"Token {options['name']!r} revoked.")
