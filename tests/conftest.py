import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.smtpserver import smtp_server  # noqa: F401 - a fixture for every test module


@pytest.fixture
def owner(db):
    return UserFactory(username="owner")


@pytest.fixture
def second_user(db):
    return UserFactory(username="second")


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def outsider_client(outsider):
    # A client of its own, so a test can hold the owner's and the outsider's side by side.
    other = Client()
    other.force_login(outsider)
    return other


@pytest.fixture(autouse=True)
def no_values_kept_from_another_test():
    # Kept values live in the process, and a rolled-back test's owner may come back with its id and stamp.
    from coffeechat.accounts.pagecache import forget_kept_values

    forget_kept_values()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing costs ~100 ms a user; tests only need hashing to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
