"""What a conversation leads to: recording a lead, and the one-tap steps that act on it.

Every step is idempotent: tapping twice makes one target, one goal, one place on a list.
"""

from django.db import transaction

from coffeechat.insights.models import Goal, Lead
from coffeechat.insights.targets import add_targets
from coffeechat.text import fold

# What each kind can become in one tap.
MAKES_TARGET = {Lead.Kind.ORGANIZATION, Lead.Kind.OPENING}
MAKES_GOAL = {Lead.Kind.CAREER}
GOES_ON_A_LIST = {Lead.Kind.RESOURCE}
# An opening means the organisation is hiring in my field now (the top of the Postings rating).
HIRING_NOW = 3


def add_lead(owner, *, kind: str, name: str, resource_kind: str = "", url: str = "", note: str = "",
             conversation=None, saved_to: Goal | None = None) -> tuple[Lead, bool]:
    """Record a lead; the same kind and name (any case or accents) from the same place is the lead already there.

    Returns the lead and whether it is new.
    """
    name = " ".join(name.split())
    same_place = Lead.objects.for_user(owner).filter(kind=kind, conversation=conversation)
    if conversation is None:
        same_place = same_place.filter(saved_to=saved_to)
    existing = next((lead for lead in same_place if fold(lead.name) == fold(name)), None)
    if existing is not None:
        return existing, False
    lead = Lead.objects.create(owner=owner, kind=kind, resource_kind=resource_kind if kind == Lead.Kind.RESOURCE else "",
                               name=name, url=url, note=note, conversation=conversation, saved_to=saved_to)
    return lead, True


def is_target(lead: Lead) -> bool:
    return lead.target_id is not None and lead.target.is_target


@transaction.atomic
def make_target(lead: Lead):
    """The organisation of that name becomes a target (the existing one when the name matches, any case or accents)."""
    if lead.kind not in MAKES_TARGET:
        raise ValueError("Only an organisation or an employer can become a target.")
    if is_target(lead):
        return lead.target
    postings = HIRING_NOW if lead.kind == Lead.Kind.OPENING else None
    (organization,), _ = add_targets(lead.owner, [lead.name], postings=postings)
    if lead.target_id != organization.pk:
        lead.target = organization
        lead.save(update_fields=["target", "updated_at"])
    return organization


def goal_titled(owner, title: str) -> Goal | None:
    """The user's goal with this title, compared as the goal form compares them (any case, accents, spacing)."""
    key = fold(title)
    return next((g for g in Goal.objects.for_user(owner) if fold(g.title) == key), None)


@transaction.atomic
def make_goal(lead: Lead) -> Goal:
    """A goal of exploring this career or role: the one already of that title, or a new active one."""
    if lead.kind not in MAKES_GOAL:
        raise ValueError("Only a career or role can become a goal.")
    if lead.goal_id is not None:
        return lead.goal
    goal = goal_titled(lead.owner, lead.name) or Goal.objects.create(owner=lead.owner, title=lead.name[:300], kind=Goal.Kind.ROLE)
    lead.goal = goal
    lead.save(update_fields=["goal", "updated_at"])
    return goal


def save_to(lead: Lead, goal: Goal | None) -> None:
    """Put a resource on this goal's Resources list (None takes it off)."""
    if lead.kind not in GOES_ON_A_LIST:
        raise ValueError("Only a resource goes on a goal's Resources list.")
    if lead.saved_to_id != (goal.pk if goal else None):
        lead.saved_to = goal
        lead.save(update_fields=["saved_to", "updated_at"])


def conversation_leads(conversation) -> list[Lead]:
    return list(conversation.leads.select_related("target", "goal", "saved_to").order_by("pk"))


def goal_resources(goal: Goal) -> list[Lead]:
    """A goal's Resources list, with the conversation and person each came from."""
    return list(goal.resources.select_related("conversation__person").order_by("pk"))
