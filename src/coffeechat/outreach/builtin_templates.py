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
        "linkedin_note", "LinkedIn connection note (under 300 characters)", "request", "",
        """Hi {their_first_name},

I'm {my_name}, {my_intro}. {connection_sentence} I'm exploring {goal} — could I ask about your path in a {minutes}-minute call? Not a job request; your advice would mean a lot. Thank you!""",
    ),
    BuiltinTemplate(
        "email_questions", "Three questions by email, for someone short of time", "request", "Three short questions about {goal}",
        """Dear {their_first_name},

I'm {my_name}, {my_intro}. {connection_sentence} {why_them_sentence}

I am exploring {goal}, and I know your diary is full. Would you have 15 minutes for a short call? Any of these would suit me:
{slots}

If calls are hard to fit in, could I instead send you three short questions by email, to answer whenever suits you? I am not asking about jobs — only hoping to learn from your experience.

Thank you for considering it,
{my_name}""",
    ),
    BuiltinTemplate(
        "mentor", "Asking someone you have met more than once to mentor you", "request", "Would you be open to the occasional check-in?",
        """Dear {their_first_name},

Our conversations have shaped how I think about {goal}, and I have acted on your advice since we last spoke.

Would you be open to a {minutes}-minute check-in every couple of months, so I can tell you how things are going and ask for your view on my next steps? I am not asking for a job or an introduction — only for the occasional conversation, and it is completely fine to say no.

Any of these would suit me for a first one:
{slots}

With thanks,
{my_name}""",
    ),
    BuiltinTemplate(
        "second_person", "A second person at the same organisation", "request", "Learning about {organization}",
        """Dear {their_first_name},

I'm {my_name}, {my_intro}. I am learning what working at {organization} is like; {connection}, and your role there stood out to me: {why_them}.

""" + _REQUEST_CLOSE,
    ),
    BuiltinTemplate(
        "introduction", "Ask someone you know for an introduction", "introductions", "Could you introduce me to {introduce_name}?",
        """Dear {their_first_name},

I hope you are well. I am still exploring {goal}, and I would love to hear from {introduce_name} at {introduce_organization} about their path.

Would you be comfortable introducing us by email? A line or two is plenty, and I will take it from there. If you would rather not, I completely understand.

I am not looking for a job through them — only hoping to learn from their experience.

Thank you,
{my_name}""",
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
        "introductions", "Ask someone you know for names", "introductions", "A small favour: do you know anyone in {goal}?",
        """Hi {their_first_name},

I hope all is well with you. I'm exploring {goal} and trying to talk with a few people who do that work, to learn what it is really like before I choose my next step — I'm not asking anyone for a job.

Do you know anyone in that field who might have 20 minutes to talk with me? If so, would you be comfortable introducing us, or letting me mention your name when I write to them?

Even one name would help a great deal. Thank you!

{my_name}""",
    ),
    BuiltinTemplate(
        "thank_introducer", "Thanks for the names", "thank_you", "Thank you for the introductions",
        """Hi {their_first_name},

Thank you so much for suggesting I talk to {introduced_names} — your suggestion was exactly what I needed, and it was generous of you to think of me. I'm writing to them this week, and I'll let you know how the conversations go.

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
