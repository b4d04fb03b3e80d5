"""The due items' list is written in Python for speed: it must draw what the template language drew."""

import re
from datetime import UTC, datetime

from django.template import engines
from django.test import RequestFactory
from django.utils import timezone

from coffeechat.followups.rules import DueItem

# The template this list was drawn with before, kept here as the reference.
REFERENCE = """<ul class="due-items">
  {% for item in items %}
  <li class="due-item kind-{{ item.kind }}{% if item.overdue %} overdue{% endif %}" id="{% if item.kind == 'task' %}task-{{ item.key|cut:'task:' }}{% else %}{{ item.key|slugify }}{% endif %}">
    <a href="{{ item.action }}" class="due-title">{{ item.title }}</a>
    <small class="muted">{% if item.overdue %}was due {% else %}due {% endif %}{{ item.due|date:"D j M, H:i" }}</small>
    <form method="post" action="{% url 'followups:item' %}"{% if not back %} hx-post="{% url 'followups:item' %}" hx-target="#due-list" hx-swap="outerHTML"{% endif %} class="item-actions">
      {% csrf_token %}<input type="hidden" name="key" value="{{ item.key }}">{% if back %}<input type="hidden" name="next" value="{{ back }}">{% endif %}
      <button type="submit" name="action" value="done" class="link-button">Done</button>
      <button type="submit" name="action" value="tomorrow" class="link-button">Tomorrow</button>
      <button type="submit" name="action" value="week" class="link-button">Next week</button>
    </form>
  </li>
  {% endfor %}
</ul>"""


def normalised(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


def test_the_list_draws_what_the_template_drew():
    items = [
        DueItem("thank_you", "thank_you:12", 'Send a thank-you to <b>Zoë</b> & "Al"', "Zoë", 3, 12,
                datetime(2026, 11, 2, 23, 30, tzinfo=UTC), True, "/conversations/12/follow-up/?a=1&b=2"),
        DueItem("task", "task:7", "Read up", "", None, None, datetime(2026, 12, 31, 14, 5, tzinfo=UTC), False, "/#task-7"),
        DueItem("keep_in_touch", "keep_in_touch:4:202611020930", "Keep in touch with Omar", "Omar", 4, None,
                datetime(2027, 2, 1, 9, 30, tzinfo=UTC), False, "/people/4/keep-in-touch/"),
    ]
    request = RequestFactory().get("/")
    engine = engines["django"]
    with timezone.override("America/Toronto"):
        for back in ("", "/today/overdue/?page=2&x=<y>"):
            context = {"items": items, "back": back, "csrf_token": "tok<en>"}
            drawn = engine.from_string("{% load followups %}{% due_items items back %}").render(context, request)
            expected = engine.from_string(REFERENCE).render(context, request)
            assert normalised(drawn) == normalised(expected)
    assert "&lt;b&gt;Zoë&lt;/b&gt; &amp; &quot;Al&quot;" in drawn and " 31 Dec, 09:05" in drawn  # escaped; in the zone
