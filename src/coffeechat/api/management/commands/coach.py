import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


def read_input(source: str) -> str:
    """FILE or - (standard input), as UTF-8 text; exit 1 with a message when it cannot be read."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except IsADirectoryError:
        raise CommandError(f"{source} is a folder, not a text file.", returncode=1) from None
    except OSError as exc:
        raise CommandError(f"Cannot read {source}: {exc.strerror or exc}.", returncode=1) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{source} is not UTF-8 text.", returncode=1) from None


class Command(BaseCommand):
    help = "The coaches, offline: check a request email, a thank-you note, or a list of interview questions."
    requires_system_checks = []  # pure text in, verdicts out: no database, no URL checks

    def add_arguments(self, parser):
        topics = parser.add_subparsers(dest="topic", required=True, metavar="{email,thanks,questions}")
        email = topics.add_parser("email", help="check a request email (optional first line 'Subject: …')")
        email.add_argument("source", metavar="FILE|-")
        email.add_argument("--json", action="store_true")
        thanks = topics.add_parser("thanks", help="check a thank-you note after a conversation")
        thanks.add_argument("source", metavar="FILE|-")
        thanks.add_argument("--notes", metavar="FILE", help="your private live-mode notes of that conversation")
        thanks.add_argument("--referral", metavar="NAME", action="append", default=[],
                            help="a name they gave you (repeat for each)")
        thanks.add_argument("--json", action="store_true")
        questions = topics.add_parser("questions", help="check interview questions, one a line; a leading '!' marks a must-ask")
        questions.add_argument("source", metavar="FILE|-")
        questions.add_argument("--json", action="store_true")
        questions.add_argument("--must-ask", action="store_true",
                               help="count must-asks even when no line is marked with '!' (otherwise must_ask_count is null then)")

    def handle(self, *args, **options):
        if options["topic"] == "thanks" and options["source"] == "-" and options["notes"] == "-":
            raise CommandError("The note and --notes cannot both be read from standard input.", returncode=2)
        text = read_input(options["source"])
        if options["topic"] == "email":
            self.email(text, options["json"])
        elif options["topic"] == "thanks":
            notes = read_input(options["notes"]) if options["notes"] else ""
            self.thanks(text, notes, options["referral"], options["json"])
        else:
            self.questions(text, options["json"], options.get("must_ask", False))

    def email(self, text: str, as_json: bool):
        from coffeechat.outreach.coach import check_email

        self.report(check_email(text), as_json)

    def thanks(self, text: str, notes: str, referrals: list[str], as_json: bool):
        from coffeechat.outreach.coach import check_thanks

        self.report(check_thanks(text, notes=notes, referrals=referrals), as_json)

    def report(self, report, as_json: bool):
        """The same output for every text coach: JSON, or one line a check with its fix."""
        if as_json:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{report.word_count} words between greeting and sign-off.")
        for finding in report.findings:
            mark = "✓" if finding.ok else ("~" if finding.id == "spelling" else "✗")
            self.stdout.write(f"{mark} {finding.id}: {finding.message}")
            if finding.fix:
                self.stdout.write(f"    → {finding.fix}")
        self.stdout.write("Ready to send." if report.passed else "Not ready yet: see the ✗ lines.")

    def questions(self, text: str, as_json: bool, count_must_ask: bool = False):
        from coffeechat.questions.coach import coach_questions_json

        result = coach_questions_json(text.splitlines(), count_must_ask=count_must_ask)
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        for q in result["questions"]:
            flags = [f for f in q["findings"] if not f["ok"]]
            self.stdout.write(f"{'✓' if not flags else '✗'} [{q['category']}] {q['text']}")
            for f in flags:
                self.stdout.write(f"    {f['message']}" + (f" → {f['fix']}" if f["fix"] else ""))
        plan = result["plan"]
        must = "" if plan["must_ask_count"] is None else f", {plan['must_ask_count']} must-ask"
        self.stdout.write(f"Plan: {plan['count']} questions{must}; categories: {', '.join(plan['categories_covered']) or 'none'}.")
        for f in plan["findings"]:
            if not f["ok"]:
                self.stdout.write(f"✗ {f['message']}" + (f" → {f['fix']}" if f["fix"] else ""))
