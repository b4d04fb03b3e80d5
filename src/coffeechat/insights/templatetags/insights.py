from django import template

from coffeechat.insights.models import Goal

register = template.Library()


@register.inclusion_tag("insights/_first_goal.html", takes_context=True)
def first_goal_step(context):
    """On an empty Today page: the first step is saying what you are exploring."""
    user = context["request"].user
    return {"show": not Goal.objects.for_user(user).exists()}
