import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from coffeechat.accounts.pitch import pitch_for, speaking_seconds, suggested_pitch
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


def test_a_draft_from_the_profile_until_the_user_writes_one(owner):
    owner.first_name, owner.last_name, owner.intro_line = "Zoë", "Tremblay", "a final-year nursing student at Dalhousie"
    draft = suggested_pitch(owner, "health informatics")
    assert draft.startswith("I'm Zoë Tremblay, a final-year nursing student at Dalhousie.") and "health informatics" in draft
    assert "[One sentence on why this field draws you.]" in draft  # the part only the user can write
    owner.pitch = "  I'm Zoë, a nurse who wants to build better hospital software.  "
    assert pitch_for(owner, "anything") == "I'm Zoë, a nurse who wants to build better hospital software."


def test_speaking_time_counts_words_at_an_unhurried_pace():
    assert speaking_seconds("word " * 75) == 30 and speaking_seconds("") == 0


def test_settings_saves_the_pitch_and_shows_a_draft_as_placeholder(owner_client, owner):
    page = owner_client.get(reverse("settings")).content.decode()
    assert "My 30-second introduction" in page and "I&#x27;m exploring" in page
    data = {"first_name": "Zoë", "last_name": "T", "email": "z@example.com", "time_zone": "UTC", "week_start": 0,
            "meeting_minutes": 30, "thank_you_hours": 24, "second_contact_business_days": 3, "follow_up_business_days": 7,
            "keep_in_touch_days": 90, "pitch": "I'm Zoë, a nurse moving into health informatics."}
    assert owner_client.post(reverse("settings"), data).status_code == 302
    owner.refresh_from_db()
    assert owner.pitch == "I'm Zoë, a nurse moving into health informatics."


def test_the_brief_and_live_mode_show_it(owner_client, owner):
    owner.pitch = "I'm Zoë, a nurse moving into health informatics."
    owner.save()
    conversation = ConversationFactory(owner=owner, state="scheduled")
    for name in ("meetings:brief", "meetings:live"):
        assert "a nurse moving into health informatics" in owner_client.get(reverse(name, args=[conversation.pk])).content.decode()


def test_the_pitch_command(capsys, owner):
    owner.first_name, owner.intro_line = "Zoë", "a nursing student"
    owner.save()
    call_command("pitch", "--json", "--user", "owner")
    result = json.loads(capsys.readouterr().out)
    assert result["written"] is False and result["pitch"].startswith("I'm Zoë, a nursing student.") and result["seconds"] > 0
    owner.pitch = "I'm Zoë, a nurse moving into health informatics."
    owner.save()
    call_command("pitch", "--user", "owner")
    assert capsys.readouterr().out.strip() == owner.pitch
