"""Hostile values in contact files (issue 17, item 4): nothing crashes, nothing unclean is stored,
and every value dropped is reported against its row. Run on SQLite and on PostgreSQL (which
refuses NUL characters outright)."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.people.formats import ImportFormatError, parse_contacts
from coffeechat.people.imports import import_file
from coffeechat.people.models import ImportBatch, Organization, Person
from tests.clirun import run_cli

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
HOSTILE_LINKEDIN = (
    HEADER
    + "Ada,Lovelace,[x],ada@example.org,Acme,Engineer,09 Oct 2024\r\n"
    + "Om\x00ar,Had\x07dad,https://www.linkedin.com/in/om\x00ar,,Ac\x00me\x1b[31m,Eng\x0bineer,09 Oct 2024\r\n"
    + "Zoë,K,http://[::1,,Fabrikam\u2028Labs,Analyst,09 Oct 2024\r\n"
).encode()
HOSTILE_GOOGLE = (
    b"First Name,Last Name,E-mail 1 - Value,Website 1 - Value,Website 2 - Value,Notes,Labels\r\n"
    b"Nia,Okafor,nia@example.org,javascript:alert(1),https://[x]/,\"line\x00one\r\nline two\",Men\x00tors\r\n"
)
HOSTILE_VCARD = (
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Ok=00afor;N=1Bia;;;\r\nFN:Nia Okafor\r\n"
    b"URL:[x]\r\nURL:https://nia.example/\x00talks\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=00b\r\nEND:VCARD\r\n"
)


def stored_values(owner):
    for person in Person.objects.for_user(owner):
        yield from (person.first_name, person.last_name, person.title, person.location, person.linkedin_url,
                    person.research, *person.emails, *person.links, *person.phones)
    for org in Organization.objects.for_user(owner):
        yield org.name


@pytest.mark.django_db
@pytest.mark.parametrize("data", [HOSTILE_LINKEDIN, HOSTILE_GOOGLE, HOSTILE_VCARD], ids=["linkedin", "google", "vcard"])
def test_hostile_values_are_cleaned_before_anything_is_stored(owner, data):
    plan, batch = import_file(owner, data, filename="bad\x00name.csv")
    assert batch.status == ImportBatch.Status.DONE and plan.summary["new"] >= 1
    values = list(stored_values(owner))
    assert values and not any(CONTROL.search(v) for v in values)
    assert not any("\u2028" in v for v in values)
    assert all(link.startswith("https://") for p in Person.objects.for_user(owner) for link in p.links)


@pytest.mark.django_db
def test_an_invalid_web_address_is_dropped_and_reported_on_its_row(owner):
    plan, _ = import_file(owner, HOSTILE_LINKEDIN)
    ada = Person.objects.get(owner=owner, first_name="Ada")
    assert ada.linkedin_url == "" and ada.emails == ["ada@example.org"]
    omar = Person.objects.get(owner=owner, first_name="Omar")
    assert (omar.last_name, omar.organization.name, omar.title, omar.linkedin_url) == (
        "Haddad", "Acme[31m", "Engineer", "https://www.linkedin.com/in/omar")
    reported = {(p.row, p.skipped) for p in plan.problems}
    assert {(2, False), (4, False)} <= reported
    assert any("[x]" in p.reason for p in plan.problems if p.row == 2)
    plan, _ = import_file(owner, HOSTILE_GOOGLE)
    nia = Person.objects.get(owner=owner, first_name="Nia")
    assert nia.links == [] and nia.research == "lineone\nline two"
    assert sorted(p.reason.split("”")[0] for p in plan.problems) == ["“https://[x]/", "“javascript:alert(1)"]


@pytest.mark.django_db
def test_the_web_import_of_a_hostile_file_previews_and_confirms(owner_client, owner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("hostile.csv", HOSTILE_LINKEDIN, content_type="text/csv")
    response = owner_client.post(reverse("people:import"), {"file": upload, "format": "auto"})
    assert response.status_code == 302
    batch = ImportBatch.objects.get(owner=owner)
    preview = owner_client.get(batch.get_absolute_url())
    assert preview.status_code == 200 and "[x]" in preview.content.decode()
    assert owner_client.post(reverse("people:import-confirm", args=[batch.pk])).status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and batch.created_count == 3
    assert not any(CONTROL.search(v) for v in stored_values(owner))
    done = owner_client.get(batch.get_absolute_url())
    assert done.status_code == 200 and "is not a web address" in done.content.decode()


def test_the_cli_reports_hostile_values_without_a_traceback(tmp_path):
    path = tmp_path / "hostile.csv"
    path.write_bytes(HOSTILE_LINKEDIN)
    result = run_cli(tmp_path / "data", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "row 2 (imported): “[x]” is not a web address" in result.stdout
    broken = tmp_path / "broken.vcf"
    broken.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:\xff\xfe\x00\x00;;;\r\n" + b"\x00" * 5000)
    refused = run_cli(tmp_path / "data", "import", str(broken))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and "Nothing was imported" in refused.stderr


_cell = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cell, min_size=7, max_size=7), min_size=1, max_size=5), st.sampled_from(["linkedin", "google", "vcard"]))
def test_no_file_content_raises_anything_but_a_refusal_and_nothing_unclean_comes_out(rows, kind):
    if kind == "vcard":
        data = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{r[0]};{r[1]};;;\r\nFN:{r[2]}\r\nURL:{r[3]}\r\nORG:{r[4]}\r\n"
                       f"TITLE:{r[5]}\r\nEMAIL:{r[6]}\r\nEND:VCARD\r\n" for r in rows)
    else:
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(HEADER.strip().split(",") if kind == "linkedin"
                        else ["First Name", "Last Name", "Website 1 - Value", "E-mail 1 - Value", "Organization Name",
                              "Organization Title", "Labels"])
        writer.writerows(rows)
        data = out.getvalue()
    try:
        result = parse_contacts(data.encode("utf-8", errors="surrogatepass"))
    except ImportFormatError:
        return
    for r in result.records:
        for value in (r.first_name, r.last_name, r.middle_name, r.organization, r.title, r.location, r.linkedin_url,
                      *r.emails, *r.links, *r.tags, *r.phones):
            assert not CONTROL.search(value) and "\x00" not in value
        assert not CONTROL.sub("", r.notes) != r.notes.replace("\t", "\t")
        for link in r.links + ([r.linkedin_url] if r.linkedin_url else []):
            assert link.startswith(("http://", "https://")) and " " not in link
