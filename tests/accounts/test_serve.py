import http.cookiejar
import json
import urllib.error
import urllib.request

from tests.clirun import run_cli
from tests.serverproc import Server


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def test_first_run_creates_everything_and_the_link_signs_in_once(tmp_path):
    data_dir = tmp_path / "data"
    with Server(data_dir) as server:
        assert server.link.startswith("http://127.0.0.1:")
        assert (data_dir / "coffeechat.sqlite3").exists() and (data_dir / "secret_key").exists()
        opener = browser()
        home = opener.open(server.link)
        assert home.geturl() == server.base_url + "/"
        assert "Welcome to Coffeechat" in home.read().decode()
        assert opener.open(server.base_url + "/static/coffeechat/app.css").status == 200
        try:
            browser().open(server.link)
            raise AssertionError("a used link signed in again")
        except urllib.error.HTTPError as exc:
            assert exc.code == 410
        assert server.stop() == 0
    assert "Coffeechat stopped." in "".join(server.output)


def test_a_second_start_reuses_the_database_and_the_owner(tmp_path):
    data_dir = tmp_path / "data"
    with Server(data_dir) as server:
        server.stop()
    secret = (data_dir / "secret_key").read_text()
    assert run_cli(data_dir, "people", "add", "Ada Lovelace").returncode == 0
    with Server(data_dir) as server:
        opener = browser()
        assert "Nothing is due" in opener.open(server.link).read().decode()
        assert "Ada Lovelace" in opener.open(server.base_url + "/people/").read().decode()
        fresh = run_cli(data_dir, "login-link", "--port", server.base_url.rsplit(":", 1)[1])
        assert fresh.returncode == 0 and "/login/link/" in fresh.stdout
        assert browser().open(fresh.stdout.strip()).status == 200
    assert (data_dir / "secret_key").read_text() == secret
    people = json.loads(run_cli(data_dir, "people", "list", "--json").stdout)
    assert [p["name"] for p in people] == ["Ada Lovelace"]


def test_the_database_uses_wal(tmp_path):
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "people", "list").returncode == 0
    import sqlite3

    mode = sqlite3.connect(data_dir / "coffeechat.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_login_link_finds_the_running_servers_port_and_the_note_goes_on_exit(tmp_path):
    data_dir = tmp_path / "data"
    with Server(data_dir) as server:
        assert not server.base_url.endswith(":8000")
        assert (data_dir / "server.json").exists()
        result = run_cli(data_dir, "login-link")
        assert result.returncode == 0, result.stderr
        link = result.stdout.strip()
        assert link.startswith(server.base_url + "/login/link/")
        assert browser().open(link).geturl() == server.base_url + "/"
        override = run_cli(data_dir, "login-link", "--port", "8123").stdout.strip()
        assert override.startswith("http://127.0.0.1:8123/login/link/")
        assert server.stop() == 0
    assert not (data_dir / "server.json").exists()
    after = run_cli(data_dir, "login-link")
    assert after.returncode == 0 and after.stdout.startswith("http://127.0.0.1:8000/")
    assert "No running server" in after.stderr
