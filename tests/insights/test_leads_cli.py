"""`coffeechat leads add|list`: what conversations led to, for scripts."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coffeechat.insights.leads import make_target
from coffeechat.insights.models import Lead
from tests.clirun import run_cli
from tests.factories import ConversationFactory, GoalFactory, UserFactory

pytestmark = pytest.mark.django_db


def cli(capsys, *args):
    call_command("leads", *args, "--user", "owner")
    return capsys.readouterr().out


def test_add_and_list_as_json(capsys, owner):
    goal = GoalFactory(owner=owner, title="UX research")
    conversation = ConversationFactory(owner=owner, goal=goal, state="held", person__first_name="Priya", person__last_name="Shah")
    org_id = cli(capsys, "add", "Lumen Labs", "--kind", "organization", "--conversation", str(conversation.pk)).strip()
    cli(capsys, "add", "HL7 FHIR", "--kind", "resource", "--resource-kind", "course", "--conversation", str(conversation.pk),
        "--url", "hl7.org/fhir", "--note", "Free")
    cli(capsys, "add", "Journal of Health UX", "--kind", "resource", "--goal", str(goal.pk))
    make_target(Lead.objects.get(pk=org_id))
    document = json.loads(cli(capsys, "list", "--json"))
    lumen, fhir, journal = document["leads"]
    assert lumen == {"id": int(org_id), "kind": "organization", "resource_kind": None, "name": "Lumen Labs", "url": "", "note": "",
                     "conversation": {"id": conversation.pk, "person": "Priya Shah"},
                     "target": {"id": lumen["target"]["id"], "name": "Lumen Labs"}, "goal": None, "saved_to": None,
                     "created_at": lumen["created_at"]}
    assert (fhir["resource_kind"], fhir["url"], fhir["note"]) == ("course", "https://hl7.org/fhir", "Free")
    assert journal["conversation"] is None and journal["saved_to"] == {"id": goal.pk, "name": "UX research"}
    assert [lead["name"] for lead in json.loads(cli(capsys, "list", "--json", "--kind", "resource"))["leads"]] == ["HL7 FHIR", "Journal of Health UX"]
    assert [lead["name"] for lead in json.loads(cli(capsys, "list", "--json", "--goal", str(goal.pk)))["leads"]] == [
        "Lumen Labs", "HL7 FHIR", "Journal of Health UX"]
    table = cli(capsys, "list")
    assert "Lumen Labs" in table and "target:" in table and "resources of" in table  # rich wraps at the terminal width


def test_an_empty_list_says_where_leads_come_from(capsys, owner):
    assert "Nothing noted yet" in cli(capsys, "list")
    assert json.loads(cli(capsys, "list", "--json")) == {"leads": []}


@pytest.mark.parametrize(("args", "words"), [
    (["add", "X", "--kind", "organization"], "Say where it came from"),
    (["add", "X", "--kind", "organization", "--conversation", "999"], "no conversation 999"),
    (["add", "X", "--kind", "career", "--goal", "{goal}"], "--kind resource"),
    (["add", "X", "--kind", "organization", "--conversation", "{conversation}", "--url", "javascript:alert(1)"], "--url: Enter a valid URL"),
    (["add", " ", "--kind", "organization", "--conversation", "{conversation}"], "--name: Say what they mentioned"),
    (["list", "--goal", "{theirs}"], "no goal"),
])
def test_bad_input_exits_1_with_a_message_and_writes_nothing(owner, args, words):
    ids = {"goal": GoalFactory(owner=owner).pk, "conversation": ConversationFactory(owner=owner).pk,
           "theirs": GoalFactory(owner=UserFactory(username="else")).pk}
    with pytest.raises(CommandError) as caught:
        call_command("leads", *[a.format(**ids) for a in args], "--user", "owner")
    assert caught.value.returncode == 1 and words in str(caught.value)
    assert not Lead.objects.exists()


def test_the_real_command(tmp_path):
    assert run_cli(tmp_path, "goals", "add", "UX research").returncode == 0
    added = run_cli(tmp_path, "leads", "add", "Journal of Health UX", "--kind", "resource", "--goal", "1")
    assert added.returncode == 0, added.stderr
    listed = run_cli(tmp_path, "leads", "list", "--json")
    assert [lead["name"] for lead in json.loads(listed.stdout)["leads"]] == ["Journal of Health UX"]
    assert run_cli(tmp_path, "leads", "add", "X", "--kind", "nonsense", "--goal", "1").returncode == 2
    assert "leads list" in run_cli(tmp_path, "--help").stdout
