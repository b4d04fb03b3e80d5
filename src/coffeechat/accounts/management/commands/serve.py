import signal
import sys
import threading
import webbrowser

from django.conf import settings
from django.core.management.base import BaseCommand

from coffeechat.accounts.cli import UsageError
from coffeechat.accounts.services import ensure_database, ensure_local_owner, login_link
from coffeechat.datadir import remove_server_address, write_server_address


class Command(BaseCommand):
    help = "Start Coffeechat with waitress and open it in your browser."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
        parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, **options):
        from waitress import create_server

        from coffeechat.wsgi import application

        host, port = options["host"], options["port"]
        if not 0 <= port <= 65535:
            raise UsageError("--port must be between 0 and 65535.")
        ensure_database(verbosity=0)
        server = create_server(application, host=host, port=port, threads=options["threads"])
        bound_port = server.effective_port
        shown_host = f"[{host}]" if ":" in host else host
        base = f"http://{shown_host}:{bound_port}"
        if settings.LOCAL_MODE:
            # Noted before the banner, so `login-link` run as soon as the banner shows finds this port.
            write_server_address(settings.DATA_DIR, host, bound_port)
            owner = ensure_local_owner()
            link = login_link(owner, base)
            self.stdout.write(f"Coffeechat is running at {base}/")
            self.stdout.write(f"Data folder: {settings.DATA_DIR}")
            self.stdout.write(f"Sign in with this one-time link (valid {settings.LOGIN_LINK_MINUTES} minutes):")
            self.stdout.write(f"    {link}")
            self.stdout.write("Another link any time: coffeechat login-link. Stop with Ctrl-C.")
            if not options["no_browser"]:
                threading.Timer(0.5, webbrowser.open, args=[link]).start()
        else:
            self.stdout.write(f"Coffeechat (hosted mode) is running at {base}/ — stop with Ctrl-C.")
        self.stdout.flush()

        def stop(signum, frame):
            # Treat a polite kill like Ctrl-C: finish through the same clean path.
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
            if settings.LOCAL_MODE:
                remove_server_address(settings.DATA_DIR)
        self.stdout.write("Coffeechat stopped.")
        sys.stdout.flush()
