"""A sample account of a student mid-search, so every page has something to show.

Everything here is invented for Coffeechat. It only ever writes to the sample account it
names, and refuses to reset an account it did not make (its email ends with DEMO_DOMAIN).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import User
from coffeechat.conversations.models import Conversation
from coffeechat.followups.services import log_touch
from coffeechat.insights.models import Goal, Lead
from coffeechat.outreach.models import Message
from coffeechat.people.models import Organization, Person
from coffeechat.questions.models import PlanItem

DEMO_DOMAIN = "sample.coffeechat.invalid"

GOALS = [
    ("UX research in health care", "field", "Whether research on clinical tools suits someone from psychology, and how people got in.",
     ["What does a study look like from the first question to the report?", "Which skills from a psychology degree carry over?",
      "What do you wish you had learned before your first research job?", "Who else should I talk to?"]),
    ("Data journalism", "role", "What a newsroom data desk does day to day, and whether it pays enough to live on.",
     ["How do you find the stories in a data set?", "What does a normal week look like?", "How did you get your first byline?"]),
]
# name, motivation, postings
TARGETS = [
    ("Northwind Health", 3, 3), ("Harbourview Hospital", 3, 2), ("Lumen Labs", 2, 3), ("City Desk Daily", 3, 1),
    ("Maple Clinic Network", 2, 2), ("Open Ledger Newsroom", 2, 1), ("Brightside Insurance", 1, 3), ("Tidewater University", 1, 2),
    ("Quill Data Studio", 0, 2), ("Provincial Health Agency", 2, 2),
]
SOURCES = ["friend", "relative", "professor", "classmate", "coworker", "supervisor", "neighbour", "alumni", "linkedin",
           "association", "company_website", "speaker", "event", "social_media"]
FIRST = ["Amara", "Bruno", "Chiara", "Dev", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonah", "Kalani", "Lucía", "Mateo", "Nadia",
         "Oren", "Priya", "Quentin", "Rosa", "Sami", "Tove", "Ulla", "Viktor", "Wren", "Ximena", "Yusuf", "Zofia", "Aurélie", "Bashir",
         "Carmen", "Dmitri", "Esme", "Fionn", "Gaby", "Hamid", "Isla", "Joaquín", "Keiko", "Leif", "Mireille", "Niamh"]
LAST = ["Okafor", "Lindqvist", "Marchetti", "Raman", "Yilmaz", "Haddad", "Sørensen", "Tanaka", "Ferreira", "Abrams", "Kealoha", "Ortega",
        "Silva", "Petrov", "Ben-Ami", "Nair", "Dubois", "Castillo", "Mwangi", "Berg", "Aalto", "Novak", "Fairweather", "Reyes", "Demir",
        "Kowalska", "Gagnon", "Rahimi", "Vidal", "Orlov", "Whitlock", "Byrne", "Moreau", "Karimi", "MacLeod", "Herrera", "Sato", "Eriksen",
        "Tremblay", "Quinn"]
TITLES = ["UX researcher", "Senior UX researcher", "Research operations lead", "Data reporter", "Graphics editor", "Product designer",
          "Clinical informatics nurse", "Data editor", "Service designer", "Health data analyst"]
# Which state each of the first people's conversations is in (people after these have none yet).
STATES = ["held", "held", "held", "held", "held", "held", "scheduled", "scheduled", "accepted", "accepted", "requested", "requested",
          "requested", "requested", "declined", "declined", "no_answer", "no_answer", "cancelled", "missed", "draft", "draft",
          "requested", "held", "requested", "no_answer"]
NOTES = {
    "rewards": ["Seeing a nurse's workaround turn into a real feature", "Stories that change a policy", "Every project teaches a new corner of the hospital"],
    "challenges": ["Recruiting clinicians for studies takes weeks", "Deadlines squeeze the checking", "Findings are easy to ignore without a champion"],
    "compensation": ["Public sector pays less but the hours are humane", "Newsroom pay is modest; freelancing fills gaps"],
    "trends": ["More teams want research ops", "AI tools speed up cleaning, not judgement"],
    "advice": ["Run a small study on your own and write it up", "Learn spreadsheets deeply before learning to code", "Volunteer for a hospital's patient council"],
    "day_to_day": ["Half interviews, half synthesis", "Morning meeting, then digging in a data set until deadline"],
}
# What the first conversations led to: (held conversation, kind, resource kind, name, target index or None, saved to its goal).
LEADS = [
    (0, "organization", "", "Harbourview Hospital", 1, False), (0, "resource", "association", "Health Design Network", None, True),
    (0, "career", "", "Research operations", None, False), (1, "opening", "", "Open Ledger Newsroom", 5, False),
    (1, "resource", "publication", "The Data Desk Weekly", None, True), (1, "organization", "", "Coastal Data Collective", None, False),
    (2, "resource", "course", "Evening course in survey design", None, False),
]
REFLECTIONS = [
    ("Research in a hospital is slower than in tech, and that suits me.", "Strong fit: I liked every part she described."),
    ("A data desk is mostly cleaning and checking.", "Maybe: I love the checking, not the deadlines."),
    ("Research ops is a job of its own.", "Worth a second conversation."),
]


def source_of(n: int) -> str:
    """Alumni, LinkedIn and friends are most of a real list (enough for a reply rate); the rest vary."""
    return ("alumni", "linkedin", "friend")[n % 3] if n < 18 else SOURCES[n % len(SOURCES)]


def is_sample(user: User) -> bool:
    return user.email.endswith("@" + DEMO_DOMAIN)


class NotASample(ValueError):
    pass


@transaction.atomic
def make_demo(username: str = "demo") -> User:
    """Create (or re-create) the sample account USERNAME; refuses to touch an account it did not make."""
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        if not is_sample(existing):
            raise NotASample(f"{username!r} is a real account, not a sample one; pick another name with --user.")
        existing.delete()  # every private row is the owner's and goes with it
    user = User.objects.create(username=username, email=f"{username}@{DEMO_DOMAIN}", first_name="Sam", last_name="Rivera",
                               intro_line="a final-year psychology student at Tidewater University", affiliation="Tidewater University",
                               time_zone="America/Halifax")
    user.set_unusable_password()
    user.save()
    now = timezone.now()
    goals = [Goal.objects.create(owner=user, title=t, kind=k, hope_to_learn=h, key_questions=q) for t, k, h, q in GOALS]
    Goal.objects.create(owner=user, title="Museum education", kind="field", state="paused", key_questions=[])
    orgs = [Organization.objects.create(owner=user, name=n, is_target=True, motivation=m, postings=p, industry="Health" if i % 2 == 0 else "Media")
            for i, (n, m, p) in enumerate(TARGETS)]
    people = []
    for n in range(40):
        org = orgs[n % len(orgs)] if n % 7 != 6 else None
        people.append(Person.objects.create(
            owner=user, first_name=FIRST[n], last_name=LAST[n], emails=[f"{FIRST[n].lower()}.{n}@example.org"],
            organization=org, title=TITLES[n % len(TITLES)], source=source_of(n),
            source_detail="Met at the spring alumni evening" if source_of(n) == "event" else "",
            keep_in_touch_days=120 if n % 5 == 0 else None,
        ))
    conversations = []
    for n, state in enumerate(STATES):
        days_ago = 70 - n * 2
        c = Conversation.objects.create(
            owner=user, person=people[n], goal=goals[n % 2], state=state, minutes=30,
            requested_at=None if state == "draft" else now - timedelta(days=days_ago),
            answered_at=now - timedelta(days=days_ago - 2) if state in ("held", "scheduled", "accepted", "declined", "cancelled", "missed") else None,
            scheduled_start=now - timedelta(days=days_ago - 8) if state in ("held", "cancelled", "missed") else now + timedelta(days=3 + n) if state == "scheduled" else None,
            time_zone="America/Halifax",
        )
        conversations.append(c)
        if state != "draft":
            Message.objects.create(owner=user, person=people[n], conversation=c, kind="request", channel="mail_app" if n % 3 else "linkedin",
                                   subject="Learning from your experience", body=f"Dear {people[n].first_name}, could you spare 20 minutes?",
                                   sent_at=c.requested_at)
    held = [c for c in conversations if c.state == "held"]
    categories, said = list(NOTES), 0
    for k, c in enumerate(held):
        c.ended_at = c.scheduled_start + timedelta(minutes=30)
        c.notes = "Warm, generous with time. Suggested two names."
        c.learned, c.fit = REFLECTIONS[k % len(REFLECTIONS)]
        c.reflected_at = c.ended_at + timedelta(hours=5)
        c.may_contact_again = True
        c.save()
        for pos, question in enumerate(c.goal.key_questions[:3], 1):
            category = categories[said % len(categories)]
            PlanItem.objects.create(owner=user, conversation=c, text=question, category=category, position=pos, must_ask=True, asked=True,
                                    note=NOTES[category][(said // len(categories)) % len(NOTES[category])])
            said += 1
        if k < 5:  # the last one is still owed a thank-you
            Message.objects.create(owner=user, person=c.person, conversation=c, kind="thank_you", channel="mail_app",
                                   subject="Thank you for your time", body="Thank you for talking with me.", sent_at=c.ended_at + timedelta(hours=20))
    # Referrals two levels deep: two held conversations led to new people, and one of those to another.
    later = people[30:]
    chain = [(held[0], later[0]), (held[0], later[1]), (held[1], later[2]), (held[2], later[3])]
    for c, person in chain:
        person.referred_by, person.referral_conversation, person.may_use_referrer_name = c.person, c, True
        person.source = "referral"
        person.save()
    second = Conversation.objects.create(owner=user, person=later[0], goal=goals[0], state="held", requested_at=now - timedelta(days=12),
                                         answered_at=now - timedelta(days=11), scheduled_start=now - timedelta(days=6),
                                         ended_at=now - timedelta(days=6, minutes=-30), learned="Hospitals hire researchers into quality teams.",
                                         fit="Yes", time_zone="America/Halifax")
    for person in later[4:6]:
        person.referred_by, person.referral_conversation, person.source = later[0], second, "referral"
        person.save()
    for k, kind, resource_kind, name, target, saved in LEADS:
        Lead.objects.create(owner=user, conversation=held[k], kind=kind, resource_kind=resource_kind, name=name,
                            target=orgs[target] if target is not None else None, saved_to=held[k].goal if saved else None)
    # Keep in touch with the first people met.
    for c in held[:2]:
        log_touch(c.person, "article", "Sent the piece on research ops we talked about", now - timedelta(days=20))
    return user
