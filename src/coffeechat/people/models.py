from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    URLValidator,
    validate_email,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from coffeechat.ownership import OwnedModel
from coffeechat.text import fold
from coffeechat.timezones import validate_time_zone


class Source(models.TextChoices):
    """How the seeker found someone (PRODUCT.md step 2)."""

    FRIEND = "friend", "Friend"
    RELATIVE = "relative", "Relative"
    PROFESSOR = "professor", "Professor"
    CLASSMATE = "classmate", "Classmate"
    COWORKER = "coworker", "Co-worker"
    SUPERVISOR = "supervisor", "Supervisor"
    NEIGHBOUR = "neighbour", "Neighbour"
    ALUMNI = "alumni", "Alumni"
    LINKEDIN = "linkedin", "LinkedIn"
    ASSOCIATION = "association", "Professional association"
    COMPANY_WEBSITE = "company_website", "Company website"
    SPEAKER = "speaker", "Event or talk speaker"
    EVENT = "event", "Alumni or sector event"
    SOCIAL_MEDIA = "social_media", "Social media"
    REFERRAL = "referral", "Referral"
    INTRODUCTION = "introduction", "Introduction from someone I know"
    OTHER = "other", "Other"


class CommonalityKind(models.TextChoices):
    SCHOOL = "school", "School"
    EMPLOYER = "employer", "Employer"
    ACQUAINTANCE = "acquaintance", "Acquaintance"
    EVENT = "event", "Event"
    INTEREST = "interest", "Interest"
    VALUES = "values", "Values"
    HOMETOWN = "hometown", "Hometown"
    OTHER = "other", "Other"


def organization_search_text(name, industry) -> str:
    """An organisation's search text from its parts (bulk imports compute it without a model instance)."""
    return fold(" ".join([name, industry]))


class Organization(OwnedModel):
    name = models.CharField(max_length=200)
    website = models.URLField(blank=True, max_length=500)
    industry = models.CharField(max_length=120, blank=True)
    notes = models.TextField(blank=True)
    # A target organisation, rated as job-search coaches rank a target list; advocacy
    # (who I know there) is computed from the people, never typed.
    is_target = models.BooleanField(default=False)
    motivation = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(3)], help_text="How much I want to work there, 0 to 3."
    )
    postings = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(3)], help_text="Are they hiring in my field? 1 to 3."
    )
    search_text = models.TextField(blank=True, editable=False)
    # Research before a conversation with someone there.
    team_page = models.URLField(blank=True, max_length=500)
    careers_page = models.URLField(blank=True, max_length=500)
    links = models.JSONField(default=list, blank=True, help_text="News, press releases, reports: one a line.")

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint("owner", Lower("name"), name="organization_unique_name_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:organization", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = organization_search_text(self.name, self.industry)

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)


class Tag(OwnedModel):
    name = models.CharField(max_length=60)

    class Meta:
        ordering = [Lower("name")]
        constraints = [models.UniqueConstraint("owner", Lower("name"), name="tag_unique_name_per_owner")]

    def __str__(self) -> str:
        return self.name


class ImportBatch(OwnedModel):
    """One imported file: what it held, what it did, and whether it was undone."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Waiting for confirmation"
        DONE = "done", "Imported"
        UNDONE = "undone", "Undone"

    filename = models.CharField(max_length=255, blank=True)
    format = models.CharField(max_length=16)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PREVIEW)
    # The uploaded file, kept only between preview and confirmation.
    content = models.BinaryField(null=True, blank=True, editable=False)
    created_count = models.PositiveIntegerField(default=0)
    matched_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    # [{"row": 12, "reason": "…"}] rows skipped; [{"row", "person", "field", "kept", "file"}] conflicts
    problems = models.JSONField(default=list, blank=True)
    conflicts = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename or self.format} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("people:import-batch", args=[self.pk])

    @property
    def skipped_count(self) -> int:
        return sum(1 for p in self.problems if p.get("skipped", True))


def person_search_text(first_name, middle_name, last_name, title, location, emails, source_detail, research) -> str:
    """A person's search text from its parts (bulk imports compute it without a model instance)."""
    return fold(" ".join([first_name, middle_name, last_name, title, location, *emails, source_detail, research]))


# What `Person.display_name` reads: a query that defers fields must load these, or each name costs a query.
NAME_FIELDS = ("first_name", "middle_name", "last_name", "emails")


def validate_phone(value: str) -> None:
    digits = sum(ch.isdigit() for ch in value)
    if digits < 3 or len(value) > 40:
        raise ValidationError("not a phone number")


def name_to_show(first: str, middle: str, last: str, email: str) -> str:
    """A person's name as lists show it: the name's parts, else their first email address."""
    return " ".join(part for part in (first, middle, last) if part) or email or "(no name)"


class Person(OwnedModel):
    # What each line of the list fields must be: the person form and `restore` both check these.
    LINE_VALIDATORS = {
        "emails": {"validator": validate_email, "what": "email address"},
        "phones": {"validator": validate_phone, "what": "phone number"},
        "links": {"validator": URLValidator(), "what": "web address"},
    }

    first_name = models.CharField(max_length=150, blank=True)
    middle_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    emails = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
    linkedin_url = models.URLField(blank=True, max_length=500)
    links = models.JSONField(default=list, blank=True)
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    title = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=32, choices=Source.choices, default=Source.OTHER)
    source_detail = models.CharField(
        max_length=300, blank=True, help_text="In your words: which event, which association, who…"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="people_met",
        help_text="The event where you met them.",
    )
    referred_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    may_use_referrer_name = models.BooleanField(
        default=False, help_text="The referrer said I may mention their name."
    )
    referral_conversation = models.ForeignKey(
        "conversations.Conversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals", editable=False,
    )
    research = models.TextField(blank=True, help_text="Markdown: education, work history, talks, articles…")
    # [{"kind": "school", "detail": "McGill University"}, …]
    commonalities = models.JSONField(default=list, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    connected_on = models.DateField(null=True, blank=True)
    # Keep in touch every N days; None follows the user's default, 0 is off.
    keep_in_touch_days = models.PositiveSmallIntegerField(null=True, blank=True)
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="people", editable=False
    )
    # On PostgreSQL a stored column, search_vector, is generated from this one (migration 0009): to alter or
    # drop it, drop search_vector first in the same migration, or PostgreSQL refuses.
    search_text = models.TextField(blank=True, editable=False)
    # The keep-in-touch clock, kept so the due rules read only the people whose time may have come:
    # the last interaction once you have talked with them (see people.services.advance_keep_in_touch),
    # and, for people with a cadence of their own, when the next contact is due (the user's default
    # cadence is applied at query time, so changing it needs no rewrite).
    last_interaction_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_keep_in_touch_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = [Lower("last_name"), Lower("first_name"), "pk"]
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["owner", "source"]),
            # The list's orders, served by an index on both databases (owner first: one user's rows).
            models.Index(fields=["owner", "last_name", "first_name", "id"], name="person_owner_name"),
            models.Index(fields=["owner", "-created_at", "-id"], name="person_owner_created"),
            models.Index(fields=["owner", "-updated_at", "-id"], name="person_owner_updated"),
            models.Index(fields=["owner", "keep_in_touch_days", "last_interaction_at"], name="person_kit_default"),
            models.Index(fields=["owner", "next_keep_in_touch_at"], name="person_kit_own"),
            # Referrals to write to, oldest first (followups/counts.py): only the referred, so a network whose
            # first referrals are all done is not walked person by person to find the next ones.
            models.Index(fields=["owner", "created_at"], name="person_referred_created", condition=models.Q(referred_by__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return name_to_show(self.first_name, self.middle_name, self.last_name, self.emails[0] if self.emails else "")

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""

    def get_absolute_url(self) -> str:
        return reverse("people:person", args=[self.pk])

    def refresh_search_text(self) -> None:
        """What search matches, folded once at write time so any database can search it."""
        self.search_text = person_search_text(self.first_name, self.middle_name, self.last_name, self.title,
                                              self.location, self.emails, self.source_detail, self.research)

    def refresh_next_keep_in_touch(self) -> None:
        self.next_keep_in_touch_at = own_keep_in_touch_due(self.last_interaction_at, self.keep_in_touch_days)

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        self.refresh_next_keep_in_touch()
        fields = kwargs.get("update_fields")
        if fields is not None and "keep_in_touch_days" in fields:
            kwargs["update_fields"] = [*fields, "next_keep_in_touch_at"]
        super().save(*args, **kwargs)


def own_keep_in_touch_due(last, days):
    """When a person with a cadence of their own is next due; None without one (or with it off)."""
    return last + timedelta(days=days) if last is not None and days else None
