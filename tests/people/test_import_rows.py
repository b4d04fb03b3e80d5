"""The import's own insert (imports/rows.py), its pause of the cycle collector (bulk.py) and the
fold it matches and searches with: what they store and restore is what the ORM would."""

import gc
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.people.bulk import paused_gc
from coffeechat.people.imports import import_file, rows
from coffeechat.people.models import Organization, Person, Source
from coffeechat.text import fold
from tests.people.importdata import linkedin_rows

pytestmark = pytest.mark.django_db


def _cards(n: int) -> bytes:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Family{i};Given{i};;;\r\nFN:Given{i} Family{i}\r\nORG:Org {i % 7}\r\n"
        f"EMAIL:p{i}@example.com\r\nTEL:+1 416 555 {i:04d}\r\nCATEGORIES:tag{i}\r\nEND:VCARD\r\n"
        for i in range(n)
    ).encode()


def test_an_import_over_several_statements_lands_whole_with_each_persons_own_tags(owner, monkeypatch):
    # SQLite builds older than 3.32 allow 999 parameters a statement: many statements, same result.
    monkeypatch.setattr(rows, "max_parameters", lambda: 999)
    with CaptureQueriesContext(connection) as ctx:
        plan, batch = import_file(owner, _cards(250))
    # Full chunks are one statement run several times ("3 times: INSERT …"), the rest one more.
    runs = [int(q["sql"].split(" times: ")[0]) if " times: " in q["sql"] else 1
            for q in ctx.captured_queries if 'INSERT INTO "people_person"' in q["sql"]]
    assert sum(runs) > 3 and len(runs) == 2
    assert plan.summary["new"] == batch.created_count == Person.objects.for_user(owner).count() == 250
    people = Person.objects.for_user(owner).prefetch_related("tags").select_related("organization")
    for person in people:
        i = int(person.first_name.removeprefix("Given"))
        assert [t.name for t in person.tags.all()] == [f"tag{i}"]
        assert (person.last_name, person.emails, person.phones) == (f"Family{i}", [f"p{i}@example.com"], [f"+1 416 555 {i:04d}"])
        assert person.organization.name == f"Org {i % 7}"
    assert Organization.objects.for_user(owner).count() == 7


def test_an_imported_person_holds_what_the_model_would_have_stored(owner):
    _, batch = import_file(owner, linkedin_rows(1))
    imported = Person.objects.get(owner=owner)
    typed = Person(owner=owner, first_name="Given0", last_name="Family0", linkedin_url="https://www.linkedin.com/in/person-0",
                   title="Engineer", organization=imported.organization, source=Source.LINKEDIN, connected_on=imported.connected_on)
    typed.save()
    skip = {"id", "created_at", "updated_at", "import_batch"}
    assert {f.name: getattr(imported, f.attname) for f in Person._meta.concrete_fields if f.name not in skip} == {
        f.name: getattr(typed, f.attname) for f in Person._meta.concrete_fields if f.name not in skip}
    assert imported.import_batch == batch and imported.created_at == imported.updated_at
    organization = imported.organization
    assert organization.search_text == fold(organization.name) and organization.links == [] and organization.postings == 1
    # Found by the full-text index (kept by triggers on SQLite) like anyone typed in.
    assert Person.objects.for_user(owner).filter(pk=imported.pk).exists()
    from coffeechat.people.search import matching
    assert list(matching(Person.objects.for_user(owner), "fami", owner)) == [imported, typed]


def test_the_cycle_collector_is_paused_inside_and_restored_after_even_on_error():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with pytest.raises(ValueError), paused_gc():
            raise ValueError
        assert not gc.isenabled()   # the inner block's end does not resume it
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()   # it was off before: it stays off
    finally:
        gc.enable()


def test_overlapping_pauses_in_two_threads_resume_the_collector_once_both_end():
    inside, release = threading.Event(), threading.Event()

    def other():
        with paused_gc():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with paused_gc():
        pass
    assert not gc.isenabled()   # the other thread's import still runs
    release.set()
    thread.join(5)
    assert gc.isenabled()


@pytest.mark.parametrize(("text", "folded"), [
    ("Béland", "beland"), ("  Zoë   MÜLLER ", "zoe muller"), ("Straße", "strasse"), ("ﬁne", "fine"),
    ("Ἀθῆναι", "αθηναι"), ("שָׁלוֹם", "שלום"), ("क़", "क"), ("a\u034fb", "a\u034fb"), ("Ｔｏｋｙｏ", "tokyo"), ("", ""),
])
def test_fold_removes_accents_and_marks_of_every_script_and_nothing_else(text, folded):
    assert fold(text) == folded


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def _linkedin(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\r\n" for row in rows)).encode()


def test_filling_in_sets_only_what_was_empty_keeps_search_in_step_and_skips_the_removed(owner):
    long_title = "Principal " + "x" * 250
    import_file(owner, _linkedin("Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,,09 Oct 2024",
                                 "Omar,Haddad,https://www.linkedin.com/in/omar,,,,",
                                 "Wei,Zhang,https://www.linkedin.com/in/wei,,Contoso,Designer,09 Oct 2024"))
    ada, omar, wei = (Person.objects.get(owner=owner, first_name=n) for n in ("Ada", "Omar", "Wei"))
    from coffeechat.people.formats import parse_contacts
    from coffeechat.people.imports import apply_import, plan_import
    from coffeechat.people.models import ImportBatch
    from coffeechat.people.search import matching

    plan = plan_import(owner, parse_contacts(_linkedin(
        f"Ada,Lovelace,https://www.linkedin.com/in/ada,ada@engines.example,Engines,{long_title},09 Oct 2024",
        "Omar,Haddad,https://www.linkedin.com/in/omar,,Haddad & Co,,12 Jan 2023",
        "Wei,Zhang,https://www.linkedin.com/in/wei,wei@contoso.example,Contoso,Engineer,09 Oct 2024")))
    assert len(plan.updates) == 3 and [c["field"] for c in plan.conflicts] == ["title"]
    wei.delete()   # removed between the preview and the confirmation
    apply_import(ImportBatch.objects.create(owner=owner, format="linkedin"), plan)
    ada.refresh_from_db()
    omar.refresh_from_db()
    assert (ada.title, ada.emails, ada.organization.name) == (long_title[:200], ["ada@engines.example"], "Engines")
    assert (omar.organization.name, omar.connected_on.isoformat(), omar.title) == ("Haddad & Co", "2023-01-12", "")
    assert ada.updated_at > ada.created_at and omar.updated_at > omar.created_at
    ada_typed = Person(**{name: getattr(ada, name) for name in ("first_name", "last_name", "title", "emails")})
    ada_typed.refresh_search_text()
    assert ada.search_text == ada_typed.search_text
    people = Person.objects.for_user(owner)
    assert list(matching(people, "principal", owner)) == [ada] and list(matching(people, "engines.example", owner)) == [ada]
    assert list(matching(people, "haddad co", owner)) == [omar]
