"""What the conversations taught: the numbers behind every Insights picture, from one `Account`.

Nothing here queries the database; `data.load` did that in a fixed number of queries.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from coffeechat.insights.data import Account, is_answered, is_asked
from coffeechat.insights.models import Lead
from coffeechat.insights.network import person_states, referral_tree, tree_edges, warm_paths
from coffeechat.insights.targets import rank
from coffeechat.people.models import Source
from coffeechat.questions.models import CATEGORY_CHOICES

PERIODS = {"all": ("All time", None), "30": ("Last 30 days", 30), "90": ("Last 90 days", 90), "365": ("Last 12 months", 365)}
TOO_FEW = 5
# The categories careers are compared on come first, in this order; the others follow.
CAREER_FIRST = ["rewards", "challenges", "compensation", "trends", "advice"]
CATEGORY_LABELS = dict(CATEGORY_CHOICES) | {"compensation": "Pay"}
SOURCE_LABELS = dict(Source.choices)
ACTIVITY_WEEKS = 12
# What a career's conversations led to, in this order (careers and roles become goals of their own).
LEAD_ORDER = [Lead.Kind.ORGANIZATION, Lead.Kind.OPENING, Lead.Kind.RESOURCE, Lead.Kind.CAREER]
LEAD_HEADINGS = {Lead.Kind.ORGANIZATION: "Organisations mentioned", Lead.Kind.OPENING: "Openings and employers",
                 Lead.Kind.RESOURCE: "Resources", Lead.Kind.CAREER: "Careers and roles mentioned"}


def select(account: Account, goal_id: int | None, period: str, now: datetime | None = None) -> list:
    days = PERIODS.get(period, PERIODS["all"])[1]
    since = (now or account.now or timezone.now()) - timedelta(days=days) if days else None
    return [c for c in account.conversations
            if (goal_id is None or c.goal_id == goal_id) and (since is None or (c.recent_activity is not None and c.recent_activity >= since))]


def rate(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class Step:
    key: str
    label: str
    count: int
    rate: int | None       # percent of the step before (referrals: none; see `per_met`)
    width: int = 0         # of the picture, out of 100


def funnel(account: Account, conversations: list) -> list[Step]:
    asked = [c for c in conversations if is_asked(c)]
    answered = [c for c in asked if is_answered(c)]
    met = [c for c in asked if c.state == "held"]
    thanked = [c for c in met if c.thanked]
    ids = {c.pk for c in conversations}
    referrals = sum(1 for p in account.people.values() if p.referral_conversation_id in ids)
    steps = [
        Step("asked", "Asked", len(asked), None),
        Step("answered", "Answered", len(answered), rate(len(answered), len(asked))),
        Step("met", "Met", len(met), rate(len(met), len(answered))),
        Step("thanked", "Thanked", len(thanked), rate(len(thanked), len(met))),
        Step("referrals", "Referrals received", referrals, None),
    ]
    top = max((s.count for s in steps), default=0) or 1
    for s in steps:
        s.width = round(100 * s.count / top)
    return steps


@dataclass
class ReplyRow:
    key: str
    label: str
    asked: int
    answered: int

    @property
    def rate(self) -> int | None:
        return rate(self.answered, self.asked) if self.asked >= TOO_FEW else None

    @property
    def too_few(self) -> bool:
        return self.asked < TOO_FEW


def _rows(counts: dict, labels: dict) -> list[ReplyRow]:
    rows = [ReplyRow(key, labels.get(key, key), asked, answered) for key, (asked, answered) in counts.items()]
    return sorted(rows, key=lambda r: (-r.asked, r.label))


def replies_by_source(account: Account, conversations: list) -> list[ReplyRow]:
    counts = defaultdict(lambda: [0, 0])
    for c in conversations:
        if is_asked(c) and c.person_id in account.people:
            row = counts[account.people[c.person_id].source]
            row[0] += 1
            row[1] += is_answered(c)
    return _rows(counts, SOURCE_LABELS)


def replies_by_channel(account: Account, conversations: list) -> list[ReplyRow]:
    """Replies by the channel of each conversation's first request or follow-up sent."""
    counts = defaultdict(lambda: [0, 0])
    labels = {}
    for c in conversations:
        if is_asked(c) and c.first_channel is not None:
            labels[c.first_channel] = c.get_channel_display()
            counts[c.first_channel][0] += 1
            counts[c.first_channel][1] += is_answered(c)
    return _rows(counts, labels)


@dataclass
class Career:
    goal: object
    held: int
    notes: dict          # category -> [(text, person)]
    reflections: list    # [(person, learned, fit)]
    leads: dict = field(default_factory=dict)  # kind -> [(lead, person or None)]

    def as_json(self) -> dict:
        return {"goal": self.goal.title, "held": self.held, "notes": {k: [text for text, _ in v] for k, v in self.notes.items()},
                "leads": {k: [lead.name for lead, _ in v] for k, v in self.leads.items()}}

    @property
    def labelled_notes(self) -> list:
        return [(CATEGORY_LABELS.get(k, k), v) for k, v in self.notes.items()]

    @property
    def labelled_leads(self) -> list:
        return [(LEAD_HEADINGS[k], v) for k, v in self.leads.items()]


def career_leads(account: Account, mine: list, goal) -> dict:
    """What the goal's conversations led to, and the resources saved to its list, by kind (each lead once)."""
    by_id = {c.pk: c for c in mine}
    found = defaultdict(list)
    for lead in account.leads:
        if lead.conversation_id in by_id or lead.saved_to_id == goal.pk:
            c = by_id.get(lead.conversation_id)
            found[lead.kind].append((lead, account.people.get(c.person_id) if c else None))
    return {k: found[k] for k in LEAD_ORDER if found.get(k)}


def careers(account: Account, conversations: list, goals: list) -> list[Career]:
    by_conversation = defaultdict(list)
    for item in account.notes:
        by_conversation[item.conversation_id].append(item)
    order = CAREER_FIRST + [k for k, _ in CATEGORY_CHOICES if k not in CAREER_FIRST]
    result = []
    for goal in goals:
        mine = [c for c in conversations if c.goal_id == goal.pk]
        notes = defaultdict(list)
        for c in mine:
            person = account.people.get(c.person_id)
            for item in by_conversation.get(c.pk, []):
                notes[item.category].append((item.note, person))
        reflections = [(account.people.get(c.person_id), c.learned, c.fit) for c in mine if c.learned or c.fit]
        result.append(Career(goal, sum(c.state == "held" for c in mine),
                             {k: notes[k] for k in order if notes.get(k)}, reflections, career_leads(account, mine, goal)))
    return result


def activity(account: Account, conversations: list, period: str, now: datetime | None = None) -> list[dict]:
    """Requests sent and conversations held per week (the user's week start), oldest first."""
    zone = timezone.get_current_timezone()
    now = (now or account.now or timezone.now()).astimezone(zone)
    days = PERIODS.get(period, PERIODS["all"])[1]
    weeks = min(max((days or 7 * ACTIVITY_WEEKS) // 7, 4), 53)
    first_day = account.user.week_start if hasattr(account.user, "week_start") else 0
    start_today = now.date() - timedelta(days=(now.weekday() - first_day) % 7)
    starts = [start_today - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    sent, held = Counter(), Counter()

    def week_of(moment):
        day = moment.astimezone(zone).date()
        return day - timedelta(days=(day.weekday() - first_day) % 7)

    for c in conversations:
        if c.recent_request:
            sent[week_of(c.recent_request)] += 1
        if c.recent_held:
            held[week_of(c.recent_held)] += 1
    aim = getattr(account.user, "weekly_aim", None) or 0
    top = max([sent[s] for s in starts] + [held[s] for s in starts] + [aim, 1])
    weeks = []
    for s in starts:
        sent_h, held_h = round(100 * sent[s] / top), round(100 * held[s] / top)
        weeks.append({"start": s, "sent": sent[s], "held": held[s], "sent_h": sent_h, "held_h": held_h,
                      "sent_y": 100 - sent_h, "held_y": 100 - held_h,
                      "aim": aim, "aim_met": bool(aim) and sent[s] >= aim, "aim_y": 100 - round(100 * aim / top)})
    return weeks


def build(account: Account, *, goal_id: int | None = None, period: str = "all", me: str = "Me", now=None) -> dict:
    conversations = select(account, goal_id, period, now)
    goals = [g for g in account.goals if goal_id is None or g.pk == goal_id]
    targets = rank(account.targets, account.people, account.conversations)
    nodes = referral_tree(account.people, conversations, me)
    return {
        "funnel": funnel(account, conversations),
        "by_source": replies_by_source(account, conversations),
        "by_channel": replies_by_channel(account, conversations),
        "careers": careers(account, conversations, goals),
        "nodes": nodes,
        "edges": tree_edges(nodes),
        "warm_paths": warm_paths(targets, account.people, person_states(account.people, account.conversations)),
        "activity": activity(account, conversations, period, now),
    }


def as_json(report: dict) -> dict:
    """The `coffeechat insights --json` document (a stable interface)."""
    return {
        "funnel": {s.key: s.count for s in report["funnel"]},
        "by_source": [{"source": r.key, "asked": r.asked, "answered": r.answered} for r in report["by_source"]],
        "careers": [c.as_json() for c in report["careers"]],
        "network": {
            "nodes": [{"id": n.id, "name": n.name, "state": n.state} for n in report["nodes"]],
            "edges": [{"from": e["from"], "to": e["to"]} for e in report["edges"]],
        },
        "warm_paths": [{"organization": p.organization.name, "via": p.names} for p in report["warm_paths"]],
    }
