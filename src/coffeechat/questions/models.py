from django.db import models

from coffeechat.ownership import OwnedModel

CATEGORY_CHOICES = [
    ("background", "Background"), ("day_to_day", "Day to day"), ("rewards", "Rewards"),
    ("challenges", "Challenges"), ("compensation", "Compensation"), ("trends", "Trends"),
    ("advice", "Advice"), ("hiring", "Hiring"), ("culture", "Culture"), ("resources", "Resources"),
    ("referrals", "Referrals"), ("other", "Other"),
]
SCOPE_CHOICES = [("industry", "The industry"), ("company", "The company"), ("role", "The role"), ("path", "Their path")]


class UserQuestion(OwnedModel):
    """A question of the user's own, or their edit of a built-in one (bank_key set)."""

    text = models.CharField(max_length=500)
    category = models.CharField(max_length=16, choices=CATEGORY_CHOICES, default="other")
    scope = models.CharField(max_length=16, choices=SCOPE_CHOICES, default="role")
    bank_key = models.CharField(max_length=80, blank=True, help_text="The built-in question this replaces.")
    hidden = models.BooleanField(default=False, help_text="Hide this built-in question from the bank.")

    class Meta:
        ordering = ["category", "pk"]

    def __str__(self) -> str:
        return self.text


class PlanItem(OwnedModel):
    """One question in a conversation's plan, with what was noted under it during the call."""

    conversation = models.ForeignKey("conversations.Conversation", on_delete=models.CASCADE, related_name="plan_items")
    text = models.CharField(max_length=500)
    category = models.CharField(max_length=16, choices=CATEGORY_CHOICES, default="other")
    bank_key = models.CharField(max_length=80, blank=True)
    position = models.PositiveIntegerField(default=0)
    must_ask = models.BooleanField(default=False)
    asked = models.BooleanField(default=False)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text
