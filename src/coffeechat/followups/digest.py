"""The daily digest: once a day per user, in their time zone, only when something is due."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from coffeechat.accounts.models import User
from coffeechat.followups.models import DigestLog
from coffeechat.followups.rules import due_items, load_snapshot
from coffeechat.mail.models import MailAccount
from coffeechat.mail.transport import send_smtp

DIGEST_HOUR = 7  # local time from which the day's digest may go out
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def digest_text(user, items, now) -> tuple[str, str]:
    zone = ZoneInfo(user.time_zone)
    overdue = [i for i in items if i.overdue]
    subject = f"Coffeechat: {len(items)} thing{'s' if len(items) != 1 else ''} to do today" + (f" ({len(overdue)} overdue)" if overdue else "")
    lines = [f"Good morning{', ' + user.first_name if user.first_name else ''}. Here is what is due:", ""]
    lines += [f"{'(overdue) ' if i.overdue else ''}{i.title} — {i.due.astimezone(zone):%a %d %b %H:%M}" for i in items]
    lines += ["", "Open Coffeechat's Today page to act on them."]
    return subject, "\n".join(lines)


def send_digest(user, now: datetime) -> int:
    """Send today's digest if it is due; returns how many items it listed (0: nothing sent)."""
    local = now.astimezone(ZoneInfo(user.time_zone))
    if local.hour < DIGEST_HOUR or DigestLog.objects.filter(user=user, day=local.date()).exists():
        return 0
    items = [i for i in due_items(load_snapshot(user), now) if i.overdue or i.due.astimezone(local.tzinfo).date() == local.date()]
    account = MailAccount.objects.for_user(user).first()
    site_mail = settings.EMAIL_BACKEND != CONSOLE
    if not items or not (account or (site_mail and user.email)):
        return 0
    subject, body = digest_text(user, items, now)
    try:
        with transaction.atomic():
            # The log row first: a second process racing this one fails here, not in the inbox.
            DigestLog.objects.create(user=user, day=local.date(), items=len(items))
            if account is not None:
                send_smtp(account, to=[account.from_address], subject=subject, body=body)
            else:
                EmailMessage(subject=subject, body=body, to=[user.email]).send()
    except IntegrityError:
        return 0
    return len(items)


def send_all(now: datetime) -> dict[str, int]:
    sent = {}
    for user in User.objects.filter(is_active=True).order_by("pk"):
        count = send_digest(user, now)
        if count:
            sent[user.get_username()] = count
    return sent
