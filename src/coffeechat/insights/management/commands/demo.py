import sys

from django.core.management.base import BaseCommand

from coffeechat.accounts.cli import BadInput, UsageError
from coffeechat.accounts.models import User
from coffeechat.accounts.services import ensure_database
from coffeechat.insights.demo import NotASample, is_sample, make_demo


class Command(BaseCommand):
    help = "Create (or reset) a sample account of a student mid-search, to see every page filled in."

    def add_arguments(self, parser):
        parser.add_argument("--user", default="demo", metavar="NAME", help="the sample account's name (default: demo)")
        parser.add_argument("--yes", action="store_true", help="reset an existing sample account without asking")

    def handle(self, *args, **options):
        ensure_database()
        name = options["user"]
        existing = User.objects.filter(username=name).first()
        if existing is not None and not is_sample(existing):
            raise BadInput(f"{name!r} is a real account, not a sample one; pick another name with --user.")
        if existing is not None and not options["yes"]:
            if not sys.stdin.isatty():
                raise UsageError(f"The sample account {name!r} exists; add --yes to reset it.")
            answer = input(f"Reset the sample account {name!r}? Its sample data will be made afresh. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                self.stdout.write("Left as it was.")
                return
        try:
            user = make_demo(name)
        except NotASample as exc:
            raise BadInput(str(exc)) from None
        self.stdout.write(f"Sample account {user.username!r} is ready. Sign in with `coffeechat login-link --user {user.username}`; "
                          f"try `coffeechat insights --json --user {user.username}`.")
