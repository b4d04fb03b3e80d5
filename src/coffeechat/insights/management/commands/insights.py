import json

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.insights.data import load
from coffeechat.insights.report import PERIODS, as_json, build


class Command(UserCommand):
    help = "What your conversations taught you: funnel, replies by source, careers, referral network, warm paths."

    def add_arguments(self, parser):
        parser.add_argument("--goal", type=int, metavar="ID", help="only the conversations of this goal")
        parser.add_argument("--period", choices=list(PERIODS), default="all", help="all, or the last 30, 90 or 365 days")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        user = self.get_user(options)
        account = load(user)
        if options["goal"] is not None and options["goal"] not in {g.pk for g in account.goals}:
            raise BadInput(f"There is no goal {options['goal']} (coffeechat goals list).")
        report = build(account, goal_id=options["goal"], period=options["period"], me=user.get_full_name() or "Me")
        if options["json"]:
            self.stdout.write(json.dumps(as_json(report), ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.stdout, soft_wrap=True)
        funnel = Table(title="From asking to referrals", show_edge=False)
        for column in ("step", "count", "of the step before"):
            funnel.add_column(column)
        for s in report["funnel"]:
            funnel.add_row(s.label, str(s.count), f"{s.rate}%" if s.rate is not None else "")
        console.print(funnel)
        sources = Table(title="Replies by how you found people", show_edge=False)
        for column in ("source", "asked", "answered", "reply rate"):
            sources.add_column(column)
        for r in report["by_source"]:
            sources.add_row(r.label, str(r.asked), str(r.answered), "too few to tell" if r.too_few else f"{r.rate}%")
        console.print(sources)
        for career in report["careers"]:
            console.print(f"[bold]{career.goal.title}[/bold]: {career.held} held")
            for label, notes in career.labelled_notes:
                for text, _ in notes:
                    console.print(f"  {label}: {text}")
            for label, found in career.labelled_leads:
                console.print(f"  {label}: {', '.join(lead.name for lead, _ in found)}")
        for path in report["warm_paths"]:
            console.print(f"{path.organization.name}: me → {' → '.join(path.names)}")
