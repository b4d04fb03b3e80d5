"""Answers that came by email ("could I send you three questions?"): stored under each question like live notes."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.conversations import services as conversations
from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.htmx import MAX_NOTE
from coffeechat.questions import plans
from coffeechat.questions.models import PlanItem


class AnswersForm(forms.Form):
    def __init__(self, *args, items: list[PlanItem], **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"answer_{item.pk}"] = forms.CharField(
                label=item.text, required=False, initial=item.note, max_length=MAX_NOTE,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def clean(self):
        data = super().clean()
        if not any(value.strip() for value in data.values() if isinstance(value, str)):
            raise forms.ValidationError("Paste at least one answer before saving.")
        return data


@login_required
@require_http_methods(["GET", "POST"])
def email_answers(request, pk):
    conversation = get_conversation_for_user(request, pk)
    items = list(conversation.plan_items.all())
    form = AnswersForm(request.POST if request.method == "POST" else None, items=items)
    if request.method == "POST" and items and form.is_valid():
        with transaction.atomic():
            for item in items:
                note = form.cleaned_data[f"answer_{item.pk}"].strip()
                plans.save_note(item, note=note, asked=bool(note))
            if conversation.state != conversation.State.HELD:
                conversations.end_call(conversation)  # their answers are the conversation: it counts as held
        messages.success(request, "Answers saved. Thank them within a day, as after a call.")
        return redirect("followups:conversation", pk=conversation.pk)
    return render(request, "questions/email_answers.html", {
        "conversation": conversation, "person": conversation.person, "form": form, "items": items,
    }, status=422 if form.is_bound else 200)
