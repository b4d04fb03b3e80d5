import json

from django.db.models import Q

from coffeechat.accounts.cli import BadInput, UserCommand, add_user_option
from coffeechat.conversations.models import Conversation
from coffeechat.insights.forms import LeadForm
from coffeechat.insights.leads import add_lead
from coffeechat.insights.models import Goal, Lead


def _link(obj, name: str):
    return {"id": obj.pk, "name": name} if obj is not None else None


def lead_json(lead: Lead) -> dict:
    c = lead.conversation
    return {
        "id": lead.pk, "kind": lead.kind, "resource_kind": lead.resource_kind or None, "name": lead.name,
        "url": lead.url, "note": lead.note,
        "conversation": {"id": c.pk, "person": c.person.display_name} if c else None,
        "target": _link(lead.target, lead.target.name if lead.target else ""),
        "goal": _link(lead.goal, lead.goal.title if lead.goal else ""),
        "saved_to": _link(lead.saved_to, lead.saved_to.title if lead.saved_to else ""),
        "created_at": lead.created_at.isoformat(),
    }


class Command(UserCommand):
    help = "What conversations led to: organisations, careers or roles, resources and openings."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
        add = actions.add_parser("add", help="note a lead from a conversation (or a resource for a goal); prints its id")
        add.add_argument("name")
        add.add_argument("--kind", required=True, choices=Lead.Kind.values)
        add.add_argument("--resource-kind", choices=Lead.ResourceKind.values, default=Lead.ResourceKind.OTHER,
                         help="for --kind resource")
        add.add_argument("--conversation", type=int, metavar="ID", help="the conversation it came from")
        add.add_argument("--goal", type=int, metavar="ID", help="a resource: put it on this goal's Resources list")
        add.add_argument("--url", default="", metavar="URL")
        add.add_argument("--note", default="", metavar="TEXT")
        add_user_option(add, in_subcommand=True)
        listing = actions.add_parser("list", help="list leads, oldest first")
        listing.add_argument("--kind", choices=Lead.Kind.values)
        listing.add_argument("--goal", type=int, metavar="ID", help="from this goal's conversations or on its Resources list")
        listing.add_argument("--conversation", type=int, metavar="ID")
        listing.add_argument("--json", action="store_true")
        add_user_option(listing, in_subcommand=True)

    def handle(self, *args, **options):
        user = self.get_user(options)
        getattr(self, f"do_{options['action']}")(user, options)

    def _conversation(self, user, pk):
        if pk is None:
            return None
        conversation = Conversation.objects.for_user(user).filter(pk=pk).first()
        if conversation is None:
            raise BadInput(f"There is no conversation {pk} (coffeechat meetings list).")
        return conversation

    def _goal(self, user, pk):
        if pk is None:
            return None
        goal = Goal.objects.for_user(user).filter(pk=pk).first()
        if goal is None:
            raise BadInput(f"There is no goal {pk} (coffeechat goals list).")
        return goal

    def do_add(self, user, options):
        conversation, goal = self._conversation(user, options["conversation"]), self._goal(user, options["goal"])
        if conversation is None and goal is None:
            raise BadInput("Say where it came from: --conversation ID (or, for a resource, --goal ID).")
        if goal is not None and options["kind"] != Lead.Kind.RESOURCE:
            raise BadInput("--goal puts a resource on a goal's list; use --kind resource.")
        what = f"resource:{options['resource_kind']}" if options["kind"] == Lead.Kind.RESOURCE else options["kind"]
        form = LeadForm({"what": what, "name": options["name"], "url": options["url"], "note": options["note"]})
        if not form.is_valid():
            raise BadInput("; ".join(f"{'' if f == '__all__' else '--' + f + ': '}{m}" for f, ms in form.errors.items() for m in ms))
        data = form.cleaned_data
        lead, _ = add_lead(user, conversation=conversation, saved_to=goal, kind=data["kind"], resource_kind=data["resource_kind"],
                           name=data["name"], url=data["url"], note=data["note"])
        self.stdout.write(str(lead.pk))

    def do_list(self, user, options):
        leads = Lead.objects.for_user(user).select_related("conversation__person", "target", "goal", "saved_to").order_by("pk")
        if options["kind"]:
            leads = leads.filter(kind=options["kind"])
        if options["conversation"] is not None:
            leads = leads.filter(conversation=self._conversation(user, options["conversation"]))
        if options["goal"] is not None:
            goal = self._goal(user, options["goal"])
            leads = leads.filter(Q(conversation__goal=goal) | Q(saved_to=goal))
        leads = list(leads)
        if options["json"]:
            self.stdout.write(json.dumps({"leads": [lead_json(lead) for lead in leads]}, ensure_ascii=False, indent=2))
            return
        if not leads:
            self.stdout.write("Nothing noted yet: note what a conversation led to in live mode or on its follow-up page.")
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(show_edge=False)
        for column in ("id", "kind", "name", "from", "became"):
            table.add_column(column)
        for lead in leads:
            became = (f"target: {lead.target.name}" if lead.target and lead.target.is_target else
                      f"goal: {lead.goal.title}" if lead.goal else
                      f"resources of {lead.saved_to.title}" if lead.saved_to else "")
            table.add_row(str(lead.pk), lead.kind_label, lead.name,
                          lead.conversation.person.display_name if lead.conversation else "", became)
        Console(file=self.stdout, soft_wrap=True).print(table)
