import pytest

from coffeechat.people.models import Person
from tests.factories import UserFactory
from tests.people.importdata import LINKEDIN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_a_linkedin_export_preview_confirm_and_undo(page, sign_in, screenshot, tmp_path):
    user = UserFactory(username="importer")
    path = tmp_path / "Connections.csv"
    path.write_bytes(LINKEDIN.encode())
    base = sign_in(page, user)
    page.goto(base + "/people/")
    page.get_by_role("button", name="Import contacts").first.click()
    page.get_by_label("Contacts file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("heading", name="Check before importing").wait_for()
    assert page.get_by_text("no name and no email address").is_visible()
    screenshot(page, "import-preview")
    assert Person.objects.count() == 0
    page.get_by_role("button", name="Import 3 new people").click()
    page.get_by_role("heading", name="Import finished").wait_for()
    screenshot(page, "import-done")
    assert Person.objects.filter(owner=user).count() == 3
    page.get_by_role("button", name="See the people it added").click()
    page.get_by_role("link", name="Hélène Béland").wait_for()
    page.go_back()
    page.get_by_role("button", name="Undo this import").click()
    page.get_by_role("button", name="Undo import").click()
    page.get_by_role("heading", name="Import undone").wait_for()
    assert Person.objects.filter(owner=user).count() == 0


def test_a_wrong_file_gets_a_plain_message(page, sign_in, tmp_path):
    user = UserFactory(username="wrongfile")
    path = tmp_path / "holiday.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    base = sign_in(page, user)
    page.goto(base + "/import/")
    page.get_by_label("Contacts file").set_input_files(str(path))
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_text("This file is not text").wait_for()
    assert Person.objects.count() == 0
