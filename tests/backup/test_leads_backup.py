"""Leads are in the backup with what they became, old backups without them still restore, and a bad one is refused."""

import json

import pytest

from coffeechat.backup import BackupError, export_backup, restore_backup
from coffeechat.insights.models import Lead
from tests.factories import ConversationFactory, GoalFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(owner):
    goal = GoalFactory(owner=owner, title="UX research")
    conversation = ConversationFactory(owner=owner, goal=goal, state="held", person__first_name="Priya")
    target = OrganizationFactory(owner=owner, name="Lumen Labs", is_target=True)
    made = GoalFactory(owner=owner, title="Research operations", kind="role")
    Lead.objects.create(owner=owner, conversation=conversation, kind="organization", name="Lumen Labs", target=target)
    Lead.objects.create(owner=owner, conversation=conversation, kind="career", name="Research operations", goal=made)
    Lead.objects.create(owner=owner, conversation=conversation, kind="resource", resource_kind="course", name="HL7 FHIR",
                        url="https://hl7.org/fhir", note="Free", saved_to=goal)
    Lead.objects.create(owner=owner, kind="resource", resource_kind="publication", name="Journal", saved_to=goal)
    return json.loads(json.dumps(export_backup(owner)))


def leads_of(document):
    return document["data"]["insights.lead"]


def test_leads_round_trip_with_their_conversation_target_goal_and_list(owner, document):
    assert [item["fields"]["name"] for item in leads_of(document)] == ["Lumen Labs", "Research operations", "HL7 FHIR", "Journal"]
    target = UserFactory(username="restored")
    counts = restore_backup(target, document)
    assert counts["insights.lead"] == 4
    restored = {lead.name: lead for lead in Lead.objects.filter(owner=target).select_related("conversation__person", "target", "goal", "saved_to")}
    assert restored["Lumen Labs"].target.name == "Lumen Labs" and restored["Lumen Labs"].target.owner == target
    assert restored["Research operations"].goal.title == "Research operations"
    fhir = restored["HL7 FHIR"]
    assert (fhir.url, fhir.note, fhir.resource_kind, fhir.saved_to.title, fhir.conversation.person.first_name) == (
        "https://hl7.org/fhir", "Free", "course", "UX research", "Priya")
    assert fhir.conversation.owner == target and restored["Journal"].conversation is None
    again = export_backup(target)
    assert leads_of(json.loads(json.dumps(again))) == leads_of(document)


def test_a_backup_from_before_leads_still_restores(owner, document):
    del document["data"]["insights.lead"]
    target = UserFactory(username="older")
    restore_backup(target, document)
    assert not Lead.objects.filter(owner=target).exists()


@pytest.mark.parametrize(("field", "value", "words"), [
    ("url", "javascript:alert(1)", "url: Enter a valid URL."),
    ("url", "ftp://files.example.org/x", "url: Enter a web address starting with http:// or https://."),
    ("kind", "made-up", "kind: Value 'made-up' is not a valid choice."),
    ("resource_kind", "poster", "resource_kind: Value 'poster' is not a valid choice."),
    ("name", "", "name: This field cannot be blank."),
    ("note", "x" * 501, "note: Ensure this value has at most 500 characters"),
])
def test_a_lead_the_form_would_refuse_is_refused(document, field, value, words):
    leads_of(document)[2]["fields"][field] = value
    target = UserFactory(username="target")
    with pytest.raises(BackupError) as caught:
        restore_backup(target, document)
    assert "insights.lead #3: " + words in str(caught.value) and "nothing was restored" in str(caught.value)
    assert not Lead.objects.filter(owner=target).exists()
