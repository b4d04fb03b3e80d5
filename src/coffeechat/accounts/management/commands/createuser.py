import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.core.validators import validate_email
from django.db import transaction

from coffeechat.accounts.cli import BadInput
from coffeechat.accounts.models import User


class Command(BaseCommand):
    help = "Create an account (hosted mode). The password is asked for, or read from stdin."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        parser.add_argument("--admin", action="store_true", help="may use the admin site")

    def handle(self, *args, **options):
        username = options["username"].strip()
        email = options["email"].strip()
        try:
            User.username_validator(username)
            validate_email(email)
        except ValidationError as exc:
            raise BadInput(" ".join(exc.messages)) from None
        if User.objects.filter(username__iexact=username).exists():
            raise BadInput(f"An account named {username!r} already exists.")
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise BadInput("The two passwords differ.")
        user = User(username=username, email=email, is_staff=options["admin"], is_superuser=options["admin"])
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise BadInput(" ".join(exc.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
        self.stdout.write(f"Created {username} (id {user.pk}).")
