from django import forms

from coffeechat.conversations.models import Conversation


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
    may_use_name = forms.BooleanField(required=False, label="I may use their name")
