import pytest

from coffeechat.conversations.models import Conversation
from coffeechat.people.models import Person
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_live_mode_keeps_every_character_across_a_reload_and_adds_referrals(page, sign_in, screenshot):
    user = UserFactory(username="live")
    conversation = ConversationFactory(owner=user, state="scheduled", minutes=20, person__first_name="Hélène", person__last_name="Béland")
    questions = [add_item(conversation, f"Question number {n}?", must_ask=n < 3) for n in range(1, 6)]
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{conversation.pk}/live/")
    assert page.locator("#timer").inner_text().startswith(("20:00", "19:5"))
    for n, question in enumerate(questions, 1):
        page.get_by_label(f"Notes for: {question.text}").fill(f"Answer {n}: ça marche — détails {n}")
    page.get_by_label("Notes", exact=True).fill("Free notes: mentor program, night shifts")
    page.get_by_label("Observations").fill("Open-plan ward, relaxed")
    page.wait_for_function("document.querySelectorAll('.saved').length >= 7")
    screenshot(page, "live-mode")

    page.reload()
    for n, question in enumerate(questions, 1):
        assert page.get_by_label(f"Notes for: {question.text}").input_value() == f"Answer {n}: ça marche — détails {n}"
    assert page.get_by_label("Notes", exact=True).input_value() == "Free notes: mentor program, night shifts"

    for name, org in (("Priya Shah", "Northwind Health"), ("Omar Haddad", "")):
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label("Organisation").fill(org)
        page.get_by_role("button", name="Add referral").click()
        page.locator("#referrals").get_by_role("link", name=name).wait_for()
    assert sorted(Person.objects.filter(referral_conversation=conversation).values_list("first_name", flat=True)) == ["Omar", "Priya"]

    page.get_by_role("button", name="End call").click()
    page.get_by_role("heading", name="Say thank you — within 24 hours").wait_for()  # the follow-up page
    assert Conversation.objects.get(pk=conversation.pk).state == "held"


def test_text_typed_while_the_server_is_unreachable_is_kept_and_saved_later(page, sign_in):
    user = UserFactory(username="offline")
    conversation = ConversationFactory(owner=user, state="scheduled")
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{conversation.pk}/live/")
    page.route("**/live/save/**", lambda route: route.abort())
    page.get_by_label("Notes", exact=True).fill("typed while offline")
    page.locator("#connection").wait_for(state="visible")
    page.unroute("**/live/save/**")
    page.reload()
    assert page.get_by_label("Notes", exact=True).input_value() == "typed while offline"
    page.wait_for_function("document.querySelector('.saved') !== null")
    conversation.refresh_from_db()
    assert conversation.notes == "typed while offline"


def test_live_mode_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="live-phone")
    conversation = ConversationFactory(owner=user, state="scheduled")
    add_item(conversation, "What does a typical week look like for you?", must_ask=True)
    base = sign_in(phone, user)
    phone.goto(f"{base}/conversations/{conversation.pk}/live/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "phone-live")


OUTAGE = ("**/live/save/**", "**/plan-items/**")


def cut(page):
    for pattern in OUTAGE:
        page.route(pattern, lambda route: route.abort())


def restore(page):
    for pattern in OUTAGE:
        page.unroute(pattern)


def test_notes_typed_during_an_outage_are_resent_when_the_server_returns(page, sign_in):
    user = UserFactory(username="outage")
    conversation = ConversationFactory(owner=user, state="scheduled")
    item = add_item(conversation, "What surprised you in your first year?")
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{conversation.pk}/live/")
    notes = page.get_by_label("Notes", exact=True)
    notes.press_sequentially("Before the outage. ")
    page.wait_for_function("document.querySelector('.saved') !== null")
    cut(page)
    notes.press_sequentially("Typed while down: night shifts, mentoring — ça va, 漢字 ✓", delay=15)
    page.get_by_label(f"Notes for: {item.text}").press_sequentially("The pace of the ward", delay=15)
    page.locator("#connection").wait_for(state="visible")
    page.wait_for_timeout(3500)  # at least one retry fails too
    restore(page)
    # Nothing more is typed: the retries alone bring every character to the server.
    page.locator("#connection").wait_for(state="hidden")
    page.wait_for_function("document.querySelectorAll('.saved').length >= 2")
    conversation.refresh_from_db()
    item.refresh_from_db()
    assert conversation.notes == "Before the outage. Typed while down: night shifts, mentoring — ça va, 漢字 ✓"
    assert item.note == "The pace of the ward"


def test_end_call_waits_for_unsaved_notes(page, sign_in):
    user = UserFactory(username="ending")
    conversation = ConversationFactory(owner=user, state="scheduled")
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{conversation.pk}/live/")
    cut(page)
    text = "Last words before hanging up: send the portfolio link, ask about the June cohort."
    page.get_by_label("Observations").press_sequentially(text, delay=5)
    page.get_by_role("button", name="End call").click()
    page.get_by_role("button", name="Saving your notes…").wait_for()
    page.wait_for_timeout(1500)
    assert page.url.endswith("/live/")
    assert Conversation.objects.get(pk=conversation.pk).state == "scheduled"
    restore(page)
    page.get_by_role("heading", name="Say thank you — within 24 hours").wait_for()
    conversation.refresh_from_db()
    assert conversation.observations == text and conversation.state == "held"
