"""What the data commands share: the --user option and how it is resolved."""

import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coffeechat.accounts.models import User


class UsageError(CommandError):
    def __init__(self, message: str):
        super().__init__(message, returncode=2)


class BadInput(CommandError):
    def __init__(self, message: str):
        super().__init__(message, returncode=1)


# Django prints "<class name>: <message>"; these read as plain "error: …" lines.
UsageError.__name__ = BadInput.__name__ = "error"


def resolve_user(username: str | None) -> User:
    """--user when given; locally the owner; in hosted mode the only account, if there is one."""
    if username:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise BadInput(f"There is no account named {username!r}.") from None
    if settings.LOCAL_MODE:
        from coffeechat.accounts.services import ensure_database, ensure_local_owner

        ensure_database()
        return ensure_local_owner()
    users = list(User.objects.filter(is_active=True).order_by("pk")[:2])
    if len(users) == 1:
        return users[0]
    if not users:
        raise BadInput("There are no accounts yet: create one with `coffeechat createuser NAME`.")
    raise UsageError("There is more than one account: say which with --user USERNAME.")


def add_user_option(parser, *, in_subcommand: bool = False) -> None:
    """--user; a subcommand repeats it (without a default) so it may come after the subcommand too."""
    kwargs = {"default": argparse.SUPPRESS} if in_subcommand else {}
    parser.add_argument(
        "--user", metavar="USERNAME", help="whose data (default: the local owner)", **kwargs
    )


class UserCommand(BaseCommand):
    """A command that reads or writes one user's data."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        add_user_option(parser)
        return parser

    def get_user(self, options) -> User:
        return resolve_user(options.get("user"))
