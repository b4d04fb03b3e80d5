import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from coffeechat.ownership import OwnedModel


class Touch(OwnedModel):
    """A logged interaction outside Coffeechat's own messages: a call, an article shared, news."""

    class Kind(models.TextChoices):
        NEWS = "news", "Shared news"
        ARTICLE = "article", "Sent an article"
        PROGRESS = "progress", "Progress on their advice"
        CALL = "call", "A call"
        MEETING = "meeting", "Met in person"
        MESSAGE = "message", "A message"
        OTHER = "other", "Other"

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="touches")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MESSAGE)
    note = models.CharField(max_length=500, blank=True)
    happened_at = models.DateTimeField()

    class Meta:
        ordering = ["-happened_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.person}"


class Task(OwnedModel):
    """A dated to-do of the user's own, often a next step from a reflection."""

    title = models.CharField(max_length=300)
    due_at = models.DateTimeField()
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    conversation = models.ForeignKey("conversations.Conversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks")

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("followups:today")


class DueMark(OwnedModel):
    """Done or snoozed, for one due item (by its key). Recorded, never deleted."""

    key = models.CharField(max_length=120)
    done_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="one_mark_per_due_item")]

    def __str__(self) -> str:
        return self.key


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of a user's calendar feed. Revoking deletes the row: the old address 404s."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"


class DigestLog(models.Model):
    """The days a digest went to a user, so it goes once a day at most."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_a_day")]

    def __str__(self) -> str:
        return f"digest {self.day} for {self.user_id}"
