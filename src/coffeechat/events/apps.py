from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "coffeechat.events"
    label = "events"
    verbose_name = "Events"
