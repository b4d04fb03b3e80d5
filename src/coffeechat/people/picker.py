"""Choosing one of the user's people by typing, never by a list of all of them.

A plain text field: type a name (or part of one), the server finds the person. With htmx the field asks
`people:pick` for up to PICK_LIMIT matches as you type and offers them in the browser's own suggestion
list (a <datalist>: keyboard and screen-reader support come with it). Only the user's own people are
ever searched or shown.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from coffeechat.people.models import Person
from coffeechat.people.search import matching, words

PICK_LIMIT = 10


def person_label(person: Person) -> str:
    """How a person reads in the picker: their name and, to tell namesakes apart, an email or organisation."""
    extra = person.primary_email or (person.organization.name if person.organization_id and person.organization else "")
    return f"{person.display_name} <{extra}>" if extra else person.display_name


def people_matching(owner, text: str, *, exclude: int | None = None, limit: int = PICK_LIMIT):
    people = Person.objects.for_user(owner).select_related("organization").order_by("last_name", "first_name", "pk")
    if exclude:
        people = people.exclude(pk=exclude)
    if not words(text):
        return []
    return list(matching(people, text, owner)[:limit])


class PersonPickerWidget(forms.TextInput):
    template_name = "people/widgets/person_picker.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "placeholder": "Start typing a name", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = f"{context['widget']['attrs'].get('id', name)}-options"
        context["widget"]["attrs"].update({
            "list": options, "hx-get": self.pick_url, "hx-trigger": "input changed delay:200ms",
            "hx-target": f"#{options}", "hx-swap": "innerHTML", "hx-sync": "this:replace",
        })
        context["widget"]["options_id"] = options
        return context


class PersonPickerField(forms.CharField):
    """Text in, one of the owner's people (or nobody) out; a clear error when it names nobody or several."""

    widget = PersonPickerWidget

    def __init__(self, *, owner, exclude: int | None = None, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)
        self.owner, self.exclude = owner, exclude
        self.widget.pick_url = reverse("people:pick") + (f"?exclude={exclude}" if exclude else "")

    def prepare_value(self, value):
        if isinstance(value, int):  # the saved person's id, from the instance
            person = Person.objects.for_user(self.owner).select_related("organization").filter(pk=int(value)).first()
            return person_label(person) if person else ""
        return person_label(value) if isinstance(value, Person) else value

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return None
        found = people_matching(self.owner, text, exclude=self.exclude, limit=50)
        exact = [p for p in found if person_label(p) == text]
        if len(exact) == 1:
            return exact[0]
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError(f"None of your people matches “{text}”. Add them first, or leave this empty.")
        raise ValidationError(f"Several of your people match “{text}”: type more of the name, or pick one from the suggestions.")
