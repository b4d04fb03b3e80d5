from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.conversations.access import get_conversation_for_user
from coffeechat.questions import plans
from coffeechat.questions.access import get_plan_item_for_user, get_user_question_for_user
from coffeechat.questions.bank import PRESETS, by_key
from coffeechat.questions.bankview import bank_for, entry
from coffeechat.questions.forms import QuestionForm
from coffeechat.questions.models import CATEGORY_CHOICES, SCOPE_CHOICES, UserQuestion
from coffeechat.text import fold


def _plan_context(request, conversation, **extra):
    category = request.GET.get("category", "") if request.GET.get("category") in dict(CATEGORY_CHOICES) else ""
    plan, question_reports, plan_report = plans.report(conversation)
    in_plan = {i.bank_key for i in plan if i.bank_key}
    return {
        "goal_questions": _goal_questions(conversation, plan),
        "conversation": conversation, "person": conversation.person, "rows": list(zip(plan, question_reports, strict=True)),
        "plan_report": plan_report, "bank": [e for e in bank_for(request.user, category) if e.bank_key not in in_plan],
        "category": category, "categories": CATEGORY_CHOICES, "presets": PRESETS, "form": QuestionForm(), **extra,
    }


def _goal_questions(conversation, plan) -> list[tuple[int, str]]:
    """The conversation goal's key questions not yet in the plan, with their position in the goal."""
    if conversation.goal is None:
        return []
    planned = {fold(item.text) for item in plan}
    return [(n, q) for n, q in enumerate(conversation.goal.key_questions) if fold(q) not in planned]


def _plan_response(request, conversation, status=200, **extra):
    template = "questions/_plan.html" if request.headers.get("HX-Request") else "questions/plan.html"
    return render(request, template, _plan_context(request, conversation, **extra), status=status)


@login_required
def plan_editor(request, pk):
    return _plan_response(request, get_conversation_for_user(request, pk))


@login_required
@require_POST
def plan_add(request, pk):
    conversation = get_conversation_for_user(request, pk)
    ref = request.POST.get("ref", "")
    key_question = request.POST.get("key_question", "")
    if key_question:
        questions = conversation.goal.key_questions if conversation.goal else []
        if not key_question.isdigit() or int(key_question) >= len(questions):
            raise Http404("No such key question in this conversation's goal.")
        plans.add_item(conversation, questions[int(key_question)], must_ask=True)
    elif ref:
        found = entry(request.user, ref)
        if found is None:
            raise Http404("No such question in your bank.")
        plans.add_item(conversation, found.text, category=found.category, bank_key=found.bank_key)
    else:
        form = QuestionForm(request.POST)
        if not form.is_valid():
            context_form = {"form": form}
            return _plan_response(request, conversation, status=422, **context_form)
        plans.add_item(conversation, form.cleaned_data["text"], category=form.cleaned_data["category"])
    return _plan_response(request, conversation) if request.headers.get("HX-Request") else redirect("questions:plan", pk=pk)


@login_required
@require_POST
def plan_preset(request, pk):
    conversation = get_conversation_for_user(request, pk)
    key = request.POST.get("preset", "")
    if key not in plans.PRESETS_BY_KEY:
        raise Http404("No such preset.")
    added = plans.apply_preset(conversation, key, replace=request.POST.get("replace") == "1")
    messages.success(request, f"Added {added} question{'s' if added != 1 else ''} from “{plans.PRESETS_BY_KEY[key].name}”.")
    return redirect("questions:plan", pk=pk)


@login_required
@require_POST
def plan_item(request, pk):
    """One action on one plan question: must-ask on/off, up, down or remove."""
    item = get_plan_item_for_user(request, pk)
    conversation = item.conversation
    action = request.POST.get("action")
    if action == "must_ask":
        item.must_ask = not item.must_ask
        item.save(update_fields=["must_ask", "updated_at"])
    elif action in ("up", "down"):
        plans.move(item, -1 if action == "up" else 1)
    elif action == "remove":
        item.delete()
    else:
        return _plan_response(request, conversation, status=422)
    if request.headers.get("HX-Request"):
        return _plan_response(request, conversation)
    return redirect("questions:plan", pk=conversation.pk)


class BankQuestionForm(forms.ModelForm):
    class Meta:
        model = UserQuestion
        fields = ("text", "category", "scope")


@login_required
@require_http_methods(["GET", "POST"])
def bank(request):
    form = BankQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = form.save(commit=False)
        question.owner = request.user
        question.save()
        messages.success(request, "Added to your bank.")
        return redirect("questions:bank")
    category = request.GET.get("category", "") if request.GET.get("category") in dict(CATEGORY_CHOICES) else ""
    entries = bank_for(request.user, category)
    return render(request, "questions/bank.html", {"form": form, "entries": entries, "category": category,
                                                   "categories": CATEGORY_CHOICES, "scopes": dict(SCOPE_CHOICES)},
                  status=422 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def bank_edit(request, ref):
    """Edit a question: the user's own in place; a built-in one through an override of the user's."""
    kind, _, ident = ref.partition(":")
    if kind == "u" and ident.isdigit():
        question = get_user_question_for_user(request, int(ident))
    elif kind == "b":
        try:
            builtin = by_key(ident)
        except KeyError:
            raise Http404("No such question.") from None
        question = UserQuestion.objects.for_user(request.user).filter(bank_key=ident).first() or UserQuestion(
            owner=request.user, bank_key=ident, text=builtin.text, category=builtin.category, scope=builtin.scope)
    else:
        raise Http404("No such question.")
    form = BankQuestionForm(request.POST or None, instance=question)
    if request.method == "POST":
        if request.POST.get("remove"):
            if question.bank_key:
                question.hidden = True
                question.save()
            elif question.pk:
                question.delete()
            messages.success(request, "Removed from your bank.")
            return redirect("questions:bank")
        if form.is_valid():
            form.save()
            messages.success(request, "Saved.")
            return redirect("questions:bank")
    return render(request, "questions/bank_edit.html", {"form": form, "question": question, "ref": ref},
                  status=422 if form.is_bound and not form.is_valid() else 200)
