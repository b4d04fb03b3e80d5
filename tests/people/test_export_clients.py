"""Exported vCards open in real address-book software: khard (a vdir client, the Debian package)
and vobject read every card's name, emails, organisation and title intact."""

import ast
import shutil
import subprocess

import pytest
import vobject

from coffeechat.people.exports import export_people
from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(owner):
    org = OrganizationFactory(owner=owner, name="Haddad, Fares & Co")
    return [
        PersonFactory(owner=owner, first_name='James "Tyler"', middle_name="Q", last_name="Whitfield", organization=org,
                      title="Architect; partner", emails=["jt@example.com", "j.t@example.org"]),
        PersonFactory(owner=owner, first_name="Hélène", last_name="Béland-Ouellet", title="Infirmière praticienne",
                      organization=OrganizationFactory(owner=owner, name="Santé Nord"), emails=["helene@example.ca"]),
        PersonFactory(owner=owner, first_name="", last_name="", emails=["pat@example.org"]),
        PersonFactory(owner=owner, first_name="Wei", last_name="Zhang", emails=[], title="", organization=None),
    ]


def _expected(people):
    return {
        (p.first_name, p.last_name): (sorted(p.emails), p.organization.name if p.organization else "", p.title)
        for p in people
    }


def _cards(text: str) -> list[str]:
    return ["BEGIN:VCARD" + chunk for chunk in text.split("BEGIN:VCARD")[1:]]


def test_vobject_reads_every_card(owner, people):
    found = {}
    for card in vobject.readComponents(export_people(owner, "vcf")):
        orgs = card.contents.get("org", [])
        found[(card.n.value.given, card.n.value.family)] = (
            sorted(e.value for e in card.contents.get("email", [])),
            orgs[0].value[0] if orgs else "",
            card.title.value if "title" in card.contents else "",
        )
    assert found == _expected(people)


@pytest.mark.skipif(shutil.which("khard") is None, reason="khard is not installed (Debian package khard)")
def test_khard_reads_every_card(owner, people, tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    cards = _cards(export_people(owner, "vcf"))
    for index, card in enumerate(cards):   # a vdir: one card a file, as khard and vdirsyncer keep them
        (book / f"{index}.vcf").write_text(card, encoding="utf-8", newline="")
    config = tmp_path / "khard.conf"
    config.write_text(f"[addressbooks]\n[[coffeechat]]\npath = {book}\n\n[general]\ndefault_action = list\n\n"
                      "[vcard]\nskip_unparsable = no\n")
    result = subprocess.run(
        ["khard", "-c", str(config), "list", "--parsable", "-F", "uid,first_name,last_name,emails,organisations,titles"],
        capture_output=True, text=True, timeout=60, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "will not be available" not in result.stderr and "unparsable" not in result.stderr.lower(), result.stderr
    found = {}
    for line in result.stdout.splitlines():
        uid, first, last, emails, orgs, titles = line.split("\t")
        emails = ast.literal_eval(emails) if emails else {}
        orgs = ast.literal_eval(orgs) if orgs else []
        titles = ast.literal_eval(titles) if titles else []
        assert uid
        found[(first, last)] = (sorted(e for values in emails.values() for e in values),
                                orgs[0][0] if orgs else "", titles[0] if titles else "")
    assert len(found) == len(cards) == 4
    assert found == _expected(people)
