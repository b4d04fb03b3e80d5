"""Getting a message out: mailto links, editable .eml drafts, and SMTP through the user's server."""

import base64
import mimetypes
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import quote

from django.core.mail import EmailMessage as DjangoEmail
from django.core.mail.backends.smtp import EmailBackend
from django.utils.crypto import salted_hmac

from coffeechat.mail.guard import GuardedSMTP, GuardedSMTPSSL

MAILTO_LIMIT = 2000           # longer links are cut off by some browsers and mail apps
LINKEDIN_NOTE_LIMIT = 300     # LinkedIn's limit for a connection request note
_SALT = "coffeechat.outreach.smtp-password"


def mailto_url(to: list[str], subject: str, body: str) -> str | None:
    """A mailto: link, or None when it would be too long to open reliably."""
    address = ",".join(quote(a, safe="@") for a in to)
    url = f"mailto:{address}?subject={quote(subject)}&body={quote(body.replace(chr(13), ''))}"
    return url if len(url) <= MAILTO_LIMIT else None


def _attach(message: EmailMessage, path: Path) -> None:
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    maintype, subtype = ctype.split("/", 1)
    message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)


def build_eml(*, sender: str, to: list[str], subject: str, body: str, attachment: Path | None = None) -> bytes:
    """An unsent draft (X-Unsent: 1) that Outlook, Apple Mail and Thunderbird open for editing."""
    message = EmailMessage(policy=SMTP)
    if sender:
        message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="coffeechat.local")
    message["X-Unsent"] = "1"
    message.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    if attachment is not None:
        _attach(message, attachment)
    return message.as_bytes()


def encrypt_password(password: str) -> str:
    """Signed and encrypted with a key derived from SECRET_KEY; never shown back to anyone."""
    from cryptography.fernet import Fernet

    return Fernet(_fernet_key()).encrypt(password.encode()).decode()


def decrypt_password(token: str) -> str:
    from cryptography.fernet import Fernet, InvalidToken

    if not token:
        return ""
    try:
        return Fernet(_fernet_key()).decrypt(token.encode()).decode()
    except InvalidToken:
        return ""  # the secret key changed: the user must type the password again


def _fernet_key() -> bytes:
    # HMAC of SECRET_KEY under our own salt: a key only this purpose uses.
    return base64.urlsafe_b64encode(salted_hmac(_SALT, "fernet", algorithm="sha256").digest())


SMTP_TIMEOUT = 10  # seconds; a server slower than this to answer is not worth a worker


class GuardedEmailBackend(EmailBackend):
    """Django's SMTP backend, connecting only where mail/guard.py allows (hosted mode)."""

    @property
    def connection_class(self):
        return GuardedSMTPSSL if self.use_ssl else GuardedSMTP


def smtp_connection(account, timeout: int = SMTP_TIMEOUT) -> EmailBackend:
    return GuardedEmailBackend(
        host=account.host, port=account.port, username=account.username or None,
        password=decrypt_password(account.password_encrypted) or None,
        use_tls=account.security == "starttls", use_ssl=account.security == "ssl",
        timeout=timeout, fail_silently=False,
    )


def calendar_part(ics: bytes, method: str) -> MIMEText:
    """A calendar invitation as mail clients expect it: text/calendar with its METHOD."""
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    return part


def send_smtp(account, *, to: list[str], subject: str, body: str, attachment: Path | None = None,
              parts: list[MIMEText] = ()) -> None:
    """Send through the user's own server; raises OSError/SMTPException for the caller to explain."""
    email = DjangoEmail(subject=subject, body=body, from_email=account.from_address, to=to,
                        connection=smtp_connection(account))
    if attachment is not None:
        email.attach_file(str(attachment))
    for part in parts:
        email.attach(part)
    email.send()
