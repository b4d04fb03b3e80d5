from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "coffeechat.mail"
    label = "mail"
    verbose_name = "Mail"
