"""Bad settings stop start-up with a message naming the variable."""

import json
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat.settings import envbool, envchoice, envint
from tests.clirun import cli_env, run_cli


def test_env_helpers_refuse_bad_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    monkeypatch.setenv("X_INT", "ten")
    monkeypatch.setenv("X_CHOICE", "cloud")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL"):
        envbool("X_BOOL", False)
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        envint("X_INT", 1)
    with pytest.raises(ImproperlyConfigured, match="X_CHOICE"):
        envchoice("X_CHOICE", ("local", "hosted"), "local")


def test_env_helpers_read_good_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "Yes")
    monkeypatch.setenv("X_INT", "42")
    assert envbool("X_BOOL", False) is True and envint("X_INT", 1) == 42
    assert envbool("X_UNSET", True) is True


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DATABASE_URL": "postgres://localhost/x", "COFFEECHAT_ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"COFFEECHAT_MODE": "hosted", "SECRET_KEY": "s" * 50}, "COFFEECHAT_ALLOWED_HOSTS"),
        ({"COFFEECHAT_MODE": "cloud"}, "COFFEECHAT_MODE"),
        ({"COFFEECHAT_DEBUG": "perhaps"}, "COFFEECHAT_DEBUG"),
        ({"COFFEECHAT_ALLOW_SIGNUP": "2"}, "COFFEECHAT_ALLOW_SIGNUP"),
        ({"DATABASE_URL": "nonsense://", "SECRET_KEY": "s" * 50, "COFFEECHAT_ALLOWED_HOSTS": "x"}, "DATABASE_URL"),
    ],
)
def test_a_bad_setting_stops_the_command_naming_the_variable(tmp_path, env, variable):
    result = run_cli(tmp_path, "people", "list", **env)
    assert result.returncode == 2
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


def test_local_mode_generates_the_secret_once_and_keeps_it(tmp_path):
    assert run_cli(tmp_path, "people", "list").returncode == 0
    secret = (tmp_path / "secret_key").read_text()
    assert len(secret) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert run_cli(tmp_path, "people", "list").returncode == 0
    assert (tmp_path / "secret_key").read_text() == secret


def hosted_settings(tmp_path, **env) -> dict:
    """The database and language settings a hosted start-up computes (read in a child process)."""
    code = ("import json; from coffeechat import settings as s; d = s.DATABASES['default']; "
            "print(json.dumps({'engine': d['ENGINE'], 'age': d['CONN_MAX_AGE'], 'checks': d['CONN_HEALTH_CHECKS'], "
            "'options': d['OPTIONS'], 'i18n': s.USE_I18N}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                          env=cli_env(tmp_path, SECRET_KEY="s" * 50, COFFEECHAT_ALLOWED_HOSTS="example.org", **env))
    return json.loads(done.stdout)


def test_hosted_workers_keep_checked_connections_and_postgres_plans_once_without_jit(tmp_path):
    found = hosted_settings(tmp_path, DATABASE_URL="postgres://coffee@db.example.org/coffeechat")
    assert found == {"engine": "coffeechat.postgres", "age": 600, "checks": True, "i18n": False, "options": {
        "options": "-c jit=off", "server_side_binding": True, "prepare_threshold": 5}}


def test_options_in_the_database_url_win_and_prepared_statements_can_be_turned_off(tmp_path):
    found = hosted_settings(tmp_path, DATABASE_URL="postgres://coffee@db.example.org/coffeechat?options=-c%20work_mem%3D8MB",
                            COFFEECHAT_DB_PREPARED="false")
    assert found["options"] == {"options": "-c work_mem=8MB"}
