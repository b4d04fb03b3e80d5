from django import forms

from coffeechat.questions.models import CATEGORY_CHOICES


class QuestionForm(forms.Form):
    """A question typed into a conversation's plan (the plan page and the API)."""

    text = forms.CharField(max_length=500, label="Question", widget=forms.TextInput(attrs={"autocomplete": "off"}))
    category = forms.ChoiceField(choices=[("", "Let Coffeechat decide")] + CATEGORY_CHOICES, required=False)
