from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from coffeechat.links import url_with_id
from coffeechat.people.models import CommonalityKind
from coffeechat.text import render_markdown
from coffeechat.timezones import slot_for_both

register = template.Library()


@register.filter
def markdown(source):
    return render_markdown(source)


@register.filter
def commonality_label(kind):
    return dict(CommonalityKind.choices).get(kind, "Other")


@register.filter
def with_their_time(slot, zone):
    """A proposed time in the user's zone, with the other person's local time beside it when their zone is known."""
    return slot_for_both(slot, zone or "")


@register.simple_tag
def people_rows(people):
    """The rows of the people list: name (a link), title and organisation, source and tags.

    Written here rather than in the template language, which took most of the page's time for 25 rows
    (people/_people_results.html calls this with the rows of services.people_page).
    """
    rows = []
    for person in people:
        role = " · ".join(escape(part) for part in (person.title, person.organization_name) if part)
        tags = "".join(f'<span class="tag">{escape(tag)}</span>' for tag in person.tag_names)
        rows.append(
            f'\n  <li>\n    <span class="who">\n      <a href="{url_with_id("people:person", person.pk)}">{escape(person.display_name)}</a>'
            f'{f"<br><small>{role}</small>" if role else ""}\n    </span>\n'
            f'    <span>\n      <small class="muted">{escape(person.get_source_display())}</small>\n      {tags}\n    </span>\n  </li>')
    return mark_safe("".join(rows))  # every value above escaped
