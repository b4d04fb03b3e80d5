import json

import pytest

from coffeechat.accounts.services import local_owner_username
from coffeechat.conversations.models import Conversation
from coffeechat.insights.demo import NotASample, make_demo
from coffeechat.insights.models import Goal, Lead
from coffeechat.outreach.models import Message
from coffeechat.people.models import Organization, Person
from tests.clirun import run_cli
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_sample_account_has_every_page_filled(owner):
    mine = PersonFactory(owner=owner, first_name="Mine")
    user = make_demo("demo")
    assert Goal.objects.filter(owner=user, state="active").count() == 2
    assert Organization.objects.filter(owner=user, is_target=True).count() == 10
    people = Person.objects.filter(owner=user)
    assert people.count() == 40 and people.values("source").distinct().count() >= 10
    states = set(Conversation.objects.filter(owner=user).values_list("state", flat=True))
    assert states == set(Conversation.State.values)
    held = Conversation.objects.filter(owner=user, state="held")
    assert all(c.plan_items.exclude(note="").exists() or c.learned for c in held) and held.exclude(learned="").count() >= 3
    deep = people.filter(referred_by__referred_by__isnull=False)
    assert deep.exists()  # referrals two levels deep
    assert Message.objects.filter(owner=user, kind="thank_you", sent_at__isnull=False).count() >= 3
    assert people.filter(keep_in_touch_days__isnull=False).exists() and people.filter(touches__isnull=False).exists()
    assert set(Lead.objects.filter(owner=user).values_list("kind", flat=True)) == set(Lead.Kind.values)
    assert Lead.objects.filter(owner=user, saved_to__isnull=False).exists() and Lead.objects.filter(owner=user, target__is_target=True).exists()
    # Resetting makes it afresh and leaves everyone else alone.
    again = make_demo("demo")
    assert Person.objects.filter(owner=again).count() == 40 and Person.objects.get(pk=mine.pk).owner == owner


def test_it_never_resets_a_real_account(owner):
    PersonFactory(owner=owner)
    with pytest.raises(NotASample):
        make_demo(owner.username)
    assert Person.objects.filter(owner=owner).count() == 1


def test_cli_demo_asks_before_resetting(tmp_path):
    first = run_cli(tmp_path, "demo")
    assert first.returncode == 0, first.stderr
    again = run_cli(tmp_path, "demo")  # no terminal to ask on: refuses rather than guess
    assert again.returncode == 2 and "--yes" in again.stderr
    assert run_cli(tmp_path, "demo", "--yes").returncode == 0
    document = json.loads(run_cli(tmp_path, "insights", "--json", "--user", "demo").stdout)
    assert document["funnel"]["met"] >= 5 and document["warm_paths"] and len(document["network"]["nodes"]) > 20
    targets = json.loads(run_cli(tmp_path, "targets", "list", "--json", "--user", "demo").stdout)["targets"]
    assert len(targets) == 10 and sum(t["first_five"] for t in targets) == 5
    # The local owner is a real account: demo refuses to reset it, and its goal survives.
    assert run_cli(tmp_path, "goals", "add", "My own goal").returncode == 0
    refused = run_cli(tmp_path, "demo", "--user", local_owner_username(), "--yes")
    assert refused.returncode == 1 and "real account" in refused.stderr
    assert json.loads(run_cli(tmp_path, "goals", "list", "--json").stdout)["goals"][0]["title"] == "My own goal"
