import json
from pathlib import Path

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.backup import BackupError, restore_backup


class Command(UserCommand):
    help = "Restore a JSON backup (from `coffeechat export json`) into an empty account."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        user = self.get_user(options)
        try:
            document = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except OSError as exc:
            raise BadInput(f"Cannot read {options['file']}: {exc.strerror or exc}.") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise BadInput(f"{options['file']} is not a JSON backup.") from None
        try:
            counts = restore_backup(user, document)
        except BackupError as exc:
            raise BadInput(str(exc)) from None
        total = sum(counts.values())
        details = ", ".join(f"{n} {label.split('.')[1]}" for label, n in counts.items() if n)
        self.stdout.write(f"Restored {total} records into {user.get_username()}: {details or 'nothing'}.")
