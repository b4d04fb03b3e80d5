"""Issue 14 items 1 and 2 in a real browser, at 1280 px and on a 375 px phone."""

import pytest
from django.utils import timezone

from coffeechat.outreach.models import Message
from coffeechat.questions.plans import add_item
from tests.factories import ConversationFactory, MessageFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROMPT = "[something specific about their work or path]"
BODY = (f"Dear Hélène,\n\nI'm Zoë Kowalczyk, a final-year nursing student at Dalhousie. Your path caught my eye: {PROMPT}.\n\n"
        "Would you have 20 minutes for a short video call? Tuesday 1 December at 2:00 pm would suit me.\n\n"
        "I am not asking about jobs — only hoping to learn from your experience.\n\nThank you for considering it,\nZoë Kowalczyk")


@pytest.mark.parametrize("viewport", ["page", "phone"])
def test_a_prompt_left_blocks_sending_and_is_fixed_in_place(request, viewport, sign_in, screenshot):
    browser_page = request.getfixturevalue(viewport)
    user = UserFactory(username=f"zoe-{viewport}", first_name="Zoë", last_name="Kowalczyk")
    person = PersonFactory(owner=user, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"])
    message = MessageFactory(owner=user, person=person, subject="Learning from your experience", body=BODY)
    base = sign_in(browser_page, user)
    browser_page.goto(f"{base}{message.get_absolute_url()}")
    browser_page.get_by_role("heading", name="Not ready to send").wait_for()
    assert browser_page.get_by_role("button", name="Open in my mail app").count() == 0
    assert browser_page.get_by_role("button", name="I sent it").count() == 0
    assert browser_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(browser_page, f"send-blocked-{viewport}")

    browser_page.get_by_role("button", name="Fix it now").click()
    body = browser_page.get_by_label("Body")
    body.wait_for()
    selected = browser_page.evaluate("(() => { const b = document.getElementById('id_body'); "
                                     "return document.activeElement === b ? b.value.slice(b.selectionStart, b.selectionEnd) : ''; })()")
    assert selected == PROMPT  # the prompt is selected: typing replaces it
    screenshot(browser_page, f"send-fix-in-place-{viewport}")
    browser_page.keyboard.type("your move from bedside nursing into informatics")
    browser_page.get_by_role("button", name="Save draft and choose how to send").click()
    browser_page.get_by_role("heading", name="Send it").wait_for()
    assert browser_page.get_by_role("button", name="Open in my mail app").get_attribute("href").startswith("mailto:helene@northwind.example?")
    message.refresh_from_db()
    assert PROMPT not in message.body and "your move from bedside nursing into informatics" in message.body
    screenshot(browser_page, f"send-ready-{viewport}")


@pytest.mark.parametrize("viewport", ["page", "phone"])
def test_the_thank_you_uses_my_words_not_my_notes_and_opens_with_the_coach(request, viewport, sign_in, screenshot):
    browser_page = request.getfixturevalue(viewport)
    user = UserFactory(username=f"thanks-{viewport}", first_name="Zoë", last_name="Kowalczyk")
    person = PersonFactory(owner=user, first_name="Hélène", last_name="Béland", emails=["helene@northwind.example"])
    conversation = ConversationFactory(owner=user, person=person, state="held", ended_at=timezone.now(),
                                       notes="Very warm; suggested I talk to Priya")
    first = add_item(conversation, "How did you move from the ward into informatics?")
    first.note, first.asked = "Super-user role first, then the Epic course — said it took her 2 yrs", True
    first.save()
    second = add_item(conversation, "What does a typical week look like?")
    second.note, second.asked = "Mostly meetings with clinicians", True
    second.save()
    base = sign_in(browser_page, user)
    browser_page.goto(f"{base}/conversations/{conversation.pk}/follow-up/")
    browser_page.get_by_role("heading", name="1. Say thank you — within 24 hours").wait_for()
    line = browser_page.get_by_label("What helped, in your words, for: How did you move from the ward into informatics?")
    assert line.input_value() == "your answer to “How did you move from the ward into informatics?”"
    browser_page.get_by_label("How did you move from the ward into informatics?", exact=True).check()
    line.fill("your advice to start as a super-user on my ward")
    screenshot(browser_page, f"thanks-pick-{viewport}")
    browser_page.get_by_role("button", name="Draft the thank-you").click()
    browser_page.get_by_role("heading", name="Edit draft").wait_for()
    browser_page.locator("#coach").wait_for()
    text = browser_page.get_by_label("Body").input_value()
    assert "I especially valued your advice to start as a super-user on my ward." in text
    assert "Super-user role first" not in text and "Very warm" not in text and "Mostly meetings" not in text
    screenshot(browser_page, f"thanks-editor-{viewport}")
    assert Message.objects.get(kind="thank_you").sent_at is None
