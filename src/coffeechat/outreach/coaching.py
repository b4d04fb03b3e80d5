"""The outreach coach, given what Coffeechat knows so its suggested fixes use real names."""

from coffeechat.outreach.coach import CoachContext, EmailReport, check_email, check_thanks
from coffeechat.outreach.models import Message, MessageKind
from coffeechat.people.models import Person


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


def report_for(user, person: Person, subject: str, body: str) -> EmailReport:
    text = (f"Subject: {subject}\n" if subject.strip() else "") + body
    return check_email(text, context_for(user, person))


def report_for_message(user, message: Message, subject: str, body: str) -> EmailReport:
    """The thank-you coach for a thank-you note (against that conversation's private notes and the names it
    gave), the outreach coach for anything else."""
    if message.kind != MessageKind.THANK_YOU:
        return report_for(user, message.person, subject, body)
    conversation, notes, referrals = message.conversation, "", []
    if conversation is not None:
        notes = "\n".join([conversation.notes, *(item.note for item in conversation.plan_items.all())])
        referrals = [person.display_name for person in conversation.referrals.all()]
    text = (f"Subject: {subject}\n" if subject.strip() else "") + body
    return check_thanks(text, notes=notes, referrals=referrals)
