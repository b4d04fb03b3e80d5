"""The heavy seeker's data, at any size: people, organisations, conversations with question plans,
messages, notes, touches and tasks, written in bulk (Django must be set up by the caller).

At 30,000 people: 5,000 organisations (40 of them targets), 2,000 conversations (eight planned questions
each), 20,000 messages and notes, 2,000 touches, 600 tasks. Smaller sizes scale every count down in proportion.
"""

import random
from datetime import timedelta

GIVEN = ["Ada", "Hélène", "Omar", "Zoë", "Priya", "Kenji", "Amara", "Luis", "Noor", "Tomás", "Wei", "Fatima",
         "Isabel", "Marguerite", "Sam", "Yusuf", "Chloé", "Dmitri", "Aisha", "Björn"]
FAMILY = ["Lovelace", "Béland", "Haddad", "Kowalczyk", "Shah", "Tanaka", "Okafor", "García", "Nguyen", "Müller",
          "Roy", "Tremblay", "O'Neil", "Ferreira", "Lindqvist", "Moreau", "Adeyemi", "Kaur", "Novak", "Côté"]
TITLES = ["UX Researcher", "Nurse Manager", "Data Analyst", "Product Designer", "Civil Engineer", "Policy Advisor",
          "Clinical Informatics Lead", "Software Developer", "Teacher", "Architect", "Accountant", "Journalist"]
SOURCES = ["friend", "alumni", "linkedin", "coworker", "classmate", "event", "association", "professor"]
QUESTIONS = ["What does a typical week look like for you?", "How did you get into this field?",
             "What surprised you most in your first year?", "Which skills matter most here?",
             "What would you do differently if you started again?", "Who else should I talk to?",
             "How do people usually move into this role?", "What is changing in your sector?"]


def build(user, people: int, seed: int = 12, *, fill_clock: bool = True) -> dict:
    """Write the data set for `user`; returns how many rows of each kind were written."""
    from django.utils import timezone

    from coffeechat.conversations.models import Conversation
    from coffeechat.followups.models import DueMark, Task, Touch
    from coffeechat.insights.models import Goal
    from coffeechat.outreach.models import Message
    from coffeechat.people.models import Organization, Person
    from coffeechat.questions.models import PlanItem

    rng = random.Random(seed)
    now = timezone.now()
    scale = people / 30_000
    n_orgs = max(10, int(5_000 * scale))
    n_conv = max(20, int(2_000 * scale))
    n_messages = max(200, int(20_000 * scale))

    orgs = [Organization(owner=user, name=f"{rng.choice(['Northwind', 'Hôpital', 'Acme', 'Lumière', 'Cedar'])} "
                                        f"{rng.choice(['Health', 'Labs', 'Studio', 'Group', 'Partners'])} {i}")
            for i in range(n_orgs)]
    for org in orgs:
        org.refresh_search_text()
    Organization.objects.bulk_create(orgs, batch_size=2000)
    orgs = list(Organization.objects.filter(owner=user))

    rows = []
    for i in range(people):
        first, last = rng.choice(GIVEN), f"{rng.choice(FAMILY)}{'' if i % 3 else i}"
        p = Person(owner=user, first_name=first, last_name=last, title=rng.choice(TITLES),
                   organization=rng.choice(orgs) if rng.random() < 0.8 else None, source=rng.choice(SOURCES),
                   emails=[f"{first}.{last}{i}@example.org".lower()] if rng.random() < 0.4 else [],
                   location=rng.choice(["Montréal", "Toronto", "Vancouver", "Halifax", ""]),
                   research="Spoke at the regional meetup about onboarding." if rng.random() < 0.1 else "")
        p.refresh_search_text()
        rows.append(p)
    Person.objects.bulk_create(rows, batch_size=2000)
    person_ids = list(Person.objects.filter(owner=user).values_list("pk", flat=True))
    referrers = rng.sample(person_ids, k=max(5, len(person_ids) // 50))
    referred = rng.sample(person_ids, k=len(referrers))
    Person.objects.bulk_update(
        [Person(pk=r, referred_by_id=by, source="referral") for r, by in zip(referred, referrers, strict=True) if r != by],
        ["referred_by", "source"], batch_size=2000)

    goal = Goal.objects.create(owner=user, title="Learn what the work is like",
                               key_questions=["What does a typical week look like for you?"])
    talked = rng.sample(person_ids, k=n_conv)
    conversations = []
    for i, pid in enumerate(talked):
        roll = i / n_conv
        c = Conversation(owner=user, person_id=pid, minutes=30, goal=goal)
        if roll < 0.85:
            start = now - timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 8))
            c.state, c.scheduled_start, c.ended_at = "held", start, start + timedelta(minutes=30)
            c.requested_at = start - timedelta(days=10)
            c.reflected_at = c.ended_at + timedelta(days=1) if rng.random() < 0.9 else None
            c.notes = "They started in support, moved to research after two years."
        elif roll < 0.90:
            c.state, c.scheduled_start = "scheduled", now + timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 8))
            c.requested_at = now - timedelta(days=5)
        elif roll < 0.95:
            c.state, c.requested_at = "requested", now - timedelta(days=rng.randint(1, 20))
        else:
            c.state = rng.choice(["draft", "declined"])
        conversations.append(c)
    Conversation.objects.bulk_create(conversations, batch_size=2000)
    conversations = list(Conversation.objects.filter(owner=user))
    PlanItem.objects.bulk_create(
        [PlanItem(owner=user, conversation=c, text=q, position=n, asked=c.state == "held",
                  note="Start as a super-user on your team." if c.state == "held" and n == 0 else "")
         for c in conversations for n, q in enumerate(QUESTIONS)], batch_size=4000)

    messages = []
    for c in conversations:
        if c.requested_at:
            messages.append(Message(owner=user, person_id=c.person_id, conversation=c, kind="request", channel="mail_app",
                                    subject="Learning about your work", body="Could you spare 20 minutes?", sent_at=c.requested_at))
        if c.state == "held" and rng.random() < 0.9:
            messages.append(Message(owner=user, person_id=c.person_id, conversation=c, kind="thank_you", channel="mail_app",
                                    subject="Thank you", body="Thank you for your time.", sent_at=c.ended_at + timedelta(hours=3)))
    held = [c for c in conversations if c.state == "held"]
    while len(messages) < n_messages:
        c = rng.choice(held)
        messages.append(Message(owner=user, person_id=c.person_id, conversation=c, kind="note",
                                body="Mentioned the hiring freeze lifts in spring.", sent_at=None))
    Message.objects.bulk_create(messages, batch_size=4000)

    Touch.objects.bulk_create(
        [Touch(owner=user, person_id=c.person_id, kind="news", note="Shared an article",
               happened_at=c.ended_at + timedelta(days=rng.randint(10, 200))) for c in rng.choices(held, k=len(held))
         if c.ended_at + timedelta(days=10) < now],
        batch_size=4000)
    n_tasks = max(10, int(600 * scale))
    tasks = Task.objects.bulk_create(
        [Task(owner=user, title=f"Read up on {rng.choice(TITLES).lower()} paths", due_at=now + timedelta(days=rng.randint(-300, 60)))
         for _ in range(n_tasks)], batch_size=4000)
    tasks = list(Task.objects.filter(owner=user).order_by("due_at"))
    DueMark.objects.bulk_create([DueMark(owner=user, key=f"task:{t.pk}", done_at=now) for t in tasks if t.due_at < now - timedelta(days=7)])
    # A target list of the size coaches suggest (about forty organisations), rated; its own random numbers,
    # so the rows above stay as they were.
    rating = random.Random(seed + 1)
    targets = rating.sample(orgs, k=min(40, len(orgs)))
    for org in targets:
        org.is_target, org.motivation, org.postings = True, rating.randint(0, 3), rating.randint(1, 3)
    Organization.objects.bulk_update(targets, ["is_target", "motivation", "postings"])
    if fill_clock:
        fill_keep_in_touch_clock()
    return {"people": people, "organisations": n_orgs, "targets": len(targets), "conversations": n_conv, "messages": len(messages), "tasks": n_tasks}


def fill_keep_in_touch_clock() -> None:
    """The stored keep-in-touch clock, as the migration that introduced it fills it for existing rows."""
    from importlib import import_module

    from django.apps import apps

    import_module("coffeechat.followups.migrations.0003_fill_keep_in_touch_clock").fill(apps, None)


def sample(user) -> dict:
    """The rows the pages are measured on: a person with a held conversation, and that conversation."""
    from coffeechat.conversations.models import Conversation

    c = Conversation.objects.filter(owner=user, state="held").order_by("pk").first()
    return {"person": c.person_id, "conversation": c.pk}
