from django import forms

from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import goal_named, goals_to_offer


class ReplyForm(forms.Form):
    OUTCOMES = [
        ("", "Just a note"),
        (Conversation.State.ACCEPTED, "They said yes"),
        (Conversation.State.DECLINED, "They said no"),
    ]
    outcome = forms.ChoiceField(choices=OUTCOMES, required=False, label="Their answer")
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="What they said", max_length=10_000)


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=Conversation.State.choices)


class ReferralForm(forms.Form):
    name = forms.CharField(max_length=300, label="Name")
    organization = forms.CharField(max_length=200, required=False, label="Organisation")
    email = forms.EmailField(required=False, label="Email (if they gave it)")
    linkedin_url = forms.URLField(required=False, max_length=500, label="LinkedIn profile (if known)", assume_scheme="https")
    may_use_name = forms.BooleanField(required=False, label="I may use their name")
    # After an offer to link: the person chosen, or "add someone new" all the same.
    link = forms.IntegerField(required=False, widget=forms.HiddenInput)
    add_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class GoalFields(forms.Form):
    """The goal of a conversation: one of the active goals, or a new one typed in place."""

    goal = forms.ModelChoiceField(queryset=None, required=False, label="Goal", empty_label="— no goal yet —",
                                  help_text="What this conversation is for.")
    new_goal = forms.CharField(required=False, max_length=300, label="…or a new goal",
                               help_text="Type a field, role or job title to add it to your goals.")

    def setup_goals(self, user, current_id: int | None = None) -> None:
        self.user = user
        self.fields["goal"].queryset = goals_to_offer(user, current_id)

    def chosen_goal(self):
        """The goal to store: the new one when typed (created if needed), else the one picked."""
        if self.cleaned_data.get("new_goal", "").strip():
            return goal_named(self.user, self.cleaned_data["new_goal"])
        return self.cleaned_data.get("goal")
