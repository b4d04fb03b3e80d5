import json

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.insights.targets import add_targets, target_list


class Command(UserCommand):
    help = "Add target organisations and list them in the Targets page's order."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
        add = actions.add_parser("add", help="make NAME a target (an existing organisation is matched by name)")
        add.add_argument("name")
        add.add_argument("--motivation", type=int, metavar="0-3")
        add.add_argument("--postings", type=int, metavar="1-3")
        add_user_option(add, in_subcommand=True)
        listing = actions.add_parser("list", help="list targets, best first")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        getattr(self, f"do_{options['action']}")(user, options)

    def do_add(self, user, options):
        name = " ".join(options["name"].split())
        if not name or len(name) > 200:
            raise BadInput("An organisation name has 1 to 200 characters.")
        if options["motivation"] is not None and not 0 <= options["motivation"] <= 3:
            raise BadInput("--motivation is 0, 1, 2 or 3.")
        if options["postings"] is not None and not 1 <= options["postings"] <= 3:
            raise BadInput("--postings is 1, 2 or 3.")
        (organization,), _ = add_targets(user, [name], motivation=options["motivation"], postings=options["postings"])
        self.stdout.write(str(organization.pk))

    def do_list(self, user, options):
        targets = target_list(user)
        if options["json"]:
            self.stdout.write(json.dumps({"targets": [t.as_json() for t in targets]}, ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False)
        for column in ("#", "organisation", "motivation", "postings", "advocacy", "people", ""):
            table.add_column(column)
        for t in targets:
            o = t.organization
            table.add_row(str(t.rank), o.name, str(o.motivation), str(o.postings), f"{t.advocacy} ({t.advocacy_label})",
                          str(len(t.people)), "work on now" if t.first_five else "")
        Console(file=self.stdout, soft_wrap=True).print(table)
