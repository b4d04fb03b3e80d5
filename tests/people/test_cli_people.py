import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from coffeechat.people.models import Person
from tests.clirun import run_cli
from tests.factories import PersonFactory


@pytest.mark.django_db
def test_people_add_prints_the_id_and_the_person_shows_up_in_the_web_list(capsys, owner, client):
    call_command("people", "add", "Ada Lovelace", "--org", "Analytical Engines", "--email", "ada@example.com", "--user", "owner")
    person_id = int(capsys.readouterr().out.strip())
    person = Person.objects.get(pk=person_id)
    assert (person.first_name, person.last_name, person.owner) == ("Ada", "Lovelace", owner)
    assert person.organization.name == "Analytical Engines"
    client.force_login(owner)
    assert "Ada Lovelace" in client.get(reverse("people:list")).content.decode()


@pytest.mark.django_db
def test_people_list_json_searches_only_the_chosen_users_people(capsys, owner, second_user):
    PersonFactory(owner=owner, first_name="Hélène", last_name="Béland", emails=["h@example.com"])
    PersonFactory(owner=second_user, first_name="Hélène", last_name="Béland")
    call_command("people", "list", "--search", "beland", "--json", "--user", "owner")
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["emails"]) for r in rows] == [("Hélène Béland", ["h@example.com"])]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args",
    [
        ["--email", "not-an-email"],
        ["--source", "carrier-pigeon"],
        ["--linkedin", "not a url"],
    ],
)
def test_bad_input_exits_1_and_writes_nothing(owner, args):
    with pytest.raises(CommandError) as caught:
        call_command("people", "add", "Ada Lovelace", *args, "--user", "owner")
    assert caught.value.returncode == 1
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_an_unknown_user_is_bad_input(owner):
    with pytest.raises(CommandError) as caught:
        call_command("people", "list", "--user", "nobody")
    assert caught.value.returncode == 1


@pytest.mark.django_db
def test_hosted_mode_with_two_users_requires_user(settings, owner, second_user):
    settings.LOCAL_MODE = False
    with pytest.raises(CommandError) as caught:
        call_command("people", "list")
    assert caught.value.returncode == 2
    assert "--user" in str(caught.value)


def test_the_real_command_end_to_end_with_exit_codes(tmp_path):
    added = run_cli(tmp_path, "people", "add", "Ada Lovelace", "--org", "Analytical Engines")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().isdigit()
    listed = run_cli(tmp_path, "people", "list", "--json")
    assert [p["organization"] for p in json.loads(listed.stdout)] == ["Analytical Engines"]
    bad = run_cli(tmp_path, "people", "add", "Bob", "--email", "nope")
    assert bad.returncode == 1 and "nope" in bad.stderr
    usage = run_cli(tmp_path, "people", "add")
    assert usage.returncode == 2
    assert len(json.loads(run_cli(tmp_path, "people", "list", "--json").stdout)) == 1
    # --user may come after the subcommand's arguments too.
    assert run_cli(tmp_path, "people", "list", "--user", "nobody").returncode == 1


def test_help_lists_our_commands(tmp_path):
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0
    for command in ("serve", "login-link", "people add", "people list", "createuser"):
        assert command in result.stdout
