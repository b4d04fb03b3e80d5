from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse_lazy

from coffeechat.people.models import Organization, Person
from coffeechat.people.picker import PersonPickerField
from coffeechat.people.services import format_commonalities, parse_commonalities, parse_tags
from coffeechat.timezones import TimeZoneField


def https_urls(field, **kwargs):
    """Model URL fields typed without a scheme ("example.com") mean https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class LinesField(forms.CharField):
    """A textarea whose lines become a list; each line checked by `validator` when given."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *, validator=None, what="value", **kwargs):
        self.validator, self.what = validator, what
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = []
        for line in (value or "").splitlines():
            line = line.strip()
            if line and line not in lines:
                lines.append(line)
        return lines

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if self.validator:
            for line in value:
                try:
                    self.validator(line)
                except ValidationError:
                    raise ValidationError(f"“{line}” is not a valid {self.what}.") from None


class PersonForm(forms.ModelForm):
    emails = LinesField(**Person.LINE_VALIDATORS["emails"], help_text="One per line.")
    phones = LinesField(**Person.LINE_VALIDATORS["phones"], help_text="One per line.")
    links = LinesField(**Person.LINE_VALIDATORS["links"], help_text="Websites, portfolios, articles: one per line.")
    organization_name = forms.CharField(
        label="Organisation", required=False, max_length=200,
        widget=forms.TextInput(attrs={"list": "organization-names", "autocomplete": "off", "hx-get": reverse_lazy("people:organization-pick"),
                                      "hx-trigger": "input changed delay:200ms", "hx-target": "#organization-names", "hx-sync": "this:replace"}),
    )
    time_zone = TimeZoneField(required=False, label="Their time zone")
    commonalities_text = forms.CharField(
        label="What we have in common", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, e.g. “School: McGill University” or “Interest: urban cycling”.",
    )
    tags_text = forms.CharField(label="Tags", required=False, help_text="Separated by commas.")

    class Meta:
        model = Person
        fields = (
            "first_name", "middle_name", "last_name", "title", "emails", "phones", "linkedin_url", "links",
            "location", "time_zone", "source", "source_detail", "referred_by",
            "may_use_referrer_name", "research",
        )
        labels = {
            "linkedin_url": "LinkedIn profile",
            "source": "How I found them",
            "source_detail": "Details",
            "referred_by": "Referred by",
            "may_use_referrer_name": "I may use the referrer's name",
            "research": "Research notes",
        }
        widgets = {"research": forms.Textarea(attrs={"rows": 6})}
        formfield_callback = https_urls

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        # A type-ahead over the user's own people, never a list of all of them.
        self.fields["referred_by"] = PersonPickerField(
            owner=owner, exclude=self.instance.pk, label="Referred by",
            help_text="Who suggested them: type a name and pick from the suggestions.")
        if self.instance.pk:
            self.fields["organization_name"].initial = getattr(self.instance.organization, "name", "")
            self.fields["commonalities_text"].initial = format_commonalities(self.instance.commonalities)
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or data.get("last_name") or data.get("emails")):
            raise ValidationError("Give at least a name or an email address.")
        return data

    def clean_commonalities_text(self):
        return parse_commonalities(self.cleaned_data["commonalities_text"])

    def clean_tags_text(self):
        tags = parse_tags(self.cleaned_data["tags_text"])
        if any(len(t) > 60 for t in tags):
            raise ValidationError("Keep each tag under 60 characters.")
        return tags


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ("name", "website", "industry", "team_page", "careers_page", "links", "notes")
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}
        labels = {"notes": "Research notes", "team_page": "Team or people page", "careers_page": "Careers page",
                  "links": "News, press releases, reports"}
        help_texts = {"notes": "Markdown. What they do, recent news, how they are organised, what you would ask someone there."}
        formfield_callback = https_urls

    links = LinesField(validator=URLValidator(), what="web address", label="News, press releases, reports",
                       help_text="One web address a line.")

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organization.objects.for_user(self.owner).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("You already have an organisation with this name.")
        return name
