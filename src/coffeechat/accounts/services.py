"""Setting up a local installation: database, owner account, sign-in links."""

import getpass
import re

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from coffeechat.accounts.models import LoginToken, User
from coffeechat.accounts.stamps import install_if_missing
from coffeechat.timezones import system_time_zone


def pending_migrations() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ensure_database(verbosity: int = 0) -> None:
    """Create the data folder and bring the schema up to date (fast when nothing is pending)."""
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=verbosity)
    else:
        install_if_missing()


def local_owner_username() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system
        name = ""
    name = re.sub(r"[^\w.@+-]", "", name)[:150]
    return name or "owner"


def ensure_local_owner() -> User:
    """The one account of a local installation: the first superuser, created on first run."""
    owner = User.objects.filter(is_superuser=True).order_by("pk").first()
    if owner is None:
        owner = User(username=local_owner_username(), is_staff=True, is_superuser=True)
        owner.time_zone = system_time_zone()
        owner.set_unusable_password()
        owner.save()
    return owner


def login_link(user: User, base_url: str) -> str:
    token = LoginToken.issue(user)
    return base_url.rstrip("/") + reverse("token-login", args=[token])
