"""What a conversation leads to: noted in live mode and after the call, one tap to a target, a goal or a goal's Resources list."""

import pytest
from django.urls import reverse

from coffeechat.insights.models import Goal, Lead
from coffeechat.people.models import Organization
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def goal(owner):
    return GoalFactory(owner=owner, title="UX research in health care")


@pytest.fixture
def conversation(owner, goal):
    return ConversationFactory(owner=owner, goal=goal, state="held", person__first_name="Priya", person__last_name="Shah")


def note(client, conversation, what, name, **extra):
    return client.post(reverse("insights:lead-add", args=[conversation.pk]), {"what": what, "name": name, **extra}, headers=HX)


def lead(owner, conversation, kind, name, **extra):
    return Lead.objects.create(owner=owner, conversation=conversation, kind=kind, name=name, **extra)


def test_the_pages_show_the_empty_list_and_the_quick_form(owner_client, conversation):
    for url in (reverse("meetings:live", args=[conversation.pk]), reverse("followups:conversation", args=[conversation.pk])):
        body = owner_client.get(url).content.decode()
        assert 'id="leads"' in body and "Nothing noted yet" in body
        assert reverse("insights:lead-add", args=[conversation.pk]) in body and 'id="lead-name"' in body


def test_noting_a_lead_answers_htmx_with_the_list_and_an_empty_form_of_the_same_kind(owner_client, owner, conversation):
    response = note(owner_client, conversation, "resource:course", "  HL7 FHIR   fundamentals ", url="hl7.org/fhir", note="Free, online")
    assert response.status_code == 200
    body = response.content.decode()
    saved = Lead.objects.get(owner=owner)
    assert (saved.kind, saved.resource_kind, saved.name, saved.url, saved.note, saved.conversation) == (
        "resource", "course", "HL7 FHIR fundamentals", "https://hl7.org/fhir", "Free, online", conversation)
    assert "Noted: HL7 FHIR fundamentals." in body and 'href="https://hl7.org/fhir"' in body
    assert '<option value="resource:course" selected>' in body and 'name="name" value=' not in body
    assert "Save to resources of UX research in health care" in body


def test_the_same_lead_twice_is_one_lead(owner_client, owner, conversation):
    note(owner_client, conversation, "organization", "Hôpital Général")
    body = note(owner_client, conversation, "organization", "hopital  GENERAL").content.decode()
    assert Lead.objects.filter(owner=owner).count() == 1 and "already on the list" in body
    note(owner_client, conversation, "career", "Hôpital Général")  # another kind is another lead
    assert Lead.objects.filter(owner=owner).count() == 2


@pytest.mark.parametrize(("data", "words"), [
    ({"what": "organization", "name": "   "}, "Say what they mentioned"),
    ({"what": "organization", "name": "Lumen", "url": "javascript:alert(1)"}, "Enter a valid URL"),
    ({"what": "organization", "name": "Lumen", "url": "ftp://files.example.org/x"}, "starting with http:// or https://"),
    ({"what": "resource:made-up", "name": "Lumen"}, "Select a valid choice"),
    ({"what": "organization", "name": "x" * 301}, "at most 300 characters"),
])
def test_a_bad_lead_is_sent_back_with_its_reason_and_nothing_is_saved(owner_client, owner, conversation, data, words):
    response = owner_client.post(reverse("insights:lead-add", args=[conversation.pk]), data, headers=HX)
    assert response.status_code == 422 and words in response.content.decode()
    assert 'id="leads"' in response.content.decode()
    assert not Lead.objects.filter(owner=owner).exists()
    # Without htmx: a page of its own with the form and the reason.
    response = owner_client.post(reverse("insights:lead-add", args=[conversation.pk]), data)
    assert response.status_code == 422 and words in response.content.decode() and "Note what they mentioned" in response.content.decode()


def test_without_htmx_noting_returns_to_the_page_it_came_from(owner_client, owner, conversation):
    live = reverse("meetings:live", args=[conversation.pk])
    response = owner_client.post(reverse("insights:lead-add", args=[conversation.pk]), {"what": "career", "name": "Research ops", "next": live})
    assert response.status_code == 302 and response.url == live
    response = owner_client.post(reverse("insights:lead-add", args=[conversation.pk]),
                                 {"what": "career", "name": "Service design", "next": "https://evil.example/"})
    assert response.url == reverse("followups:conversation", args=[conversation.pk])


def test_make_a_target_reuses_the_organisation_of_that_name_and_is_idempotent(owner_client, owner, conversation):
    existing = OrganizationFactory(owner=owner, name="Hôpital Général de Montréal")
    OrganizationFactory(owner=UserFactory(username="else"), name="Hopital General de Montreal")
    mentioned = lead(owner, conversation, "organization", "hopital general de MONTREAL")
    for _ in range(2):
        response = owner_client.post(reverse("insights:lead-target", args=[mentioned.pk]), headers=HX)
        assert response.status_code == 200 and "✓ A target" in response.content.decode()
    existing.refresh_from_db()
    mentioned.refresh_from_db()
    assert existing.is_target and mentioned.target == existing
    assert Organization.objects.filter(owner=owner).count() == 1


def test_make_a_target_creates_the_organisation_when_new_and_an_opening_marks_it_hiring(owner_client, owner, conversation):
    mentioned = lead(owner, conversation, "organization", "Lumen Labs")
    owner_client.post(reverse("insights:lead-target", args=[mentioned.pk]))
    lumen = Organization.objects.get(owner=owner, name="Lumen Labs")
    assert lumen.is_target and lumen.postings == 1
    opening = lead(owner, conversation, "opening", "Northwind Health", note="Junior UX researcher, posted monthly")
    owner_client.post(reverse("insights:lead-target", args=[opening.pk]))
    northwind = Organization.objects.get(owner=owner, name="Northwind Health")
    assert northwind.is_target and northwind.postings == 3


def test_a_target_taken_off_the_list_can_be_made_a_target_again(owner_client, owner, conversation):
    mentioned = lead(owner, conversation, "organization", "Lumen Labs")
    owner_client.post(reverse("insights:lead-target", args=[mentioned.pk]))
    Organization.objects.filter(owner=owner).update(is_target=False)
    body = owner_client.get(reverse("followups:conversation", args=[conversation.pk])).content.decode()
    assert "Make a target" in body
    owner_client.post(reverse("insights:lead-target", args=[mentioned.pk]))
    assert Organization.objects.get(owner=owner).is_target


def test_make_a_goal_once_and_reuse_a_goal_of_the_same_title(owner_client, owner, conversation):
    career = lead(owner, conversation, "career", "Clinical informatics")
    for _ in range(2):
        body = owner_client.post(reverse("insights:lead-goal", args=[career.pk]), headers=HX).content.decode()
        assert "✓ A goal" in body
    made = Goal.objects.get(owner=owner, title="Clinical informatics")
    assert (made.kind, made.state) == ("role", "active")
    career.refresh_from_db()
    assert career.goal == made
    again = lead(owner, conversation, "career", "clinical  INFORMATICS")
    owner_client.post(reverse("insights:lead-goal", args=[again.pk]))
    assert Goal.objects.filter(owner=owner).count() == 2  # the conversation's goal and this one


def test_save_a_resource_to_the_conversations_goal_and_see_it_on_the_goal_page(owner_client, owner, conversation, goal):
    page = reverse("insights:goal-edit", args=[goal.pk])
    assert "No resources yet" in owner_client.get(page).content.decode()
    course = lead(owner, conversation, "resource", "HL7 FHIR fundamentals", resource_kind="course", url="https://hl7.org/fhir")
    for _ in range(2):
        body = owner_client.post(reverse("insights:lead-resources", args=[course.pk]), {"goal": goal.pk}, headers=HX).content.decode()
        assert "✓ In the resources of UX research in health care" in body
    body = owner_client.get(page).content.decode()
    assert "HL7 FHIR fundamentals" in body and "Course" in body and "Mentioned by" in body and "Priya Shah" in body
    response = owner_client.post(reverse("insights:lead-resources", args=[course.pk]), {"action": "remove"})
    assert response.status_code == 302 and response.url == page + "#resources"
    course.refresh_from_db()
    assert course.saved_to is None and "No resources yet" in owner_client.get(page).content.decode()


def test_without_a_goal_on_the_conversation_the_active_goals_are_offered(owner_client, owner):
    conversation = ConversationFactory(owner=owner, state="held")
    course = lead(owner, conversation, "resource", "Health design association", resource_kind="association")
    body = owner_client.get(reverse("followups:conversation", args=[conversation.pk])).content.decode()
    assert "Add a goal to keep resources" in body
    GoalFactory(owner=owner, title="Data journalism")
    paused = GoalFactory(owner=owner, title="Paused one", state="paused")
    body = owner_client.get(reverse("followups:conversation", args=[conversation.pk])).content.decode()
    assert ">Data journalism</option>" in body and "Paused one" not in body
    owner_client.post(reverse("insights:lead-resources", args=[course.pk]), {"goal": paused.pk})
    course.refresh_from_db()
    assert course.saved_to == paused  # any of the user's own goals may hold it


def test_another_users_goal_cannot_hold_my_resource(owner_client, owner, conversation, outsider):
    course = lead(owner, conversation, "resource", "A course", resource_kind="course")
    theirs = GoalFactory(owner=outsider)
    assert owner_client.post(reverse("insights:lead-resources", args=[course.pk]), {"goal": theirs.pk}).status_code == 404
    assert owner_client.post(reverse("insights:lead-resources", args=[course.pk]), {"goal": "x"}).status_code == 400
    course.refresh_from_db()
    assert course.saved_to is None


@pytest.mark.parametrize(("kind", "action"), [
    ("career", "insights:lead-target"), ("resource", "insights:lead-target"),
    ("organization", "insights:lead-goal"), ("opening", "insights:lead-goal"), ("organization", "insights:lead-resources"),
])
def test_each_kind_takes_only_its_own_step(owner_client, owner, conversation, goal, kind, action):
    mentioned = lead(owner, conversation, kind, "Something")
    assert owner_client.post(reverse(action, args=[mentioned.pk]), {"goal": goal.pk}).status_code == 400
    assert not Organization.objects.filter(owner=owner).exists() and Goal.objects.filter(owner=owner).count() == 1


def test_edit_a_lead_and_refuse_a_link_that_is_not_a_web_address(owner_client, owner, conversation):
    mentioned = lead(owner, conversation, "organization", "Lumen")
    url = reverse("insights:lead-edit", args=[mentioned.pk])
    assert owner_client.get(url).context["form"]["what"].value() == "organization"
    response = owner_client.post(url, {"what": "opening", "name": "Lumen Labs", "url": "data:text/html,hi"})
    assert response.status_code == 422 and "Enter a valid URL" in response.content.decode()
    response = owner_client.post(url, {"what": "opening", "name": "Lumen Labs", "url": "https://lumen.example/jobs", "note": "Hires juniors"})
    assert response.status_code == 302 and response.url == reverse("followups:conversation", args=[conversation.pk])
    mentioned.refresh_from_db()
    assert (mentioned.kind, mentioned.name, mentioned.url, mentioned.note) == ("opening", "Lumen Labs", "https://lumen.example/jobs", "Hires juniors")


def test_removing_a_lead_keeps_what_it_made(owner_client, owner, conversation):
    mentioned = lead(owner, conversation, "organization", "Lumen Labs")
    owner_client.post(reverse("insights:lead-target", args=[mentioned.pk]))
    body = owner_client.post(reverse("insights:lead-delete", args=[mentioned.pk]), headers=HX).content.decode()
    assert "Removed Lumen Labs." in body and "Nothing noted yet" in body
    assert not Lead.objects.exists() and Organization.objects.get(owner=owner).is_target


def test_a_resource_added_on_the_goal_page(owner_client, owner, goal):
    url = reverse("insights:goal-resource-add", args=[goal.pk])
    response = owner_client.post(url, {"resource-what": "resource:publication", "resource-name": "", "resource-url": "javascript:x"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Say what they mentioned" in body and "Enter a valid URL" in body and "Resources" in body
    response = owner_client.post(url, {"resource-what": "organization", "resource-name": "Not a resource"})
    assert response.status_code == 422 and not Lead.objects.exists()
    response = owner_client.post(url, {"resource-what": "resource:publication", "resource-name": "Journal of Health UX",
                                       "resource-url": "https://example.org/journal"})
    assert response.status_code == 302
    saved = Lead.objects.get(owner=owner)
    assert (saved.kind, saved.resource_kind, saved.saved_to, saved.conversation) == ("resource", "publication", goal, None)
    assert "Journal of Health UX" in owner_client.get(reverse("insights:goal-edit", args=[goal.pk])).content.decode()


def test_the_live_and_follow_up_pages_read_the_list_in_a_fixed_number_of_queries(owner_client, owner, conversation, goal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert owner_client.get(url).status_code == 200
        return len(ctx)

    urls = [reverse("meetings:live", args=[conversation.pk]), reverse("followups:conversation", args=[conversation.pk])]
    lead(owner, conversation, "organization", "First")
    before = [count(url) for url in urls]
    for n in range(6):
        org = OrganizationFactory(owner=owner, name=f"Org {n}", is_target=True)
        lead(owner, conversation, "organization", f"Org {n}", target=org)
        lead(owner, conversation, "career", f"Career {n}", goal=GoalFactory(owner=owner))
        lead(owner, conversation, "resource", f"Course {n}", resource_kind="course", saved_to=goal)
    assert [count(url) for url in urls] == before


def test_an_outsider_gets_404_on_every_lead_address(outsider_client, owner, conversation, goal):
    mentioned = lead(owner, conversation, "organization", "Lumen")
    career = lead(owner, conversation, "career", "Research ops")
    course = lead(owner, conversation, "resource", "A course", resource_kind="course")
    theirs = GoalFactory(owner=UserFactory(username="outsider"))
    posts = [
        (reverse("insights:lead-add", args=[conversation.pk]), {"what": "organization", "name": "Sneaky"}),
        (reverse("insights:lead-target", args=[mentioned.pk]), {}),
        (reverse("insights:lead-goal", args=[career.pk]), {}),
        (reverse("insights:lead-resources", args=[course.pk]), {"goal": theirs.pk}),
        (reverse("insights:lead-resources", args=[course.pk]), {"action": "remove"}),
        (reverse("insights:lead-edit", args=[mentioned.pk]), {"what": "organization", "name": "Renamed"}),
        (reverse("insights:lead-delete", args=[mentioned.pk]), {}),
        (reverse("insights:goal-resource-add", args=[goal.pk]), {"resource-what": "resource:course", "resource-name": "Sneaky"}),
    ]
    for url, data in posts:
        assert outsider_client.post(url, data, headers=HX).status_code == 404, url
    assert outsider_client.get(reverse("insights:lead-edit", args=[mentioned.pk])).status_code == 404
    assert list(Lead.objects.order_by("pk").values_list("name", "target", "goal", "saved_to")) == [
        ("Lumen", None, None, None), ("Research ops", None, None, None), ("A course", None, None, None)]
    assert not Organization.objects.exists() and Goal.objects.count() == 2


def test_signed_out_visitors_are_sent_to_sign_in(client, owner, conversation):
    mentioned = lead(owner, conversation, "organization", "Lumen")
    response = client.post(reverse("insights:lead-target", args=[mentioned.pk]))
    assert response.status_code == 302 and "/login/" in response.url
