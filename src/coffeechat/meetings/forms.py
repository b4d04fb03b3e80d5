from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from coffeechat.accounts.models import User
from coffeechat.conversations.forms import GoalFields
from coffeechat.conversations.models import Medium
from coffeechat.timezones import TimeZoneField


class ScheduleForm(GoalFields):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
                           help_text="In the time zone below.")
    time_zone = TimeZoneField(label="Time zone of this date and time")
    minutes = forms.IntegerField(min_value=5, max_value=240, label="Length (minutes)")
    medium = forms.ChoiceField(choices=Medium.choices, label="How")
    location = forms.CharField(required=False, max_length=500, label="Place, phone number or video link")
    already_happened = forms.BooleanField(
        required=False, label="Log a conversation that already happened",
        help_text="Only for a time in the past: records it without sending anyone an invitation.")

    def __init__(self, *args, user=None, goal_id: int | None = None, now: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()
        self.setup_goals(user, goal_id)
        self.order_fields(["date", "time", "time_zone", "minutes", "medium", "location", "goal", "new_goal"])

    @staticmethod
    def initial_for(start: datetime, zone: str) -> dict:
        """The date and time fields for `start`, read in `zone`: the one zone the form shows and reads."""
        local = start.astimezone(ZoneInfo(zone))
        return {"date": local.date(), "time": local.time().replace(second=0, microsecond=0), "time_zone": zone}

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time") and data.get("time_zone"):
            naive = datetime.combine(data["date"], data["time"])
            zone = ZoneInfo(data["time_zone"])
            start = naive.replace(tzinfo=zone)
            # A wall time skipped by a daylight-saving jump does not exist; say so rather than guess.
            if start.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != naive:
                raise forms.ValidationError("That time does not exist in this time zone (the clocks change). Pick another.")
            if start < self.now and not data.get("already_happened"):
                self.add_error("date", "This time is in the past. Pick a later one, or tick “Log a conversation that already "
                                       "happened” below if you are recording one.")
            elif start >= self.now and data.get("already_happened"):
                self.add_error("already_happened", "This time is still to come; untick this to schedule it.")
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
