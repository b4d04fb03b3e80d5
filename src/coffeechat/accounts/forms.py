import json
from datetime import time

from django import forms
from django.contrib.auth.forms import UserCreationForm

from coffeechat.accounts.availability import format_availability
from coffeechat.accounts.models import User
from coffeechat.accounts.pitch import suggested_pitch
from coffeechat.timezones import WEEKDAYS, TimeZoneField, TimeZoneInput


class SignupForm(UserCreationForm):
    time_zone = TimeZoneField(initial="UTC", help_text="Filled in from your browser when it can.",
                              widget=TimeZoneInput(attrs={"data-guess-time-zone": ""}))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "time_zone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True


def parse_ranges(text: str) -> list[list[str]]:
    """"09:00-12:00, 14:00-17:30" -> [["09:00", "12:00"], ["14:00", "17:30"]]; raises ValidationError."""
    ranges = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().replace("–", "-")
        if not part:
            continue
        start, sep, end = part.partition("-")
        try:
            begin, finish = time.fromisoformat(start.strip().zfill(5)), time.fromisoformat(end.strip().zfill(5))
        except ValueError:
            raise forms.ValidationError(f"“{part}” is not a time range like 09:00-12:00.") from None
        if not sep or begin >= finish:
            raise forms.ValidationError(f"“{part}”: the end must come after the start, as in 09:00-12:00.")
        ranges.append([begin.strftime("%H:%M"), finish.strftime("%H:%M")])
    return ranges


class SettingsForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = (
            "first_name", "last_name", "email", "intro_line", "affiliation", "pitch", "resume", "time_zone", "week_start", "meeting_minutes",
            "thank_you_hours", "second_contact_business_days", "follow_up_business_days",
            "keep_in_touch_days", "weekly_aim",
        )
        labels = {
            "meeting_minutes": "Usual conversation length (minutes)",
            "thank_you_hours": "Thank-you due after (hours)",
            "second_contact_business_days": "Suggest a second contact after (business days)",
            "follow_up_business_days": "One follow-up after (business days)",
            "keep_in_touch_days": "Keep in touch every (days)",
            "intro_line": "Who I am, in one line",
            "affiliation": "School or employer",
            "pitch": "My 30-second introduction",
            "weekly_aim": "Weekly aim: requests to send",
            "resume": "Résumé (optional, attached only when you choose)",
        }
        widgets = {
            name: forms.NumberInput(attrs={"min": 1, "max": 999})
            for name in ("meeting_minutes", "thank_you_hours", "second_contact_business_days",
                         "follow_up_business_days", "keep_in_touch_days")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pitch"].widget = forms.Textarea(attrs={"rows": 4, "placeholder": suggested_pitch(self.instance)})
        shown = format_availability(self.instance.availability)
        for day, name in enumerate(WEEKDAYS):
            self.fields[f"available_{day}"] = forms.CharField(
                required=False, label=f"Free for calls on {name}", initial=shown.get(day, ""),
                widget=forms.TextInput(attrs={"placeholder": "e.g. 09:00-12:00, 14:00-17:00"}),
            )

    def clean_resume(self):
        resume = self.cleaned_data.get("resume")
        if resume and hasattr(resume, "size"):
            if resume.size > 5 * 1024 * 1024:
                raise forms.ValidationError("Keep the résumé under 5 MB.")
            if not resume.name.lower().endswith((".pdf", ".doc", ".docx", ".odt", ".txt")):
                raise forms.ValidationError("Upload a PDF, Word, OpenDocument or text file.")
        return resume

    def save(self, commit=True):
        self.instance.availability = {
            str(day): self.cleaned_data[f"available_{day}"] for day in range(7) if self.cleaned_data.get(f"available_{day}")
        }
        return super().save(commit)

    def clean_meeting_minutes(self):
        minutes = self.cleaned_data["meeting_minutes"]
        if not 5 <= minutes <= 240:
            raise forms.ValidationError("Choose between 5 and 240 minutes.")
        return minutes

    def clean(self):
        data = super().clean()
        for day in range(7):
            name = f"available_{day}"
            if name in data:
                try:
                    data[name] = parse_ranges(data[name])
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        second, follow = data.get("second_contact_business_days"), data.get("follow_up_business_days")
        if second and follow and follow <= second:
            self.add_error("follow_up_business_days", "The follow-up comes after the second contact.")
        return data


MAX_BACKUP_BYTES = 200 * 1024 * 1024


class RestoreForm(forms.Form):
    file = forms.FileField(label="Backup file (.json)", help_text="Made by “Download a full backup” or `coffeechat export json`. "
                           "Restores only into an empty account.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BACKUP_BYTES:
            raise forms.ValidationError("This file is larger than any Coffeechat backup should be (200 MB).")
        try:
            self.cleaned_data["document"] = json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise forms.ValidationError(f"“{upload.name}” is not a JSON backup: choose the .json file Coffeechat made.") from None
        return upload


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What will use it, e.g. “laptop script”.")

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
