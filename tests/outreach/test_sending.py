import email
from email import policy

import pytest

from coffeechat.mail.transport import build_eml, decrypt_password, encrypt_password, mailto_url

BODY = "Dear Hélène,\n\nI'm Zoë, a nursing student — could you spare 20 minutes? 🙂\n\nBest,\nZoë"


def test_the_eml_is_an_editable_utf8_draft_that_parses():
    raw = build_eml(sender="Zoë K <zoe@example.org>", to=["helene@example.com"], subject="Une question — 20 minutes?", body=BODY)
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["Subject"] == "Une question — 20 minutes?"
    assert parsed["To"] == "helene@example.com"
    assert parsed.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_the_eml_carries_the_resume_when_asked(tmp_path):
    resume = tmp_path / "Zoe-Kowalczyk.pdf"
    resume.write_bytes(b"%PDF-1.4 test")
    parsed = email.message_from_bytes(build_eml(sender="", to=[], subject="s", body="b", attachment=resume), policy=policy.default)
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "Zoe-Kowalczyk.pdf" and attachment.get_content() == b"%PDF-1.4 test"


def test_mailto_encodes_and_refuses_links_that_are_too_long():
    url = mailto_url(["helene@example.com"], "Hi & hello", "Line one\nLine two")
    assert url == "mailto:helene@example.com?subject=Hi%20%26%20hello&body=Line%20one%0ALine%20two"
    assert mailto_url(["a@example.com"], "s", "word " * 500) is None


@pytest.mark.django_db
def test_smtp_passwords_round_trip_and_are_not_stored_in_clear(settings):
    token = encrypt_password("hunter2-long")
    assert "hunter2" not in token and decrypt_password(token) == "hunter2-long"
    settings.SECRET_KEY = "a different key entirely"
    assert decrypt_password(token) == ""
