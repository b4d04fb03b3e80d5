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
    email = forms.EmailField(required=False, label="Email (if they gave it)")
    linkedin_url = forms.URLField(required=False, max_length=500, label="LinkedIn profile (if known)", assume_scheme="https")
    may_use_name = forms.BooleanField(required=False, label="I may use their name")
    # After an offer to link: the person chosen, or "add someone new" all the same.
    link = forms.IntegerField(required=False, widget=forms.HiddenInput)
    add_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())
