from django import forms

from coffeechat.insights.models import MAX_KEY_QUESTIONS, Goal
from coffeechat.text import fold


class GoalForm(forms.ModelForm):
    """A goal with its key questions, one field each (3 to 5 is the aim; blanks are dropped)."""

    class Meta:
        model = Goal
        fields = ("title", "kind", "hope_to_learn", "state")
        labels = {"title": "What I am exploring", "kind": "It is", "hope_to_learn": "What I hope to learn"}
        widgets = {"hope_to_learn": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        existing = list(self.instance.key_questions) if self.instance.pk else []
        for n in range(1, MAX_KEY_QUESTIONS + 1):
            self.fields[f"question_{n}"] = forms.CharField(
                required=False, max_length=500, label=f"Key question {n}",
                initial=existing[n - 1] if n <= len(existing) else "",
                help_text="The questions you most need answered; they become must-asks in each plan." if n == 1 else "",
            )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        key = fold(title)
        others = Goal.objects.for_user(self.owner).exclude(pk=self.instance.pk)
        if any(fold(g.title) == key for g in others):
            raise forms.ValidationError("You already have this goal.")
        return title

    def clean(self):
        data = super().clean()
        data["key_questions"] = [
            " ".join(data[f"question_{n}"].split()) for n in range(1, MAX_KEY_QUESTIONS + 1) if data.get(f"question_{n}", "").strip()
        ]
        return data

    def save(self, commit=True):
        goal = super().save(commit=False)
        goal.key_questions = self.cleaned_data["key_questions"]
        if goal.owner_id is None:
            goal.owner = self.owner
        if commit:
            goal.save()
        return goal
