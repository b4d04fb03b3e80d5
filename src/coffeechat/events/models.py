from django.db import models
from django.urls import reverse

from coffeechat.ownership import OwnedModel

FOLLOW_UP_DAYS = 2  # people met at an event half-expect a note within a couple of days


class Event(OwnedModel):
    """An alumni evening, association meeting, talk or fair, and the people met there."""

    class Kind(models.TextChoices):
        ALUMNI = "alumni", "Alumni evening"
        ASSOCIATION = "association", "Association meeting"
        TALK = "talk", "Talk or panel"
        FAIR = "fair", "Career fair"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    date = models.DateField()
    place = models.CharField(max_length=300, blank=True, help_text="A venue, a city, or “online”.")
    organiser = models.CharField(max_length=200, blank=True, help_text="Who ran it: a school, an association, a company.")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["owner", "date"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:event", args=[self.pk])
