"""How long the Insights and Targets pages take for a heavy seeker, and how many queries they run.

The page times include the navigation's due-item count (followups), which every page computes.

A heavy seeker: 3,000 people (a LinkedIn export and more), 1,500 conversations across every
state, 4 goals, 60 target organisations, 4 noted questions per held conversation, referrals
two levels deep. Generated here with a fixed seed; nothing is read from elsewhere.
"""

import argparse
import os
import random
import statistics
import tempfile
import time


def build(user, people_count: int, seed: int = 11):
    from datetime import timedelta

    from django.utils import timezone

    from coffeechat.conversations.models import Conversation
    from coffeechat.insights.models import Goal
    from coffeechat.outreach.models import Message
    from coffeechat.people.models import Organization, Person, Source
    from coffeechat.questions.models import PlanItem

    rng = random.Random(seed)
    now = timezone.now()
    goals = Goal.objects.bulk_create([Goal(owner=user, title=f"Field {n}", key_questions=["Why?", "How?", "What next?"]) for n in range(4)])
    orgs = Organization.objects.bulk_create([
        Organization(owner=user, name=f"Organisation {n}", is_target=n < 60, motivation=rng.randint(0, 3), postings=rng.randint(1, 3))
        for n in range(600)])
    sources = [s for s, _ in Source.choices]
    people = Person.objects.bulk_create([
        Person(owner=user, first_name=f"Given{n}", last_name=f"Family{n}", organization=rng.choice(orgs), source=rng.choice(sources))
        for n in range(people_count)])
    states = [s for s, _ in Conversation.State.choices]
    conversations = Conversation.objects.bulk_create([
        Conversation(owner=user, person=people[n], goal=rng.choice(goals), state=rng.choice(states),
                     requested_at=now - timedelta(days=rng.randint(0, 400)), scheduled_start=now - timedelta(days=rng.randint(0, 300)))
        for n in range(people_count // 2)])
    held = [c for c in conversations if c.state == "held"]
    PlanItem.objects.bulk_create([
        PlanItem(owner=user, conversation=c, text=f"Question {k}?", category=rng.choice(["rewards", "challenges", "trends", "advice"]),
                 position=k, note=f"What they said {k}") for c in held for k in range(4)])
    Message.objects.bulk_create([
        Message(owner=user, person_id=c.person_id, conversation=c, kind="thank_you", sent_at=now) for c in held])
    for n, person in enumerate(people[people_count // 2:]):
        person.referred_by = people[n % (people_count // 2)]
        person.referral_conversation = held[n % len(held)] if held else None
    Person.objects.bulk_update(people[people_count // 2:], ["referred_by", "referral_conversation"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ.setdefault("COFFEECHAT_DATA_DIR", data_dir)
        os.environ.setdefault("COFFEECHAT_MODE", "local")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from coffeechat.accounts.models import User
        from coffeechat.accounts.services import ensure_database

        ensure_database()
        user = User.objects.create(username=f"bench-{time.time_ns()}")
        started = time.perf_counter()
        build(user, args.people)
        print(f"database: {connection.vendor}; {args.people} people built in {time.perf_counter() - started:.1f} s")
        from coffeechat.insights.data import load
        from coffeechat.insights.report import build as build_report

        times = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                build_report(load(user))
                times.append(time.perf_counter() - t)
        print(f"{'load + report (no page)':24} median {statistics.median(times) * 1000:7.0f} ms  max {max(times) * 1000:7.0f} ms  "
              f"{len(queries)} queries")
        client = Client(HTTP_HOST="127.0.0.1")  # no test environment: it would copy every template context
        client.force_login(user)
        for url in ("/insights/", "/insights/?period=90", "/targets/"):
            times = []
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as queries:
                    t = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - t)
                assert response.status_code == 200, response.status_code
            print(f"{url:24} median {statistics.median(times) * 1000:7.0f} ms  max {max(times) * 1000:7.0f} ms  "
                  f"{len(queries)} queries  {len(response.content) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
