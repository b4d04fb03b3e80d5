from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms

from coffeechat.accounts.models import User
from coffeechat.conversations.forms import GoalFields
from coffeechat.conversations.models import Medium
from coffeechat.timezones import all_time_zones


class ScheduleForm(GoalFields):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time", "step": 300}))
    time_zone = forms.ChoiceField(label="Time zone")
    minutes = forms.IntegerField(min_value=5, max_value=240, label="Length (minutes)")
    medium = forms.ChoiceField(choices=Medium.choices, label="How")
    location = forms.CharField(required=False, max_length=500, label="Place, phone number or video link")

    def __init__(self, *args, user=None, goal_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_goals(user, goal_id)
        self.order_fields(["date", "time", "time_zone", "minutes", "medium", "location", "goal", "new_goal"])
        self.fields["time_zone"].choices = [(tz, tz.replace("_", " ")) for tz in all_time_zones()]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time") and data.get("time_zone"):
            naive = datetime.combine(data["date"], data["time"])
            zone = ZoneInfo(data["time_zone"])
            start = naive.replace(tzinfo=zone)
            # A wall time skipped by a daylight-saving jump does not exist; say so rather than guess.
            if start.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != naive:
                raise forms.ValidationError("That time does not exist in this time zone (the clocks change). Pick another.")
            data["start"] = start
        return data


class OrganizerForm(forms.ModelForm):
    """Who an invitation is from: asked on the schedule form while the user has not said."""

    class Meta:
        model = User
        fields = ("first_name", "last_name", "email")
        labels = {"first_name": "Your first name", "last_name": "Your last name", "email": "Your email address"}
        help_texts = {"email": "Calendar invitations come from this address; it is kept in Settings."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["email"].required = True
