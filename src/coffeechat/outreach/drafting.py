"""Filling a template from what Coffeechat knows about the user, the person and the conversation."""

import re
from datetime import datetime

from coffeechat.conversations.models import Conversation, Medium
from coffeechat.outreach.builtin_templates import BY_KEY
from coffeechat.people.models import Person, Source
from coffeechat.timezones import describe_slot

PLACEHOLDER = re.compile(r"\{(\w+)\}")
MEDIUM_PHRASES = {
    Medium.PHONE: "a short phone call",
    Medium.VIDEO: "a short video call",
    Medium.IN_PERSON: "a coffee near your office",
}
PROMPTS = {
    "my_intro": "[who you are and what you do, in one line]",
    "goal": "[the field or role you are exploring]",
    "why_them": "[something specific about their work or path]",
    "why_them_sentence": "[One sentence on what drew you to them specifically — an article, a project, their path.]",
    "referrer_name": "[who suggested you write]",
    "shared_school": "[your shared school]",
    "event_name": "[the event or talk]",
    "association_name": "[the association or directory]",
    "organization": "[their organisation]",
    "slots": "- [two or three concrete times that suit you]",
    "their_first_name": "[their first name]",
    "introduce_name": "[who you would like to meet]",
    "introduce_organization": "[their organisation]",
    "my_name": "[your name]",
}


def fill(text: str, values: dict[str, str]) -> str:
    """{name} -> value; unknown or empty ones become a visible [prompt] to replace."""

    def replace(match):
        value = values.get(match.group(1), "")
        return value if value else PROMPTS.get(match.group(1), "")

    return PLACEHOLDER.sub(replace, text)


def connection_sentence(values: dict[str, str], ask: str = "get in touch") -> str:
    """How I found you, in one sentence, from the strongest link the record has."""
    if values.get("referrer_name"):
        return f"{values['referrer_name']} suggested I {ask}."
    if values.get("event_name"):
        return f"We met at {values['event_name']}."
    if values.get("shared_school"):
        return f"I found you through the {values['shared_school']} alumni network."
    if values.get("association_name"):
        return f"I found your name through {values['association_name']}."
    if values.get("found_on_linkedin"):
        return "I came across your profile on LinkedIn."
    return "[How you found them: who suggested them, where you met, or where you saw their work.]"


def suggested_template(person: Person, others_asked_at_org: bool = False, times_met: int = 0) -> str:
    """The built-in template that fits how the user found this person (or how often you have met)."""
    if times_met >= 2:
        return "mentor"
    if person.referred_by_id and person.may_use_referrer_name:
        return "referred"
    if others_asked_at_org:
        return "second_person"
    if person.source in (Source.SPEAKER, Source.EVENT):
        return "event"
    if person.source == Source.ASSOCIATION:
        return "association"
    if person.source == Source.ALUMNI or any(c.get("kind") == "school" for c in person.commonalities):
        return "alumni"
    return "linkedin"


def draft_values(user, person: Person, conversation: Conversation | None, slots: list[datetime], last_subject: str = "",
                 introduce: Person | None = None) -> dict[str, str]:
    school = next((c["detail"] for c in person.commonalities if c.get("kind") == "school"), "")
    minutes = conversation.minutes if conversation else user.meeting_minutes
    medium = conversation.medium if conversation else Medium.VIDEO
    detail = person.source_detail
    values = {
        "their_first_name": person.first_name or person.display_name,
        "my_name": user.get_full_name() or "",
        "my_intro": user.intro_line,
        "goal": conversation.goal.title if conversation and conversation.goal else "",
        "referrer_name": person.referred_by.display_name if person.referred_by_id and person.may_use_referrer_name else "",
        "shared_school": school or (user.affiliation if person.source == Source.ALUMNI else ""),
        "event_name": detail if person.source in (Source.SPEAKER, Source.EVENT) else "",
        "association_name": detail if person.source == Source.ASSOCIATION else "",
        "found_on_linkedin": "yes" if person.source == Source.LINKEDIN else "",
        "organization": person.organization.name if person.organization_id else "",
        "minutes": str(minutes),
        "medium_phrase": MEDIUM_PHRASES.get(medium, "a short call"),
        "slots": "\n".join(f"- {describe_slot(s, person.time_zone)}" for s in slots),
        "last_subject": last_subject,
        "conversation_day": "",
        "introduce_name": introduce.display_name if introduce else "",
        "introduce_organization": introduce.organization.name if introduce and introduce.organization_id else "",
    }
    values["connection_sentence"] = connection_sentence(values)
    return values


def draft(template_key: str, values: dict[str, str], *, subject: str = "", body: str = "") -> tuple[str, str]:
    """Subject and body from a built-in template key, or from a user template's text."""
    if template_key in BY_KEY:
        subject, body = BY_KEY[template_key].subject, BY_KEY[template_key].body
    return fill(subject, values), fill(body, values)


def subject_suggestions(values: dict[str, str]) -> list[str]:
    options = [
        "Request for a {minutes}-minute conversation",
        "Learning about your work at {organization}" if values.get("organization") else "",
        "{referrer_name} suggested I get in touch" if values.get("referrer_name") else "",
        "A fellow {shared_school} graduate asking for advice" if values.get("shared_school") else "",
        "Advice on getting into {goal}" if values.get("goal") else "",
    ]
    return [fill(option, values) for option in options if option]
