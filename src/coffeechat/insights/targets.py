"""Target organisations ranked the way job-search coaches rank a target list.

Advocacy is never typed: it comes from the people I have at the organisation.
  0  nobody there yet
  1  I have a name there
  2  I have asked someone there for a conversation
  3  I have held a conversation with someone there
The list sorts by motivation, then postings, then advocacy (all highest first), then name;
the first five are the ones to work on now. Coaches suggest a list of about forty.
"""

from dataclasses import dataclass, field

from django.db import transaction

from coffeechat.insights.data import is_asked, load_conversations, load_people, load_targets
from coffeechat.links import url_with_id
from coffeechat.people.models import Organization
from coffeechat.people.services import organization_named
from coffeechat.text import fold

LIST_AIM = 40
FIRST = 5
ADVOCACY_LABELS = {0: "nobody yet", 1: "a name", 2: "asked someone", 3: "met someone"}


@dataclass
class Target:
    organization: Organization
    advocacy: int
    people: list = field(default_factory=list)
    conversations: list = field(default_factory=list)
    rank: int = 0

    @property
    def first_five(self) -> bool:
        return self.rank <= FIRST

    @property
    def advocacy_label(self) -> str:
        return ADVOCACY_LABELS[self.advocacy]

    @property
    def url(self) -> str:
        return url_with_id("insights:target", self.organization.pk)

    @property
    def rate_url(self) -> str:
        return url_with_id("insights:target-rate", self.organization.pk)

    def as_json(self) -> dict:
        o = self.organization
        return {"organization": o.name, "motivation": o.motivation, "postings": o.postings, "advocacy": self.advocacy,
                "people": len(self.people), "first_five": self.first_five}


def advocacy(conversations) -> int:
    """3 when a conversation there was held, 2 when one was asked for, 1 for a name, given the people there."""
    if any(c.state == "held" for c in conversations):
        return 3
    if any(is_asked(c) for c in conversations):
        return 2
    return 1


def rank(organizations, people: dict, conversations: list) -> list[Target]:
    if not organizations:
        return []
    by_org = {}
    for person in people.values():
        if person.organization_id is not None:
            by_org.setdefault(person.organization_id, []).append(person)
    by_person = {}
    for c in conversations:
        by_person.setdefault(c.person_id, []).append(c)
    targets = []
    for org in organizations:
        there = sorted(by_org.get(org.pk, []), key=lambda p: p.display_name.casefold())
        talks = [c for p in there for c in by_person.get(p.pk, [])]
        targets.append(Target(org, advocacy(talks) if there else 0, there, talks))
    targets.sort(key=lambda t: (-t.organization.motivation, -t.organization.postings, -t.advocacy, t.organization.name.casefold(), t.organization.pk))
    for n, target in enumerate(targets, 1):
        target.rank = n
    return targets


def target_list(user) -> list[Target]:
    """The user's targets in the page's order: three queries whatever the list's size (or the network's)."""
    targets = load_targets(user)
    people = load_people(user, organizations=targets)
    return rank(targets, people, load_conversations(user, of=people))


@transaction.atomic
def add_targets(user, names: list[str], *, motivation: int | None = None, postings: int | None = None) -> tuple[list, int]:
    """Make these organisations targets (matched by folded name, created when new).

    Returns the organisations and how many of them were not targets before.
    """
    seen, added, new = set(), [], 0
    for name in names:
        name = " ".join(name.split())[:200]
        if not name or fold(name) in seen:
            continue
        seen.add(fold(name))
        org = organization_named(user, name)
        new += 0 if org.is_target else 1
        org.is_target = True
        if motivation is not None:
            org.motivation = motivation
        if postings is not None:
            org.postings = postings
        org.save()
        added.append(org)
    return added, new
