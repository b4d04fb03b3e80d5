from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class AccountsConfig(AppConfig):
    name = "coffeechat.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from coffeechat.accounts.stamps import drop_for_migrating, install_triggers
        from coffeechat.memory import freeze_after_loading

        freeze_after_loading()

        # After every migrate (all apps' tables exist by then): the data stamp's triggers, new tables included.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="coffeechat-data-stamp")
        pre_migrate.connect(drop_for_migrating, sender=self, dispatch_uid="coffeechat-data-stamp-off")
