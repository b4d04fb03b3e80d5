import json
from pathlib import Path

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.backup import export_backup
from coffeechat.people.exports import export_people


class Command(UserCommand):
    help = "Export your data: json (the full backup), csv or vcard (your people)."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=("json", "csv", "vcard"))
        parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    def handle(self, *args, **options):
        user = self.get_user(options)
        if options["format"] == "json":
            text = json.dumps(export_backup(user), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        else:
            text = export_people(user, options["format"])
        if options["output"]:
            try:
                # newline="": the CSV and vCard writers already chose CRLF line ends.
                with Path(options["output"]).open("w", encoding="utf-8", newline="") as handle:
                    handle.write(text)
            except OSError as exc:
                raise BadInput(f"Cannot write {options['output']}: {exc.strerror or exc}.") from None
        else:
            self.stdout.write(text, ending="")
