import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coffeechat.accounts.models import User

pytestmark = pytest.mark.django_db


def test_it_creates_an_account_from_a_password_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password-1\n"))
    call_command("createuser", "maria", "--email", "maria@example.edu", "--password-stdin")
    user = User.objects.get(username="maria")
    assert user.check_password("a-very-long-password-1") and user.email == "maria@example.edu"
    assert "Created maria" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["maria", "--email", "not-an-email"], "a-very-long-password-1\n"),
        (["maria", "--email", "m@example.edu"], "short\n"),
        (["bad name!", "--email", "m@example.edu"], "a-very-long-password-1\n"),
    ],
)
def test_bad_input_exits_1_and_creates_nothing(monkeypatch, args, stdin):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(CommandError) as caught:
        call_command("createuser", *args, "--password-stdin")
    assert caught.value.returncode == 1
    assert not User.objects.exists()


def test_a_taken_name_is_refused(monkeypatch, owner):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-very-long-password-1\n"))
    with pytest.raises(CommandError):
        call_command("createuser", "OWNER", "--email", "x@example.edu", "--password-stdin")
