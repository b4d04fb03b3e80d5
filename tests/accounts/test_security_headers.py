"""Content-Security-Policy, Permissions-Policy, HSTS and a clean `check --deploy` in the
documented hosted configuration."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

SRC = Path(__file__).resolve().parents[2] / "src" / "coffeechat"


@pytest.mark.django_db
def test_every_page_sends_a_strict_policy(owner_client):
    response = owner_client.get(reverse("people:list"))
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy["default-src"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_no_template_holds_inline_script_or_event_handlers():
    offenders = []
    for path in SRC.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)[^>]*>", r"\son[a-z]+\s*=", r"hx-on", r"""hx-vals=['"]\s*js:""", r"javascript:"):
            if re.search(pattern, text, flags=re.IGNORECASE):
                offenders.append(f"{path.relative_to(SRC)}: {pattern}")
    assert offenders == []


def hosted_env(**extra):
    # Nothing of this test process's own set-up (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE) reaches the check.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COFFEECHAT_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({
        "DATABASE_URL": "postgres://coffeechat@db.example.edu:5432/coffeechat",  # not connected to by `check`
        "SECRET_KEY": secrets.token_urlsafe(50),
        "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu",
        "COFFEECHAT_CSRF_TRUSTED_ORIGINS": "https://coffeechat.example.edu",
        "COFFEECHAT_HTTPS": "true",
    })
    env.update(extra)
    return env


def run(*args, **extra):
    return subprocess.run([sys.executable, "-m", "coffeechat", *args], env=hosted_env(**extra),
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_in_the_documented_hosted_configuration():
    result = run("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_turns_hsts_on_by_default():
    shown = run("shell", "-c", "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT)")
    assert shown.stdout.strip().splitlines()[-1].split() == ["31536000", "True", "True"], shown.stderr
    without = run("check", "--deploy", "--fail-level", "WARNING", COFFEECHAT_HTTPS="false")
    assert without.returncode != 0 and "SECURE_HSTS_SECONDS" in without.stdout + without.stderr
