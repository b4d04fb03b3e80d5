import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from coffeechat.events.models import Event
from coffeechat.outreach.models import Message
from coffeechat.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evening(owner):
    return Event.objects.create(owner=owner, name="Alumni evening in health tech", date="2026-11-18", place="Halifax", kind="alumni")


def today_json(capsys, as_of):
    call_command("today", "--json", "--as-of", as_of, "--user", "owner")
    return json.loads(capsys.readouterr().out)["items"]


def test_the_empty_list_says_what_events_are_for(owner_client):
    page = owner_client.get(reverse("events:list")).content.decode()
    assert "No events yet" in page and reverse("events:add") in page


def test_record_an_event_and_the_people_met_there(owner_client, owner):
    response = owner_client.post(reverse("events:add"), {"name": "Health tech fair", "kind": "fair", "date": "2026-11-18", "place": "Halifax"})
    event = Event.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    owner_client.post(reverse("events:met", args=[event.pk]), {"name": "Aisha  Ahmed", "organization": "Stantec", "line": "Said to read the CSA standards"})
    aisha = Person.objects.get(owner=owner)
    assert (aisha.first_name, aisha.last_name, aisha.source, aisha.event, aisha.organization.name) == ("Aisha", "Ahmed", "event", event, "Stantec")
    assert "CSA standards" in aisha.research and aisha.source_detail == "Health tech fair"
    page = owner_client.get(event.get_absolute_url()).content.decode()
    assert "Aisha Ahmed" in page and reverse("outreach:compose", args=[aisha.pk]) in page


def test_bad_input_is_explained_and_kept(owner_client, evening):
    response = owner_client.post(reverse("events:met", args=[evening.pk]), {"name": "", "organization": "Stantec", "email": "not-an-email"})
    page = response.content.decode()
    assert response.status_code == 422 and "Stantec" in page and "This field is required" in page
    assert not Person.objects.exists()
    response = owner_client.post(reverse("events:add"), {"name": "No date"})
    assert response.status_code == 422 and "No date" in response.content.decode()


def test_deleting_an_event_keeps_the_people(owner_client, evening, owner):
    person = PersonFactory(owner=owner, event=evening)
    owner_client.post(reverse("events:delete", args=[evening.pk]))
    person.refresh_from_db()
    assert not Event.objects.exists() and person.event is None


@pytest.mark.parametrize(("name", "method"), [("events:event", "get"), ("events:edit", "get"), ("events:edit", "post"),
                                             ("events:delete", "post"), ("events:met", "post")])
def test_an_outsider_gets_404(outsider_client, evening, name, method):
    response = getattr(outsider_client, method)(reverse(name, args=[evening.pk]), {"name": "Intruder", "date": "2026-01-01"})
    assert response.status_code == 404
    assert Event.objects.get().name == "Alumni evening in health tech" and not Person.objects.exists()


def test_the_list_shows_only_my_events(outsider_client, evening):
    assert "in health tech" not in outsider_client.get(reverse("events:list")).content.decode()


def test_a_follow_up_is_due_within_two_days_and_goes_once_written(capsys, owner, evening):
    owner.time_zone = "America/Halifax"
    owner.save()
    person = PersonFactory(owner=owner, first_name="Aisha", event=evening, source="event")
    [item] = [i for i in today_json(capsys, "2026-11-18T21:00") if i["kind"] == "event_follow_up"]
    assert item["person"] == "Aisha " + person.last_name and item["due"].startswith("2026-11-20T17:00") and not item["overdue"]
    assert today_json(capsys, "2026-11-21T09:00")[0]["overdue"]
    Message.objects.create(owner=owner, person=person, kind="request", body="Hello", sent_at="2026-11-19T15:00:00+00:00")
    assert not [i for i in today_json(capsys, "2026-11-21T09:00") if i["kind"] == "event_follow_up"]


def test_the_cli_contracts(tmp_path):
    from tests.clirun import run_cli

    added = run_cli(tmp_path, "events", "add", "Women in Engineering evening", "--on", "2026-11-18", "--where", "Halifax")
    assert added.returncode == 0, added.stderr
    event_id = added.stdout.strip()
    [event] = json.loads(run_cli(tmp_path, "events", "list", "--json").stdout)["events"]
    assert (str(event["id"]), event["name"], event["date"], event["place"]) == (event_id, "Women in Engineering evening", "2026-11-18", "Halifax")
    person = run_cli(tmp_path, "people", "add", "Aisha Ahmed", "--org", "Stantec", "--event", event_id)
    assert person.returncode == 0, person.stderr
    items = json.loads(run_cli(tmp_path, "today", "--json", "--as-of", "2026-11-19T09:00").stdout)["items"]
    assert [(i["kind"], i["person"]) for i in items] == [("event_follow_up", "Aisha Ahmed")]
    assert json.loads(run_cli(tmp_path, "events", "list", "--json").stdout)["events"][0]["people_met"] == 1
    for bad in (["events", "add", "X", "--on", "18/11/2026"], ["people", "add", "Y", "--event", "999"]):
        result = run_cli(tmp_path, *bad)
        assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr.strip()
    assert run_cli(tmp_path, "events", "add", "X").returncode == 2


def test_the_navigation_counts_event_follow_ups_as_today_does(owner, evening):
    from django.utils import timezone

    from coffeechat.followups.today import due_now, due_summary, navigation_count

    PersonFactory(owner=owner, event=evening, source="event")
    PersonFactory(owner=owner, event=Event.objects.create(owner=owner, name="Tomorrow's fair", date=timezone.localdate()), source="event")
    now = timezone.now()
    assert navigation_count(owner, now) == due_now(due_summary(owner, now, screenful=100)) == 1
