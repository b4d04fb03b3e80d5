import smtplib
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.availability import parse_availability
from coffeechat.conversations.models import Conversation
from coffeechat.conversations.services import goals_to_offer, others_asked_at_organization
from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import LINKEDIN_NOTE_LIMIT, build_eml, mailto_url, send_smtp
from coffeechat.outreach import coaching
from coffeechat.outreach.access import get_message_for_user
from coffeechat.outreach.builtin_templates import BUILTIN_TEMPLATES
from coffeechat.outreach.drafting import (
    draft,
    draft_values,
    subject_suggestions,
    suggested_template,
)
from coffeechat.outreach.forms import ComposeForm, MarkSentForm
from coffeechat.outreach.models import Channel, Message, MessageKind, MessageTemplate
from coffeechat.outreach.services import ASKS_FOR_TIME, current_conversation, mark_sent, save_draft
from coffeechat.outreach.slots import propose_slots
from coffeechat.people.access import get_person_for_user
from coffeechat.people.models import Person


def _template_choices(user, kind: str) -> list[tuple[str, str]]:
    builtin = [(t.key, t.name) for t in BUILTIN_TEMPLATES if t.kind == kind]
    mine = [(f"mine-{t.pk}", f"Mine: {t.name}") for t in MessageTemplate.objects.for_user(user).filter(kind=kind)]
    return builtin + mine


def _apply_template(user, key: str, values: dict) -> tuple[str, str]:
    if key.startswith("mine-") and key[5:].isdigit():
        own = MessageTemplate.objects.for_user(user).filter(pk=int(key[5:])).first()
        if own is not None:
            return draft("", values, subject=own.subject, body=own.body)
    return draft(key, values)


def latest_goal(user) -> str:
    """What the user is exploring: the active goal of their most recent conversation that has one."""
    return Conversation.objects.for_user(user).filter(goal__state="active").order_by("-updated_at").values_list(
        "goal__title", flat=True).first() or ""


def _slots(user, minutes: int):
    return propose_slots(parse_availability(user.availability), now=timezone.now(), time_zone=user.time_zone, minutes=minutes)


@login_required
@require_http_methods(["GET", "POST"])
def compose(request, person_pk, kind=MessageKind.REQUEST):
    """Write a request (or follow-up, thank-you, keep-in-touch) to a person, prefilled from what we know."""
    person = get_person_for_user(request, person_pk)
    user = request.user
    conversation = current_conversation(user, person)
    minutes = conversation.minutes if conversation else user.meeting_minutes
    slots = _slots(user, minutes)
    last = person.messages.filter(kind=MessageKind.REQUEST, sent_at__isnull=False).order_by("-sent_at").first()
    # "Ask for an introduction" from a warm path: ?introduction=<the person I would like to meet>.
    introduce = Person.objects.for_user(user).select_related("organization").filter(
        pk=request.GET["introduction"]).exclude(pk=person.pk).first() if request.GET.get("introduction", "").isdigit() else None
    values = draft_values(user, person, conversation, slots, last_subject=last.subject if last else "", introduce=introduce)
    # "Ask about …" from the person page: one of the user's active goals, chosen before drafting.
    chosen_goal = (goals_to_offer(user).filter(pk=int(request.GET["goal"])).first()
                   if request.GET.get("goal", "").isdigit() else None)
    if chosen_goal is not None:
        values["goal"] = chosen_goal.title
    if kind == MessageKind.INTRODUCTIONS and not values["goal"]:
        values["goal"] = latest_goal(user)
    choices = _template_choices(user, kind)
    times_met = Conversation.objects.for_user(user).filter(person=person, state=Conversation.State.HELD).count()
    default_key = suggested_template(person, others_asked_at_organization(user, person), times_met) if kind == MessageKind.REQUEST else choices[0][0]
    if kind == MessageKind.INTRODUCTIONS:  # names in general, or an introduction to one person on a warm path
        default_key = "introduction" if introduce is not None else "introductions"
    template_key = request.GET.get("template") if request.GET.get("template") in dict(choices) else default_key
    has_resume = bool(user.resume)

    asks_for_time = kind in ASKS_FOR_TIME
    if request.method == "POST":
        form = ComposeForm(request.POST, user=user, goal_id=conversation.goal_id if conversation else None,
                           has_resume=has_resume, asks_for_time=asks_for_time)
        if form.is_valid():
            with transaction.atomic():
                message = save_draft(form, person=person, kind=kind, conversation=conversation)
                if form.cleaned_data["save_as_template"]:
                    MessageTemplate.objects.create(owner=user, name=form.cleaned_data["save_as_template"], kind=kind,
                                                   subject=message.subject, body=message.body)
            return redirect(message)
    else:
        subject, body = _apply_template(user, template_key, values)
        form = ComposeForm(initial={
            "subject": subject, "body": body, "goal": chosen_goal.pk if chosen_goal else conversation.goal_id if conversation else None,
            "minutes": minutes, "medium": conversation.medium if conversation else "video",
        }, user=user, goal_id=conversation.goal_id if conversation else None, has_resume=has_resume, asks_for_time=asks_for_time)
    context = {
        "form": form, "person": person, "kind": kind, "kind_label": MessageKind(kind).label,
        "template_choices": choices, "template_key": template_key, "slots": slots,
        "subjects": subject_suggestions(values),
        "coach": coaching.report_for_kind(user, person, kind, form["subject"].value() or "", form["body"].value() or "", conversation),
        "has_availability": bool(user.availability),
    }
    return render(request, "outreach/compose.html", context, status=422 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_draft(request, pk):
    message = get_message_for_user(request, pk)
    if not message.is_draft:
        messages.info(request, "This message was already sent; it stays as it was.")
        return redirect(message)
    conversation = message.conversation
    asks_for_time = message.kind in ASKS_FOR_TIME
    form = ComposeForm(request.POST or None, instance=message, user=request.user, goal_id=conversation.goal_id if conversation else None,
                       has_resume=bool(request.user.resume), asks_for_time=asks_for_time, initial={
        "goal": conversation.goal_id if conversation else None, "minutes": conversation.minutes if conversation else request.user.meeting_minutes,
        "medium": conversation.medium if conversation else "video",
    })
    if request.method == "POST" and form.is_valid():
        save_draft(form, person=message.person, kind=message.kind, conversation=conversation)
        return redirect(message)
    subject, body = form["subject"].value() or "", form["body"].value() or ""
    context = {"form": form, "person": message.person, "message": message, "kind": message.kind, "kind_label": message.get_kind_display(),
               "coach": coaching.report_for_kind(request.user, message.person, message.kind, subject, body, conversation),
               "prompts": coaching.prompts_left(subject, body)}
    return render(request, "outreach/compose.html", context, status=422 if form.is_bound else 200)


@login_required
@require_POST
def coach_fragment(request, person_pk):
    """The live coach: the composer posts its text here as the user types."""
    person = get_person_for_user(request, person_pk)
    kind = request.POST.get("coach_kind", MessageKind.REQUEST)
    message_pk = request.POST.get("coach_message", "")
    conversation = None
    if message_pk.isdigit():
        conversation = get_message_for_user(request, int(message_pk)).conversation
    report = coaching.report_for_kind(request.user, person, kind, request.POST.get("subject", ""), request.POST.get("body", ""), conversation)
    return render(request, "outreach/_coach.html", {"coach": report})


@login_required
def message_detail(request, pk):
    message = get_message_for_user(request, pk)
    person = message.person
    mail_account = MailAccount.objects.for_user(request.user).first()
    prompts = coaching.prompts_left(message.subject, message.body) if message.is_draft else []
    context = {
        "message": message, "person": person, "prompts": prompts,
        "mailto": mailto_url(person.emails[:1], message.subject, message.body) if person.emails and not prompts else None,
        "linkedin_limit": LINKEDIN_NOTE_LIMIT, "body_length": len(message.body), "mail_account": mail_account,
        "sent_form": MarkSentForm(), "can_smtp": bool(mail_account and person.emails),
    }
    return render(request, "outreach/message_detail.html", context)


def _resume_path(message: Message) -> Path | None:
    user = message.owner
    if message.attach_resume and user.resume:
        path = Path(user.resume.path)
        return path if path.exists() else None
    return None


def _refuse_with_prompts(request, message: Message):
    """A draft with a [bracketed prompt] left goes nowhere: say which and where, and open it to fix."""
    found = coaching.prompts_left(message.subject, message.body) if message.is_draft else []
    if not found:
        return None
    messages.error(request, coaching.refusal(found))
    return redirect("outreach:edit", pk=message.pk)


@login_required
def download_eml(request, pk):
    message = get_message_for_user(request, pk)
    if refused := _refuse_with_prompts(request, message):
        return refused
    user = request.user
    sender = f"{user.get_full_name()} <{user.email}>" if user.email and user.get_full_name() else user.email
    content = build_eml(sender=sender, to=message.person.emails[:1], subject=message.subject, body=message.body,
                        attachment=_resume_path(message))
    response = HttpResponse(content, content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="coffeechat-{message.kind}-{message.pk}.eml"'
    return response


@login_required
@require_POST
def send_now(request, pk):
    message = get_message_for_user(request, pk)
    if refused := _refuse_with_prompts(request, message):
        return refused
    account = MailAccount.objects.for_user(request.user).first()
    if not message.is_draft or account is None or not message.person.emails:
        messages.error(request, "This message cannot be sent from here: it needs a draft, a mail server in Settings and an email address.")
        return redirect(message)
    try:
        send_smtp(account, to=message.person.emails[:1], subject=message.subject, body=message.body, attachment=_resume_path(message))
    except (OSError, smtplib.SMTPException) as exc:
        messages.error(request, f"Your mail server refused or could not be reached ({exc}). Nothing was sent; the draft is kept.")
        return redirect(message)
    mark_sent(message, Channel.SMTP)
    messages.success(request, f"Sent to {message.person.emails[0]}.")
    return redirect(message)


@login_required
@require_POST
def mark_message_sent(request, pk):
    message = get_message_for_user(request, pk)
    if refused := _refuse_with_prompts(request, message):
        return refused
    form = MarkSentForm(request.POST)
    if message.is_draft and form.is_valid():
        mark_sent(message, form.cleaned_data["channel"])
        messages.success(request, "Marked as sent. Coffeechat will remind you if no answer comes.")
        if message.conversation:
            return redirect(message.conversation)
    return redirect(message)


@login_required
@require_http_methods(["GET", "POST"])
def delete_draft(request, pk):
    message = get_message_for_user(request, pk)
    if not message.is_draft:
        return redirect(message)
    if request.method == "POST":
        person = message.person
        message.delete()
        messages.success(request, "Draft deleted.")
        return redirect(person)
    return render(request, "outreach/message_confirm_delete.html", {"message": message})
