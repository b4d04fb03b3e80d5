"""The `coffeechat` command: Django's management utility with our settings and our help."""

import os
import sys

OVERVIEW = """\
usage: coffeechat COMMAND [options]

Coffeechat keeps your informational interviews moving: people, outreach,
conversations, follow-ups.

Run it:
  serve                 start Coffeechat in your browser (--host, --port, --no-browser)
  login-link            print a fresh one-time sign-in link (local mode)

People:
  people add NAME       add a person (--email, --org, --title, --source, --linkedin, --event ID); prints the id
  people list           list people (--search Q, --json)
  import PATH           import contacts (LinkedIn, Google, Outlook CSV, vCard); --dry-run, --undo BATCH
  export json|csv|vcard your data: json is the full backup (-o FILE)
  restore FILE          load a JSON backup into an empty account
  events add NAME --on YYYY-MM-DD   record an event you went to (--where, --kind); prints the id
  events list           your events (--json)
  pitch                 your 30-second introduction (--json)
  settings              show or set your name, email and time zone (--name, --email, --time-zone, --json)

Goals, targets and insights:
  goals add TITLE       what you are exploring (--question Q, repeatable; --json); goals list [--json]
  targets add NAME      a target organisation (--motivation 0-3, --postings 1-3); targets list [--json]
  leads list            what conversations led to: organisations, careers, resources, openings
                        (--kind K, --goal ID, --conversation ID, --json)
  leads add NAME --kind K --conversation ID   note one (--goal ID for a resource; --url, --note)
  insights              funnel, replies by source, careers, network, warm paths (--goal ID, --json)
  demo                  a separate sample account to look around (--user NAME, --yes)

Conversations:
  meetings add PERSON --at "YYYY-MM-DD HH:MM"   schedule (--tz, --minutes, --medium, --where)
  meetings ics ID       the calendar invitation (-o FILE)
  meetings list         list conversations (--json)

What is due:
  today                 thank-yous, follow-ups, preparation, referrals, keep-in-touch (--json, --as-of)
  digest                email each user today's list, once a day (--loop for a long-running process)

Coaches (offline, no account needed):
  coach email FILE|-    check a request email (--json)
  coach questions FILE|-  check interview questions, one a line; '!' marks a must-ask (--json)
  coach thanks FILE|-   check a thank-you note (--notes FILE, --referral NAME, --json)

Accounts (hosted mode):
  createuser NAME       create an account (--email E, --password-stdin)
  worker                run background tasks: imports, the digest, clean-up (--batch)
  token create NAME     a personal API token, printed once; token list; token revoke NAME

Every data command takes --user USERNAME (needed in hosted mode when there is more
than one account). Exit codes: 0 ok, 1 bad input, 2 wrong usage.

`coffeechat COMMAND --help` explains one command;
`coffeechat help --commands` lists every command, Django's own included.
"""


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help"} or argv[1:] == ["help"]:
        sys.stdout.write(OVERVIEW)
        return
    if argv[1] in {"--version", "version"}:
        from coffeechat import __version__

        sys.stdout.write(f"coffeechat {__version__}\n")
        return
    # Commands are spelled with hyphens on the command line (login-link) and
    # underscores as Python modules (login_link).
    argv[1] = argv[1].replace("-", "_")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"coffeechat: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
