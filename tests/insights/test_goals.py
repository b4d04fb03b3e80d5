import json

import pytest
from django.urls import reverse

from coffeechat.insights.models import Goal
from coffeechat.questions.models import PlanItem
from tests.clirun import run_cli
from tests.factories import ConversationFactory, GoalFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = ["What does a normal week look like?", "Which skills carried over?", "What would you learn first?"]


def test_an_empty_account_is_walked_to_its_first_goal(owner_client):
    body = owner_client.get(reverse("insights:goals")).content.decode()
    assert "What are you exploring?" in body and reverse("insights:goal-add") in body


def test_it_creates_a_goal_with_its_key_questions(owner_client, owner):
    response = owner_client.post(reverse("insights:goal-add"), {
        "title": "  Health   informatics ", "kind": "field", "hope_to_learn": "How nurses move into it", "state": "active",
        "question_1": QUESTIONS[0], "question_2": "", "question_3": QUESTIONS[1], "question_4": QUESTIONS[2],
    })
    assert response.status_code == 302
    goal = Goal.objects.get(owner=owner)
    assert (goal.title, goal.key_questions) == ("Health informatics", QUESTIONS)
    body = owner_client.get(reverse("insights:goals")).content.decode()
    assert "Health informatics" in body and "3 key questions" in body


def test_it_edits_a_goal_and_refuses_a_duplicate_title(owner_client, owner):
    goal = GoalFactory(owner=owner, title="UX research", key_questions=QUESTIONS)
    GoalFactory(owner=owner, title="Data journalism")
    form = owner_client.get(reverse("insights:goal-edit", args=[goal.pk])).context["form"]
    assert form["question_2"].value() == QUESTIONS[1]
    response = owner_client.post(reverse("insights:goal-edit", args=[goal.pk]), {"title": "data  JOURNALISM", "kind": "role", "state": "paused"})
    assert response.status_code == 422 and "already have this goal" in response.content.decode()
    response = owner_client.post(reverse("insights:goal-edit", args=[goal.pk]), {"title": "UX research", "kind": "role", "state": "paused", "question_1": "Only one?"})
    goal.refresh_from_db()
    assert response.status_code == 302 and (goal.state, goal.kind, goal.key_questions) == ("paused", "role", ["Only one?"])


@pytest.mark.parametrize(("name", "method"), [("insights:goal-edit", "get"), ("insights:goal-edit", "post")])
def test_outsider_gets_404(outsider_client, owner, name, method):
    goal = GoalFactory(owner=owner)
    response = getattr(outsider_client, method)(reverse(name, args=[goal.pk]), {"title": "Mine now", "kind": "field", "state": "active"})
    assert response.status_code == 404
    assert Goal.objects.get(pk=goal.pk).title != "Mine now"
    assert goal.title not in outsider_client.get(reverse("insights:goals")).content.decode()


def test_the_composer_offers_active_goals_and_makes_a_new_one(owner_client, owner, outsider):
    person = PersonFactory(owner=owner, first_name="Hélène")
    active, paused = GoalFactory(owner=owner, title="UX research"), GoalFactory(owner=owner, title="Old idea", state="paused")
    theirs = GoalFactory(owner=outsider, title="Not mine")
    form = owner_client.get(reverse("outreach:compose", args=[person.pk])).context["form"]
    assert list(form.fields["goal"].queryset) == [active]
    data = {"subject": "Hello", "body": "Dear Hélène, could you spare 20 minutes?", "minutes": 20, "medium": "phone"}
    assert owner_client.post(reverse("outreach:compose", args=[person.pk]), data | {"goal": theirs.pk}).status_code == 422
    assert owner_client.post(reverse("outreach:compose", args=[person.pk]), data | {"goal": paused.pk}).status_code == 422
    assert owner_client.post(reverse("outreach:compose", args=[person.pk]), data | {"goal": active.pk}).status_code == 302
    conversation = person.conversations.get()
    assert conversation.goal == active
    owner_client.post(reverse("outreach:compose", args=[person.pk]), data | {"goal": active.pk, "new_goal": "ux  RESEARCH"})
    assert Goal.objects.filter(owner=owner).count() == 2  # matched, not duplicated
    owner_client.post(reverse("outreach:compose", args=[person.pk]), data | {"new_goal": "Service design"})
    conversation.refresh_from_db()
    assert conversation.goal.title == "Service design" and conversation.goal.owner == owner


def test_the_schedule_form_offers_active_goals(owner_client, owner):
    owner.first_name, owner.last_name, owner.email = "Zoë", "K", "zoe@example.com"  # an invitation needs its organiser
    owner.save()
    goal = GoalFactory(owner=owner, title="UX research")
    conversation = ConversationFactory(owner=owner, state="accepted")
    form = owner_client.get(reverse("meetings:schedule", args=[conversation.pk])).context["form"]
    assert list(form.fields["goal"].queryset) == [goal]
    owner_client.post(reverse("meetings:schedule", args=[conversation.pk]), {
        "date": "2026-12-01", "time": "15:00", "time_zone": "America/Toronto", "minutes": 30, "medium": "video", "goal": goal.pk})
    conversation.refresh_from_db()
    assert conversation.goal == goal and conversation.state == "scheduled"


def test_key_questions_come_first_in_the_plan_as_must_asks(owner_client, owner):
    goal = GoalFactory(owner=owner, title="UX research", key_questions=QUESTIONS)
    conversation = ConversationFactory(owner=owner, goal=goal)
    url = reverse("questions:plan", args=[conversation.pk])
    body = owner_client.get(url).content.decode()
    assert "Key questions for “UX research”" in body and body.index(QUESTIONS[0]) < body.index("Question bank")
    owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"key_question": "1"})
    item = PlanItem.objects.get(conversation=conversation)
    assert (item.text, item.must_ask) == (QUESTIONS[1], True)
    assert [q for _, q in owner_client.get(url).context["goal_questions"]] == [QUESTIONS[0], QUESTIONS[2]]
    assert owner_client.post(reverse("questions:plan-add", args=[conversation.pk]), {"key_question": "7"}).status_code == 404
    live = owner_client.get(reverse("meetings:live", args=[conversation.pk])).content.decode()
    assert QUESTIONS[2] in live and "Key questions for this goal" in live


def test_cli_goals_add_and_list(tmp_path):
    added = run_cli(tmp_path, "goals", "add", "Health informatics", "--question", QUESTIONS[0], "--question", QUESTIONS[1])
    assert added.returncode == 0, added.stderr
    goal_id = int(added.stdout.strip())
    as_json = run_cli(tmp_path, "goals", "add", "UX research", "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["title"] == "UX research"
    listed = json.loads(run_cli(tmp_path, "goals", "list", "--json").stdout)["goals"]
    assert [(g["id"], g["key_questions"]) for g in listed][0] == (goal_id, QUESTIONS[:2])
    duplicate = run_cli(tmp_path, "goals", "add", "health INFORMATICS")
    assert duplicate.returncode == 1 and "already have" in duplicate.stderr
    too_many = run_cli(tmp_path, "goals", "add", "Six", *[a for n in range(6) for a in ("--question", f"Q{n}?")])
    assert too_many.returncode == 1 and "at most 5" in too_many.stderr


def test_the_empty_today_page_starts_with_a_goal(owner_client, owner):
    assert "First, what are you exploring?" in owner_client.get(reverse("home")).content.decode()
    GoalFactory(owner=owner)
    assert "First, what are you exploring?" not in owner_client.get(reverse("home")).content.decode()


def test_the_conversation_page_links_a_goal_or_makes_one(owner_client, owner, outsider_client):
    goal = GoalFactory(owner=owner, title="UX research")
    conversation = ConversationFactory(owner=owner)
    page = owner_client.get(reverse("meetings:conversation", args=[conversation.pk]))
    assert list(page.context["goal_form"].fields["goal"].queryset) == [goal]
    url = reverse("meetings:goal", args=[conversation.pk])
    owner_client.post(url, {"goal": goal.pk})
    conversation.refresh_from_db()
    assert conversation.goal == goal
    owner_client.post(url, {"new_goal": "Service design"})
    conversation.refresh_from_db()
    assert conversation.goal.title == "Service design"
    assert outsider_client.post(url, {"new_goal": "Hijack"}).status_code == 404
    conversation.refresh_from_db()
    assert conversation.goal.title == "Service design" and not Goal.objects.filter(title="Hijack").exists()


def test_the_person_page_offers_the_active_goals_for_a_request(owner_client, owner):
    person = PersonFactory(owner=owner, first_name="Hélène")
    page = owner_client.get(reverse("people:person", args=[person.pk])).content.decode()
    assert "Add a goal" in page
    ux = GoalFactory(owner=owner, title="UX research")
    GoalFactory(owner=owner, title="Paused one", state="paused")
    page = owner_client.get(reverse("people:person", args=[person.pk])).content.decode()
    assert "Ask Hélène about" in page and "UX research" in page and "Paused one" not in page
    response = owner_client.get(reverse("outreach:compose", args=[person.pk]), {"goal": ux.pk})
    assert response.context["form"]["goal"].value() == ux.pk and "UX research" in response.context["form"]["body"].value()
    stranger = GoalFactory(owner=UserFactory(username="stranger"), title="Not mine")
    response = owner_client.get(reverse("outreach:compose", args=[person.pk]), {"goal": stranger.pk})
    assert "Not mine" not in response.content.decode()
