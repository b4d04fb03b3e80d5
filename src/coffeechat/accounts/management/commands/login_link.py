from django.conf import settings
from django.core.management.base import BaseCommand

from coffeechat.accounts.cli import UsageError, resolve_user
from coffeechat.accounts.services import login_link


class Command(BaseCommand):
    help = "Print a fresh one-time sign-in link for the running local server."

    def add_arguments(self, parser):
        parser.add_argument("--user", metavar="USERNAME", help="whose account (default: the local owner)")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        if not settings.LOCAL_MODE:
            raise UsageError("Sign-in links are for local mode; hosted accounts sign in with a password.")
        user = resolve_user(options["user"])
        host = options["host"]
        display_host = f"[{host}]" if ":" in host else host
        self.stdout.write(login_link(user, f"http://{display_host}:{options['port']}"))
