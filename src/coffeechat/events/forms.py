from django import forms

from coffeechat.events.models import Event


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ("name", "kind", "date", "place", "organiser", "notes")
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"date": "On"}


class MetForm(forms.Form):
    """Someone met at the event, in a few taps."""

    name = forms.CharField(max_length=300, label="Name")
    organization = forms.CharField(max_length=200, required=False, label="Organisation")
    line = forms.CharField(max_length=300, required=False, label="One line to remember them by",
                           help_text="What you talked about, or what they suggested.")
    email = forms.EmailField(required=False, label="Email (if they gave one)")
