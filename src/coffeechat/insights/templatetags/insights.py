from django import template

from coffeechat.insights.lead_views import leads_context
from coffeechat.insights.models import Goal

register = template.Library()


@register.inclusion_tag("insights/_ask_about_goal.html", takes_context=True)
def ask_about_goal(context, person):
    """On a person's page: start a request about one of the active goals, or add a goal first."""
    goals = Goal.objects.for_user(context["request"].user).filter(state=Goal.State.ACTIVE)
    return {"person": person, "goals": list(goals)}


@register.inclusion_tag("insights/_first_goal.html", takes_context=True)
def first_goal_step(context):
    """On an empty Today page: the first step is saying what you are exploring."""
    user = context["request"].user
    return {"show": not Goal.objects.for_user(user).exists()}


@register.inclusion_tag("insights/_leads.html", takes_context=True)
def conversation_leads(context, conversation):
    """In live mode and on the follow-up page: what the conversation led to, and the quick form to note more."""
    return leads_context(context["request"], conversation) | {"csrf_token": context.get("csrf_token")}
