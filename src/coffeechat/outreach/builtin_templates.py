"""The built-in message templates, written for Coffeechat.

Placeholders in {braces} are filled from what Coffeechat knows; what it cannot know stays
as a [bracketed prompt] for the user to replace, and the coach keeps pointing at it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltinTemplate:
    key: str
    name: str
    kind: str          # the Message kind it drafts
    subject: str
    body: str


_REQUEST_CLOSE = """Would you have {minutes} minutes for {medium_phrase} in the next couple of weeks? Any of these would suit me, and I am happy to work around your schedule:
{slots}

I am not asking about jobs — only hoping to learn from your experience.

Thank you for considering it,
{my_name}"""

BUILTIN_TEMPLATES = (
    BuiltinTemplate(
        "referred", "Referred by someone", "request", "{referrer_name} suggested I get in touch",
        """Dear {their_first_name},

{referrer_name} suggested I write to you. I'm {my_name}, {my_intro}, and I am trying to learn more about {goal}.

{referrer_name} mentioned {why_them}, and I would really value hearing how you see the field.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "alumni", "Shared school or alumni", "request", "{alumni_subject}",
        """Dear {their_first_name},

I'm {my_name}, {my_intro}. I found you through the {shared_school} alumni network, and your path caught my eye: {why_them}.

I am exploring {goal} and would be grateful for your advice on how you got where you are.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "event", "Met at an event or talk", "request", "Following up on {event_name}",
        """Dear {their_first_name},

{event_opening}, and {why_them} stayed with me. I'm {my_name}, {my_intro}.

I am trying to understand {goal} better, and I would love to hear a little more about your experience.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "association", "Found through an association or directory", "request", "A question from a fellow {association_name} member",
        """Dear {their_first_name},

I found your name through {association_name}. I'm {my_name}, {my_intro}.

Your work caught my attention — {why_them} — and I am hoping to learn how people build a career in {goal}.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "linkedin", "Cold, through LinkedIn", "request", "Learning from your experience at {organization}",
        """Dear {their_first_name},

I came across your profile on LinkedIn while reading about {goal}. I'm {my_name}, {my_intro}.

{why_them_sentence}

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "second_person", "A second person at the same organisation", "request", "Learning about {organization}",
        """Dear {their_first_name},

I'm {my_name}, {my_intro}. I am learning what working at {organization} is like; {connection}, and your role there stood out to me: {why_them}.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "follow_up", "The one follow-up after no answer", "follow_up", "Re: {last_subject}",
        """Dear {their_first_name},

I wrote last week about a short conversation and wanted to check in once, in case my note got buried. I'm {my_name}, {my_intro}; {connection}, and {why_them} is exactly what I hope to learn about.

If you could spare {minutes} minutes, any of these would work for me:
{slots}

I am not asking about jobs, only for your advice, and no worries at all if now is not a good moment.

Best wishes,
{my_name}""",
    ),
    BuiltinTemplate(
        "thank_you", "Thank-you after the conversation", "thank_you", "Thank you for your time",
        """Dear {their_first_name},

Thank you for taking the time to talk with me{conversation_day}. {what_helped}

{referrals_line}

I will let you know how things go.

With thanks,
{my_name}""",
    ),
    BuiltinTemplate(
        "keep_in_touch", "Keeping in touch", "keep_in_touch", "A quick update",
        """Dear {their_first_name},

I hope things are going well at {organization}. I wanted to share a quick update: {update}.

Thank you again for your help{conversation_day}.

All the best,
{my_name}""",
    ),
)

BY_KEY = {t.key: t for t in BUILTIN_TEMPLATES}
REQUEST_TEMPLATES = [t for t in BUILTIN_TEMPLATES if t.kind == "request"]
