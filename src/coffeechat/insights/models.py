from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
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


def validate_web_address(value: str) -> None:
    """Only http and https: a lead's link is opened by a click.

    Beside a URL field, whose own validator already refuses javascript:, data: and the rest (and
    says so), this refuses the ftp addresses that validator lets through.
    """
    try:
        URLValidator()(value)
    except ValidationError:
        return  # not a web address at all: the field's validator reports it once
    if value.split(":", 1)[0].lower() not in ("http", "https"):
        raise ValidationError("Enter a web address starting with http:// or https://.", code="scheme")


class Lead(OwnedModel):
    """Something a conversation pointed to: an organisation, a career, a resource or an opening.

    What it became is kept beside it: the organisation made a target, the goal made from it,
    the goal whose Resources list holds it.
    """

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organisation"
        CAREER = "career", "Career or role"
        RESOURCE = "resource", "Resource"
        OPENING = "opening", "Opening or employer"

    class ResourceKind(models.TextChoices):
        ASSOCIATION = "association", "Association"
        PUBLICATION = "publication", "Publication"
        COURSE = "course", "Course"
        EVENT = "event", "Event"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    resource_kind = models.CharField(max_length=16, choices=ResourceKind.choices, blank=True,
                                     help_text="For a resource: what sort it is.")
    name = models.CharField(max_length=300)
    url = models.URLField(blank=True, max_length=500, validators=[validate_web_address])
    note = models.CharField(max_length=500, blank=True)
    # Named by label: the lead is recorded from a conversation page; deleting the conversation keeps it.
    conversation = models.ForeignKey("conversations.Conversation", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="leads", editable=False)
    target = models.ForeignKey("people.Organization", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="leads", editable=False, help_text="The organisation it made a target.")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="leads_made",
                             editable=False, help_text="The goal made from it.")
    saved_to = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="resources",
                                 editable=False, help_text="The goal whose Resources list holds it.")

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        if self.kind == self.Kind.RESOURCE and self.resource_kind and self.resource_kind != self.ResourceKind.OTHER:
            return self.get_resource_kind_display()
        return self.get_kind_display()
