from django.db import models

from coffeechat.ownership import OwnedModel


class MailAccount(OwnedModel):
    """The user's own SMTP server, for sending from Coffeechat. The password is stored encrypted."""

    class Security(models.TextChoices):
        STARTTLS = "starttls", "STARTTLS (usually port 587)"
        SSL = "ssl", "SSL/TLS (usually port 465)"
        NONE = "none", "None (only for a server on this computer)"

    host = models.CharField(max_length=255)
    port = models.PositiveIntegerField(default=587)
    security = models.CharField(max_length=16, choices=Security.choices, default=Security.STARTTLS)
    username = models.CharField(max_length=255, blank=True)
    password_encrypted = models.TextField(blank=True, editable=False)
    from_address = models.EmailField(help_text="The address your messages come from.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_mail_account_per_user")]

    def __str__(self) -> str:
        return f"{self.from_address} via {self.host}"
