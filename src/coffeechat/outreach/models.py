from django.db import models
from django.urls import reverse

from coffeechat.ownership import OwnedModel


class MessageKind(models.TextChoices):
    REQUEST = "request", "Request"
    FOLLOW_UP = "follow_up", "Follow-up"
    THANK_YOU = "thank_you", "Thank-you"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    CALL = "call", "Call attempt"
    INTRODUCTIONS = "introductions", "Ask for introductions"
    REPLY = "reply", "Their reply"
    NOTE = "note", "Note"


class Channel(models.TextChoices):
    MAIL_APP = "mail_app", "My mail app"
    EML = "eml", "Email draft file"
    LINKEDIN = "linkedin", "LinkedIn message"
    SMTP = "smtp", "Sent by Coffeechat"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"
    OTHER = "other", "Other"


class Message(OwnedModel):
    """Anything said to or by a person: drafts until sent, then the person's timeline."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="messages")
    conversation = models.ForeignKey(
        "conversations.Conversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    kind = models.CharField(max_length=16, choices=MessageKind.choices, default=MessageKind.REQUEST)
    channel = models.CharField(max_length=16, choices=Channel.choices, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    attach_resume = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True, help_text="Empty while it is a draft.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        # "Was this conversation thanked, and when?" in one look-up, however many notes it has.
        indexes = [models.Index(fields=["conversation", "kind", "sent_at"], name="message_conversation_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:message", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.sent_at is None and self.kind not in (MessageKind.REPLY, MessageKind.NOTE)

    @property
    def happened_at(self):
        return self.sent_at or self.created_at


class MessageTemplate(OwnedModel):
    """A template the user saved; the built-in ones live in builtin_templates.py."""

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=MessageKind.choices, default=MessageKind.REQUEST)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
