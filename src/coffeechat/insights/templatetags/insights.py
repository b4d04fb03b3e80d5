from functools import lru_cache

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from coffeechat.insights.lead_views import leads_context
from coffeechat.insights.models import Goal
from coffeechat.links import url_maker

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


PATH_STATES = {"met": " <small class=\"muted\">(met)</small>", "asked": " <small class=\"muted\">(asked)</small>"}


@register.simple_tag
def warm_path_items(paths_by_target):
    """Each target's first warm paths as list items (insights/insights.html), with the step to take: ask the
    first person for an introduction, or for a conversation when they are the one at the target."""
    target_url = url_maker("insights:target")
    items = []
    for organization, shown, more in paths_by_target:
        url = escape(target_url(organization.pk))
        lines = []
        for path in shown:
            via = " → ".join(f'<a href="{escape(p.get_absolute_url())}">{escape(p.display_name)}</a>' for p in path.via)
            if len(path.via) > 1:
                step = f' · <a href="{escape(path.ask_url)}">ask for an introduction</a>'
            else:
                step = PATH_STATES.get(path.state) or f' · <a href="{escape(path.ask_url)}">ask for a conversation</a>'
            lines.append(f"<li>me → {via}{step}</li>")
        if more > 0:
            lines.append(f'<li class="muted"><a href="{url}">{more} more</a></li>')
        items.append(f'<li><strong><a href="{url}">{escape(organization.name)}</a></strong><ul>{"".join(lines)}</ul></li>')
    return mark_safe("".join(items))  # every value escaped or a number


@register.simple_tag(takes_context=True)
def target_items(context, targets, ratings):
    """The ranked targets with their rating forms (insights/target_list.html): forty of them written by the
    template language were a fifth of the page's time."""
    token = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', context.get("csrf_token", ""))
    items = []
    for t in targets:
        organization, name = t.organization, escape(t.organization.name)
        count = len(t.people)
        badge = ' <span class="badge first-badge">work on now</span>' if t.first_five else ""
        items.append(
            f'<li id="target-{organization.pk}" class="target{" first-five" if t.first_five else ""}">'
            f'<div class="target-head"><span class="rank" aria-hidden="true">{t.rank}</span>'
            f'<span><a href="{escape(t.url)}">{name}</a>{badge}<br><small class="muted">advocacy {t.advocacy} '
            f'({escape(t.advocacy_label)}) · {count} {"person" if count == 1 else "people"}</small></span></div>'
            f'<form method="post" action="{escape(t.rate_url)}" class="rate-form">{token}'
            f'<label>Motivation <select name="motivation">{_options(tuple(ratings["motivation"].choices), organization.motivation)}</select></label>'
            f'<label>Postings <select name="postings">{_options(tuple(ratings["postings"].choices), organization.postings)}</select></label>'
            f'<button type="submit" class="secondary" aria-label="Save the rating of {name}">Save</button>'
            f'<button type="submit" name="action" value="remove" class="link-button" aria-label="Remove {name} from targets">Remove</button>'
            "</form></li>")
    return mark_safe("".join(items))  # every value escaped or a number


@lru_cache(maxsize=64)
def _options(choices: tuple, chosen) -> str:
    """The <option>s of a short select, `chosen` selected (the same few for every target: written once)."""
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((value, mark_safe(" selected") if value == chosen else "", label) for value, label in choices))
