import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.insights.models import Lead
from coffeechat.questions.plans import add_item
from tests.clirun import run_cli
from tests.factories import (
    ConversationFactory,
    GoalFactory,
    MessageFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(owner):
    """A small search: two goals, a referral chain, one target, requests in several states."""
    now = timezone.now()
    ux, data = GoalFactory(owner=owner, title="UX research"), GoalFactory(owner=owner, title="Data journalism")
    target = OrganizationFactory(owner=owner, name="Northwind", is_target=True, motivation=3, postings=2)
    ana = PersonFactory(owner=owner, first_name="Ana", last_name="Alum", source="alumni")
    held = ConversationFactory(owner=owner, person=ana, goal=ux, state="held", requested_at=now - timedelta(days=20),
                               answered_at=now - timedelta(days=19), scheduled_start=now - timedelta(days=10),
                               learned="Research ops is a job of its own", fit="Yes, more than I thought")
    add_item(held, "What do you love about it?").__class__.objects.filter(conversation=held).update(note="Seeing a design change because of a study", category="rewards")
    MessageFactory(owner=owner, person=ana, conversation=held, kind="thank_you", sent_at=now - timedelta(days=9))
    MessageFactory(owner=owner, person=ana, conversation=held, kind="request", channel="mail_app", sent_at=now - timedelta(days=20))
    ben = PersonFactory(owner=owner, first_name="Ben", last_name="Referred", source="referral", referred_by=ana, referral_conversation=held)
    ConversationFactory(owner=owner, person=ben, goal=ux, state="requested", requested_at=now - timedelta(days=3))
    cleo = PersonFactory(owner=owner, first_name="Cleo", last_name="There", source="referral", referred_by=ben, organization=target)
    dan = PersonFactory(owner=owner, first_name="Dan", last_name="Linked", source="linkedin")
    ConversationFactory(owner=owner, person=dan, goal=data, state="no_answer", requested_at=now - timedelta(days=200))
    return {"ux": ux, "data": data, "ana": ana, "ben": ben, "cleo": cleo, "dan": dan, "target": target}


def test_the_report_counts_the_funnel_sources_careers_network_and_paths(owner, story):
    from coffeechat.insights.data import load
    from coffeechat.insights.report import as_json, build

    document = as_json(build(load(owner)))
    assert document["funnel"] == {"asked": 3, "answered": 1, "met": 1, "thanked": 1, "referrals": 1}
    assert sorted((s["source"], s["asked"], s["answered"]) for s in document["by_source"]) == [
        ("alumni", 1, 1), ("linkedin", 1, 0), ("referral", 1, 0)]
    ux = next(c for c in document["careers"] if c["goal"] == "UX research")
    assert ux == {"goal": "UX research", "held": 1, "notes": {"rewards": ["Seeing a design change because of a study"]}, "leads": {}}
    nodes = {n["name"]: n for n in document["network"]["nodes"]}
    assert (nodes["Ana Alum"]["state"], nodes["Ben Referred"]["state"], nodes["Cleo There"]["state"]) == ("met", "asked", "not_yet")
    assert nodes["Me"]["id"] == 0
    edges = {(e["from"], e["to"]) for e in document["network"]["edges"]}
    assert {(0, story["ana"].pk), (story["ana"].pk, story["ben"].pk), (story["ben"].pk, story["cleo"].pk)} <= edges
    assert document["warm_paths"] == [
        {"organization": "Northwind", "via": ["Cleo There"]},
        {"organization": "Northwind", "via": ["Ben Referred", "Cleo There"]},
        {"organization": "Northwind", "via": ["Ana Alum", "Ben Referred", "Cleo There"]},
    ]
    only_data = as_json(build(load(owner), goal_id=story["data"].pk))
    assert only_data["funnel"]["asked"] == 1 and [c["goal"] for c in only_data["careers"]] == ["Data journalism"]
    recent = as_json(build(load(owner), period="90"))
    assert recent["funnel"]["asked"] == 2


def test_the_page_shows_every_picture_with_its_table_and_never_a_rate_under_five(owner_client, story):
    response = owner_client.get(reverse("insights"))
    body = response.content.decode()
    for heading in ("From asking to referrals", "Replies by how you found people", "Careers side by side",
                    "Who led to whom", "Warm paths to your targets", "Activity per week"):
        assert heading in body
    assert body.count("<svg") == 4 and body.count("<table") >= 4
    assert "too few to tell" in body and "Alumni: 1 of 1 (too few to tell)" in body and "100%" not in body.split("Replies by")[1].split("Careers")[0]
    assert f'href="/people/{story["ben"].pk}/"' in body and "ask for an introduction" in body
    assert "Seeing a design change because of a study" in body and "Research ops is a job of its own" in body


def test_five_requests_give_a_rate(owner_client, owner):
    for n in range(5):
        ConversationFactory(owner=owner, person=PersonFactory(owner=owner, source="alumni"), state="accepted" if n < 2 else "requested",
                            requested_at=timezone.now())
    assert "Alumni: 2 of 5 (40%)" in owner_client.get(reverse("insights")).content.decode()


def test_the_filters_narrow_the_page_and_ignore_another_users_goal(owner_client, story, outsider):
    theirs = GoalFactory(owner=outsider, title="Theirs")
    page = owner_client.get(reverse("insights"), {"goal": story["data"].pk})
    assert page.context["goal_id"] == story["data"].pk and page.context["funnel"][0].count == 1
    page = owner_client.get(reverse("insights"), {"goal": theirs.pk, "period": "bogus"})
    assert page.context["goal_id"] is None and page.context["period"] == "all" and page.context["funnel"][0].count == 3


def test_an_outsider_sees_none_of_it(outsider_client, story):
    body = outsider_client.get(reverse("insights")).content.decode()
    assert "Ana Alum" not in body and "UX research" not in body and "Nothing to show yet" in body


def test_the_page_runs_the_same_queries_at_any_size(owner_client, owner, story):
    def grow(n):
        for i in range(n):
            org = OrganizationFactory(owner=owner, is_target=True)
            referrer = PersonFactory(owner=owner, organization=org)
            c = ConversationFactory(owner=owner, person=referrer, goal=story["ux"], state="held", requested_at=timezone.now(), fit="maybe")
            add_item(c, f"Question {i}?").__class__.objects.filter(conversation=c).update(note=f"note {i}")
            MessageFactory(owner=owner, person=referrer, conversation=c, kind="thank_you", sent_at=timezone.now())
            PersonFactory(owner=owner, referred_by=referrer, referral_conversation=c, organization=org)
            Lead.objects.create(owner=owner, conversation=c, kind="organization", name=f"Mentioned {i}", target=org)
            Lead.objects.create(owner=owner, conversation=c, kind="resource", resource_kind="course", name=f"Course {i}",
                                saved_to=story["data"])

    with CaptureQueriesContext(connection) as small:
        owner_client.get(reverse("insights"))
    grow(15)
    with CaptureQueriesContext(connection) as large:
        response = owner_client.get(reverse("insights"))
    assert response.context["funnel"][0].count == 18
    ux = next(c for c in response.context["careers"] if c.goal == story["ux"])
    assert len(ux.leads["organization"]) == 15 and len(ux.leads["resource"]) == 15
    assert len(large) == len(small)


def test_cli_insights_json(tmp_path):
    assert run_cli(tmp_path, "goals", "add", "UX research").returncode == 0
    result = run_cli(tmp_path, "insights", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"funnel", "by_source", "careers", "network", "warm_paths"}
    assert document["funnel"] == {"asked": 0, "answered": 0, "met": 0, "thanked": 0, "referrals": 0}
    assert document["careers"] == [{"goal": "UX research", "held": 0, "notes": {}, "leads": {}}]
    assert set(document["network"]) == {"nodes", "edges"}
    missing = run_cli(tmp_path, "insights", "--goal", "999")
    assert missing.returncode == 1 and "no goal 999" in missing.stderr


def test_a_warm_path_drafts_the_introduction_request(owner_client, owner, story, outsider):
    url = reverse("outreach:compose-introductions", args=[story["ben"].pk])
    response = owner_client.get(url, {"introduction": story["cleo"].pk})
    body = response.context["form"]["body"].value()
    assert response.context["template_key"] == "introduction"
    assert "Cleo There at Northwind" in body and "introducing us" in body
    stranger = PersonFactory(owner=outsider, first_name="Secret", last_name="Person")
    response = owner_client.get(url, {"introduction": stranger.pk})
    assert "Secret" not in response.content.decode() and response.context["template_key"] != "introduction"


def test_warm_paths_put_people_met_first_and_offer_no_second_ask(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Lumen", is_target=True)
    named = PersonFactory(owner=owner, first_name="Aaron", last_name="Named", organization=org)
    met = PersonFactory(owner=owner, first_name="Zed", last_name="Met", organization=org)
    ConversationFactory(owner=owner, person=met, state="held")
    paths = owner_client.get(reverse("insights")).context["warm_paths"]
    assert [(p.names, p.state) for p in paths] == [(["Zed Met"], "met"), (["Aaron Named"], "not_yet")]
    body = owner_client.get(reverse("insights")).content.decode()
    assert reverse("outreach:compose", args=[named.pk]) in body and reverse("outreach:compose", args=[met.pk]) not in body


def test_each_target_shows_its_first_three_paths_escaped_and_links_the_rest(owner_client, owner):
    org = OrganizationFactory(owner=owner, name="Lumen & <Co>", is_target=True)
    PersonFactory(owner=owner, first_name="<i>Ivo</i>", last_name="Aa", organization=org)
    met = PersonFactory(owner=owner, first_name="Zed", last_name="Met", organization=org)
    ConversationFactory(owner=owner, person=met, state="held")
    for n in range(3):
        PersonFactory(owner=owner, first_name=f"Name{n}", last_name="There", organization=org)
    paths = owner_client.get(reverse("insights")).content.decode().split('id="warm-paths"')[1].split("</section>")[0]
    assert "<i>" not in paths and "Lumen &amp; &lt;Co&gt;" in paths and "&lt;i&gt;Ivo&lt;/i&gt; Aa" in paths
    assert paths.count("<li>me → ") == 3 and "Zed Met</a> <small class=\"muted\">(met)</small>" in paths
    assert f'<a href="{reverse("insights:target", args=[org.pk])}">2 more</a>' in paths


def test_activity_is_shown_against_the_weekly_aim_from_settings(owner_client, owner, story):
    page = owner_client.get(reverse("insights")).content.decode()
    assert "set a weekly aim" in page and "aim-line" not in page
    owner.weekly_aim = 3
    owner.save()
    page = owner_client.get(reverse("insights")).content.decode()
    assert "your aim: 3 requests a week" in page and 'class="aim-line"' in page and "Aim of 3" in page
    assert "not yet" in page  # no week of the story reaches three requests


def test_careers_side_by_side_show_what_each_careers_conversations_led_to(owner_client, owner, story):
    from coffeechat.insights.data import load
    from coffeechat.insights.report import as_json, build

    empty = owner_client.get(reverse("insights")).content.decode()
    assert empty.count("Organisations, resources and openings you note") == 2  # one a career, before any lead
    held = story["ana"].conversations.get()
    Lead.objects.create(owner=owner, conversation=held, kind="organization", name="Lumen Labs")
    Lead.objects.create(owner=owner, conversation=held, kind="opening", name="Northwind Health", url="https://northwind.example/jobs")
    Lead.objects.create(owner=owner, conversation=held, kind="resource", resource_kind="association", name="Health UX Society")
    Lead.objects.create(owner=owner, conversation=held, kind="career", name="Research operations")
    # A resource saved to the other goal's list shows under that goal too; an outsider's never.
    Lead.objects.create(owner=owner, conversation=held, kind="resource", resource_kind="course", name="Newsroom stats",
                        saved_to=story["data"])
    Lead.objects.create(owner=UserFactory(username="else"), kind="organization", name="Not mine")
    careers = {c["goal"]: c["leads"] for c in as_json(build(load(owner)))["careers"]}
    assert careers["UX research"] == {"organization": ["Lumen Labs"], "opening": ["Northwind Health"],
                                      "resource": ["Health UX Society", "Newsroom stats"], "career": ["Research operations"]}
    assert careers["Data journalism"] == {"resource": ["Newsroom stats"]}
    body = owner_client.get(reverse("insights")).content.decode()
    section = body.split('id="careers"')[1].split('id="network"')[0]
    for text in ("Organisations mentioned", "Openings and employers", "Resources", "Careers and roles mentioned",
                 "Health UX Society", "(association)", 'href="https://northwind.example/jobs"', "— Ana Alum"):
        assert text in section, text
    assert "Not mine" not in body


def test_only_the_people_the_pictures_draw_on_are_read(owner, story):
    from coffeechat.insights.data import load, load_people

    PersonFactory.create_batch(30, owner=owner)  # names never contacted: not in any picture
    assert set(load(owner).people) == {story[k].pk for k in ("ana", "ben", "cleo", "dan")}
    # The targets page: the people there and who referred them, two steps back (Cleo ← Ben ← Ana).
    assert set(load_people(owner, organizations=[story["target"]])) == {story[k].pk for k in ("cleo", "ben", "ana")}
    assert load_people(owner) == {}


def test_old_conversations_count_in_all_time_but_not_in_the_last_year_or_the_chart(owner, story):
    from coffeechat.insights.data import load
    from coffeechat.insights.report import as_json, build

    long_ago = timezone.now() - timedelta(days=500)
    ConversationFactory(owner=owner, person=story["dan"], state="held", requested_at=long_ago,
                        scheduled_start=long_ago + timedelta(days=5), ended_at=long_ago + timedelta(days=5, hours=1))
    account = load(owner)
    assert as_json(build(account))["funnel"]["met"] == 2
    assert as_json(build(account, period="365"))["funnel"]["met"] == 1
    assert sum(week["held"] for week in build(account, period="365")["activity"]) == 1


def test_names_in_the_network_picture_and_table_are_escaped(owner_client, owner, story):
    PersonFactory(owner=owner, first_name="<script>alert(1)</script>", last_name="O'Hara", referred_by=story["ana"])
    body = owner_client.get(reverse("insights")).content.decode()
    network = body.split('id="network"')[1].split("</section>")[0]
    assert "<script>" not in network
    assert network.count("&lt;script&gt;alert(1)&lt;/script&gt; O&#x27;Hara") >= 3  # the dot's title, its label and the table row
    assert '<circle cx="' in network and "<tr><th scope=\"row\"><a href=" in network
