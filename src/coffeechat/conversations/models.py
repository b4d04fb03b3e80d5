import uuid
from datetime import timedelta

from django.db import models
from django.urls import reverse

from coffeechat.ownership import OwnedModel
from coffeechat.people.services import advance_keep_in_touch
from coffeechat.timezones import validate_time_zone


class Medium(models.TextChoices):
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    IN_PERSON = "in_person", "In person"


class Conversation(OwnedModel):
    """One informational interview with one person, from the request onwards."""

    class State(models.TextChoices):
        DRAFT = "draft", "Not asked yet"
        REQUESTED = "requested", "Requested"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        NO_ANSWER = "no_answer", "No answer"
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"
        MISSED = "missed", "Missed"

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="conversations")
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    # Named by label: insights sits above conversations, so code here never imports it.
    goal = models.ForeignKey(
        "insights.Goal", null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations",
        help_text="What this conversation is for.",
    )
    minutes = models.PositiveSmallIntegerField(default=30)
    medium = models.CharField(max_length=16, choices=Medium.choices, default=Medium.VIDEO)
    requested_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    # Scheduling (the calendar invitation's UID is this uid; SEQUENCE rises on every change).
    scheduled_start = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    location = models.CharField(max_length=500, blank=True, help_text="The place, a phone number or the video link.")
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    invitation_sent_at = models.DateTimeField(null=True, blank=True)
    # Preparation checklist ticks: {"research": true, …}; items are in preparation.py.
    checklist = models.JSONField(default=dict, blank=True)
    # The call itself (live mode): saved as the user types.
    live_started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    observations = models.TextField(blank=True, help_text="The place, the people, the mood: would I want to work here?")
    may_contact_again = models.BooleanField(null=True, blank=True)
    # After the call.
    linkedin_connected = models.BooleanField(default=False)
    learned = models.TextField(blank=True, help_text="What I learned.")
    fit = models.TextField(blank=True, help_text="Does this path fit me, and why?")
    strengths_gaps = models.TextField(blank=True, help_text="Strengths and gaps it showed me.")
    next_steps = models.TextField(blank=True, help_text="Next steps, one a line.")
    reflected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        # By state, and held ones by their end: what the due items count and read a screenful of. In the list's
        # order: a page of the list is read from the index, not sorted out of all the owner's conversations.
        indexes = [models.Index(fields=["owner", "state", "ended_at"], name="conversation_owner_state_end"),
                   models.Index(fields=["owner", "-updated_at", "-id"], name="conversation_owner_updated")]

    def __str__(self) -> str:
        return f"Conversation with {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:conversation", args=[self.pk])

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A conversation held (or scheduled: it counts once its end passes) starts or moves the
        # person's keep-in-touch clock; done here so every way of saving one keeps the clock right.
        if self.state in (self.State.HELD, self.State.SCHEDULED) and self.ended is not None:
            advance_keep_in_touch(self.person, self.ended, talk=True)

    @property
    def is_open_request(self) -> bool:
        return self.state == self.State.REQUESTED

    @property
    def ended(self):
        return self.ended_at or self.scheduled_end

    @property
    def scheduled_end(self):
        return self.scheduled_start + timedelta(minutes=self.minutes) if self.scheduled_start else None

    @property
    def ical_uid(self) -> str:
        return f"{self.uid}@coffeechat"
