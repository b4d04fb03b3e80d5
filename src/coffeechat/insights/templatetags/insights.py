from functools import lru_cache

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

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


NODE_TITLES = {"met": "met", "asked": "asked", "me": "you"}
ROW_STATES = {"met": "met", "asked": "asked"}


@register.simple_tag
def network_shapes(nodes, edges):
    """The referral tree's lines and dots (insights/insights.html): written here rather than in the template
    language, which took most of the page's time for a few hundred people. Numbers are never localised (SVG)."""
    parts = [f'<path d="M{e["x1"]} {e["y1"]} V{e["y2"]} H{e["x2"]}" class="edge"></path>' for e in edges]
    for n in nodes:
        name = escape(n.name)
        shape = (f'<g class="node node-{escape(n.state)}"><title>{name} — {NODE_TITLES.get(n.state, "not asked yet")}</title>'
                 f'<circle cx="{n.x}" cy="{n.y}" r="7"></circle><text x="{n.x + 12}" y="{n.y + 5}">{escape(Truncator(n.name).chars(34))}</text></g>')
        parts.append(f'<a href="{escape(n.url)}">{shape}</a>' if n.url else shape)
    return mark_safe("\n".join(parts))  # every value above escaped or a number


@register.simple_tag
def network_rows(nodes):
    """The same people as table rows (the picture's text alternative)."""
    return mark_safe("".join(  # every value escaped
        f'<tr><th scope="row"><a href="{escape(n.url)}">{escape(n.name)}</a></th><td>{escape(n.parent_name)}</td>'
        f'<td>{ROW_STATES.get(n.state, "not yet")}</td></tr>' for n in nodes if n.url))


@register.simple_tag
def choice_options(choices, chosen):
    """The <option>s of a short select, `chosen` selected (a target's ratings: forty targets' selects written
    by the template language were most of the Targets page's time; the same few are written once)."""
    return _options(tuple(choices), chosen)


@lru_cache(maxsize=64)
def _options(choices: tuple, chosen) -> str:
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((value, mark_safe(" selected") if value == chosen else "", label) for value, label in choices))
