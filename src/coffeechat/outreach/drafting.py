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
    "introduced_names": "[the people they suggested]",
    "connection": "[how you found them or who you have in common]",
    "event_opening": "We met at [the event or talk]",
    "what_helped": "[Name one thing they said that helped, and what you will do with it.]",
    "update": "[what you did with their advice, a step forward, or an article they may like]",
}


def fill(text: str, values: dict[str, str]) -> str:
    """{name} -> value; unknown or empty ones become a visible [prompt] to replace (or nothing, for optional lines)."""

    def replace(match):
        value = values.get(match.group(1), "")
        return value if value else PROMPTS.get(match.group(1), "")

    return re.sub(r"\n{3,}", "\n\n", PLACEHOLDER.sub(replace, text))


def is_student(user) -> bool:
    """Whether the user describes themselves as a current student (then they are no one's "fellow graduate")."""
    return bool(re.search(r"\bstudent\b|\bstudying\b|\bundergrad", f"{user.intro_line} {user.affiliation}", re.I))


def alumni_subject(user, school: str) -> str:
    school = school or PROMPTS["shared_school"]
    if is_student(user):
        return f"A {school} student asking for your advice"
    return f"A fellow {school} graduate asking for advice"


def why_them(person: Person) -> str:
    """Something specific about them that the record holds: their role and where they do it."""
    organization = person.organization.name if person.organization_id else ""
    if person.title and organization:
        article = "an" if person.title[:1].lower() in "aeiou" else "a"
        return f"your work as {article} {person.title} at {organization}"
    return ""


def connection(person: Person, school: str, referrer: str) -> str:
    """How the user found them, in a clause a follow-up can reuse."""
    if referrer:
        return f"{referrer} suggested I write to you"
    if school:
        return f"we both studied at {school}"
    if person.source == Source.SPEAKER and person.source_detail:
        return f"I heard your talk at {person.source_detail}"
    if person.source == Source.EVENT and person.source_detail:
        return f"we met at {person.source_detail}"
    if person.source == Source.ASSOCIATION and person.source_detail:
        return f"I found your name through {person.source_detail}"
    if person.source == Source.LINKEDIN or person.linkedin_url:
        return "I found your profile on LinkedIn"
    return ""


def connection_sentence(values: dict[str, str], ask: str = "get in touch") -> str:
    """How I found you, as a sentence of its own (a referrer is named with what they suggested)."""
    if values.get("referrer_name"):
        return f"{values['referrer_name']} suggested I {ask}."
    link = values.get("connection", "")
    if link:
        return f"{link[0].upper()}{link[1:]}."
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
    referrer = person.referred_by.display_name if person.referred_by_id and person.may_use_referrer_name else ""
    why = why_them(person)
    link = connection(person, school, referrer)
    values = {
        "their_first_name": person.first_name or person.display_name,
        "my_name": user.get_full_name() or "",
        "my_intro": user.intro_line,
        "goal": conversation.goal.title if conversation and conversation.goal else "",
        "referrer_name": referrer,
        "why_them": why,
        "why_them_sentence": f"{why[0].upper()}{why[1:]} is exactly the kind of path I hope to learn about." if why else "",
        "connection": link,
        "event_opening": (f"I heard your talk at {detail}" if person.source == Source.SPEAKER and detail else
                          f"We met at {detail}" if person.source == Source.EVENT and detail else ""),
        "alumni_subject": alumni_subject(user, school or (user.affiliation if person.source == Source.ALUMNI else "")),
        "shared_school": school or (user.affiliation if person.source == Source.ALUMNI else ""),
        "event_name": detail if person.source in (Source.SPEAKER, Source.EVENT) else "",
        "association_name": detail if person.source == Source.ASSOCIATION else "",
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
    if person.pk:
        introduced = [p.display_name for p in person.referrals.filter(source=Source.INTRODUCTION).order_by("pk")]
        values["introduced_names"] = " and ".join(filter(None, [", ".join(introduced[:-1]), introduced[-1] if introduced else ""]))
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
        "{alumni_subject}" if values.get("shared_school") else "",
        "Advice on getting into {goal}" if values.get("goal") else "",
    ]
    return [fill(option, values) for option in options if option]
