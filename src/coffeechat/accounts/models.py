import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models, transaction
from django.utils import timezone

from coffeechat.timezones import validate_time_zone


def resume_path(user, filename: str) -> str:
    return f"resumes/{user.pk}/{filename}"


class User(AbstractUser):
    """An account, with the per-user settings PRODUCT.md lists as defaults."""

    class WeekStart(models.IntegerChoices):
        MONDAY = 0, "Monday"
        SUNDAY = 6, "Sunday"

    time_zone = models.CharField(
        max_length=64, default="UTC", validators=[validate_time_zone],
        help_text="IANA name, e.g. America/Toronto.",
    )
    meeting_minutes = models.PositiveSmallIntegerField(default=30)
    second_contact_business_days = models.PositiveSmallIntegerField(default=3)
    follow_up_business_days = models.PositiveSmallIntegerField(default=7)
    thank_you_hours = models.PositiveSmallIntegerField(default=24)
    keep_in_touch_days = models.PositiveSmallIntegerField(default=90)
    week_start = models.PositiveSmallIntegerField(choices=WeekStart.choices, default=WeekStart.MONDAY)
    # Who I am, for drafting requests.
    intro_line = models.CharField(
        max_length=200, blank=True, help_text="How you describe yourself in one line, e.g. “a final-year nursing student at Dalhousie”."
    )
    affiliation = models.CharField(max_length=200, blank=True, help_text="Your school or employer.")
    weekly_aim = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Optional: how many requests you aim to send a week (Insights shows it beside what you did).",
    )
    pitch = models.TextField(
        blank=True, max_length=1200,
        help_text="Your 30-second introduction: who you are, what you study or did, what you are exploring, and why this field.",
    )
    # {"0": [["09:00", "12:00"]], …}: weekday (0 = Monday) -> local time ranges free for calls.
    availability = models.JSONField(default=dict, blank=True)
    resume = models.FileField(upload_to=resume_path, blank=True)
    # On PostgreSQL the database itself raises this whenever a row of the account changes (triggers,
    # accounts/stamps.py): a page cached at one stamp is never shown at another (accounts/pagecache.py).
    data_stamp = models.BigIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class LoginTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class LoginToken(models.Model):
    """A one-time sign-in link. Only the hash is stored, so the database never holds a usable link."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = LoginTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"sign-in link for {self.user_id}, expires {self.expires_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, user, minutes: int | None = None) -> str:
        token = secrets.token_urlsafe(32)
        lifetime = minutes if minutes is not None else settings.LOGIN_LINK_MINUTES
        cls.objects.create(
            user=user, token_hash=_hash(token), expires_at=timezone.now() + timedelta(minutes=lifetime)
        )
        return token

    @classmethod
    def redeem(cls, token: str):
        """The user the token signs in, once; None when it is unknown, used or expired."""
        if not token or len(token) > 100 or not token.isascii():
            return None
        now = timezone.now()
        # The conditional UPDATE makes "single use" hold even when two requests race.
        claimed = cls.objects.usable().filter(token_hash=_hash(token)).update(used_at=now)
        if not claimed:
            return None
        return cls.objects.select_related("user").get(token_hash=_hash(token)).user


class ThrottleHit(models.Model):
    """One counted request (a reset request, a bad sign-in link…) for a rate limit.

    Kept in the database so every worker process of a hosted installation sees the same count.
    """

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} at {self.at:%Y-%m-%d %H:%M:%S}"


class RateCount(models.Model):
    """Requests counted in one window of a busy rate limit (the API's): one row per key and window,
    raised by one conditional UPDATE, so every worker process shares the count and none is lost."""

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=200)
    window = models.BigIntegerField(help_text="The window's number: seconds since the epoch // its length.")
    hits = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key", "window"], name="one_rate_count_per_window")]
        indexes = [models.Index(fields=["scope", "started_at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}: {self.hits} in window {self.window}"


class ApiTokenQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)


class ApiToken(models.Model):
    """A personal token for the JSON API, sent as `Authorization: Bearer …`.

    Only a hash is stored: the token itself is shown once, when it is created."""

    PREFIX = "cc_"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="one_token_name_per_user")]

    def __str__(self) -> str:
        return f"API token {self.name!r} of {self.owner_id}"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        token = cls.PREFIX + secrets.token_urlsafe(32)
        with transaction.atomic():  # a taken name raises IntegrityError and leaves no broken transaction
            return cls.objects.create(owner=user, name=name, token_hash=_hash(token)), token

    @classmethod
    def user_for(cls, token: str):
        """The active user a token belongs to, or None; notes when it was last used."""
        if not token or len(token) > 100 or not token.isascii():
            return None
        found = cls.objects.select_related("owner").filter(token_hash=_hash(token)).first()
        if found is None or not found.owner.is_active:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > timedelta(minutes=1):
            cls.objects.filter(pk=found.pk).update(last_used_at=now)
        return found.owner


class CachedPage(models.Model):
    """A page as rendered for its owner, shown again until their data changes or it ages (accounts/pagecache.py)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)  # SHA-256 of the path and query: any length fits the index
    stamp = models.BigIntegerField()
    rendered_at = models.DateTimeField()
    valid_until = models.DateTimeField()
    body = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="cachedpage_owner_key")]

    def __str__(self) -> str:
        return f"page {self.key[:8]} of {self.owner_id} at stamp {self.stamp}"
