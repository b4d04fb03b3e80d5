"""The coaches as the outreach pages use them: which coach a message gets, and what still blocks sending."""

from dataclasses import dataclass, field

from coffeechat.outreach.coach import CoachContext, EmailReport, check_email, check_thanks
from coffeechat.outreach.models import MessageKind
from coffeechat.people.models import Person

# Texts that ask for a conversation get the outreach coach; the others have no request to judge.
REQUEST_KINDS = (MessageKind.REQUEST, MessageKind.FOLLOW_UP)


def context_for(user, person: Person) -> CoachContext:
    school = next((c["detail"] for c in person.commonalities if c.get("kind") == "school"), "")
    commonality = f"we both studied at {school}" if school else ""
    return CoachContext(
        sender_name=user.get_full_name(),
        sender_line=user.intro_line,
        recipient_name=person.first_name or person.display_name,
        organization=person.organization.name if person.organization_id else "",
        referrer_name=person.referred_by.display_name if person.referred_by_id and person.may_use_referrer_name else "",
        commonality=commonality,
        minutes=min(user.meeting_minutes, 30),
    )


def _as_text(subject: str, body: str) -> str:
    return (f"Subject: {subject}\n" if subject.strip() else "") + body


def report_for(user, person: Person, subject: str, body: str) -> EmailReport:
    return check_email(_as_text(subject, body), context_for(user, person))


@dataclass
class PromptReport:
    """What the coach panel shows for a text that asks for nothing: only the prompts left in it."""

    word_count: int
    placeholders: list[str]
    checks: dict[str, bool] = field(default_factory=dict)
    findings: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.placeholders


def _prompts_only(text: str) -> PromptReport:
    """The email coach's placeholder check alone: a text that asks for nothing is judged on its prompts."""
    report = check_email(text)
    return PromptReport(word_count=report.word_count, placeholders=list(report.placeholders))


def thanks_report(subject: str, body: str, *, notes: list[str], referrals: list[str]):
    """The thank-you coach, checking the draft against the private notes and the referrals given."""
    return check_thanks(_as_text(subject, body), notes="\n".join(notes), referrals=referrals)


def report_for_kind(user, person: Person, kind: str, subject: str, body: str, conversation=None):
    """The coach that fits what the message is: a request, a thank-you, or an update."""
    if kind in REQUEST_KINDS:
        return report_for(user, person, subject, body)
    if kind == MessageKind.THANK_YOU:
        notes, referrals = private_notes(conversation), referral_names(conversation)
        return thanks_report(subject, body, notes=notes, referrals=referrals)
    return _prompts_only(_as_text(subject, body))


def private_notes(conversation) -> list[str]:
    """What the user wrote during the call, line by line: never to be pasted into what they send."""
    if conversation is None:
        return []
    lines = [line.strip(" -•\t") for line in conversation.notes.splitlines()]
    lines += [item.note.strip() for item in conversation.plan_items.all() if item.note.strip()]
    return [line for line in lines if line]


def referral_names(conversation) -> list[str]:
    return [] if conversation is None else [p.display_name for p in conversation.referrals.all()]


@dataclass(frozen=True)
class PromptLeft:
    prompt: str      # "[something specific about their work or path]"
    where: str       # "the subject" or "line 5 of the text"


def prompts_left(subject: str, body: str) -> list[PromptLeft]:
    """Every [bracketed prompt] still in a message, and where it is, so the user can find it."""
    found = []
    for prompt in dict.fromkeys(_prompts_only(_as_text(subject, body)).placeholders):
        if prompt in subject:
            found.append(PromptLeft(prompt, "the subject"))
        found += [PromptLeft(prompt, f"line {number} of the text")
                  for number, line in enumerate(body.splitlines(), 1) if prompt in line]
    return found


def refusal(found: list[PromptLeft]) -> str:
    """Why a message with prompts left cannot go out, naming each prompt and where it is."""
    listed = "; ".join(f"“{p.prompt}” in {p.where}" for p in found)
    return f"Not sent: replace the bracketed prompt{'s' if len(found) > 1 else ''} with your own words first — {listed}."
