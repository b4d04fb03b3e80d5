import re

import pytest

from coffeechat.questions.plans import apply_preset
from tests.factories import ConversationFactory, GoalFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RESEARCH = ("Nurse practitioner at Northwind Health since 2019. Led the move to electronic charting on three wards. "
            "Spoke at the 2024 Canadian Nursing Informatics conference about training older staff. ") * 3


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_brief_prints_on_one_page(page, sign_in, screenshot, paper):
    user = UserFactory(username=f"brief-{paper}")
    conversation = ConversationFactory(
        owner=user, goal=GoalFactory(owner=user, title="how nurses move into informatics", key_questions=["What does a normal week look like?", "Which skills carried over from the wards?", "What would you learn first?"]), person__first_name="Hélène", person__last_name="Béland",
        person__research=RESEARCH, person__commonalities=[{"kind": "school", "detail": "Dalhousie"}, {"kind": "interest", "detail": "rowing"}],
    )
    apply_preset(conversation, "tiara", replace=True)
    base = sign_in(page, user)
    page.goto(f"{base}/conversations/{conversation.pk}/brief/")
    page.emulate_media(media="print")
    screenshot(page, f"brief-print-{paper}")
    pdf = page.pdf(format=paper, print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the brief takes {pages} {paper} pages"


def test_the_brief_reads_on_a_phone(phone, sign_in, screenshot):
    user = UserFactory(username="brief-phone")
    conversation = ConversationFactory(owner=user, person__research=RESEARCH)
    apply_preset(conversation, "first-conversation", replace=True)
    base = sign_in(phone, user)
    phone.goto(f"{base}/conversations/{conversation.pk}/brief/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "phone-brief")
