from django.conf import settings
from django.core.management.base import BaseCommand

from coffeechat.accounts.cli import UsageError, resolve_user
from coffeechat.accounts.services import login_link
from coffeechat.datadir import SERVER_FILE, is_listening, read_server_address

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000


class Command(BaseCommand):
    help = "Print a fresh one-time sign-in link for the running local server (found from the data folder)."

    def add_arguments(self, parser):
        parser.add_argument("--user", metavar="USERNAME", help="whose account (default: the local owner)")
        parser.add_argument("--host", help="the server's address (default: the running server's, else 127.0.0.1)")
        parser.add_argument("--port", type=int, help="the server's port (default: the running server's, else 8000)")

    def handle(self, *args, **options):
        if not settings.LOCAL_MODE:
            raise UsageError("Sign-in links are for local mode; hosted accounts sign in with a password.")
        user = resolve_user(options["user"])
        running = read_server_address(settings.DATA_DIR)
        host = options["host"] or (running[0] if running else DEFAULT_HOST)
        port = options["port"] if options["port"] is not None else (running[1] if running else DEFAULT_PORT)
        if options["port"] is None and running is None:
            self.stderr.write(f"No running server noted in {settings.DATA_DIR / SERVER_FILE}; assuming port {port}. "
                              "Start one with: coffeechat serve")
        elif not is_listening(host, port):
            self.stderr.write(f"Nothing answers at {host}:{port} yet; the link works once coffeechat serve runs there.")
        display_host = f"[{host}]" if ":" in host else host
        self.stdout.write(login_link(user, f"http://{display_host}:{port}"))
