import json
from pathlib import Path

from django.core.management.base import CommandError

from coffeechat.accounts.cli import BadInput, UserCommand
from coffeechat.people.bulk import paused_gc
from coffeechat.people.formats import FORMATS, ImportFormatError
from coffeechat.people.imports import FORMAT_LABELS, import_file, undo_import
from coffeechat.people.models import ImportBatch

MAX_BYTES = 50 * 1024 * 1024


class Command(UserCommand):
    help = "Import contacts from a LinkedIn, Google, Outlook, Thunderbird or Coffeechat CSV, or a vCard file; --dry-run only reports."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="the file to import")
        parser.add_argument("--format", default="auto", choices=("auto", *FORMATS))
        parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")
        parser.add_argument("--undo", type=int, metavar="BATCH", help="undo an earlier import")

    @paused_gc()   # to the end: what the import built is freed before the collector resumes
    def handle(self, *args, **options):
        user = self.get_user(options)
        if options["undo"] is not None:
            return self.undo(user, options["undo"])
        if not options["path"]:
            raise CommandError("Give the file to import (or --undo BATCH).", returncode=2)
        path = Path(options["path"])
        try:
            if path.stat().st_size > MAX_BYTES:
                raise BadInput(f"{path} is larger than 50 MB; that is not a contacts export.")
            data = path.read_bytes()
        except OSError as exc:
            raise BadInput(f"Cannot read {path}: {exc.strerror or exc}.") from None
        try:
            plan, batch = import_file(user, data, filename=path.name, fmt=options["format"], dry_run=options["dry_run"])
        except ImportFormatError as exc:
            raise BadInput(f"{path.name}: {exc} Nothing was imported.") from None
        except (ValueError, LookupError, UnicodeError) as exc:   # bad input no rule foresaw: a message, never a traceback
            raise BadInput(f"{path.name} could not be read ({type(exc).__name__}: {exc}). Nothing was imported.") from None
        summary = plan.summary | plan.details | {"dry_run": options["dry_run"], "batch": batch.pk if batch else None,
                                  "problems": [{"row": p.row, "reason": p.reason, "skipped": p.skipped} for p in plan.problems],
                                  "conflicts": plan.conflicts, "possible_duplicates": plan.possible_duplicates}
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
            return
        self.print_summary(summary)

    def print_summary(self, s):
        verb = "Would import" if s["dry_run"] else "Imported"
        self.stdout.write(f"{verb} from {FORMAT_LABELS[s['format']]}:")
        self.stdout.write(f"  new people:        {s['new']}")
        self.stdout.write(f"  already known:     {s['matched']} ({s['updated']} with details to fill in)")
        # In the summary "conflicts" is the list (the JSON shape); the text shows its count, then each one.
        conflicts = s["conflicts"]
        self.stdout.write(f"  conflicts kept:    {len(conflicts)}")
        if s["organizations"]:
            self.stdout.write(f"  organisations:     {s['organizations']} (company cards)")
        self.stdout.write(f"  rows skipped:      {s['skipped']}")
        if s["not_understood"]:
            self.stdout.write(f"  rows imported with something left out: {s['not_understood']}")
        if s["possible_duplicates"]:
            self.stdout.write(f"  possible duplicates (imported separately): {s['possible_duplicates']}")
        for problem in s["problems"]:
            what = "skipped" if problem["skipped"] else "imported"
            self.stdout.write(f"  row {problem['row']} ({what}): {problem['reason']}")
        if conflicts:
            self.stdout.write("Kept what you have where the file differs:")
        for c in conflicts:
            self.stdout.write(f"  row {c['row']}, {c['person']}: {c['field']} kept as “{c['kept']}” (file: “{c['file']}”)")
        if s["batch"]:
            self.stdout.write(f"Batch {s['batch']}. To take it back: coffeechat import --undo {s['batch']}")
        elif s["dry_run"]:
            self.stdout.write("Nothing was written (--dry-run).")

    def undo(self, user, batch_id):
        batch = ImportBatch.objects.for_user(user).filter(pk=batch_id, status=ImportBatch.Status.DONE).first()
        if batch is None:
            raise BadInput(f"There is no import {batch_id} to undo.")
        removed, kept = undo_import(batch)
        self.stdout.write(f"Removed {removed} people from import {batch_id}; kept {kept} you have changed since.")
