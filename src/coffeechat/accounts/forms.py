from django import forms
from django.contrib.auth.forms import UserCreationForm

from coffeechat.accounts.models import User
from coffeechat.timezones import all_time_zones


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=[(tz, tz.replace("_", " ")) for tz in all_time_zones()], **kwargs)


class SignupForm(UserCreationForm):
    time_zone = TimeZoneField(initial="UTC", help_text="Filled in from your browser when it can.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "time_zone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


class SettingsForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = (
            "first_name", "last_name", "email", "time_zone", "week_start", "meeting_minutes",
            "thank_you_hours", "second_contact_business_days", "follow_up_business_days",
            "keep_in_touch_days",
        )
        labels = {
            "meeting_minutes": "Usual conversation length (minutes)",
            "thank_you_hours": "Thank-you due after (hours)",
            "second_contact_business_days": "Suggest a second contact after (business days)",
            "follow_up_business_days": "One follow-up after (business days)",
            "keep_in_touch_days": "Keep in touch every (days)",
        }
        widgets = {
            name: forms.NumberInput(attrs={"min": 1, "max": 999})
            for name in ("meeting_minutes", "thank_you_hours", "second_contact_business_days",
                         "follow_up_business_days", "keep_in_touch_days")
        }

    def clean_meeting_minutes(self):
        minutes = self.cleaned_data["meeting_minutes"]
        if not 5 <= minutes <= 240:
            raise forms.ValidationError("Choose between 5 and 240 minutes.")
        return minutes

    def clean(self):
        data = super().clean()
        second, follow = data.get("second_contact_business_days"), data.get("follow_up_business_days")
        if second and follow and follow <= second:
            self.add_error("follow_up_business_days", "The follow-up comes after the second contact.")
        return data
