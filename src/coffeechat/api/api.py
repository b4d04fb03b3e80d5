"""The JSON API, /api/v1/: personal tokens (Bearer), every object scoped to the token's user,
errors as JSON with a field map, throttled per user and per client address (one count for all
worker processes: api/throttle.py)."""

from django.conf import settings
from ninja import NinjaAPI

from coffeechat.api import coach, errors, goals, messages, notes, people, plans, targets, work
from coffeechat.api.auth import PersonalToken
from coffeechat.api.throttle import PerClient, PerToken

api = NinjaAPI(
    title="Coffeechat API",
    version="1",
    description="Your people, conversations and what is due, for scripts and other programs. "
                "Create a personal token in Settings or with `coffeechat token create NAME`.",
    urls_namespace="api",
    auth=PersonalToken(),
    throttle=[PerClient(settings.API_ANON_RATE), PerToken(settings.API_RATE)],
)
errors.install(api)
api.add_router("", people.router)
api.add_router("", work.router)
for module in (goals, targets, messages, plans, notes, coach):
    api.add_router("", module.router)
