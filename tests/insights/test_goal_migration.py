"""Free-text goals on conversations become Goal rows per owner, deduplicated, and nothing typed is lost."""

import pytest

from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)


def before_targets():
    """Every app at its latest migration, except conversations just before its goal became a Goal."""
    leaves = dict(latest())
    return [(app, name) for app, name in leaves.items() if app != "conversations"] + [("conversations", "0001_initial")]


@pytest.fixture
def before_goals():
    old = migrate(before_targets())
    yield old
    migrate(latest())


def test_free_text_goals_become_goals_per_owner(before_goals):
    old = before_goals
    User, Person = old.get_model("accounts", "User"), old.get_model("people", "Person")
    Conversation = old.get_model("conversations", "Conversation")
    ana, ben = User.objects.create(username="ana"), User.objects.create(username="ben")
    person = Person.objects.create(owner=ana, first_name="Hélène")
    theirs = Person.objects.create(owner=ben, first_name="Sam")
    first = Conversation.objects.create(owner=ana, person=person, goal="Santé  numérique")
    same = Conversation.objects.create(owner=ana, person=person, goal="sante numerique")
    other = Conversation.objects.create(owner=ana, person=person, goal="UX research")
    blank = Conversation.objects.create(owner=ana, person=person, goal="")
    bens = Conversation.objects.create(owner=ben, person=theirs, goal="UX research")

    migrate(latest())
    from coffeechat.conversations.models import Conversation as Now
    from coffeechat.insights.models import Goal

    assert sorted(Goal.objects.filter(owner_id=ana.pk).values_list("title", flat=True)) == ["Santé numérique", "UX research"]
    assert Now.objects.get(pk=first.pk).goal_id == Now.objects.get(pk=same.pk).goal_id
    assert Now.objects.get(pk=other.pk).goal.title == "UX research" and Now.objects.get(pk=blank.pk).goal is None
    bens_goal = Now.objects.get(pk=bens.pk).goal
    assert bens_goal.owner_id == ben.pk and bens_goal.pk != Now.objects.get(pk=other.pk).goal_id
    assert all(g.state == "active" for g in Goal.objects.all())

    # And back: each conversation gets its goal's text again.
    back = migrate(before_targets())
    Old = back.get_model("conversations", "Conversation")
    assert Old.objects.get(pk=same.pk).goal == "Santé numérique" and Old.objects.get(pk=bens.pk).goal == "UX research"
    assert Old.objects.get(pk=blank.pk).goal == ""
