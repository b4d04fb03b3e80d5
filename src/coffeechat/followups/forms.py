from django import forms
from django.utils import timezone

from coffeechat.followups.models import Touch

CADENCES = [("", "My default"), ("0", "Off"), ("30", "Every 30 days"), ("60", "Every 60 days"), ("90", "Every 90 days"),
            ("120", "Every 120 days"), ("180", "Every 180 days"), ("custom", "Custom…")]


class ReflectionForm(forms.Form):
    learned = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label="What I learned")
    fit = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Does this path fit me, and why?")
    strengths_gaps = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Strengths and gaps it showed me")
    next_steps = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Next steps (one a line)")

    def clean(self):
        data = super().clean()
        if not any(v.strip() for v in data.values() if isinstance(v, str)):
            raise forms.ValidationError("Write at least one line of reflection.")
        return data


class TaskForm(forms.Form):
    title = forms.CharField(max_length=300)
    due = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="When")


class TouchForm(forms.ModelForm):
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="When")

    class Meta:
        model = Touch
        fields = ("kind", "note")
        labels = {"kind": "What happened", "note": "Note"}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("when", timezone.localdate())
        super().__init__(*args, **kwargs)

    def clean_when(self):
        day = self.cleaned_data["when"]
        if day > timezone.localdate():
            raise forms.ValidationError("A touch is something that already happened; pick today or earlier.")
        return day


class CadenceForm(forms.Form):
    cadence = forms.ChoiceField(choices=CADENCES, required=False, label="Keep in touch")
    custom_days = forms.IntegerField(required=False, min_value=7, max_value=730, label="Custom (days)")

    def clean(self):
        data = super().clean()
        if data.get("cadence") == "custom" and not data.get("custom_days"):
            self.add_error("custom_days", "Give the number of days, from 7 to 730.")
        return data

    def days(self):
        choice = self.cleaned_data.get("cadence")
        if choice == "custom":
            return self.cleaned_data["custom_days"]
        return int(choice) if choice else None
