from django.db import models
from django.urls import reverse

from coffeechat.ownership import OwnedModel

MAX_KEY_QUESTIONS = 5


class Goal(OwnedModel):
    """What the seeker is exploring; every conversation hangs off one."""

    class Kind(models.TextChoices):
        FIELD = "field", "A field"
        ROLE = "role", "A role"
        JOB_TITLE = "job_title", "A dream job title"

    class State(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        DONE = "done", "Done"

    title = models.CharField(max_length=300, help_text="e.g. “UX research in health care”.")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.FIELD)
    hope_to_learn = models.TextField(blank=True, help_text="What you hope these conversations will tell you.")
    # The 3–5 questions that matter most, in order; offered first as must-asks in every plan.
    key_questions = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.ACTIVE)

    class Meta:
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["owner", "state"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("insights:goal-edit", args=[self.pk])
