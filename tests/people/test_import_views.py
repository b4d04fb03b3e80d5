import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coffeechat.people.models import ImportBatch, Person
from tests.people.importdata import LINKEDIN

pytestmark = pytest.mark.django_db
START = reverse("people:import")


def upload(client, content: bytes, name="Connections.csv", fmt="auto"):
    return client.post(START, {"file": SimpleUploadedFile(name, content, "text/csv"), "format": fmt})


def test_the_import_page_explains_where_files_come_from(owner_client):
    body = owner_client.get(START).content.decode()
    assert "Connections.csv" in body and "Preview the import" in body


def test_upload_previews_then_confirm_imports_what_the_preview_said(owner_client, owner):
    response = upload(owner_client, LINKEDIN.encode())
    batch = ImportBatch.objects.get(owner=owner)
    assert response.status_code == 302 and response.url == batch.get_absolute_url()
    preview = owner_client.get(batch.get_absolute_url()).content.decode()
    assert "Import 3 new people" in preview and "Hélène" in preview
    assert not Person.objects.exists()
    done = owner_client.post(reverse("people:import-confirm", args=[batch.pk]), follow=True)
    assert "Import finished" in done.content.decode()
    assert Person.objects.for_user(owner).count() == 3
    listed = owner_client.get(reverse("people:list"), {"batch": batch.pk})
    assert listed.context["page"].paginator.count == 3


def test_a_wrong_file_is_refused_with_a_plain_message_and_nothing_changes(owner_client, owner):
    response = upload(owner_client, b"Region,Q1 sales\nNorth,100\n", name="sales.csv")
    assert response.status_code == 422
    assert "Nothing was imported." in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_cancel_discards_the_preview(owner_client, owner):
    upload(owner_client, LINKEDIN.encode())
    batch = ImportBatch.objects.get(owner=owner)
    owner_client.post(reverse("people:import-cancel", args=[batch.pk]))
    assert not ImportBatch.objects.exists() and not Person.objects.exists()


def test_undo_from_the_web(owner_client, owner):
    upload(owner_client, LINKEDIN.encode())
    batch = ImportBatch.objects.get(owner=owner)
    owner_client.post(reverse("people:import-confirm", args=[batch.pk]))
    assert "Undo the import" in owner_client.get(reverse("people:import-undo", args=[batch.pk])).content.decode()
    owner_client.post(reverse("people:import-undo", args=[batch.pk]))
    assert not Person.objects.exists()


@pytest.mark.parametrize("name", ["people:import-batch", "people:import-confirm", "people:import-cancel", "people:import-undo"])
def test_an_outsider_gets_404_for_someone_elses_import(client, owner, outsider, name):
    client.force_login(owner)
    upload(client, LINKEDIN.encode())
    batch = ImportBatch.objects.get(owner=owner)
    client.force_login(outsider)
    response = client.post(reverse(name, args=[batch.pk])) if name != "people:import-batch" else client.get(reverse(name, args=[batch.pk]))
    assert response.status_code == 404
    assert "Béland" not in response.content.decode()
    assert ImportBatch.objects.filter(pk=batch.pk, status="preview").exists()


@pytest.mark.parametrize(("fmt", "marker"), [("json", '"coffeechat-backup"'), ("csv", "First Name"), ("vcard", "BEGIN:VCARD")])
def test_downloads_contain_only_the_users_data(owner_client, owner, second_user, fmt, marker):
    from tests.factories import PersonFactory

    PersonFactory(owner=owner, first_name="Mine")
    PersonFactory(owner=second_user, first_name="Theirs")
    response = owner_client.get(reverse("people:export", args=[fmt]))
    body = response.content.decode("utf-8-sig")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert marker in body and "Mine" in body and "Theirs" not in body


def test_a_few_hundred_rows_preview_matches_what_lands(owner_client, owner):
    from tests.factories import PersonFactory
    from tests.people.importdata import linkedin_rows

    PersonFactory(owner=owner, linkedin_url="https://www.linkedin.com/in/person-7", title="")
    upload(owner_client, linkedin_rows(400))
    batch = ImportBatch.objects.get(owner=owner)
    preview = owner_client.get(batch.get_absolute_url())
    summary = preview.context["summary"]
    assert (summary["new"], summary["matched"], summary["updated"]) == (399, 1, 1)
    owner_client.post(reverse("people:import-confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert (batch.created_count, batch.matched_count, batch.updated_count) == (399, 1, 1)
    assert Person.objects.for_user(owner).count() == 400
