import json

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.insights.models import MAX_KEY_QUESTIONS, Goal
from coffeechat.text import fold


def goal_json(goal: Goal) -> dict:
    return {"id": goal.pk, "title": goal.title, "kind": goal.kind, "state": goal.state,
            "hope_to_learn": goal.hope_to_learn, "key_questions": goal.key_questions}


class Command(UserCommand):
    help = "Add and list goals: what you are exploring, with its key questions."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
        add = actions.add_parser("add", help="add a goal; prints its id")
        add.add_argument("title")
        add.add_argument("--question", action="append", default=[], metavar="Q", help="a key question (repeat, up to 5)")
        add.add_argument("--kind", choices=Goal.Kind.values, default=Goal.Kind.FIELD)
        add.add_argument("--hope", default="", metavar="TEXT", help="what you hope to learn")
        add.add_argument("--json", action="store_true")
        add_user_option(add, in_subcommand=True)
        listing = actions.add_parser("list", help="list goals")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        getattr(self, f"do_{options['action']}")(user, options)

    def do_add(self, user, options):
        title = " ".join(options["title"].split())
        if not title or len(title) > 300:
            raise BadInput("A goal needs a title of 1 to 300 characters.")
        questions = [" ".join(q.split()) for q in options["question"] if q.strip()]
        if len(questions) > MAX_KEY_QUESTIONS:
            raise BadInput(f"A goal has at most {MAX_KEY_QUESTIONS} key questions; pick the ones that matter most.")
        if any(len(q) > 500 for q in questions):
            raise BadInput("A key question is at most 500 characters.")
        if any(fold(g.title) == fold(title) for g in Goal.objects.for_user(user)):
            raise BadInput(f"You already have the goal {title!r}.")
        goal = Goal.objects.create(owner=user, title=title, kind=options["kind"], hope_to_learn=options["hope"], key_questions=questions)
        if options["json"]:
            self.stdout.write(json.dumps(goal_json(goal), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(str(goal.pk))

    def do_list(self, user, options):
        goals = Goal.objects.for_user(user).order_by("pk")
        if options["json"]:
            self.stdout.write(json.dumps({"goals": [goal_json(g) for g in goals]}, ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False)
        for column in ("id", "goal", "kind", "state", "key questions"):
            table.add_column(column)
        for g in goals:
            table.add_row(str(g.pk), g.title, g.get_kind_display(), g.get_state_display(), str(len(g.key_questions)))
        Console(file=self.stdout, soft_wrap=True).print(table)
