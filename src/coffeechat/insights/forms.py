from django import forms

from coffeechat.insights.models import MAX_KEY_QUESTIONS, Goal, Lead, validate_web_address
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


class RatingForm(forms.Form):
    motivation = forms.TypedChoiceField(coerce=int, label="Motivation", choices=[
        (3, "3 · I would love to work there"), (2, "2 · I would like to"), (1, "1 · maybe"), (0, "0 · not sure yet")])
    postings = forms.TypedChoiceField(coerce=int, label="Postings", choices=[
        (3, "3 · hiring in my field now"), (2, "2 · sometimes"), (1, "1 · not that I know")])


class PasteForm(forms.Form):
    names = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "Northwind Health\nCity of Halifax\nBlue Harbour Studio"}),
        label="Organisations, one a line", max_length=20_000,
        help_text="Organisations you already have are matched by name, never duplicated.",
    )

    def clean_names(self):
        names = [" ".join(line.split()) for line in self.cleaned_data["names"].splitlines()]
        names = [n for n in names if n]
        if not names:
            raise forms.ValidationError("Paste at least one organisation name.")
        if len(names) > 200:
            raise forms.ValidationError("Paste at most 200 names at a time.")
        if any(len(n) > 200 for n in names):
            raise forms.ValidationError("An organisation name is at most 200 characters.")
        return names


# One list for the quick capture: the resource sorts are chosen in the same tap as the kind.
WHAT_CHOICES = [
    (Lead.Kind.ORGANIZATION.value, "Organisation"),
    (Lead.Kind.CAREER.value, "Career or role"),
    ("Resource", [(f"resource:{value}", label if value != "other" else "Other resource")
                  for value, label in Lead.ResourceKind.choices]),
    (Lead.Kind.OPENING.value, "Opening or employer"),
]


def what_of(lead: Lead) -> str:
    return f"resource:{lead.resource_kind or Lead.ResourceKind.OTHER}" if lead.kind == Lead.Kind.RESOURCE else lead.kind


class LeadForm(forms.ModelForm):
    """A lead as typed during or after the call: what sort, its name; a link and a note if at hand."""

    what = forms.ChoiceField(choices=WHAT_CHOICES, label="Kind")
    url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="Link (optional)",
                         validators=[validate_web_address], widget=forms.URLInput(attrs={"placeholder": "https://…"}))

    class Meta:
        model = Lead
        fields = ("name", "url", "note")
        labels = {"name": "Name or title", "note": "Note (optional)"}
        widgets = {"name": forms.TextInput(attrs={"placeholder": "What they mentioned", "autocomplete": "off"}),
                   "note": forms.TextInput(attrs={"placeholder": "Why it matters, who runs it…"})}
        error_messages = {"name": {"required": "Say what they mentioned: a name or a title."}}

    def __init__(self, *args, resources_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["what", "name", "url", "note"])
        if resources_only:
            self.fields["what"].choices = WHAT_CHOICES[2][1]
            self.fields["name"].widget.attrs["placeholder"] = "e.g. a course, a journal, an association"
        if self.instance.pk and not self.is_bound:
            self.initial["what"] = what_of(self.instance)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        kind, _, resource_kind = data.get("what", "").partition(":")
        data["kind"], data["resource_kind"] = kind, resource_kind
        return data

    def save(self, commit=True):
        lead = super().save(commit=False)
        lead.kind, lead.resource_kind = self.cleaned_data["kind"], self.cleaned_data["resource_kind"]
        if commit:
            lead.save()
        return lead
